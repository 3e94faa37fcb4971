// A request's place in words, by name and never by code. The names come from the area on this device;
// where a code is no longer in the area (after a boundary import), the name kept with the request when
// it was logged is used, and the words say the place has gone, so nobody reads "DEMO-W01 ward".
import type { Parish, Ward } from './area.ts';
import type { HelpRequest } from '../entities/request.ts';

type RequestPlace = Pick<HelpRequest['place'], 'wardCode' | 'parishCode' | 'name'>;

/** "Ashcombe parish, Ashcombe ward" from today's names: what to keep with a new request. */
export function placeNameNow(
  place: RequestPlace,
  wards: ReadonlyMap<string, Pick<Ward, 'name'>>,
  parishes: ReadonlyMap<string, Pick<Parish, 'name'>>,
): string | null {
  const parts: string[] = [];
  if (place.parishCode) {
    const parish = parishes.get(place.parishCode);
    if (!parish) return null;
    parts.push(`${parish.name} parish`);
  }
  if (place.wardCode) {
    const ward = wards.get(place.wardCode);
    if (!ward) return null;
    parts.push(`${ward.name} ward`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The place in words for lists and pages; never a bare code. */
export function placeName(
  place: RequestPlace,
  wards: ReadonlyMap<string, Pick<Ward, 'name'>>,
  parishes: ReadonlyMap<string, Pick<Parish, 'name'>>,
): string {
  const now = placeNameNow(place, wards, parishes);
  if (now) return now;
  if (!place.wardCode && !place.parishCode) return 'place not given';
  if (place.name) return `${place.name} (no longer in this area)`;
  return place.parishCode && !parishes.has(place.parishCode)
    ? 'a parish no longer in this area'
    : 'a ward no longer in this area';
}

/** What a row of figures by ward says for a ward no longer in the area that no request named. */
export const WARD_GONE = 'a ward no longer in this area';

/**
 * Ward code → a name for the wards requests were logged in that are no longer in the area, from the
 * names kept with the requests ("Ashcombe parish, Barming ward" → "Barming (no longer in this area)"),
 * so the dashboard and the situation report never show a bare code.
 */
export function keptWardNames(
  requests: readonly { place: RequestPlace }[],
  wards: ReadonlyMap<string, unknown>,
): Map<string, string> {
  const kept = new Map<string, string>();
  for (const { place } of requests) {
    if (!place.wardCode || wards.has(place.wardCode) || kept.has(place.wardCode)) continue;
    const ward = place.name
      ?.split(', ')
      .find((part) => part.endsWith(' ward'))
      ?.slice(0, -' ward'.length);
    if (ward) kept.set(place.wardCode, `${ward} (no longer in this area)`);
  }
  return kept;
}
