import type { IssuedTicket } from '../../contract/tickets';
import type { Service } from '../../contract/catalog';
import { describe, expect, it } from 'vitest';
import { initialKioskState, isIdle, kioskReducer, type KioskAction, type KioskState } from '../../kiosk/flow';
import { accessChanged, defaultAccess, RATES, rateOf, VOLUMES, volumeOf } from '../../kiosk/access';

const desk = { id: 'svc-desk', mode: 'desk', officeId: 'o1' } as Service;
const byAppointment = { id: 'svc-app', mode: 'appointment', officeId: 'o2' } as Service;
const ticket = { id: 't1', number: 'A001' } as IssuedTicket;
const run = (actions: KioskAction[], from: KioskState = initialKioskState) => actions.reduce(kioskReducer, from);

describe('kiosk flow', () => {
  it('goes from a category to the priority step and back to the same category', () => {
    const s = run([
      { type: 'category', categoryId: 'c1' },
      { type: 'service', service: desk },
    ]);
    expect(s.step).toEqual({ name: 'priority', service: desk, from: { name: 'category', categoryId: 'c1' } });
    expect(isIdle(s)).toBe(false);
    const back = kioskReducer(s, { type: 'back', from: { name: 'category', categoryId: 'c1' } });
    expect(back.step).toEqual({ name: 'category', categoryId: 'c1' });
  });

  it('sends an appointment-only service to the appointment step, and back to the search it came from', () => {
    const s = run([
      { type: 'query', query: 'carta' },
      { type: 'service', service: byAppointment },
    ]);
    expect(s.step).toEqual({ name: 'appointment', service: byAppointment, from: { name: 'search' } });
    const back = kioskReducer(s, { type: 'back', from: { name: 'search' } });
    expect(back.step).toEqual({ name: 'home' });
    expect(back.searching).toBe(true);
    expect(back.query).toBe('carta');
  });

  it('shows the ticket answered to the request in flight', () => {
    const s = run([
      { type: 'service', service: desk },
      { type: 'issue', service: desk, priority: 'none', from: { name: 'search' }, request: 1 },
      { type: 'issued', request: 1, ticket },
    ]);
    expect(s.step).toEqual({ name: 'ticket', ticket });
  });

  it('ignores the answer to a request the citizen left (start over, then a new request)', () => {
    const issuing = run([{ type: 'issue', service: desk, priority: 'none', from: { name: 'search' }, request: 1 }]);
    const left = kioskReducer(issuing, { type: 'startOver' });
    expect(kioskReducer(left, { type: 'issued', request: 1, ticket })).toBe(left);
    const again = kioskReducer(left, { type: 'issue', service: desk, priority: 'elderly', from: { name: 'search' }, request: 2 });
    expect(kioskReducer(again, { type: 'issued', request: 1, ticket })).toBe(again);
    expect(kioskReducer(again, { type: 'issueFailed', request: 1, failure: { kind: 'network' } })).toBe(again);
  });

  it('turns failures into the closed notice, the appointment step or an error with retry data', () => {
    const issuing = run([{ type: 'issue', service: desk, priority: 'disability', from: { name: 'search' }, request: 3 }]);
    expect(
      kioskReducer(issuing, { type: 'issueFailed', request: 3, failure: { closed: { nextOpensAt: '2026-12-03T08:30:00Z' } } })
        .step,
    ).toEqual({ name: 'closed', nextOpensAt: '2026-12-03T08:30:00Z' });
    expect(kioskReducer(issuing, { type: 'issueFailed', request: 3, failure: { kind: 'byAppointment' } }).step).toEqual({
      name: 'appointment',
      service: { ...desk, mode: 'appointment' },
      from: { name: 'search' },
    });
    expect(kioskReducer(issuing, { type: 'issueFailed', request: 3, failure: { kind: 'tooMany' } }).step).toEqual({
      name: 'error',
      kind: 'tooMany',
      service: desk,
      priority: 'disability',
      from: { name: 'search' },
    });
  });

  it('starts over clean: home, no search, no query', () => {
    const s = run([{ type: 'query', query: 'tari' }, { type: 'checkIn' }, { type: 'startOver' }]);
    expect(s).toEqual(initialKioskState);
    expect(isIdle(s)).toBe(true);
  });

  it('closing the search forgets the query; typing opens it', () => {
    const typed = kioskReducer(initialKioskState, { type: 'query', query: 'anagrafe' });
    expect(typed.searching).toBe(true);
    expect(isIdle(typed)).toBe(false);
    expect(kioskReducer(typed, { type: 'closeSearch' })).toEqual(initialKioskState);
  });

  it('keeps the accessibility modes through the steps and resets them when the kiosk starts over', () => {
    const s = run([
      { type: 'access', change: { toggle: 'listen' } },
      { type: 'access', change: { toggle: 'low' } },
      { type: 'access', change: { toggle: 'large' } },
      { type: 'access', change: { toggle: 'contrast' } },
      { type: 'access', change: { volume: -1 } },
      { type: 'category', categoryId: 'c1' },
      { type: 'service', service: desk },
      { type: 'home' },
    ]);
    expect(s.access).toEqual({
      ...defaultAccess,
      listen: true,
      low: true,
      large: true,
      contrast: true,
      volume: VOLUMES.length - 2,
    });
    expect(accessChanged(s.access)).toBe(true);
    const again = kioskReducer(s, { type: 'startOver' });
    expect(again.access).toEqual(defaultAccess);
    expect(accessChanged(again.access)).toBe(false);
  });

  it('switches a mode off again and keeps volume and speed within their steps', () => {
    const twice = run([
      { type: 'access', change: { toggle: 'contrast' } },
      { type: 'access', change: { toggle: 'contrast' } },
    ]);
    expect(twice.access.contrast).toBe(false);
    const loud = run(Array.from({ length: 9 }, (): KioskAction => ({ type: 'access', change: { volume: 1 } })));
    expect(volumeOf(loud.access)).toBe(1);
    const quiet = run(Array.from({ length: 9 }, (): KioskAction => ({ type: 'access', change: { volume: -1 } })));
    expect(volumeOf(quiet.access)).toBe(VOLUMES[0]);
    const fast = run(Array.from({ length: 9 }, (): KioskAction => ({ type: 'access', change: { rate: 1 } })));
    expect(rateOf(fast.access)).toBe(RATES.at(-1));
    expect(rateOf(initialKioskState.access)).toBe(1);
  });
});
