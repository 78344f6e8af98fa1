/**
 * The feed computes the phone pages' positions only for tickets some phone follows now
 * (tickets/snapshot.ts): each phone socket counts once per ticket in the office's followers hash
 * on real Redis, and takes its count with it when it disconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPublic } from '../../contract/tickets';
import { redisKeys } from '../../server/redis/keys';
import { startApp, type TestApp } from '../helpers/app';
import { kioskScreen } from '../helpers/kiosks';
import { eventually } from '../helpers/screens';
import { createTestSpace, type TestSpace } from '../helpers/services';
import { connectSocket, oneStop, subscribe } from '../helpers/sportello';

let space: TestSpace;
let app: TestApp;
let officeId: string;
let serviceId: string;

beforeAll(async () => {
  space = await createTestSpace();
  app = await startApp(space);
  const os = await oneStop(app.url);
  officeId = os.officeId;
  serviceId = [...os.byPrefix.values()][0]!.id;
});

afterAll(async () => {
  await app?.stop();
  await space?.drop();
});

describe('followers of a ticket', () => {
  it('each phone counts once while connected; the last one to leave takes the ticket out of the feed', async () => {
    const kiosk = await kioskScreen(app.url, officeId);
    const issued = await kiosk.post('/api/tickets', { serviceId });
    expect(issued.status).toBe(201);
    const code = issued.body.code as string;
    const key = redisKeys(space.redisPrefix).ticketFollowers(officeId);
    const count = async () => space.redis.hget(key, code);

    const first = await connectSocket(app.url);
    const second = await connectSocket(app.url);
    try {
      for (const phone of [first, second]) {
        const sub = await subscribe<TicketPublic>(phone, 'ticket:subscribe', { code });
        expect(sub.ok && sub.data.status).toBe('waiting');
      }
      // The same phone subscribing again (a page that asks twice) still counts once.
      expect((await subscribe<TicketPublic>(first, 'ticket:subscribe', { code })).ok).toBe(true);
      expect(await count()).toBe('2');

      first.disconnect();
      await eventually(
        async () => (await count()) === '1',
        () => 'one follower left',
      );
      second.disconnect();
      await eventually(
        async () => (await count()) === null,
        () => 'no follower left',
      );
      expect(await space.redis.hlen(key)).toBe(0);
    } finally {
      first.disconnect();
      second.disconnect();
    }
  });
});
