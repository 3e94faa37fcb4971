// Parts deflated apart and joined into one gzip stream: the stream must gunzip to the texts in order,
// and the combined checksum must be the one zlib works out over the whole text (gunzip checks it).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32, gunzipSync } from 'node:zlib';
import { combineCrc32, deflatePart, deflatePartNow, joinGzip } from '../../src/server/http/gzipParts.ts';

describe('combineCrc32', () => {
  it('is the CRC-32 of the two texts one after the other', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        const whole = crc32(Buffer.concat([a, b]));
        expect(combineCrc32(crc32(a), crc32(b), b.length)).toBe(whole);
      }),
    );
  });

  it('holds for a long second text (the length is worked in powers of two)', () => {
    const a = Buffer.from('{"changes":[');
    const b = Buffer.alloc(1_000_003, 'x');
    expect(combineCrc32(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
  });
});

describe('joinGzip', () => {
  it('gunzips to the parts and the tail, in order, with a checksum gunzip accepts', async () => {
    const texts = [
      '{"changes":[',
      '{"id":1,"name":"Ashcombe Pantry"}',
      ',',
      '{"id":2,"name":"Ashcombe Pantry"}',
    ];
    const parts = [
      deflatePartNow(texts[0]!),
      await deflatePart(texts[1]!),
      deflatePartNow(','),
      await deflatePart(texts[3]!),
    ];
    const joined = joinGzip(parts, '],"cursor":"1.2"}');
    const text = gunzipSync(joined).toString('utf8');
    expect(text).toBe(`${texts.join('')}],"cursor":"1.2"}`);
    expect(JSON.parse(text)).toEqual({
      changes: [
        { id: 1, name: 'Ashcombe Pantry' },
        { id: 2, name: 'Ashcombe Pantry' },
      ],
      cursor: '1.2',
    });
  });

  it('is refused by gunzip when a part’s checksum is wrong (the trailer is really checked)', () => {
    const part = deflatePartNow('{"a":[');
    expect(() => gunzipSync(joinGzip([{ ...part, crc: part.crc ^ 1 }], ']}'))).toThrow();
  });

  it('takes an empty part and no parts', () => {
    expect(gunzipSync(joinGzip([deflatePartNow('')], 'x')).toString()).toBe('x');
    expect(gunzipSync(joinGzip([], '{}')).toString()).toBe('{}');
  });
});
