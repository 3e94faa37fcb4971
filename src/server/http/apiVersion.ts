// Every API answer says which versions it speaks (X-Api-Version, X-Min-Api-Version, X-App-Version);
// a request from an app too old for this server, or newer than it, is refused before it is read, so
// neither side ever stores what it half understood. Requests without the header (curl, scripts) pass;
// a header that names no version is refused.
import type { MiddlewareHandler } from 'hono';
import {
  API_VERSION,
  API_VERSION_HEADER,
  APP_VERSION_HEADER,
  COMPATIBILITY_MESSAGES,
  MIN_API_VERSION_HEADER,
  MIN_CLIENT_API_VERSION,
  compatibility,
  parseApiVersion,
} from '../../domain/api/apiVersion.ts';
import { badRequest, HttpError } from './errors.ts';

export function apiVersionCheck(
  appVersion: string,
  versions: { api: number; minClient: number } = { api: API_VERSION, minClient: MIN_CLIENT_API_VERSION },
): MiddlewareHandler {
  return async (c, next) => {
    c.header(API_VERSION_HEADER, String(versions.api));
    c.header(MIN_API_VERSION_HEADER, String(versions.minClient));
    c.header(APP_VERSION_HEADER, appVersion);
    const sent = c.req.header(API_VERSION_HEADER);
    const client = parseApiVersion(sent);
    // A version that is no whole number ("abc", "2.5", "1, 2") used to pass as if none were sent, so a
    // broken client was served whatever it understood of the answer.
    if (client === null && sent !== undefined)
      throw badRequest(
        'invalid',
        `Please check the ${API_VERSION_HEADER} header: it must be a whole number.`,
        {
          [API_VERSION_HEADER]: 'must be a whole number',
        },
      );
    if (client !== null) {
      const verdict = compatibility(client, versions.api, versions.minClient);
      if (verdict === 'client_too_old') throw new HttpError(426, verdict, COMPATIBILITY_MESSAGES[verdict]);
      if (verdict === 'server_too_old') throw new HttpError(409, verdict, COMPATIBILITY_MESSAGES[verdict]);
    }
    await next();
  };
}
