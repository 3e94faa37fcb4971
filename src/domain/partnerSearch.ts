// Typo-tolerant search over partners by name, capability, kind, ward and postcode (MiniSearch).
// Pure: built from records, queried in memory, so it works the same in the browser and in the bench.
import MiniSearch from 'minisearch';
import type { Partner } from './partner.ts';
import { PARTNER_KINDS } from './partner.ts';
import { capabilityLabel } from './capabilities.ts';

interface SearchablePartner {
  id: string;
  name: string;
  kind: string;
  capabilities: string;
  places: string;
  postcode: string;
  address: string;
}

const kindLabels = new Map<string, string>(PARTNER_KINDS.map((kind) => [kind.id, kind.label]));

export interface PartnerSearch {
  /** Ids of matching partners, best match first. An empty query matches nothing. */
  search(query: string): string[];
}

export function buildPartnerSearch(partners: readonly Partner[], wardNames: ReadonlyMap<string, string>): PartnerSearch {
  const index = new MiniSearch<SearchablePartner>({
    fields: ['name', 'kind', 'capabilities', 'places', 'postcode', 'address'],
    searchOptions: {
      boost: { name: 3, capabilities: 2 },
      prefix: true,
      // Allow about one typo in five letters, but none in very short words.
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  index.addAll(
    partners.map((partner) => ({
      id: partner.id,
      name: partner.name,
      kind: kindLabels.get(partner.kind) ?? partner.kind,
      capabilities: partner.capabilities.map(capabilityLabel).join(' '),
      places: [
        ...partner.coverage.wards.map((code) => wardNames.get(code) ?? code),
        partner.coverage.boroughWide ? 'borough-wide' : '',
      ].join(' '),
      postcode: `${partner.base.postcode ?? ''} ${(partner.base.postcode ?? '').replace(' ', '')}`,
      address: partner.base.address,
    })),
  );
  return {
    search(query) {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      return index.search(trimmed).map((result) => String(result.id));
    },
  };
}
