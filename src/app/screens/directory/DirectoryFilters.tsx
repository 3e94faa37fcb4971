// The Directory's filters as labelled controls: what to show, capability, kind, ward, strategic only,
// stale only. Capability, kind and strategic describe partners, so choosing one shows partners only.
import type { Ward } from '../../../domain/area.ts';
import { CAPABILITIES, type CapabilityId } from '../../../domain/capabilities.ts';
import { PARTNER_KINDS, type PartnerKind } from '../../../domain/partner.ts';
import type { DirectoryFilters as Filters, DirectoryType } from '../../../domain/directorySearch.ts';

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
        <div>
          <label htmlFor="filter-type">Show</label>
          <select
            id="filter-type"
            value={filters.type ?? ''}
            onChange={(event) => set({ type: (event.target.value || null) as DirectoryType | null })}
          >
            {TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-capability">Can help with</label>
          <select
            id="filter-capability"
            value={filters.capability ?? ''}
            onChange={(event) => set({ capability: (event.target.value || null) as CapabilityId | null })}
          >
            <option value="">Anything</option>
            {CAPABILITIES.map((capability) => (
              <option key={capability.id} value={capability.id}>
                {capability.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind">Kind of partner</label>
          <select
            id="filter-kind"
            value={filters.kind ?? ''}
            onChange={(event) => set({ kind: (event.target.value || null) as PartnerKind | null })}
          >
            <option value="">Any kind</option>
            {PARTNER_KINDS.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-ward">Ward</label>
          <select
            id="filter-ward"
            value={filters.wardCode ?? ''}
            onChange={(event) => set({ wardCode: event.target.value || null })}
          >
            <option value="">Any ward</option>
            {wards.map((ward) => (
              <option key={ward.code} value={ward.code}>
                {ward.name}
              </option>
            ))}
          </select>
        </div>
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
    </fieldset>
  );
}
