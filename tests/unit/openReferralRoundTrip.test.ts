// Export then import gives the same directory for every field ORUK can hold: the demo borough's
// partners go out as the council's ORUK export (through JSON, as over the wire) and come back into an
// empty directory field for field, and into the directory they came from as "already up to date". The
// public feed carries only the public fields, and importing it changes nothing here either.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import type { Partner } from '../../src/domain/entities/partner.ts';
import { isShownPublicly } from '../../src/domain/directory/publicPartner.ts';
import { orukPage, serviceFromPartner } from '../../src/domain/openReferral/exportServices.ts';
import { servicesInFeed } from '../../src/domain/openReferral/feedFile.ts';
import { previewOrukImport } from '../../src/domain/openReferral/importPreview.ts';
import type { MapContext } from '../../src/domain/openReferral/mapService.ts';

const TODAY = '2026-03-01';
const area = generateDemoArea();
const { partners } = generateDemoDirectory(area, { partners: 200, today: TODAY });
const published = partners.filter(isShownPublicly);
type Audience = 'public' | 'council';
const areas = {
  wards: new Map(area.wards.map((ward) => [ward.code, ward])),
  parishes: new Map(area.parishes.map((parish) => [parish.code, parish])),
};
const context: MapContext = {
  ...area,
  termMappings: [],
  phones: {},
  today: TODAY,
  now: '2026-03-02T09:00:00.000Z',
  newId: randomUUID,
};

/** The fields the council's ORUK export holds (see the README's Open Referral section for the rest). */
function held(partner: Partner) {
  return {
    id: partner.id,
    name: partner.name,
    kind: partner.kind,
    capabilities: partner.capabilities,
    coverage: partner.coverage,
    base: partner.base,
    phone: partner.phone,
    email: partner.email,
    availability: {
      ...partner.availability,
      hours: [...partner.availability.hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    },
    capacityNotes: partner.capacityNotes,
    lastVerified: partner.lastVerified,
    status: partner.status,
  };
}

const feed = (audience: Audience, which: Partner[]) => {
  const page = orukPage(
    which.map((partner) => serviceFromPartner(partner, areas, audience)),
    1,
    which.length,
  );
  const read = servicesInFeed(JSON.parse(JSON.stringify(page)));
  if (!read.ok) throw new Error(read.error);
  return read.services;
};

describe('ORUK round trip', () => {
  it('starts from a varied directory: paused and closed partners, night numbers, 24/7 and borough-wide', () => {
    expect(published.length).toBeGreaterThan(50);
    for (const status of ['paused', 'closed'])
      expect(partners.some((partner) => partner.status === status)).toBe(true);
    expect(partners.some((partner) => partner.availability.outOfHoursPhone !== null)).toBe(true);
    expect(partners.some((partner) => partner.availability.always)).toBe(true);
    expect(partners.some((partner) => partner.coverage.boroughWide)).toBe(true);
    expect(partners.some((partner) => partner.coverage.parishes.length > 0)).toBe(true);
  });

  it('into an empty directory: every partner back, the same in every field ORUK can hold', () => {
    const preview = previewOrukImport(feed('council', partners), [], context);
    expect(preview.refused).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.creates.map((row) => held(row.record))).toEqual(partners.map(held));
  });

  it('keeps email, capacity notes and out-of-hours numbers off the public feed', () => {
    const services = feed('public', published) as {
      id: string;
      phones: { number: string }[];
      organization: Record<string, unknown>;
    }[];
    const byId = new Map(published.map((partner) => [partner.id, partner]));
    for (const service of services) {
      const partner = byId.get(service.id);
      expect(service).not.toHaveProperty('email');
      expect(service).not.toHaveProperty('description');
      expect(service.organization).not.toHaveProperty('email');
      expect(service.phones.map((phone) => phone.number)).toEqual([partner?.phone]);
    }
    expect(services.map((service) => service.id)).toEqual(published.map((partner) => partner.id));
  });

  it.each([
    ['council', partners],
    ['public', published],
  ] as const)(
    'the %s feed into the directory it came from: every partner already up to date',
    (audience, which) => {
      const preview = previewOrukImport(feed(audience, which), partners, context);
      expect(preview.updates.map((row) => [row.record.name, row.changedFields])).toEqual([]);
      expect(preview.unchanged).toHaveLength(which.length);
    },
  );
});
