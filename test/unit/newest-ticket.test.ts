import { describe, expect, it } from 'vitest';
import type { TicketPublic } from '../../contract/tickets';
import { newestTicket } from '../../ticket/newest';

const view = (over: Partial<TicketPublic>): TicketPublic => ({
  code: 'abcdefghjkmnpqrs',
  number: 'A002',
  status: 'waiting',
  priority: 'none',
  service: { id: 's', name: { it: 'Anagrafe' }, prefix: 'A' },
  office: { id: 'o', name: { it: 'Sportello' } },
  position: 3,
  estimatedWaitMinutes: 12,
  estimatedWaitMinMinutes: 9,
  estimatedWaitMaxMinutes: 15,
  counter: null,
  issuedAt: '2026-12-02T08:00:00.000Z',
  calledAt: null,
  version: 10,
  ...over,
});

describe('newestTicket', () => {
  const waiting = view({});
  const called = view({ status: 'called', position: null, counter: { number: 2, name: 'Sportello 2' }, version: 14 });

  it('takes the first view, and a later change', () => {
    expect(newestTicket(null, waiting)).toBe(waiting);
    expect(newestTicket(waiting, called)).toBe(called);
  });

  it('keeps a change over a view read before it', () => {
    expect(newestTicket(called, waiting)).toBe(called);
  });

  it('takes a newer view of the same change (the position moved)', () => {
    const moved = view({ position: 1 });
    expect(newestTicket(waiting, moved)).toBe(moved);
  });

  it('takes any view of another ticket (the page moved on to another code)', () => {
    const other = view({ code: 'zzzzzzzzzzzzzzzz', version: 1 });
    expect(newestTicket(called, other)).toBe(other);
  });
});
