// People administration's pure parts: device names from user agents, the input schemas and the
// access rules for the viewer role.
import { describe, expect, it } from 'vitest';
import { deviceName, newUserSchema, userChangeSchema } from '../../src/domain/accounts/people.ts';
import {
  canSeeContact,
  canSeeParishScoped,
  canSeeRequests,
  scopeKey,
  writeRefusal,
} from '../../src/domain/entities/access.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { readableScopes } from '../../src/domain/entities/scope.ts';
import type { Contact } from '../../src/domain/entities/contact.ts';

describe('deviceName', () => {
  it.each([
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Chrome on Android phone',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge on Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0', 'Firefox on Mac'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36',
      'Chrome on Linux',
    ],
    ['curl/8.5.0', 'Unknown device'],
    ['', 'Unknown device'],
  ])('%s → %s', (agent, name) => {
    expect(deviceName(agent)).toBe(name);
  });
});

describe('newUserSchema', () => {
  it('lower-cases usernames and needs a parish for a coordinator only', () => {
    expect(newUserSchema.parse({ username: ' Sam.P ', displayName: 'Sam', role: 'viewer' })).toEqual({
      username: 'sam.p',
      displayName: 'Sam',
      role: 'viewer',
      parishCode: null,
    });
    const coordinator = newUserSchema.safeParse({
      username: 'jo1',
      displayName: 'Jo',
      role: 'parish_coordinator',
    });
    expect(coordinator.success).toBe(false);
    expect(coordinator.error?.issues[0]?.path).toEqual(['parishCode']);
  });

  it('refuses an empty change', () => {
    expect(userChangeSchema.safeParse({}).success).toBe(false);
    expect(userChangeSchema.safeParse({ role: 'viewer' }).success).toBe(true);
  });
});

describe('the viewer role', () => {
  const viewer: User = {
    id: crypto.randomUUID(),
    username: 'v',
    displayName: 'V',
    role: 'viewer',
    parishCode: null,
  };
  const coordinator: User = { ...viewer, role: 'parish_coordinator', parishCode: 'P1' };
  const restricted = { visibility: 'restricted', parishCode: 'P1' } as Contact;

  it('sees no requests and no restricted contacts, and changes nothing', () => {
    expect(canSeeRequests(viewer)).toBe(false);
    expect(canSeeParishScoped(viewer, null)).toBe(false);
    expect(canSeeParishScoped(viewer, 'P1')).toBe(false);
    expect(canSeeContact(viewer, restricted)).toBe(false);
    expect(canSeeContact(viewer, { ...restricted, visibility: 'public' })).toBe(true);
    expect(writeRefusal(viewer, 'partner', undefined, null)).toMatch(/viewer/);
    expect(writeRefusal(viewer, 'request', undefined, 'staff')).toMatch(/viewer/);
    expect(readableScopes(viewer)).toEqual([]);
  });

  it('gives a coordinator their parish’s scopes and a scope key that changes with the parish', () => {
    expect(readableScopes(coordinator)).toEqual(['parish:P1']);
    expect(scopeKey(coordinator)).not.toBe(scopeKey({ ...coordinator, parishCode: 'P2' }));
    expect(canSeeRequests(coordinator)).toBe(true);
  });
});
