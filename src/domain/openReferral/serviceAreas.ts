// A partner's coverage (the whole borough, or named wards and parishes) as ORUK service areas, and
// back. Each ward or parish is published with the ONS linked-data URI of its code, so another system
// can tell which area is meant; on import the code in the URI (or else the area's name) finds it here.
import { matchKey, matchWords } from '../words/matchWords.ts';
import type { Coverage } from '../entities/partner.ts';
import type { Parish, Ward } from '../geo/area.ts';
import { stableId } from './stableId.ts';
import type { OrukServiceArea } from './orukSchemas.ts';

const ONS_GEOGRAPHY = 'http://statistics.data.gov.uk/id/statistical-geography/';
const WHOLE_BOROUGH = 'The whole borough';

export interface AreaNames {
  wards: ReadonlyMap<string, Pick<Ward, 'code' | 'name'>>;
  parishes: ReadonlyMap<string, Pick<Parish, 'code' | 'name'>>;
}

export function serviceAreasFromCoverage(
  partnerId: string,
  coverage: Coverage,
  areas: AreaNames,
): Record<string, unknown>[] {
  const serviceAreas: Record<string, unknown>[] = [];
  if (coverage.boroughWide)
    serviceAreas.push({ id: stableId(`${partnerId}/area/borough`), name: WHOLE_BOROUGH });
  for (const code of coverage.wards)
    serviceAreas.push({
      id: stableId(`${partnerId}/area/ward/${code}`),
      name: `${areas.wards.get(code)?.name ?? code} ward`,
      uri: ONS_GEOGRAPHY + encodeURIComponent(code),
    });
  for (const code of coverage.parishes)
    serviceAreas.push({
      id: stableId(`${partnerId}/area/parish/${code}`),
      name: `${areas.parishes.get(code)?.name ?? code} parish`,
      uri: ONS_GEOGRAPHY + encodeURIComponent(code),
    });
  return serviceAreas;
}

const squash = (name: string) =>
  matchKey(matchWords(name).replace(/(^| )(ward|parish|council)(?= |$)/g, ' '));

export interface CoverageFromAreas {
  /** Null when no service area named a place here. */
  coverage: Coverage | null;
  notes: string[];
}

export function coverageFromServiceAreas(
  serviceAreas: readonly OrukServiceArea[],
  areas: AreaNames,
): CoverageFromAreas {
  const coverage: Coverage = { boroughWide: false, wards: [], parishes: [] };
  const notes: string[] = [];
  const wardsByName = new Map([...areas.wards.values()].map((ward) => [squash(ward.name), ward.code]));
  const parishesByName = new Map(
    [...areas.parishes.values()].map((parish) => [squash(parish.name), parish.code]),
  );
  let found = false;
  for (const area of serviceAreas) {
    const name = area.name ?? area.description ?? '';
    const code = area.uri?.startsWith(ONS_GEOGRAPHY)
      ? decodeURIComponent(area.uri.slice(ONS_GEOGRAPHY.length))
      : null;
    if (name === WHOLE_BOROUGH || /\bborough[- ]wide\b/i.test(name)) {
      coverage.boroughWide = true;
      found = true;
    } else if (code && areas.wards.has(code)) {
      coverage.wards.push(code);
      found = true;
    } else if (code && areas.parishes.has(code)) {
      coverage.parishes.push(code);
      found = true;
    } else if (/\bparish\b/i.test(name) && parishesByName.has(squash(name))) {
      coverage.parishes.push(parishesByName.get(squash(name)) as string);
      found = true;
    } else if (wardsByName.has(squash(name))) {
      coverage.wards.push(wardsByName.get(squash(name)) as string);
      found = true;
    } else if (parishesByName.has(squash(name))) {
      coverage.parishes.push(parishesByName.get(squash(name)) as string);
      found = true;
    } else {
      const shown = name.length > 80 ? `${name.slice(0, 77)}…` : name;
      const extras = ['extent', 'extent_type', 'uri'].filter((field) => area[field]);
      notes.push(
        `service_areas "${shown || area.id}" is not a ward or parish here: not kept${extras.length > 0 ? ` (nor its ${extras.join(', ')})` : ''}`,
      );
    }
  }
  coverage.wards = [...new Set(coverage.wards)];
  coverage.parishes = [...new Set(coverage.parishes)];
  return { coverage: found ? coverage : null, notes };
}
