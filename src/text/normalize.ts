import type { NormalizedText } from '../document/types.js';

/**
 * A grapheme-like cluster that NFKC may rewrite as a whole: one code point and the combining marks or conjoining
 * Hangul vowels and finals (U+1160–U+11FF, U+D7B0–U+D7FF) that follow it. Linear: one class, then one starred class.
 */
const CLUSTER = /[\s\S][\p{M}\u1160-\u11FF\uD7B0-\uD7FF]*/gu;

/**
 * NFKC-normalises `text` (㎡ → m², ％ → %, NFD Hangul → syllables, full-width Latin → ASCII) and keeps, for every
 * UTF-16 unit of the result, the original offset it came from, so spans found on the normalised text map back.
 */
export function normalizeText(text: string): NormalizedText {
  if (isNfkcStable(text)) return { text, toOriginal: identityMap(text.length) };
  const normalized = text.normalize('NFKC');
  if (normalized === text) return { text, toOriginal: identityMap(text.length) };
  const parts: string[] = [];
  const map: number[] = [];
  CLUSTER.lastIndex = 0;
  for (let match = CLUSTER.exec(text); match !== null; match = CLUSTER.exec(text)) {
    const cluster = match[0];
    const folded = cluster.normalize('NFKC');
    parts.push(folded);
    for (let i = 0; i < folded.length; i++) map.push(match.index);
  }
  map.push(text.length);
  return { text: parts.join(''), toOriginal: Uint32Array.from(map) };
}

/**
 * True when every unit is ASCII, a precomposed Hangul syllable or a common punctuation mark that NFKC leaves alone
 * (·, the quotes U+2018–U+201D, 、 。 and the brackets 〈 〉 《 》 「 」 『 』): such text is its own NFKC form, since none of these has a compatibility
 * mapping and none combines with the next (only combining marks and conjoining jamo do, and they are not listed).
 * Most Korean text is all of these, and the test costs less than ICU's normalisation.
 */
function isNfkcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xac00 && c <= 0xd7a3)) continue;
    if (c === 0xb7 || (c >= 0x2018 && c <= 0x201d) || c === 0x3001 || c === 0x3002 || (c >= 0x3008 && c <= 0x300f)) continue;
    return false;
  }
  return true;
}

function identityMap(length: number): Uint32Array {
  const map = new Uint32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/**
 * Maps a half-open span of the normalised text back to the original text. The end maps to the end of the original
 * cluster that produced the last normalised unit, so a span never cuts a cluster in two.
 */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  const map = normalized.toOriginal;
  const originalStart = map[start] ?? map[map.length - 1]!;
  if (end <= start) return [originalStart, originalStart];
  // The original end is where the next cluster starts: the first mapped offset beyond the last unit's cluster.
  const lastOrigin = map[end - 1]!;
  let next = end;
  while (next < map.length - 1 && map[next] === lastOrigin) next++;
  return [originalStart, map[next]!];
}
