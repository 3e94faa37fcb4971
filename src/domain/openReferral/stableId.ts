// UUIDs derived from a name: ORUK wants every nested object (location, schedule, service area,
// taxonomy term) to carry a UUID, and the same partner must publish the same ids every time, so feeds
// that follow ours see updates, not new records. A pure hash (no crypto), so it runs in the browser too.

// Number#toString(16) dominated publishing a large feed; a table of byte pairs is many times faster.
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const byteHex = (value: number) => BYTE_HEX[value & 0xff] as string;
const hex4 = (value: number) => byteHex(value >>> 8) + byteHex(value);

/** A version-5-shaped UUID that is always the same for the same name (four 32-bit FNV-1a lanes). */
export function stableId(name: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let index = 0; index < name.length; index += 1) {
    const code = name.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000195);
    c = Math.imul(c ^ code, 0x01000197);
    d = Math.imul(d ^ code, 0x01000199);
    a ^= a >>> 15;
    b ^= b >>> 13;
    c ^= c >>> 16;
    d ^= d >>> 14;
  }
  // xxxxxxxx-xxxx-5xxx-Vxxx-xxxxxxxxxxxx, V one of 8, 9, a, b (the RFC 4122 variant)
  return (
    `${hex4(a >>> 16)}${hex4(a)}-${hex4(b >>> 16)}-5${byteHex(b >>> 8).charAt(1)}${byteHex(b)}-` +
    `${(8 | ((c >>> 28) & 3)).toString(16)}${byteHex(c >>> 20).charAt(1)}${byteHex(c >>> 16)}-` +
    `${hex4(c)}${hex4(d >>> 16)}${hex4(d)}`
  );
}
