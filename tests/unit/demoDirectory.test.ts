// Checks the demo directory is safe to show (drama-range phones, example.org emails), valid against the
// same schemas the server enforces, repeatable for a seed, and varied enough to demo every feature.
import { describe, it, expect } from 'vitest';
import type { Ward } from '../../src/domain/geo/area.ts';
import { CAPABILITIES } from '../../src/domain/entities/capabilities.ts';
import { contactSchema } from '../../src/domain/entities/contact.ts';
import { PARTNER_KINDS, partnerSchema } from '../../src/domain/entities/partner.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import { SeededRandom } from '../../src/server/demo/random.ts';
import { aParish, polygon, rectangle } from '../support/area.ts';

const TODAY = '2026-03-01';

function ward(code: string, name: string, x: number, neighbours: string[], parished: boolean): Ward {
  return {
    code,
    name,
    boundary: polygon(rectangle(x, 51.2, x + 0.01, 51.21)),
    centre: [x + 0.005, 51.205],
    parished,
    neighbours,
  };
}

// A row of four wards; W4 also lists a neighbour outside the area, which coverage must never name.
const area = {
  wards: [
    ward('W1', 'Eastfold', 0.5, ['W2'], true),
    ward('W2', 'Middlecombe', 0.51, ['W1', 'W3'], true),
    ward('W3', 'Westbrook', 0.52, ['W2', 'W4'], false),
    ward('W4', 'Farend', 0.53, ['W3', 'OUTSIDE'], false),
  ],
  parishes: [aParish('P1', 'Eastfold', ['W1']), aParish('P2', 'Upper Middlecombe', ['W1', 'W2'])],
};

const MOBILE = /^07700 900\d{3}$/;
const LANDLINE = /^01632 960\d{3}$/;
const dramaPhone = (phone: string | null): boolean =>
  phone === null || MOBILE.test(phone) || LANDLINE.test(phone);
const daysBefore = (date: string): number => (Date.parse(TODAY) - Date.parse(date)) / 86_400_000;

describe('generateDemoDirectory', () => {
  const directory = generateDemoDirectory(area, { today: TODAY });

  it('makes about 150 partners and 100 contacts by default', () => {
    expect(directory.partners).toHaveLength(150);
    expect(directory.contacts).toHaveLength(100);
  });

  it('makes records the server would accept', () => {
    for (const partner of directory.partners) expect(partnerSchema.parse(partner)).toEqual(partner);
    for (const contact of directory.contacts) expect(contactSchema.parse(contact)).toEqual(contact);
  });

  it('is the same for the same seed and different for another', () => {
    const again = generateDemoDirectory(area, { today: TODAY });
    expect(again).toEqual(directory);
    const other = generateDemoDirectory(area, { today: TODAY, seed: 7 });
    expect(other.partners.map((p) => p.name)).not.toEqual(directory.partners.map((p) => p.name));
    expect(other.partners[0]?.id).not.toBe(directory.partners[0]?.id);
  });

  it('uses only drama-range phone numbers and example.org emails', () => {
    for (const partner of directory.partners) {
      expect(dramaPhone(partner.phone), partner.phone).toBe(true);
      expect(dramaPhone(partner.availability.outOfHoursPhone)).toBe(true);
      if (partner.email !== null) expect(partner.email).toMatch(/@example\.org$/);
    }
    for (const contact of directory.contacts) {
      expect(dramaPhone(contact.phones.main), contact.phones.main).toBe(true);
      expect(dramaPhone(contact.phones.outOfHours)).toBe(true);
      if (contact.email !== null) expect(contact.email).toMatch(/@example\.org$/);
    }
  });

  it.each([undefined, 1, 99, 123_456])(
    'offers every capability through at least 5 partners (seed %s)',
    (seed) => {
      const { partners } = generateDemoDirectory(area, {
        today: TODAY,
        ...(seed === undefined ? {} : { seed }),
      });
      for (const { id } of CAPABILITIES) {
        expect(partners.filter((p) => p.capabilities.includes(id)).length, id).toBeGreaterThanOrEqual(5);
      }
    },
  );

  it('includes every kind of partner', () => {
    const kinds = new Set(directory.partners.map((p) => p.kind));
    for (const { id } of PARTNER_KINDS) expect(kinds.has(id), id).toBe(true);
  });

  it('names only wards and parishes that exist, with some borough-wide and some parish-based', () => {
    const wardCodes = new Set(area.wards.map((w) => w.code));
    const parishCodes = new Set(area.parishes.map((p) => p.code));
    for (const { coverage } of directory.partners) {
      for (const code of coverage.wards) expect(wardCodes.has(code), code).toBe(true);
      for (const code of coverage.parishes) expect(parishCodes.has(code), code).toBe(true);
    }
    expect(directory.partners.some((p) => p.coverage.boroughWide)).toBe(true);
    expect(directory.partners.some((p) => p.coverage.parishes.length > 0)).toBe(true);
    expect(directory.partners.some((p) => p.coverage.wards.length > 1)).toBe(true);
  });

  it('gives every record its own id', () => {
    const ids = [...directory.partners, ...directory.contacts].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('mixes strategic and other partners, fresh and stale details', () => {
    const strategic = directory.partners.filter((p) => p.emergencyPlan.agreed);
    expect(strategic.length).toBeGreaterThan(0);
    expect(strategic.length).toBeLessThan(directory.partners.length);
    for (const partner of strategic)
      expect(daysBefore(partner.emergencyPlan.date ?? '')).toBeLessThanOrEqual(3 * 366);
    const ages = directory.partners.map((p) => daysBefore(p.lastVerified));
    expect(ages.some((age) => age > 90)).toBe(true);
    expect(ages.some((age) => age <= 90)).toBe(true);
    expect(Math.max(...ages)).toBeLessThanOrEqual(200);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(directory.contacts.some((c) => daysBefore(c.lastVerified) > 90)).toBe(true);
  });

  it('has realistic verification dates: most within the quarter, a few stale', () => {
    const ages = [...directory.partners, ...directory.contacts].map((record) =>
      daysBefore(record.lastVerified),
    );
    const stale = ages.filter((age) => age > 90).length / ages.length;
    expect(stale).toBeGreaterThan(0.03);
    expect(stale).toBeLessThan(0.2);
    // none sits on the edge of the review, where "stale" would flip from one day to the next
    expect(ages.filter((age) => age > 85 && age <= 90)).toEqual([]);
  });

  it('puts partner bases near the ward they are based in', () => {
    for (const { base } of directory.partners) {
      expect(base.lon).toBeGreaterThan(0.49);
      expect(base.lon).toBeLessThan(0.55);
      expect(base.lat).toBeGreaterThan(51.19);
      expect(base.lat).toBeLessThan(51.22);
    }
  });

  it('gives each parish a public clerk, a restricted emergency coordinator and a deputy, and a plan lead', () => {
    for (const { code } of area.parishes) {
      const mine = directory.contacts.filter((c) => c.parishCode === code);
      expect(mine.find((c) => c.role === 'Parish clerk')?.visibility).toBe('public');
      expect(mine.find((c) => c.role === 'Parish emergency coordinator')?.visibility).toBe('restricted');
      expect(mine.find((c) => c.role === 'Deputy emergency coordinator')?.visibility).toBe('restricted');
      expect(mine.find((c) => c.role === 'Community emergency plan lead')?.visibility).toBe('public');
    }
    const others = directory.contacts.filter((c) => c.parishCode === null);
    expect(others.length).toBe(100 - 4 * area.parishes.length);
    expect(others.every((c) => c.organisation !== null)).toBe(true);
    expect(others.some((c) => c.role === 'Emergency planning duty officer')).toBe(true);
  });

  it('refuses a malformed today', () => {
    expect(() => generateDemoDirectory(area, { today: '1/3/2026' })).toThrow(/YYYY-MM-DD/);
  });

  // Generous time: a busy two-core machine (CI shares it) takes seconds to make 100,000.
  it('scales to 100,000 partners', { timeout: 30_000 }, () => {
    const { partners, contacts } = generateDemoDirectory(area, {
      partners: 100_000,
      contacts: 5_000,
      today: TODAY,
    });
    expect(partners).toHaveLength(100_000);
    expect(contacts).toHaveLength(5_000);
    expect(new Set(partners.map((p) => p.id)).size).toBe(100_000);
    for (const partner of partners.slice(-200)) partnerSchema.parse(partner);
  });
});

describe('SeededRandom', () => {
  it('makes v4-shaped UUIDs and repeats itself for a seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    for (let i = 0; i < 500; i++) {
      const id = a.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(b.uuid()).toBe(id);
    }
  });

  it('keeps int within its bounds, both ends reachable', () => {
    const random = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(random.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
