import { ERROR_CODES, KornerError } from '../errors.js';
import { requireIfResolvable } from '../resources/nodeRequire.js';
import { type PinyinTable, pinyinToHangul } from './pinyin.js';
import { unifiedHan } from './script.js';

/**
 * Mandarin readings of Hanja written in Hangul by 외래어 표기법 (威海 → 웨이하이, 習近平 → 시진핑). Korean text writes
 * traditional characters (and Korean variants such as 靑); opencc-js maps them to simplified ones, which pinyin-pro
 * reads with its word dictionary (重慶 → chong qing, 廈門 → xia men).
 */
export interface MandarinReader {
  readonly table: PinyinTable;
  /** Traditional → simplified, one character for one character. */
  simplify(hanja: string): string[];
}

type OpenCC = typeof import('opencc-js');
type PinyinPro = typeof import('pinyin-pro');

/**
 * opencc-js and pinyin-pro take about 70 ms to load, and only texts with Hanja need them: Node requires them on
 * first use; elsewhere {@link loadMandarinLibraries} imports them first (HanjaReader.load and the gloss-link
 * stage's setup call it).
 */
let libraries: { opencc: OpenCC; pinyinPro: PinyinPro } | undefined;

/** Imports opencc-js and pinyin-pro unless they are loaded, or can be loaded synchronously when first needed. */
export async function loadMandarinLibraries(): Promise<void> {
  if (libraries || (requireIfResolvable('opencc-js') && requireIfResolvable('pinyin-pro'))) return;
  const [opencc, pinyinPro] = await Promise.all([import('opencc-js'), import('pinyin-pro')]);
  libraries ??= { opencc, pinyinPro };
}

function mandarinLibraries(): { opencc: OpenCC; pinyinPro: PinyinPro } {
  if (!libraries) {
    const opencc = requireIfResolvable('opencc-js');
    const pinyinPro = requireIfResolvable('pinyin-pro');
    if (!opencc || !pinyinPro) {
      throw new KornerError(
        ERROR_CODES.DICTIONARY,
        'Mandarin readings need opencc-js and pinyin-pro: await loadMandarinLibraries() (or HanjaReader.load) first.',
      );
    }
    libraries = { opencc: opencc() as OpenCC, pinyinPro: pinyinPro() as PinyinPro };
  }
  return libraries;
}

export function createMandarinReader(table: PinyinTable): MandarinReader {
  const convert = mandarinLibraries().opencc.Converter({ from: 't', to: 'cn' });
  return {
    table,
    simplify(hanja) {
      const chars = Array.from(hanja, unifiedHan);
      const whole = Array.from(convert(chars.join('')));
      // opencc converts by phrase; if a phrase changed length, fall back to one character at a time.
      return whole.length === chars.length ? whole : chars.map((c) => convert(c));
    },
  };
}

const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: false } as const;

/**
 * The Mandarin reading in Hangul, or undefined when a character has none. With `name`, the first character is read
 * as a surname (單 shan → 산, 曾 zeng → 쩡).
 */
export function readMandarin(hanja: string, reader: MandarinReader, options: { name?: boolean } = {}): string | undefined {
  const simplified = reader.simplify(hanja).join('');
  const { pinyin } = mandarinLibraries().pinyinPro;
  const syllables = pinyin(simplified, options.name ? { ...PINYIN_OPTIONS, surname: 'head' } : PINYIN_OPTIONS);
  let out = '';
  for (const syllable of syllables) {
    const hangul = pinyinToHangul(syllable, reader.table);
    if (hangul === undefined) return undefined;
    out += hangul;
  }
  return out;
}

/**
 * Every Hangul spelling each character may take: the readings in context and as a surname first, then every
 * other reading of the character (polyphones), for matching a gloss against the Hangul it stands beside.
 */
export function mandarinOptions(hanja: string, reader: MandarinReader): string[][] {
  const simplified = reader.simplify(hanja).join('');
  const { pinyin, polyphonic } = mandarinLibraries().pinyinPro;
  const inContext = pinyin(simplified, PINYIN_OPTIONS);
  const asName = pinyin(simplified, { ...PINYIN_OPTIONS, surname: 'head' });
  const all = polyphonic(simplified, PINYIN_OPTIONS);
  const chars = Array.from(simplified);
  return chars.map((_, i) => {
    const out = new Set<string>();
    for (const syllable of [inContext[i], asName[i], ...(all[i] ?? [])]) {
      if (syllable === undefined) continue;
      const hangul = pinyinToHangul(syllable, reader.table);
      if (hangul !== undefined) out.add(hangul);
    }
    return [...out];
  });
}
