// A parish as text fields, and back, for the parish edit form: read with the same cell rules as the
// CSV import (codes or names, yes/no, UK dates) and checked against the shared parish schema.
import { parishSchema, type Parish } from './area.ts';
import {
  CellError,
  areaChoices,
  cleanCell,
  dateOrNull,
  issuesByColumn,
  listOf,
  lookUp,
  textOrNull,
  yesNo,
  yesNoText,
  type AreaLookup,
} from './csvValues.ts';
import type { RowResult } from './partnerRow.ts';

export const PARISH_COLUMNS = [
  'code',
  'name',
  'wards',
  'plan',
  'plan_link',
  'charter_agreed',
  'charter_date',
] as const;
export type ParishColumn = (typeof PARISH_COLUMNS)[number];

const SCHEMA_COLUMNS: Record<string, ParishColumn> = {
  code: 'code',
  name: 'name',
  wardCodes: 'wards',
  'communityEmergencyPlan.has': 'plan',
  'communityEmergencyPlan.link': 'plan_link',
  'charterRole.agreed': 'charter_agreed',
  'charterRole.date': 'charter_date',
};

export function parishToRow(parish: Parish): Record<ParishColumn, string> {
  return {
    code: parish.code,
    name: parish.name,
    wards: parish.wardCodes.join('; '),
    plan: yesNoText(parish.communityEmergencyPlan.has),
    plan_link: parish.communityEmergencyPlan.link ?? '',
    charter_agreed: yesNoText(parish.charterRole.agreed),
    charter_date: parish.charterRole.date ?? '',
  };
}

/** `existing` keeps its code and boundary; a new parish's code must not be taken already. */
export function parishFromRow(
  row: Record<ParishColumn, string>,
  existing: Parish | null,
  area: AreaLookup,
): RowResult<Parish> {
  const errors: Record<string, string> = {};
  function cell<T>(column: ParishColumn, fallback: T, read: (text: string) => T): T {
    try {
      return read(cleanCell(row[column]) ?? '');
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors[column] = error.message;
      return fallback;
    }
  }
  const code = existing ? existing.code : row.code.trim();
  const taken = !existing && area.parishes.find((parish) => parish.code.toLowerCase() === code.toLowerCase());
  if (taken) errors.code = `is already used by ${taken.name} parish`;
  const plan = cell('plan', false, yesNo);
  const candidate = {
    code,
    name: row.name.trim(),
    wardCodes: cell('wards', [] as string[], (text) =>
      lookUp(listOf(text), areaChoices(area.wards), 'a ward here', 'ward'),
    ),
    boundary: existing?.boundary ?? null,
    communityEmergencyPlan: { has: plan, link: cell('plan_link', null, textOrNull) },
    charterRole: {
      agreed: cell('charter_agreed', false, yesNo),
      date: cell('charter_date', null, dateOrNull),
    },
  };
  const checked = parishSchema.safeParse(candidate);
  if (!checked.success) {
    for (const [column, message] of Object.entries(
      issuesByColumn(checked.error.issues, SCHEMA_COLUMNS, 'name'),
    )) {
      errors[column] ??=
        column === 'plan_link' && message === 'is not valid'
          ? 'must be a web address starting https://'
          : message;
    }
  }
  if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
  return { ok: true, record: checked.data };
}
