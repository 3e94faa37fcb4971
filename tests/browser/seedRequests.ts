// Puts an incident, requests and their timelines on the server through the push API, as another
// device would, so browser tests of the dashboard and the situation report start from known records
// (an immediate request nobody has taken, one in progress, one done, one outside the incident), and a
// request whose timeline is longer than one page.
import { randomUUID } from 'node:crypto';
import type { HelpRequest, Incident } from '../../src/domain/entities/request.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { pushResponseSchema, type Mutation } from '../../src/domain/sync/mutation.ts';
import { aRequest, creating } from '../support/records.ts';

export interface SeededRequests {
  incident: Incident;
  /** Immediate, in DEMO-W01 (Ashcombe), no partner, logged 90 minutes ago. */
  waiting: HelpRequest;
  /** Immediate, in DEMO-W02 (Brambledown), a partner assigned 20 minutes after logging, in progress. */
  inProgress: HelpRequest;
  /** Today, in DEMO-W01, done two hours after logging. */
  done: HelpRequest;
  /** This week, in DEMO-W03 (Oakham Vale), outside the incident. */
  outside: HelpRequest;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function signInToken(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in through the API failed: ${response.status}`);
  return (await response.json()) as { token: string; user: { id: string; displayName: string } };
}

/** A partner on the server (a push refuses an assignment to a partner the server does not have). */
async function aPartnerId(url: string, token: string): Promise<string> {
  let since: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(since ? { since } : {}) });
    const response = await fetch(`${url}/api/sync/pull?${query.toString()}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as {
      changes: { entity: string; id: string; deleted: boolean }[];
      cursor: string;
      hasMore: boolean;
    };
    const partner = page.changes.find((change) => change.entity === 'partner' && !change.deleted);
    if (partner) return partner.id;
    if (!page.hasMore) throw new Error('the server has no partner to assign');
    since = page.cursor;
  }
}

export async function seedRequests(url: string, username: string, password: string): Promise<SeededRequests> {
  const { token, user } = await signInToken(url, username, password);
  const partnerId = await aPartnerId(url, token);
  const by = { createdBy: user.id, createdByName: user.displayName };
  const incident: Incident = {
    id: randomUUID(),
    name: 'Burst main at Ashcombe',
    type: 'water_supply',
    startedAt: minutesAgo(300),
    endedAt: null,
    status: 'open',
    wardCodes: ['DEMO-W01', 'DEMO-W02'],
    updatedAt: minutesAgo(300),
  };
  const place = (wardCode: string) => ({ wardCode, parishCode: null, lat: null, lon: null, address: '' });
  const waiting = aRequest({
    ...by,
    incidentId: incident.id,
    needs: ['bottled_water'],
    urgency: 'immediate',
    place: place('DEMO-W01'),
    forWhom: { name: 'Waiting W', phone: null, households: null },
    createdAt: minutesAgo(90),
    updatedAt: minutesAgo(90),
  });
  const inProgress = aRequest({
    ...by,
    incidentId: incident.id,
    needs: ['welfare_check'],
    urgency: 'immediate',
    place: place('DEMO-W02'),
    forWhom: { name: 'Busy B', phone: null, households: null },
    status: 'in_progress',
    assignments: [
      {
        partnerId,
        partnerName: 'Ashcombe Good Neighbours',
        reasons: [],
        assignedAt: minutesAgo(100),
        assignedBy: user.id,
      },
    ],
    createdAt: minutesAgo(120),
    updatedAt: minutesAgo(60),
  });
  const done = aRequest({
    ...by,
    incidentId: incident.id,
    needs: ['bottled_water'],
    urgency: 'today',
    place: place('DEMO-W01'),
    forWhom: { name: 'Done D', phone: null, households: 3 },
    status: 'done',
    createdAt: minutesAgo(240),
    updatedAt: minutesAgo(120),
  });
  const outside = aRequest({
    ...by,
    needs: ['befriending'],
    urgency: 'this_week',
    place: place('DEMO-W03'),
    forWhom: { name: 'Outside O', phone: null, households: null },
    createdAt: minutesAgo(30),
    updatedAt: minutesAgo(30),
  });
  const line = (
    request: HelpRequest,
    at: string,
    kind: TimelineEntry['kind'],
    text: string,
    status: TimelineEntry['status'],
  ): TimelineEntry => ({
    id: randomUUID(),
    requestId: request.id,
    at,
    by: user.id,
    byName: user.displayName,
    kind,
    text,
    status,
  });
  const lines = [
    ...[waiting, inProgress, done, outside].map((request) =>
      line(request, request.createdAt, 'created', 'Logged the request', 'new'),
    ),
    line(inProgress, minutesAgo(100), 'assigned', 'Assigned to Ashcombe Good Neighbours', null),
    line(inProgress, minutesAgo(60), 'status', 'Status changed to In progress', 'in_progress'),
    line(done, minutesAgo(120), 'status', 'Status changed to Done', 'done'),
  ];
  await push(url, token, [
    creating('incident', incident),
    ...[waiting, inProgress, done, outside].map((request) => creating('request', request)),
    ...lines.map((entry) => creating('timeline', entry)),
  ]);
  return { incident, waiting, inProgress, done, outside };
}

/** Sends records as the seeding device would, and fails loudly if the server refused any of them. */
async function push(url: string, token: string, mutations: Mutation[]): Promise<void> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: 'seeding-device', mutations }),
  });
  const results = pushResponseSchema.parse(await response.json()).results;
  const refused = results.filter((result) => result.status !== 'applied');
  if (refused.length > 0) throw new Error(`the server refused seeded records: ${JSON.stringify(refused)}`);
}

export interface LongTimeline {
  request: HelpRequest;
  /** Oldest first, as the timeline lists them: the "logged" line, then one note per visit. */
  entries: TimelineEntry[];
}

/**
 * A request visited again and again, whose timeline has `length` entries (the "logged" line and a note
 * per visit, a minute apart and all in the past), so its page shows only the latest and offers the rest.
 */
export async function seedLongTimeline(
  url: string,
  username: string,
  password: string,
  { name, length }: { name: string; length: number },
): Promise<LongTimeline> {
  const { token, user } = await signInToken(url, username, password);
  const start = Date.now() - (length + 10) * 60_000;
  const request = aRequest({
    createdBy: user.id,
    createdByName: user.displayName,
    needs: ['welfare_check'],
    forWhom: { name, phone: '01632 960321', households: null },
    createdAt: new Date(start).toISOString(),
    updatedAt: new Date(start).toISOString(),
  });
  const entries = Array.from({ length }, (_, index): TimelineEntry => ({
    id: randomUUID(),
    requestId: request.id,
    at: new Date(start + index * 60_000).toISOString(),
    by: user.id,
    byName: user.displayName,
    kind: index === 0 ? 'created' : 'note',
    text: index === 0 ? 'Logged the request' : `Welfare visit ${index}: all well, will call again`,
    status: index === 0 ? 'new' : null,
  }));
  await push(url, token, [
    creating('request', request),
    ...entries.map((entry) => creating('timeline', entry)),
  ]);
  return { request, entries };
}
