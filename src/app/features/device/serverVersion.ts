// What the app has learnt about the server's version from its answers: the app's API client reports
// every answer here, and the banner says "please reload" (this app is too old) or that the server is
// older than the app, in plain words. Also remembers the server's app version for the This device page.
import {
  API_VERSION,
  API_VERSION_HEADER,
  APP_VERSION_HEADER,
  MIN_API_VERSION_HEADER,
  compatibility,
  parseApiVersion,
  type Compatibility,
} from '../../../domain/api/apiVersion.ts';

export interface ServerVersion {
  compatibility: Compatibility;
  /** The server's app version, as it last said; null before any answer. */
  appVersion: string | null;
}

let current: ServerVersion = { compatibility: 'ok', appVersion: null };
const listeners = new Set<() => void>();

export function subscribeServerVersion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const readServerVersion = (): ServerVersion => current;

function update(next: ServerVersion) {
  if (next.compatibility === current.compatibility && next.appVersion === current.appVersion) return;
  current = next;
  listeners.forEach((listener) => listener());
}

/** Reads the version headers of an API answer (answers without them, e.g. from a proxy, say nothing). */
export function noteServerAnswer(headers: Headers): void {
  const server = parseApiVersion(headers.get(API_VERSION_HEADER));
  if (server === null) return;
  const serverMin = parseApiVersion(headers.get(MIN_API_VERSION_HEADER)) ?? server;
  update({
    compatibility: compatibility(API_VERSION, server, serverMin),
    appVersion: headers.get(APP_VERSION_HEADER),
  });
}
