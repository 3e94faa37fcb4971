// The deprivation layer on the ward map: each LSOA shaded by its IMD decile (1, England's most deprived
// 10%, darkest), drawn under nothing interactive so a tap still chooses the ward beneath. The same facts
// are in words in the ward panel (its most deprived LSOA) and in the legend, not in colour alone.
import { useMemo } from 'react';
import { GeoJSON } from 'react-leaflet';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { localDatabase } from '../../store/localDatabase.ts';
import type { Lsoa } from '../../../domain/entities/lsoa.ts';

/** Decile 1 (most deprived) to 10, dark to light: a single-hue scale that prints and reads in greyscale. */
export const DECILE_COLOURS = [
  '#3f007d',
  '#54278f',
  '#6a51a3',
  '#807dba',
  '#9e9ac8',
  '#bcbddc',
  '#dadaeb',
  '#efedf5',
  '#f7f5fb',
  '#fcfbfd',
] as const;

export function useLsoas(): Lsoa[] | undefined {
  return useLiveQuery(() => localDatabase.tableOf('lsoa').table.toArray() as Promise<Lsoa[]>);
}

export function LsoaLayer({ lsoas }: { lsoas: readonly Lsoa[] }) {
  const collection = useMemo(
    (): FeatureCollection<Geometry, { decile: number }> => ({
      type: 'FeatureCollection',
      features: lsoas.map((lsoa): Feature<Geometry, { decile: number }> => ({
        type: 'Feature',
        properties: { decile: lsoa.imd.decile },
        geometry: lsoa.boundary,
      })),
    }),
    [lsoas],
  );
  return (
    <GeoJSON
      key={lsoas.length}
      data={collection}
      interactive={false}
      style={(feature) => ({
        fillColor: DECILE_COLOURS[(feature?.properties.decile ?? 10) - 1] ?? '#fff',
        fillOpacity: 0.6,
        color: '#505a5f',
        weight: 0.5,
      })}
    />
  );
}

/** The most deprived LSOA in a ward, in words, or null when the area came without deprivation figures. */
export function mostDeprivedWords(lsoas: readonly Lsoa[], wardCode: string): string | null {
  const inWard = lsoas.filter((lsoa) => lsoa.wardCode === wardCode);
  const worst = [...inWard].sort((a, b) => a.imd.rank - b.imd.rank)[0];
  if (!worst) return null;
  return (
    `Most deprived LSOA: ${worst.name}, decile ${worst.imd.decile} ` +
    `(rank ${worst.imd.rank.toLocaleString('en-GB')} in England; 1 is the most deprived) · ${inWard.length} LSOAs in the ward`
  );
}

export function DecileLegend() {
  return (
    <div className="decile-legend">
      <p>Deprivation (English Indices of Deprivation 2019), by LSOA decile:</p>
      <ol aria-label="Deprivation deciles, most deprived first">
        {DECILE_COLOURS.map((colour, index) => (
          <li key={colour}>
            <span className="decile-swatch" style={{ background: colour }} aria-hidden="true" />
            {index === 0
              ? '1: most deprived 10%'
              : index === 9
                ? '10: least deprived 10%'
                : String(index + 1)}
          </li>
        ))}
      </ol>
    </div>
  );
}
