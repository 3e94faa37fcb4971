// The server calls the Open Referral import needs (online only): the admins' term mappings and a feed
// fetched from a URL. Everything else about the import happens on this device.
import { apiFetch } from '../../api.ts';
import { localDatabase, readMeta, type StoredSession } from '../../store/localDatabase.ts';
import type { TermMapping } from '../../../domain/openReferral/termMapping.ts';
import {
  fetchFeedResponseSchema,
  termMappingsResponseSchema,
  type FetchFeedResponse,
} from '../../../domain/openReferral/orukApi.ts';

async function token(): Promise<string | undefined> {
  return (await readMeta<StoredSession>(localDatabase, 'session'))?.token;
}

export async function loadTermMappings(): Promise<TermMapping[]> {
  const answer = await apiFetch('/api/openreferral/term-mappings', { token: await token() });
  return termMappingsResponseSchema.parse(answer).mappings;
}

export async function saveTermMappings(mappings: readonly TermMapping[]): Promise<TermMapping[]> {
  const answer = await apiFetch('/api/openreferral/term-mappings', {
    method: 'PUT',
    token: await token(),
    body: JSON.stringify({ mappings }),
  });
  return termMappingsResponseSchema.parse(answer).mappings;
}

export async function fetchFeedFromUrl(url: string): Promise<FetchFeedResponse> {
  const answer = await apiFetch('/api/openreferral/fetch', {
    method: 'POST',
    token: await token(),
    body: JSON.stringify({ url }),
  });
  return fetchFeedResponseSchema.parse(answer);
}
