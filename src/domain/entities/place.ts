// Where help is needed: a ward, a parish, or a point (e.g. "use my location"), resolved to the wards
// it lies in, their neighbours, and a point to measure distances from.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Parish, Ward } from '../geo/area.ts';

export type Place =
  | { kind: 'ward'; code: string }
  | { kind: 'parish'; code: string }
  | { kind: 'point'; lat: number; lon: number };

export interface ResolvedPlace {
  label: string;
  wardCodes: readonly string[];
  wardNames: ReadonlyMap<string, string>;
  neighbourCodes: readonly string[];
  neighbourNames: ReadonlyMap<string, string>;
  parish: Parish | null;
  lat: number;
  lon: number;
}

/** The ward a point lies in, if any. */
export function wardAt(wards: Iterable<Ward>, lat: number, lon: number): Ward | undefined {
  for (const ward of wards) {
    if (booleanPointInPolygon([lon, lat], ward.boundary)) return ward;
  }
  return undefined;
}

function resolveWards(
  inWards: readonly Ward[],
  wards: ReadonlyMap<string, Ward>,
): Pick<ResolvedPlace, 'wardCodes' | 'wardNames' | 'neighbourCodes' | 'neighbourNames'> {
  const wardCodes = inWards.map((ward) => ward.code);
  const neighbourCodes = [...new Set(inWards.flatMap((ward) => ward.neighbours))].filter(
    (code) => !wardCodes.includes(code),
  );
  const name = (code: string): [string, string] => [code, wards.get(code)?.name ?? code];
  return {
    wardCodes,
    wardNames: new Map(wardCodes.map(name)),
    neighbourCodes,
    neighbourNames: new Map(neighbourCodes.map(name)),
  };
}

export function placeOf(
  place: Place,
  wards: ReadonlyMap<string, Ward>,
  parishes: ReadonlyMap<string, Parish>,
): ResolvedPlace | null {
  switch (place.kind) {
    case 'ward': {
      const ward = wards.get(place.code);
      if (!ward) return null;
      return {
        label: `${ward.name} ward`,
        ...resolveWards([ward], wards),
        parish: null,
        lon: ward.centre[0],
        lat: ward.centre[1],
      };
    }
    case 'parish': {
      const parish = parishes.get(place.code);
      if (!parish) return null;
      const inWards = parish.wardCodes.flatMap((code) => wards.get(code) ?? []);
      if (inWards.length === 0) return null;
      // Without a parish boundary, the middle of its wards' centres stands for the parish.
      const lon = inWards.reduce((sum, ward) => sum + ward.centre[0], 0) / inWards.length;
      const lat = inWards.reduce((sum, ward) => sum + ward.centre[1], 0) / inWards.length;
      return { label: `${parish.name} parish`, ...resolveWards(inWards, wards), parish, lat, lon };
    }
    case 'point': {
      const ward = wardAt(wards.values(), place.lat, place.lon);
      return {
        label: ward ? `your location, in ${ward.name} ward` : 'your location',
        ...resolveWards(ward ? [ward] : [], wards),
        parish: null,
        lat: place.lat,
        lon: place.lon,
      };
    }
  }
}
