// Requests, their timelines, incidents and the area, read live from IndexedDB: what the dashboard and
// the situation report summarise. Never the network, so both work offline. Undefined while reading.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Parish, Ward } from '../../../domain/geo/area.ts';
import type { HelpRequest, Incident } from '../../../domain/entities/request.ts';
import type { TimelineEntry } from '../../../domain/entities/timeline.ts';

export interface RequestRecords {
  requests: HelpRequest[];
  timeline: TimelineEntry[];
  incidents: Incident[];
  /** By name. */
  wards: Ward[];
  parishes: Parish[];
}

export function useRequestRecords(): RequestRecords | undefined {
  const requests = useLiveQuery(() => localDatabase.requests.toArray());
  const timeline = useLiveQuery(() => localDatabase.timeline.toArray());
  const incidents = useLiveQuery(() => localDatabase.incidents.toArray());
  const wards = useLiveQuery(() => localDatabase.wards.orderBy('name').toArray());
  const parishes = useLiveQuery(() => localDatabase.parishes.toArray());
  return useMemo(
    () =>
      requests && timeline && incidents && wards && parishes
        ? { requests, timeline, incidents, wards, parishes }
        : undefined,
    [requests, timeline, incidents, wards, parishes],
  );
}

/** The local zone's offset from UTC in minutes now (60 in British Summer Time). */
export const localOffsetMinutes = () => -new Date().getTimezoneOffset();
