// Reading what an admin hands us as an ORUK feed: a page of `GET /services` (its `contents`), one full
// service (`GET /services/{id}`), or a list of services. Anything else (a page of organizations or
// taxonomies, a service-at-location, the `GET /` details) is refused as a whole with words that say what
// the file is and what to bring instead.
import { orukPageSchema } from './orukSchemas.ts';

export type FeedRecords = { ok: true; services: unknown[] } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a non-service record looks like it is, for the message. */
function looksLike(record: Record<string, unknown>): string {
  if ('taxonomy_terms' in record || 'vocabulary' in record) return 'taxonomies';
  if ('taxonomy_id' in record || 'term_uri' in record || 'parent_id' in record) return 'taxonomy terms';
  if ('service' in record || 'location_id' in record || 'service_id' in record)
    return 'services at locations';
  if ('organization_identifiers' in record || 'website' in record || 'logo' in record) return 'organizations';
  return 'records that are not services';
}

const looksLikeService = (record: Record<string, unknown>) =>
  'status' in record || 'service_at_locations' in record || 'organization' in record;

const ASK = 'Import a page of /services, or one full service from /services/{id}.';

export function servicesInFeed(json: unknown): FeedRecords {
  if (Array.isArray(json)) {
    const first = json.find(isRecord);
    if (json.length > 0 && first && !json.some((one) => isRecord(one) && looksLikeService(one)))
      return { ok: false, error: `This file lists ${looksLike(first)}, not services. ${ASK}` };
    return { ok: true, services: json };
  }
  if (!isRecord(json)) return { ok: false, error: `This file is not an ORUK JSON object. ${ASK}` };
  const page = orukPageSchema.safeParse(json);
  if (page.success) {
    const first = page.data.contents.find(isRecord);
    if (first && !page.data.contents.some((one) => isRecord(one) && looksLikeService(one)))
      return { ok: false, error: `This page lists ${looksLike(first)}, not services. ${ASK}` };
    return { ok: true, services: page.data.contents };
  }
  if ('contents' in json) return { ok: false, error: `Its "contents" is not a list of records. ${ASK}` };
  if ('version' in json && 'openapi_url' in json)
    return { ok: false, error: `This is a feed's details (GET /), not its services. ${ASK}` };
  if ('version' in json || 'profile' in json)
    return { ok: false, error: `This looks like a feed's details (GET /), not its services. ${ASK}` };
  if (looksLikeService(json)) return { ok: true, services: [json] };
  return { ok: false, error: `This file holds ${looksLike(json)}, not a service. ${ASK}` };
}
