// Gap analysis: for every ward and capability, how many active partners cover it — the council's
// "missing services in communities" report, and the numbers the map shades wards by. Pure: the app runs
// it over IndexedDB's copy, the tests over generated data.
//
// A partner covers a ward when it names the ward, names a parish lying in it, or works borough-wide.
// Borough-wide partners count (they can be asked), but the local count is reported beside the total,
// because a ward covered only by borough-wide partners has a thin cover: nobody there knows the streets.
// Paused and closed partners cover nothing. A gap is a ward and capability with no partner at all.
import type { Parish, Ward } from '../geo/area.ts';
import { CAPABILITIES, type CapabilityId } from '../entities/capabilities.ts';
import type { Partner } from '../entities/partner.ts';
import { isOpen, type HelpRequest } from '../entities/request.ts';

export interface CoverCount {
  /** Every active partner that could be asked: local ones and borough-wide ones, each once. */
  total: number;
  /** Active partners naming the ward, or a parish that lies in it. */
  local: number;
}

/** gap: nobody; boroughWideOnly: only borough-wide partners; covered: at least one local partner. */
export type CoverLevel = 'gap' | 'boroughWideOnly' | 'covered';

export function coverLevel(count: CoverCount): CoverLevel {
  if (count.total === 0) return 'gap';
  return count.local === 0 ? 'boroughWideOnly' : 'covered';
}

export interface WardGaps {
  code: string;
  name: string;
  parished: boolean;
  /** Names of the parishes lying in the ward, alphabetical; empty when unparished. */
  parishNames: string[];
  counts: ReadonlyMap<CapabilityId, CoverCount>;
  /** Capabilities nobody covers here. */
  gaps: number;
  /** Capabilities covered only by borough-wide partners. */
  boroughWideOnly: number;
  /** Open requests in the ward, or null when request counts were not given. */
  openRequests: number | null;
}

export interface GapAnalysis {
  capabilities: readonly CapabilityId[];
  /** One row per ward, by name. */
  wards: WardGaps[];
}

export interface GapOptions {
  /** Open requests per ward code; leave out until requests exist, and rows say null. */
  openRequests?: ReadonlyMap<string, number>;
}

const ALL_CAPABILITIES: readonly CapabilityId[] = CAPABILITIES.map((capability) => capability.id);

/** Ward codes of each parish, for turning parish coverage into ward coverage. */
function parishWardMap(parishes: readonly Parish[]): Map<string, readonly string[]> {
  return new Map(parishes.map((parish) => [parish.code, parish.wardCodes]));
}

/** The wards a partner names, directly or through its parishes (whatever else it does). */
export function localWardsOf(
  partner: Partner,
  parishWards: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const wards = new Set(partner.coverage.wards);
  for (const code of partner.coverage.parishes)
    for (const ward of parishWards.get(code) ?? []) wards.add(ward);
  return wards;
}

/**
 * Counts cover for the given capabilities in one pass over the partners: each partner adds to the
 * borough-wide tally of its capabilities, and to the local tally of each ward it names; a partner that is
 * both borough-wide and local in a ward is remembered so the total counts it once.
 */
function countCover(
  wards: readonly Ward[],
  parishes: readonly Parish[],
  partners: readonly Partner[],
  capabilities: readonly CapabilityId[],
): Map<string, Map<CapabilityId, CoverCount>> {
  const wanted = new Set(capabilities);
  const parishWards = parishWardMap(parishes);
  const boroughWide = new Map<CapabilityId, number>();
  const local = new Map<string, Map<CapabilityId, { local: number; alsoBoroughWide: number }>>(
    wards.map((ward) => [ward.code, new Map()]),
  );
  for (const partner of partners) {
    if (partner.status !== 'active') continue;
    const offered = [...new Set(partner.capabilities)].filter((capability) => wanted.has(capability));
    if (offered.length === 0) continue;
    const isBoroughWide = partner.coverage.boroughWide;
    if (isBoroughWide)
      for (const capability of offered) boroughWide.set(capability, (boroughWide.get(capability) ?? 0) + 1);
    for (const code of localWardsOf(partner, parishWards)) {
      const ward = local.get(code);
      if (ward === undefined) continue; // a ward no longer in the area
      for (const capability of offered) {
        const tally = ward.get(capability) ?? { local: 0, alsoBoroughWide: 0 };
        tally.local += 1;
        if (isBoroughWide) tally.alsoBoroughWide += 1;
        ward.set(capability, tally);
      }
    }
  }
  const counts = new Map<string, Map<CapabilityId, CoverCount>>();
  for (const ward of wards) {
    const tallies = local.get(ward.code);
    const byCapability = new Map<CapabilityId, CoverCount>();
    for (const capability of capabilities) {
      const tally = tallies?.get(capability) ?? { local: 0, alsoBoroughWide: 0 };
      byCapability.set(capability, {
        total: tally.local + (boroughWide.get(capability) ?? 0) - tally.alsoBoroughWide,
        local: tally.local,
      });
    }
    counts.set(ward.code, byCapability);
  }
  return counts;
}

/** The whole table: every ward × every capability, with gaps counted and unparished wards marked. */
export function analyseGaps(
  wards: readonly Ward[],
  parishes: readonly Parish[],
  partners: readonly Partner[],
  options: GapOptions = {},
): GapAnalysis {
  const counts = countCover(wards, parishes, partners, ALL_CAPABILITIES);
  const parishNames = new Map<string, string[]>();
  for (const parish of parishes)
    for (const code of parish.wardCodes)
      parishNames.set(code, [...(parishNames.get(code) ?? []), parish.name]);
  const rows = wards.map((ward): WardGaps => {
    const wardCounts = counts.get(ward.code) ?? new Map<CapabilityId, CoverCount>();
    const levels = [...wardCounts.values()].map(coverLevel);
    return {
      code: ward.code,
      name: ward.name,
      parished: ward.parished,
      parishNames: (parishNames.get(ward.code) ?? []).sort((a, b) => a.localeCompare(b)),
      counts: wardCounts,
      gaps: levels.filter((level) => level === 'gap').length,
      boroughWideOnly: levels.filter((level) => level === 'boroughWideOnly').length,
      openRequests: options.openRequests ? (options.openRequests.get(ward.code) ?? 0) : null,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));
  return { capabilities: ALL_CAPABILITIES, wards: rows };
}

/** One capability's cover per ward code: what the map shades by. */
export function coverageForCapability(
  capability: CapabilityId,
  wards: readonly Ward[],
  parishes: readonly Parish[],
  partners: readonly Partner[],
): Map<string, CoverCount> {
  const counts = countCover(wards, parishes, partners, [capability]);
  return new Map(
    [...counts].map(([code, byCapability]) => [code, byCapability.get(capability) ?? { total: 0, local: 0 }]),
  );
}

export interface WardCover {
  /** Partners naming the ward or a parish in it, by name. */
  local: Partner[];
  /** Borough-wide partners that do not name the ward, by name. */
  boroughWide: Partner[];
}

/** Who covers one ward, capability by capability (every capability has an entry, maybe empty). */
export function partnersCoveringWard(
  wardCode: string,
  parishes: readonly Parish[],
  partners: readonly Partner[],
): Map<CapabilityId, WardCover> {
  const parishWards = parishWardMap(parishes);
  const cover = new Map<CapabilityId, WardCover>(
    ALL_CAPABILITIES.map((capability) => [capability, { local: [], boroughWide: [] }]),
  );
  for (const partner of partners) {
    if (partner.status !== 'active') continue;
    const isLocal = localWardsOf(partner, parishWards).has(wardCode);
    if (!isLocal && !partner.coverage.boroughWide) continue;
    for (const capability of new Set(partner.capabilities)) {
      const entry = cover.get(capability);
      if (entry) (isLocal ? entry.local : entry.boroughWide).push(partner);
    }
  }
  const byName = (a: Partner, b: Partner) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  for (const entry of cover.values()) {
    entry.local.sort(byName);
    entry.boroughWide.sort(byName);
  }
  return cover;
}

export type GapSortKey = 'ward' | 'gaps' | CapabilityId;
export type SortDirection = 'ascending' | 'descending';

/**
 * Rows in the order asked for. By a capability: fewest partners first when ascending (gaps lead), then
 * fewest local; by gaps: fewest first when ascending. Ties always fall back to the ward name, so the
 * order is stable whichever way it is read.
 */
export function sortGapRows(
  rows: readonly WardGaps[],
  key: GapSortKey,
  direction: SortDirection,
): WardGaps[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: WardGaps, b: WardGaps) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code);
  const compare = (a: WardGaps, b: WardGaps): number => {
    if (key === 'ward') return sign * byName(a, b);
    if (key === 'gaps')
      return sign * (a.gaps - b.gaps || a.boroughWideOnly - b.boroughWideOnly) || byName(a, b);
    const countA = a.counts.get(key) ?? { total: 0, local: 0 };
    const countB = b.counts.get(key) ?? { total: 0, local: 0 };
    return sign * (countA.total - countB.total || countA.local - countB.local) || byName(a, b);
  };
  return [...rows].sort(compare);
}

/**
 * Open requests per ward code (wards with none are left out). A request placed by parish only counts in
 * its parish's ward when the parish lies in one ward; one spanning several wards cannot be placed in any
 * one of them, so it is not counted rather than counted twice.
 */
export function openRequestsByWard(
  requests: readonly Pick<HelpRequest, 'status' | 'place'>[],
  parishes: readonly Parish[],
): Map<string, number> {
  const parishWards = parishWardMap(parishes);
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (!isOpen(request)) continue;
    const inParish = request.place.parishCode ? (parishWards.get(request.place.parishCode) ?? []) : [];
    const ward = request.place.wardCode ?? (inParish.length === 1 ? inParish[0] : undefined);
    if (ward !== undefined) counts.set(ward, (counts.get(ward) ?? 0) + 1);
  }
  return counts;
}
