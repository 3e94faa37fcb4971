// Generated requests with simulated lives, for checking the dashboard against the truth: each request is
// logged, assigned, moved between wards, closed and reopened at random, and the generator writes down
// what really happened (every opening, closing and reopening, the first assignment, the final ward) as it
// goes, independently of how the dashboard reads timelines.
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import { CAPABILITIES, type CapabilityId } from '../../src/domain/entities/capabilities.ts';
import type { HelpRequest, RequestStatus } from '../../src/domain/entities/request.ts';
import type { TimelineEntry } from '../../src/domain/entities/timeline.ts';

/** A small seeded generator (mulberry32), so a failing seed can be run again. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrueEvent {
  at: number;
  kind: 'opened' | 'closed' | 'reopened';
  requestId: string;
}

export interface TrueLife {
  request: HelpRequest;
  events: TrueEvent[];
  firstAssignedAt: number | null;
  /** The last closing, if it is closed at the end. */
  closedAt: number | null;
  finalWard: string | null;
  wardsVisited: string[];
}

export interface GeneratedHistories {
  wards: Ward[];
  parishes: Parish[];
  incidents: string[];
  requests: HelpRequest[];
  timeline: TimelineEntry[];
  lives: TrueLife[];
  now: number;
}

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 51],
      [x + 0.01, 51],
      [x + 0.01, 51.01],
      [x, 51.01],
      [x, 51],
    ] as [number, number][],
  ],
});

const CLOSED = new Set<RequestStatus>(['done', 'cancelled']);
const STATUSES: RequestStatus[] = ['new', 'assigned', 'in_progress', 'done', 'cancelled'];

export function generateHistories(seed: number, count: number): GeneratedHistories {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const wards: Ward[] = Array.from({ length: 6 }, (_, i) => ({
    code: `W${i}`,
    name: `Ward ${String.fromCharCode(65 + i)}`,
    boundary: square(0.01 * i),
    centre: [0.01 * i + 0.005, 51.005],
    parished: i < 3,
    neighbours: [],
  }));
  const parishes: Parish[] = [
    { code: 'P-ONE', name: 'One ward', wardCodes: ['W0'] },
    { code: 'P-TWO', name: 'Two wards', wardCodes: ['W1', 'W2'] },
  ].map((parish) => ({
    ...parish,
    boundary: null,
    communityEmergencyPlan: { has: false, link: null },
    charterRole: { agreed: false, date: null },
    retired: false,
  }));
  const incidents = ['inc-a', 'inc-b'];
  const partners = ['p1', 'p2', 'p3', 'p4'];
  const start = Date.UTC(2026, 10, 1, 6, 0);
  const requests: HelpRequest[] = [];
  const timeline: TimelineEntry[] = [];
  const lives: TrueLife[] = [];
  let latest = start;

  for (let n = 0; n < count; n++) {
    const id = `r${seed}-${n}`;
    let at = start + Math.floor(random() * 5 * 24 * 60) * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    let lineCount = 0;
    const line = (kind: TimelineEntry['kind'], status: RequestStatus | null): TimelineEntry => ({
      id: `${id}-l${lineCount++}`,
      requestId: id,
      at: iso(at),
      by: 'u1',
      byName: 'Duty',
      kind,
      text: kind,
      status,
    });
    const placeFor = (): HelpRequest['place'] => {
      const roll = random();
      if (roll < 0.15) return { wardCode: null, parishCode: 'P-ONE', lat: null, lon: null, address: '' };
      if (roll < 0.25) return { wardCode: null, parishCode: 'P-TWO', lat: null, lon: null, address: '' };
      return { wardCode: pick(wards).code, parishCode: null, lat: null, lon: null, address: '1 High St' };
    };
    const wardOfPlace = (place: HelpRequest['place']) =>
      place.wardCode ?? (place.parishCode === 'P-ONE' ? 'W0' : null);
    const needs = [...new Set([pick(CAPABILITIES).id, pick(CAPABILITIES).id])] as CapabilityId[];
    const request: HelpRequest = {
      id,
      incidentId: random() < 0.6 ? pick(incidents) : null,
      needs,
      place: placeFor(),
      forWhom: { name: 'J', phone: null, households: null },
      urgency: pick(['immediate', 'today', 'this_week'] as const),
      source: 'phone',
      status: 'new',
      assignments: [],
      createdAt: iso(at),
      createdBy: 'u1',
      createdByName: 'Duty',
      updatedAt: iso(at),
    };
    const life: TrueLife = {
      request,
      events: [{ at, kind: 'opened', requestId: id }],
      firstAssignedAt: null,
      closedAt: null,
      finalWard: null,
      wardsVisited: [],
    };
    const lines: TimelineEntry[] = [line('created', 'new')];
    life.wardsVisited.push(String(wardOfPlace(request.place)));
    const steps = Math.floor(random() * 7);
    for (let step = 0; step < steps; step++) {
      at += (1 + Math.floor(random() * 600)) * 60_000;
      const action = random();
      const wasClosed = CLOSED.has(request.status);
      if (action < 0.3) {
        const partnerId = pick(partners);
        if (request.assignments.some((assignment) => assignment.partnerId === partnerId)) continue;
        request.assignments.push({
          partnerId,
          partnerName: `Partner ${partnerId}`,
          reasons: [],
          assignedAt: iso(at),
          assignedBy: 'u1',
        });
        life.firstAssignedAt ??= at;
        if (request.status === 'new') request.status = 'assigned';
        lines.push(line('assigned', null));
      } else if (action < 0.45) {
        // Moved to another ward: the record changes, the timeline says nothing about it.
        request.place = placeFor();
        life.wardsVisited.push(String(wardOfPlace(request.place)));
      } else if (action < 0.55) {
        lines.push(line('note', null));
      } else {
        const next = pick(STATUSES.filter((status) => status !== request.status));
        request.status = next;
        lines.push(line('status', next));
        if (!wasClosed && CLOSED.has(next)) {
          life.events.push({ at, kind: 'closed', requestId: id });
          life.closedAt = at;
        }
        if (wasClosed && !CLOSED.has(next)) life.events.push({ at, kind: 'reopened', requestId: id });
      }
      request.updatedAt = iso(at);
    }
    if (!CLOSED.has(request.status)) life.closedAt = null;
    life.finalWard = wardOfPlace(request.place);
    latest = Math.max(latest, at);
    requests.push(request);
    timeline.push(...lines);
    lives.push(life);
  }
  // Timelines arrive in any order from sync.
  timeline.sort(() => random() - 0.5);
  return { wards, parishes, incidents, requests, timeline, lives, now: latest + 3_600_000 };
}
