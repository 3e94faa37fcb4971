// First pulls' pages kept in memory, gzipped, for the next device that asks for the same page. Devices
// joining together (a shift starting, phones handed out in an incident, a new version rolled out)
// all ask for the same first pages, and building one page of 2,000 records costs PostgreSQL and
// this process about 70 ms each, and gzip as much again. A kept page costs one count of its rows.
//
// Safe because a page between two cursors can only lose rows, never gain them (pullPageSql.ts,
// pageRowsSql): any change to one of its records moves that record's row to the end of the log. So a
// kept page is sent only when the log still holds as many rows between its cursors as it was read
// from; otherwise it is read afresh. (Even a page sent stale would lose nothing, since a changed
// record's row comes again later in the log, but the phone would show the old values until then.)
//
// Full pages are kept, and the last page of a first pull: one from the start, or from the end of a kept
// full page. A parish coordinator's whole copy is often one page, read afresh for every phone until
// the last page was kept too. A kept last page says afresh, each time it is sent, whether there is more
// now and whether pulls are held back; a device told there is more asks for it from the page's end.
// Other last pages (a device's pull of what changed since its own cursor) are not kept: no other device
// asks for them. Nothing is kept longer than an hour.
//
// The gzip is put together from parts (http/gzipParts.ts): the changes, deflated once and kept, then
// the rest of the page (cursor, total), deflated on each request. It is one ordinary gzip stream.
//
// One of the two things a server process keeps (the other: change texts, changeTexts.ts), and nothing
// depends on either: another process behind the same load balancer reads the page itself, and a
// restart starts empty.
import type { Database } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { pageRowsStatement } from './pullPageSql.ts';
import type { ChangeTexts } from './changeTexts.ts';
import { pageTail, readerOf, readPullPage, START_CURSOR, visibleTotal } from './pull.ts';
import { deflatePart, joinGzip } from '../http/gzipParts.ts';

const KEEP_MS = 60 * 60 * 1000;
/**
 * How long a reader's total of everything they may see (a first page's progress bar end) is reused
 * for kept first pages: on a log under EXACT_TOTAL_BELOW rows it is counted, reading the whole log
 * (up to about 19 ms; pull.ts), for a figure that need only be near.
 */
const TOTAL_KEEP_MS = 30 * 1000;
/** What a kept page costs beyond its bytes (its key, its record, the map's entry), counted against the
 * cache's size so that many tiny pages (a client asking for pages of one) cannot outgrow it. */
const PAGE_OVERHEAD_BYTES = 1024;

interface KeptPage {
  /** The cursor after the page. */
  last: string;
  /** A full page (there was more after it), or the last page of a first pull. */
  full: boolean;
  /** Whose page it is: '*' for staff, or the reader's scopes. */
  reader: string;
  rows: number;
  /** The changes, deflated, ending in a sync flush. */
  deflated: Buffer;
  /** CRC-32 and length of the changes' text, for the gzip trailer. */
  crc: number;
  bytes: number;
  keptAt: number;
}

/** A page the cache keeps, gzipped; or any other page as text, to be sent as any answer is. */
export type CachedPullPage =
  { gzipped: Buffer; cursor: string; hasMore: boolean } | { body: string; cursor: string; hasMore: boolean };

const costOf = (page: KeptPage) => page.deflated.length + PAGE_OVERHEAD_BYTES;

/** Where a kept page ends, for its reader. */
const chainEndOf = (page: Pick<KeptPage, 'reader' | 'last'>) => `${page.reader}|${page.last}`;

export class PullPageCache {
  /** In the order last used: the first is the next to go when the cache is full. */
  private readonly pages = new Map<string, KeptPage>();
  /** `reader|cursor` where a kept full page ends (and how many end there): a first pull goes on from it. */
  private readonly chainEnds = new Map<string, number>();
  /** Each reader's count of everything they may see, and when it was counted. */
  private readonly totals = new Map<string, { n: number; at: number }>();
  /** Pages being read, by key, settled (either way) when the read is done. */
  private readonly reading = new Map<string, Promise<void>>();
  private bytes = 0;
  /** Pages sent from the cache, and pages read and kept, since the process started. */
  readonly served = { kept: 0, read: 0 };

  /** How many pages are kept, and what they count against the cache's size. */
  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  constructor(
    private readonly db: Database,
    private readonly maxBytes: number,
    /** The change texts pages read afresh use and add to (changeTexts.ts). */
    private readonly texts: ChangeTexts | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  /** A kept page when it still holds; otherwise the page read, and kept if full or a first pull's last. */
  async page(user: User, since: string | undefined, limit: number): Promise<CachedPullPage> {
    const { staff, scopes, scopeParams } = readerOf(user);
    const from = since ?? START_CURSOR;
    const reader = staff ? '*' : JSON.stringify(scopes);
    const key = `${reader}|${from}|${limit}`;
    // Phones joining at the same moment ask for the same page together: one reads it, the others wait
    // and take it from the cache (or, if it was not kept, read it themselves).
    const reading = this.reading.get(key);
    if (reading) await reading;
    const kept = this.pages.get(key);
    const holds = kept && (await this.stillHolds(kept, staff, scopeParams, from));
    if (kept && holds) {
      this.pages.delete(key);
      this.pages.set(key, kept);
      this.served.kept += 1;
      const total = await this.totalFor(user, reader, since);
      const hasMore = kept.full || holds.more;
      const tail = pageTail({ cursor: kept.last, hasMore, total, heldBack: !hasMore && holds.heldBack });
      return { gzipped: joinGzip([kept], tail), cursor: kept.last, hasMore };
    }
    if (kept) this.forget(key, kept);

    const read = this.readAndKeep(user, since, limit, { key, reader, from });
    const settled = read.then(
      () => undefined,
      () => undefined,
    );
    this.reading.set(key, settled);
    try {
      return await read;
    } finally {
      if (this.reading.get(key) === settled) this.reading.delete(key);
    }
  }

  /** Whether a pull after `since` goes on with a first pull this cache kept the pages of. */
  continuesFirstPull(user: User, since: string): boolean {
    const { staff, scopes } = readerOf(user);
    return this.chainEnds.has(chainEndOf({ reader: staff ? '*' : JSON.stringify(scopes), last: since }));
  }

  /** A first page's progress bar end (0 on later pages), counted at most every TOTAL_KEEP_MS a reader. */
  private async totalFor(user: User, reader: string, since: string | undefined): Promise<number> {
    if (since !== undefined) return 0;
    const known = this.totals.get(reader);
    if (known && this.now() - known.at < TOTAL_KEEP_MS) return known.n;
    const n = await visibleTotal(this.db, user, since);
    this.totals.set(reader, { n, at: this.now() });
    return n;
  }

  /** The page read afresh, and kept if it is full or the last of a first pull. */
  private async readAndKeep(
    user: User,
    since: string | undefined,
    limit: number,
    { key, reader, from }: { key: string; reader: string; from: string },
  ): Promise<CachedPullPage> {
    const page = await readPullPage(this.db, user, since, limit, this.texts);
    if (since === undefined) this.totals.set(reader, { n: page.total, at: this.now() });
    const firstPullsLast =
      !page.hasMore &&
      page.rows > 0 &&
      (from === START_CURSOR || this.chainEnds.has(chainEndOf({ reader, last: from })));
    if (!page.hasMore && !firstPullsLast)
      return { body: page.head + page.tail, cursor: page.cursor, hasMore: false };
    this.served.read += 1;
    const part = await deflatePart(page.head);
    const full = page.hasMore;
    this.keep(key, { ...part, last: page.cursor, full, reader, rows: page.rows, keptAt: this.now() });
    return { gzipped: joinGzip([part], page.tail), cursor: page.cursor, hasMore: full };
  }

  /** Whether a kept page still holds; if so, whether its reader has more after it and pulls are held back. */
  private async stillHolds(
    kept: KeptPage,
    staff: boolean,
    scopeParams: string[][],
    from: string,
  ): Promise<{ more: boolean; heldBack: boolean } | undefined> {
    if (this.now() - kept.keptAt > KEEP_MS) return undefined;
    const [fromXid, fromSeq] = from.split('.');
    const [lastXid, lastSeq] = kept.last.split('.');
    const [state] = await this.db.query<{ n: number; more: boolean; held_back: boolean }>(
      pageRowsStatement(staff),
      [fromXid, fromSeq, lastXid, lastSeq, ...scopeParams],
    );
    return state?.n === kept.rows ? { more: state.more, heldBack: state.held_back } : undefined;
  }

  private keep(key: string, page: KeptPage): void {
    if (costOf(page) > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old) this.forget(key, old);
    this.pages.set(key, page);
    this.bytes += costOf(page);
    if (page.full) this.chainEnds.set(chainEndOf(page), (this.chainEnds.get(chainEndOf(page)) ?? 0) + 1);
    for (const [oldest, oldPage] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest, oldPage);
    }
  }

  private forget(key: string, page: KeptPage): void {
    this.pages.delete(key);
    this.bytes -= costOf(page);
    if (!page.full) return;
    const end = chainEndOf(page);
    const left = (this.chainEnds.get(end) ?? 1) - 1;
    if (left > 0) this.chainEnds.set(end, left);
    else this.chainEnds.delete(end);
  }
}
