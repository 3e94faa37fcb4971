// Word lists for the demo directory: the kinds of organisation a borough has, what each can plausibly
// do, and made-up place, street and person names to build them from. Everything here is invented so
// that no demo record names a real organisation or person.
import type { CapabilityId } from '../../domain/entities/capabilities.ts';
import type { PartnerKind } from '../../domain/entities/partner.ts';
import type { SeededRandom } from './random.ts';

export const DEMO_COUNCIL = 'Wealdmere Borough Council';

/** An organisation a partner can be: its name pattern, what it always offers, and what it may offer. */
export interface PartnerTemplate {
  kind: PartnerKind;
  pattern: string;
  core: readonly CapabilityId[];
  extra: readonly CapabilityId[];
}

type Row = [string, CapabilityId[], CapabilityId[]];
const rows = (kind: PartnerKind, list: Row[]): PartnerTemplate[] =>
  list.map(([pattern, core, extra]) => ({ kind, pattern, core, extra }));

export const PARTNER_TEMPLATES: readonly PartnerTemplate[] = [
  ...rows('voluntary_group', [
    ['{place} Good Neighbours', ['befriending', 'welfare_check'], ['food', 'transport', 'medicines', 'pets']],
    ['{saint} Community Pantry', ['food'], ['volunteers', 'debt_advice', 'heating']],
    ['{place} Community Larder', ['food'], ['volunteers', 'befriending']],
    ['{place} Volunteer Drivers', ['transport'], ['medicines', 'befriending']],
    ['{place} Mutual Aid', ['volunteers', 'food'], ['medicines', 'welfare_check', 'pets']],
    ['{place} Scouts', ['volunteers'], ['sandbags', 'food']],
    ["{place} Men's Shed", ['befriending'], ['volunteers', 'digital_help']],
    ['{place} Warm Welcome Hub', ['heating'], ['befriending', 'digital_help', 'food']],
    ['{place} Flood Action Group', ['sandbags', 'volunteers'], ['welfare_check']],
  ]),
  ...rows('housing_provider', [
    ['{place} Housing Trust', ['shelter', 'welfare_check', 'heating'], ['debt_advice', 'digital_help']],
    ['{place} Homes', ['shelter', 'welfare_check', 'heating'], ['debt_advice', 'transport']],
    ['{place} Housing Association', ['shelter', 'welfare_check', 'heating'], ['debt_advice']],
    ['{place} Almshouse Charity', ['shelter', 'welfare_check'], ['heating', 'befriending']],
  ]),
  ...rows('county_service', [
    [
      'Wealdshire Adult Social Care – {place} Team',
      ['welfare_check'],
      ['transport', 'mental_health', 'medicines'],
    ],
    ['Wealdshire Highways – {place} Depot', ['sandbags', 'transport'], ['bottled_water']],
    ['Wealdshire Libraries – {place}', ['digital_help', 'heating'], ['translation', 'befriending']],
    ['Wealdshire Interpreting Service', ['translation'], ['digital_help']],
    ['Wealdshire Community Wardens – {place}', ['welfare_check'], ['sandbags', 'transport']],
  ]),
  ...rows('nhs_body', [
    ['{place} Community Nursing Team', ['welfare_check', 'medicines'], ['transport']],
    ['Wealdshire Community Mental Health Team ({place})', ['mental_health'], ['welfare_check']],
    ['Wealdshire Patient Transport – {place}', ['transport'], ['medicines']],
    ['{place} Social Prescribing Team', ['befriending', 'mental_health'], ['debt_advice', 'digital_help']],
  ]),
  ...rows('gp_surgery', [
    ['{place} Medical Practice', ['medicines', 'welfare_check'], ['mental_health', 'translation']],
    ['{place} Surgery', ['medicines', 'welfare_check'], ['mental_health', 'befriending']],
    ['{place} Health Centre', ['medicines', 'welfare_check'], ['mental_health', 'translation']],
    ['The {place} Practice', ['medicines', 'welfare_check'], ['befriending']],
  ]),
  ...rows('hospice', [
    [
      '{place} Hospice at Home',
      ['welfare_check', 'befriending'],
      ['mental_health', 'medicines', 'transport'],
    ],
    ['{place} Hospice Community Team', ['welfare_check', 'befriending'], ['mental_health', 'medicines']],
  ]),
  ...rows('faith_group', [
    ['{saint} Church Community Team', ['food', 'befriending'], ['shelter', 'volunteers', 'heating']],
    ['{place} Mosque Welfare Team', ['food', 'volunteers'], ['translation', 'shelter', 'befriending']],
    ['{place} Gurdwara Langar Kitchen', ['food', 'volunteers'], ['translation', 'shelter']],
    ['{place} Methodist Church', ['befriending', 'shelter'], ['food', 'heating', 'volunteers']],
    ['{place} Baptist Church Foodbank', ['food'], ['volunteers', 'debt_advice']],
    ['{place} Quaker Meeting House', ['shelter'], ['befriending', 'heating', 'volunteers']],
  ]),
  ...rows('business', [
    ["{company} Builders' Merchants", ['sandbags'], ['transport', 'bottled_water']],
    ['{place} Coaches', ['transport'], []],
    ['{place} Farm Shop', ['food'], ['bottled_water']],
    ['{company} Plant Hire', ['sandbags', 'transport'], []],
    ['{surname} & Sons Hauliers', ['transport', 'bottled_water'], []],
    ['{place} Garden Centre', ['sandbags'], ['heating', 'bottled_water']],
    ['{place} Pet Supplies', ['pets'], ['transport']],
    ['{company} Cash & Carry', ['bottled_water', 'food'], ['transport']],
    ['{surname} Boarding Kennels', ['pets'], []],
    ['{place} Pharmacy', ['medicines'], ['transport']],
  ]),
  ...rows('other', [
    ['{place} Money Advice Centre', ['debt_advice'], ['digital_help', 'translation']],
    ['{place} Animal Rescue', ['pets'], ['volunteers']],
    ['{place} Language Link', ['translation'], ['befriending', 'digital_help']],
    ['{place} Digital Drop-in', ['digital_help'], ['befriending', 'debt_advice']],
    ['{place} Listening Line', ['mental_health'], ['befriending']],
    ['{place} 4x4 Response', ['transport'], ['sandbags', 'welfare_check']],
  ]),
];

/** How common each kind is in a borough's directory (relative weights). */
export const KIND_WEIGHTS: ReadonlyArray<[PartnerKind, number]> = [
  ['voluntary_group', 30],
  ['faith_group', 12],
  ['business', 12],
  ['other', 10],
  ['gp_surgery', 8],
  ['housing_provider', 8],
  ['county_service', 8],
  ['nhs_body', 7],
  ['hospice', 5],
];

const WORDS: Record<string, readonly string[]> = {
  place: [
    'Alderbrook',
    'Ashcombe',
    'Brackenfold',
    'Bramblewick',
    'Cobblestone',
    'Elmhollow',
    'Fernlea',
    'Foxmoor',
    'Hazelbury',
    'Hilltop',
    'Kestrelvale',
    'Larchmere',
    'Lockmead',
    'Millbourne',
    'Northgate',
    'Oakhollow',
    'Pebblecombe',
    'Quarrydene',
    'Riverside',
    'Rookwood',
    'Sallowfield',
    'Southmere',
    'Thornrise',
    'Wealdgate',
    'Willowmead',
    'Wychcombe',
  ],
  saint: [
    "St Anne's",
    "St Barnabas'",
    "St Cuthbert's",
    "St Hilda's",
    "St Aidan's",
    "St Winifred's",
    "St Oswin's",
  ],
  company: ['Acme', 'Crownleaf', 'Hopfield', 'Kilnworth', 'Oastway', 'Sturdibuild', 'Wealdline'],
  surname: ['Ashby', 'Brindle', 'Cotter', 'Dunmore', 'Fenwick', 'Hollis', 'Marchant', 'Pennock', 'Tillett'],
};

/** The words a pattern's one `{slot}` is filled from; a pattern with no slot has one fixed name. */
export function slotWords(pattern: string): readonly string[] {
  const slot = /\{(\w+)\}/.exec(pattern)?.[1];
  return slot === undefined ? [''] : (WORDS[slot] ?? [slot]);
}

export function fillSlot(pattern: string, word: string): string {
  return pattern.replace(/\{\w+\}/, word);
}

export const STREETS = [
  'Mill',
  'Church',
  'Orchard',
  'Station',
  'Hop Garden',
  'Kiln',
  'Oast',
  'Chapel',
  'Meadow',
  'Well',
  'Tanyard',
  'Forge',
  'Weald',
  'Bell',
  'Granary',
  'Cherry Tree',
];
export const STREET_ENDINGS = ['Lane', 'Road', 'Street', 'Close', 'Way', 'Row', 'Walk', 'Green'];

export const FIRST_NAMES = [
  'Abigail',
  'Amrit',
  'Bethan',
  'Callum',
  'Chidi',
  'Dawn',
  'Declan',
  'Eleni',
  'Farah',
  'Gareth',
  'Hannah',
  'Imran',
  'Jasmine',
  'Kofi',
  'Leanne',
  'Marek',
  'Niamh',
  'Owen',
  'Priya',
  'Rhys',
  'Shona',
  'Tomasz',
  'Una',
  'Vikram',
  'Wendy',
  'Yusuf',
  'Zara',
  'Graham',
  'Maureen',
  'Kwame',
];
export const LAST_NAMES = [
  'Ashworth',
  'Bellamy',
  'Carver',
  'Dalloway',
  'Eastgate',
  'Fairweather',
  'Greenhalgh',
  'Hartigan',
  'Iqbal',
  'Jarvis',
  'Kowalczyk',
  'Lennox',
  'Mbeki-Hart',
  "O'Driscoll",
  'Penhaligon',
  'Quarrie',
  'Rosewarne',
  'Sandhu',
  'Thistlewood',
  'Underhill',
  'Varga',
  'Whitcombe',
  'Yardley',
  'Okonkwo',
];

/** A short, plausible line about what the partner can handle, keyed by one of its capabilities. */
export const CAPACITY_NOTES: Record<CapabilityId, (random: SeededRandom) => string> = {
  food: (r) => `Around ${r.int(2, 20) * 10} food parcels a week; same-day parcels for emergencies.`,
  medicines: (r) => `Collects prescriptions for about ${r.int(10, 80)} housebound patients a week.`,
  welfare_check: (r) => `Can make about ${r.int(10, 60)} doorstep or phone welfare checks a day.`,
  befriending: (r) => `${r.int(5, 40)} trained befrienders; daily phone calls, visits by arrangement.`,
  transport: (r) => `${r.int(2, 12)} vehicles with drivers; one is wheelchair-accessible.`,
  shelter: (r) => `Hall can sleep ${r.int(2, 12) * 5} people on camp beds, with a kitchen and showers.`,
  bottled_water: (r) => `Holds about ${r.int(2, 30)} pallets of bottled water; delivers within 4 hours.`,
  volunteers: (r) => `About ${r.int(10, 120)} volunteers on call, most DBS-checked.`,
  translation: (r) => `Volunteers speak ${r.int(3, 12)} languages, including Polish, Nepali and Romanian.`,
  mental_health: (r) => `Phone and drop-in support; can see about ${r.int(5, 30)} people a day.`,
  debt_advice: (r) => `Advice sessions for about ${r.int(10, 60)} households a week.`,
  digital_help: (r) => `${r.int(2, 15)} public computers and volunteers to help with online forms.`,
  pets: (r) => `Emergency boarding for about ${r.int(5, 40)} dogs and cats.`,
  heating: (r) => `Warm space for up to ${r.int(2, 10) * 10} people; can lend ${r.int(5, 30)} heaters.`,
  sandbags: (r) => `Stock of about ${r.int(2, 20) * 100} filled sandbags; can deliver locally.`,
};

/** Who a partner's emergency contact usually is, by kind of organisation. */
export const PARTNER_CONTACT_ROLES: Record<PartnerKind, readonly string[]> = {
  voluntary_group: ['Volunteer coordinator', 'Chair', 'Emergency liaison'],
  housing_provider: ['Tenancy support manager', 'Out-of-hours repairs lead', 'Emergency liaison'],
  county_service: ['Team manager', 'Duty manager'],
  nhs_body: ['Service manager', 'Clinical lead', 'Emergency liaison'],
  gp_surgery: ['Practice manager', 'Deputy practice manager'],
  hospice: ['Community team leader', 'Emergency liaison'],
  faith_group: ['Minister', 'Welfare team lead', 'Emergency liaison'],
  business: ['Depot manager', 'Store manager', 'Emergency liaison'],
  other: ['Coordinator', 'Emergency liaison'],
};

/** The council's own contacts, in the order they are made (most needed first). */
export const COUNCIL_ROLES: ReadonlyArray<{ role: string; visibility: 'public' | 'restricted' }> = [
  { role: 'Emergency planning duty officer', visibility: 'restricted' },
  { role: 'Community hub manager', visibility: 'public' },
  { role: 'Emergency planning manager', visibility: 'restricted' },
  { role: 'Resilience officer', visibility: 'restricted' },
  { role: 'Voluntary sector liaison officer', visibility: 'public' },
  { role: 'Policy and information officer', visibility: 'public' },
  { role: 'Housing options duty officer', visibility: 'restricted' },
  { role: 'Environmental health duty officer', visibility: 'restricted' },
  { role: 'Communications duty officer', visibility: 'restricted' },
];
