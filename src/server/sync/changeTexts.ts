// Records' change texts kept in memory for the next pull that sends them. A duty officer's pull carries
// every other phone's changes, so each edited record is written out as JSON for every duty officer's
// phone, and PostgreSQL spent most of a pull's time doing it (a 200-record page: 1.6–1.8 ms with the
// text, 0.4–0.5 ms without). Phones joining together likewise share the directory in their first
// pages, whatever their parish. Here a text is written out once and then taken from memory: the page
// statement is told which change-log rows this process holds the text of, and sends only a marked
// blank for those (pullPageSql.ts).
//
// Safe because a change-log row's number (its seq, from one sequence for the whole log) names one
// version of one record: every write to a synced record moves its row to a new number in the same
// transaction (storage/changeLog.ts), so in any snapshot that sees the row under a number, the record
// is the one written with it. A record changed since has its row under a new number, whose text is
// not held. Only the text of a record as anyone may see it is kept; tombstones and exits depend on
// the reader and are cheap, so PostgreSQL writes them every time.
//
// Which texts to offer a page: those after its cursor in the log's order (transaction, then row), as a
// page reads; twice the page's size, as some held texts are of records that have moved on since.
//
// What a process keeps is its own: another process behind the same load balancer writes the texts
// itself, and a restart starts empty.
import { CHANGE_MARK } from './pullPageSql.ts';
import { before, positionOf, type Position } from './logPosition.ts';

/** What a kept text costs beyond its characters (its key, the map's entry, the position list). */
const TEXT_OVERHEAD_BYTES = 64;

/** The texts a page may use, taken out before it is read (so none goes from under it). */
export interface HeldTexts {
  /** Their rows' numbers, for the page statement. */
  seqs: string[];
  /** By row number. */
  texts: Map<string, string>;
}

export const NO_HELD_TEXTS: HeldTexts = Object.freeze({ seqs: [], texts: new Map() }) as HeldTexts;

/** A kept text, and whether a page has used it since the last time texts had to go (second chance). */
interface Kept {
  text: string;
  used: boolean;
}

export class ChangeTexts {
  /**
   * By row number, oldest first. When full, the oldest goes, unless a page has used it since it was
   * last passed over: then it moves to the end and loses the mark (the "second chance" way, close to
   * least recently used). Marking a text used only sets its flag: moving every used text to the end
   * of the map, as strict least-recently-used does, cost a duty officer's pull a delete and an insert
   * per record, 4% of the server's time under load.
   */
  private readonly texts = new Map<number, Kept>();
  /** The positions held, in the log's order (with some gone from `texts`, dropped when it is tidied). */
  private positions: Position[] = [];
  private unsorted: Position[] = [];
  private bytes = 0;
  /** Texts written out by PostgreSQL and kept, and texts put into pages from here, since the start. */
  readonly counts = { written: 0, held: 0 };

  constructor(private readonly maxBytes: number) {}

  get size(): { texts: number; bytes: number } {
    return { texts: this.texts.size, bytes: this.bytes };
  }

  /**
   * The first `count` texts held after `cursor` in the log's order: a page read from that cursor holds
   * the same rows in the same order, where they have not moved on.
   */
  heldAfter(cursor: string, count: number): HeldTexts {
    this.tidy();
    const held: HeldTexts = { seqs: [], texts: new Map() };
    for (let at = this.firstAfter(positionOf(cursor)); at < this.positions.length; at++) {
      if (held.seqs.length >= count) break;
      const seq = String(this.positions[at]!.seq);
      const kept = this.texts.get(this.positions[at]!.seq);
      if (kept === undefined || held.texts.has(seq)) continue;
      held.seqs.push(seq);
      held.texts.set(seq, kept.text);
    }
    return held;
  }

  /** A held text a page used: kept past its turn to go. (Offered and unused, it ages: its record moved on.) */
  used(seq: string): void {
    const kept = this.texts.get(Number(seq));
    this.counts.held += 1;
    if (kept) kept.used = true;
  }

  /** Keeps a text written out by PostgreSQL, as its own string (not a slice of the page it came in). */
  keep(position: string, text: string): void {
    const at = positionOf(position);
    const cost = text.length + TEXT_OVERHEAD_BYTES;
    if (this.texts.has(at.seq) || cost > this.maxBytes) return;
    this.counts.written += 1;
    this.texts.set(at.seq, { text: Buffer.from(text, 'utf8').toString('utf8'), used: false });
    this.unsorted.push(at);
    this.bytes += cost;
    // A text moved to the end is passed again, unmarked, only after all the others: this ends.
    for (const [oldest, kept] of this.texts) {
      if (this.bytes <= this.maxBytes) break;
      this.texts.delete(oldest);
      if (kept.used) {
        kept.used = false;
        this.texts.set(oldest, kept);
      } else this.bytes -= kept.text.length + TEXT_OVERHEAD_BYTES;
    }
  }

  /** Merges new positions into the ordered list, and drops those no longer held once they are many. */
  private tidy(): void {
    if (this.unsorted.length > 0) {
      this.unsorted.sort((a, b) => a.xid - b.xid || a.seq - b.seq);
      const last = this.positions.at(-1);
      // Mostly new changes, at the end of the log: added there, without merging the whole list.
      if (!last || before(last, this.unsorted[0]!)) this.positions.push(...this.unsorted);
      else this.positions = mergeInOrder(this.positions, this.unsorted);
      this.unsorted = [];
    }
    if (this.positions.length > 2 * this.texts.size + 1024)
      this.positions = this.positions.filter(
        (position, at, all) => this.texts.has(position.seq) && position.seq !== all[at - 1]?.seq,
      );
  }

  /** Where the first position after `cursor` is (or would be) in the ordered list. */
  private firstAfter(cursor: Position): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(cursor, this.positions[middle]!)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function mergeInOrder(a: readonly Position[], b: readonly Position[]): Position[] {
  const merged: Position[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(before(b[j]!, a[i]!) ? b[j++]! : a[i++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * A page's changes as PostgreSQL wrote them (each record's change marked with its position, and
 * empty where the server holds its text) made whole: held texts put in, new ones kept.
 */
export function fillInChanges(marked: string, held: HeldTexts, texts: ChangeTexts | null): string {
  const parts = marked.split(CHANGE_MARK.start);
  const whole = [parts[0]!];
  for (let at = 1; at < parts.length; at++) {
    const part = parts[at]!;
    const textAt = part.indexOf(CHANGE_MARK.text);
    const endAt = part.indexOf(CHANGE_MARK.end, textAt);
    const position = part.slice(0, textAt);
    let text = part.slice(textAt + 1, endAt);
    if (text === '') {
      const seq = position.slice(position.indexOf('.') + 1);
      const heldText = held.texts.get(seq);
      if (heldText === undefined) throw new Error(`A pull page left out a change not held (${position})`);
      text = heldText;
      texts?.used(seq);
    } else texts?.keep(position, text);
    whole.push(text, part.slice(endAt + 1));
  }
  return whole.join('');
}
