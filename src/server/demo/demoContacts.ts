// Demo contacts: every parish's clerk, emergency coordinator and their deputies, the council's duty and hub roles, and
// liaison people at partners (strategic ones first). Fictional names, drama-range phones, example.org.
import type { Parish } from '../../domain/geo/area.ts';
import type { Contact } from '../../domain/entities/contact.ts';
import type { Partner } from '../../domain/entities/partner.ts';
import { COUNCIL_ROLES, DEMO_COUNCIL, FIRST_NAMES, LAST_NAMES, PARTNER_CONTACT_ROLES } from './demoWords.ts';
import { landline, mobile, officeTimeOn, slug, verifiedDaysAgo } from './fakeDetails.ts';
import type { SeededRandom } from './random.ts';

/**
 * Each parish's clerk and emergency coordinator, then the council's own roles, then partner liaisons,
 * up to `wanted` in all.
 */
export function makeDemoContacts(
  parishes: Parish[],
  partners: Partner[],
  wanted: number,
  random: SeededRandom,
  daysAgo: (days: number) => string,
): Contact[] {
  const make = (fields: ContactFields): Contact => makeContact(fields, random, daysAgo);
  const contacts: Contact[] = [];
  // Every parish gets its clerk and emergency coordinator (its single point of contact), even when that
  // is more than asked for: a parish with no contact would look like a gap in the demo.
  for (const parish of parishes) {
    const organisation = /council$/i.test(parish.name) ? parish.name : `${parish.name} Parish Council`;
    for (const { role, visibility } of PARISH_ROLES) {
      contacts.push(make({ role, organisation, parishCode: parish.code, visibility }));
    }
  }
  // Strategic partners first: they are the ones whose liaison the duty officer will ring.
  const liaisons = [
    ...partners.filter((p) => p.emergencyPlan.agreed),
    ...partners.filter((p) => !p.emergencyPlan.agreed),
  ];
  for (let index = 0; contacts.length < wanted; index++) {
    const council = COUNCIL_ROLES[index];
    const partner = liaisons[(index - COUNCIL_ROLES.length) % Math.max(1, liaisons.length)];
    if (council || !partner) {
      const { role, visibility } = council ?? random.pick(COUNCIL_ROLES);
      contacts.push(make({ role, organisation: DEMO_COUNCIL, parishCode: null, visibility }));
    } else {
      const role = random.pick(PARTNER_CONTACT_ROLES[partner.kind]);
      const visibility = random.chance(0.5) ? 'restricted' : 'public';
      contacts.push(make({ role, organisation: partner.name, parishCode: null, visibility }));
    }
  }
  return contacts;
}

type ContactFields = Pick<Contact, 'role' | 'organisation' | 'parishCode' | 'visibility'>;

/** The people a parish council names for emergencies: its single point of contact and those around it. */
const PARISH_ROLES: Pick<Contact, 'role' | 'visibility'>[] = [
  { role: 'Parish clerk', visibility: 'public' },
  { role: 'Parish emergency coordinator', visibility: 'restricted' },
  { role: 'Deputy emergency coordinator', visibility: 'restricted' },
  { role: 'Community emergency plan lead', visibility: 'public' },
];

function makeContact(
  fields: ContactFields,
  random: SeededRandom,
  daysAgo: (days: number) => string,
): Contact {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const lastVerified = daysAgo(verifiedDaysAgo(random));
  return {
    id: random.uuid(),
    name: `${first} ${last}`,
    ...fields,
    phones: {
      main: fields.role === 'Parish clerk' || random.chance(0.4) ? landline(random) : mobile(random),
      outOfHours: random.chance(0.5) ? mobile(random) : null,
    },
    email: random.chance(0.95) ? `${slug(first)}.${slug(last)}@example.org` : null,
    lastVerified,
    retired: false,
    updatedAt: officeTimeOn(lastVerified, random),
  };
}
