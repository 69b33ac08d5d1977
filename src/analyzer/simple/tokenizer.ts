import { createToken } from '../../document/createToken.js';
import type { Token } from '../../document/types.js';
import { Trie } from '../../recognizers/gazetteer.js';
import type { NameLexicon } from '../../recognizers/lexicon.js';

/**
 * The first tokenizer: splits the text into eojeol (whitespace-delimited words), each eojeol into runs of one script
 * (Hangul, Latin, digits, Hanja, one token per symbol), and each Hangul run into lexicon words, unknown stems and a
 * final particle or verb ending: 인천시청에서 → 인천시청/NNP + 에서/JKB, 웨이하이시장은 → 웨이하이/NNP + 시장/NNG + 은/JX.
 *
 * Tags follow the Sejong tag set that mecab-ko-dic uses (NNP, NNG, J*, XSN, SN, SL, SH, SF, SP, SS, SO, SW), so
 * that the recognisers work unchanged when the mecab-ko-dic analyzer replaces this tokenizer. A Hangul stem the
 * lexicon does not know is tagged NA (분석불능), and particles/endings carry their Sejong tags from josa.tsv and
 * endings.tsv. It is a longest-path segmentation over a small lexicon, not a morphological analyzer.
 */
export interface SimpleTokenizer {
  tokenize(text: string): Token[];
}

interface WordInfo {
  pos: string;
  nameClass?: Token['nameClass'];
}

/** Costs of the segmentation: a known word costs 1, an unknown run more, a final particle almost nothing. */
const KNOWN_WORD = 1;
const KNOWN_SINGLE_SYLLABLE = 1.3;
const UNKNOWN_RUN = 1;
const UNKNOWN_PER_SYLLABLE = 0.6;
const FINAL_PARTICLE = 0.05;
/** A lone unknown syllable next to a known word is rarely right: 김해숙 is a name, not 김해 + 숙. */
const UNKNOWN_SINGLE_SYLLABLE = 0.5;
/** Longest particle or ending the tokenizer looks for, in syllables. */
const MAX_SUFFIX = 6;
/**
 * Longest unknown stretch the segmentation considers, in units: without a bound, every start tried every end of
 * its run, quadratic in a run without spaces (a page of one syllable). A longer stretch with no known word in it
 * comes out in pieces of this length; no eojeol of real text comes near it.
 */
const MAX_UNKNOWN_RUN = 256;

export function createSimpleTokenizer(lexicon: NameLexicon): SimpleTokenizer {
  const words = new Trie<WordInfo>();
  for (const noun of lexicon.commonNouns) words.set(noun, { pos: 'NNG' });
  for (const cue of lexicon.cues.keys()) words.set(cue, { pos: cue === '씨' || cue === '님' ? 'NNB' : 'NNG' });
  const names = lexicon.names;
  const suffixes = new Map<string, string>([...lexicon.endings, ...lexicon.josa]);
  return {
    tokenize(text: string): Token[] {
      const tokens: Token[] = [];
      let eojeol = -1;
      let i = 0;
      let inWord = false;
      while (i < text.length) {
        const cp = text.codePointAt(i)!;
        const width = cp > 0xffff ? 2 : 1;
        const kind = charKind(cp);
        if (kind === 'space') {
          inWord = false;
          i += width;
          continue;
        }
        if (!inWord) {
          eojeol++;
          inWord = true;
        }
        let end = i + width;
        if (kind === 'symbol') {
          tokens.push(createToken(i, end, text.slice(i, end), symbolTag(cp), eojeol));
          i = end;
          continue;
        }
        while (end < text.length) {
          const next = text.codePointAt(end)!;
          let nextKind = charKind(next);
          // 1,780 and 3.5 are one number.
          if (
            kind === 'digit' &&
            (next === 0x2c || next === 0x2e) &&
            end + 1 < text.length &&
            charKind(text.codePointAt(end + 1)!) === 'digit'
          ) {
            nextKind = 'digit';
          }
          if (nextKind !== kind) break;
          end += next > 0xffff ? 2 : 1;
        }
        if (kind === 'hangul') {
          segmentHangul(text, i, end, eojeol, tokens, tokens.length > 0 && tokens[tokens.length - 1]!.eojeol === eojeol);
        } else {
          tokens.push(createToken(i, end, text.slice(i, end), RUN_TAGS[kind], eojeol));
        }
        i = end;
      }
      return tokens;
    },
  };

  function lookupWords(text: string, start: number, end: number): { end: number; info: WordInfo }[] {
    const found = new Map<number, WordInfo>();
    for (const match of words.matchesAt(text, start, end)) found.set(match.end, match.value);
    // Proper nouns after common nouns, so that a name also listed as a common noun (정부) is a proper noun.
    for (const match of names.matchesAt(text, start, end)) {
      const entry = match.value;
      // A name that is also a common word (수단, 예산) gets no name class: the tokenizer cannot tell which it is.
      if (entry.ambiguous) {
        if (!found.has(match.end)) found.set(match.end, { pos: 'NNG' });
        continue;
      }
      found.set(match.end, {
        pos: 'NNP',
        nameClass: entry.type === 'PERSON' ? 'person' : entry.type === 'LOCATION' ? 'place' : 'other',
      });
    }
    return [...found].map(([wordEnd, info]) => ({ end: wordEnd, info }));
  }

  /**
   * Cheapest segmentation of one Hangul run into words, unknown stems and one final particle/ending. A run
   * `attached` to a Latin, digit or symbol token of its eojeol may be a particle alone (ETRI에서, 😀에서).
   */
  function segmentHangul(text: string, start: number, end: number, eojeol: number, out: Token[], attached: boolean): void {
    const n = end - start;
    const cost = new Float64Array(n + 1).fill(Infinity);
    const back: { from: number; pos: string; nameClass?: Token['nameClass'] }[] = new Array(n + 1);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue;
      const here = cost[i]!;
      for (const { end: wordEnd, info } of lookupWords(text, start + i, end)) {
        const j = wordEnd - start;
        const c = here + (j - i === 1 ? KNOWN_SINGLE_SYLLABLE : KNOWN_WORD);
        if (c < cost[j]!) {
          cost[j] = c;
          back[j] = { from: i, ...info };
        }
      }
      for (let j = i + 1, last = Math.min(n, i + MAX_UNKNOWN_RUN); j <= last; j++) {
        const c = here + UNKNOWN_RUN + UNKNOWN_PER_SYLLABLE * (j - i) + (j - i === 1 ? UNKNOWN_SINGLE_SYLLABLE : 0);
        if (c < cost[j]!) {
          cost[j] = c;
          back[j] = { from: i, pos: 'NA' };
        }
      }
      if ((i > 0 || attached) && n - i <= MAX_SUFFIX) {
        const tag = suffixes.get(text.slice(start + i, end));
        if (tag !== undefined) {
          const c = here + FINAL_PARTICLE;
          if (c < cost[n]!) {
            cost[n] = c;
            back[n] = { from: i, pos: tag };
          }
        }
      }
    }
    const pieces: Token[] = [];
    for (let j = n; j > 0; ) {
      const step = back[j]!;
      const token = createToken(start + step.from, start + j, text.slice(start + step.from, start + j), step.pos, eojeol);
      if (step.nameClass) token.nameClass = step.nameClass;
      pieces.push(token);
      j = step.from;
    }
    for (let k = pieces.length - 1; k >= 0; k--) out.push(pieces[k]!);
  }
}

type CharKind = 'space' | 'hangul' | 'latin' | 'digit' | 'hanja' | 'symbol';

const RUN_TAGS: Record<Exclude<CharKind, 'space' | 'symbol' | 'hangul'>, string> = {
  latin: 'SL',
  digit: 'SN',
  hanja: 'SH',
};

function charKind(cp: number): CharKind {
  if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x0b || cp === 0xa0 || cp === 0x3000) return 'space';
  if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x1680) return 'space';
  // Hangul syllables, and conjoining jamo (so NFD Hangul stays one run) and compatibility jamo (ㅋㅋ).
  if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return 'hangul';
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)) return 'latin';
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) return 'digit';
  if (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  ) {
    return 'hanja';
  }
  return 'symbol';
}

/** Sejong tags of symbols: SF sentence end, SP separators, SS quotes and brackets, SO dashes and tildes, SW others. */
function symbolTag(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if ('.?!。？！…'.includes(ch)) return 'SF';
  if (',·/:;，、：；'.includes(ch)) return 'SP';
  if ('"\'()[]{}<>“”‘’「」『』《》〈〉【】〔〕（）'.includes(ch)) return 'SS';
  if ('-~–—―∼～'.includes(ch)) return 'SO';
  return 'SW';
}
