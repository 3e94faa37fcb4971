// The text people read in a record (names, addresses, notes, the marking) holds only what shows:
// a name made of zero-width or format characters alone is refused as blank, naming the field, and
// any text made of combining accents, fillers or other code points that draw nothing is refused; bidi
// overrides (which make "evil‮gpj.exe" read as something else) and control characters are taken
// out; a one-line field's line breaks and tabs become spaces; a note keeps its line breaks. Emoji
// joined with a zero-width joiner stay whole.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { partnerSchema } from '../../src/domain/entities/partner.ts';
import { contactSchema } from '../../src/domain/entities/contact.ts';
import { incidentSchema, requestSchema } from '../../src/domain/entities/request.ts';
import { timelineEntrySchema } from '../../src/domain/entities/timeline.ts';
import { councilSettingSchema } from '../../src/domain/entities/councilSetting.ts';
import { reviewRoundSchema } from '../../src/domain/review/reviewRound.ts';
import { parishSchema, wardSchema } from '../../src/domain/geo/area.ts';
import { displayNameSchema } from '../../src/domain/accounts/people.ts';
import { SHOWS_NOTHING } from '../../src/domain/entities/text.ts';
import { termMappingSchema } from '../../src/domain/openReferral/termMapping.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';
import { aRequest, anIncident } from '../support/records.ts';
import { aParish, aWard } from '../support/area.ts';

const NOW = '2026-11-29T10:00:00.000Z';
const incident = anIncident({ startedAt: NOW, updatedAt: NOW });
const note = {
  id: randomUUID(),
  requestId: randomUUID(),
  at: NOW,
  by: randomUUID(),
  byName: 'x',
  kind: 'note',
  text: 'Rang back',
  status: null,
};
const round = {
  id: randomUUID(),
  name: 'Spring',
  dueDate: '2026-06-30',
  startedAt: NOW,
  startedBy: 'x',
  startedByName: 'x',
  closed: false,
  updatedAt: NOW,
};

interface Field {
  name: string;
  schema: z.ZodType;
  sample: unknown;
  path: string[];
  required: boolean;
  lines: boolean;
}
const field = (
  name: string,
  schema: z.ZodType,
  sample: unknown,
  path: string[],
  { required = false, lines = false } = {},
): Field => ({ name, schema, sample, path, required, lines });

const FIELDS: Field[] = [
  field('partner name', partnerSchema, aPartner(), ['name'], { required: true }),
  field('partner address', partnerSchema, aPartner(), ['base', 'address'], { lines: true }),
  field('partner capacity notes', partnerSchema, aPartner(), ['capacityNotes'], { lines: true }),
  field('contact name', contactSchema, aContact(), ['name'], { required: true }),
  field('contact role', contactSchema, aContact(), ['role']),
  field('contact organisation', contactSchema, aContact(), ['organisation']),
  field('incident name', incidentSchema, incident, ['name'], { required: true }),
  field('request for whom', requestSchema, aRequest(), ['forWhom', 'name']),
  field('request address', requestSchema, aRequest(), ['place', 'address']),
  field('timeline note', timelineEntrySchema, note, ['text'], { lines: true }),
  field(
    'report marking',
    councilSettingSchema,
    { code: 'reportMarking', value: 'OFFICIAL', updatedAt: NOW },
    ['value'],
  ),
  field('review round name', reviewRoundSchema, round, ['name'], { required: true }),
  field('ward name', wardSchema, aWard('W1', 'Marden', 0.3), ['name'], { required: true }),
  field('parish name', parishSchema, aParish('P1', 'Marden', ['W1']), ['name'], { required: true }),
  field('display name', displayNameSchema, 'Alex', [], { required: true }),
  field('taxonomy term', termMappingSchema, { term: 'foodbank', capability: 'food' }, ['term'], {
    required: true,
  }),
];

function withText(sample: unknown, path: string[], text: string): unknown {
  if (path.length === 0) return text;
  const copy = structuredClone(sample) as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path.at(-1)!] = text;
  return copy;
}
function textAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((inner, key) => (inner as Record<string, unknown>)[key], value);
}
const stored = (entry: Field, text: string) => {
  const result = entry.schema.safeParse(withText(entry.sample, entry.path, text));
  expect(result.error?.issues ?? []).toEqual([]);
  return textAt(result.data, entry.path);
};

describe.each(FIELDS.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
  it('takes out bidi overrides and control characters', () => {
    expect(stored(entry, 'Bob\u202Eevil\u2066x\u2069\u0007\u0000\u001b[31m')).toBe('Bobevilx[31m');
  });

  it('keeps emoji and accents as they are', () => {
    expect(stored(entry, 'Zoë 👩‍🚒 crew')).toBe('Zoë 👩‍🚒 crew');
  });

  it('trims zero-width and format characters at either end', () => {
    expect(stored(entry, '\u200B\uFEFF Marden \u200D\u2060')).toBe('Marden');
  });

  if (entry.lines)
    it('keeps line breaks as written, and tabs', () => {
      expect(stored(entry, 'first\r\nsecond\rthird\n\tfourth\u2028fifth')).toBe(
        'first\r\nsecond\rthird\n\tfourth\nfifth',
      );
    });
  else
    it('makes line breaks and tabs spaces', () => {
      expect(stored(entry, 'first\r\nsecond\tthird\u2028fourth')).toBe('first second third fourth');
    });

  if (entry.required)
    it('refuses a value of only invisible characters, naming the field', () => {
      const result = entry.schema.safeParse(
        withText(entry.sample, entry.path, '\u200B\u2060\u200D \uFEFF\u202E'),
      );
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path.map(String)).toEqual(entry.path);
    });

  it.each([
    ['combining accents alone', '\u0301\u0308\u0301'],
    ['a Hangul filler', '\u3164'],
    ['halfwidth and leading Hangul fillers', '\uFFA0\u115F\u1160'],
    ['the blank braille pattern', '\u2800\u2800'],
    ['a grapheme joiner and variation selectors', '\u034F\uFE0F\u{E0100}'],
    ['accents on a zero-width space', '\u200B\u0301 \u0301'],
  ])('refuses %s, naming the field', (_case, text) => {
    const result = entry.schema.safeParse(withText(entry.sample, entry.path, text));
    expect(result.error?.issues.map((issue) => [issue.path.map(String), issue.message])).toEqual([
      [entry.path, SHOWS_NOTHING],
    ]);
  });

  it('keeps text where something shows beside the marks', () => {
    expect(stored(entry, 'e\u0301\uFE0F \u3164 Jo')).toBe('e\u0301\uFE0F \u3164 Jo');
  });
});
