import type { EntityType, Reading } from '../document/types.js';
import type { Resources } from '../resources/resources.js';
import type { TsvTable } from '../resources/tsv.js';
import { ERROR_CODES, KornerError } from '../errors.js';
import { buildJapaneseData, type JapaneseData, longestJapanese, matchJapanese } from './japanese.js';
import { createMandarinReader, loadMandarinLibraries, mandarinOptions, type MandarinReader, readMandarin } from './mandarin.js';
import { buildPinyinTable, pinyinToHangul } from './pinyin.js';
import { unifiedHan } from './script.js';
import {
  buildSinoKoreanData,
  matchSinoKorean,
  readSinoKorean,
  sinoKoreanAccepts,
  type SinoKoreanData,
} from './sinoKorean.js';

/** How many Hanja strings' Mandarin options a reader keeps. */
const MANDARIN_CACHE_SIZE = 4096;

/** The dictionary files the reader is built from, relative to dictionaries/. */
export const HANJA_TABLES = {
  readings: 'hanja/readings.tsv',
  words: 'hanja/words.tsv',
  pinyin: 'hanja/pinyin-hangul.tsv',
  abbreviations: 'hanja/abbreviations.tsv',
  surnames: 'hanja/surnames.tsv',
  japanese: 'hanja/japanese.tsv',
  kana: 'hanja/kana-hangul.tsv',
} as const;

const readersByTables = new WeakMap<HanjaTables, HanjaReader>();

/** A headline abbreviation (北 → 북한, LOCATION). */
export interface Abbreviation {
  readonly hanja: string;
  readonly hangul: string;
  readonly type: EntityType;
}

/** A Hanja string prepared for matching against several Hangul candidates. */
export interface PreparedHanja {
  readonly hanja: string;
  /** Which reading of the Hanja the Hangul is (spaces ignored), or null: Sino-Korean, Mandarin, then Japanese. */
  match(hangul: string): Exclude<Reading, 'abbreviation'> | null;
  /**
   * The most Hangul units (spaces aside) a reading `match` accepts can have: a caller trying the stretches of a
   * long Hangul run need not try longer ones.
   */
  readonly longest: number;
}

const ENTITY_TYPES = new Set<string>(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'TIME', 'QUANTITY']);

/** The tables of {@link HANJA_TABLES}, parsed. */
export interface HanjaTables {
  readings: TsvTable;
  words: TsvTable;
  pinyin: TsvTable;
  abbreviations: TsvTable;
  surnames?: TsvTable;
  /** Japanese readings of Hanja; used together with `kana` (both or neither). */
  japanese?: TsvTable;
  kana?: TsvTable;
}

function readAbbreviations(t: TsvTable): Abbreviation[] {
  const [h, g, ty] = [t.column('hanja'), t.column('hangul'), t.column('type')];
  return t.rows.map((row) => {
    const type = row[ty]!;
    if (!ENTITY_TYPES.has(type)) {
      throw new KornerError(ERROR_CODES.DICTIONARY, `${t.name}: unknown type "${type}" for ${row[h]}; use one of ${[...ENTITY_TYPES].join(', ')}.`);
    }
    return { hanja: row[h]!, hangul: row[g]!, type: type as EntityType };
  });
}

/** Reads Hanja in Hangul: Sino-Korean, Mandarin by 외래어 표기법, and headline abbreviations. */
export class HanjaReader {
  readonly abbreviations: ReadonlyMap<string, Abbreviation>;
  readonly maxAbbreviationLength: number;
  private readonly mandarin: MandarinReader;
  /**
   * Mandarin options per Hanja string (pinyin-pro and OpenCC take most of a gloss match's time, and the same
   * glosses recur: 中, 美, 北). Cleared when it reaches {@link MANDARIN_CACHE_SIZE} entries.
   */
  private readonly mandarinCache = new Map<string, string[][]>();

  constructor(
    readonly sinoKorean: SinoKoreanData,
    pinyinTable: ReadonlyMap<string, string>,
    abbreviations: readonly Abbreviation[],
    /** Japanese readings (optional: without them no gloss is read as Japanese). */
    readonly japanese?: JapaneseData,
  ) {
    this.mandarin = createMandarinReader(pinyinTable);
    const map = new Map<string, Abbreviation>();
    let max = 1;
    for (const a of abbreviations) {
      map.set(a.hanja, a);
      max = Math.max(max, Array.from(a.hanja).length);
    }
    this.abbreviations = map;
    this.maxAbbreviationLength = max;
  }

  /** Builds a reader from parsed tables (see {@link HANJA_TABLES}). */
  static fromTables(tables: HanjaTables): HanjaReader {
    const abbreviations = readAbbreviations(tables.abbreviations);
    return new HanjaReader(
      buildSinoKoreanData(tables.readings, tables.words, tables.surnames),
      buildPinyinTable(tables.pinyin),
      abbreviations,
      tables.japanese && tables.kana ? buildJapaneseData(tables.japanese, tables.kana) : undefined,
    );
  }

  /**
   * The reader of these tables, built on first use and then shared by every stage and extractor that has them
   * (the tables are shared by the extractors over one loader: see Resources).
   */
  static forTables(tables: HanjaTables): HanjaReader {
    let reader = readersByTables.get(tables);
    if (!reader) {
      reader = HanjaReader.fromTables(tables);
      readersByTables.set(tables, reader);
    }
    return reader;
  }

  /** The reader for these resources, built once and shared by every stage that asks. */
  static load(resources: Resources): Promise<HanjaReader> {
    return resources.derived('hanja:reader', async () => {
      const tables = await HanjaReader.loadTables(resources);
      await loadMandarinLibraries();
      return HanjaReader.forTables(tables);
    }, 'loader');
  }

  /**
   * The parsed tables a reader is built from (read once per Resources), with the abbreviation types checked, so
   * that a damaged table fails here; building the reader from them can then wait until a text needs it.
   */
  static loadTables(resources: Resources): Promise<HanjaTables> {
    return resources.derived('hanja:tables', async () => {
      const [readings, words, pinyin, abbreviations, surnames, japanese, kana] = await Promise.all([
        resources.table(HANJA_TABLES.readings),
        resources.table(HANJA_TABLES.words),
        resources.table(HANJA_TABLES.pinyin),
        resources.table(HANJA_TABLES.abbreviations),
        resources.table(HANJA_TABLES.surnames),
        resources.table(HANJA_TABLES.japanese),
        resources.table(HANJA_TABLES.kana),
      ]);
      readAbbreviations(abbreviations);
      // The columns the reader's builders read: a table without one fails here, not on the first text with Hanja.
      for (const [table, columns] of [
        [readings, ['hanja', 'readings']],
        [words, ['hanja', 'hangul']],
        [pinyin, ['pinyin', 'hangul']],
        [surnames, ['hanja', 'reading']],
        [japanese, ['hanja', 'on', 'kun']],
        [kana, ['romaji', 'start', 'inside']],
      ] as const) {
        for (const column of columns) table.column(column);
      }
      return { readings, words, pinyin, abbreviations, surnames, japanese, kana };
    }, 'loader');
  }

  /**
   * Sino-Korean readings, best first: 李舜臣 → [이순신, ...], 金大中 → [김대중, ...]. `name` reads the first
   * character as a surname (by default, strings of two to four characters that start with one are read so).
   */
  readSinoKorean(hanja: string, limit?: number, options?: { name?: boolean }): string[] {
    return readSinoKorean(hanja, this.sinoKorean, limit, options);
  }

  /** The Mandarin reading in Hangul (威海 → 웨이하이); `name` reads the first character as a surname. */
  readMandarin(hanja: string, options?: { name?: boolean }): string | undefined {
    return readMandarin(hanja, this.mandarin, options);
  }

  /** One pinyin syllable in Hangul (wei → 웨이). */
  pinyinToHangul(syllable: string): string | undefined {
    return pinyinToHangul(syllable, this.mandarin.table);
  }

  /** The Mandarin options of each character of `hanja` (see mandarinOptions), cached. */
  private mandarinOptionsOf(hanja: string): string[][] {
    let options = this.mandarinCache.get(hanja);
    if (options === undefined) {
      if (this.mandarinCache.size >= MANDARIN_CACHE_SIZE) this.mandarinCache.clear();
      options = mandarinOptions(hanja, this.mandarin);
      this.mandarinCache.set(hanja, options);
    }
    return options;
  }

  /** Which reading `hangul` is of `hanja` (spaces ignored), or null. */
  matchReading(hanja: string, hangul: string): Exclude<Reading, 'abbreviation'> | null {
    return this.prepare(hanja).match(hangul);
  }

  /**
   * Prepares a Hanja string for matching. Mandarin matching lets each character take any of its readings, and lets
   * a Sino-Korean tail follow a Mandarin head (威海市 → 웨이하이시, 東方輪船公司 → 둥팡룬촨공사 or 둥팡룬촨 공사).
   */
  prepare(hanja: string): PreparedHanja {
    const chars = Array.from(hanja, unifiedHan);
    const data = this.sinoKorean;
    let options: string[][] | undefined;
    const japanese = this.japanese;
    let longest: number | undefined;
    return {
      hanja,
      // Sino-Korean readings and the word list have a syllable a character, Mandarin ones at most two.
      get longest() {
        return (longest ??= Math.max(2 * chars.length, japanese ? longestJapanese(hanja, japanese) : 0));
      },
      match: (input) => {
        const hangul = input.includes(' ') ? input.replace(/ /g, '') : input;
        if (hangul.length === 0) return null;
        const sameLength = hangul.length === chars.length;
        if (sameLength && matchSinoKorean(hanja, hangul, data, { words: false })) return 'sino-korean';
        // A Mandarin syllable is one or two Hangul syllables (웨이, 위안). Tried before the word list, which also
        // holds Mandarin readings of Chinese places (山東省 산둥성).
        if (hangul.length >= chars.length && hangul.length <= 2 * chars.length) {
          options ??= this.mandarinOptionsOf(hanja);
          if (matchMandarin(chars, options, hangul, data)) return 'mandarin';
        }
        // The word list also spells Japanese places as they are read in Korean (京都 교토): Japanese first.
        if (japanese && matchJapanese(hanja, hangul, japanese)) return 'japanese';
        return sameLength && matchSinoKorean(hanja, hangul, data) ? 'sino-korean' : null;
      },
    };
  }
}

/** DP over (character, Hangul position, whether the Sino-Korean tail has begun). */
function matchMandarin(chars: readonly string[], options: readonly string[][], hangul: string, data: SinoKoreanData): boolean {
  const n = chars.length;
  const m = hangul.length;
  // state index: (i * (m + 1) + p) * 2 + tail
  const seen = new Uint8Array((n + 1) * (m + 1) * 2);
  const stack: number[] = [0, 0, 0];
  while (stack.length > 0) {
    const tail = stack.pop()!;
    const p = stack.pop()!;
    const i = stack.pop()!;
    const key = (i * (m + 1) + p) * 2 + tail;
    if (seen[key]) continue;
    seen[key] = 1;
    if (i === n) {
      if (p === m) return true;
      continue;
    }
    if (!tail) {
      for (const option of options[i] ?? []) {
        if (hangul.startsWith(option, p)) stack.push(i + 1, p + option.length, 0);
      }
    }
    if (i > 0 && p < m && sinoKoreanAccepts(chars[i]!, hangul[p]!, hangul[p - 1], data)) stack.push(i + 1, p + 1, 1);
  }
  return false;
}
