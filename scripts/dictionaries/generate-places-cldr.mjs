#!/usr/bin/env node
/**
 * Generates dictionaries/names/places-cldr.tsv: world places in Korean from Unicode CLDR, as the npm packages
 * cldr-dates-full and cldr-localenames-full (pinned devDependencies) ship them:
 * - city: the exemplar city of each time zone (main/ko/timeZoneNames.json, `exemplarCity`), except Etc/Unknown,
 *   Antarctica's research stations (트롤, 케이시, 데이비스 are no cities and mostly person names) and the glossed
 *   "state, town" forms (노스다코타주, 뉴살렘), which are no single name;
 * - territory: countries and territories (main/ko/territories.json, two-letter codes, with CLDR's -alt-short and
 *   -alt-variant forms), except EU, EZ, UN (organisations), ZZ and the pseudo-regions;
 * - region: the UN M.49 regions of the same file (동아시아, 라틴 아메리카 ...), except 001 (세계);
 * - subdivision: the subdivisions CLDR names in Korean (main/ko/localeDisplayNames.json, `subdivisions`).
 * A name written with spaces (부에노스 아이레스) is also listed without them, as Korean news writes it; a bracketed
 * gloss (홍콩(중국 특별행정구)) is dropped. One row a surface: when several sources give it, the kind is the first of
 * territory, subdivision, region, city, and the source column names them all.
 * flags: `ambiguous` for one syllable or a common word (see name-lists.mjs), and for the few names in AMBIGUOUS.
 *
 * Run: node scripts/dictionaries/generate-places-cldr.mjs            (writes the file)
 *      node scripts/dictionaries/generate-places-cldr.mjs --check    (exits 1 when the file is out of date)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ambiguityTest, byCodeUnits, writeOrCheck } from './name-lists.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(root, 'dictionaries', 'names', 'places-cldr.tsv');
const require = createRequire(import.meta.url);

/** Region codes that are no place: organisations, unknown, the world, pseudo-regions. */
const SKIP_TERRITORIES = new Set(['001', 'EU', 'EZ', 'UN', 'ZZ', 'XA', 'XB']);
/** Time zones whose exemplar city is no place name. */
const SKIP_ZONE = /^(Etc|Antarctica)\//;
/**
 * Exemplar cities that are also common words or usual names of people that common-words.tsv does not catch
 * (치타 cheetah, 가자 "let's go", 놈 "fellow", 크리스마스, 피닉스, 치와와; 다윈, 소피아, 스탠리 as people).
 */
const AMBIGUOUS = new Set(
  '가자 놈 다윈 도슨 린데만 소피아 스탠리 오랄 월리스 웨이크 주노 치와와 치타 크리스마스 키로프 퍼스 피닉스'.split(' '),
);
const KIND_ORDER = ['territory', 'subdivision', 'region', 'city'];

function cldr(path) {
  return require(path);
}

function versionOf(name) {
  const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  return pkg.version;
}

function generate() {
  const isAmbiguous = ambiguityTest(join(root, 'dictionaries'));
  /** surface → { canonical, kind, sources: Set } */
  const rows = new Map();
  function add(name, kind, source) {
    const canonical = name.replace(/\(.*\)$/, '').trim().normalize('NFC');
    for (const surface of new Set([canonical, canonical.replace(/ /g, '')])) {
      const row = rows.get(surface);
      if (!row) {
        rows.set(surface, { canonical, kind, sources: new Set([source]) });
        continue;
      }
      row.sources.add(source);
      if (KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(row.kind)) {
        row.kind = kind;
        row.canonical = canonical;
      }
    }
  }

  const territories = cldr('cldr-localenames-full/main/ko/territories.json').main.ko.localeDisplayNames.territories;
  for (const [key, name] of Object.entries(territories)) {
    const code = key.replace(/-alt-.*$/, '');
    if (SKIP_TERRITORIES.has(code)) continue;
    add(name, /^\d{3}$/.test(code) ? 'region' : 'territory', `cldr:territory/${key}`);
  }
  const subdivisions =
    cldr('cldr-localenames-full/main/ko/localeDisplayNames.json').main.ko.localeDisplayNames.subdivisions ?? {};
  for (const [code, name] of Object.entries(subdivisions)) add(name, 'subdivision', `cldr:subdivision/${code}`);
  const zones = cldr('cldr-dates-full/main/ko/timeZoneNames.json').main.ko.dates.timeZoneNames.zone;
  (function walk(node, path) {
    for (const [key, value] of Object.entries(node)) {
      if (!value || typeof value !== 'object') continue;
      const zone = [...path, key].join('/');
      if (typeof value.exemplarCity === 'string' && !SKIP_ZONE.test(zone) && !value.exemplarCity.includes(',')) {
        add(value.exemplarCity, 'city', `cldr:zone/${zone}`);
      }
      walk(value, [...path, key]);
    }
  })(zones, []);

  const body = [...rows.entries()]
    .map(([surface, row]) => {
      const ambiguous = isAmbiguous(surface) || AMBIGUOUS.has(surface);
      const sources = [...row.sources].sort(byCodeUnits).join(',');
      return [surface, row.canonical, row.kind, sources, ambiguous ? 'ambiguous' : ''].join('\t').replace(/\t+$/, '');
    })
    .sort(byCodeUnits);
  return [
    '# World places in Korean: cities (the exemplar cities of the time zones), countries and territories, world regions',
    '# and the few subdivisions CLDR names in Korean. GENERATED by scripts/dictionaries/generate-places-cldr.mjs: do',
    '# not edit; change the script and run it again. Names with spaces are also listed without them; the canonical is',
    "# CLDR's own spelling. One row a surface: where several CLDR entries give a surface, its kind is the first of",
    '# territory, subdivision, region, city. source: the CLDR entries, as cldr:zone/<time zone>, cldr:territory/<code>,',
    '# cldr:subdivision/<code>.',
    '# kinds: city territory region subdivision',
    '# flags: "ambiguous" = one syllable, or also a common Korean word (dictionaries/search/common-words.tsv, the',
    '# ambiguous names of countries.tsv, or the script\'s own short list): trust it only with more evidence.',
    `# source: Unicode CLDR ${versionOf('cldr-dates-full')} (npm cldr-dates-full main/ko/timeZoneNames.json, cldr-localenames-full ${versionOf('cldr-localenames-full')} main/ko/territories.json and localeDisplayNames.json)`,
    '# licence: Unicode License v3 (CLDR data, © Unicode, Inc.); the selection: Apache-2.0 (korner)',
    '# columns: surface\tcanonical\tkind\tsource\tflags',
    ...body,
    '',
  ].join('\n');
}

writeOrCheck(OUTPUT, generate(), 'node scripts/dictionaries/generate-places-cldr.mjs');
