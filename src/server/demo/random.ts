// A tiny seeded random source for demo and benchmark data, so the same seed always gives the same
// borough, directory and benchmark inputs (repeatable screenshots, tests and timings).
// mulberry32: fast and good enough for fake data; never use it for anything secret (ids people can
// guess are fine here because the data is fictional).

const HEX = '0123456789abcdef';
/** Two hex digits for every byte, so a UUID is built by lookup rather than number formatting (100k-record benchmarks). */
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => (HEX[byte >> 4] ?? '0') + (HEX[byte & 15] ?? '0'));

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // Any number is accepted as a seed; non-integers and negatives are folded into 32 bits.
    this.state = Math.floor(seed) >>> 0;
  }

  /** A whole number in [0, 2^32). */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability (0–1). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  }

  /** Up to `count` different items, in random order. Copies the list, so keep it short. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const taken = Math.min(count, pool.length);
    for (let i = 0; i < taken; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      const swap = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = swap;
    }
    return pool.slice(0, taken);
  }

  /** A v4-shaped UUID (version nibble 4, RFC variant), so it passes the id schema. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      this.hex32(a) +
      '-' +
      this.hex16(b >>> 16) +
      '-' +
      this.hex16(0x4000 | (b & 0x0fff)) +
      '-' +
      this.hex16(0x8000 | (c >>> 18)) +
      '-' +
      this.hex16(c & 0xffff) +
      this.hex32(d)
    );
  }

  private hex16(value: number): string {
    return (BYTE_HEX[(value >>> 8) & 255] ?? '') + (BYTE_HEX[value & 255] ?? '');
  }

  private hex32(value: number): string {
    return this.hex16(value >>> 16) + this.hex16(value & 0xffff);
  }
}
