/**
 * Which network printers the server may connect to (print mode `server`): only addresses inside
 * the configured printer networks (`PRINTER_NETWORKS`, a CIDR list; none by default), so a
 * printer address cannot make the server reach, or probe, any other host.
 *
 * Loopback, link-local, cloud metadata, unspecified, multicast and broadcast addresses are
 * refused even inside a wide network (`0.0.0.0/0` does not open `127.0.0.1`): one of them is
 * allowed only when a configured network lies inside its own special range (`127.0.0.0/8` opts
 * in to loopback; the metadata addresses need their exact /32 or /128). Pure: the kiosk agent
 * and the tests use it without the server's runtime.
 */
import dns from 'node:dns';
import ipaddr from 'ipaddr.js';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Most specific first: the first range containing an address decides how much opt-in it needs. */
const SPECIAL_RANGES: Cidr[] = [
  '169.254.169.254/32', // cloud metadata (AWS, GCP, Azure, OpenStack)
  '169.254.170.2/32', // AWS ECS task metadata
  '100.100.100.200/32', // Alibaba Cloud metadata
  'fd00:ec2::254/128', // AWS metadata over IPv6
  '255.255.255.255/32',
  '127.0.0.0/8',
  '::1/128',
  '169.254.0.0/16',
  'fe80::/10',
  '0.0.0.0/8',
  '::/128',
  '224.0.0.0/4',
  'ff00::/8',
].map((c) => ipaddr.parseCIDR(c));

/** Parses `PRINTER_NETWORKS` (comma or space separated CIDRs); throws on a malformed entry. */
export function parsePrinterNetworks(value: string | undefined): Cidr[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      try {
        const [addr, bits] = ipaddr.parseCIDR(entry);
        return [normalise(addr), addr.kind() === 'ipv6' && normalise(addr).kind() === 'ipv4' ? bits - 96 : bits] as Cidr;
      } catch {
        throw new Error(`PRINTER_NETWORKS: "${entry}" is not a network in CIDR notation (e.g. 192.168.10.0/24)`);
      }
    });
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is the IPv4 address it carries. */
function normalise(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

function contains([net, bits]: Cidr, addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return net.kind() === addr.kind() && addr.match(net, bits);
}

/** Whether the server may connect to this IP address (a literal; host names are resolved first). */
export function printerAddressAllowed(ip: string, networks: Cidr[]): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const addr = normalise(ipaddr.parse(ip));
  const special = SPECIAL_RANGES.find((r) => contains(r, addr));
  return networks.some((n) => contains(n, addr) && (!special || n[1] >= special[1]));
}

export class PrinterAddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly reason: 'not_allowed' | 'unresolved',
  ) {
    super(
      reason === 'unresolved'
        ? `${host} does not resolve to an address`
        : `${host} is outside the printer networks this server may reach (PRINTER_NETWORKS)`,
    );
  }
}

export type HostResolver = (host: string) => Promise<string[]>;

const systemResolver: HostResolver = async (host) => (await dns.promises.lookup(host, { all: true })).map((a) => a.address);

/**
 * Resolves a printer's host name and returns the first allowed address, which the caller then
 * connects to by number: the check and the connection use the same answer, so a DNS record that
 * changes in between (DNS rebinding) cannot redirect the connection. A name with any refused
 * address is refused as a whole (a name pointing at loopback as well is not a printer).
 */
export async function resolvePrinterHost(
  host: string,
  networks: Cidr[],
  resolve: HostResolver = systemResolver,
): Promise<string> {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (ipaddr.isValid(literal)) addresses = [literal];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
  }
  if (addresses.length === 0) throw new PrinterAddressRefused(host, 'unresolved');
  if (!addresses.every((a) => printerAddressAllowed(a, networks))) throw new PrinterAddressRefused(host, 'not_allowed');
  // Canonical form: what we checked is exactly what we connect to (no `127.1`-style spellings).
  return normalise(ipaddr.parse(addresses[0])).toString();
}
