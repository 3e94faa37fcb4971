// Which app may talk to which server. The API has a whole-number version, raised when a change would
// make an older app or server misread the other (a field renamed, a meaning changed; adding an optional
// field is not one). Every API answer carries the server's version and the oldest app version it still
// serves; every request carries the app's. A mismatch is refused in plain words, never half-understood.

/** This code's API version (the app's when built into the app, the server's on the server). */
export const API_VERSION = 3;
/**
 * The oldest app API version this server still serves.
 * 2: a pull's clock stamps name the stamp of a record's id, which the fields made with it share, once,
 * as "*" (domain/sync/pulledStamps.ts), which an app of version 1 would misread.
 * 3: a pull from a cursor past the server's log (its database restored from a backup) is answered
 * 409 sync_restart, and the app must drop its synced records and pull afresh (syncer.ts). An app of
 * version 2 shows the answer's "it will download everything again" and does not: it keeps, as if
 * current, records the restored server no longer has, and every later pull is refused the same way,
 * so nothing new ever reaches it. Told to reload instead, it comes back as an app that starts again.
 */
export const MIN_CLIENT_API_VERSION = 3;

export const API_VERSION_HEADER = 'X-Api-Version';
export const MIN_API_VERSION_HEADER = 'X-Min-Api-Version';
export const APP_VERSION_HEADER = 'X-App-Version';

export type Compatibility = 'ok' | 'client_too_old' | 'server_too_old';

/** Reads a version header: a whole number, or null when missing or not one. */
export function parseApiVersion(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^\d{1,6}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Whether an app speaking `client` may use a server speaking `server` that serves apps from `serverMin`. */
export function compatibility(client: number, server: number, serverMin: number): Compatibility {
  if (client < serverMin) return 'client_too_old';
  if (client > server) return 'server_too_old';
  return 'ok';
}

export const COMPATIBILITY_MESSAGES: Record<Exclude<Compatibility, 'ok'>, string> = {
  client_too_old:
    'This copy of Resilience Hub is older than the server accepts. Please reload to get the new version; your work on this device is kept.',
  server_too_old:
    'The server runs an older version of Resilience Hub than this app. Your work is kept on this device and will be sent once the server is updated; tell your administrator.',
};
