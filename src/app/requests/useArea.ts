// Wards and parishes from this device's copy, as lists (for pickers) and maps (for naming codes).
// A parish coordinator works in their own parish only, so their lists are narrowed to it.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../store/localDatabase.ts';
import type { Parish, Ward } from '../../domain/area.ts';
import type { User } from '../../domain/user.ts';

export interface AreaLists {
  wards: Ward[];
  parishes: Parish[];
  wardMap: ReadonlyMap<string, Ward>;
  parishMap: ReadonlyMap<string, Parish>;
  /** What this user may place requests in: everything for staff; their parish and its wards otherwise. */
  ownWards: Ward[];
  ownParishes: Parish[];
}

export function useArea(user: User | null | undefined): AreaLists | undefined {
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  return useMemo(() => {
    if (!wards || !parishes) return undefined;
    const wardMap = new Map(wards.map((ward) => [ward.code, ward]));
    const parishMap = new Map(parishes.map((parish) => [parish.code, parish]));
    const own = user?.role === 'parish_coordinator' ? parishMap.get(user.parishCode ?? '') : undefined;
    const coordinator = user?.role === 'parish_coordinator';
    return {
      wards,
      parishes,
      wardMap,
      parishMap,
      ownParishes: coordinator ? (own ? [own] : []) : parishes,
      ownWards: coordinator ? wards.filter((ward) => own?.wardCodes.includes(ward.code)) : wards,
    };
  }, [wards, parishes, user]);
}
