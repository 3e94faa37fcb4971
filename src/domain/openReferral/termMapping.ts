// Which of our needs (capabilities) an ORUK taxonomy term means. A default mapping lives here: our own
// exported terms map exactly, and words in a term's name point at a need ("foodbank" → food). Admins
// can override a term (map it to another need, or to none) on the server; the overrides are applied
// first. When no term of a service maps, the same words are tried on its name and description, and the
// import says the needs were guessed.
import { matchWords } from '../words/matchWords.ts';
import { z } from 'zod';
import { CAPABILITIES, capabilitySchema, type CapabilityId } from '../entities/capabilities.ts';
import { PARTNER_KINDS, type PartnerKind } from '../entities/partner.ts';
import { lineText } from '../entities/text.ts';
import type { OrukTaxonomyTerm } from './orukSchemas.ts';

/** The taxonomies our own feed classifies services with. */
export const NEEDS_TAXONOMY = 'Resilience Hub needs';
export const KINDS_TAXONOMY = 'Resilience Hub partner kinds';

export const termMappingSchema = z.object({
  /** The term as people wrote it; matched without regard to case, spaces or punctuation. */
  term: lineText().min(1, 'term is required').max(200, 'term is at most 200 characters'),
  /** The need it means here, or null: this term means none of our needs (stop guessing). */
  capability: capabilitySchema.nullable(),
});
export type TermMapping = z.infer<typeof termMappingSchema>;
/**
 * A term as matched: case, spacing and punctuation ignored, letters of every script kept. Only a-z and
 * 0-9 were kept before, so "食物" and "住所" (and "!!!") were all "" — one term: saving both kept the
 * last without a word, and a mapping of one applied to every term without Latin letters.
 */
export const termKey = matchWords;

/**
 * What an admin saves: the mappings and nothing else (an answer may carry more, a request may not),
 * each with a letter or digit to match by. One term (as matched) given twice with two meanings is
 * refused: one was dropped without a word. Given twice with one meaning, it is kept once.
 */
export const termMappingsSchema = z.strictObject({
  mappings: z
    .array(z.strictObject(termMappingSchema.shape))
    .max(1000)
    .superRefine((mappings, context) => {
      const first = new Map<string, number>();
      mappings.forEach((mapping, index) => {
        const key = termKey(mapping.term);
        const earlier = first.get(key);
        const message =
          key === ''
            ? 'has no letters or digits to match a term by'
            : earlier !== undefined && mappings[earlier]!.capability !== mapping.capability
              ? `is the term of mappings.${earlier} ("${mappings[earlier]!.term}") with another meaning: give it one`
              : null;
        if (message) context.addIssue({ code: 'custom', message, path: [index, 'term'] });
        else if (earlier === undefined) first.set(key, index);
      });
    }),
});

/** The mappings with `chosen` put in: a term already mapped takes its new meaning, in its place. */
export function withTermMappings(
  mappings: readonly TermMapping[],
  chosen: readonly TermMapping[],
): TermMapping[] {
  const chosenByKey = new Map(chosen.map((mapping) => [termKey(mapping.term), mapping]));
  const kept = mappings.map((mapping) => {
    const key = termKey(mapping.term);
    const replacement = chosenByKey.get(key);
    chosenByKey.delete(key);
    return replacement ?? mapping;
  });
  return [...kept, ...chosenByKey.values()];
}

const KEYWORDS: Record<CapabilityId, readonly string[]> = {
  food: ['food', 'foodbank', 'meal', 'meals', 'grocer', 'hunger', 'pantry', 'lunch club'],
  medicines: ['medicine', 'prescription', 'pharmacy', 'pharmacies'],
  welfare_check: ['welfare', 'safe and well', 'wellbeing check', 'check in'],
  befriending: ['befriend', 'lonel', 'isolation', 'companionship', 'social contact'],
  transport: ['transport', 'community bus', 'lifts', 'driver', 'travel'],
  shelter: ['shelter', 'rest centre', 'homeless', 'emergency accommodation', 'refuge'],
  bottled_water: ['bottled water', 'drinking water', 'water'],
  volunteers: ['volunteer'],
  translation: ['translat', 'interpret', 'esol', 'language support'],
  mental_health: ['mental health', 'counselling', 'counseling', 'anxiety', 'depression', 'emotional support'],
  debt_advice: ['debt', 'benefit', 'money advice', 'financial advice', 'citizens advice'],
  digital_help: ['digital', 'computer', 'internet', 'online skills'],
  pets: ['pet', 'animal', 'dog', 'cat'],
  heating: ['heating', 'warm space', 'warm hub', 'warm bank', 'fuel', 'energy'],
  sandbags: ['sandbag', 'flood'],
};

const keywordPatterns = Object.entries(KEYWORDS).map(
  ([capability, words]) =>
    [
      capability as CapabilityId,
      words.map((word) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i')),
    ] as const,
);

/** The needs whose words appear in a text, in the order of our capability list. */
export function needsInWords(text: string): CapabilityId[] {
  return keywordPatterns
    .filter(([, patterns]) => patterns.some((pattern) => pattern.test(text)))
    .map(([capability]) => capability);
}

const byIdOrLabel = new Map<string, CapabilityId>(
  CAPABILITIES.flatMap((capability) => [
    [termKey(capability.id), capability.id],
    [termKey(capability.label), capability.id],
  ]),
);
const kindByIdOrLabel = new Map<string, PartnerKind>(
  PARTNER_KINDS.flatMap((kind) => [
    [termKey(kind.id), kind.id],
    [termKey(kind.label), kind.id],
  ]),
);

const namesOf = (term: OrukTaxonomyTerm) =>
  [term.term, term.code, term.name].filter((name): name is string => !!name && name.trim() !== '');

export type TermMeaning =
  | { kind: 'need'; capability: CapabilityId; how: 'ours' | 'admin' | 'words' }
  | { kind: 'partnerKind'; partnerKind: PartnerKind }
  | { kind: 'none'; how: 'admin' | 'unknown' };

/** What one taxonomy term means here, with the admins' overrides taking precedence. */
export function meaningOf(term: OrukTaxonomyTerm, overrides: readonly TermMapping[]): TermMeaning {
  const names = namesOf(term);
  if (term.taxonomy === KINDS_TAXONOMY) {
    const partnerKind = names.map((name) => kindByIdOrLabel.get(termKey(name))).find(Boolean);
    if (partnerKind) return { kind: 'partnerKind', partnerKind };
  }
  const overrideByKey = new Map(overrides.map((mapping) => [termKey(mapping.term), mapping.capability]));
  overrideByKey.delete('');
  for (const name of names) {
    const override = overrideByKey.get(termKey(name));
    if (override === null) return { kind: 'none', how: 'admin' };
    if (override) return { kind: 'need', capability: override, how: 'admin' };
  }
  for (const name of names) {
    const ours = byIdOrLabel.get(termKey(name));
    if (ours) return { kind: 'need', capability: ours, how: 'ours' };
  }
  const worded = needsInWords(names.join(' '))[0];
  if (worded) return { kind: 'need', capability: worded, how: 'words' };
  return { kind: 'none', how: 'unknown' };
}

/** A term's name as shown to people and used as the key of an admin's mapping. */
export const termLabel = (term: OrukTaxonomyTerm) => term.name ?? term.term ?? term.code ?? term.id ?? '?';
