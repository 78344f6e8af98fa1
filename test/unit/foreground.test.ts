import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { giveWay, requestsInFlight, trackRequest } from '../../server/foreground';

/** A stand-in for a ServerResponse: trackRequest only listens to its 'close'. */
const response = () => new EventEmitter() as unknown as http.ServerResponse;

describe('background work gives way to requests under way', () => {
  it('goes on after one turn when no request is under way', async () => {
    expect(requestsInFlight()).toBe(0);
    let passed = false;
    const way = giveWay(60_000).then(() => (passed = true));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(true);
    await way;
  });

  it('waits while a request is under way and goes on when the last one is answered', async () => {
    const a = response();
    const b = response();
    const answeredA = trackRequest(a);
    trackRequest(b);
    expect(requestsInFlight()).toBe(2);
    let passed = false;
    const way = giveWay(60_000).then(() => (passed = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(false);
    answeredA();
    answeredA(); // counted once
    a.emit('close'); // and its connection's close after it too
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(requestsInFlight()).toBe(1);
    expect(passed).toBe(false);
    b.emit('close'); // a connection gone before its answer ends it
    await way;
    expect(passed).toBe(true);
    expect(requestsInFlight()).toBe(0);
  });

  it('does not wait longer than its limit under constant load', async () => {
    const busy = response();
    const answered = trackRequest(busy);
    // Resolves although the request is never answered; with no limit the test would time out.
    await giveWay(5);
    await giveWay(5);
    expect(requestsInFlight()).toBe(1);
    answered();
    expect(requestsInFlight()).toBe(0);
  });
});
