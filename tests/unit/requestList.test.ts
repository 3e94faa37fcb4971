// The request lists: most urgent first, then longest waiting; filters by incident, status, ward (a
// parish's request counts in each of its wards), need and urgency; "mine"; and partners' open load.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  NO_FILTERS,
  filterRequests,
  isMine,
  openAssignmentsByPartner,
} from '../../src/domain/requests/requestList.ts';
import type { Parish } from '../../src/domain/geo/area.ts';
import { aRequest } from '../support/records.ts';

const parish: Parish = {
  code: 'P1',
  name: 'Upton',
  wardCodes: ['W1', 'W2'],
  boundary: null,
  communityEmergencyPlan: { has: false, link: null },
  charterRole: { agreed: false, date: null },
  retired: false,
};
const parishes = new Map([[parish.code, parish]]);
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString();

describe('request lists', () => {
  it('puts the most urgent first, then the one waiting longest', () => {
    const weekOld = aRequest({ urgency: 'this_week', createdAt: at(0) });
    const todayNew = aRequest({ urgency: 'today', createdAt: at(30) });
    const todayOld = aRequest({ urgency: 'today', createdAt: at(10) });
    const immediate = aRequest({ urgency: 'immediate', createdAt: at(50) });
    const shown = filterRequests([weekOld, todayNew, todayOld, immediate], NO_FILTERS, parishes);
    expect(shown.map((r) => r.id)).toEqual([immediate.id, todayOld.id, todayNew.id, weekOld.id]);
  });

  it('shows open requests by default and each filter narrows the list', () => {
    const incidentId = randomUUID();
    const done = aRequest({ status: 'done' });
    const inParish = aRequest({
      place: { wardCode: null, parishCode: 'P1', lat: null, lon: null, address: '' },
      needs: ['welfare_check'],
      incidentId,
    });
    const inWard = aRequest({ urgency: 'immediate' });
    const all = [done, inParish, inWard];
    const ids = (filters: Partial<typeof NO_FILTERS>) =>
      filterRequests(all, { ...NO_FILTERS, ...filters }, parishes).map((r) => r.id);
    expect(ids({})).toEqual([inWard.id, inParish.id]);
    expect(ids({ status: 'any' })).toHaveLength(3);
    expect(ids({ status: 'done' })).toEqual([done.id]);
    expect(ids({ ward: 'W2' })).toEqual([inParish.id]);
    expect(ids({ need: 'welfare_check' })).toEqual([inParish.id]);
    expect(ids({ urgency: 'immediate' })).toEqual([inWard.id]);
    expect(ids({ incident: incidentId })).toEqual([inParish.id]);
    expect(ids({ incident: 'none' })).toEqual([inWard.id]);
  });

  it('counts as mine what I logged or assigned, and counts open assignments per partner', () => {
    const me = randomUUID();
    const partnerId = randomUUID();
    const assignment = {
      partnerId,
      partnerName: 'Upton Helpers',
      reasons: [],
      assignedAt: at(0),
      assignedBy: me,
    };
    const logged = aRequest({ createdBy: me });
    const assigned = aRequest({ assignments: [assignment] });
    const closed = aRequest({ assignments: [assignment], status: 'done' });
    const other = aRequest();
    expect([logged, assigned, closed, other].map((r) => isMine(r, me))).toEqual([true, true, true, false]);
    expect(openAssignmentsByPartner([logged, assigned, closed, other]).get(partnerId)).toBe(1);
  });
});
