import { forbiddenAddressReason, isLocalHostName, parseIPv6 } from './address-policy';

describe('outgoing webhook address policy', () => {
  it.each([
    ['0.0.0.0', 'this-network'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.192', 'IETF protocol assignments'],
    ['192.0.2.10', 'documentation'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.31.196.1', 'AS112'],
    ['192.52.193.1', 'AMT'],
    ['192.88.99.1', '6to4 relay'],
    ['192.175.48.6', 'AS112'],
    ['203.0.113.7', 'documentation'],
  ])('refuses the IPv4 address %s (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '100.128.0.1', '192.169.0.1'])(
    'allows the public IPv4 address %s',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeUndefined();
    },
  );

  it.each([
    ['::', 'loopback or unspecified'],
    ['::1', 'loopback or unspecified'],
    ['[::1]', 'loopback or unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback or unspecified'],
    ['::127.0.0.1', 'loopback or unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'IETF protocol assignments'],
    ['100::1', 'discard'],
    ['64:ff9b:1::a', 'local NAT64'],
    ['100:0:0:1::1', 'dummy prefix'],
    ['2001:2::1', 'IETF protocol assignments'],
    ['2620:4f:8000::42', 'AS112'],
    ['3fff::1', 'documentation'],
    ['5f00::1', 'segment routing'],
  ])('refuses the IPv6 address %s (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:169.254.169.254]', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::FFFF:192.168.0.1', 'private'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'link-local'],
    // IPv4-translated (SIIT), ::ffff:0:a.b.c.d
    ['[::ffff:0:7f00:1]', 'loopback'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:ffff:0:c0a8:1', 'private'],
  ])('looks through IPv6 forms that carry an IPv4 address: %s (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each([
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '[2a00:1450:4001:80b::200e]',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '::ffff:0:808:808',
  ])('allows the public IPv6 address %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeUndefined();
  });

  it.each(['example.com', '', '256.1.1.1', '1.2.3', 'fe80::1::2', '::ffff:999.0.0.1'])(
    'refuses what is not an IP address: %p',
    (address) => {
      expect(forbiddenAddressReason(address)).toBe('not an IP address');
    },
  );

  it('reads every IPv6 notation into the same sixteen bytes', () => {
    const loopback = [...Array<number>(15).fill(0), 1];
    expect(parseIPv6('::1')).toEqual(loopback);
    expect(parseIPv6('0:0:0:0:0:0:0:1')).toEqual(loopback);
    expect(parseIPv6('::0.0.0.1')).toEqual(loopback);
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4,
    ]);
  });

  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['api.localhost', true],
    ['localhost.example.com', false],
    ['example.com', false],
  ])('treats %s as this machine: %s', (name, local) => {
    expect(isLocalHostName(name)).toBe(local);
  });
});
