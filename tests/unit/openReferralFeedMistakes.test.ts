// Open Referral feeds as they come from other people's systems: ids that are one UUID written in two
// cases (a .NET feed's capitals, or a feed that changed case between imports), and positions given
// latitude for longitude. Each would have made a second partner, or a partner ranked from the other
// side of the world.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PARISHES, WARDS, NOW, TODAY, aPartner } from '../support/directoryFixtures.ts';
import { previewOrukImport, orukGoodRecords } from '../../src/domain/openReferral/importPreview.ts';
import type { MapContext } from '../../src/domain/openReferral/mapService.ts';

const context: MapContext = {
  wards: WARDS,
  parishes: PARISHES,
  termMappings: [],
  phones: {},
  today: TODAY,
  now: NOW,
  newId: randomUUID,
};

const service = (id: string, latitude: number, longitude: number, name = 'Marden Food Bank') => ({
  id,
  name,
  status: 'active',
  phones: [{ id: 'p1', number: '01632 960001' }],
  attributes: [{ id: 'a1', taxonomy_term: { id: 't1', name: 'Food banks' } }],
  service_at_locations: [
    { id: 's1', location: { id: 'l1', location_type: 'physical', latitude, longitude } },
  ],
});

const UUID = '7d4c2a8e-1f3b-4c5d-9e6f-0a1b2c3d4e5f';

describe('ORUK ids written in another case', () => {
  it('takes one UUID in two cases as one service, and our id in lower case', () => {
    const preview = previewOrukImport(
      [service(UUID.toUpperCase(), 51.25, 0.35), service(UUID, 51.25, 0.35, 'Again')],
      [],
      context,
    );
    expect(preview.creates).toHaveLength(1);
    expect(preview.creates[0]?.record.id).toBe(UUID);
    expect(preview.duplicates).toEqual([{ index: 2, orukId: UUID, name: 'Again', firstIndex: 1 }]);
  });

  it('updates the partner an earlier import made when the feed changes the case of its ids', () => {
    const fromCapitals = previewOrukImport([service(UUID.toUpperCase(), 51.25, 0.35)], [], context);
    const held = orukGoodRecords(fromCapitals);
    const again = previewOrukImport(
      [service(UUID, 51.25, 0.35, 'Marden Food Bank (new name)')],
      held,
      context,
    );
    expect(again.creates).toEqual([]);
    expect(again.updates.map((row) => row.record.id)).toEqual([held[0]?.id]);

    const heldByOrukId = aPartner({ orukId: UUID.toUpperCase() });
    const lower = previewOrukImport([service(UUID, 51.25, 0.35)], [heldByOrukId], context);
    expect(lower.creates).toEqual([]);
    expect([...lower.updates, ...lower.unchanged].map((row) => row.record.id)).toEqual([heldByOrukId.id]);
  });

  it('keeps ids that are not UUIDs as written', () => {
    const preview = previewOrukImport(
      [service('svc-a', 51.25, 0.35), service('SVC-A', 51.25, 0.35)],
      [],
      context,
    );
    expect(preview.creates).toHaveLength(2);
  });
});

describe('ORUK positions given latitude for longitude', () => {
  it('reads a position swapped into none of our wards the other way round, saying so', () => {
    const preview = previewOrukImport([service(UUID, 0.35, 51.25)], [], context);
    const row = preview.creates[0];
    expect(row?.record.base).toMatchObject({ lat: 51.25, lon: 0.35 });
    expect(row?.record.coverage.wards).toEqual(['W1']);
    expect(row?.notes).toContain(
      'location latitude 0.35, longitude 51.25 lies in none of our wards and looks swapped: read as latitude 51.25, longitude 0.35',
    );
  });

  it('keeps a position outside the borough as given when the other way round is no better', () => {
    const preview = previewOrukImport([service(UUID, 53.48, -2.24)], [], context);
    expect(preview.creates[0]?.record.base).toMatchObject({ lat: 53.48, lon: -2.24 });
  });
});

describe('ORUK text with control characters and direction overrides', () => {
  it('shows names, notes and reasons without them', () => {
    const RLO = '\u202E';
    const tricky = {
      ...service(UUID, 51.25, 0.35, `Food${RLO} bank\u0007`),
      email: `help${RLO}@example`,
      phones: [
        { id: 'p1', number: `01632 960001` },
        { id: 'p2', number: `0${RLO}1632\u001b[31m` },
      ],
    };
    const refused = { id: 'svc-2', name: `Closed${RLO}\u0000 club`, status: 42 };
    const preview = previewOrukImport([tricky, refused], [], context);
    const shownText = [
      ...preview.creates.flatMap((row) => [row.record.name, ...row.notes]),
      ...preview.refused.flatMap((one) => [one.name, ...one.reasons]),
    ];
    expect(shownText.filter((text) => /[\u202A-\u202E\u2066-\u2069]|\p{Cc}/u.test(text))).toEqual([]);
    expect(preview.creates[0]?.record.name).toBe('Food bank');
    expect(preview.refused[0]?.name).toBe('Closed club');
  });
});

describe('ORUK re-import after the feed dropped a service', () => {
  it('names the partners an earlier import brought that the feed no longer lists, changing nothing', () => {
    const dropped = aPartner({ name: 'Gone Pantry', orukId: 'svc-gone' });
    const closedAlready = aPartner({ name: 'Closed Pantry', orukId: 'svc-closed', status: 'closed' });
    const stillThere = aPartner({ name: 'Marden Food Bank', orukId: UUID.toUpperCase() });
    const refusedButListed = aPartner({ name: 'Refused', orukId: 'svc-refused' });
    const ours = aPartner({ name: 'Typed here' });
    const feed = [service(UUID, 51.25, 0.35), { id: 'svc-refused', name: 'Refused', status: 42 }];
    const preview = previewOrukImport(
      feed,
      [dropped, closedAlready, stillThere, refusedButListed, ours],
      context,
    );
    expect(preview.notInFeed).toEqual([{ id: dropped.id, name: 'Gone Pantry', orukId: 'svc-gone' }]);
    expect(orukGoodRecords(preview).map((partner) => partner.id)).not.toContain(dropped.id);
    // One service on its own (a file from /services/{id}) says nothing of the others.
    expect(previewOrukImport([service(UUID, 51.25, 0.35)], [dropped], context).notInFeed).toEqual([]);
  });
});
