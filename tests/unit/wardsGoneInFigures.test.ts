// After a boundary import, requests logged in wards no longer in the area still count in the dashboard
// and the situation report, under the name kept with them ("Barming (no longer in this area)"), or in
// words when none was kept: never the bare code ("E05004983") the figures used to show.
import { describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/domain/dashboard/figures.ts';
import { situationReport } from '../../src/domain/situationReport/report.ts';
import { situationReportCsv } from '../../src/app/features/situationReport/reportCsv.ts';
import { aWard } from '../support/area.ts';
import { aRequest, anIncident } from '../support/records.ts';

const NOW = '2026-11-20T12:00:00.000Z';
const incident = anIncident({ startedAt: '2026-11-20T08:00:00.000Z' });
const wards = [aWard('W1', 'Marden', 0.3)];
const place = (wardCode: string, name: string | null) => ({
  wardCode,
  parishCode: null,
  lat: null,
  lon: null,
  address: '',
  ...(name === null ? {} : { name }),
});
const requests = [
  aRequest({
    incidentId: incident.id,
    urgency: 'immediate',
    place: place('E05004983', 'Barming parish, Barming ward'),
    createdAt: '2026-11-20T09:00:00.000Z',
  }),
  aRequest({
    incidentId: incident.id,
    urgency: 'immediate',
    place: place('E05004999', null),
    createdAt: '2026-11-20T10:00:00.000Z',
  }),
  aRequest({
    incidentId: incident.id,
    place: place('W1', 'Marden ward'),
    createdAt: '2026-11-20T11:00:00.000Z',
  }),
];

describe('figures by ward for wards no longer in the area', () => {
  it('the dashboard names them as kept, or in words', () => {
    const figures = dashboardFigures({
      requests,
      timeline: [],
      wards,
      parishes: [],
      incidentId: null,
      now: NOW,
      offsetMinutes: 0,
    });
    expect(figures.openByWard.map((row) => row.label).sort()).toEqual([
      'Barming (no longer in this area)',
      'Marden',
      'a ward no longer in this area',
    ]);
    expect(figures.unassignedImmediate.map((one) => one.where).sort()).toEqual([
      'Barming (no longer in this area)',
      'a ward no longer in this area',
    ]);
  });

  it('the situation report, its key events and its CSV name them so too', () => {
    const report = situationReport({
      incident,
      requests,
      timeline: [],
      wards,
      parishes: [],
      partners: [],
      now: NOW,
    });
    expect(report.openByWard.map((row) => row.wardName).sort()).toEqual([
      'Barming (no longer in this area)',
      'Marden',
      'a ward no longer in this area',
    ]);
    const csv = situationReportCsv(report, null, 'OFFICIAL');
    expect(csv).toContain('Barming (no longer in this area)');
    expect(csv).not.toMatch(/E0500/);
    expect(report.keyEvents.map((event) => event.text).join('\n')).not.toMatch(/E0500/);
  });
});
