// Messages of our own API about Open Referral UK: the admins' taxonomy term mappings, and fetching a
// feed from a URL through the server (which a browser could not do: feeds rarely send CORS headers).
import { z } from 'zod';
import { wholeNumberParam } from '../api/paging.ts';
import { termMappingSchema } from './termMapping.ts';

export const termMappingsResponseSchema = z.object({ mappings: z.array(termMappingSchema) });
export type TermMappingsResponse = z.infer<typeof termMappingsResponseSchema>;

export const fetchFeedRequestSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })
    .max(2000, 'url is at most 2000 characters'),
});
export type FetchFeedRequest = z.infer<typeof fetchFeedRequestSchema>;

export const fetchFeedResponseSchema = z.object({
  url: z.string(),
  /** How many pages were read (a /services feed is followed page by page, within limits). */
  pages: z.number().int(),
  /** The services read, as the feed sent them: the app previews them like a file. */
  services: z.array(z.unknown()),
  /** Set when the feed had more pages than were read (the limit, or a page repeating). */
  truncated: z.boolean(),
  /** The page that brought only services already read (the feed repeats itself), where reading stopped. */
  repeatedPage: z.number().int().nullable(),
});
export type FetchFeedResponse = z.infer<typeof fetchFeedResponseSchema>;

/** Query of GET /openreferral/services, as the ORUK OpenAPI names it. */
export const orukServicesQuerySchema = z.object({
  page: wholeNumberParam(1, 1_000_000_000).default(1),
  per_page: wholeNumberParam(1, 1000).default(50),
  full: z.enum(['true', 'false']).optional(),
  search: z.string().max(200).optional(),
  /** Only services changed after this moment (for feeds that follow ours). */
  modified_after: z.iso
    .datetime({ offset: true, local: true, message: 'modified_after must be a date and time' })
    .optional(),
  /** Only services classified with this taxonomy term. */
  taxonomy_term_id: z.string().max(200).optional(),
});
