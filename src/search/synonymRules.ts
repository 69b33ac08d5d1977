/**
 * Synonym rules for a search index that the engine accepts and that do not pollute it.
 *
 * What korner collects from a corpus (see {@link SynonymCollector}): Hanja glosses with their Hangul forms (威海 →
 * 웨이하이), headline abbreviations (中 → 중국), acronyms with their expansions (ETRI → 전자통신연구원) and aliases of
 * the names it found (기재부 → 기획재정부). {@link buildSynonymRules} turns them into rules:
 *
 * 1. Left out by default, as they would match everywhere (reported as `left out`):
 *    - a one-character Hanja source (中, 故, 北): its reading is one syllable (중, 고, 북), which is what
 *      nori_readingform indexes it as and what any Hangul text holds (`회의 중에`, `…고 했다`);
 *    - a Hangul form of one syllable, or a frequent common word of dictionaries/search/common-words.tsv (위해: the
 *      verb in `협력 확대를 위해`; 매일; 신화);
 *    - with nori_readingform, a Hanja source whose reading the chain indexes and that reading is a common word
 *      the index holds as a term (每日 → 매일): the index cannot tell the two apart, and the rule would make
 *      마이니치 find every 매일. A reading that is common only as another part of speech stays (威海 → 위해: the
 *      verb 위해 is indexed as 위하, so 웨이하이 ↔ 威海 does not reach `협력 확대를 위해`);
 *    - Sino-Korean readings of names korner did not see written, unless `readings: 'all'`: a foreign name keeps
 *      the form written in the text and its Mandarin or Japanese reading (安倍晋三 ↔ 아베 신조, not 안배진삼);
 *    - an acronym whose expansion another acronym also claims (AMA, EMA ↔ 어워드; ICT, IT ↔ 정보통신기술): only the
 *      acronym whose letters match the expansion's words one for one keeps it (ICT), or none;
 *    - an acronym whose expansion is a generic word cut from a longer name (KSLV-II ↔ 발사체 of `한국형 발사체`,
 *      AMA ↔ 어워드 of `아메리칸 뮤직 어워드`): one word of half as many parts as the acronym has letters or fewer.
 * 2. Dropped (reported as `dropped`; an error with `strict`): a term that the chain reduces to nothing or gives a
 *    token a position increment other than 1 — Lucene's synonym parser refuses the whole file for one such term.
 *
 * Why the terms are written as they are in the text, for every chain: Lucene analyses each term of a rule with the
 * same chain as the text, so with nori_readingform the rule `威海, 웨이하이` is read as `위해, 웨이하이` and meets a
 * document where 威海 was indexed as 위해; without it, 威海 stays 威海 on both sides. Adding the reading as a term
 * of its own (the former `威海, 웨이하이, 위해`) is what polluted: the term 위해 is analysed as the verb 위하.
 */
import type { Entity, Link } from '../document/types.js';
import { unionGroups } from '../hanja/synonyms.js';
import type { Resources } from '../resources/resources.js';
import { AnalysisChain, NORI_STOP_TAGS, describeProblem, luceneTag, type ChainName } from './analysisChain.js';
import { CommonWords, syllableCount } from './commonWords.js';

export type ReadingsMode = 'written' | 'all';
export type AliasMode = 'corpus' | 'all' | 'none';
export type SynonymFormat = 'solr' | 'elasticsearch' | 'explicit' | 'plain';
export const READINGS_MODES: readonly ReadingsMode[] = ['written', 'all'];
export const ALIAS_MODES: readonly AliasMode[] = ['corpus', 'all', 'none'];
export const SYNONYM_FORMATS: readonly SynonymFormat[] = ['solr', 'elasticsearch', 'explicit', 'plain'];

type HangulOrigin = 'written' | 'mandarin' | 'japanese' | 'sino-korean';
const NAME_TYPES = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);
const HANGUL_PHRASE = /^[\uAC00-\uD7A3]+(?: [\uAC00-\uD7A3]+)*$/;
const LATIN = /[A-Za-z]/;

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
function nested<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

/** What a corpus says about synonyms, document by document. */
export class SynonymCollector {
  /** Hanja source → Hangul form → how korner got it. */
  readonly hanja = new Map<string, Map<string, Set<HangulOrigin>>>();
  /** Hanja headline abbreviation → full form → count (中 → 중국). */
  readonly abbreviations = new Map<string, Map<string, number>>();
  /** Acronym → expansion → count (ETRI → 전자통신연구원). */
  readonly acronyms = new Map<string, Map<string, number>>();
  /** Canonical name → other surfaces of it in the corpus (기획재정부 → 기재부). */
  readonly aliases = new Map<string, Set<string>>();
  /** Canonical names (or texts) of the names found. */
  readonly names = new Set<string>();

  add(doc: { text: string; links?: readonly Link[]; entities?: readonly Entity[] }): void {
    const entities = doc.entities ?? [];
    for (const link of doc.links ?? []) {
      const source = link.source.text.trim();
      const hangul = link.hangul.trim();
      if (!source || !hangul || source === hangul) continue;
      if (link.kind === 'abbreviation') {
        bump(nested(LATIN.test(source) ? this.acronyms : this.abbreviations, source), hangul);
        continue;
      }
      const forms = nested(this.hanja, source);
      const origin: HangulOrigin = link.target ? 'written' : link.reading === 'abbreviation' ? 'sino-korean' : link.reading;
      let origins = forms.get(hangul);
      if (!origins) forms.set(hangul, (origins = new Set()));
      origins.add(origin);
      if (!link.target) {
        // The name written right before the parenthesised gloss (아베 신조(安倍晋三)), which korner did not link
        // because no reading of its own matched.
        const open = link.source.start - 1;
        if (doc.text[open] === '(') {
          const written = entities.find((e) => e.end === open && NAME_TYPES.has(e.type) && HANGUL_PHRASE.test(e.text));
          if (written && written.text !== hangul) {
            let writtenOrigins = forms.get(written.text);
            if (!writtenOrigins) forms.set(written.text, (writtenOrigins = new Set()));
            writtenOrigins.add('written');
          }
        }
      }
    }
    for (const entity of entities) {
      if (!NAME_TYPES.has(entity.type)) continue;
      const canonical = (entity.canonical ?? entity.text).trim();
      this.names.add(canonical);
      const text = entity.text.trim();
      if (text && text !== canonical) {
        let set = this.aliases.get(canonical);
        if (!set) this.aliases.set(canonical, (set = new Set()));
        set.add(text);
      }
    }
  }
}

export interface SynonymRuleOptions {
  chain: AnalysisChain;
  commonWords: CommonWords;
  readings?: ReadingsMode;
  aliases?: AliasMode;
  /** korner's alias data: canonical name → its other names (기획재정부 → 기재부), from the name dictionaries. */
  aliasTable?: ReadonlyMap<string, readonly string[]>;
  /** The Sino-Korean reading of a Hanja string, added to its rule with `readings: 'all'`. */
  readSinoKorean?: (hanja: string) => string | undefined;
  /**
   * Also write one-way rules (`中 => 中, 중국`) for one-character headline abbreviations, where the chain keeps the
   * character as it is (nori, not nori-readingform or standard): for the `explicit` format.
   */
  oneWay?: boolean;
}

/** A synonym rule: its terms (sources first), and for a one-way rule the terms it maps to. */
export interface SynonymRule {
  terms: string[];
  /** One-way rule: `terms => to`. */
  to?: string[];
}

export interface SynonymReport {
  /** `left out`: a term that would pollute the index; `dropped`: one the engine would refuse. */
  action: 'left out' | 'dropped';
  term: string;
  /** The rule as it would have been written (solr syntax). */
  rule: string;
  reason: string;
}

export interface SynonymResult {
  rules: SynonymRule[];
  reports: SynonymReport[];
}

interface Pair {
  a: string;
  b: string;
}

/** Latin letters of an acronym before any digit, hyphen or numeral suffix (KSLV-II → KSLV). */
function acronymLetters(acronym: string): number {
  const stem = acronym.split(/[-\s\d]/)[0]!;
  return (stem.match(/[A-Za-z]/g) ?? []).length;
}

export function buildSynonymRules(collected: SynonymCollector, options: SynonymRuleOptions): SynonymResult {
  const { chain, commonWords } = options;
  const readings = options.readings ?? 'written';
  const aliasMode = options.aliases ?? 'corpus';
  const pairs: Pair[] = [];
  /** Terms left out for a reason that is not about the term itself (a pair, not a form, is the problem). */
  const pairReports: { pair: Pair; term: string; reason: string }[] = [];
  const isSource = (form: string) => !HANGUL_PHRASE.test(form);

  // Hanja glosses.
  for (const [source, forms] of collected.hanja) {
    const seen = [...forms].filter(([, origins]) => [...origins].some((o) => o !== 'sino-korean'));
    for (const [form, origins] of forms) {
      const computedOnly = [...origins].every((o) => o === 'sino-korean');
      if (computedOnly && seen.length > 0 && readings !== 'all') {
        pairReports.push({
          pair: { a: source, b: form },
          term: form,
          reason: `a Sino-Korean reading of a name written otherwise (${seen.map(([f]) => f).join(', ')}); use --readings all`,
        });
        continue;
      }
      pairs.push({ a: source, b: form });
    }
    if (readings === 'all') {
      const extra = options.readSinoKorean?.(source)?.trim();
      if (extra && extra !== source) pairs.push({ a: source, b: extra });
    }
  }

  // Headline abbreviations.
  const oneWay: SynonymRule[] = [];
  for (const [source, fulls] of collected.abbreviations) {
    for (const full of fulls.keys()) {
      if ([...source].length === 1 && options.oneWay && chain.name === 'nori') {
        const analysis = chain.analyze(source);
        if (!analysis.problem && analysis.tokens.length === 1 && analysis.tokens[0]!.text === source && !chain.analyze(full).problem) {
          oneWay.push({ terms: [source], to: [source, full] });
          continue;
        }
      }
      pairs.push({ a: source, b: full });
    }
  }

  // Acronyms: each joined with its own expansion only.
  const claimants = new Map<string, string[]>();
  for (const [acronym, expansions] of collected.acronyms) {
    for (const expansion of expansions.keys()) {
      let list = claimants.get(expansion);
      if (!list) claimants.set(expansion, (list = []));
      list.push(acronym);
    }
  }
  // Words of an expansion as Nori's tokenizer cuts them, whatever the chain (the standard one does not cut Hangul).
  const contentTokens = (form: string) => chain.noriTokens(form).filter((t) => !NORI_STOP_TAGS.has(luceneTag(t.pos))).length || 1;
  for (const [expansion, acronyms] of claimants) {
    const parts = contentTokens(expansion);
    let owners = acronyms;
    if (acronyms.length > 1) {
      const matching = acronyms.filter((a) => acronymLetters(a) === parts);
      owners = matching.length === 1 ? matching : [];
      for (const acronym of acronyms) {
        if (owners.includes(acronym)) continue;
        const others = acronyms.filter((a) => a !== acronym).sort();
        pairReports.push({
          pair: { a: acronym, b: expansion },
          term: acronym,
          reason: `${expansion} is also the expansion of ${others.join(', ')} and its ${parts} word(s) do not match the ${acronymLetters(acronym)} letters of ${acronym}`,
        });
      }
    }
    for (const acronym of owners) {
      const letters = acronymLetters(acronym);
      if (!expansion.includes(' ') && (parts * 2 <= letters || commonWords.has(expansion))) {
        pairReports.push({
          pair: { a: acronym, b: expansion },
          term: acronym,
          reason: `${expansion} is a generic word (${parts} part(s) for ${letters} letters), likely cut from a longer name`,
        });
        continue;
      }
      pairs.push({ a: acronym, b: expansion });
    }
  }

  // Aliases.
  if (aliasMode !== 'none') {
    const table = options.aliasTable ?? new Map<string, readonly string[]>();
    const canonicals = aliasMode === 'all' ? new Set([...table.keys(), ...collected.aliases.keys()]) : collected.names;
    for (const canonical of [...canonicals].sort()) {
      const surfaces = new Set([...(collected.aliases.get(canonical) ?? []), ...(table.get(canonical) ?? [])]);
      for (const surface of surfaces) {
        if (surface === canonical) continue;
        if (namesTheSame(surface, canonical)) pairs.push({ a: surface, b: canonical });
        else pairReports.push({ pair: { a: surface, b: canonical }, term: surface, reason: `an alias that names another thing than ${canonical} (a part, a predecessor): neither abbreviates the other` });
      }
    }
  }

  // Each form checked once: pollution first, then the chain.
  const status = new Map<string, { action: SynonymReport['action']; reason: string } | null>();
  const check = (form: string): { action: SynonymReport['action']; reason: string } | null => {
    if (status.has(form)) return status.get(form)!;
    let result: { action: SynonymReport['action']; reason: string } | null = null;
    const analysis = chain.analyze(form);
    if (isSource(form)) {
      if (/^\p{Script=Han}$/u.test(form)) {
        result = { action: 'left out', reason: 'a single Hanja: its reading is one syllable, which Hangul text holds everywhere' };
      } else if (chain.name === 'nori-readingform' && !analysis.problem && analysis.tokens.length === 1) {
        const read = analysis.tokens[0]!.text;
        const common = commonWords.get(read);
        if (read !== form.toLowerCase() && (syllableCount(read) === 1 || (common && common.indexed > 0))) {
          result = {
            action: 'left out',
            reason: `nori_readingform indexes it as ${read}, ${syllableCount(read) === 1 ? 'one syllable' : 'a common word the index holds'}`,
          };
        }
      }
    } else if (syllableCount(form) === 1) {
      result = { action: 'left out', reason: 'one syllable' };
    } else if (commonWords.has(form) || commonWords.has(form.replace(/ /g, ''))) {
      result = { action: 'left out', reason: 'a frequent common word (dictionaries/search/common-words.tsv)' };
    }
    if (!result && analysis.problem) {
      const remedy = chain.name !== 'standard' && HANGUL_PHRASE.test(form) && !form.includes(' ') ? ' (korner nori-dictionary puts it in Nori\'s user dictionary as one word)' : '';
      result = { action: 'dropped', reason: `${describeProblem(chain.name, analysis.problem)}${remedy}` };
    }
    status.set(form, result);
    return result;
  };

  const rawGroups = groupPairs(pairs.concat(pairReports.map((r) => r.pair)));
  const rawRule = new Map<string, string>();
  for (const group of rawGroups) {
    const text = orderTerms(group, isSource).map(escapeSolr).join(', ');
    for (const form of group) rawRule.set(form, text);
  }
  const kept = pairs.filter((p) => !check(p.a) && !check(p.b));
  const groups = groupPairs(kept);
  const rules: SynonymRule[] = groups.map((group) => ({ terms: orderTerms(group, isSource) }));
  for (const rule of oneWay) rules.push(rule);

  const reports: SynonymReport[] = [];
  const reported = new Set<string>();
  for (const form of [...rawRule.keys()].sort()) {
    const problem = check(form);
    if (problem) reports.push({ ...problem, term: form, rule: rawRule.get(form)! });
    reported.add(form);
  }
  for (const { pair, term, reason } of pairReports) {
    const key = `${pair.a}\u0000${pair.b}`;
    if (reported.has(key)) continue;
    reported.add(key);
    if (check(pair.a) || check(pair.b)) continue;
    reports.push({ action: 'left out', term, rule: rawRule.get(pair.a)!, reason });
  }
  reports.sort((x, y) => (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  rules.sort((x, y) => compare(ruleKey(x), ruleKey(y)));
  return { rules, reports };
}

/** Prefixes that a body's name may drop and stay the same body's: national and legal-form prefixes. */
const NAME_PREFIXES: ReadonlySet<string> = new Set(['한국', '대한', '국립', '재단법인', '사단법인', '주식회사', '(주)', '㈜']);

/**
 * Whether an alias and its canonical name are two names of one thing, for a synonym: one is an acronym in Latin
 * letters and the other is not (KBS, 한국방송공사), or the shorter one abbreviates the longer: its letters appear
 * there in order, as a prefix (서울대 ← 서울대학교) or not contiguously (기재부 ← 기획재정부, 미국 ← 미합중국). The
 * dictionaries' canonical names also group a part under its whole (서울중앙지검, 대검 → 검찰청; 서울경찰청 → 경찰청;
 * 안보리 → 유엔) and a predecessor under its successor (건교부 → 국토교통부): those are other things, not synonyms.
 */
export function namesTheSame(alias: string, canonical: string): boolean {
  const acronym = (s: string) => /^[A-Z][A-Z0-9&+.-]*$/.test(s);
  if (acronym(alias) !== acronym(canonical)) return !LATIN.test(acronym(alias) ? canonical : alias);
  const [short, long] = [...alias].length <= [...canonical].length ? [alias, canonical] : [canonical, alias];
  if (long.startsWith(short)) return true;
  // A name without its national or legal-form prefix is the same body (전자통신연구원 ← 한국전자통신연구원, 삼성전자 ←
  // 주식회사 삼성전자); any other prefix names a part (경찰청 ← 서울경찰청).
  if (long.endsWith(short) && NAME_PREFIXES.has(long.slice(0, long.length - short.length).trim())) return true;
  if (long.includes(short)) return false;
  const a = [...short.replace(/ /g, '')];
  let i = 0;
  for (const ch of long) if (i < a.length && ch === a[i]) i++;
  return i === a.length;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ruleKey = (rule: SynonymRule) => `${rule.terms.join('\u0000')}\u0001${(rule.to ?? []).join('\u0000')}`;

/** Sources (Hanja, Latin) first, then Hangul forms; each part sorted. */
function orderTerms(group: readonly string[], isSource: (form: string) => boolean): string[] {
  const sources = group.filter(isSource).sort(compare);
  const others = group.filter((f) => !isSource(f)).sort(compare);
  return [...sources, ...others];
}

function groupPairs(pairs: readonly Pair[]): string[][] {
  return unionGroups(pairs.map((p) => [p.a, p.b] as const));
}

/**
 * A term as Solr's synonym parser reads it: `,` separates terms and `=>` sides (a backslash escapes the next
 * character), and a line that starts with `#` is a comment.
 */
export function escapeSolr(term: string): string {
  const escaped = term.replace(/[\\,=]/g, (c) => `\\${c}`);
  return escaped.startsWith('#') ? `\\${escaped}` : escaped;
}

/** The rules in a format: solr lines, an Elasticsearch `synonyms` array, explicit `a, b => a, b` lines or plain TSV. */
export function formatSynonymRules(rules: readonly SynonymRule[], format: SynonymFormat): string {
  if (format === 'plain') {
    const lines = rules.filter((r) => !r.to).map((r) => r.terms.join('\t'));
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }
  const solr = (r: SynonymRule) =>
    r.to
      ? `${r.terms.map(escapeSolr).join(', ')} => ${r.to.map(escapeSolr).join(', ')}`
      : format === 'explicit'
        ? `${r.terms.map(escapeSolr).join(', ')} => ${r.terms.map(escapeSolr).join(', ')}`
        : r.terms.map(escapeSolr).join(', ');
  const lines = rules.filter((r) => format === 'explicit' || !r.to).map(solr);
  if (format === 'elasticsearch') return `${JSON.stringify(lines, null, 2)}\n`;
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A report line for stderr: `dropped 클라이막스시리즈 from "CS, 클라이막스시리즈": …`. */
export function formatSynonymReport(report: SynonymReport): string {
  return `${report.action} ${report.term} from "${report.rule}": ${report.reason}`;
}

export { type ChainName };

/** The name dictionaries that hold aliases (surface → canonical), as the alias stage reads them. */
const ALIAS_DICTIONARIES = ['countries.tsv', 'places-world.tsv', 'places-korea.tsv', 'organizations.tsv'] as const;

/**
 * korner's alias data: canonical name → its other names (기획재정부 → 기재부), from the name dictionaries and the
 * user's entries. Entries flagged `ambiguous` (also a common word: 강동, 가평) are left out.
 */
export async function loadAliasTable(resources: Resources): Promise<Map<string, string[]>> {
  const table = new Map<string, string[]>();
  const add = (surface: string, canonical: string) => {
    if (!surface || !canonical || surface === canonical) return;
    let list = table.get(canonical);
    if (!list) table.set(canonical, (list = []));
    if (!list.includes(surface)) list.push(surface);
  };
  for (const name of ALIAS_DICTIONARIES) {
    const t = await resources.table(name);
    const surface = t.column('surface');
    const canonical = t.column('canonical');
    const flags = t.columns.indexOf('flags');
    for (const row of t.rows) {
      if (flags >= 0 && row[flags] === 'ambiguous') continue;
      add(row[surface]!, row[canonical] ?? '');
    }
  }
  for (const entry of resources.userEntries) if (entry.canonical) add(entry.surface, entry.canonical);
  for (const list of table.values()) list.sort(compare);
  return table;
}
