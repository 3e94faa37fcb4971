// Whose address a request counts as: the socket's, or with TRUST_PROXY the entry the trusted proxies
// vouch for (never one the client wrote in front of it); IPv6 grouped by /64; TRUST_PROXY parsing.
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { addressKey, arrivedOverHttps, clientAddress } from '../../src/server/http/clientAddress.ts';
import { ConfigError, readConfig } from '../../src/server/config.ts';

function seenBy(trustedHops: number, headers: Record<string, string>, socket?: string, url = 'http://x/') {
  const app = new Hono().get('/', (c) =>
    c.json({ address: clientAddress(c, trustedHops), https: arrivedOverHttps(c, trustedHops) }),
  );
  const env = socket ? { incoming: { socket: { remoteAddress: socket } } } : undefined;
  return Promise.resolve(app.request(url, { headers }, env)).then(
    (response) => response.json() as Promise<{ address: string; https: boolean }>,
  );
}

describe('client address', () => {
  it('uses the socket and ignores forwarded headers when no proxy is trusted', async () => {
    expect(
      await seenBy(0, { 'X-Forwarded-For': '10.0.0.1', 'X-Forwarded-Proto': 'https' }, '192.0.2.1'),
    ).toEqual({
      address: '192.0.2.1',
      https: false,
    });
  });

  it('takes the entry the trusted proxies appended, not one the client wrote', async () => {
    const headers = { 'X-Forwarded-For': 'spoofed, 198.51.100.4, 10.0.0.2', 'X-Forwarded-Proto': 'https' };
    expect((await seenBy(2, headers, '10.0.0.3')).address).toBe('198.51.100.4');
    expect((await seenBy(1, headers, '10.0.0.3')).address).toBe('10.0.0.2');
    expect((await seenBy(1, headers, '10.0.0.3')).https).toBe(true);
    expect((await seenBy(1, {}, '10.0.0.3')).address).toBe('10.0.0.3');
  });

  it('says unknown without a socket, and knows https from the URL', async () => {
    expect(await seenBy(0, {}, undefined, 'https://x/')).toEqual({ address: 'unknown', https: true });
  });

  it('groups IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2:abcd::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('reads TRUST_PROXY as a number of proxies', () => {
    expect(readConfig({}).trustProxy).toBe(0);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(ConfigError);
  });
});
