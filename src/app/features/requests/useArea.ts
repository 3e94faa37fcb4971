// Wards and parishes from this device's copy, as lists (for pickers) and maps (for naming codes).
// A parish coordinator works in their own parish only, so their lists are narrowed to it. A retired
// parish is never offered for a new request, though its wards still are.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { User } from '../../../domain/accounts/user.ts';

export interface AreaLists {
  wards: Ward[];
  parishes: Parish[];
  wardMap: ReadonlyMap<string, Ward>;
  parishMap: ReadonlyMap<string, Parish>;
  /**
   * What this user may place new requests in: everything for staff; their parish and its wards
   * otherwise. Retired parishes are left out (their wards stay).
   */
  ownWards: Ward[];
  ownParishes: Parish[];
}

/** The lists for this user, from all wards and parishes (pure, so it is tested without a browser). */
export function areaLists(wards: Ward[], parishes: Parish[], user: User | null | undefined): AreaLists {
  const wardMap = new Map(wards.map((ward) => [ward.code, ward]));
  const parishMap = new Map(parishes.map((parish) => [parish.code, parish]));
  const own = user?.role === 'parish_coordinator' ? parishMap.get(user.parishCode ?? '') : undefined;
  const coordinator = user?.role === 'parish_coordinator';
  return {
    wards,
    parishes,
    wardMap,
    parishMap,
    ownParishes: (coordinator ? (own ? [own] : []) : parishes).filter((parish) => !parish.retired),
    ownWards: coordinator ? wards.filter((ward) => own?.wardCodes.includes(ward.code)) : wards,
  };
}

export function useArea(user: User | null | undefined): AreaLists | undefined {
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  return useMemo(
    () => (wards && parishes ? areaLists(wards, parishes, user) : undefined),
    [wards, parishes, user],
  );
}
