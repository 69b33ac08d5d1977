import { addCandidate } from '../document/createDocument.js';
import type { KornerDocument, Token } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import { Trie } from './gazetteer.js';
import { loadNameLexicon, type NameLexicon } from './lexicon.js';
import { groupEojeols, isHangulWord, isParticleTail, matchAtTokens, type Eojeol } from './lexiconTokens.js';

/**
 * PERSON: a name before a person cue, as KLUE-NER tags it (the cue is never part of the name):
 * - apart: 이현준 기자, 유정복 인천시장 (the cue may be glued to a place or organisation), 정동영 전 통일부 장관,
 *   박 대통령 (a surname alone), A 씨 (one Latin capital);
 * - glued to 씨 or a byline title: 박씨 → 박, 김모씨 → 김, /이현준기자 → 이현준;
 * - tokens the analyzer marks as person names (nameClass 'person') and the user's PERSON entries;
 * - then every other mention of a name found so (장후이 ... 장후이는), in the same document.
 * A name must start with a family name from surnames.tsv unless the analyzer or the user says it is a name, or it
 * stands before a title (foreign names: 케리 장관).
 */
export function createPersonStage(): Stage {
  let lexicon: NameLexicon | undefined;
  return {
    name: 'person',
    requires: ['tokens'],
    provides: ['candidates'],
    async setup(resources) {
      lexicon = await loadNameLexicon(resources);
    },
    run(doc) {
      if (!lexicon) throw new Error('the person stage ran before its setup');
      findPersons(doc, lexicon);
    },
  };
}

/** Cues that may be glued to the name they follow (이현준기자, 박씨); other titles glue to nouns (국방장관). */
const GLUED_CUES = ['모씨', '씨', '氏', '님', '기자', '특파원'];
/** Glued cues after which a lone family name is a person (박씨); after the others the name has three syllables. */
const GLUED_HONORIFICS = new Set(['모씨', '씨', '氏']);
/** Words that may stand between a name and its title: 정동영 전 통일부 장관. */
const TITLE_MODIFIERS = new Set(['전', '현', '前', '現', '신임', '초대', '당시', '직전', '현직', '전직', '명예', '공동', '상임', '수석', '부']);
/** Honorifics after which a lone surname or a Latin initial is a person (박 씨, A 씨). */
const HONORIFICS = new Set(['씨', '氏', '모씨', '군', '양', '옹', '여사', '님']);

export function findPersons(doc: KornerDocument, lexicon: NameLexicon): void {
  const tokens = doc.tokens ?? [];
  const text = doc.text;
  const eojeols = groupEojeols(text, tokens);
  const found = new Map<string, { start: number; end: number }>();
  const emit = (start: number, end: number, score: number) => {
    const key = `${start}:${end}`;
    if (found.has(key)) return;
    found.set(key, { start, end });
    addCandidate(doc, { start, end, type: 'PERSON', source: 'person', score });
  };

  for (let e = 0; e < eojeols.length; e++) {
    const eojeol = eojeols[e]!;
    const core = eojeol.core;
    if (!core) continue;

    // Glued: 이현준기자, 박씨, 김모씨, A씨, and with an age between: 김모(33)씨.
    const aged =
      core.end < eojeol.end && text.charCodeAt(core.end) === 40 /* ( */
        ? /^\([^()]{1,12}\)([\uac00-\ud7a3]+)/u.exec(text.slice(core.end, eojeol.end))
        : null;
    const glued = aged ? core.text + aged[1]! : core.text;
    for (const cue of GLUED_CUES) {
      const cueAt = glued.indexOf(cue, 1);
      if (cueAt < 0 || (cueAt !== glued.length - cue.length && !isParticleTail(glued.slice(cueAt + cue.length), lexicon))) continue;
      let name = glued.slice(0, cueAt);
      if (name.length > core.text.length) break;
      if (name.endsWith('모') && lexicon.surnames.has(name.slice(0, -1))) name = name.slice(0, -1);
      const honorific = GLUED_HONORIFICS.has(cue);
      if (isLatinInitial(name) || (isPersonName(name, lexicon, honorific ? 1 : 3) && (honorific || name.length === 3))) {
        emit(core.start, core.start + name.length, 0.8);
      }
      break;
    }

    // Apart: the name's eojeol, then a cue eojeol (maybe after 전/현 or an organisation: 전 통일부 장관).
    const cue = cueAfter(eojeols, e, lexicon);
    if (!cue) continue;
    const name = nameBeforeCue(eojeol, text, lexicon, cue);
    if (name) emit(name.start, name.end, 0.9);
  }

  // Names the analyzer or the user dictionary knows.
  for (const token of tokens) {
    if (token.nameClass === 'person' && isHangulWord(token.text) && token.text.length >= 2) emit(token.start, token.end, 0.6);
  }
  for (const match of matchAtTokens(text, tokens, lexicon.names)) {
    if (match.value.type === 'PERSON') emit(match.start, match.end, 1);
  }

  // Other mentions of the names found: 장후이 in 장후이는.
  const names = new Set([...found.values()].map(({ start, end }) => text.slice(start, end)).filter((n) => n.length >= 2 && isHangulWord(n)));
  if (names.size === 0) return;
  // The names in a trie, each with its place in the set: one walk finds those an eojeol starts with (testing every
  // name against every eojeol made a long text with many names quadratic), emitted in the set's order.
  const byName = new Trie<number>();
  const lengths: number[] = [];
  for (const name of names) byName.set(name, lengths.push(name.length) - 1);
  for (const eojeol of eojeols) {
    const core = eojeol.core;
    if (!core || !isHangulWord(core.tokens[0]!.text.slice(0, 1))) continue;
    const from = core.start;
    const starting = byName.prefixValues(text.slice(from, eojeol.end));
    if (starting.length > 1) starting.sort((a, b) => a - b);
    for (const index of starting) {
      const length = lengths[index]!;
      const after = text.slice(from + length, eojeol.end);
      if (isParticleTail(after, lexicon) || after.startsWith('(')) emit(from, from + length, 0.7);
    }
  }
}

interface CueInfo {
  /** The cue word (기자, 시장 ...). */
  cue: string;
  /** Honorific (씨) or title. */
  kind: string;
  /** Written after a place or organisation in one word (인천시장): then 시장 is a mayor, not a market. */
  afterName?: boolean;
}

/** The cue that follows eojeol `e`, if the next eojeol(s) end their noun phrase with one. */
function cueAfter(eojeols: readonly Eojeol[], e: number, lexicon: NameLexicon): CueInfo | undefined {
  for (let k = e + 1; k <= e + 3 && k < eojeols.length; k++) {
    const core = eojeols[k]!.core;
    if (!core || core.start !== eojeols[k]!.start) return undefined;
    const cue = cueAtEnd(core.text, core.tokens, lexicon);
    if (cue) return cue;
    // 전, 신임 or an organisation/place without a particle may stand between: 정동영 전 통일부 장관.
    const between = TITLE_MODIFIERS.has(core.text) || (eojeols[k]!.bare && isAllNames(core.tokens, lexicon));
    if (!between) return undefined;
  }
  return undefined;
}

function cueAtEnd(text: string, tokens: readonly Token[], lexicon: NameLexicon): CueInfo | undefined {
  const exact = lexicon.cues.get(text);
  if (exact) return { cue: text, kind: exact };
  // 인천시장, 웨이하이시장, 통일부장관: names, then a cue as the last token.
  const last = tokens[tokens.length - 1];
  if (!last || tokens.length < 2) return undefined;
  const kind = lexicon.cues.get(last.text);
  if (kind && isAllNames(tokens.slice(0, -1), lexicon)) return { cue: last.text, kind, afterName: true };
  return undefined;
}

function isAllNames(tokens: readonly Token[], lexicon: NameLexicon): boolean {
  return (
    tokens.length > 0 &&
    tokens.every((t) => t.nameClass === 'place' || t.nameClass === 'other' || (t.pos === 'SL' && t.text.length >= 2) || lexicon.names.get(t.text)?.type === 'ORGANIZATION')
  );
}

/** The name at the start of `eojeol`, when it is one: its whole Hangul core, or a Latin initial (A 씨). */
function nameBeforeCue(eojeol: Eojeol, text: string, lexicon: NameLexicon, cue: CueInfo): { start: number; end: number } | undefined {
  const core = eojeol.core;
  if (!core) return undefined;
  // A name takes no particle before its title: the whole eojeol up to a bracket is the name (장후이(張惠) 시장).
  let end = core.end;
  const tokens = eojeol.tokens;
  let k = tokens.indexOf(core.tokens[core.tokens.length - 1]!) + 1;
  while (k < tokens.length && /^[\uac00-\ud7a3]+$/.test(tokens[k]!.text) && tokens[k]!.start === end) {
    end = tokens[k]!.end;
    k++;
  }
  // What follows must be nothing, a bracketed gloss or a comma-free closing symbol.
  const rest = text.slice(end, eojeol.end);
  if (rest.length > 0 && !rest.startsWith('(')) return undefined;
  let name = text.slice(core.start, end);
  // 김모 씨 → 김: 모 stands for the hidden given name.
  if (name.length === 2 && name.endsWith('모') && lexicon.surnames.has(name[0]!)) {
    name = name[0]!;
    end = core.start + 1;
  }
  if (lexicon.ambiguousCues.has(cue.cue) && !cue.afterName) {
    // 온라인 시장 is a market: before such a cue only a plain Korean name (유정복 시장) counts.
    const plain = end === core.end && core.tokens.length === 1 && (core.tokens[0]!.pos === 'NA' || core.tokens[0]!.nameClass === 'person');
    return plain && name.length === 3 && isPersonName(name, lexicon, 3) ? { start: core.start, end } : undefined;
  }
  if (isLatinInitial(name)) return HONORIFICS.has(cue.cue) || cue.cue === '기자' ? { start: core.start, end } : undefined;
  const analyzerSaysPerson = core.tokens.every((t) => t.nameClass === 'person');
  if (analyzerSaysPerson) return { start: core.start, end };
  if (!isHangulWord(name)) return undefined;
  if (isPersonName(name, lexicon, 1)) return { start: core.start, end };
  // A foreign name before a title (케리 장관): unknown to every dictionary, two to five syllables.
  const plainUnknown = end === core.end && core.tokens.length === 1 && core.tokens[0]!.pos === 'NA';
  if (cue.kind === 'title' && plainUnknown && name.length >= 2 && name.length <= 5 && !/[의은는을를이가도]$/.test(name) && !isKnownWord(name, lexicon)) {
    return { start: core.start, end };
  }
  return undefined;
}

/** A Korean name: a family name, then up to three syllables; not a word of the dictionaries. */
function isPersonName(name: string, lexicon: NameLexicon, minLength: number): boolean {
  if (!isHangulWord(name) || name.length < minLength || name.length > 4) return false;
  // 전 and 현 are family names too, but before a title they mostly mean former/current (정동영 전 장관).
  if (name.length === 1) return lexicon.surnames.has(name) && !TITLE_MODIFIERS.has(name);
  if (isKnownWord(name, lexicon)) return false;
  return lexicon.surnames.has(name.slice(0, 1)) || (name.length >= 3 && lexicon.surnames.has(name.slice(0, 2)));
}

function isKnownWord(word: string, lexicon: NameLexicon): boolean {
  const entry = lexicon.names.get(word);
  if (entry && entry.type !== 'PERSON') return true;
  return lexicon.commonNouns.has(word) || lexicon.cues.has(word) || TITLE_MODIFIERS.has(word) || lexicon.josa.has(word);
}

function isLatinInitial(name: string): boolean {
  return /^[A-Z]$/.test(name);
}
