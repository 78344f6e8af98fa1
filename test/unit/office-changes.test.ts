import { describe, expect, it } from 'vitest';
import { markOfficeChanged, officeVersion, perOfficeChange } from '../../server/realtime/changes';

describe('office change counters and the figures cached on them', () => {
  it('a click moves only the `any` counter; an admin change moves both', () => {
    const office = 'office-counters';
    const any0 = officeVersion(office);
    const settings0 = officeVersion(office, 'settings');
    markOfficeChanged(office);
    expect([officeVersion(office), officeVersion(office, 'settings')]).toEqual([any0 + 1, settings0]);
    markOfficeChanged(office, 'settings');
    expect([officeVersion(office), officeVersion(office, 'settings')]).toEqual([any0 + 2, settings0 + 1]);
  });

  it('a figure read from settings is not read again after tickets move, but is after an admin change', async () => {
    const office = 'office-rules';
    let reads = 0;
    const rules = perOfficeChange<number>('test-rules', 60_000, 'settings');
    const read = () => rules(office, 'service-1', async () => ++reads);
    expect(await read()).toBe(1);
    for (let i = 0; i < 5; i++) markOfficeChanged(office); // tickets issued, called, completed
    expect(await read()).toBe(1);
    markOfficeChanged(office, 'settings'); // e.g. the walk-in hours changed
    expect(await read()).toBe(2);
  });

  it('a figure of the queue is read again after any change', async () => {
    const office = 'office-queue';
    let reads = 0;
    const snapshot = perOfficeChange<number>('test-snapshot', 60_000);
    const read = () => snapshot(office, 'display-1', async () => ++reads);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    markOfficeChanged(office);
    expect(await read()).toBe(2);
  });

  it('a failed read is not kept', async () => {
    const office = 'office-fail';
    const rules = perOfficeChange<number>('test-fail', 60_000, 'settings');
    await expect(rules(office, 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await rules(office, 'k', async () => 7)).toBe(7);
  });
});
