// The Directory's filters as labelled controls: what to show, capability, kind, ward, strategic only,
// stale only, include retired. Capability, kind and strategic describe partners, so choosing one shows
// partners only. Retired contacts and parishes are hidden until asked for.
import type { Ward } from '../../../domain/geo/area.ts';
import { CAPABILITIES, type CapabilityId } from '../../../domain/entities/capabilities.ts';
import { PARTNER_KINDS, type PartnerKind } from '../../../domain/entities/partner.ts';
import type { DirectoryFilters as Filters, DirectoryType } from '../../../domain/ranking/directorySearch.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';

const TYPES: { value: DirectoryType | ''; label: string }[] = [
  { value: '', label: 'Partners, contacts and parishes' },
  { value: 'partner', label: 'Partners only' },
  { value: 'contact', label: 'Contacts only' },
  { value: 'parish', label: 'Parishes only' },
];

export function DirectoryFilters({
  filters,
  onChange,
  wards,
  staleDays,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  wards: readonly Ward[];
  staleDays: number;
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset className="directory-filters">
      <legend>Filters</legend>
      <div className="filter-grid">
        <FilterSelect
          id="filter-type"
          label="Show"
          value={filters.type ?? ''}
          onChange={(value) => set({ type: (value || null) as DirectoryType | null })}
          options={TYPES}
        />
        <FilterSelect
          id="filter-capability"
          label="Can help with"
          value={filters.capability ?? ''}
          onChange={(value) => set({ capability: (value || null) as CapabilityId | null })}
          any="Anything"
          options={CAPABILITIES.map((capability) => ({ value: capability.id, label: capability.label }))}
        />
        <FilterSelect
          id="filter-kind"
          label="Kind of partner"
          value={filters.kind ?? ''}
          onChange={(value) => set({ kind: (value || null) as PartnerKind | null })}
          any="Any kind"
          options={PARTNER_KINDS.map((kind) => ({ value: kind.id, label: kind.label }))}
        />
        <FilterSelect
          id="filter-ward"
          label="Ward"
          value={filters.wardCode ?? ''}
          onChange={(value) => set({ wardCode: value || null })}
          any="Any ward"
          options={wards.map((ward) => ({ value: ward.code, label: ward.name }))}
        />
      </div>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.strategicOnly}
          onChange={(event) => set({ strategicOnly: event.target.checked })}
        />
        Strategic partners only (named in the emergency plan)
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.staleOnly}
          onChange={(event) => set({ staleOnly: event.target.checked })}
        />
        Stale only (not verified in {staleDays} days)
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.includeRetired}
          onChange={(event) => set({ includeRetired: event.target.checked })}
        />
        Include retired contacts and parishes
      </label>
    </fieldset>
  );
}
