// Last writer wins per field, by clock, with the loser kept as a conflict. The property that matters:
// whatever order the changes of several devices arrive in, every copy ends with the same record, and
// no value disappears without a trace (it is either in the record or in a conflict).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeChange, stampsOf, type FieldClocks, type MergeInput } from '../../src/domain/sync/merge.ts';
import { formatHlc } from '../../src/domain/sync/hlc.ts';

const at = (ms: number, node = 'a') => formatHlc({ ms, counter: 0, node });

function applyAll(changes: MergeInput[]) {
  let record: Record<string, unknown> | null = null;
  let clocks: FieldClocks = {};
  const conflicts: unknown[] = [];
  for (const change of changes) {
    const merged = mergeChange(record, clocks, change);
    record = merged.record;
    clocks = merged.clocks;
    conflicts.push(...merged.conflicts);
  }
  return { record, clocks, conflicts };
}

describe('merge', () => {
  it('takes the later change of a field and keeps the earlier one as a conflict, in either order', () => {
    // both had seen the request as created, then changed its status while apart
    const seen = { status: at(50) };
    const early: MergeInput = {
      changes: { status: 'in_progress' },
      hlc: at(100, 'phone'),
      base: seen,
      by: 'Sam',
    };
    const late: MergeInput = { changes: { status: 'done' }, hlc: at(200, 'laptop'), base: seen, by: 'Alex' };
    const created: MergeInput = { changes: { id: 'r1', status: 'new' }, hlc: at(50), base: {}, by: 'Sam' };
    for (const order of [
      [created, early, late],
      [created, late, early],
    ]) {
      const result = applyAll(order);
      expect(result.record).toEqual({ id: 'r1', status: 'done' });
      expect(result.conflicts).toEqual([
        expect.objectContaining({
          field: 'status',
          kept: expect.objectContaining({ value: 'done' }),
          other: expect.objectContaining({ value: 'in_progress' }),
        }),
      ]);
    }
  });

  it('raises no conflict when the editor had seen the value it replaces', () => {
    const created: MergeInput = { changes: { status: 'new' }, hlc: at(50), base: {}, by: 'Sam' };
    const next: MergeInput = {
      changes: { status: 'assigned' },
      hlc: at(60),
      base: { status: at(50) },
      by: 'Alex',
    };
    expect(applyAll([created, next]).conflicts).toEqual([]);
  });

  it('changes of different fields never conflict', () => {
    const created: MergeInput = {
      changes: { status: 'new', urgency: 'today' },
      hlc: at(50),
      base: {},
      by: 'Sam',
    };
    const a: MergeInput = {
      changes: { status: 'assigned' },
      hlc: at(60, 'x'),
      base: { status: at(50) },
      by: 'Sam',
    };
    const b: MergeInput = {
      changes: { urgency: 'immediate' },
      hlc: at(70, 'y'),
      base: { urgency: at(50) },
      by: 'Alex',
    };
    const result = applyAll([created, b, a]);
    expect(result.record).toEqual({ status: 'assigned', urgency: 'immediate' });
    expect(result.conflicts).toEqual([]);
  });

  it('lets the later updatedAt win without a conflict when different fields were edited apart', () => {
    const seen = { status: at(50), urgency: at(50), updatedAt: at(50) };
    const created: MergeInput = {
      changes: { status: 'new', urgency: 'today', updatedAt: 't0' },
      hlc: at(50),
      base: {},
      by: 'Sam',
    };
    const a: MergeInput = {
      changes: { status: 'assigned', updatedAt: 't1' },
      hlc: at(60, 'x'),
      base: seen,
      by: 'Sam',
    };
    const b: MergeInput = {
      changes: { urgency: 'immediate', updatedAt: 't2' },
      hlc: at(70, 'y'),
      base: seen,
      by: 'Alex',
    };
    for (const order of [
      [created, a, b],
      [created, b, a],
    ]) {
      const result = applyAll(order);
      expect(result.record).toEqual({ status: 'assigned', urgency: 'immediate', updatedAt: 't2' });
      expect(result.conflicts).toEqual([]);
    }
  });

  it('converges whatever order changes from several devices arrive in, losing no value', () => {
    const fields = ['status', 'urgency', 'name'];
    const changeArb = fc.record({
      field: fc.constantFrom(...fields),
      value: fc.integer({ min: 0, max: 5 }),
      ms: fc.integer({ min: 1, max: 1000 }),
      node: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(changeArb, {
          minLength: 1,
          maxLength: 12,
          selector: (change) => `${change.ms}-${change.node}`,
        }),
        fc.func(fc.integer()),
        (edits, shuffleKey) => {
          const inputs: MergeInput[] = edits.map((edit) => ({
            changes: { [edit.field]: edit.value },
            hlc: at(edit.ms, edit.node),
            base: {},
            by: edit.node,
          }));
          const inOrder = applyAll(inputs);
          const shuffled = [...inputs].sort(
            (x, y) => shuffleKey(x.hlc) - shuffleKey(y.hlc) || (x.hlc < y.hlc ? -1 : 1),
          );
          const otherOrder = applyAll(shuffled);
          expect(otherOrder.record).toEqual(inOrder.record);
          expect(otherOrder.clocks).toEqual(inOrder.clocks);
          // every value written is either in the record or kept in a conflict
          for (const input of inputs) {
            const [field, value] = Object.entries(input.changes)[0] as [string, unknown];
            const inRecord = otherOrder.record?.[field] === value;
            const inConflict = (
              otherOrder.conflicts as { field: string; kept: { value: unknown }; other: { value: unknown } }[]
            ).some(
              (conflict) =>
                conflict.field === field && (conflict.kept.value === value || conflict.other.value === value),
            );
            expect(inRecord || inConflict).toBe(true);
          }
        },
      ),
    );
  });
});

describe('stampsOf', () => {
  it('gives each field its stamp alone, as devices hold them, and nothing for a record without clocks', () => {
    const clocks: FieldClocks = {
      name: { hlc: at(2), by: 'Duty' },
      phone: { hlc: at(1, 'b'), by: 'Parish' },
    };
    expect(stampsOf(clocks)).toEqual({ name: at(2), phone: at(1, 'b') });
    expect(stampsOf({})).toEqual({});
  });
});
