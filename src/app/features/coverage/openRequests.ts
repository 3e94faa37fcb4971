// Open requests per ward code, for the map and the gap table, from the requests on this device (IndexedDB).
// Undefined while they are being read; screens then show nothing about requests rather than zeros.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import { openRequestsByWard } from '../../../domain/gaps/gapAnalysis.ts';

export function useOpenRequestsByWard(): ReadonlyMap<string, number> | undefined {
  const requests = useLiveQuery(() => localDatabase.requests.toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.toArray());
  return useMemo(
    () => (requests && parishes ? openRequestsByWard(requests, parishes) : undefined),
    [requests, parishes],
  );
}
