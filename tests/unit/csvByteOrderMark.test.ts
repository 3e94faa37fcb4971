// Every CSV a screen offers is opened in Excel by someone: without a byte order mark Excel reads UTF-8 as
// Windows-1252, and "Zoë", "Ysbyty Ŵy" or a name in Arabic turn into mojibake. So each download starts
// with one, empty ones too (a header row alone), and the one writer adds it unless told not to.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { User } from '../../src/domain/accounts/user.ts';
import { csvText } from '../../src/domain/csv/csvText.ts';
import { analyseGaps } from '../../src/domain/gaps/gapAnalysis.ts';
import { emergencyContactList } from '../../src/domain/contactList/emergencyContactList.ts';
import type { SituationReport } from '../../src/domain/situationReport/report.ts';
import { contactListCsv } from '../../src/app/features/contactList/contactListCsv.ts';
import { gapReportCsv } from '../../src/app/features/gaps/gapCsv.ts';
import { roundCsvText } from '../../src/app/features/review/roundCsvText.ts';
import { situationReportCsv } from '../../src/app/features/situationReport/reportCsv.ts';
import { auditCsv } from '../../src/domain/accounts/audit.ts';
import { contactsCsv, partnersCsv } from '../../src/domain/csv/directoryCsv.ts';
import { aWard } from '../support/area.ts';
import { anIncident } from '../support/records.ts';

const duty: User = {
  id: randomUUID(),
  username: 'duty',
  displayName: 'Duty',
  role: 'duty_officer',
  parishCode: null,
};
const wards = [aWard('W1', 'Ysbyty Ŵy', 0.3), aWard('W2', 'الحي', 0.4)];
const emptyReport: SituationReport = {
  incident: anIncident({ name: 'Llifogydd Ŵy' }),
  madeAt: '2026-11-20T09:00:00.000Z',
  summary: {
    total: 0,
    open: 0,
    openImmediate: 0,
    unassignedImmediate: 0,
    closed: 0,
    partnersEngaged: 0,
    wardsAffected: 0,
  },
  keyEvents: [],
  needs: [],
  openByWard: [],
  partners: [],
  gaps: [],
  histories: new Map(),
};

describe('every CSV download', () => {
  it.each([
    ['gap report', () => gapReportCsv(analyseGaps(wards, [], []))],
    ['gap report, no wards', () => gapReportCsv(analyseGaps([], [], []))],
    ['contact list, empty', () => contactListCsv(emergencyContactList(duty, wards, [], [], []))],
    ['review round, empty', () => roundCsvText([])],
    ['situation report', () => situationReportCsv(emptyReport, null, 'OFFICIAL-SENSITIVE')],
    ['partners, empty', () => partnersCsv([])],
    ['contacts, empty', () => contactsCsv([])],
    ['audit trail, empty', () => auditCsv([])],
  ])('%s starts with a byte order mark, so Excel reads it as UTF-8', (_name, make) => {
    const text = make();
    expect(text.charAt(0)).toBe('\uFEFF');
    expect(text.charAt(1)).not.toBe('\uFEFF');
  });

  it('the writer adds one unless told not to', () => {
    expect(csvText(['a'], [['Zoë']])).toBe('\uFEFFa\r\nZoë\r\n');
    expect(csvText(['a'], [['Zoë']], { byteOrderMark: false })).toBe('a\r\nZoë');
  });
});
