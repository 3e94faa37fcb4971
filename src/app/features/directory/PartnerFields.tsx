// The partner edit form's fields, one per CSV column, grouped as a person thinks of a partner:
// who, what, where, how to reach, when, agreements. Values are text; the screen reads them.
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import { CAPABILITIES } from '../../../domain/entities/capabilities.ts';
import { PARTNER_KINDS } from '../../../domain/entities/partner.ts';
import type { PartnerColumn } from '../../../domain/csv/partnerRow.ts';
import { columnFields, type ColumnForm } from './columnFields.tsx';

export const PARTNER_LABELS: Record<PartnerColumn, string> = {
  id: 'Id',
  name: 'Name',
  kind: 'Kind of partner',
  capabilities: 'Can help with',
  wards: 'Wards it covers',
  parishes: 'Parishes it covers',
  borough_wide: 'Covers the whole borough',
  address: 'Address of its base',
  postcode: 'Postcode',
  lat: 'Latitude',
  lon: 'Longitude',
  phone: 'Phone',
  out_of_hours_phone: 'Out-of-hours phone',
  email: 'Email',
  always_open: 'Open 24 hours, 7 days',
  hours: 'Opening hours',
  capacity_notes: 'Capacity notes',
  emergency_plan_agreed: 'Agreed to be named in the emergency plan (strategic partner)',
  emergency_plan_date: 'Date it agreed to the emergency plan',
  local_compact_signed: 'Signed the Local Compact',
  local_compact_date: 'Date it signed the Local Compact',
  listed_publicly: 'Listed in the public directory',
  last_verified: 'Last verified',
  status: 'Status',
};

export const partnerFieldId = (column: PartnerColumn) => `partner-${column}`;

export function PartnerFields({
  values,
  set,
  errorOf,
  wards,
  parishes,
}: ColumnForm<PartnerColumn> & {
  wards: readonly Ward[];
  parishes: readonly Parish[];
}) {
  const { text, select, yes, group, picker } = columnFields(
    { values, set, errorOf },
    PARTNER_LABELS,
    partnerFieldId,
  );

  return (
    <>
      {text('name', { autoComplete: 'organization' })}
      {select(
        'kind',
        PARTNER_KINDS.map((kind) => ({ value: kind.id, label: kind.label })),
      )}
      {select(
        'status',
        [
          { value: 'active', label: 'Active' },
          { value: 'paused', label: 'Paused' },
          { value: 'closed', label: 'Closed (retired)' },
        ],
        'Closed retires the partner: it stays on record but is never offered.',
      )}
      {group(
        'capabilities',
        CAPABILITIES.map((capability) => ({ value: capability.id, label: capability.label })),
      )}
      <h2>Where it helps</h2>
      {yes('borough_wide')}
      {picker(
        'wards',
        wards.map((ward) => ({ value: ward.code, label: ward.name })),
        'An active partner needs at least one ward or parish, unless it covers the whole borough.',
      )}
      {picker(
        'parishes',
        parishes.map((parish) => ({ value: parish.code, label: parish.name })),
      )}
      <h2>Its base</h2>
      {text('address', { autoComplete: 'street-address' })}
      {text('postcode', { autoComplete: 'postal-code' })}
      {text('lat', { inputMode: 'decimal', hint: 'For distances, e.g. 51.2724. Leave blank if unknown.' })}
      {text('lon', { inputMode: 'decimal', hint: 'e.g. 0.5227' })}
      <h2>How to reach it</h2>
      {text('phone', { type: 'tel', hint: 'Digits and spaces, e.g. 01632 960123.' })}
      {text('out_of_hours_phone', { type: 'tel', hint: 'Leave blank if none.' })}
      {text('email', { type: 'email' })}
      <h2>When</h2>
      {yes('always_open')}
      {text('hours', { hint: 'e.g. Mon-Fri 09:00-17:00; Sat 10:00-13:00. Leave blank if no regular hours.' })}
      {text('capacity_notes', {
        multiline: true,
        hint: 'e.g. up to 40 food parcels a day; needs a day’s notice.',
      })}
      <h2>Agreements</h2>
      {yes('emergency_plan_agreed')}
      {text('emergency_plan_date', { type: 'date' })}
      {yes('local_compact_signed')}
      {text('local_compact_date', { type: 'date' })}
      {yes('listed_publicly', 'Residents can see it in the public directory.')}
      {text('last_verified', { type: 'date', hint: 'When its details were last confirmed.' })}
    </>
  );
}
