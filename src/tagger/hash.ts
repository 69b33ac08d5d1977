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

/** Murmur3's finaliser, then the top `bits` bits. */
export function bucketOf(hash: number, bits: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> (32 - bits);
}
