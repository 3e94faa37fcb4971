// Full pull pages kept in memory, gzipped, for the next device that asks for the same page. Devices
// joining together (a shift starting, phones handed out in an incident, a new version rolled out)
// all ask for the same first pages, and building one page of 2,000 records costs PostgreSQL and
// this process about 70 ms each, and gzip as much again. A kept page costs one count of its rows.
//
// Safe because a page between two cursors can only lose rows, never gain them (pullPageSql.ts,
// pageRowsSql): any change to one of its records moves that record's row to the end of the log. So a
// kept page is sent only when the log still holds as many rows between its cursors as it was read
// from; otherwise it is read afresh. (Even a page sent stale would lose nothing, since a changed
// record's row comes again later in the log, but the phone would show the old values until then.) Only
// full pages are kept (the last page says whether pulls are held back, which can change at any time),
// and for an hour at most.
//
// The gzip is put together from parts: the changes, deflated once and kept (ending on a byte boundary
// with a sync flush, so more can follow), then the rest of the page (cursor, total), deflated on each
// request, then the checksum and length of the whole. It is one ordinary gzip stream.
//
// The only state a server process keeps, and nothing depends on it: another process behind the same
// load balancer reads the page itself, and a restart starts empty.
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { Database } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { pageRowsStatement } from './pullPageSql.ts';
import { pageTail, readerOf, readPullPage, START_CURSOR, visibleTotal } from './pull.ts';

const deflateRawAsync = promisify(deflateRaw);
const KEEP_MS = 60 * 60 * 1000;
/** What a kept page costs beyond its bytes (its key, its record, the map's entry), counted against the
 * cache's size so that many tiny pages (a client asking for pages of one) cannot outgrow it. */
const PAGE_OVERHEAD_BYTES = 1024;
/** gzip's own header: no name, no time, unknown system. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

interface KeptPage {
  /** The cursor after the page. */
  last: string;
  rows: number;
  /** The changes, deflated, ending in a sync flush. */
  deflated: Buffer;
  /** CRC-32 and length of the changes' text, for the gzip trailer. */
  crc: number;
  bytes: number;
  keptAt: number;
}

/** A full page, gzipped; or any other page as text, to be sent as any answer is. */
export type CachedPullPage =
  { gzipped: Buffer; cursor: string; hasMore: true } | { body: string; cursor: string; hasMore: false };

const costOf = (page: KeptPage) => page.deflated.length + PAGE_OVERHEAD_BYTES;

function gzipFrom(page: Pick<KeptPage, 'deflated' | 'crc' | 'bytes'>, tail: string): Buffer {
  const tailBytes = Buffer.from(tail);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tailBytes, page.crc), 0);
  trailer.writeUInt32LE((page.bytes + tailBytes.length) % 2 ** 32, 4);
  return Buffer.concat([GZIP_HEADER, page.deflated, deflateRawSync(tailBytes), trailer]);
}

export class PullPageCache {
  /** In the order last used: the first is the next to go when the cache is full. */
  private readonly pages = new Map<string, KeptPage>();
  private bytes = 0;
  /** Pages sent from the cache, and full pages read, since the process started. */
  readonly served = { kept: 0, read: 0 };

  /** How many pages are kept, and what they count against the cache's size. */
  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  constructor(
    private readonly db: Database,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A full page from the cache when it still holds; otherwise the page read, and kept if full. */
  async page(user: User, since: string | undefined, limit: number): Promise<CachedPullPage> {
    const { staff, scopes, scopeParams } = readerOf(user);
    const from = since ?? START_CURSOR;
    const key = `${staff ? '*' : JSON.stringify(scopes)}|${from}|${limit}`;
    const kept = this.pages.get(key);
    if (kept && (await this.stillHolds(kept, staff, scopeParams, from))) {
      this.pages.delete(key);
      this.pages.set(key, kept);
      this.served.kept += 1;
      const total = await visibleTotal(this.db, user, since);
      const tail = pageTail({ cursor: kept.last, hasMore: true, total, heldBack: false });
      return { gzipped: gzipFrom(kept, tail), cursor: kept.last, hasMore: true };
    }
    if (kept) this.forget(key, kept);

    const page = await readPullPage(this.db, user, since, limit);
    if (!page.hasMore) return { body: page.head + page.tail, cursor: page.cursor, hasMore: false };
    this.served.read += 1;
    const head = Buffer.from(page.head);
    const part = {
      deflated: await deflateRawAsync(head, { finishFlush: constants.Z_SYNC_FLUSH }),
      crc: crc32(head),
      bytes: head.length,
    };
    this.keep(key, { ...part, last: page.cursor, rows: page.rows, keptAt: this.now() });
    return { gzipped: gzipFrom(part, page.tail), cursor: page.cursor, hasMore: true };
  }

  private async stillHolds(kept: KeptPage, staff: boolean, scopeParams: string[][], from: string) {
    if (this.now() - kept.keptAt > KEEP_MS) return false;
    const [fromXid, fromSeq] = from.split('.');
    const [lastXid, lastSeq] = kept.last.split('.');
    const [count] = await this.db.query<{ n: number }>(pageRowsStatement(staff), [
      fromXid,
      fromSeq,
      lastXid,
      lastSeq,
      ...scopeParams,
    ]);
    return count?.n === kept.rows;
  }

  private keep(key: string, page: KeptPage): void {
    if (costOf(page) > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old) this.forget(key, old);
    this.pages.set(key, page);
    this.bytes += costOf(page);
    for (const [oldest, oldPage] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(oldest, oldPage);
    }
  }

  private forget(key: string, page: KeptPage): void {
    this.pages.delete(key);
    this.bytes -= costOf(page);
  }
}
