// UUIDs derived from a name: ORUK wants every nested object (location, schedule, service area,
// taxonomy term) to carry a UUID, and the same partner must publish the same ids every time, so feeds
// that follow ours see updates, not new records. A pure hash (no crypto), so it runs in the browser too.

/** Four independent 32-bit FNV-1a style hashes, enough bits to spread a few thousand names. */
function hash128(name: string): number[] {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds.map((seed, lane) => {
    let h = seed ^ lane;
    for (let index = 0; index < name.length; index += 1) {
      h ^= name.charCodeAt(index);
      h = Math.imul(h, 0x01000193 + lane * 2);
      h ^= h >>> 15;
    }
    return h >>> 0;
  });
}

/** A version-5-shaped UUID that is always the same for the same name. */
export function stableId(name: string): string {
  const hex = hash128(name)
    .map((part) => part.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
