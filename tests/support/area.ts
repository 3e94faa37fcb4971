// Little square wards and parishes for the tests, built in one place so each test names only what
// matters to it (which wards, parished or not, which neighbours) and never re-types a boundary.
import type { Parish, Ward } from '../../src/domain/geo/area.ts';
import type { Boundary, Position } from '../../src/domain/geo/geometry.ts';

/** A closed ring, corner by corner, from the south-west. */
export function rectangle(west: number, south: number, east: number, north: number): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** A square ring `size` degrees a side from its south-west corner (a small ward by default). */
export const square = (x: number, y: number, size = 0.01): Position[] => rectangle(x, y, x + size, y + size);

export const polygon = (ring: Position[]): Boundary => ({ type: 'Polygon', coordinates: [ring] });

/**
 * A ward 0.1° square from `west` eastwards, 51.2° to 51.3° N, centred in it. Wards 0.1° apart touch,
 * and their centres are about 7 km apart.
 */
export function aWard(
  code: string,
  name: string,
  west: number,
  { parished = true, neighbours = [] }: { parished?: boolean; neighbours?: string[] } = {},
): Ward {
  return {
    code,
    name,
    boundary: polygon(rectangle(west, 51.2, west + 0.1, 51.3)),
    centre: [west + 0.05, 51.25],
    parished,
    neighbours,
  };
}

/** A parish with no boundary of its own, no plan and no charter role unless given. */
export function aParish(
  code: string,
  name: string,
  wardCodes: string[],
  overrides: Partial<Parish> = {},
): Parish {
  return {
    code,
    name,
    wardCodes,
    boundary: null,
    communityEmergencyPlan: { has: false, link: null },
    charterRole: { agreed: false, date: null },
    retired: false,
    ...overrides,
  };
}

/**
 * The wards and parishes the record builders name (aRequest's DEMO-W01, aPartner's W1, aContact's P1):
 * loaded into a database before pushing those records, since a push refuses a change naming a ward or
 * parish the server does not have.
 */
export const NAMED_AREA = {
  wards: [
    aWard('DEMO-W01', 'Demo ward one', 0.1, { neighbours: ['DEMO-W02'] }),
    aWard('DEMO-W02', 'Demo ward two', 0.2, { neighbours: ['DEMO-W01'] }),
    aWard('W1', 'Marden', 0.3, { neighbours: ['W2'] }),
    aWard('W2', 'Shepway North', 0.4, { parished: false, neighbours: ['W1'] }),
  ],
  parishes: [
    aParish('DEMO-P01', 'Demo parish one', ['DEMO-W01']),
    aParish('DEMO-P02', 'Demo parish two', ['DEMO-W02']),
    aParish('P1', 'Marden', ['W1']),
  ],
};
