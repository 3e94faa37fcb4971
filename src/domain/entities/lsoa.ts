// An LSOA (Lower Layer Super Output Area, about 1,500 people) with its Indices of Deprivation figures:
// the small areas the map shades by deprivation decile. Loaded with the area by the boundary importer
// (never edited on a device), read by everyone; the ward it mostly lies in is kept so a ward's panel can
// name its most deprived LSOA.
import { z } from 'zod';
import { lineText } from './text.ts';
import { areaCodeSchema } from '../geo/area.ts';
import { boundarySchema } from '../geo/geometry.ts';

export const lsoaSchema = z.object({
  code: areaCodeSchema,
  name: lineText().min(1, 'name is required').max(120),
  boundary: boundarySchema,
  /** The ward holding most of it; null when it lies outside every ward loaded. */
  wardCode: areaCodeSchema.nullable(),
  imd: z.object({
    /** 1 = the most deprived of England's LSOAs. */
    rank: z.number().int().min(1),
    /** 1 = England's most deprived 10%. */
    decile: z.number().int().min(1).max(10),
    score: z.number().nullable(),
  }),
});
export type Lsoa = z.infer<typeof lsoaSchema>;
