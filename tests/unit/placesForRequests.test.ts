// Where a new request may be placed: staff get every parish and ward, a parish coordinator their own
// parish and its wards; a retired parish is offered to no one, though its wards still are.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { areaLists } from '../../src/app/features/requests/useArea.ts';
import type { User } from '../../src/domain/accounts/user.ts';
import { aParish, aWard } from '../support/area.ts';

const wards = [aWard('W1', 'Marden', 0.3), aWard('W2', 'Staplehurst', 0.4)];
const marden = aParish('P1', 'Marden', ['W1']);
const oldStaplehurst = aParish('P2', 'Old Staplehurst', ['W2'], { retired: true });
const parishes = [marden, oldStaplehurst];

const user = (role: User['role'], parishCode: string | null = null): User => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  role,
  parishCode,
});
const codes = (items: readonly { code: string }[]) => items.map((item) => item.code);

describe('places offered for a new request', () => {
  it('staff are offered every parish but the retired ones, and every ward', () => {
    const lists = areaLists(wards, parishes, user('duty_officer'));
    expect(codes(lists.ownParishes)).toEqual(['P1']);
    expect(codes(lists.ownWards)).toEqual(['W1', 'W2']);
    // still named wherever an older request mentions it
    expect(lists.parishMap.get('P2')?.name).toBe('Old Staplehurst');
  });

  it('a coordinator whose parish is retired is offered its wards, not the parish', () => {
    expect(codes(areaLists(wards, parishes, user('parish_coordinator', 'P1')).ownParishes)).toEqual(['P1']);
    const retired = areaLists(wards, parishes, user('parish_coordinator', 'P2'));
    expect(codes(retired.ownParishes)).toEqual([]);
    expect(codes(retired.ownWards)).toEqual(['W2']);
  });
});
