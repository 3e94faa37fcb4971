// Records named in Arabic and Hebrew beside the demo's English ones, put on the server as another
// device would, so a test can look for every place a typed name is shown among other words: a partner
// and a contact, an incident, and a request for a resident with its households, assigned to that
// partner, with a note in Arabic, in the incident given. Their e-mail addresses and a second
// incident's name are long and unbroken, as real ones are, to wrap on a small phone.
import { randomUUID } from 'node:crypto';
import { pushResponseSchema, type Mutation } from '../../src/domain/sync/mutation.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { aRequest, anIncident, creating } from '../support/records.ts';
import { aContact, aPartner } from '../support/directoryFixtures.ts';

export const MIXED_SCRIPT = {
  partner: 'مطبخ الحي',
  contact: 'דנה כהן',
  incident: 'שיטפון ברחוב הראשי',
  resident: 'سارة',
  note: 'اتصلت مرتين، لا إجابة',
} as const;

/** Long unbroken words a 320 px screen must wrap, not scroll sideways for. */
export const LONG_WORDS = {
  email: 'emergency.coordinator.out-of-hours@hollingbourne-and-kingswood-community-larder.example.org',
  incident: 'Burst-main-at-the-Hollingbourne-and-Kingswood-pumping-station-2026-12',
} as const;

/** The timeline line assigning the partner, in the app's words: one stored text with the name in it. */
export const ASSIGNED_LINE = `Assigned to ${MIXED_SCRIPT.partner}`;

export interface SeededMixedScripts {
  partnerId: string;
  contactId: string;
  incidentId: string;
  requestId: string;
}

export async function seedMixedScripts(
  url: string,
  admin: { username: string; password: string },
  incidentId: string,
): Promise<SeededMixedScripts> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!login.ok) throw new Error(`sign-in through the API failed: ${login.status}`);
  const { token, user } = (await login.json()) as {
    token: string;
    user: { id: string; displayName: string };
  };
  const now = new Date().toISOString();
  const partner = aPartner({
    name: MIXED_SCRIPT.partner,
    capabilities: ['food', 'bottled_water'],
    coverage: { boroughWide: false, wards: ['DEMO-W01'], parishes: [] },
    // Stale, so the stale list and the review name it too.
    lastVerified: '2024-01-15',
    emergencyPlan: { agreed: true, date: '2025-01-10' },
    email: LONG_WORDS.email,
    updatedAt: now,
  });
  const contact = aContact({
    name: MIXED_SCRIPT.contact,
    organisation: MIXED_SCRIPT.partner,
    parishCode: null,
    email: LONG_WORDS.email,
    lastVerified: '2024-01-15',
    updatedAt: now,
  });
  const incident = anIncident({ name: MIXED_SCRIPT.incident, wardCodes: ['DEMO-W01'], updatedAt: now });
  const longNamed = anIncident({ name: LONG_WORDS.incident, wardCodes: ['DEMO-W02'], updatedAt: now });
  const request = aRequest({
    incidentId,
    needs: ['food'],
    urgency: 'immediate',
    forWhom: { name: MIXED_SCRIPT.resident, phone: null, households: 3 },
    status: 'in_progress',
    assignments: [
      { partnerId: partner.id, partnerName: partner.name, reasons: [], assignedAt: now, assignedBy: user.id },
    ],
    createdBy: user.id,
    createdByName: user.displayName,
  });
  const line = (kind: TimelineEntry['kind'], text: string): TimelineEntry => ({
    id: randomUUID(),
    requestId: request.id,
    at: now,
    by: user.id,
    byName: user.displayName,
    kind,
    text,
    status: kind === 'created' ? 'new' : null,
  });
  const mutations: Mutation[] = [
    creating('partner', partner),
    creating('contact', contact),
    creating('incident', incident),
    creating('incident', longNamed),
    creating('request', request),
    creating('timeline', line('created', 'Logged the request')),
    creating('timeline', line('assigned', ASSIGNED_LINE)),
    creating('timeline', line('note', MIXED_SCRIPT.note)),
  ];
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: 'mixed-scripts-device', mutations }),
  });
  const refused = pushResponseSchema
    .parse(await response.json())
    .results.filter((each) => each.status !== 'applied');
  if (refused.length > 0) throw new Error(`the server refused seeded records: ${JSON.stringify(refused)}`);
  return { partnerId: partner.id, contactId: contact.id, incidentId: incident.id, requestId: request.id };
}
