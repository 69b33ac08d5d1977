/**
 * The analysis chains a search engine runs over korner's synonym terms, emulated with korner's own analyzer (the
 * same mecab-ko-dic that Lucene's Nori compiles in), so that a rule the engine would refuse or reduce to nothing is
 * caught before it is written.
 *
 * Lucene's `SynonymMap.Parser.analyze` runs every term of a rule through the chain that comes before the synonym
 * filter and throws when the chain
 * - emits nothing ("term: X was completely eliminated by analyzer"), or
 * - emits a token whose position increment is not 1 ("analyzed to a token (막스) with position increment != 1"):
 *   a token after one the part-of-speech filter removed (클라이막스시리즈 → 클라/NNP 이/MM 막스/NNG 시리즈/NNG, 이/MM
 *   removed), or the overlapping tokens of decompounding in `mixed` mode.
 * Trailing removed tokens are harmless (위해 → 위하/VV 아/EC: 아 goes, 위하 stays).
 */
import type { Analyzer } from '../analyzer/analyzer.js';

/**
 * - `nori`: Nori tokenizer (decompound `discard`, punctuation discarded) + `nori_part_of_speech` (default stop
 *   tags) + `lowercase`;
 * - `nori-readingform`: the same with `nori_readingform` after the part-of-speech filter: a Hanja word the
 *   dictionary knows becomes its Hangul reading (威海 → 위해). This is Elasticsearch's built-in `nori` analyzer
 *   (Lucene's KoreanAnalyzer: tokenizer, part-of-speech filter, reading form, lower case) and the usual custom
 *   chain, hence korner's default;
 * - `standard`: Lucene's StandardTokenizer (UAX #29 words; each Han ideograph and Hiragana character a token of its
 *   own) + `lowercase`, as Elasticsearch's `standard` analyzer (no stop words).
 */
export type ChainName = 'nori' | 'nori-readingform' | 'standard';
export const CHAIN_NAMES: readonly ChainName[] = ['nori', 'nori-readingform', 'standard'];
export const DEFAULT_CHAIN: ChainName = 'nori-readingform';

/**
 * `KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS` of Lucene 8 (and the default `stoptags` of Elasticsearch's
 * `nori_part_of_speech`), in Lucene's `POS.Tag` names: E (every verbal ending: EP, EF, EC, ETN, ETM), IC, J (every
 * particle: JKS, JKO, JX, JC ...), MAG, MAJ, MM, SP, SSC, SSO, SC, SE, XPN, XSA, XSN, XSV, UNA, NA, VSV.
 */
export const NORI_STOP_TAGS: ReadonlySet<string> = new Set([
  'E', 'IC', 'J', 'MAG', 'MAJ', 'MM', 'SP', 'SSC', 'SSO', 'SC', 'SE', 'XPN', 'XSA', 'XSN', 'XSV', 'UNA', 'NA', 'VSV',
]);

/**
 * Lucene's `POS.resolveTag` of a mecab-ko-dic tag, as the stop filter sees it: the left (first) tag of a compound or
 * inflected entry (VV+EC → VV), every J… tag as J and every E… tag as E.
 */
export function luceneTag(pos: string): string {
  const first = pos.split('+')[0]!.toUpperCase();
  if (first.startsWith('J')) return 'J';
  if (first.startsWith('E')) return 'E';
  return first;
}

export interface ChainToken {
  /** The term as indexed (after reading form and lower case). */
  text: string;
  /** The surface in the input. */
  surface: string;
  /** mecab-ko-dic tag ('' for the standard chain). */
  pos: string;
  positionIncrement: number;
}

export interface RemovedToken {
  surface: string;
  pos: string;
}

export type ChainProblem =
  | { kind: 'eliminated'; removed: RemovedToken[] }
  | { kind: 'position'; token: ChainToken; removed: RemovedToken[] };

export interface TermAnalysis {
  tokens: ChainToken[];
  /** Tokens the part-of-speech filter removed. */
  removed: RemovedToken[];
  /** Why Lucene's synonym parser would refuse the term, if it would. */
  problem?: ChainProblem;
}

/** One token as Nori's tokenizer emits it in `discard` mode, before the filters. */
interface RawToken {
  surface: string;
  pos: string;
  reading?: string;
}

/** Han ideographs, Hiragana: StandardTokenizer makes each character a token. */
const SINGLE_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}]/u;

export class AnalysisChain {
  private readonly cache = new Map<string, TermAnalysis>();

  constructor(
    readonly name: ChainName,
    private readonly analyzer: Analyzer,
  ) {}

  /**
   * The tokens of Nori's tokenizer in `discard` mode: korner's analyzer splits compounds in that mode already; an
   * inflected or pre-analysed entry (위해: 위하/VV+아/EC) Nori splits too, into morphemes without readings.
   */
  noriTokens(text: string): RawToken[] {
    const out: RawToken[] = [];
    for (const token of this.analyzer.tokenize(text, { decompound: 'discard', discardPunctuation: true })) {
      if (token.morphemes && token.morphemes.length > 1 && token.pos.includes('+')) {
        for (const m of token.morphemes) out.push({ surface: m.text, pos: m.pos });
      } else {
        const raw: RawToken = { surface: token.text, pos: token.pos };
        if (token.reading) raw.reading = token.reading;
        out.push(raw);
      }
    }
    return out;
  }

  /** The chain's output for `text`, as the synonym parser analyses a rule's term. */
  analyze(text: string): TermAnalysis {
    let result = this.cache.get(text);
    if (!result) {
      result = this.name === 'standard' ? this.analyzeStandard(text) : this.analyzeNori(text);
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  /** The indexed terms of `text` (the tokens that pass every filter), e.g. to count a corpus. */
  terms(text: string): ChainToken[] {
    return this.name === 'standard' ? this.analyzeStandard(text).tokens : this.analyzeNori(text).tokens;
  }

  private analyzeNori(text: string): TermAnalysis {
    const tokens: ChainToken[] = [];
    const removed: RemovedToken[] = [];
    let problem: ChainProblem | undefined;
    let increment = 1;
    for (const raw of this.noriTokens(text)) {
      if (NORI_STOP_TAGS.has(luceneTag(raw.pos))) {
        removed.push({ surface: raw.surface, pos: raw.pos });
        increment++;
        continue;
      }
      const form = this.name === 'nori-readingform' && raw.reading ? raw.reading : raw.surface;
      const token: ChainToken = { text: form.toLowerCase(), surface: raw.surface, pos: raw.pos, positionIncrement: increment };
      if (increment !== 1 && !problem) problem = { kind: 'position', token, removed: [...removed] };
      tokens.push(token);
      increment = 1;
    }
    if (tokens.length === 0) problem = { kind: 'eliminated', removed };
    return problem ? { tokens, removed, problem } : { tokens, removed };
  }

  private analyzeStandard(text: string): TermAnalysis {
    const tokens: ChainToken[] = [];
    const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFC'))) {
      if (!isWordLike) continue;
      // A run of ideographs is one segment for ICU (it has a dictionary for them); StandardTokenizer splits it.
      let run = '';
      const flush = () => {
        if (run) tokens.push({ text: run.toLowerCase(), surface: run, pos: '', positionIncrement: 1 });
        run = '';
      };
      for (const ch of segment) {
        if (SINGLE_CHARACTER.test(ch)) {
          flush();
          tokens.push({ text: ch, surface: ch, pos: '', positionIncrement: 1 });
        } else run += ch;
      }
      flush();
    }
    return tokens.length === 0 ? { tokens, removed: [], problem: { kind: 'eliminated', removed: [] } } : { tokens, removed: [] };
  }
}

/** The reason a chain refuses a term, for messages: `the chain removes it (고/EC: stop tag E)`. */
export function describeProblem(chain: ChainName, problem: ChainProblem): string {
  const tags = (removed: RemovedToken[]) =>
    removed.map((r) => `${r.surface}/${r.pos}: stop tag ${luceneTag(r.pos)}`).join(', ');
  if (problem.kind === 'eliminated') {
    return problem.removed.length > 0
      ? `the ${chain} chain removes it (${tags(problem.removed)}): "completely eliminated by analyzer"`
      : `the ${chain} chain gives no token for it: "completely eliminated by analyzer"`;
  }
  return (
    `the ${chain} chain gives ${problem.token.surface} a position increment of ${problem.token.positionIncrement} ` +
    `(${tags(problem.removed)}): "position increment != 1"`
  );
}
