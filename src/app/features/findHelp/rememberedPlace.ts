// The ward or parish Find help asked about last, kept on this device, so the next question starts
// where the last one was. A location ("use my location") is not kept: the phone moves.
import type { Place } from '../../../domain/entities/place.ts';

const KEY = 'resilience-hub.find-help.place';

export function rememberedPlace(): Place | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { kind, code } = stored as { kind?: unknown; code?: unknown };
    if ((kind === 'ward' || kind === 'parish') && typeof code === 'string') return { kind, code };
    return null;
  } catch {
    return null;
  }
}

export function rememberPlace(place: Place | null): void {
  try {
    if (place && place.kind !== 'point') localStorage.setItem(KEY, JSON.stringify(place));
  } catch {
    // Private browsing or a full disk: remembering is a convenience, never a reason to fail.
  }
}
