import type { EntityType, EntityValue, KornerDocument } from '../document/types.js';
import { addCandidate } from '../document/createDocument.js';
import { toOriginalSpan } from '../text/normalize.js';
import { codeAt } from '../text/codeAt.js';
import { normalizeText } from '../text/normalize.js';
import type { NormalizedText } from '../document/types.js';

/** Shared helpers of the figure, date and time recognisers. */

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHangulCode(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

export function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters and digits that glue to a number: a figure must not start right after one of them. */
export function isWordCode(c: number): boolean {
  return isDigitCode(c) || isHangulCode(c) || isLatinCode(c) || (c >= 0x4e00 && c <= 0x9fff);
}

/**
 * Particles (josa) and copula endings that may follow a figure or a date inside one eojeol without being part of
 * the entity (KLUE-NER leaves them out: [16명]을, [이날] 오후, [하나]의). Sorted longest first by {@link josaLength}.
 */
const JOSA = [
  '이', '가', '을', '를', '은', '는', '의', '에', '에서', '에게', '에는', '에도', '에서는', '에서도', '에만', '와', '과', '도',
  '만', '만을', '만이', '만의', '만은', '로', '으로', '로는', '으로는', '로도', '으로도', '나', '이나', '라도', '이라도', '까지',
  '까지는', '까지도', '부터', '부터는', '씩', '만큼', '처럼', '보다', '보다는', '이다', '였다', '이었다', '이고', '이며', '인',
  '입니다', '이라', '이라는', '라는', '이란', '란', '이면', '면', '이든', '든', '랑', '이랑', '하고', '께서', '들', '들이',
  '들은', '들을', '들의', '들도', '들과', '뿐', '밖에', '엔', '에선', '에게서', '야', '이야', '요', '이요', '이지', '지',
  '께', '쯤', '경', '가량', '여', '째', '만에', '만의', '만이다', '만인', '만이자', '자', '자로', '이상', '이하', '이후',
  '이전', '이내', '정도', '내내', '동안', '가까이', '남짓', '넘게', '안에', '께는', '쯤에', '경에', '께서', '로서', '로써',
  '으로서', '이라고', '라고', '이지만', '지만', '이었고', '였고', '이었던', '였던', '에나', '이나마', '마다', '이던', '던', '다', '이서', '서', '짜리', '꼴', '꼴로', '당', '이다가', '다가', '이었다',
]; 
const JOSA_MAX = Math.max(...JOSA.map((j) => j.length));
/** The particles by first UTF-16 unit, so that a run is compared in place (no slice of it, no hashing). */
const JOSA_BY_FIRST = new Map<number, string[]>();
for (const josa of new Set(JOSA)) {
  const key = josa.charCodeAt(0);
  const list = JOSA_BY_FIRST.get(key);
  if (list) list.push(josa);
  else JOSA_BY_FIRST.set(key, [josa]);
}

/** Length of the Hangul run starting at `i`, counting at most `max`. */
export function hangulRunLength(text: string, i: number, max = Infinity): number {
  const limit = Math.min(text.length, i + max);
  let j = i;
  while (j < limit && isHangulCode(text.charCodeAt(j))) j++;
  return j - i;
}

/**
 * True when the word may end at `end`: what follows is not a letter, or the rest of the Hangul run is a particle
 * or ending (의, 에서, 부터 …).
 */
export function endsWord(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (Number.isNaN(c)) return true;
  if (isLatinCode(c) || isDigitCode(c)) return false;
  if (!isHangulCode(c)) return true;
  // The run is read no further than the longest particle: past it the answer is no (reading all of a long run
  // after every figure or date in it made the run quadratic).
  const run = hangulRunLength(text, end, JOSA_MAX + 1);
  if (run > JOSA_MAX) return false;
  const candidates = JOSA_BY_FIRST.get(c);
  if (candidates === undefined) return false;
  for (const josa of candidates) if (josa.length === run && text.startsWith(josa, end)) return true;
  return false;
}

/** True when a word may start at `start`: the character before is not a letter or digit. */
export function startsWord(text: string, start: number): boolean {
  return start === 0 || !isWordCode(codeAt(text, start - 1));
}

/** A match on the normalised text, before it is mapped back to the original. */
export interface NumericMatch {
  start: number;
  end: number;
  type: EntityType;
  value?: EntityValue;
  /** Higher wins between overlapping matches of one recogniser when the lengths tie. */
  priority?: number;
}

/**
 * Keeps the longest of overlapping matches (then the higher priority, then the earlier), as KLUE-NER annotates the
 * widest figure or date (2016년 5월 17일, not 5월). Returns them in text order.
 */
let takenBuffer = new Uint8Array(1024);

export function longestNonOverlapping(matches: NumericMatch[]): NumericMatch[] {
  // Most texts have no match or one: nothing can overlap then (and no occupancy array is needed).
  if (matches.length <= 1) return matches.slice();
  const sorted = matches
    .slice()
    .sort((a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start);
  // An occupancy map keeps this linear in the covered length (matches are short), not quadratic in their number.
  // One buffer serves every call (cleared over the length used): a typed array of more than 64 bytes is allocated
  // outside the heap, which cost more than the rest of this function.
  let size = 0;
  for (const m of matches) size = Math.max(size, m.end);
  if (takenBuffer.length < size) takenBuffer = new Uint8Array(Math.max(size, 2 * takenBuffer.length));
  const taken = takenBuffer;
  taken.fill(0, 0, size);
  const kept: NumericMatch[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.start; i < m.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The normalised text of a document: the integrator's normalise stage sets it; tests may not have. */
export function normalizedOf(doc: KornerDocument): NormalizedText {
  return doc.normalized ?? normalizeText(doc.text);
}

/** Maps a match back to the original text and adds it as a candidate. */
export function emit(doc: KornerDocument, norm: NormalizedText, match: NumericMatch, source: string): void {
  const [start, end] = toOriginalSpan(norm, match.start, match.end);
  if (end <= start) return;
  const candidate: Parameters<typeof addCandidate>[1] = { start, end, type: match.type, source };
  if (match.value !== undefined) candidate.value = match.value;
  addCandidate(doc, candidate);
}
