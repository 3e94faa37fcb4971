// The OpenAPI 3.1 description of our /api, generated from the route table (apiRoutes.ts) and the
// same zod schemas the server validates with (zod's JSON Schema output is 2020-12, which OpenAPI 3.1
// uses), so the description cannot drift from what the server accepts.
import { z } from 'zod';
import { apiErrorSchema } from './apiError.ts';
import { API_ROUTES, type ApiRoute } from './apiRoutes.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});

const ERRORS_BY_ACCESS: Record<ApiRoute['access'], Record<string, unknown>> = {
  public: {},
  signed_in: { '401': errorResponse('Not signed in, or the sign-in has expired') },
  admin: {
    '401': errorResponse('Not signed in, or the sign-in has expired'),
    '403': errorResponse('Signed in, but not as an administrator'),
  },
};

function operation(route: ApiRoute) {
  const parameters = route.query
    ? Object.entries(route.query.shape).map(([name, field]) => {
        const schema = jsonSchema(field as z.ZodType, 'input');
        return {
          name,
          in: 'query',
          required: !(field as z.ZodType).safeParse(undefined).success,
          schema,
          ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        };
      })
    : [];
  const success =
    route.response === null
      ? { '204': { description: 'Done; no content' } }
      : {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
          },
        };
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method}${route.path
      .replace(/^\/api/, '')
      .replace(/[^A-Za-z0-9]+(.)?/g, (_, letter: string | undefined) => (letter ?? '').toUpperCase())}`,
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      ...success,
      ...(route.query || route.body
        ? { '400': errorResponse('Bad input; `fields` names each bad field') }
        : {}),
      ...ERRORS_BY_ACCESS[route.access],
      // Any route that reads the database: `database_unavailable` (out of reach; Retry-After) or `busy` (records
      // another push holds), with Retry-After; nothing was stored, so the same request may be sent again.
      '503': errorResponse('The database is out of reach or busy just now; nothing was stored, try again'),
    },
  };
}

export function openApiDocument(version: string, routes: readonly ApiRoute[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Resilience Hub API',
      version,
      description:
        'The JSON API of Resilience Hub: sign-in, offline-first sync of the directory and requests, and ' +
        'Open Referral UK import for administrators. Generated from the zod schemas the server validates with. ' +
        'The public Open Referral UK feed (/openreferral/) follows the ORUK 3.0 OpenAPI instead.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiError: jsonSchema(apiErrorSchema, 'output') },
    },
  };
}
