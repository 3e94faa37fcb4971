// What an ORUK import would do, before anything is written, in the shape of the CSV import's preview:
// new partners, updates to partners already here (matched by ORUK id, or by our id for a feed we
// published), partners already up to date, services refused with their reasons, and repeats of an
// earlier service in the same feed. Every service lands in exactly one of these lists.
import { plainMessage } from '../api/apiError.ts';
import { cleanLine } from '../entities/text.ts';
import type { z } from 'zod';
import type { Partner } from '../entities/partner.ts';
import { sameValue } from '../sync/merge.ts';
import { mapService, type MapContext } from './mapService.ts';
import { orukServiceSchema } from './orukSchemas.ts';

export interface OrukPreviewRow {
  /** 1-based position of the service in the feed. */
  index: number;
  orukId: string;
  record: Partner;
  /** What was not kept, and why. */
  notes: string[];
}

export interface OrukRefusal {
  index: number;
  orukId: string | null;
  name: string;
  reasons: string[];
  /** The only thing missing is a phone number: the admin can type one in. */
  needsPhone: boolean;
  unmappedTerms: string[];
}

export interface OrukImportPreview {
  creates: OrukPreviewRow[];
  updates: (OrukPreviewRow & { before: Partner; changedFields: string[] })[];
  unchanged: OrukPreviewRow[];
  refused: OrukRefusal[];
  duplicates: { index: number; orukId: string; name: string; firstIndex: number }[];
  /** Taxonomy terms met that mean none of our needs: the admin may map them. */
  unmappedTerms: string[];
  /**
   * Partners an earlier import brought (they have an ORUK id), not closed, that this feed does not
   * list: when the feed is complete, the service may have gone. Named only; nothing is changed, as a
   * file may hold part of a feed. Empty when the feed holds a single service.
   */
  notInFeed: { id: string; name: string; orukId: string }[];
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'the record';
    const message = plainMessage(issue);
    return message === 'is missing' ? `${field} is missing` : `${field}: ${message}`;
  });
}

/**
 * Feed text as the preview shows it: a feed's values are quoted in names, notes and reasons, and a
 * right-to-left override or a control character in one (U+202E in a phone "number") turned the rest of
 * the line round or into noise. Cleaned as every stored name is (entities/text.ts).
 */
const shown = (text: string) => cleanLine(text);

const nameOf = (raw: unknown) => {
  const name = (raw as { name?: unknown } | null)?.name;
  const cleaned = typeof name === 'string' ? shown(name) : '';
  return cleaned !== '' ? cleaned : '(no name)';
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How a service's id is matched: a UUID (as ORUK 3.0 ids are) in lower case, since "ABC…" and "abc…"
 * are one UUID. Feeds written by .NET often send capitals, and a feed that changed case between two
 * imports, or repeated a service in the other case, made a second partner. Other ids as written.
 */
export const orukIdKey = (id: string): string => (UUID.test(id) ? id.toLowerCase() : id);

export function previewOrukImport(
  services: readonly unknown[],
  partners: readonly Partner[],
  context: MapContext,
): OrukImportPreview {
  const preview: OrukImportPreview = {
    creates: [],
    updates: [],
    unchanged: [],
    refused: [],
    duplicates: [],
    unmappedTerms: [],
    notInFeed: [],
  };
  const byOrukId = new Map(
    partners.flatMap((partner) => (partner.orukId ? [[orukIdKey(partner.orukId), partner]] : [])),
  );
  const byId = new Map(partners.map((partner) => [partner.id, partner]));
  const seen = new Map<string, number>();
  const terms = new Set<string>();
  services.forEach((raw, position) => {
    const index = position + 1;
    const parsed = orukServiceSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      preview.refused.push({
        index,
        orukId: typeof id === 'string' ? id : null,
        name: nameOf(raw),
        reasons:
          typeof raw === 'object' && raw !== null
            ? describeIssues(parsed.error).map(shown)
            : ['it is not an ORUK record'],
        needsPhone: false,
        unmappedTerms: [],
      });
      return;
    }
    const service = parsed.data;
    const key = orukIdKey(service.id);
    const firstIndex = seen.get(key);
    if (firstIndex !== undefined) {
      preview.duplicates.push({ index, orukId: service.id, name: shown(service.name), firstIndex });
      return;
    }
    seen.set(key, index);
    const existing = byOrukId.get(key) ?? byId.get(key);
    const mapped = mapService(service, existing, context);
    if (!mapped.ok) {
      mapped.unmappedTerms.forEach((term) => terms.add(term));
      preview.refused.push({
        index,
        orukId: service.id,
        name: shown(service.name),
        ...mapped,
        reasons: mapped.reasons.map(shown),
      });
      return;
    }
    const row = { index, orukId: service.id, record: mapped.partner, notes: mapped.notes.map(shown) };
    for (const note of mapped.notes) {
      const term = /^taxonomy term "(.*)" means none/.exec(note)?.[1];
      if (term) terms.add(term);
    }
    if (!existing) {
      preview.creates.push(row);
      return;
    }
    const changedFields = Object.keys(mapped.partner).filter(
      (field) =>
        field !== 'updatedAt' &&
        !sameValue(existing[field as keyof Partner], mapped.partner[field as keyof Partner]),
    );
    if (changedFields.length === 0) preview.unchanged.push({ ...row, record: existing });
    else preview.updates.push({ ...row, before: existing, changedFields });
  });
  preview.unmappedTerms = [...terms].sort();
  // Every id the feed names, readable as a service or not: a service refused is still in the feed.
  const named = new Set(
    services.flatMap((raw) => {
      const id = (raw as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [orukIdKey(id.trim())] : [];
    }),
  );
  if (services.length > 1)
    preview.notInFeed = partners
      .filter(
        (partner) =>
          partner.orukId !== undefined &&
          partner.status !== 'closed' &&
          !named.has(orukIdKey(partner.orukId)) &&
          !named.has(partner.id),
      )
      .map((partner) => ({ id: partner.id, name: partner.name, orukId: partner.orukId ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return preview;
}

/** The partners the admin may choose to save: new ones and updates. */
export const orukGoodRecords = (preview: OrukImportPreview): Partner[] => [
  ...preview.creates.map((row) => row.record),
  ...preview.updates.map((row) => row.record),
];
