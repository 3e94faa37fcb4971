// Every route of our JSON API under /api, with the zod schemas of what it reads and answers: the one
// table the OpenAPI description is generated from. A test compares it with the routes the server
// really has, so a route added to one and not the other fails the build.
import { z } from 'zod';
import { loginRequestSchema, loginResponseSchema, userSchema } from './user.ts';
import { healthSchema, pullQuerySchema, pullResponseSchema } from './sync.ts';
import { mutationSchema, pushRequestSchema, pushResponseSchema } from './mutation.ts';
import { appConfigSchema } from './appConfig.ts';
import { termMappingsSchema } from './openReferral/termMapping.ts';
import {
  fetchFeedRequestSchema,
  fetchFeedResponseSchema,
  termMappingsResponseSchema,
} from './openReferral/orukApi.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiRoute {
  method: HttpMethod;
  /** The path as OpenAPI writes it ({id} for a parameter), from the server's root. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it: anyone, any signed-in user, or administrators. */
  access: 'public' | 'signed_in' | 'admin';
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 2xx answer's body; null for 204 No Content. */
  response: z.ZodType | null;
}

/** The OpenAPI document itself, described loosely: it is JSON about JSON. */
const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({}) });

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Whether the server is up, which database it uses, and its version',
    tag: 'server',
    access: 'public',
    response: healthSchema,
  },
  {
    method: 'get',
    path: '/api/config',
    summary: 'Settings of this installation the app needs before sign-in (the base-map tiles)',
    tag: 'server',
    access: 'public',
    response: appConfigSchema,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This description of the API',
    tag: 'server',
    access: 'public',
    response: openApiDocumentSchema,
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with a username and password; answers a bearer token',
    tag: 'auth',
    access: 'public',
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user',
    tag: 'auth',
    access: 'signed_in',
    response: z.object({ user: userSchema }),
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End this sign-in',
    tag: 'auth',
    access: 'signed_in',
    response: null,
  },
  {
    method: 'get',
    path: '/api/sync/pull',
    summary: 'Changes since a cursor, in commit order, scoped to what the user may see',
    tag: 'sync',
    access: 'signed_in',
    query: pullQuerySchema,
    response: pullResponseSchema,
  },
  {
    method: 'post',
    path: '/api/sync/push',
    summary: 'Apply a batch of changes made on a device, each once (by its id), field by field',
    tag: 'sync',
    access: 'signed_in',
    // Each mutation is checked on its own, so one bad change never stops the good ones: the body
    // names them as unknown, and this is the shape each must have.
    body: pushRequestSchema.extend({ mutations: z.array(mutationSchema) }),
    response: pushResponseSchema,
  },
  {
    method: 'get',
    path: '/api/openreferral/term-mappings',
    summary: 'The admins’ mappings of Open Referral UK taxonomy terms to our needs',
    tag: 'openreferral',
    access: 'admin',
    response: termMappingsResponseSchema,
  },
  {
    method: 'put',
    path: '/api/openreferral/term-mappings',
    summary: 'Replace the taxonomy term mappings',
    tag: 'openreferral',
    access: 'admin',
    body: termMappingsSchema,
    response: termMappingsResponseSchema,
  },
  {
    method: 'post',
    path: '/api/openreferral/fetch',
    summary: 'Fetch an Open Referral UK feed from a URL (within size, time and page limits) to preview',
    tag: 'openreferral',
    access: 'admin',
    body: fetchFeedRequestSchema,
    response: fetchFeedResponseSchema,
  },
];
