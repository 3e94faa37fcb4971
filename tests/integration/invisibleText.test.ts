// Text that shows nothing (combining accents alone, a Hangul filler, the blank braille pattern) is
// refused with a 400 naming the field wherever the API takes text, where it was stored as if it had
// content: a person's name, a taxonomy term, a pushed incident's name. On PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/api/apiError.ts';
import { SHOWS_NOTHING } from '../../src/domain/entities/text.ts';
import { databaseKinds } from '../support/testDatabase.ts';
import { signedInDemo } from '../support/signedInDemo.ts';
import { anIncident, creating } from '../support/records.ts';

describe.each(databaseKinds)('text that shows nothing on %s', (kind) => {
  const demo = signedInDemo(kind);
  const call = (method: string, path: string, body: unknown) =>
    demo.app.request(path, { method, headers: demo.auth('admin'), body: JSON.stringify(body) });

  it.each([
    ['accents alone', '\u0301\u0301'],
    ['a Hangul filler', '\u3164'],
    ['the blank braille pattern', '\u2800'],
  ])('refuses a person named with %s, and adds nobody', async (_case, name) => {
    const response = await call('POST', '/api/admin/users', {
      username: 'blank-name',
      displayName: name,
      role: 'viewer',
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({
      displayName: SHOWS_NOTHING,
    });
    const rows = await demo.test.db.query("SELECT 1 FROM users WHERE username = 'blank-name'");
    expect(rows).toHaveLength(0);
  });

  it('refuses a taxonomy term of accents alone, naming it', async () => {
    const response = await call('PUT', '/api/openreferral/term-mappings', {
      mappings: [{ term: '\u0300\u0301', capability: 'food' }],
    });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields).toEqual({
      'mappings.0.term': SHOWS_NOTHING,
    });
  });

  it('refuses a pushed incident named with a filler, naming the field, and stores it not', async () => {
    const incident = anIncident({ name: '\u3164\u3164', wardCodes: ['DEMO-W01'] });
    const [result] = await demo.push('duty', [creating('incident', incident)]);
    expect(result).toMatchObject({ status: 'rejected', fields: { name: SHOWS_NOTHING } });
    expect(await demo.test.db.query('SELECT 1 FROM incidents WHERE id = $1', [incident.id])).toHaveLength(0);
  });
});
