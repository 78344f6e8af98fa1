import { describe, expect, it } from 'vitest';
import { readPacket, reconnectDelay } from '../../kiosk/catalogFeed';

/**
 * The kiosk's live channel (kiosk/catalogFeed.ts) reads socket.io's packets (protocol v5) itself;
 * the browser tests (admin-config, office-hours) show an open kiosk following the admin's changes.
 */
describe("the kiosk's catalogue feed", () => {
  it('reads the socket.io packets the kiosk meets', () => {
    expect(readPacket('0{"sid":"abc"}')).toBe('connected');
    expect(readPacket('4{"message":"refused"}')).toBe('refused');
    expect(readPacket('1')).toBe('disconnected');
    expect(readPacket('2["catalogChanged"]')).toBe('catalogChanged');
    expect(readPacket('212["catalogChanged"]')).toBe('catalogChanged'); // with an ack id
    expect(readPacket('2["call",{"number":"A001"}]')).toBeNull();
    expect(readPacket('3[{"ok":true}]')).toBeNull(); // an ack the kiosk never asks for
    expect(readPacket('2[broken')).toBeNull();
    expect(readPacket(new ArrayBuffer(2))).toBeNull();
  });

  it('waits before reconnecting as socket.io-client does: 1 s doubling up to 5 s, give or take half', () => {
    expect(reconnectDelay(0, 0.5)).toBe(1000);
    expect(reconnectDelay(1, 0.5)).toBe(2000);
    expect(reconnectDelay(2, 0.5)).toBe(4000);
    expect(reconnectDelay(3, 0.5)).toBe(5000);
    expect(reconnectDelay(30, 0.5)).toBe(5000);
    expect(reconnectDelay(0, 0)).toBe(500);
    expect(reconnectDelay(0, 1)).toBe(1500);
    expect(reconnectDelay(5, 1)).toBe(5000);
    expect(reconnectDelay(5, 0)).toBe(2500);
  });
});
