// The public Open Referral UK 3.0 feed of the partners that agreed to be shown publicly:
// GET /openreferral/ (the feed's details), /openreferral/services (paged, as the ORUK OpenAPI
// describes; full nested services with ?full=true) and /openreferral/services/{id}, plus
// /openreferral/download, the same services in one file. Open to all, with CORS, as the ORUK profile
// asks; nothing in it is more than the public directory shows.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { compress } from 'hono/compress';
import type { Database } from '../storage/database.ts';
import type { Partner } from '../../domain/entities/partner.ts';
import type { Parish, Ward } from '../../domain/geo/area.ts';
import { readQuery } from '../http/body.ts';
import { notFound } from '../http/errors.ts';
import { isShownPublicly } from '../../domain/directory/publicPartner.ts';
import {
  orukApiDetails,
  orukPage,
  orukServiceId,
  serviceFromPartner,
} from '../../domain/openReferral/exportServices.ts';
import type { AreaNames } from '../../domain/openReferral/serviceAreas.ts';
import { orukServicesQuerySchema } from '../../domain/openReferral/orukApi.ts';
import { orukIdKey } from '../../domain/openReferral/importPreview.ts';

/** The fields of a service that are one-to-one with it: what a /services page lists without ?full. */
const ONE_TO_ONE = [
  'id',
  'name',
  'description',
  'email',
  'status',
  'assured_date',
  'last_modified',
  'organization_id',
  'organization',
];

async function publicDirectory(db: Database): Promise<{ partners: Partner[]; areas: AreaNames }> {
  const [partners, wards, parishes] = await Promise.all([
    db.query<{ record: Partner }>('SELECT record FROM partners ORDER BY id'),
    db.query<{ record: Ward }>('SELECT record FROM wards'),
    db.query<{ record: Parish }>('SELECT record FROM parishes'),
  ]);
  return {
    partners: partners
      .map((row) => row.record)
      .filter(isShownPublicly)
      .sort((a, b) => a.name.localeCompare(b.name)),
    areas: {
      wards: new Map(wards.map((row) => [row.record.code, row.record])),
      parishes: new Map(parishes.map((row) => [row.record.code, row.record])),
    },
  };
}

const oneToOne = (service: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(service).filter(([key]) => ONE_TO_ONE.includes(key)));

/** The feed's routes with their full paths (so both /openreferral and /openreferral/ answer GET /). */
export function openReferralFeedRoutes(db: Database) {
  return (
    new Hono()
      .use('/openreferral/*', cors({ origin: '*', allowMethods: ['GET'] }), compress())
      .use('/openreferral', cors({ origin: '*', allowMethods: ['GET'] }))
      .get('/openreferral', (c) => c.json(orukApiDetails()))
      .get('/openreferral/', (c) => c.json(orukApiDetails()))
      .get('/openreferral/services', async (c) => {
        const query = readQuery(c, orukServicesQuerySchema);
        const { partners, areas } = await publicDirectory(db);
        const search = query.search?.toLowerCase();
        const after = query.modified_after ? Date.parse(query.modified_after) : null;
        const found = partners.filter(
          (partner) =>
            (!search || partner.name.toLowerCase().includes(search)) &&
            (after === null || Date.parse(partner.updatedAt) > after),
        );
        const services = found
          .map((partner) => serviceFromPartner(partner, areas))
          .filter(
            (service) =>
              !query.taxonomy_term_id ||
              (service.attributes as { taxonomy_term_id: string }[]).some(
                (attribute) => attribute.taxonomy_term_id === query.taxonomy_term_id,
              ),
          );
        const page = orukPage(services, query.page, query.per_page);
        return c.json(query.full === 'true' ? page : { ...page, contents: page.contents.map(oneToOne) });
      })
      .get('/openreferral/services/:id', async (c) => {
        const id = c.req.param('id');
        const { partners, areas } = await publicDirectory(db);
        // A UUID is one id in either case (a feed may have given it us in capitals).
        const partner = partners.find((one) => orukIdKey(orukServiceId(one)) === orukIdKey(id));
        if (!partner) throw notFound(`There is no public service ${id}.`);
        return c.json(serviceFromPartner(partner, areas));
      })
      .get('/openreferral/download', async (c) => {
        const { partners, areas } = await publicDirectory(db);
        const services = partners.map((partner) => serviceFromPartner(partner, areas));
        const today = new Date().toISOString().slice(0, 10);
        c.header('Content-Disposition', `attachment; filename="openreferral-services-${today}.json"`);
        return c.json(orukPage(services, 1, Math.max(1, services.length)));
      })
      // Anything else under the feed is not a page of the app: a feed reader gets a JSON 404, not HTML.
      .all('/openreferral/*', (c) => {
        throw notFound(`There is no Open Referral route at ${c.req.method} ${c.req.path}.`);
      })
  );
}
