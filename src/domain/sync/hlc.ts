// A hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds plus a counter plus the
// device that made it. Stamps only move forward on a device, even when its wall clock steps back, and
// every stamp is unique, so "later stamp wins" is a total order all devices agree on.
// The string form sorts the same as the clock: "000001763856000000-00000-<node>".
export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

export const HLC_PATTERN = /^\d{15}-\d{5}-[A-Za-z0-9_-]{1,64}$/;

export class ClockError extends Error {
  override name = 'ClockError';
}

export function formatHlc(clock: Hlc): string {
  return `${String(clock.ms).padStart(15, '0')}-${String(clock.counter).padStart(5, '0')}-${clock.node}`;
}

export function parseHlc(text: string): Hlc {
  if (!HLC_PATTERN.test(text)) throw new ClockError(`not a clock stamp: ${text}`);
  const [ms, counter, ...node] = text.split('-');
  return { ms: Number(ms), counter: Number(counter), node: node.join('-') };
}

const MAX_COUNTER = 99_999;

/**
 * How far ahead of the server's time a stamp may be. Beyond this a device's clock is wrong: the server
 * refuses its changes (or they would win every conflict for days), and the device starts its clock
 * afresh once its time is corrected.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The stamp for a change made on this device now. */
export function tick(last: Hlc | null, now: number, node: string): Hlc {
  // A clock left far ahead by a wrong device time would keep every later change refused.
  if (!last || now > last.ms || last.ms > now + MAX_CLOCK_AHEAD_MS) return { ms: now, counter: 0, node };
  if (last.counter >= MAX_COUNTER) return { ms: last.ms + 1, counter: 0, node };
  return { ms: last.ms, counter: last.counter + 1, node };
}

/** Moves this device's clock past a stamp seen from elsewhere, so its next change sorts after it. */
export function receive(last: Hlc | null, remote: Hlc, now: number, node: string): Hlc {
  const ms = Math.max(now, remote.ms, last?.ms ?? 0);
  let counter = 0;
  if (ms === remote.ms && ms === last?.ms) counter = Math.max(remote.counter, last.counter) + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  else if (ms === last?.ms) counter = last.counter + 1;
  if (counter > MAX_COUNTER) return { ms: ms + 1, counter: 0, node };
  return { ms, counter, node };
}
