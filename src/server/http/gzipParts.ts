// One gzip stream put together from parts deflated at different times: kept parts (deflated once, for
// many answers) and a fresh tail (deflated per answer). Each kept part is raw deflate ending in a sync
// flush, so it stops on a byte boundary with no final block and anything may follow it; the tail ends
// the stream. gzip's trailer wants the CRC-32 of the whole text: each part keeps its own, and the
// CRCs are combined (zlib's crc32_combine, which Node does not offer) without reading the text again.
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { promisify } from 'node:util';

const deflateRawAsync = promisify(deflateRaw);

/** gzip's own header: no name, no time, unknown system. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A text deflated on its own, ending in a sync flush, with what the trailer needs of it. */
export interface DeflatedPart {
  deflated: Buffer;
  /** CRC-32 of the text's bytes. */
  crc: number;
  /** The text's length in bytes. */
  bytes: number;
}

/** Deflates a part on libuv's thread pool, at zlib's default level (a kept part is worth the effort). */
export async function deflatePart(text: string): Promise<DeflatedPart> {
  const bytes = Buffer.from(text);
  return {
    deflated: await deflateRawAsync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }),
    crc: crc32(bytes),
    bytes: bytes.length,
  };
}

/** Deflates a small part here and now (a separator, a page's opening). */
export function deflatePartNow(text: string, level: number = constants.Z_DEFAULT_COMPRESSION): DeflatedPart {
  const bytes = Buffer.from(text);
  return {
    deflated: deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH, level }),
    crc: crc32(bytes),
    bytes: bytes.length,
  };
}

const CRC_POLYNOMIAL = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial, both reflected as CRC-32 keeps them. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  let factor = b >>> 0;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if ((a & bit) !== 0) product ^= factor;
    factor = factor & 1 ? (factor >>> 1) ^ CRC_POLYNOMIAL : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (x^1 is 1 << 30 reflected). */
const X_TO_2_TO_K: number[] = [];
for (let k = 0, power = 1 << 30; k < 32; k += 1) {
  X_TO_2_TO_K.push(power >>> 0);
  power = multiplyModP(power, power);
}

/** x^(8·bytes) modulo the polynomial: what shifting a CRC past that many zero bytes multiplies it by. */
function shiftFor(bytes: number): number {
  let power = 0x80000000; // x^0
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2 === 1) power = multiplyModP(X_TO_2_TO_K[k % 32]!, power);
  }
  return power;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length. */
export function combineCrc32(crcA: number, crcB: number, bytesB: number): number {
  return (multiplyModP(shiftFor(bytesB), crcA >>> 0) ^ crcB) >>> 0;
}

/** Parts (each ending in a sync flush) and a tail, as one gzip stream. */
export function joinGzip(parts: readonly DeflatedPart[], tail: string): Buffer {
  const tailBytes = Buffer.from(tail);
  let crc = 0;
  let bytes = 0;
  for (const part of parts) {
    crc = combineCrc32(crc, part.crc, part.bytes);
    bytes += part.bytes;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(tailBytes, crc), 0);
  trailer.writeUInt32LE((bytes + tailBytes.length) % 2 ** 32, 4);
  return Buffer.concat([
    GZIP_HEADER,
    ...parts.map((part) => part.deflated),
    deflateRawSync(tailBytes),
    trailer,
  ]);
}
