import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenAddressReason, isLocalHostName } from './address-policy';

/** How long saving an endpoint waits for DNS before trusting the delivery-time check alone. */
const SAVE_LOOKUP_TIMEOUT_MS = 3_000;

export class ForbiddenTargetError extends Error {}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
}

function refuseForbidden(addresses: readonly string[]): void {
  for (const address of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) throw new ForbiddenTargetError(`points to a ${reason} address (${address})`);
  }
}

/**
 * Why an endpoint URL may not be saved, or undefined. IP literals and names of this machine
 * are refused outright; other names are resolved once and refused when an address is not
 * public. A name that does not resolve yet is accepted: delivery checks again anyway.
 */
export async function targetUrlProblem(
  url: string,
  allowPrivate: boolean,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an http:// or https:// URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'must be an http:// or https:// URL';
  if (parsed.username || parsed.password)
    return 'must not carry a user name or password; authenticate with the signature';
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isLocalHostName(host)) return 'points to this machine (localhost)';
  try {
    if (isIP(host)) {
      refuseForbidden([host]);
      return undefined;
    }
    const addresses = await Promise.race([
      resolveAll(host),
      new Promise<LookupAddress[]>((resolve) =>
        setTimeout(() => resolve([]), SAVE_LOOKUP_TIMEOUT_MS).unref(),
      ),
    ]).catch(() => [] as LookupAddress[]);
    refuseForbidden(addresses.map((a) => a.address));
    return undefined;
  } catch (error) {
    if (error instanceof ForbiddenTargetError) return error.message;
    throw error;
  }
}

/**
 * A DNS lookup for outgoing connections that refuses names resolving to non-public
 * addresses. The socket connects to exactly the addresses checked here, so a name that
 * answers differently on a second lookup (DNS rebinding) cannot slip past the check.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  resolveAll(hostname).then(
    (addresses) => {
      try {
        refuseForbidden(addresses.map((a) => a.address));
      } catch (error) {
        return callback(error as NodeJS.ErrnoException, '', 0);
      }
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const usable = family ? addresses.filter((a) => a.family === family) : addresses;
      if (usable.length === 0) {
        const error: NodeJS.ErrnoException = new Error(`${hostname} has no usable address`);
        error.code = 'ENOTFOUND';
        return callback(error, '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    },
    (error: NodeJS.ErrnoException) => callback(error, '', 0),
  );
};

/** Refuses a literal IP host before connecting: sockets skip the lookup for those. */
export function checkLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) refuseForbidden([host]);
}
