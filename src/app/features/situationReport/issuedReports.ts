// Issued situation reports and the protective marking, shared across devices: marking a report as
// issued saves a synced issued-report record (so "changes since the last report" on any staff device
// compares with the last report issued by anyone), and the marking is a council setting an admin sets
// (so every printed report carries the council's marking, not one device's). Reports issued before
// this was shared were kept in this device's localStorage; they still count, read-only.
import { z } from 'zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { saveRecord } from '../../store/mutate.ts';
import { lastIssuedFor, type IssuedReport } from '../../../domain/situationReport/changesSince.ts';
import type { IssuedReportRecord } from '../../../domain/situationReport/issuedReport.ts';
import { reportMarking, type CouncilSetting } from '../../../domain/entities/councilSetting.ts';
import type { User } from '../../../domain/accounts/user.ts';

const LEGACY_ISSUED_KEY = 'resilience-hub:issued-reports';

const legacySchema = z.array(
  z.object({ incidentId: z.string(), issuedAt: z.string(), open: z.number(), gaps: z.array(z.string()) }),
);

/** Reports issued on this device before issued reports were synced. */
function legacyIssued(): IssuedReport[] {
  try {
    const parsed = legacySchema.safeParse(JSON.parse(localStorage.getItem(LEGACY_ISSUED_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type LastIssued = IssuedReport & { byName?: string };

/** The last report issued for this incident by anyone; null when none, undefined while loading. */
export function useLastIssued(incidentId: string): LastIssued | null | undefined {
  return useLiveQuery(async () => {
    const synced = await localDatabase
      .table<IssuedReportRecord, string>('issuedReports')
      .where('incidentId')
      .equals(incidentId)
      .toArray();
    return lastIssuedFor<LastIssued>([...synced, ...legacyIssued()], incidentId);
  }, [incidentId]);
}

/** Marks a report as issued: saved here with its outbox entry, and synced to every staff device. */
export async function recordIssued(issued: IssuedReport, user: User): Promise<void> {
  const record: IssuedReportRecord = {
    ...issued,
    id: crypto.randomUUID(),
    by: user.id,
    byName: user.displayName,
  };
  await saveRecord(localDatabase, 'issuedReport', record);
}

/** The council's protective marking (its default until an admin sets one); undefined while loading. */
export function useReportMarking(): string | undefined {
  return useLiveQuery(async () =>
    reportMarking(await localDatabase.table<CouncilSetting, string>('councilSettings').toArray()),
  );
}

/** Sets the council's marking (admins; the server refuses others). */
export async function saveMarking(marking: string): Promise<void> {
  await saveRecord(localDatabase, 'councilSetting', {
    code: 'reportMarking',
    value: marking.trim(),
    updatedAt: new Date().toISOString(),
  });
}
