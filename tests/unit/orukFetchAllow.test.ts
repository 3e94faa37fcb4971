// ORUK_FETCH_ALLOW, the operator's list of hosts inside the network that a feed may still be fetched
// from: addresses, ranges and host names, checked when the server starts rather than ignored.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/server/config.ts';

describe('ORUK_FETCH_ALLOW', () => {
  it('is empty unless set: only public feeds are fetched', () => {
    expect(readConfig({}).orukFetchAllow).toEqual([]);
  });

  it('reads addresses, ranges and host names, separated by commas', () => {
    expect(
      readConfig({ ORUK_FETCH_ALLOW: ' 10.1.2.3, 10.9.0.0/16 ,Feeds.Internal,fd00::/8,::1,' }).orukFetchAllow,
    ).toEqual(['10.1.2.3', '10.9.0.0/16', 'feeds.internal', 'fd00::/8', '::1']);
  });

  it('refuses an entry that is none of them, naming it', () => {
    for (const entry of ['10.0.0.0/99', 'http://feeds.internal/', 'feeds internal', '-bad.host'])
      expect(() => readConfig({ ORUK_FETCH_ALLOW: entry }), entry).toThrow(ConfigError);
    expect(() => readConfig({ ORUK_FETCH_ALLOW: 'a b' })).toThrow(/ORUK_FETCH_ALLOW: "a b"/);
  });
});
