import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses an outgoing webhook may connect to. A tenant admin chooses the URL, so
 * without this the server could be made to call its own network: databases, admin panels,
 * the cloud metadata service (169.254.169.254, fd00:ec2::254). Everything that is not a
 * public unicast address is refused, including IPv6 forms that embed an IPv4 address.
 *
 * The ranges are IANA's special-purpose address registries, complete, as of 2025-06:
 * https://www.iana.org/assignments/iana-ipv4-special-registry and
 * https://www.iana.org/assignments/iana-ipv6-special-registry, plus multicast, the reserved
 * and deprecated blocks of the address-space registries, and the deprecated IPv4-compatible
 * IPv6 form. Entries that are globally reachable (AS112, AMT, anycast services) are refused
 * too: no webhook receiver lives there. Where ranges nest, the first one names the reason.
 */

type Family = 'ipv4' | 'ipv6';

function ranges(family: Family, entries: [cidr: string, name: string][]) {
  return entries.map(([cidr, name]) => {
    const [network, prefix] = cidr.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), family);
    return { list, name };
  });
}

const IPV4_BLOCKED = ranges('ipv4', [
  ['0.0.0.0/8', 'this-network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  // DS-Lite, the dummy address, PCP and TURN anycast, NAT64 discovery.
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.31.196.0/24', 'AS112'],
  ['192.52.193.0/24', 'AMT'],
  ['192.88.99.0/24', '6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['192.175.48.0/24', 'AS112'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  // Includes the limited broadcast address 255.255.255.255.
  ['240.0.0.0/4', 'reserved'],
]);

const IPV6_BLOCKED = ranges('ipv6', [
  // Unspecified, loopback and the deprecated IPv4-compatible form.
  ['::/96', 'loopback or unspecified'],
  // IPv4-mapped and IPv4-translated addresses are judged by their IPv4 address first.
  ['::ffff:0:0/96', 'IPv4-mapped'],
  ['::ffff:0:0:0/96', 'IPv4-translated'],
  ['64:ff9b:1::/48', 'local NAT64'],
  ['100::/64', 'discard'],
  ['100:0:0:1::/64', 'dummy prefix'],
  // Teredo, PCP, TURN and DNS-SD anycast, benchmarking, AMT, AS112, ORCHIDv2, drone ids.
  ['2001::/23', 'IETF protocol assignments'],
  ['2001:db8::/32', 'documentation'],
  ['2620:4f:8000::/48', 'AS112'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'segment routing'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
]);

const reasonIn = (list: typeof IPV4_BLOCKED, address: string, family: Family) =>
  list.find((range) => range.list.check(address, family))?.name;

/** The 16 bytes of an IPv6 address (zone id not allowed), or undefined. */
export function parseIPv6(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address.toLowerCase();
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hextets.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const hextets =
    rest === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return hextets.flatMap((h) => {
    const value = parseInt(h, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv6 address carries, where it is routed to that IPv4 address. */
function embeddedIPv4(bytes: number[]): string | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const ones = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0xff);
  const last = (from: number) => bytes.slice(from, from + 4).join('.');
  // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 10) && ones(10, 12)) return last(12);
  // IPv4-translated ::ffff:0:a.b.c.d (SIIT)
  if (zeros(0, 8) && ones(8, 10) && zeros(10, 12)) return last(12);
  // NAT64 well-known prefix 64:ff9b::/96
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return last(12);
  // 6to4 2002:aabb:ccdd::/48
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return last(2);
  return undefined;
}

/**
 * Why `address` (an IP literal, IPv4 or IPv6, brackets allowed) may not be called, or
 * undefined when it is a public address. Anything that does not parse is refused.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  const literal = address.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIPv4(literal)) return reasonIn(IPV4_BLOCKED, literal, 'ipv4');
  const bytes = parseIPv6(literal);
  if (!bytes) return 'not an IP address';
  const embedded = embeddedIPv4(bytes);
  if (embedded) return reasonIn(IPV4_BLOCKED, embedded, 'ipv4');
  return reasonIn(IPV6_BLOCKED, literal, 'ipv6');
}

/** Host names that always mean this machine, whatever DNS says. */
export function isLocalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
