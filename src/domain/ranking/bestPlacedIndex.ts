// The directory as best placed reads it: active partners by capability, each with what a query asks
// of it worked out once (the wards it covers through its parishes, its opening hours as minutes of the
// week), and the walk over the candidates for a query's needs.
import type { CapabilityId } from '../entities/capabilities.ts';
import type { Parish, Ward } from '../geo/area.ts';
import type { Partner } from '../entities/partner.ts';
import { isStrategic } from '../entities/partner.ts';
import { weeklyIntervals } from './availability.ts';

export interface IndexedPartner {
  partner: Partner;
  /** Wards named directly or through a parish that lies in them. */
  wards: ReadonlySet<string>;
  parishes: ReadonlySet<string>;
  strategic: boolean;
  verifiedAt: number;
  /** Opening hours as minutes of the week; null when open 24/7. */
  openHours: [number, number][] | null;
  hasOutOfHoursLine: boolean;
  /** Its place in the index (0, 1, 2…): lets a query mark what it has seen in a typed array. */
  slot: number;
}

/** Built once per change of the directory; queries then touch only partners with a needed capability. */
export interface BestPlacedIndex {
  byCapability: ReadonlyMap<CapabilityId, readonly IndexedPartner[]>;
  /** How many partners are indexed (the slots run 0 … size − 1). */
  size: number;
  /**
   * A query's working space, by slot: the needs each candidate meets. Made once with the index, not
   * once per query (hundreds of kilobytes at 100k partners); all zero between queries.
   */
  needsBySlot: Uint32Array;
  wards: ReadonlyMap<string, Ward>;
  parishes: ReadonlyMap<string, Parish>;
}

export function buildBestPlacedIndex(
  partners: readonly Partner[],
  wards: readonly Ward[],
  parishes: readonly Parish[],
): BestPlacedIndex {
  const parishMap = new Map(parishes.map((parish) => [parish.code, parish]));
  const byCapability = new Map<CapabilityId, IndexedPartner[]>();
  let size = 0;
  for (const partner of partners) {
    if (partner.status !== 'active') continue;
    const covered = new Set(partner.coverage.wards);
    for (const code of partner.coverage.parishes)
      for (const ward of parishMap.get(code)?.wardCodes ?? []) covered.add(ward);
    const indexed: IndexedPartner = {
      partner,
      wards: covered,
      parishes: new Set(partner.coverage.parishes),
      strategic: isStrategic(partner),
      verifiedAt: Date.parse(partner.lastVerified),
      openHours: partner.availability.always ? null : weeklyIntervals(partner.availability.hours),
      hasOutOfHoursLine: partner.availability.outOfHoursPhone !== null,
      slot: size,
    };
    size += 1;
    for (const capability of partner.capabilities) {
      const list = byCapability.get(capability);
      if (list) list.push(indexed);
      else byCapability.set(capability, [indexed]);
    }
  }
  return {
    byCapability,
    size,
    needsBySlot: new Uint32Array(size),
    wards: new Map(wards.map((ward) => [ward.code, ward])),
    parishes: parishMap,
  };
}

/**
 * Calls `visit` once per eligible candidate with the needs it meets, as bits (bit i: needs[i])
 * and their count. One need (the usual case) needs no merging; several are merged by slot in the
 * index's working space, so tens of thousands of candidates cost no allocation each, and a second pass
 * over the same lists visits each candidate once, clearing its slot as it goes.
 */
export function forEachCandidate(
  index: BestPlacedIndex,
  needs: readonly CapabilityId[],
  includeAll: boolean,
  visit: (candidate: IndexedPartner, needsBits: number, needsMet: number) => void,
): void {
  const [only] = needs;
  if (needs.length === 1 && only) {
    for (const candidate of index.byCapability.get(only) ?? []) {
      if (includeAll || candidate.strategic) visit(candidate, 1, 1);
    }
    return;
  }
  // More needs than there are capabilities: the rest repeat earlier ones.
  const lists = needs.slice(0, 32).map((need) => index.byCapability.get(need) ?? []);
  const bits = index.needsBySlot;
  try {
    lists.forEach((list, at) => {
      for (const candidate of list) {
        if (includeAll || candidate.strategic) bits[candidate.slot]! |= 1 << at;
      }
    });
    for (const list of lists) {
      for (const candidate of list) {
        const mask = bits[candidate.slot]!;
        if (mask === 0) continue; // not eligible, or already visited
        bits[candidate.slot] = 0;
        let count = 0;
        for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
        visit(candidate, mask, count);
      }
    }
  } catch (error) {
    bits.fill(0); // leave the working space clean for the next query
    throw error;
  }
}

/** The needs named by a bit mask from forEachCandidate, in the query's order. */
export function needsOf(needs: readonly CapabilityId[], bits: number): CapabilityId[] {
  return needs.filter((_, at) => at < 32 && (bits & (1 << at)) !== 0);
}
