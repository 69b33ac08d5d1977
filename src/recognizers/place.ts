import { addCandidate } from '../document/createDocument.js';
import type { KornerDocument, Token } from '../document/types.js';
import type { Stage } from '../pipeline/stage.js';
import type { TrieMatch } from './gazetteer.js';
import { loadNameLexicon, type NameEntry, type NameLexicon } from './lexicon.js';
import { groupEojeols, matchAtTokens, type Eojeol } from './lexiconTokens.js';

/**
 * LOCATION: places of places-korea.tsv, places-world.tsv and countries.tsv (and the user's LOCATION entries)
 * wherever they start and end on token boundaries, as KLUE-NER tags them:
 * - a place before a title is the place (서울시장 → 서울, 웨이하이시장 → 웨이하이);
 * - a chain of administrative places written apart is one place (경기 용인시 수지구, 중국 베이징);
 * - a name that is also a common word (수단, 공주) only when the analyzer tags it as a place, or inside a chain.
 */
export function createPlaceStage(): Stage {
  let lexicon: NameLexicon | undefined;
  return {
    name: 'place',
    requires: ['tokens'],
    provides: ['candidates'],
    async setup(resources) {
      lexicon = await loadNameLexicon(resources);
    },
    run(doc) {
      if (!lexicon) throw new Error('the place stage ran before its setup');
      findPlaces(doc, lexicon);
    },
  };
}

/** Kinds that can head a chain of places written apart (경기 용인시, 중국 베이징). */
const CHAIN_HEAD = new Set(['country', 'province', 'city', 'county', 'district', 'region', 'province-cn', 'city-cn', 'province-jp']);

export function findPlaces(doc: KornerDocument, lexicon: NameLexicon): void {
  const tokens = doc.tokens ?? [];
  const text = doc.text;
  const eojeols = groupEojeols(text, tokens);
  const places = matchAtTokens(text, tokens, lexicon.names).filter((m) => m.value.type === 'LOCATION');
  if (places.length === 0) return;
  // The place starting each eojeol, if any (a place's first token starts its eojeol exactly when the eojeol starts
  // there; the last such place wins). Arrays and a binary search: Maps here were a tenth of all allocation.
  const byEojeolStart: (TrieMatch<NameEntry> | undefined)[] = new Array<TrieMatch<NameEntry> | undefined>(eojeols.length);
  for (const place of places) {
    const e = eojeolStartingAt(eojeols, place.start);
    if (e >= 0) byEojeolStart[e] = place;
  }

  // Chains: a place that fills its eojeol, a space, then a place that starts the next eojeol.
  let used: Set<TrieMatch<NameEntry>> | undefined;
  for (let e = 0; e < eojeols.length; e++) {
    const head = byEojeolStart[e];
    if (!head || used?.has(head) || !CHAIN_HEAD.has(head.value.kind) || head.end !== eojeols[e]!.end) continue;
    const chain = [head];
    let k = e + 1;
    while (k < eojeols.length) {
      const next = byEojeolStart[k];
      const previous = chain[chain.length - 1]!;
      if (!next || text.slice(previous.end, next.start) !== ' ' || !chainable(previous.value, next.value)) break;
      chain.push(next);
      if (next.end !== eojeols[k]!.end || !CHAIN_HEAD.has(next.value.kind)) break;
      k++;
    }
    if (chain.length < 2) continue;
    used ??= new Set();
    for (const link of chain) used.add(link);
    addCandidate(doc, { start: head.start, end: chain[chain.length - 1]!.end, type: 'LOCATION', source: 'place', score: 0.9 });
  }

  for (const place of places) {
    if (used?.has(place)) continue;
    const entry = place.value;
    if (entry.ambiguous && !entry.user && lastTokenStartingAt(tokens, place.first).nameClass !== 'place') continue;
    addCandidate(doc, {
      start: place.start,
      end: place.end,
      type: 'LOCATION',
      source: 'place',
      score: entry.user ? 1 : 0.8,
      ...(entry.canonical ? { canonical: entry.canonical } : {}),
    });
  }
}

/** The index of the eojeol that starts at `start` (eojeols are sorted by start), or -1. */
function eojeolStartingAt(eojeols: readonly Eojeol[], start: number): number {
  let lo = 0;
  let hi = eojeols.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (eojeols[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < eojeols.length && eojeols[lo]!.start === start ? lo : -1;
}

/** The last of the tokens that start where token `first` starts (a compound and its first part may share it). */
function lastTokenStartingAt(tokens: readonly Token[], first: number): Token {
  let k = first;
  while (k + 1 < tokens.length && tokens[k + 1]!.start === tokens[first]!.start) k++;
  return tokens[k]!;
}

/** How large a kind of place is: a chain goes from larger to smaller. */
const PLACE_RANK: Readonly<Record<string, number>> = {
  country: 0,
  region: 1,
  province: 1,
  'province-cn': 1,
  'province-jp': 1,
  city: 2,
  county: 2,
  'city-cn': 2,
  'place-jp': 2,
  district: 3,
  place: 4,
};

/** 경기 + 용인시, 중국 + 베이징, 용인시 + 수지구: a smaller place after a larger one. */
function chainable(outer: NameEntry, inner: NameEntry): boolean {
  const a = PLACE_RANK[outer.kind];
  const b = PLACE_RANK[inner.kind];
  return a !== undefined && b !== undefined && b > a;
}
