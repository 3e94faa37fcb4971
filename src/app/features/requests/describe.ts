// Records and values in words, for conflicts and refused changes: "status: Done", never "done" or a
// JSON dump. A person settling a conflict must be able to read both values as they would say them.
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import { entityRegistry, isEntity } from '../../../domain/entities/registry.ts';
import type { HelpRequest } from '../../../domain/entities/request.ts';
import { capabilityLabel, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import {
  forWhomText,
  incidentTypeLabel,
  sourceLabel,
  statusLabel,
  urgencyLabel,
} from '../../../domain/requests/requestList.ts';

import { isolated } from '../../../domain/words/isolated.ts';
const FIELD_WORDS: Record<string, string> = {
  status: 'status',
  urgency: 'urgency',
  needs: 'needs',
  assignments: 'assigned partners',
  forWhom: 'who it is for',
  place: 'place',
  incidentId: 'incident',
  source: 'how it came in',
  name: 'name',
  type: 'type',
  startedAt: 'start',
  endedAt: 'end',
  wardCodes: 'affected wards',
  text: 'note',
};

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export const entityWords = (entity: string) => (isEntity(entity) ? entityRegistry[entity].words.one : entity);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function dateWords(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** One field's value as a person would say it; typed text marked isolated (drawn with Sentence). */
export function valueWords(entity: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (entity === 'request' || entity === 'incident') {
    if (field === 'status' && typeof value === 'string')
      return entity === 'incident' ? (value === 'open' ? 'Open' : 'Closed') : statusLabel(value);
    if (field === 'urgency' && typeof value === 'string') return urgencyLabel(value);
    if (field === 'source' && typeof value === 'string') return sourceLabel(value);
    if (field === 'type' && typeof value === 'string') return incidentTypeLabel(value);
    if (field === 'needs' && Array.isArray(value))
      return value.map((need) => capabilityLabel(need as CapabilityId)).join(', ');
    if (field === 'assignments' && Array.isArray(value))
      return value.length === 0
        ? 'no partners'
        : value.map((entry) => (isRecord(entry) ? isolated(String(entry.partnerName)) : '?')).join(', ');
    if (field === 'forWhom' && isRecord(value))
      return forWhomText({ forWhom: value as HelpRequest['forWhom'] });
  }
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? dateWords(value) : isolated(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((item) => valueWords(entity, '', item)).join(', ');
  if (isRecord(value))
    return Object.entries(value)
      .filter(([, inner]) => inner !== null && inner !== '')
      .map(([key, inner]) => `${fieldWords(key)}: ${valueWords(entity, key, inner)}`)
      .join('; ');
  return String(value);
}

/** "Marden ward", "Boughton parish", or both: where a request is. */
export function placeWords(
  place: HelpRequest['place'],
  wards: ReadonlyMap<string, Ward>,
  parishes: ReadonlyMap<string, Parish>,
): string {
  const parts: string[] = [];
  if (place.parishCode) parts.push(`${parishes.get(place.parishCode)?.name ?? place.parishCode} parish`);
  if (place.wardCode) parts.push(`${wards.get(place.wardCode)?.name ?? place.wardCode} ward`);
  return parts.join(', ') || 'place not given';
}

export function dateTimeWords(iso: string): string {
  return dateWords(iso);
}
