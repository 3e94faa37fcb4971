// A fetch for one bar of signal: it gives up when the line goes quiet, not after a fixed time. A first
// pull's page of 2,000 records is a couple of hundred kilobytes gzipped, which a GPRS link (about
// 5 KB/s) takes some 40 s to bring: with a fixed 30 s limit that page failed every time it was tried,
// and a phone on such a link never finished its first sync. So the wait is bounded by silence
// instead: nothing heard for `silenceMs`, first the answer's head, then each part of its body. What is
// sent cannot be watched with fetch, so the wait for the head also allows for the request's size at a
// slow uplink's pace (a push of 200 changes is some 70 kB).

export interface SlowLinkLimits {
  /** The longest time with nothing heard from the server. */
  silenceMs: number;
  /** The slowest upload allowed for, in bytes a second: added to the wait for the answer's head. */
  uploadBytesPerSecond: number;
}

export const SLOW_LINK: SlowLinkLimits = { silenceMs: 30_000, uploadBytesPerSecond: 1_000 };

export interface HeardAnswer {
  response: Response;
  /** The body as text, read as it arrives; rejects when the line goes quiet for too long. */
  text(): Promise<string>;
}

/** Fetches `input`; resolves once the answer's head has arrived (its body is read with `text`). */
export async function slowLinkFetch(
  input: string,
  init: RequestInit,
  limits: SlowLinkLimits = SLOW_LINK,
): Promise<HeardAnswer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitUpTo = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(
      () => controller.abort(new DOMException('Nothing was heard from the server.', 'TimeoutError')),
      ms,
    );
  };
  const sending = typeof init.body === 'string' ? init.body.length : 0;
  waitUpTo(limits.silenceMs + (sending / limits.uploadBytesPerSecond) * 1000);
  let response: Response;
  try {
    response = await fetch(input, { ...init, signal: controller.signal });
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
  waitUpTo(limits.silenceMs);
  return {
    response,
    async text() {
      try {
        return await readHearing(response, () => waitUpTo(limits.silenceMs));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Reads a body part by part, calling `heard` as each arrives. */
async function readHearing(response: Response, heard: () => void): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    heard();
    text += decoder.decode(value, { stream: true });
  }
}
