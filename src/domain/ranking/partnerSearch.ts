// Typo-tolerant search over partners by name, capability, kind, ward and postcode (MiniSearch).
// Pure: built from records, queried in memory, so it works the same in the browser and in the bench.
import MiniSearch from 'minisearch';
import type { Partner } from '../entities/partner.ts';
import { PARTNER_KINDS } from '../entities/partner.ts';
import { capabilityLabel } from '../entities/capabilities.ts';

// A full UK postcode written with or without its space; indexed and searched as one word, so
// "ME15 6AA" finds that postcode rather than every partner in ME15.
const POSTCODE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/gi;
const compactPostcodes = (text: string) => text.replace(POSTCODE, '$1$2');

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

export function buildPartnerSearch(
  partners: readonly Partner[],
  wardNames: ReadonlyMap<string, string>,
): PartnerSearch {
  const index = new MiniSearch<SearchablePartner>({
    fields: ['name', 'kind', 'capabilities', 'places', 'postcode', 'address'],
    searchOptions: {
      boost: { name: 3, capabilities: 2 },
      // Prefixes from three letters, as people type; about one typo in five letters, at most two.
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      maxFuzzy: 2,
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
      // the whole postcode as one word, and its outward code (the district) on its own
      postcode: `${compactPostcodes(partner.base.postcode ?? '')} ${(partner.base.postcode ?? '').split(' ')[0]}`,
      address: partner.base.address,
    })),
  );
  return {
    search(query) {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      return index.search(compactPostcodes(trimmed)).map((result) => String(result.id));
    },
  };
}
