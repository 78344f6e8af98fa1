import { describe, expect, it } from 'vitest';
import { clientAddress, clientProto, isTrustedPeer, parseTrustProxy, rateLimitSubject } from '../../server/http/client-address';
import { loadConfig } from '../../server/config';

describe('TRUST_PROXY', () => {
  it('parses hop counts, addresses, CIDRs and loopback; refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toEqual({ hops: 0 });
    expect(parseTrustProxy('')).toEqual({ hops: 0 });
    expect(parseTrustProxy('false')).toEqual({ hops: 0 });
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    const list = parseTrustProxy('10.0.0.0/8, 192.168.1.10, fd00::/8, loopback');
    expect('ranges' in list && list.ranges.length).toBe(5);
    expect(() => parseTrustProxy('10.0.0.0/8, proxy.example')).toThrow(/proxy\.example/);
    expect(() => loadConfig({ TRUST_PROXY: 'nonsense' })).toThrow(/Invalid configuration/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
  });
});

describe('clientAddress', () => {
  const none = parseTrustProxy('');
  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
    expect(clientAddress(undefined, undefined, none)).toBe('unknown');
  });

  it('with a hop count, takes the address the nearest trusted proxy saw', () => {
    const one = parseTrustProxy('1');
    expect(clientAddress('10.0.0.2', '198.51.100.1', one)).toBe('198.51.100.1');
    // The client wrote the left part itself: it proves nothing.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.1', one)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', undefined, one)).toBe('10.0.0.2');
    const two = parseTrustProxy('2');
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.3', two)).toBe('198.51.100.1');
  });

  it('with a list, skips trusted addresses from the right and stops at the first other one', () => {
    const list = parseTrustProxy('10.0.0.0/8, loopback');
    expect(clientAddress('::ffff:127.0.0.1', '1.1.1.1, 198.51.100.1, 10.0.0.3', list)).toBe('198.51.100.1');
    expect(clientAddress('10.1.2.3', '[2001:db8::1]:443', list)).toBe('2001:db8::1');
    expect(clientAddress('10.1.2.3', '198.51.100.1:5678', list)).toBe('198.51.100.1');
    // An untrusted peer's header is ignored.
    expect(clientAddress('203.0.113.9', '198.51.100.1', list)).toBe('203.0.113.9');
    // Garbage where an address should be: the last address known for sure.
    expect(clientAddress('10.0.0.2', 'not-an-ip', list)).toBe('10.0.0.2');
    // Every hop trusted: the leftmost.
    expect(clientAddress('10.0.0.2', '10.0.0.9', list)).toBe('10.0.0.9');
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    const list = parseTrustProxy('10.0.0.0/8');
    expect(isTrustedPeer('10.0.0.2', list)).toBe(true);
    expect(isTrustedPeer('203.0.113.9', list)).toBe(false);
    expect(clientProto(false, '10.0.0.2', 'https', list)).toBe('https');
    expect(clientProto(false, '203.0.113.9', 'https', list)).toBe('http');
    expect(clientProto(false, '10.0.0.2', 'HTTPS, http', list)).toBe('https');
    expect(clientProto(true, '203.0.113.9', undefined, none)).toBe('https');
    expect(clientProto(false, '10.0.0.2', 'https', none)).toBe('http');
  });
});

describe('rateLimitSubject', () => {
  it('counts IPv4 per address and IPv6 per /64', () => {
    expect(rateLimitSubject('198.51.100.1')).toBe('198.51.100.1');
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(rateLimitSubject('2001:db8:1:3::1')).not.toBe(rateLimitSubject('2001:db8:1:2::1'));
    expect(rateLimitSubject('unknown')).toBe('unknown');
  });
});
