/**
 * A set of UTF-16 units as a bitset over the span from its smallest to its largest unit. The scanners test every
 * character of a text against small sets of letters (the first letters of a word list); a bitset of a few
 * hundred bytes stays in the processor's cache between documents, where a 64 KB table indexed by unit is evicted
 * by the analyzer and the tagger and then costs a cache miss per test.
 */
export interface CodeSet {
  /** The smallest unit of the set. */
  readonly low: number;
  /** The number of units from the smallest to the largest (0 for the empty set). */
  readonly size: number;
  /** Bit `u - low` is set for each unit `u` of the set. */
  readonly bits: Uint32Array;
}

/** The set of the given units (numbers) or of the units of the given strings. */
export function codeSet(units: Iterable<number | string>): CodeSet {
  const codes: number[] = [];
  for (const unit of units) {
    if (typeof unit === 'number') codes.push(unit);
    else for (let k = 0; k < unit.length; k++) codes.push(unit.charCodeAt(k));
  }
  if (codes.length === 0) return { low: 0, size: 0, bits: new Uint32Array(0) };
  let low = codes[0]!;
  let high = low;
  for (const code of codes) {
    if (code < low) low = code;
    if (code > high) high = code;
  }
  const bits = new Uint32Array(((high - low) >>> 5) + 1);
  for (const code of codes) bits[(code - low) >>> 5]! |= 1 << ((code - low) & 31);
  return { low, size: high - low + 1, bits };
}

/** True when `unit` is in the set (false for NaN, as charCodeAt gives past the end of a text). */
export function inCodeSet(set: CodeSet, unit: number): boolean {
  const k = unit - set.low;
  return k >= 0 && k < set.size && (set.bits[k >>> 5]! & (1 << (k & 31))) !== 0;
}
