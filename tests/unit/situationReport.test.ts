// The situation report for one incident: its summary, key events in time order (logged, assigned,
// closed, reopened), open requests by ward and need, partners engaged, gaps (a ward of the incident
// with a need nobody covers there) and the changes since a report issued earlier.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Incident, HelpRequest } from '../../src/domain/entities/request.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { situationReport, type ReportInput } from '../../src/domain/situationReport/report.ts';
import { changesSince, issuedRecord } from '../../src/domain/situationReport/changesSince.ts';
import { aParish, aWard } from '../support/area.ts';
import { aStrategicPartner } from '../support/directoryFixtures.ts';
import { aRequest } from '../support/records.ts';
import { isolated } from '../../src/domain/words/isolated.ts';

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour, minute)).toISOString();
const wards = [
  aWard('W1', 'Marden', 0.3),
  aWard('W2', 'Shepway South', 0.4, { parished: false }),
  aWard('W3', 'Coxheath', 0.5),
];
const parishes = [aParish('P1', 'Marden', ['W1']), aParish('P3', 'Coxheath and Linton', ['W3', 'W1'])];
const incident: Incident = {
  id: randomUUID(),
  name: 'Flood at Marden',
  type: 'flood',
  startedAt: at(8),
  endedAt: null,
  status: 'open',
  wardCodes: ['W1', 'W2'],
  updatedAt: at(8),
};
const place = (wardCode: string | null, parishCode: string | null = null) => ({
  wardCode,
  parishCode,
  lat: null,
  lon: null,
  address: '',
});
const line = (
  request: HelpRequest,
  time: string,
  kind: TimelineEntry['kind'],
  status: TimelineEntry['status'],
) => ({
  id: randomUUID(),
  requestId: request.id,
  at: time,
  by: randomUUID(),
  byName: 'Duty',
  kind,
  text: kind,
  status,
});

const food = aRequest({
  incidentId: incident.id,
  needs: ['food', 'medicines'],
  urgency: 'immediate',
  place: place('W2'),
  createdAt: at(9),
  forWhom: { name: 'A', phone: null, households: null },
});
const sandbags = aRequest({
  incidentId: incident.id,
  needs: ['sandbags'],
  urgency: 'today',
  place: place('W1'),
  status: 'in_progress',
  assignments: [
    { partnerId: 'p-sand', partnerName: 'Sandbag Crew', reasons: [], assignedAt: at(10), assignedBy: 'u' },
  ],
  createdAt: at(9, 30),
  forWhom: { name: 'B', phone: null, households: null },
});
const doneThenReopened = aRequest({
  incidentId: incident.id,
  needs: ['food'],
  urgency: 'today',
  place: place(null, 'P1'),
  status: 'assigned',
  assignments: [
    {
      partnerId: 'p-food',
      partnerName: 'Marden Pantry',
      reasons: [],
      assignedAt: at(9, 50),
      assignedBy: 'u',
    },
  ],
  createdAt: at(9, 45),
  forWhom: { name: 'C', phone: null, households: null },
});
const otherIncident = aRequest({ incidentId: randomUUID(), place: place('W3'), createdAt: at(9) });
const timeline = [
  line(food, at(9), 'created', 'new'),
  line(sandbags, at(9, 30), 'created', 'new'),
  line(sandbags, at(10), 'assigned', null),
  line(sandbags, at(11), 'status', 'in_progress'),
  line(doneThenReopened, at(9, 45), 'created', 'new'),
  line(doneThenReopened, at(9, 50), 'assigned', null),
  line(doneThenReopened, at(12), 'status', 'done'),
  line(doneThenReopened, at(14), 'status', 'assigned'),
];
const partners = [
  aStrategicPartner({
    name: 'Marden Pantry',
    capabilities: ['food'],
    coverage: { boroughWide: false, wards: ['W1'], parishes: [] },
  }),
  aStrategicPartner({
    name: 'Sandbag Crew',
    capabilities: ['sandbags'],
    coverage: { boroughWide: true, wards: [], parishes: [] },
  }),
];
const input = (now: string): ReportInput => ({
  incident,
  requests: [food, sandbags, doneThenReopened, otherIncident],
  timeline,
  wards,
  parishes,
  partners,
  now,
});

describe('situation report', () => {
  const report = situationReport(input(at(15)));

  it('sums up the incident’s requests only', () => {
    expect(report.summary).toEqual({
      total: 3,
      open: 3,
      openImmediate: 1,
      unassignedImmediate: 1,
      closed: 0,
      partnersEngaged: 2,
      wardsAffected: 2,
    });
  });

  it('lists key events in time order, with the closing and the reopening', () => {
    // Typed names are marked isolated, so an Arabic or Hebrew one keeps the words around it in order.
    const name = isolated;
    expect(report.keyEvents.map((event) => [event.at, event.text])).toEqual([
      [at(8), `Incident opened: ${name('Flood at Marden')}`],
      [at(9), `Immediate request logged: Food, Medicines collection for ${name('A')} (Shepway South)`],
      [at(9, 30), `Today request logged: Sandbags and flood help for ${name('B')} (Marden)`],
      [at(9, 45), `Today request logged: Food for ${name('C')} (Marden)`],
      [at(9, 50), `${name('Marden Pantry')} assigned: Food for ${name('C')}`],
      [at(10), `${name('Sandbag Crew')} assigned: Sandbags and flood help for ${name('B')}`],
      [at(12), `Done: Food for ${name('C')}`],
      [at(14), `Reopened: Food for ${name('C')}`],
    ]);
  });

  it('counts open requests by ward and need (a parish in one ward counts in that ward)', () => {
    expect(report.needs).toEqual(['food', 'medicines', 'sandbags']);
    expect(report.openByWard.map((row) => [row.wardName, row.open, Object.fromEntries(row.byNeed)])).toEqual([
      ['Marden', 2, { sandbags: 1, food: 1 }],
      ['Shepway South', 1, { food: 1, medicines: 1 }],
    ]);
  });

  it('names the partners engaged with their open and total requests', () => {
    expect(report.partners.map((p) => [p.name, p.open, p.total])).toEqual([
      ['Marden Pantry', 1, 1],
      ['Sandbag Crew', 1, 1],
    ]);
  });

  it('finds the wards of the incident with a need nobody covers, those with open requests first', () => {
    // Food is covered in Marden only; medicines nowhere; sandbags borough-wide.
    expect(report.gaps.map((gap) => [gap.wardName, gap.need, gap.openRequests])).toEqual([
      ['Shepway South', 'food', 1],
      ['Shepway South', 'medicines', 1],
      ['Marden', 'medicines', 0],
    ]);
  });

  it('says what changed since a report issued at 10:30', () => {
    const earlier = situationReport({
      ...input(at(10, 30)),
      requests: [food, sandbags, { ...doneThenReopened, status: 'assigned' }],
      partners: partners.slice(1),
    });
    const changes = changesSince(report, issuedRecord(earlier));
    expect(changes).toMatchObject({
      since: at(10, 30),
      logged: 0,
      closed: 1,
      reopened: 1,
      openBefore: 3,
      openNow: 3,
    });
    // The pantry came in for food in Marden after the earlier report.
    expect(changes.gapsClosed).toEqual(['W1:food']);
    expect(changes.newGaps).toEqual([]);
  });
});
