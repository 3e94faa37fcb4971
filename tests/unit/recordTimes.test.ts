// Times in records are compared and sorted as text, so every time is stored as UTC to the millisecond
// ("2026-02-03T07:00:00.000Z"), whatever offset or precision a client sent. Before, a pushed incident
// starting at 10:00Z could end at "12:00+05:00" (07:00 UTC, three hours before it started): the check
// "it cannot end before it starts" compared the two as text and let it through.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { incidentSchema, type Incident } from '../../src/domain/entities/request.ts';
import { isoDateTimeSchema } from '../../src/domain/entities/common.ts';

const anIncident = (times: Pick<Incident, 'startedAt' | 'endedAt'>) => ({
  id: randomUUID(),
  name: 'River Beult flooding',
  type: 'flood',
  status: 'closed',
  wardCodes: [],
  updatedAt: '2026-02-03T12:00:00.000Z',
  ...times,
});

describe('times in records', () => {
  it('refuses an incident whose end, written with an offset, is before its start', () => {
    const result = incidentSchema.safeParse(
      anIncident({ startedAt: '2026-02-03T10:00:00Z', endedAt: '2026-02-03T12:00:00+05:00' }),
    );
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['endedAt', 'it cannot end before it starts'],
    ]);
  });

  it('takes an incident that ends after it starts though its end reads earlier as text', () => {
    const result = incidentSchema.parse(
      anIncident({ startedAt: '2026-02-03T00:00:00+05:00', endedAt: '2026-02-02T21:00:00Z' }),
    );
    expect([result.startedAt, result.endedAt]).toEqual([
      '2026-02-02T19:00:00.000Z',
      '2026-02-02T21:00:00.000Z',
    ]);
  });

  it.each([
    ['2026-02-03T12:00:00+05:00', '2026-02-03T07:00:00.000Z'],
    ['2026-02-03T12:00:00-00:30', '2026-02-03T12:30:00.000Z'],
    ['2026-02-03T12:00:00Z', '2026-02-03T12:00:00.000Z'],
    ['2026-02-03T12:00:00.123456Z', '2026-02-03T12:00:00.123Z'],
    ['2026-02-03T12:00:00.000Z', '2026-02-03T12:00:00.000Z'],
  ])('stores %s as %s', (sent, stored) => {
    expect(isoDateTimeSchema.parse(sent)).toBe(stored);
  });

  it.each(['2026-02-30T00:00:00Z', 'yesterday', '2026-02-03', '2026-02-03T12:00:00', ''])(
    'still refuses %j',
    (sent) => {
      expect(isoDateTimeSchema.safeParse(sent).error?.issues[0]?.message).toBe(
        'must be an ISO date and time',
      );
    },
  );
});
