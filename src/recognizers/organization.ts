import { addCandidate } from '../document/createDocument.js';
import type { KornerDocument } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import { loadNameLexicon, type NameLexicon, type OrganizationSuffix } from './lexicon.js';
import { groupEojeols, isHangulWord, matchAtTokens, type Eojeol } from './lexiconTokens.js';

/**
 * ORGANIZATION:
 * - entries of organizations.tsv (with `canonical` for short forms: 기재부 → 기획재정부), the offices of local
 *   governments (인천시청, 강남구청) and the user's ORGANIZATION entries, on token boundaries;
 * - a noun phrase that ends in a suffix of organization-suffixes.tsv (외교부, 영화진흥위원회, 한국수자원공사) when
 *   its stem is long enough and of the kind the suffix needs, and the phrase is not a listed common word;
 * - (주) before or after a company name, which KLUE-NER includes in the span: (주)플로섬.
 */
export function createOrganizationStage(): Stage {
  let lexicon: NameLexicon | undefined;
  return {
    name: 'organization',
    requires: ['tokens'],
    provides: ['candidates'],
    async setup(resources) {
      lexicon = await loadNameLexicon(resources);
    },
    run(doc) {
      if (!lexicon) throw new Error('the organization stage ran before its setup');
      findOrganizations(doc, lexicon);
    },
  };
}

export function findOrganizations(doc: KornerDocument, lexicon: NameLexicon): void {
  const tokens = doc.tokens ?? [];
  const text = doc.text;
  const seen = new Set<string>();
  const emit = (start: number, end: number, score: number, canonical?: string) => {
    const key = `${start}:${end}`;
    if (seen.has(key) || end <= start) return;
    seen.add(key);
    addCandidate(doc, { start, end, type: 'ORGANIZATION', source: 'organization', score, ...(canonical ? { canonical } : {}) });
  };

  for (const match of matchAtTokens(text, tokens, lexicon.names)) {
    if (match.value.type === 'ORGANIZATION') emit(match.start, match.end, match.value.user ? 1 : 0.85, match.value.canonical);
  }

  // Most texts have no company mark, and most cores end in a letter that ends no suffix: both are checked on
  // the text before any eojeol or core is sliced out of it.
  const marked = text.includes('㈜') || text.includes('(주)');
  const suffixes = suffixesByLastUnit(lexicon);
  for (const eojeol of groupEojeols(text, tokens)) {
    const company = marked ? withCompanyMark(eojeol, text, lexicon) : undefined;
    if (company) {
      emit(company.start, company.end, 0.8);
      continue;
    }
    const coreEnd = eojeol.coreEnd;
    if (coreEnd - eojeol.coreStart < 2 || !suffixes.has(text.charCodeAt(coreEnd - 1))) continue;
    const core = eojeol.core!;
    const suffixed = bySuffix(core.text, lexicon);
    if (suffixed) emit(core.start, core.end, 0.7);
  }
}

/** (주)플로섬, 플로섬(주), ㈜플로섬: the mark and the name, as one span, without the particle after it. */
function withCompanyMark(eojeol: Eojeol, text: string, lexicon: NameLexicon): { start: number; end: number } | undefined {
  const word = text.slice(eojeol.start, eojeol.end);
  // Both forms need the mark: most eojeol have none.
  if (!word.includes('㈜') && !word.includes('(주)')) return undefined;
  const after = /^([\p{L}\p{N}&]+)(?:\(주\)|㈜)/u.exec(word);
  if (after) return { start: eojeol.start, end: eojeol.start + after[0].length };
  const before = /^(?:\(주\)|㈜)([\p{L}\p{N}&]+)/u.exec(word);
  if (!before) return undefined;
  let name = before[1]!;
  for (let cut = Math.min(name.length - 1, 6); cut >= 1; cut--) {
    if (lexicon.josa.has(name.slice(-cut)) || lexicon.endings.has(name.slice(-cut))) {
      name = name.slice(0, -cut);
      break;
    }
  }
  return { start: eojeol.start, end: eojeol.start + before[0].length - before[1]!.length + name.length };
}

const SUFFIXES_BY_LAST_UNIT = new WeakMap<NameLexicon, Map<number, OrganizationSuffix[]>>();

/** The organisation suffixes by their last UTF-16 unit, each list in the lexicon's order (longest first). */
function suffixesByLastUnit(lexicon: NameLexicon): Map<number, OrganizationSuffix[]> {
  let map = SUFFIXES_BY_LAST_UNIT.get(lexicon);
  if (!map) {
    map = new Map();
    for (const entry of lexicon.organizationSuffixes) {
      if (entry.suffix.length === 0) continue;
      const last = entry.suffix.charCodeAt(entry.suffix.length - 1);
      let list = map.get(last);
      if (!list) map.set(last, (list = []));
      list.push(entry);
    }
    SUFFIXES_BY_LAST_UNIT.set(lexicon, map);
  }
  return map;
}

/** Whether `phrase` is an organisation by its suffix (see organization-suffixes.tsv). */
export function bySuffix(phrase: string, lexicon: NameLexicon): boolean {
  if (lexicon.commonNouns.has(phrase) || lexicon.names.has(phrase)) return false;
  const candidates = suffixesByLastUnit(lexicon).get(phrase.charCodeAt(phrase.length - 1));
  if (!candidates) return false;
  for (const { suffix, minStem, needs } of candidates) {
    if (!phrase.endsWith(suffix) || phrase.length === suffix.length) continue;
    const stem = phrase.slice(0, -suffix.length);
    if (stem.length < minStem) return false;
    if (lexicon.commonNouns.has(stem) && needs !== 'any') return false;
    if (lexicon.cues.has(stem.slice(-2)) && isHangulWord(stem)) return false;
    switch (needs) {
      case 'any':
        return isHangulWord(stem) || /^[A-Za-z0-9가-힣&]+$/.test(stem);
      case 'place':
        return lexicon.names.get(stem)?.type === 'LOCATION';
      case 'name':
        return startsWithName(stem, lexicon);
    }
  }
  return false;
}

function startsWithName(stem: string, lexicon: NameLexicon): boolean {
  if (/^[A-Z]{1,6}/.test(stem)) return true;
  // Every name the stem begins with, in one walk (a look-up per prefix made a long stem quadratic).
  for (const entry of lexicon.names.prefixValues(stem, 2)) if (!entry.ambiguous) return true;
  return false;
}
