// Who the load generator's devices are. By default every device is a duty officer: each sees every
// record, so every pull carries every other device's changes, and a pull's work grows with the number
// of devices (the heaviest case). LOAD_COORDINATORS (0 to 1) makes that share of them parish
// coordinators, spread over the borough's parishes, as a council's phones mostly are: each sees the
// directory and its own parish's requests, logs requests in its parish, and edits its parish's hot
// requests, which the duty officers edit too. At the end each device's copy is checked against a
// reference that sees what it sees: an admin for the duty officers, one coordinator per parish.
import type { Parish } from '../../../src/domain/geo/area.ts';
import type { HelpRequest } from '../../../src/domain/entities/request.ts';
import { aRequest } from '../../support/records.ts';
import type { NewRequestPlaces } from './simulatedDevice.ts';

/** Requests every duty officer edits, and in each parish with coordinators those its phones edit. */
const STAFF_HOT_REQUESTS = 10;
const HOT_REQUESTS_PER_PARISH = 2;

export interface DeviceRole {
  role: 'duty_officer' | 'parish_coordinator';
  /** A coordinator's parish. */
  parish: Parish | null;
}

/** `count` devices, `coordinatorShare` of them coordinators, evenly spread in the list and over parishes. */
export function planRoster(
  count: number,
  coordinatorShare: number,
  parishes: readonly Parish[],
): DeviceRole[] {
  let coordinators = 0;
  return Array.from({ length: count }, (_, i): DeviceRole => {
    const coordinator = Math.floor((i + 1) * coordinatorShare) > Math.floor(i * coordinatorShare);
    if (!coordinator || parishes.length === 0) return { role: 'duty_officer', parish: null };
    coordinators += 1;
    return { role: 'parish_coordinator', parish: parishes[(coordinators - 1) % parishes.length]! };
  });
}

/** The parishes some device of the roster coordinates, each once. */
export function coordinatedParishes(roster: readonly DeviceRole[]): Parish[] {
  return [...new Map(roster.flatMap(({ parish }) => (parish ? [[parish.code, parish]] : []))).values()];
}

export interface HotRequests {
  /** Every hot request, to create at the start (by an admin). */
  all: HelpRequest[];
  /** The ids a device of this role edits. */
  idsFor(role: DeviceRole): string[];
}

export function hotRequests(parishes: readonly Parish[]): HotRequests {
  const staff = Array.from({ length: STAFF_HOT_REQUESTS }, () => aRequest());
  const byParish = new Map(
    parishes.map((parish) => [
      parish.code,
      Array.from({ length: HOT_REQUESTS_PER_PARISH }, () =>
        aRequest({ place: { ...placeIn(parish), lat: null, lon: null, address: '' } }),
      ),
    ]),
  );
  const all = [...staff, ...[...byParish.values()].flat()];
  return {
    all,
    idsFor: ({ parish }) => (parish ? (byParish.get(parish.code) ?? []) : all).map((request) => request.id),
  };
}

function placeIn(parish: Parish): { wardCode: string; parishCode: string } {
  return { wardCode: parish.wardCodes[0]!, parishCode: parish.code };
}

/** Where a device's new requests are: a duty officer's in any ward, a coordinator's in their parish. */
export function placesFor({ parish }: DeviceRole, wardCodes: readonly string[]): NewRequestPlaces {
  return parish ? { wardCodes: parish.wardCodes, parishCode: parish.code } : { wardCodes, parishCode: null };
}
