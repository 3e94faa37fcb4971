// The demo directory: fictional partners and contacts for a generated (or imported) area, used to seed a
// fresh machine and to build benchmark data. Deterministic for a seed, linear in size (benchmarks ask for
// 100k partners), and safe to show anyone: phones come only from Ofcom's drama ranges, emails are
// at example.org, and every organisation and person is made up.
import type { Parish, Ward } from '../../domain/geo/area.ts';
import { CAPABILITIES } from '../../domain/entities/capabilities.ts';
import type { Contact } from '../../domain/entities/contact.ts';
import { PARTNER_KINDS } from '../../domain/entities/partner.ts';
import type { Coverage, Partner, PartnerKind } from '../../domain/entities/partner.ts';
import {
  CAPACITY_NOTES,
  KIND_WEIGHTS,
  PARTNER_TEMPLATES,
  STREETS,
  STREET_ENDINGS,
  fillSlot,
  slotWords,
} from './demoWords.ts';
import type { PartnerTemplate } from './demoWords.ts';
import { SeededRandom } from './random.ts';
import {
  daysBefore,
  landline,
  mobile,
  officeTimeOn,
  postcode,
  round5,
  slug,
  verifiedDaysAgo,
} from './fakeDetails.ts';
import { makeDemoContacts } from './demoContacts.ts';

export interface DemoDirectoryOptions {
  partners?: number;
  contacts?: number;
  seed?: number;
  /** YYYY-MM-DD that "last verified" and agreement dates count back from; defaults to today (UTC). */
  today?: string;
}

export interface DemoDirectory {
  partners: Partner[];
  contacts: Contact[];
}

export const DEFAULT_DEMO_SEED = 2021;
/** Enough partners per capability that "who can help with X" always has a ranked choice to show. */
const MIN_PARTNERS_PER_CAPABILITY = 5;

interface Context {
  random: SeededRandom;
  wards: Ward[];
  /** Each ward's neighbours that exist in this area, so coverage never names a missing ward. */
  neighboursOf: Map<string, string[]>;
  parishesIn: Map<string, Parish[]>;
  /** How often each name has been made, keyed by number (see WORD_KEYS), so repeats get a branch suffix. */
  namesSeen: Map<number, number>;
  baseNames: Map<number, string>;
  daysAgo: (days: number) => string;
  /** Email addresses by organisation name before any branch suffix (branches share an inbox). */
  inboxes: Map<string, string>;
}

export function generateDemoDirectory(
  area: { wards: Ward[]; parishes: Parish[] },
  options: DemoDirectoryOptions = {},
): DemoDirectory {
  const daysAgo = daysBefore(options.today ?? new Date().toISOString().slice(0, 10));
  const context: Context = {
    random: new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED),
    wards: area.wards,
    neighboursOf: neighbourMap(area.wards),
    parishesIn: parishesByWard(area.parishes),
    namesSeen: new Map(),
    baseNames: new Map(),
    daysAgo,
    inboxes: new Map(),
  };
  const partnerCount = wholeNumber(options.partners ?? 150);
  const made: MadePartner[] = [];
  for (let index = 0; index < partnerCount; index++) made.push(makePartner(index, context));
  ensureEveryCapabilityOffered(made, context.random);
  const partners = made.map((entry) => entry.partner);
  const wanted = wholeNumber(options.contacts ?? 100);
  const contacts = makeDemoContacts(area.parishes, partners, wanted, context.random, daysAgo);
  return { partners, contacts };
}

function wholeNumber(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

function neighbourMap(wards: Ward[]): Map<string, string[]> {
  const codes = new Set(wards.map((ward) => ward.code));
  return new Map(
    wards.map((ward) => [ward.code, ward.neighbours.filter((code) => code !== ward.code && codes.has(code))]),
  );
}

function parishesByWard(parishes: Parish[]): Map<string, Parish[]> {
  const byWard = new Map<string, Parish[]>();
  for (const parish of parishes) {
    for (const code of parish.wardCodes) {
      const list = byWard.get(code);
      if (list) list.push(parish);
      else byWard.set(code, [parish]);
    }
  }
  return byWard;
}

interface MadePartner {
  partner: Partner;
  template: PartnerTemplate;
}

interface TemplateChoice {
  template: PartnerTemplate;
  index: number;
  words: readonly string[];
}

const TEMPLATES_BY_KIND = new Map<PartnerKind, TemplateChoice[]>(
  PARTNER_KINDS.map((kind) => [
    kind.id,
    PARTNER_TEMPLATES.flatMap((template, index) =>
      template.kind === kind.id ? [{ template, index, words: slotWords(template.pattern) }] : [],
    ),
  ]),
);
// Names are tracked by number, not string: hashing 100k freshly built strings was a third of the run.
const WORD_KEYS = 1_000;
const BRANCH_KEYS = WORD_KEYS * PARTNER_TEMPLATES.length;
const TOTAL_KIND_WEIGHT = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickKind(index: number, random: SeededRandom): PartnerKind {
  // The first few partners take one of each kind, so even a tiny directory shows every kind.
  const first = PARTNER_KINDS[index];
  if (first) return first.id;
  let roll = random.next() * TOTAL_KIND_WEIGHT;
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'voluntary_group';
}

function makePartner(index: number, context: Context): MadePartner {
  const { random } = context;
  const kind = pickKind(index, random);
  const { template, index: templateIndex, words } = random.pick(TEMPLATES_BY_KIND.get(kind) ?? []);
  const wordIndex = random.int(0, words.length - 1);
  const baseKey = templateIndex * WORD_KEYS + wordIndex;
  let baseName = context.baseNames.get(baseKey);
  if (baseName === undefined) {
    baseName = fillSlot(template.pattern, words[wordIndex] ?? '');
    context.baseNames.set(baseKey, baseName);
  }
  const homeIndex = context.wards.length > 0 ? random.int(0, context.wards.length - 1) : -1;
  const home = context.wards[homeIndex] ?? null;
  const name = uniqueName(baseKey, baseName, homeIndex, home, context.namesSeen);
  const capabilities = [...template.core, ...template.extra.filter(() => random.chance(0.35))];
  const strategic = random.chance(0.4);
  const lastVerified = context.daysAgo(verifiedDaysAgo(random));
  const smallGroup = kind === 'voluntary_group' || kind === 'faith_group' || kind === 'other';
  const partner: Partner = {
    id: random.uuid(),
    name,
    kind,
    capabilities,
    coverage: makeCoverage(home, context),
    base: {
      address: `${random.int(1, 120)} ${random.pick(STREETS)} ${random.pick(STREET_ENDINGS)}${home ? `, ${home.name}` : ''}`,
      postcode: postcode(random, homeIndex >= 0 ? (homeIndex % 98) + 1 : 99),
      lat: home ? round5(home.centre[1] + (random.next() - 0.5) * 0.008) : null,
      lon: home ? round5(home.centre[0] + (random.next() - 0.5) * 0.012) : null,
    },
    phone: smallGroup && random.chance(0.5) ? mobile(random) : landline(random),
    email: random.chance(0.9) ? inboxFor(context, baseName) : null,
    availability: makeAvailability(random),
    capacityNotes: CAPACITY_NOTES[random.pick(capabilities)](random),
    emergencyPlan: strategic ? { agreed: true, date: context.daysAgo(random.int(0, 3 * 365)) } : notAgreed(),
    localCompact: random.chance(strategic ? 0.8 : 0.3)
      ? { agreed: true, date: context.daysAgo(random.int(0, 5 * 365)) }
      : notAgreed(),
    listedPublicly: random.chance(0.7),
    lastVerified,
    status: random.chance(0.9) ? 'active' : random.chance(0.6) ? 'paused' : 'closed',
    updatedAt: officeTimeOn(lastVerified, random),
  };
  return { partner, template };
}

/** Names repeat at benchmark sizes; a branch suffix keeps them tellable apart, as real directories do. */
function uniqueName(
  baseKey: number,
  baseName: string,
  homeIndex: number,
  home: Ward | null,
  seen: Map<number, number>,
): string {
  const branch = home !== null && seen.has(baseKey);
  const key = branch ? baseKey + (homeIndex + 1) * BRANCH_KEYS : baseKey;
  const count = seen.get(key) ?? 0;
  seen.set(key, count + 1);
  const stem = branch ? `${baseName} (${home.name})` : baseName;
  return count === 0 ? stem : `${stem} ${count + 1}`;
}

function makeCoverage(home: Ward | null, context: Context): Coverage {
  const { random } = context;
  if (!home || random.chance(0.1)) return { boroughWide: true, wards: [], parishes: [] };
  const parishes = context.parishesIn.get(home.code) ?? [];
  if (parishes.length > 0 && random.chance(0.3)) {
    const chosen = random.sample(parishes, random.int(1, 2)).map((parish) => parish.code);
    return { boroughWide: false, wards: [], parishes: chosen };
  }
  const neighbours = random.sample(context.neighboursOf.get(home.code) ?? [], random.int(0, 2));
  return { boroughWide: false, wards: [home.code, ...neighbours], parishes: [] };
}

const WEEKDAY_HOURS: ReadonlyArray<[string, string]> = [
  ['09:00', '17:00'],
  ['09:00', '17:00'],
  ['09:00', '17:00'],
  ['08:30', '18:00'],
  ['10:00', '16:00'],
];

function makeAvailability(random: SeededRandom): Partner['availability'] {
  const outOfHoursPhone = random.chance(0.5) ? mobile(random) : null;
  if (random.chance(0.25)) return { always: true, hours: [], outOfHoursPhone };
  const [opens, closes] = random.pick(WEEKDAY_HOURS);
  const hours = [0, 1, 2, 3, 4].map((day) => ({ day, opens, closes }));
  if (random.chance(0.3)) hours.push({ day: 5, opens: '09:00', closes: '13:00' });
  return { always: false, hours, outOfHoursPhone };
}

/**
 * Tops up any capability offered by too few partners, adding it only where the partner's kind of
 * organisation plausibly offers it, so small directories still answer every "who can help" question.
 */
function ensureEveryCapabilityOffered(made: MadePartner[], random: SeededRandom): void {
  if (made.length === 0) return;
  const offeredBy = new Map<string, number>();
  for (const { partner } of made) {
    for (const capability of partner.capabilities)
      offeredBy.set(capability, (offeredBy.get(capability) ?? 0) + 1);
  }
  for (const { id } of CAPABILITIES) {
    let missing = MIN_PARTNERS_PER_CAPABILITY - (offeredBy.get(id) ?? 0);
    const start = random.int(0, made.length - 1);
    for (let step = 0; step < made.length && missing > 0; step++) {
      const entry = made[(start + step) % made.length];
      if (entry && entry.template.extra.includes(id) && !entry.partner.capabilities.includes(id)) {
        entry.partner.capabilities.push(id);
        missing--;
      }
    }
  }
}

function notAgreed(): { agreed: boolean; date: string | null } {
  return { agreed: false, date: null };
}

function inboxFor(context: Context, organisation: string): string {
  let inbox = context.inboxes.get(organisation);
  if (inbox === undefined) {
    inbox = `${slug(organisation)}@example.org`;
    context.inboxes.set(organisation, inbox);
  }
  return inbox;
}
