// What the app makes of the server's version headers: too old (please reload), server older, or fine;
// answers without the headers (a proxy's error page) change nothing.
import { describe, expect, it } from 'vitest';
import { noteServerAnswer, readServerVersion } from '../../src/app/features/device/serverVersion.ts';
import { API_VERSION } from '../../src/domain/api/apiVersion.ts';

const answer = (api: number, min: number, app = '1.2.3') =>
  new Headers({ 'X-Api-Version': String(api), 'X-Min-Api-Version': String(min), 'X-App-Version': app });

describe('the server version as the app sees it', () => {
  it('is fine when the server serves this app, and remembers its version', () => {
    noteServerAnswer(answer(API_VERSION, API_VERSION, '2.0.0'));
    expect(readServerVersion()).toEqual({ compatibility: 'ok', appVersion: '2.0.0' });
  });

  it('says this app is too old when the server no longer serves it', () => {
    noteServerAnswer(answer(API_VERSION + 1, API_VERSION + 1));
    expect(readServerVersion().compatibility).toBe('client_too_old');
  });

  it('says the server is older when it speaks an earlier API', () => {
    noteServerAnswer(answer(API_VERSION - 1, API_VERSION - 1));
    expect(readServerVersion().compatibility).toBe('server_too_old');
  });

  it('ignores answers without version headers', () => {
    noteServerAnswer(answer(API_VERSION, API_VERSION, '3.0.0'));
    noteServerAnswer(new Headers({ 'Content-Type': 'text/html' }));
    expect(readServerVersion()).toEqual({ compatibility: 'ok', appVersion: '3.0.0' });
  });
});
