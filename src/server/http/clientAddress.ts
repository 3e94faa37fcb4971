// Who sent a request, and over what: the socket's peer address and whether the connection was TLS,
// or, only when TRUST_PROXY says how many reverse proxies stand in front of us, what the nearest
// untrusted hop was according to their X-Forwarded-For / X-Forwarded-Proto. Without that setting
// those headers are ignored, since any client can send them.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Used when there is no socket (requests made in process, as tests do). */
export const UNKNOWN_ADDRESS = 'unknown';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * The entry a proxy chain of `trustedHops` vouches for: each trusted proxy appends the address it
 * saw, so the client is `trustedHops` from the end; anything before it the client could have written.
 */
function forwarded(header: string | undefined, trustedHops: number): string | undefined {
  const entries = (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedHops)];
}

/** IPv6 clients get a /64 each, so one address is one /64; IPv4-mapped IPv6 is its IPv4 address. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function clientAddress(c: Context, trustedHops: number): string {
  const address =
    (trustedHops > 0 ? forwarded(c.req.header('x-forwarded-for'), trustedHops) : undefined) ??
    socketAddress(c);
  return address ? addressKey(address) : UNKNOWN_ADDRESS;
}

export function arrivedOverHttps(c: Context, trustedHops: number): boolean {
  if (trustedHops > 0) {
    const proto = forwarded(c.req.header('x-forwarded-proto'), trustedHops);
    if (proto !== undefined) return proto.toLowerCase() === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}
