/**
 * A deterministic train/validation split of gold records by a hash of their id, so that every run, machine and
 * contributor sees the same partition without storing it: FNV-1a (32-bit) over the id's UTF-16 code units, and a
 * record is in 'validation' when the hash modulo 5 is 0 (about one in five).
 */
export type SplitName = 'train' | 'validation';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** The split a record with this id belongs to. */
export function splitOf(id: string): SplitName {
  return fnv1a32(id) % 5 === 0 ? 'validation' : 'train';
}

/** The records of one split, in their original order. */
export function selectSplit<T extends { id: string }>(records: readonly T[], split: SplitName | 'all'): T[] {
  if (split === 'all') return records.slice();
  return records.filter((record) => splitOf(record.id) === split);
}
