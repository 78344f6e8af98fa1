import { describe, expect, it } from 'vitest';
import { newTicketId } from '../../server/tickets/ids';

describe('ticket ids', () => {
  it('are UUIDs of version 7 that sort in the order they were made, also within one millisecond', () => {
    const ids = [newTicketId(1_773_134_040_878), ...Array.from({ length: 5000 }, () => newTicketId(1_773_134_040_879))];
    ids.push(newTicketId(1_773_134_040_000)); // the clock went back: still after the others
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe((1_773_134_040_878).toString(16).padStart(12, '0'));
  });
});
