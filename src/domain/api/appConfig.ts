// What the server tells the app about this installation (GET /api/config, no sign-in needed): for now
// the optional base-map tile server and the idle lock's time. The app keeps the last answer on the device, so the map works offline.
import { z } from 'zod';

export const appConfigSchema = z.object({
  /** A Leaflet tile URL template ({z}/{x}/{y}), or null for boundaries on a plain background. */
  tileUrl: z.string().nullable(),
  /** Who the tiles come from, shown in the map's attribution; null when not configured. */
  tileAttribution: z.string().nullable(),
  /** Minutes without use before the app locks and asks for the password again (IDLE_LOCK_MINUTES). */
  idleLockMinutes: z.number().positive().default(15),
});
export type AppConfig = z.infer<typeof appConfigSchema>;
