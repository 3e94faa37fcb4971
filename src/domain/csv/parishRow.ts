// A parish as text fields, and back, for the parish edit form: read with the same cell rules as the
// CSV import (codes or names, yes/no, UK dates) and checked against the shared parish schema. Retiring
// is done on the parish's page, not here, so the form keeps whatever the parish holds.
import { parishSchema, type Parish } from '../geo/area.ts';
import {
  areaChoices,
  dateOrNull,
  listOf,
  lookUp,
  rowReader,
  rowResult,
  textOrNull,
  yesNo,
  yesNoText,
  type AreaLookup,
  type RowResult,
} from './csvValues.ts';

/** The parish form's fields, each with the schema field it holds (for putting messages against it). */
export const PARISH_COLUMNS = [
  { column: 'code', field: 'code' },
  { column: 'name', field: 'name' },
  { column: 'wards', field: 'wardCodes' },
  { column: 'plan', field: 'communityEmergencyPlan.has' },
  { column: 'plan_link', field: 'communityEmergencyPlan.link' },
  { column: 'charter_agreed', field: 'charterRole.agreed' },
  { column: 'charter_date', field: 'charterRole.date' },
] as const;
export type ParishColumn = (typeof PARISH_COLUMNS)[number]['column'];

const SCHEMA_COLUMNS = Object.fromEntries(PARISH_COLUMNS.map((column) => [column.field, column.column]));

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
  const { cell, errors } = rowReader<ParishColumn>(row);
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
    retired: existing?.retired ?? false,
  };
  return rowResult(parishSchema, candidate, errors, SCHEMA_COLUMNS, (column, message) =>
    column === 'plan_link' && message === 'is not valid'
      ? 'must be a web address starting https://'
      : message,
  );
}
