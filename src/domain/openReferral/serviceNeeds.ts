// What an ORUK service can do, and what kind of partner it is, from its taxonomy terms (attributes):
// each term read through the admins' mappings and the default one. Terms that mean none of our needs
// are named, so an admin can map them.
import type { CapabilityId } from '../entities/capabilities.ts';
import type { PartnerKind } from '../entities/partner.ts';
import { meaningOf, termLabel, type TermMapping } from './termMapping.ts';
import type { OrukService } from './orukSchemas.ts';

export interface NeedsFromTerms {
  needs: Set<CapabilityId>;
  kind: PartnerKind | undefined;
  unmappedTerms: string[];
  /** Some need was read from the words of a term, not from a mapping. */
  guessed: boolean;
  notes: string[];
}

export function needsFromTerms(
  attributes: NonNullable<OrukService['attributes']>,
  termMappings: readonly TermMapping[],
): NeedsFromTerms {
  const notes: string[] = [];
  const needs = new Set<CapabilityId>();
  let kind: PartnerKind | undefined;
  const unmappedTerms: string[] = [];
  let guessed = false;
  for (const attribute of attributes) {
    if (!attribute.taxonomy_term) {
      notes.push(`attribute ${attribute.id ?? ''} names no taxonomy term: not kept`);
      continue;
    }
    const meaning = meaningOf(attribute.taxonomy_term, termMappings);
    if (meaning.kind === 'need') {
      needs.add(meaning.capability);
      guessed ||= meaning.how === 'words';
    } else if (meaning.kind === 'partnerKind') kind = meaning.partnerKind;
    else if (meaning.how === 'unknown') {
      unmappedTerms.push(termLabel(attribute.taxonomy_term));
      notes.push(`taxonomy term "${termLabel(attribute.taxonomy_term)}" means none of our needs: not kept`);
    }
  }
  return { needs, kind, unmappedTerms, guessed, notes };
}
