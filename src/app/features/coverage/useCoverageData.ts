// The wards, parishes and partners the map and the gap table read, from IndexedDB (never the network),
// so both work offline. Undefined while IndexedDB is being read.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { Partner } from '../../../domain/entities/partner.ts';

export interface CoverageData {
  /** By name. */
  wards: Ward[];
  parishes: Parish[];
  partners: Partner[];
}

export function useCoverageData(): CoverageData | undefined {
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.orderBy('name').toArray());
  const partners = useLiveQuery(() => localDatabase.partners.toArray());
  return useMemo(
    () => (wards && parishes && partners ? { wards, parishes, partners } : undefined),
    [wards, parishes, partners],
  );
}
