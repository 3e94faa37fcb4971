// The dashboard's figures equal a brute-force count over generated requests whose lives the generator
// recorded as they happened: requests moved between wards, closed and reopened, assigned late or never,
// timelines arriving in any order. Each figure is checked per incident and borough-wide.
import { describe, expect, it } from 'vitest';
import { dashboardFigures, durationText, type DashboardInput } from '../../src/domain/dashboard/figures.ts';
import { nearestRank } from '../../src/domain/dashboard/percentiles.ts';
import { statusHistory } from '../../src/domain/dashboard/statusHistory.ts';
import { isOpen } from '../../src/domain/entities/request.ts';
import { generateHistories, type GeneratedHistories } from '../support/requestHistories.ts';
import { aRequest } from '../support/records.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HOUR = 3_600_000;

function inputFor(world: GeneratedHistories, incidentId: string | null, extra: Partial<DashboardInput> = {}) {
  return {
    requests: world.requests,
    timeline: world.timeline,
    wards: world.wards,
    parishes: world.parishes,
    incidentId,
    now: new Date(world.now).toISOString(),
    offsetMinutes: 0,
    ...extra,
  };
}

const livesIn = (world: GeneratedHistories, incidentId: string | null) =>
  world.lives.filter((life) => incidentId === null || life.request.incidentId === incidentId);

/** The p-th value by the textbook definition: the smallest value with at least p of them at or below it. */
function smallestWithShareAtOrBelow(values: number[], p: number): number | null {
  const candidates = [...new Set(values)].sort((a, b) => a - b);
  return candidates.find((v) => values.filter((x) => x <= v).length >= p * values.length) ?? null;
}

describe('dashboard figures against a brute-force count', () => {
  it('the generator really moves requests between wards and reopens them', () => {
    const lives = SEEDS.flatMap((seed) => generateHistories(seed, 120).lives);
    expect(lives.filter((life) => new Set(life.wardsVisited).size > 1).length).toBeGreaterThan(20);
    expect(
      lives.filter((life) => life.events.some((event) => event.kind === 'reopened')).length,
    ).toBeGreaterThan(20);
  });

  for (const seed of SEEDS) {
    const world = generateHistories(seed, 120);
    for (const incidentId of [null, ...world.incidents]) {
      const scope = incidentId ?? 'the borough';
      const lives = livesIn(world, incidentId);
      const open = lives.filter((life) => isOpen(life.request));
      const figures = dashboardFigures(inputFor(world, incidentId));

      it(`seed ${seed}, ${scope}: open requests by status, need, urgency and (final) ward`, () => {
        expect(figures.total).toBe(lives.length);
        expect(figures.open).toBe(open.length);
        for (const tally of figures.openByStatus)
          expect(tally.count).toBe(open.filter((life) => life.request.status === tally.key).length);
        for (const tally of figures.openByUrgency)
          expect(tally.count).toBe(open.filter((life) => life.request.urgency === tally.key).length);
        const needs = new Set(open.flatMap((life) => life.request.needs));
        expect(figures.openByNeed.map((tally) => tally.key).sort()).toEqual([...needs].sort());
        for (const tally of figures.openByNeed)
          expect(tally.count).toBe(open.filter((life) => life.request.needs.includes(tally.key)).length);
        const wards = new Set(open.map((life) => life.finalWard));
        expect(figures.openByWard.map((tally) => tally.key).sort()).toEqual([...wards].sort());
        for (const tally of figures.openByWard)
          expect(tally.count).toBe(open.filter((life) => life.finalWard === tally.key).length);
        expect(figures.openByWard.reduce((sum, tally) => sum + tally.count, 0)).toBe(open.length);
      });

      it(`seed ${seed}, ${scope}: opened, closed and reopened per hour and per day`, () => {
        for (const [bucketSize, width, offsetMinutes] of [
          ['hour', HOUR, 0],
          ['day', 24 * HOUR, 0],
          ['day', 24 * HOUR, 60],
        ] as const) {
          const { overTime } = dashboardFigures(inputFor(world, incidentId, { bucketSize, offsetMinutes }));
          const events = lives.flatMap((life) => life.events);
          expect(overTime.truncated).toBe(false);
          for (const bucket of overTime.buckets) {
            const from = Date.parse(bucket.start);
            // A local midnight or a whole hour.
            expect((from + offsetMinutes * 60_000) % width).toBe(0);
            const inBucket = events.filter((event) => event.at >= from && event.at < from + width);
            expect(bucket.opened).toBe(inBucket.filter((event) => event.kind === 'opened').length);
            expect(bucket.closed).toBe(inBucket.filter((event) => event.kind === 'closed').length);
            expect(bucket.reopened).toBe(inBucket.filter((event) => event.kind === 'reopened').length);
          }
          const counted = overTime.buckets.reduce((sum, b) => sum + b.opened + b.closed + b.reopened, 0);
          expect(counted).toBe(events.length);
          // Consecutive, with no bucket missing.
          overTime.buckets.forEach((bucket, i) => {
            if (i > 0)
              expect(Date.parse(bucket.start) - Date.parse(overTime.buckets[i - 1]!.start)).toBe(width);
          });
        }
      });

      it(`seed ${seed}, ${scope}: time to assign and to close (median, p90)`, () => {
        const toAssign = lives.flatMap((life) =>
          life.firstAssignedAt === null
            ? []
            : [(life.firstAssignedAt - Date.parse(life.request.createdAt)) / 60_000],
        );
        const toClose = lives.flatMap((life) =>
          life.closedAt === null ? [] : [(life.closedAt - Date.parse(life.request.createdAt)) / 60_000],
        );
        expect(figures.timeToAssign.count).toBe(toAssign.length);
        expect(figures.timeToAssign.median).toBe(smallestWithShareAtOrBelow(toAssign, 0.5));
        expect(figures.timeToAssign.p90).toBe(smallestWithShareAtOrBelow(toAssign, 0.9));
        expect(figures.timeToClose.count).toBe(toClose.length);
        expect(figures.timeToClose.median).toBe(smallestWithShareAtOrBelow(toClose, 0.5));
        expect(figures.timeToClose.p90).toBe(smallestWithShareAtOrBelow(toClose, 0.9));
      });

      it(`seed ${seed}, ${scope}: unassigned immediate requests, partner load, immediate wards`, () => {
        const waiting = open.filter(
          (life) => life.request.urgency === 'immediate' && life.request.assignments.length === 0,
        );
        expect(figures.unassignedImmediateCount).toBe(waiting.length);
        const oldest = [...waiting]
          .sort(
            (a, b) =>
              a.request.createdAt.localeCompare(b.request.createdAt) ||
              a.request.id.localeCompare(b.request.id),
          )
          .slice(0, 10);
        expect(figures.unassignedImmediate.map((w) => w.request.id)).toEqual(
          oldest.map((life) => life.request.id),
        );
        for (const shown of figures.unassignedImmediate)
          expect(shown.ageMinutes).toBe((world.now - Date.parse(shown.request.createdAt)) / 60_000);

        const load = new Map<string, number>();
        for (const life of open)
          for (const assignment of life.request.assignments)
            load.set(assignment.partnerId, (load.get(assignment.partnerId) ?? 0) + 1);
        expect(new Map(figures.partnerLoad.map((p) => [p.partnerId, p.open]))).toEqual(load);
        const loads = figures.partnerLoad.map((p) => p.open);
        expect(loads).toEqual([...loads].sort((a, b) => b - a));

        const immediateWards = new Map<string, number>();
        for (const life of open)
          if (life.request.urgency === 'immediate' && life.finalWard !== null)
            immediateWards.set(life.finalWard, (immediateWards.get(life.finalWard) ?? 0) + 1);
        expect(figures.openImmediateByWard).toEqual(immediateWards);
      });
    }
  }
});

describe('status history where the timeline is incomplete', () => {
  it('takes a request closed with no line for it as closed at its last update', () => {
    const request = aRequest({
      status: 'done',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T12:30:00.000Z',
    });
    const history = statusHistory(request, []);
    expect(history.openedAt).toBe(request.createdAt);
    expect(history.closedAt).toBe(request.updatedAt);
    expect(history.changes).toEqual([{ at: request.updatedAt, from: 'new', to: 'done' }]);
  });

  it('counts a partner assigned on the record even when the assigning line is not on this device', () => {
    const request = aRequest({
      createdAt: '2026-11-01T10:00:00.000Z',
      assignments: [
        {
          partnerId: 'p',
          partnerName: 'P',
          reasons: [],
          assignedAt: '2026-11-01T10:20:00.000Z',
          assignedBy: 'u',
        },
      ],
      status: 'assigned',
    });
    expect(statusHistory(request, []).firstAssignedAt).toBe('2026-11-01T10:20:00.000Z');
  });
});

describe('status history against lines dated before the request was logged', () => {
  it('opens the request when it was logged, and counts earlier lines as made then', () => {
    const request = aRequest({ status: 'done', createdAt: '2026-11-01T10:00:00.000Z' });
    const line = (kind: 'created' | 'status', at: string, status: 'assigned' | 'done' | null) => ({
      id: `${kind}-${at}`,
      requestId: request.id,
      at,
      by: 'u',
      byName: 'U',
      kind,
      text: kind === 'created' ? 'Logged the request' : `Status changed to ${status}`,
      status,
    });
    const history = statusHistory(request, [
      line('created', '2026-11-01T10:00:00.000Z', null),
      // A second "created" line and a back-dated status line, as a device with a wrong clock (or
      // someone meaning harm) might send.
      line('created', '2026-11-01T07:00:00.000Z', null),
      line('status', '2026-11-01T08:00:00.000Z', 'assigned'),
      line('status', '2026-11-01T11:00:00.000Z', 'done'),
    ]);
    expect(history.openedAt).toBe(request.createdAt);
    expect(history.firstAssignedAt).toBeNull();
    expect(history.changes).toEqual([
      { at: request.createdAt, from: 'new', to: 'assigned' },
      { at: '2026-11-01T11:00:00.000Z', from: 'assigned', to: 'done' },
    ]);
    expect(history.closedAt).toBe('2026-11-01T11:00:00.000Z');
  });
});

describe('nearest-rank percentiles and durations in words', () => {
  it('picks a value that was really seen', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([5], 0.9)).toBe(5);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.9)).toBe(9);
  });

  it('says waits in minutes, hours and days', () => {
    expect(durationText(null)).toBe('none yet');
    expect(durationText(45.4)).toBe('45 min');
    expect(durationText(185)).toBe('3 h 5 min');
    expect(durationText(120)).toBe('2 h');
    expect(durationText(60 * 52)).toBe('2 days 4 h');
  });
});
