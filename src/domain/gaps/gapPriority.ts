// The gap list for a phone: wards with gaps in the order that matters most, each in one sentence
// ("Kingsmead: nobody covers sandbags and flood help; 2 open requests"). The order is one function,
// `gapsByPriority`, so a later rule (deprivation, say) changes it in one place for every screen.
import { capabilityLabel, type CapabilityId } from '../entities/capabilities.ts';
import { coverLevel, type WardGaps } from './gapAnalysis.ts';

/** The capabilities nobody covers in this ward, in the capability list's order. */
export function missingCapabilities(ward: WardGaps): CapabilityId[] {
  return [...ward.counts].filter(([, count]) => coverLevel(count) === 'gap').map(([id]) => id);
}

/**
 * Wards with at least one gap, most pressing first: open requests waiting in the ward (people are
 * asking now), then more gaps, then unparished before parished (no parish council to fall back on),
 * then name. Wards without gaps are left out: the list is what needs doing.
 */
export function gapsByPriority(wards: readonly WardGaps[]): WardGaps[] {
  return wards
    .filter((ward) => ward.gaps > 0)
    .sort(
      (a, b) =>
        (b.openRequests ?? 0) - (a.openRequests ?? 0) ||
        b.gaps - a.gaps ||
        Number(a.parished) - Number(b.parished) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
}

function listWords(words: readonly string[], conjunction: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** "Kingsmead (unparished): nobody covers food, transport or shelter or rest centre; 2 open requests". */
export function gapSentence(ward: WardGaps): string {
  const missing = missingCapabilities(ward).map((id) => capabilityLabel(id).toLowerCase());
  const nobody = missing.length > 0 ? `nobody covers ${listWords(missing, 'or')}` : 'no gaps';
  const requests =
    ward.openRequests && ward.openRequests > 0
      ? `; ${ward.openRequests} open request${ward.openRequests === 1 ? '' : 's'}`
      : '';
  return `${ward.name}${ward.parished ? '' : ' (unparished)'}: ${nobody}${requests}`;
}
