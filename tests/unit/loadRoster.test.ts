// The load generator's roster (tests/bench/load/roster.ts): the share of parish coordinators asked for,
// spread over the parishes, each editing and logging requests only where they may.
import { describe, expect, it } from 'vitest';
import { generateDemoArea } from '../../src/server/demo/demoArea.ts';
import { parishScope } from '../../src/domain/entities/scope.ts';
import { coordinatedParishes, hotRequests, placesFor, planRoster } from '../bench/load/roster.ts';

const { wards, parishes } = generateDemoArea();
const wardCodes = wards.map((ward) => ward.code);

describe('the load roster', () => {
  it('is all duty officers by default, who log requests anywhere and edit every hot request', () => {
    const roster = planRoster(50, 0, parishes);
    expect(roster.every((device) => device.role === 'duty_officer' && device.parish === null)).toBe(true);
    expect(coordinatedParishes(roster)).toEqual([]);
    expect(placesFor(roster[0]!, wardCodes)).toEqual({ wardCodes, parishCode: null });
    const hot = hotRequests([]);
    expect(hot.idsFor(roster[0]!)).toHaveLength(hot.all.length);
  });

  it('makes the share asked for coordinators, spread evenly over the parishes', () => {
    const roster = planRoster(160, 0.9, parishes);
    const coordinators = roster.filter((device) => device.role === 'parish_coordinator');
    expect(coordinators).toHaveLength(144);
    expect(roster.slice(0, 10).filter((device) => device.role === 'duty_officer')).toHaveLength(1);
    const perParish = new Map<string, number>();
    for (const { parish } of coordinators)
      perParish.set(parish!.code, (perParish.get(parish!.code) ?? 0) + 1);
    expect(perParish.size).toBe(parishes.length);
    expect(new Set(perParish.values())).toEqual(new Set([144 / parishes.length]));
    expect(coordinatedParishes(roster)).toHaveLength(parishes.length);
  });

  it("keeps a coordinator's new and hot requests in their parish; duty officers edit every hot request", () => {
    const roster = planRoster(20, 0.5, parishes);
    const coordinator = roster.find((device) => device.parish)!;
    const officer = roster.find((device) => !device.parish)!;
    const hot = hotRequests(coordinatedParishes(roster));
    const byId = new Map(hot.all.map((request) => [request.id, request]));
    const theirs = hot.idsFor(coordinator).map((id) => byId.get(id)!);
    expect(theirs.length).toBeGreaterThan(0);
    for (const request of theirs) {
      expect(parishScope(request.place.parishCode)).toBe(parishScope(coordinator.parish!.code));
      expect(coordinator.parish!.wardCodes).toContain(request.place.wardCode);
    }
    expect(hot.idsFor(officer)).toHaveLength(hot.all.length);
    expect(placesFor(coordinator, wardCodes)).toEqual({
      wardCodes: coordinator.parish!.wardCodes,
      parishCode: coordinator.parish!.code,
    });
  });
});
