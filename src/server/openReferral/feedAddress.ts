// Which addresses the server may fetch an Open Referral feed from, so that an admin (or whoever holds an
// admin's session) cannot make it read the council's own network: the cloud metadata service, a
// database's HTTP port, an intranet page. Only public unicast addresses on the web's ports (80, 443)
// are fetched; loopback, private, link-local, carrier-grade NAT, unique-local, IPv4-mapped and every
// other special range are refused (classified by ipaddr.js, not by ranges typed here). A host name is
// resolved once, every address it gives is checked, and the connection is made to those checked
// addresses (pinned), so a second DNS answer cannot swap in an internal one. An operator who really
// needs an internal feed names it in ORUK_FETCH_ALLOW: an address, a range (10.1.0.0/16) or a host
// name; what it names may be fetched on any port.
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { HttpError } from '../http/errors.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses; injected in tests, which need no DNS. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => ({
    address: found.address,
    family: found.family === 6 ? 6 : 4,
  }));

export interface FeedAccess {
  /** ORUK_FETCH_ALLOW: addresses, ranges and host names the operator lets through. */
  allow: readonly string[];
  resolve: ResolveHost;
}

export const PUBLIC_ONLY: FeedAccess = { allow: [], resolve: resolveHost };

const WEB_PORTS = ['', '80', '443'];

/** Why an ORUK_FETCH_ALLOW entry cannot be used, or null when it can. */
export function allowEntryProblem(entry: string): string | null {
  if (entry.includes('/')) return ipaddr.isValidCIDR(entry) ? null : 'is not an address range';
  if (isIP(entry) !== 0) return null;
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(entry)
    ? null
    : 'is not an address, a range or a host name';
}

const bare = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

function allowedAddress(address: ipaddr.IPv4 | ipaddr.IPv6, allow: readonly string[]): boolean {
  return allow.some((entry) => {
    try {
      if (entry.includes('/')) {
        const range = ipaddr.parseCIDR(entry);
        return address.kind() === range[0].kind() && address.match(range);
      }
      if (isIP(entry) === 0) return false;
      return ipaddr.process(entry).toNormalizedString() === address.toNormalizedString();
    } catch {
      return false;
    }
  });
}

const ASK_OPERATOR =
  "The server only fetches feeds from public web addresses; if this feed really is inside the council's " +
  'network, ask whoever runs the server to add it to ORUK_FETCH_ALLOW.';

function refuse(hop: string, why: string, advice = ASK_OPERATOR): HttpError {
  const said = `${hop === '' ? '' : `${hop} `}${why}`;
  return new HttpError(400, 'url_not_allowed', `The feed address (url) ${said}. ${advice}`, { url: said });
}

/**
 * Checks one address the fetch would read (the one typed, or where a redirect leads, named by `hop`)
 * and answers the addresses to connect to. Refusals are 400 url_not_allowed naming the field url.
 */
export async function checkFeedAddress(url: URL, access: FeedAccess, hop = ''): Promise<ResolvedAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(
      hop,
      `leads to ${url.protocol.replace(/:$/, '')}:, not an http:// or https:// address`,
      'Give the address of the feed on the web.',
    );
  if (url.username !== '' || url.password !== '')
    throw refuse(
      hop,
      'holds a user name or password',
      'Feeds are fetched without signing in: give the address without them.',
    );
  const host = bare(url.hostname);
  const allow = access.allow.map((entry) => bare(entry));
  const hostAllowed = allow.includes(host);
  let addresses: ResolvedAddress[];
  if (isIP(host) !== 0) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await access.resolve(host);
    } catch (error) {
      throw new HttpError(502, 'feed_unreachable', `Could not find ${host}: ${(error as Error).message}.`);
    }
    if (addresses.length === 0)
      throw new HttpError(502, 'feed_unreachable', `Could not find ${host}: it has no address.`);
  }
  let everyAddressAllowed = true;
  for (const { address } of addresses) {
    // process() reads an IPv4-mapped IPv6 address (::ffff:127.0.0.1) as the IPv4 address it carries.
    const parsed = ipaddr.isValid(address) ? ipaddr.process(address) : null;
    if (!parsed) throw refuse(hop, `leads to ${address}, which is not an address we can check`);
    const listed = allowedAddress(parsed, allow);
    everyAddressAllowed &&= listed;
    if (hostAllowed || listed) continue;
    const range = parsed.range();
    if (range !== 'unicast')
      throw refuse(
        hop,
        `${isIP(host) !== 0 ? 'is' : 'leads to'} ${address}${address === parsed.toString() ? '' : ` (${parsed.toString()})`}, ` +
          (range === 'loopback' ? 'this server itself' : 'an address that is not public'),
      );
  }
  if (!WEB_PORTS.includes(url.port) && !hostAllowed && !everyAddressAllowed)
    throw refuse(hop, `names port ${url.port}; feeds are fetched from the web's ports 80 and 443 only`);
  return addresses;
}
