// Builders of valid records and mutations for tests, so each test states only what matters to it.
import { randomUUID } from 'node:crypto';
import type { HelpRequest, Incident } from '../../src/domain/entities/request.ts';
import type { Mutation } from '../../src/domain/sync/mutation.ts';
import { formatHlc } from '../../src/domain/sync/hlc.ts';

export function aRequest(overrides: Partial<HelpRequest> = {}): HelpRequest {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    incidentId: null,
    needs: ['food'],
    place: { wardCode: 'DEMO-W01', parishCode: null, lat: null, lon: null, address: '' },
    forWhom: { name: 'J', phone: '07700 900111', households: null },
    urgency: 'today',
    source: 'phone',
    status: 'new',
    assignments: [],
    createdAt: now,
    createdBy: randomUUID(),
    createdByName: 'someone',
    updatedAt: now,
    ...overrides,
  };
}

/** An open flood, started an hour ago unless told otherwise. */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    name: 'Flood',
    type: 'flood',
    startedAt: now,
    endedAt: null,
    status: 'open',
    wardCodes: ['W1'],
    updatedAt: now,
    ...overrides,
  };
}

let counter = 0;
/** A clock stamp from `node`, later than every earlier call. */
export function stamp(node = 'test', ms = Date.now()): string {
  counter += 1;
  return formatHlc({ ms, counter: counter % 100_000, node });
}

export function aMutation(
  entity: Mutation['entity'],
  recordId: string,
  changes: Record<string, unknown>,
  options: { hlc?: string; base?: Record<string, string> } = {},
): Mutation {
  return {
    id: randomUUID(),
    entity,
    recordId,
    changes,
    hlc: options.hlc ?? stamp(),
    base: options.base ?? {},
  };
}

/** A whole new record as a mutation that creates it. */
export const creating = (entity: Mutation['entity'], record: { id: string }, hlc?: string) =>
  aMutation(entity, record.id, record as unknown as Record<string, unknown>, hlc ? { hlc } : {});
