import { describe, expect, it } from 'vitest';
import { keyInDirection, type Box } from '../../kiosk/keypad';

/** A keyboard like the kiosk's: rows of 96 px keys, each row shifted half a key. */
const key = (row: number, col: number): Box => ({ top: row * 100, left: col * 100 + row * 50, width: 96, height: 84 });
const keys: Box[] = [];
for (let row = 0; row < 3; row++) for (let col = 0; col < 10 - row; col++) keys.push(key(row, col));
const at = (row: number, col: number) => keys.findIndex((b) => b.top === row * 100 && b.left === col * 100 + row * 50);

describe('keypad: the key below or above in a grid', () => {
  it('goes to the nearest row, to the key closest under the centre', () => {
    expect(keyInDirection(key(0, 0), keys, true)).toBe(at(1, 0));
    expect(keyInDirection(key(0, 9), keys, true)).toBe(at(1, 8));
    // Two keys equally close: the first in reading order.
    expect(keyInDirection(key(1, 3), keys, true)).toBe(at(2, 2));
    expect(keyInDirection(key(2, 3), keys, false)).toBe(at(1, 3));
    expect(keyInDirection(key(1, 0), keys, false)).toBe(at(0, 0));
  });

  it('answers -1 at the edge, so the caller leaves the group', () => {
    expect(keyInDirection(key(0, 4), keys, false)).toBe(-1);
    expect(keyInDirection(key(2, 4), keys, true)).toBe(-1);
  });

  it('takes a wide key below several narrow ones (the space bar)', () => {
    const space: Box = { top: 300, left: 200, width: 400, height: 84 };
    const withSpace = [...keys, space];
    expect(keyInDirection(key(2, 3), withSpace, true)).toBe(withSpace.length - 1);
    expect(keyInDirection(space, withSpace, false)).toBe(at(2, 3));
  });
});
