// A request's timeline lines say something, and only status lines name a status: a pushed note of
// spaces, a "status" line with no status (which the dashboard's history skips) and a note claiming
// to close the request were all stored as sent.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { timelineEntrySchema, type TimelineEntry } from '../../src/domain/entities/timeline.ts';
import { fieldErrors } from '../../src/domain/api/apiError.ts';

const aLine = (overrides: Partial<TimelineEntry>) => ({
  id: randomUUID(),
  requestId: randomUUID(),
  at: '2026-11-29T21:00:00.000Z',
  by: randomUUID(),
  byName: 'Sam Patel',
  kind: 'note',
  text: 'Rang back, no answer',
  status: null,
  ...overrides,
});

describe('timeline lines', () => {
  it.each([
    { kind: 'created', text: 'Logged the request', status: 'new' },
    { kind: 'status', text: 'Status changed to Done', status: 'done' },
    { kind: 'note', text: 'Rang back, no answer', status: null },
    { kind: 'assigned', text: 'Assigned to Marden Pantry', status: null },
    { kind: 'note', text: '[removed under the retention schedule]', status: null },
  ] as const)('takes a $kind line as the app writes it', (line) => {
    expect(timelineEntrySchema.safeParse(aLine(line)).success).toBe(true);
  });

  it.each([
    [{ kind: 'note', text: '   \n ' }, { text: 'write the note' }],
    [{ kind: 'status', text: 'Status changed', status: null }, { status: 'a status line names the status' }],
    [{ kind: 'note', status: 'done' }, { status: 'a note or an assignment changes no status' }],
    [{ kind: 'assigned', status: 'in_progress' }, { status: 'a note or an assignment changes no status' }],
  ] as const)('refuses %j, naming the field', (line, fields) => {
    expect(fieldErrors(timelineEntrySchema.safeParse(aLine(line)).error!)).toEqual(fields);
  });
});
