import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which addresses an outgoing webhook may connect to. A tenant admin chooses the URL, so
 * without this the server could be made to call its own network: databases, admin panels,
 * the cloud metadata service (169.254.169.254, fd00:ec2::254). Everything that is not a
 * public unicast address is refused, including IPv6 forms that embed an IPv4 address.
 */

interface Range {
  bytes: number[];
  prefix: number;
  name: string;
}

function v4(cidr: string, name: string): Range {
  const [address, prefix] = cidr.split('/');
  return { bytes: address.split('.').map(Number), prefix: Number(prefix), name };
}

function v6(cidr: string, name: string): Range {
  const [address, prefix] = cidr.split('/');
  return { bytes: parseIPv6(address)!, prefix: Number(prefix), name };
}

const IPV4_BLOCKED: Range[] = [
  v4('0.0.0.0/8', 'this-network'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'carrier-grade NAT'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'IETF protocol assignments'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.88.99.0/24', '6to4 relay'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

const IPV6_BLOCKED: Range[] = [
  // Unspecified, loopback and the deprecated IPv4-compatible form.
  v6('::/96', 'loopback or unspecified'),
  v6('64:ff9b:1::/48', 'local NAT64'),
  v6('100::/64', 'discard'),
  // Teredo, benchmarking, ORCHID and other IETF assignments.
  v6('2001::/23', 'IETF protocol assignments'),
  v6('2001:db8::/32', 'documentation'),
  v6('3fff::/20', 'documentation'),
  v6('5f00::/16', 'segment routing'),
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local'),
  v6('ff00::/8', 'multicast'),
];

function matches(bytes: number[], range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

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
function embeddedIPv4(bytes: number[]): number[] | undefined {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  // NAT64 well-known prefix 64:ff9b::/96
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12))
    return bytes.slice(12);
  // 6to4 2002:aabb:ccdd::/48
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return bytes.slice(2, 6);
  return undefined;
}

function blockedIPv4(bytes: number[]): string | undefined {
  return IPV4_BLOCKED.find((range) => matches(bytes, range))?.name;
}

/**
 * Why `address` (an IP literal, IPv4 or IPv6, brackets allowed) may not be called, or
 * undefined when it is a public address. Anything that does not parse is refused.
 */
export function forbiddenAddressReason(address: string): string | undefined {
  const literal = address.replace(/^\[|\]$/g, '').split('%')[0];
  if (isIPv4(literal)) return blockedIPv4(literal.split('.').map(Number));
  const bytes = parseIPv6(literal);
  if (!bytes) return 'not an IP address';
  const embedded = embeddedIPv4(bytes);
  if (embedded) return blockedIPv4(embedded);
  return IPV6_BLOCKED.find((range) => matches(bytes, range))?.name;
}

/** Host names that always mean this machine, whatever DNS says. */
export function isLocalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
