// Export then import gives the same directory for every field our ORUK feed holds: the demo borough's
// public partners go out as a feed (through JSON, as over the wire), come back into an empty
// directory field for field, and into the directory they came from as "already up to date".
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { generateDemoDirectory } from '../../src/server/demo/demoDirectory.ts';
import type { Partner } from '../../src/domain/partner.ts';
import { isPublicPartner } from '../../src/domain/openReferral/publicPartner.ts';
import { orukPage, serviceFromPartner } from '../../src/domain/openReferral/exportServices.ts';
import { servicesInFeed } from '../../src/domain/openReferral/feedFile.ts';
import { previewOrukImport } from '../../src/domain/openReferral/importPreview.ts';
import type { MapContext } from '../../src/domain/openReferral/mapService.ts';

const TODAY = '2026-03-01';
const area = generateDemoArea();
const { partners } = generateDemoDirectory(area, { partners: 200, today: TODAY });
const published = partners.filter(isPublicPartner);
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

/** The fields an ORUK feed of ours holds (see the README's Open Referral section for the rest). */
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
      always: partner.availability.always,
      hours: [...partner.availability.hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    },
    capacityNotes: partner.capacityNotes,
    lastVerified: partner.lastVerified,
    status: partner.status,
  };
}

const feed = () => {
  const page = orukPage(
    published.map((partner) => serviceFromPartner(partner, areas)),
    1,
    published.length,
  );
  const read = servicesInFeed(JSON.parse(JSON.stringify(page)));
  if (!read.ok) throw new Error(read.error);
  return read.services;
};

describe('ORUK round trip', () => {
  it('publishes a varied directory: paused partners, 24/7 and borough-wide ones', () => {
    expect(published.length).toBeGreaterThan(50);
    expect(published.some((partner) => partner.status === 'paused')).toBe(true);
    expect(published.some((partner) => partner.availability.always)).toBe(true);
    expect(published.some((partner) => partner.coverage.boroughWide)).toBe(true);
    expect(published.some((partner) => partner.coverage.parishes.length > 0)).toBe(true);
  });

  it('into an empty directory: every partner back, the same in every field the feed holds', () => {
    const preview = previewOrukImport(feed(), [], context);
    expect(preview.refused).toEqual([]);
    expect(preview.duplicates).toEqual([]);
    expect(preview.creates.map((row) => held(row.record))).toEqual(published.map(held));
  });

  it('keeps out-of-hours numbers off the public feed, and a re-import keeps the ones held here', () => {
    const withNight = published.filter((partner) => partner.availability.outOfHoursPhone !== null);
    expect(withNight.length).toBeGreaterThan(0);
    const services = new Map(
      (feed() as { id: string; phones: { number: string }[] }[]).map((service) => [service.id, service]),
    );
    for (const partner of withNight)
      expect(services.get(partner.id)?.phones.map((phone) => phone.number)).toEqual([partner.phone]);
  });

  it('into the directory it came from: every partner already up to date', () => {
    const preview = previewOrukImport(feed(), partners, context);
    expect(preview.updates.map((row) => [row.record.name, row.changedFields])).toEqual([]);
    expect(preview.unchanged).toHaveLength(published.length);
  });
});
