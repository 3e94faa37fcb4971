// Every route of our JSON API under /api, with the zod schemas of what it reads and answers: the one
// table the OpenAPI description is generated from. A test compares it with the routes the server
// really has, so a route added to one and not the other fails the build.
import { z } from 'zod';
import {
  loginRequestSchema,
  loginResponseSchema,
  signInSaltRequestSchema,
  signInSaltSchema,
  userSchema,
} from '../accounts/user.ts';
import { healthSchema, pullPageSchema, pullQuerySchema } from '../sync/sync.ts';
import { mutationSchema, pushRequestSchema, pushResponseSchema } from '../sync/mutation.ts';
import { appConfigSchema } from './appConfig.ts';
import {
  accountSchema,
  deviceSessionSchema,
  managedUserSchema,
  newUserSchema,
  oneTimePasswordSchema,
  passwordChangeSchema,
  userChangeSchema,
} from '../accounts/people.ts';
import { auditPageSchema, auditQuerySchema } from '../accounts/audit.ts';
import { publicDirectoryPageSchema } from '../directory/publicPartner.ts';
import { nextOffsetSchema, peoplePageQuery, publicPartnersPageQuery, sessionsPageQuery } from './paging.ts';
import { termMappingsSchema } from '../openReferral/termMapping.ts';
import {
  fetchFeedRequestSchema,
  fetchFeedResponseSchema,
  termMappingsResponseSchema,
} from '../openReferral/orukApi.ts';

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

const sessionsSchema = z.object({ sessions: z.array(deviceSessionSchema), nextOffset: nextOffsetSchema });
const managedUserAnswer = z.object({ user: managedUserSchema });

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
    summary:
      'Sign in with a username and the password, or the proof made of it with the sign-in salt; answers a bearer token',
    tag: 'auth',
    access: 'public',
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  {
    method: 'post',
    path: '/api/auth/salt',
    summary: "The salt and cost to make a sign-in proof of a username's password with (scrypt)",
    tag: 'auth',
    access: 'public',
    body: signInSaltRequestSchema,
    response: signInSaltSchema,
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
    response: pullPageSchema,
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
  {
    method: 'get',
    path: '/api/public/partners',
    summary:
      'The public directory: partners that agreed to be shown publicly, their public details only; one page by name (limit, offset), nextOffset is where the next starts',
    tag: 'public',
    access: 'public',
    query: publicPartnersPageQuery,
    response: publicDirectoryPageSchema,
  },
  {
    method: 'get',
    path: '/api/account',
    summary: 'Who is signed in on this device as the server sees them now, and the scope their copy is for',
    tag: 'account',
    access: 'signed_in',
    response: accountSchema,
  },
  {
    method: 'post',
    path: '/api/account/scope',
    summary: 'This device has narrowed its copy to the user’s current role and parish',
    tag: 'account',
    access: 'signed_in',
    response: z.object({ user: userSchema, scopeKey: z.string() }),
  },
  {
    method: 'post',
    path: '/api/account/password',
    summary: 'Change one’s own password (a one-time password must be changed at first sign-in)',
    tag: 'account',
    access: 'signed_in',
    body: passwordChangeSchema,
    response: null,
  },
  {
    method: 'get',
    path: '/api/account/sessions',
    summary:
      'One’s own signed-in devices, last seen first; one page (limit, offset), nextOffset is where the next starts',
    tag: 'account',
    access: 'signed_in',
    query: sessionsPageQuery,
    response: sessionsSchema,
  },
  {
    method: 'delete',
    path: '/api/account/sessions/{id}',
    summary: 'Sign one of one’s own devices out',
    tag: 'account',
    access: 'signed_in',
    response: null,
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary:
      'Everyone who can sign in, with role, parish and whether disabled; one page by name (limit, offset), nextOffset is where the next starts',
    tag: 'people',
    access: 'admin',
    query: peoplePageQuery,
    response: z.object({ users: z.array(managedUserSchema), nextOffset: nextOffsetSchema }),
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary: 'Add a person; answers a one-time password, shown once',
    tag: 'people',
    access: 'admin',
    body: newUserSchema,
    response: oneTimePasswordSchema,
  },
  {
    method: 'patch',
    path: '/api/admin/users/{id}',
    summary: 'Change a person’s name, role or parish (their devices are narrowed on their next request)',
    tag: 'people',
    access: 'admin',
    body: userChangeSchema,
    response: managedUserAnswer,
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/password',
    summary: 'Reset a person’s password; answers a one-time password, shown once',
    tag: 'people',
    access: 'admin',
    response: oneTimePasswordSchema,
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/disable',
    summary: 'Disable a person: their devices stop syncing at once',
    tag: 'people',
    access: 'admin',
    response: managedUserAnswer,
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/enable',
    summary: 'Let a disabled person sign in again',
    tag: 'people',
    access: 'admin',
    response: managedUserAnswer,
  },
  {
    method: 'get',
    path: '/api/admin/users/{id}/sessions',
    summary: 'A person’s signed-in devices',
    tag: 'people',
    access: 'admin',
    query: sessionsPageQuery,
    response: sessionsSchema,
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/sign-out-everywhere',
    summary: 'Sign a person out on every device (a lost phone)',
    tag: 'people',
    access: 'admin',
    response: z.object({ signedOut: z.number().int().nonnegative() }),
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The audit trail, filtered by person, record and dates (format=csv for a file)',
    tag: 'audit',
    access: 'admin',
    query: auditQuerySchema,
    response: auditPageSchema,
  },
];
