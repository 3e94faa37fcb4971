// Which situation reports were issued from this device, and the protective marking chosen for them,
// kept in localStorage: "changes since the last report" compares with the last one issued here. Not
// synced on purpose — it is this officer's briefing record, and nothing in it is new data.
import { z } from 'zod';
import type { IssuedReport } from '../../../domain/situationReport/changesSince.ts';

const ISSUED_KEY = 'resilience-hub:issued-reports';
const MARKING_KEY = 'resilience-hub:report-marking';
export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

const issuedSchema = z.array(
  z.object({ incidentId: z.string(), issuedAt: z.string(), open: z.number(), gaps: z.array(z.string()) }),
);

function readAll(): IssuedReport[] {
  try {
    const parsed = issuedSchema.safeParse(JSON.parse(localStorage.getItem(ISSUED_KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The last report issued here for this incident, or null. */
export function lastIssued(incidentId: string): IssuedReport | null {
  return (
    readAll()
      .filter((issued) => issued.incidentId === incidentId)
      .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0] ?? null
  );
}

export function recordIssued(issued: IssuedReport): void {
  // Keep the last 200, enough for months of incidents, never unbounded.
  localStorage.setItem(ISSUED_KEY, JSON.stringify([...readAll(), issued].slice(-200)));
}

export function readMarking(): string {
  try {
    return localStorage.getItem(MARKING_KEY) ?? DEFAULT_MARKING;
  } catch {
    return DEFAULT_MARKING;
  }
}

export function saveMarking(marking: string): void {
  try {
    localStorage.setItem(MARKING_KEY, marking);
  } catch {
    // Private mode: the marking holds for this page only.
  }
}

/** A CSS string literal for the page-margin marking: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}
