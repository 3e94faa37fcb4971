// Shared stretches of the change log for staff pulls when many come in. A duty officer sees every
// record, so each duty officer's pull carries every other phone's changes: at 400 phones, about 200
// records every 5 s, read out of PostgreSQL, put together and gzipped once for each phone. Here, while
// staff pulls come at least `busyPullsPerSecond` a second, the log is cut at boundaries (at most one a
// `boundaryEveryMs`), and each stretch between two boundaries (a segment) is read and deflated once,
// then sent to every staff phone as kept bytes, joined into one gzip stream (http/gzipParts.ts).
//
// A phone whose cursor is a boundary gets the segments after it up to the latest boundary; a phone
// between boundaries gets its changes up to the latest read afresh, and is on a boundary from then on;
// a phone at or past the latest reads afresh to the end of the log. Once the latest boundary is a
// second old, the next pull that reaches it reads on afresh to the end, and that end is the next
// boundary. So under load a phone is about a second behind the log's end at most, and while pulls are
// few every pull reads afresh to the end, exactly as without segments.
//
// Safe because a boundary is where an afresh read ended: every row up to it was below the oldest
// running transaction then, so no row can come into a segment later (pull.ts). A row can only leave
// one: a change to its record moves the row to the end of the log. A segment read before that sends
// the record's earlier version, and the later row, after the segment, sends the newer one; a phone
// applies them in order, as it would have had it pulled before the change. Nothing older than what a
// phone already holds is ever sent: a segment is read after its end boundary was made, so after
// anything the phone read below that boundary.
//
// Staff only: what staff may see does not depend on who they are, so a segment is the same for all.
// Like the page cache, what a process keeps is its own, and nothing depends on it.
import type { Database } from '../storage/database.ts';
import type { User } from '../../domain/accounts/user.ts';
import { PULL_PAGE_MAX } from '../../domain/sync/sync.ts';
import { deflatePart, deflatePartNow, joinGzip, type DeflatedPart } from '../http/gzipParts.ts';
import type { ChangeTexts } from './changeTexts.ts';
import { before, positionOf, type Position } from './logPosition.ts';
import { pageTail, readPullPage, type PullPageText } from './pull.ts';
import type { CachedPullPage } from './pullPageCache.ts';

export interface SegmentSettings {
  /** Staff pulls a second from which segments are used (1: every one); below it each is read afresh. */
  busyPullsPerSecond: number;
  /** How often at most a new boundary is made. */
  boundaryEveryMs: number;
  /** Boundaries (and their segments) older than this are forgotten; a phone behind them reads afresh. */
  keepMs: number;
}

export const SEGMENT_SETTINGS: SegmentSettings = {
  busyPullsPerSecond: 20,
  boundaryEveryMs: 1000,
  keepMs: 10 * 60 * 1000,
};

interface Boundary {
  cursor: string;
  position: Position;
  madeAt: number;
}

/** The changes between two boundaries, deflated (null: none), or too many to keep as one. */
type Segment = { rows: number; part: DeflatedPart | null } | 'too big';

const OPENING = deflatePartNow('{"changes":[');
const COMMA = deflatePartNow(',');
const PAGE_OPENING = '{"changes":[';
/** What follows the latest boundary is deflated for one answer, so fast (as http/gzipped.ts's 'fast'). */
const FRESH_LEVEL = 2;
/** What a kept segment costs beyond its bytes. */
const SEGMENT_OVERHEAD_BYTES = 256;

/** What a kept segment counts against the size given. */
const costOf = (segment: Segment) =>
  (segment === 'too big' ? 0 : (segment.part?.deflated.length ?? 0)) + SEGMENT_OVERHEAD_BYTES;

export class StaffSegments {
  /** In the log's order, the latest last. */
  private boundaries: Boundary[] = [];
  /** By the cursor of the boundary each starts at. */
  private readonly segments = new Map<string, Segment>();
  private readonly reading = new Map<string, Promise<Segment>>();
  private bytes = 0;
  /** Whether the last afresh read said pulls are held back (segments say it too). */
  private heldBack = false;
  private pulls = { second: 0, count: 0, previous: 0 };
  /** Pulls answered from segments, up to a boundary, and afresh, since the process started. */
  readonly served = { segments: 0, toBoundary: 0, afresh: 0 };

  constructor(
    private readonly db: Database,
    private readonly texts: ChangeTexts | null,
    private readonly maxBytes: number,
    private readonly settings: SegmentSettings = SEGMENT_SETTINGS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): { boundaries: number; segments: number; bytes: number } {
    return { boundaries: this.boundaries.length, segments: this.segments.size, bytes: this.bytes };
  }

  /** A staff user's pull after `since` (not a first pull's). */
  async page(user: User, since: string, limit: number): Promise<CachedPullPage> {
    if (!this.countPull()) return this.afresh(user, since, limit, false);
    this.forgetOld();
    const boundaries = this.boundaries;
    const latest = boundaries.at(-1);
    const from = positionOf(since);
    if (!latest || !before(from, latest.position)) return this.afresh(user, since, limit, true);
    // A boundary a second old is due to be followed: this pull reads on to the end, and ends the next.
    const due = this.now() - latest.madeAt >= this.settings.boundaryEveryMs;
    const at = boundaries.findIndex((boundary) => boundary.cursor === since);
    const joined = at >= 0 ? await this.fromSegments(user, boundaries, at, limit, due) : undefined;
    if (joined) return joined;
    if (due) return this.afresh(user, since, limit, true);
    this.served.toBoundary += 1;
    return this.answer(await readPullPage(this.db, user, since, limit, this.texts, latest.cursor));
  }

  /** Counts this pull; true when staff pulls come often enough for segments. */
  private countPull(): boolean {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.pulls.second) {
      this.pulls = { second, count: 0, previous: second === this.pulls.second + 1 ? this.pulls.count : 0 };
    }
    this.pulls.count += 1;
    return Math.max(this.pulls.count, this.pulls.previous) >= this.settings.busyPullsPerSecond;
  }

  private async afresh(user: User, since: string, limit: number, mayEndSegment: boolean) {
    this.served.afresh += 1;
    const page = await readPullPage(this.db, user, since, limit, this.texts);
    this.heldBack = page.heldBack;
    if (mayEndSegment && !page.hasMore && page.rows > 0) this.makeBoundary(page.cursor);
    return this.answer(page);
  }

  private answer(page: PullPageText): CachedPullPage {
    return { body: page.head + page.tail, cursor: page.cursor, hasMore: page.hasMore };
  }

  private makeBoundary(cursor: string): void {
    const latest = this.boundaries.at(-1);
    const position = positionOf(cursor);
    if (
      latest &&
      (!before(latest.position, position) || this.now() - latest.madeAt < this.settings.boundaryEveryMs)
    )
      return;
    this.boundaries = [...this.boundaries, { cursor, position, madeAt: this.now() }];
  }

  /**
   * The segments from boundary `at` on, joined, up to `limit` rows, and (`readOn`) what follows the
   * latest boundary read afresh, its end the next boundary; undefined when the first segment will not do.
   */
  private async fromSegments(
    user: User,
    boundaries: readonly Boundary[],
    at: number,
    limit: number,
    readOn: boolean,
  ): Promise<CachedPullPage | undefined> {
    const parts: DeflatedPart[] = [OPENING];
    let rows = 0;
    let end = at;
    for (let next = at; next < boundaries.length - 1; next += 1) {
      const segment = await this.segment(user, boundaries[next]!.cursor, boundaries[next + 1]!.cursor);
      if (segment === 'too big' || rows + segment.rows > limit) break;
      if (segment.part) {
        if (parts.length > 1) parts.push(COMMA);
        parts.push(segment.part);
      }
      rows += segment.rows;
      end = next + 1;
    }
    if (end === at) return undefined;
    this.served.segments += 1;
    let cursor = boundaries[end]!.cursor;
    let hasMore = end < boundaries.length - 1;
    let heldBack = !hasMore && this.heldBack;
    if (!hasMore && readOn && rows < limit) {
      const after = await readPullPage(this.db, user, cursor, limit - rows, this.texts);
      this.heldBack = after.heldBack;
      const changes = after.head.slice(PAGE_OPENING.length);
      if (changes !== '') {
        if (parts.length > 1) parts.push(COMMA);
        parts.push(deflatePartNow(changes, FRESH_LEVEL));
      }
      if (after.rows > 0 && !after.hasMore) this.makeBoundary(after.cursor);
      ({ cursor, hasMore, heldBack } = after);
    }
    const tail = pageTail({ cursor, hasMore, total: 0, heldBack });
    return { gzipped: joinGzip(parts, tail), cursor, hasMore };
  }

  /** The segment between two boundaries, read once (phones asking together wait for the one read). */
  private async segment(user: User, from: string, until: string): Promise<Segment> {
    const kept = this.segments.get(from);
    if (kept) return kept;
    const reading = this.reading.get(from);
    if (reading) return reading;
    const read = this.readSegment(user, from, until);
    this.reading.set(from, read);
    try {
      const segment = await read;
      this.keep(from, segment);
      return segment;
    } finally {
      this.reading.delete(from);
    }
  }

  private async readSegment(user: User, from: string, until: string): Promise<Segment> {
    const page = await readPullPage(this.db, user, from, PULL_PAGE_MAX, this.texts, until);
    if (page.hasMore) return 'too big';
    const changes = page.head.slice(PAGE_OPENING.length);
    const part = changes === '' ? null : await deflatePart(changes);
    return { rows: page.rows, part };
  }

  private keep(from: string, segment: Segment): void {
    const cost = costOf(segment);
    // Its boundary may have been forgotten while it was read.
    const stillWanted = this.boundaries.some((boundary) => boundary.cursor === from);
    if (!stillWanted || this.segments.has(from) || cost > this.maxBytes) return;
    this.segments.set(from, segment);
    this.bytes += cost;
    for (const [oldest, old] of this.segments) {
      if (this.bytes <= this.maxBytes) break;
      this.forgetSegment(oldest, old);
    }
  }

  private forgetSegment(from: string, segment: Segment): void {
    this.segments.delete(from);
    this.bytes -= costOf(segment);
  }

  /** Boundaries older than `keepMs` go, with their segments; the latest stays. */
  private forgetOld(): void {
    const oldest = this.now() - this.settings.keepMs;
    let keepFrom = 0;
    while (keepFrom < this.boundaries.length - 1 && this.boundaries[keepFrom]!.madeAt < oldest) {
      const segment = this.segments.get(this.boundaries[keepFrom]!.cursor);
      if (segment) this.forgetSegment(this.boundaries[keepFrom]!.cursor, segment);
      keepFrom += 1;
    }
    if (keepFrom > 0) this.boundaries = this.boundaries.slice(keepFrom);
  }
}
