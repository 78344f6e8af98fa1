import ipaddr from 'ipaddr.js';

/**
 * Who is on the other end of a request. Behind a reverse proxy the socket address is the proxy's,
 * so every citizen would share one rate-limit bucket; the proxy's `X-Forwarded-For` says who the
 * client is, but only a proxy we trust may say it (anyone can send the header). TRUST_PROXY names
 * them: a hop count (`1`: the one proxy in front of us) or addresses and CIDRs
 * (`10.0.0.0/8, 192.168.1.10, loopback`).
 */

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
export type TrustProxy = { hops: number } | { ranges: [Ip, number][] };

const LOOPBACK: [Ip, number][] = [ipaddr.parseCIDR('127.0.0.0/8'), ipaddr.parseCIDR('::1/128')];

/** Parses TRUST_PROXY; unset, empty, `0` or `false` trusts nobody. Throws on a bad entry. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return { hops: 0 };
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const ranges: [Ip, number][] = [];
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (entry === 'loopback') ranges.push(...LOOPBACK);
    else if (ipaddr.isValidCIDR(entry)) ranges.push(normalizeRange(ipaddr.parseCIDR(entry)));
    else if (ipaddr.isValid(entry)) {
      const ip = ipaddr.process(entry);
      ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
    } else throw new Error(`TRUST_PROXY: "${entry}" is not a hop count, an address, a CIDR or "loopback"`);
  }
  return { ranges };
}

/** `::ffff:10.0.0.0/104` means the IPv4 range `10.0.0.0/8`: compare like with like. */
function normalizeRange([ip, bits]: [Ip, number]): [Ip, number] {
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
    return [(ip as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [ip, bits];
}

/** An address as sockets and proxies write it (`::ffff:1.2.3.4`, `1.2.3.4:5678`, `[::1]:80`), or null. */
export function parseAddress(raw: string | undefined): Ip | null {
  if (!raw) return null;
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%.*$/, ''); // an IPv6 zone id names an interface of the sender, not the client
  return ipaddr.isValid(s) ? ipaddr.process(s) : null;
}

function trusted(ip: Ip, trust: TrustProxy): boolean {
  if ('hops' in trust) return false;
  return trust.ranges.some((r) => r[0].kind() === ip.kind() && ip.match(r));
}

/** Whether the direct peer is a proxy whose forwarding headers we believe. */
export function isTrustedPeer(remote: string | undefined, trust: TrustProxy): boolean {
  if ('hops' in trust) return trust.hops > 0;
  const ip = parseAddress(remote);
  return ip !== null && trusted(ip, trust);
}

/**
 * The client's address: the socket's, or, through trusted proxies, the nearest address in
 * `X-Forwarded-For` that is not one of them (each proxy appends the address it saw, so entries
 * further left were written by the client itself and prove nothing).
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = parseAddress(remote);
  if (!peer) return 'unknown';
  // Nearest first: the socket, then X-Forwarded-For from right to left.
  const chain: (Ip | null)[] = [
    peer,
    ...(forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse()
      .map(parseAddress),
  ];
  let i = 0;
  if ('hops' in trust) i = Math.min(trust.hops, chain.length - 1);
  else while (i < chain.length - 1 && chain[i] !== null && trusted(chain[i] as Ip, trust)) i++;
  // Garbage where an address should be: the proxy that wrote it is the last we know for sure.
  while (chain[i] === null) i--;
  return (chain[i] as Ip).toString();
}

/** The protocol the client used: X-Forwarded-Proto from a trusted proxy, else the socket's own. */
export function clientProto(
  encrypted: boolean,
  remote: string | undefined,
  forwardedProto: string | undefined,
  trust: TrustProxy,
): 'https' | 'http' {
  if (encrypted) return 'https';
  if (!forwardedProto || !isTrustedPeer(remote, trust)) return 'http';
  return forwardedProto.split(',')[0].trim().toLowerCase() === 'https' ? 'https' : 'http';
}

/**
 * The rate-limit subject of an address. An IPv6 user usually holds a whole /64 (and can pick any
 * address in it), so IPv6 counts per /64; IPv4 per address.
 */
export function rateLimitSubject(address: string): string {
  const ip = parseAddress(address);
  if (!ip) return address;
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}
