/**
 * Integer feature hashing: a feature is a template id and a few integers (character codes, classes, lengths),
 * hashed without building strings, then folded into a table of 2^bits buckets (the "hashing trick").
 */
export function hashStart(template: number): number {
  return Math.imul(template + 0x9e3779b9, 0x85ebca6b) | 0;
}

export function hashAdd(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193) ^ (hash >>> 15);
}

/** Adds the UTF-16 units of `text[start, end)`. */
export function hashAddRange(hash: number, text: string, start: number, end: number): number {
  let h = hashAdd(hash, end - start);
  for (let i = start; i < end; i++) h = hashAdd(h, text.charCodeAt(i));
  return h;
}

export function hashString(hash: number, text: string): number {
  return hashAddRange(hash, text, 0, text.length);
}

/** Murmur3's finaliser: spreads a hash over all 32 bits. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The top `bits` bits of the mixed hash. */
export function bucketOf(hash: number, bits: number): number {
  return mix(hash) >>> (32 - bits);
}

/**
 * The bucket of slot `slot` (< 2^slotBits) in the block of 2^slotBits adjacent buckets that `hash` picks: features
 * that neighbouring units read (the same character at offsets -3..+3, the same token at each position) share a
 * block, so their weight rows sit side by side in the packed table and one cache miss serves several units.
 */
export function blockOf(hash: number, bits: number, slotBits: number, slot: number): number {
  return (bucketOf(hash, bits - slotBits) << slotBits) | slot;
}
