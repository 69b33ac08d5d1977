// Korean search in-process: korner's entities and analyzer in an Orama index.
//   npx tsup && node examples/search/search.mjs
// - korner's analyzer is Orama's tokenizer: 인천항만공사는 is indexed as 인천, 항만, 공사, and 웨이하이에서 as 웨이하이.
//   Orama has no Korean tokenizer: its default (English) one drops Hangul and Hanja altogether, and one that cuts
//   at spaces keeps 인천항만공사는 whole, where a query for 항만공사 does not find it (Orama matches prefixes);
// - korner's search documents (what `korner index --to jsonl` writes) give the facets, dates and quantities;
// - korner's synonym groups (`korner synonyms`) expand a query: 웨이하이 searches 웨이하이 OR 威海.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, insertMultiple, search } from '@orama/orama';
import { createExtractor, loadAnalyzer, nodeLoader, searchDocument } from 'korner';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
/** The example articles: examples/news.txt and the short ones beside this script. */
export const FILES = [join(ROOT, 'examples', 'news.txt'), ...readdirSync(HERE).filter((name) => name.endsWith('.txt')).sort().map((name) => join(HERE, name))];

/** An Orama tokenizer that keeps korner's nouns, numbers, foreign words and Hanja and drops particles and endings. */
export async function koreanTokenizer() {
  const analyzer = await loadAnalyzer(nodeLoader());
  const KEEP = new Set(['NNG', 'NNP', 'SN', 'SL', 'SH']);
  return {
    language: 'korean',
    normalizationCache: new Map(),
    tokenize(text) {
      if (typeof text !== 'string') return [text];
      const kept = analyzer.tokenize(text).filter((token) => KEEP.has(token.pos.split('+')[0]) || /\p{Script=Han}/u.test(token.text)); // 島/XSN of 靑島 too
      return [...new Set(kept.map((token) => (token.norm ?? token.text).toLowerCase()))];
    },
  };
}

/** A DATE day as a number Orama can range over: 2024-03-14 → 20240314. */
const dayNumber = (day) => Number(day.replaceAll('-', ''));

/** The Orama document of a korner search document: facets as string[], days as numbers, quantities by unit. */
function oramaDocument(doc, title) {
  const quantity = {};
  for (const { value, unit } of doc.quantity) (quantity[unit] ??= []).push(value);
  // `date` holds the DATE values given to the day; months, years and periods are in doc.date_range (for engines
  // with range fields). The entity spans (doc.entities) are kept for highlighting, not indexed.
  return { id: String(doc.id), title, text: doc.text, person: doc.person, place: doc.place, organization: doc.organization, date: doc.date.map(dayNumber), quantity, entities: doc.entities };
}

/** Extracts the articles, indexes them in Orama and reads korner's synonym groups for them. */
export async function buildIndex(files = FILES) {
  const extractor = await createExtractor();
  const docs = files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const { entities, links } = extractor.extract(text);
    const id = relative(ROOT, file).split('\\').join('/');
    return oramaDocument(searchDocument({ id, line: 1, text, entities, links }, { labels: 'long', offsets: 'utf16' }), text.split('\n')[0]);
  });
  const units = [...new Set(docs.flatMap((doc) => Object.keys(doc.quantity)))];
  const db = create({
    schema: {
      title: 'string', text: 'string',
      person: 'string[]', place: 'string[]', organization: 'string[]', // facets
      date: 'number[]', // yyyymmdd
      quantity: Object.fromEntries(units.map((unit) => [unit, 'number[]'])), // quantity.KRW: [200000000000] ...
    },
    components: { tokenizer: await koreanTokenizer() },
  });
  await insertMultiple(db, docs);
  return { db, docs, synonyms: synonymGroups(files) };
}

/**
 * korner's synonym groups for the corpus, form → group: `korner synonyms --format plain` prints one group a line,
 * tab-separated. `--analyzer nori` checks them against the chain nearest to this tokenizer (the same dictionary,
 * no reading form); either way the rules that would match common words (위해 as a reading of 威海) are left out.
 */
export function synonymGroups(files = FILES) {
  const cli = fileURLToPath(new URL('cli.js', import.meta.resolve('korner')));
  const plain = execFileSync(process.execPath, [cli, 'synonyms', '--input', 'document', '--format', 'plain', '--analyzer', 'nori', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const groups = new Map();
  for (const group of plain.split('\n').filter(Boolean).map((line) => line.split('\t'))) for (const form of group) groups.set(form, group);
  return groups;
}

/**
 * Full-text search with the query expanded by the synonym groups: one Orama search per form (all of its tokens
 * must match), merged. `where` takes Orama filters (date, quantity.KRW ...).
 */
export async function searchText(index, query, where = {}) {
  const forms = index.synonyms.get(query) ?? [query];
  const hits = new Map();
  for (const form of forms) {
    const result = await search(index.db, { term: form, properties: ['title', 'text'], threshold: 0, where, limit: 100 });
    for (const hit of result.hits) if (!hits.has(hit.id) || hits.get(hit.id).score < hit.score) hits.set(hit.id, hit);
  }
  return { forms, hits: [...hits.values()].sort((a, b) => b.score - a.score) };
}

/** Every document matching `where`, with the counts of the entity facets. */
export async function browse(index, where = {}) {
  const facets = { person: { limit: 100 }, place: { limit: 100 }, organization: { limit: 100 } };
  return search(index.db, { term: '', where, facets, limit: 100 });
}

/** The documents with a DATE day in [from, to] (yyyy-MM-dd). */
export const datesBetween = (index, from, to) => browse(index, { date: { between: [dayNumber(from), dayNumber(to)] } });

/** The documents with a QUANTITY in `unit` over `min`. */
export const quantityOver = (index, unit, min) => browse(index, { [`quantity.${unit}`]: { gt: min } });

async function main() {
  const index = await buildIndex();
  const line = (hit) => `  ${hit.document.id.padEnd(34)} ${hit.document.title}`;
  console.log(`Indexed ${index.docs.length} articles; korner synonym groups: ${[...new Set(index.synonyms.values())].map((group) => group.join('=')).join(', ')}\n`);

  const weihai = await searchText(index, '웨이하이');
  console.log(`Query 웨이하이 → ${weihai.forms.join(' OR ')}: ${weihai.hits.length} articles`);
  weihai.hits.forEach((hit) => console.log(line(hit)));
  console.log('  (not examples/search/cooperation.txt, whose "협력 확대를 위해" is no place: 위해 is left out of the group)\n');

  const all = await browse(index);
  console.log('Facets of all articles:');
  for (const [field, facet] of Object.entries(all.facets)) {
    const counts = Object.entries(facet.values).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    console.log(`  ${field.padEnd(12)} ${counts.map(([name, count]) => `${name} ${count}`).join(', ')}`);
  }

  const spring = await datesBetween(index, '2024-05-01', '2024-06-30');
  console.log('\nA date between 2024-05-01 and 2024-06-30:');
  spring.hits.forEach((hit) => console.log(`${line(hit)}  [${hit.document.date.join(', ')}]`));

  const rich = await quantityOver(index, 'KRW', 1e8);
  console.log('\nAn amount over 1억 KRW:');
  rich.hits.forEach((hit) => console.log(`${line(hit)}  [${hit.document.quantity.KRW.map((won) => `${won / 1e8}억`).join(', ')}]`));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
