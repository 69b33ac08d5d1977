#!/usr/bin/env node
// Builds dictionaries/mecab-ko-dic/ from the mecab-ko-dic 2.0.3-20170922 compiled into Lucene's Korean analyzer
// (Nori) in Debian's liblucene8-java. This script is the source of truth for those files: rerun it, never edit them.
//
//   node scripts/mecab-dic/build.mjs            extract with Java (ExtractNori.java), then compile
//   node scripts/mecab-dic/build.mjs --check    rebuild in memory and compare with the committed files
//   (--skip-extract reuses the dump in .cache/mecab-dic; --out DIR writes the files to DIR instead)
//
// Needs: openjdk 17 (java, javac) and liblucene8-java (jars in /usr/share/java, or set LUCENE_JARS to a
// colon-separated classpath). The intermediate dump goes to .cache/mecab-dic/ (git-ignored).
//
// Output (all little-endian typed arrays; sizes and layout in meta.json):
//   trie.bin       Int32Array of (base, check) pairs: a double-array trie over dense character codes. The
//                  value of a key is -(entryStart * 64 + count) - 1. A node that ends a key has bit 30 set in
//                  its check (TRIE_HAS_VALUE); a leaf (a key end with no children, most surfaces) holds its value
//                  in its own base, any other key end in the base of its terminal slot, the slot of code 0 under
//                  it. So a walk reads one (base, check) pair per character, not a second slot to find out
//                  whether a word ends there, and stops at a leaf without probing for children.
//   codes.bin      Uint16Array(65536): UTF-16 code unit -> dense code (0 = occurs in no surface)
//   entries.bin    Int16Array(4 * entries): leftId, rightId, wordCost, info (tag | type << 6 | nameClass << 8 |
//                  hasExtra << 10), entries sorted by surface (UTF-16 order), Lucene's word-id order within one
//   extras.bin     Uint32Array(2 * n + 1): sorted entry indices with extra data, then byte offsets into extras.txt
//   extras.txt     UTF-8 records: reading \x1f morphemes (surface \x1d tag, joined by \x1e)
//   chars.bin      Uint32Array(65536): character facts (see CHAR_* below and src/analyzer/dictionary.ts)
//   matrix-0.bin, matrix-1.bin  Int16Array rows of the connection matrix (row = left-id class of the next word,
//                  column = right-id class of the previous word; identical rows and columns merged), in two files
//   meta.json      tags, unknown-word definitions, default context ids for user words, sizes
//   manifest.json  version and sha256 of every file above
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// --out DIR writes somewhere else (to try a layout without touching the committed files).
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dictionaries/mecab-ko-dic');
const cacheDir = path.join(root, '.cache/mecab-dic');
const check = process.argv.includes('--check');

export const DICTIONARY_VERSION = 'mecab-ko-dic-2.0.3-20170922';
/** Bumped whenever the binary layout changes (the loader checks it). */
export const FORMAT_VERSION = 3;
/** Flag in a trie node's check: a key ends at this node (see trie.bin above). */
export const TRIE_HAS_VALUE = 1 << 30;

// ---------------------------------------------------------------------------------------------- extraction
function classpath() {
  if (process.env.LUCENE_JARS) return process.env.LUCENE_JARS;
  const dir = '/usr/share/java';
  const find = (prefix) => {
    const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix) && /-\d[\d.]*\.jar$/.test(f));
    if (!name) throw new Error(`no ${prefix}*.jar in ${dir}: apt-get install liblucene8-java, or set LUCENE_JARS`);
    return path.join(dir, name);
  };
  return [find('lucene-core-'), find('lucene-analyzers-common-'), find('lucene-analyzers-nori-')].join(':');
}

function extract() {
  const cls = path.join(cacheDir, 'classes');
  const dump = path.join(cacheDir, 'dump');
  fs.mkdirSync(cls, { recursive: true });
  const cp = classpath();
  execFileSync('javac', ['-cp', cp, '-d', cls, path.join(here, 'ExtractNori.java')], { stdio: 'inherit' });
  execFileSync('java', ['-cp', `${cp}:${cls}`, 'ExtractNori', dump], { stdio: 'inherit' });
  return dump;
}

// ---------------------------------------------------------------------------------------------- fine tags
// Lucene keeps only coarse tags for particles and endings (every JK*, JX, JC is "J"; every E* is "E"). mecab's
// dictionary compiler numbers context ids in the sorted order of their feature strings, which begin with the
// full Sejong tag, so the J ids are the blocks JC < JKB < JKC < JKG < JKO < JKQ < JKS < JKV < JX and the E ids
// EC < EF < EP < ETM < ETN. Inside a block the lexicalised ids are sorted by surface, so a block starts where the
// surfaces start again from the beginning; an id with many surfaces is not lexicalised and is a block of its
// own. The build fails unless every block count and anchor word below agrees.
const FINE = {
  J: { tags: ['JC', 'JKB', 'JKC', 'JKG', 'JKO', 'JKQ', 'JKS', 'JKV', 'JX'],
    anchors: { JC: '과', JKB: '에게', JKC: '가', JKG: '의', JKO: '를', JKQ: '라고', JKS: '께서', JKV: '아', JX: '는' } },
  E: { tags: ['EC', 'EF', 'EP', 'ETM', 'ETN'],
    anchors: { EC: '어서', EF: '습니다', EP: '었', ETM: '은', ETN: '기' } },
};

const utf8Compare = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function fineTagsByLeftId(rows) {
  const result = new Map();
  for (const coarse of Object.keys(FINE)) {
    const byId = new Map();
    for (const r of rows) {
      if (r.leftPos !== coarse) continue;
      let s = byId.get(r.leftId);
      if (!s) byId.set(r.leftId, (s = { morph: new Set(), all: new Set() }));
      s.all.add(r.surface);
      if (r.type === 'MORPHEME') s.morph.add(r.surface);
    }
    const ids = [...byId.keys()].sort((a, b) => a - b);
    const blocks = [];
    let prev = null;
    for (const id of ids) {
      const s = byId.get(id);
      const big = s.all.size > 30;
      const rep = [...(s.morph.size ? s.morph : s.all)].sort(utf8Compare)[0];
      const reset = prev === null || big || prev.big || utf8Compare(rep, prev.rep) < 0;
      if (reset) blocks.push([]);
      blocks.at(-1).push(id);
      prev = { rep, big };
    }
    const { tags, anchors } = FINE[coarse];
    if (blocks.length !== tags.length) {
      throw new Error(`fine tags of ${coarse}: found ${blocks.length} blocks of context ids, expected ${tags.length}`);
    }
    blocks.forEach((block, i) => {
      const tag = tags[i];
      if (!block.some((id) => byId.get(id).morph.has(anchors[tag]))) {
        throw new Error(`fine tags of ${coarse}: block ${i} (${block[0]}..${block.at(-1)}) lacks anchor ${anchors[tag]}/${tag}`);
      }
      for (const id of block) result.set(id, tag);
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------- trie
/** Double-array trie over sorted keys (arrays of dense codes >= 1); values[i] >= 0 is stored at key i's end. */
function buildDoubleArray(keys, values) {
  let cap = 1 << 21;
  let base = new Int32Array(cap);
  let chk = new Int32Array(cap).fill(-1);
  const grow = (need) => {
    if (need < cap) return;
    let next = cap;
    while (next <= need) next *= 2;
    const b = new Int32Array(next);
    b.set(base);
    const c = new Int32Array(next).fill(-1);
    c.set(chk);
    base = b;
    chk = c;
    cap = next;
  };
  chk[0] = -2; // the root has no parent
  let nextCheckPos = 1;
  let size = 1;
  const codes = [];
  const ranges = [];
  // Iterative depth-first construction: stack of [node, lo, hi, depth].
  const stack = [[0, 0, keys.length, 0]];
  while (stack.length) {
    const [node, lo, hi, depth] = stack.pop();
    codes.length = 0;
    ranges.length = 0;
    for (let i = lo; i < hi; ) {
      const c = depth < keys[i].length ? keys[i][depth] : 0;
      let j = i + 1;
      while (j < hi && (depth < keys[j].length ? keys[j][depth] : 0) === c) j++;
      codes.push(c);
      ranges.push(i, j);
      i = j;
    }
    if (codes.length === 1 && codes[0] === 0) {
      // A leaf: the value goes into the node itself, no terminal slot.
      if (ranges[1] - ranges[0] !== 1) throw new Error('duplicate key in trie');
      base[node] = -values[ranges[0]] - 1;
      chk[node] |= TRIE_HAS_VALUE;
      continue;
    }
    if (codes[0] === 0 && node !== 0) chk[node] |= TRIE_HAS_VALUE;
    const first = codes[0];
    let pos = Math.max(first + 1, nextCheckPos) - 1;
    let nonzero = 0;
    let firstFree = true;
    let b;
    for (;;) {
      pos++;
      grow(pos);
      if (chk[pos] !== -1) {
        nonzero++;
        continue;
      }
      if (firstFree) {
        nextCheckPos = pos;
        firstFree = false;
      }
      b = pos - first;
      grow(b + codes[codes.length - 1]);
      let ok = true;
      for (let k = 1; k < codes.length; k++) {
        if (chk[b + codes[k]] !== -1) {
          ok = false;
          break;
        }
      }
      if (ok) break;
    }
    // darts-clone's heuristic: once the scanned region is nearly full, start later next time.
    if (nonzero / (pos - nextCheckPos + 1) >= 0.95) nextCheckPos = pos;
    base[node] = b;
    for (let k = 0; k < codes.length; k++) {
      const slot = b + codes[k];
      chk[slot] = node;
      if (slot + 1 > size) size = slot + 1;
    }
    for (let k = codes.length - 1; k >= 0; k--) {
      const slot = b + codes[k];
      const glo = ranges[2 * k];
      const ghi = ranges[2 * k + 1];
      if (codes[k] === 0) {
        if (ghi - glo !== 1) throw new Error('duplicate key in trie');
        base[slot] = -values[glo] - 1;
      } else {
        stack.push([slot, glo, ghi, depth + 1]);
      }
    }
  }
  // Interleaved (base, check) pairs: one cache line serves both reads of a step.
  const out = new Int32Array(2 * size);
  for (let i = 0; i < size; i++) {
    out[2 * i] = base[i];
    out[2 * i + 1] = chk[i];
  }
  return { data: out, size };
}

// ---------------------------------------------------------------------------------------------- context ids
/**
 * Renumbers the left and right classes (see main) in place, most frequent first: a class counts once per
 * position where some dictionary word with it starts (left) and once per such word (right) in
 * context-sample.txt. Unknown-word classes get a small weight; ties keep the old order.
 */
function byFrequency(rows, lefts, rights, dump) {
  const bySurface = new Map();
  let longest = 0;
  for (const r of rows) {
    let list = bySurface.get(r.surface);
    if (!list) bySurface.set(r.surface, (list = []));
    list.push(r);
    if (r.surface.length > longest) longest = r.surface.length;
  }
  const leftWeight = new Float64Array(lefts.reps.length);
  const rightWeight = new Float64Array(rights.reps.length);
  const seen = new Set();
  const sample = fs.readFileSync(path.join(here, 'context-sample.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  for (const line of sample) {
    for (let s = 0; s < line.length; s++) {
      seen.clear();
      for (let e = s + 1; e <= Math.min(line.length, s + longest); e++) {
        for (const r of bySurface.get(line.slice(s, e)) ?? []) {
          const l = lefts.classOf[r.leftId];
          if (!seen.has(l)) leftWeight[l]++;
          seen.add(l);
          rightWeight[rights.classOf[r.rightId]]++;
        }
      }
    }
  }
  const unknownIds = fs.readFileSync(path.join(dump, 'unknown.tsv'), 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  for (const f of unknownIds) {
    leftWeight[lefts.classOf[+f[2]]] += 0.5;
    rightWeight[rights.classOf[+f[3]]] += 0.5;
  }
  for (const [classes, weight] of [[lefts, leftWeight], [rights, rightWeight]]) {
    weight[0] = Infinity;
    const order = [...weight.keys()].sort((a, b) => weight[b] - weight[a] || a - b);
    const rank = new Int32Array(order.length);
    order.forEach((c, i) => (rank[c] = i));
    classes.reps = order.map((c) => classes.reps[c]);
    classes.classOf = classes.classOf.map((c) => rank[c]);
  }
}

// ---------------------------------------------------------------------------------------------- main
function main() {
  const dump = process.argv.includes('--skip-extract') ? path.join(cacheDir, 'dump') : extract();
  const info = JSON.parse(fs.readFileSync(path.join(dump, 'info.json'), 'utf8'));

  const rows = [];
  for (const line of fs.readFileSync(path.join(dump, 'lexicon.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    rows.push({
      surface: f[0], leftId: +f[1], rightId: +f[2], cost: +f[3], type: f[4], leftPos: f[5], rightPos: f[6],
      reading: f[7], morphemes: f[8],
    });
  }
  if (rows.length !== info.entries) throw new Error(`read ${rows.length} entries, Java wrote ${info.entries}`);

  const fineByLeft = fineTagsByLeftId(rows);
  // The fine tag of a particle/ending morpheme inside a breakdown: the lowest-cost plain entry with that surface
  // and coarse tag (the first morpheme of an entry takes the entry's own left-id tag instead, which is exact).
  const fineBySurface = new Map();
  for (const r of rows) {
    if (r.type !== 'MORPHEME' || !FINE[r.leftPos]) continue;
    const key = `${r.leftPos}\u0000${r.surface}`;
    const best = fineBySurface.get(key);
    if (!best || r.cost < best.cost) fineBySurface.set(key, { cost: r.cost, tag: fineByLeft.get(r.leftId) });
  }
  const refine = (coarse, surface) => fineBySurface.get(`${coarse}\u0000${surface}`)?.tag ?? FINE[coarse]?.tags[0];

  const tagNames = ['UNKNOWN'];
  const tagIndex = new Map([['UNKNOWN', 0]]);
  const tagOf = (t) => {
    let i = tagIndex.get(t);
    if (i === undefined) {
      i = tagNames.length;
      tagNames.push(t);
      tagIndex.set(t, i);
    }
    return i;
  };
  for (const group of Object.values(FINE)) group.tags.forEach(tagOf);
  const entryTag = (r) => (FINE[r.leftPos] ? fineByLeft.get(r.leftId) : r.leftPos);

  // Name classes: Lucene's left ids for proper nouns separate person names, place names and the rest. Find the
  // ids from known words rather than hard-coding them.
  const idOf = (surface, pos) => rows.find((r) => r.surface === surface && r.leftPos === pos && r.type === 'MORPHEME').leftId;
  const personId = idOf('유정복', 'NNP');
  const placeId = idOf('인천', 'NNP');
  if (idOf('장후이', 'NNP') !== personId || idOf('웨이하이', 'NNP') !== placeId) throw new Error('name-class ids disagree');
  const TYPES = ['MORPHEME', 'COMPOUND', 'INFLECT', 'PREANALYSIS'];
  const NAME_CLASS = { none: 0, person: 1, place: 2, other: 3 };

  // Context-id classes: mecab-ko-dic has many identical rows (left ids) and columns (right ids) in its connection
  // matrix; numbering the distinct ones shrinks the matrix from 20 MB to about 7 MB, so more of it stays in the
  // CPU cache during Viterbi. Classes are numbered by first occurrence, so id 0 (BOS/EOS) stays 0.
  const fullMatrix = new Int16Array(new Uint8Array(fs.readFileSync(path.join(dump, 'matrix.bin'))).buffer);
  const classify = (count, vector) => {
    const seen = new Map();
    const classOf = new Int32Array(count);
    const reps = [];
    for (let id = 0; id < count; id++) {
      const key = Buffer.from(vector(id).buffer).toString('base64');
      let c = seen.get(key);
      if (c === undefined) {
        c = reps.length;
        seen.set(key, c);
        reps.push(id);
      }
      classOf[id] = c;
    }
    return { classOf, reps };
  };
  const L = info.leftIds;
  const R = info.rightIds;
  const lefts = classify(L, (l) => fullMatrix.slice(l * R, (l + 1) * R));
  const rights = classify(R, (r) => {
    const col = new Int16Array(L);
    for (let l = 0; l < L; l++) col[l] = fullMatrix[l * R + r];
    return col;
  });
  // Number the classes by how often they occur in the lattices of a sample text (every dictionary word at every
  // position): on real text nine in ten connection lookups then fall in the first ~160 rows and ~120 columns,
  // a corner of about 40 KB that stays in the CPU cache, instead of cells spread over the whole 7 MB. Class 0
  // (BOS/EOS) stays 0. A renumbering changes no analysis, only where costs lie.
  byFrequency(rows, lefts, rights, dump);
  const matrix = new Int16Array(lefts.reps.length * rights.reps.length);
  lefts.reps.forEach((l, i) => rights.reps.forEach((r, j) => (matrix[i * rights.reps.length + j] = fullMatrix[l * R + r])));
  const leftClass = (id) => lefts.classOf[id];
  const rightClass = (id) => rights.classOf[id];

  // Dense character codes in code-unit order, so that UTF-16 order of surfaces is code order.
  const usedUnits = new Set();
  for (const r of rows) for (let i = 0; i < r.surface.length; i++) usedUnits.add(r.surface.charCodeAt(i));
  const sortedUnits = [...usedUnits].sort((a, b) => a - b);
  const codes = new Uint16Array(65536);
  sortedUnits.forEach((u, i) => (codes[u] = i + 1));

  // Entries grouped by surface (the dump is in FST order, i.e. sorted by UTF-16 code units).
  const keys = [];
  const values = [];
  const entries = new Int16Array(4 * rows.length);
  const extraIndex = [];
  const extraChunks = [];
  const extraOffsets = [];
  let extraBytes = 0;
  let start = 0;
  const enc = new TextEncoder();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (i > 0 && rows[i - 1].surface > r.surface) throw new Error(`dump not sorted at ${r.surface}`);
    if (i + 1 === rows.length || rows[i + 1].surface !== r.surface) {
      const count = i + 1 - start;
      if (count >= 64) throw new Error(`too many entries for ${r.surface}`);
      const key = new Uint16Array(r.surface.length);
      for (let k = 0; k < key.length; k++) key[k] = codes[r.surface.charCodeAt(k)];
      keys.push(key);
      values.push(start * 64 + count);
      start = i + 1;
    }
    const tag = tagOf(entryTag(r));
    if (tag >= 64) throw new Error('more than 64 tags');
    const nameClass = entryTag(r) !== 'NNP' ? NAME_CLASS.none
      : r.leftId === personId ? NAME_CLASS.person : r.leftId === placeId ? NAME_CLASS.place : NAME_CLASS.other;
    let extra = '';
    if (r.reading || r.morphemes) {
      const ms = r.morphemes ? r.morphemes.split('+').map((m, k) => {
        const slash = m.lastIndexOf('/');
        const surface = m.slice(0, slash);
        const coarse = m.slice(slash + 1);
        const fine = !FINE[coarse] ? coarse : k === 0 ? entryTag(r) : refine(coarse, surface);
        tagOf(fine);
        return `${surface}\u001d${fine}`;
      }) : [];
      extra = `${r.reading}\u001f${ms.join('\u001e')}`;
    }
    entries[4 * i] = leftClass(r.leftId);
    entries[4 * i + 1] = rightClass(r.rightId);
    entries[4 * i + 2] = r.cost;
    entries[4 * i + 3] = tag | (TYPES.indexOf(r.type) << 6) | (nameClass << 8) | ((extra ? 1 : 0) << 10);
    if (extra) {
      const bytes = enc.encode(extra);
      extraIndex.push(i);
      extraOffsets.push(extraBytes);
      extraChunks.push(bytes);
      extraBytes += bytes.length;
    }
  }
  extraOffsets.push(extraBytes);
  const extras = new Uint32Array(extraIndex.length + extraOffsets.length);
  extras.set(extraIndex, 0);
  extras.set(extraOffsets, extraIndex.length);
  const extrasText = Buffer.concat(extraChunks.map((c) => Buffer.from(c)));

  console.error(`building trie over ${keys.length} surfaces ...`);
  const t0 = Date.now();
  const trie = buildDoubleArray(keys, values);
  console.error(`trie: ${trie.size} slots in ${Date.now() - t0} ms`);

  // Unknown-word definitions per character class.
  const unknown = [];
  for (const line of fs.readFileSync(path.join(dump, 'unknown.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const [name, cls, leftId, rightId, cost, leftPos] = line.split('\t');
    unknown.push({ class: name, classId: +cls, leftId: leftClass(+leftId), rightId: rightClass(+rightId), cost: +cost, tag: tagNames[tagOf(leftPos)] });
  }

  // Default context ids for user words: the most common ids of plain entries with that tag; right ids are kept
  // apart for words with and without a final consonant (받침), which the connection costs tell apart.
  const userIds = {};
  const counts = new Map();
  for (const r of rows) {
    if (r.type !== 'MORPHEME') continue;
    const tag = entryTag(r);
    const nc = tag === 'NNP' ? (r.leftId === personId ? 'person' : r.leftId === placeId ? 'place' : 'other') : '';
    const last = r.surface.charCodeAt(r.surface.length - 1);
    const batchim = last >= 0xac00 && last <= 0xd7a3 ? ((last - 0xac00) % 28 ? 'T' : 'F') : 'F';
    for (const key of [`${tag}|${nc}`, `${tag}|`]) {
      if (key === `${tag}|` && nc) continue;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { left: new Map(), T: new Map(), F: new Map() }));
      c.left.set(r.leftId, (c.left.get(r.leftId) ?? 0) + 1);
      c[batchim].set(r.rightId, (c[batchim].get(r.rightId) ?? 0) + 1);
    }
  }
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  for (const [key, c] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const left = top(c.left);
    const rt = top(c.T) ?? top(c.F);
    const rf = top(c.F) ?? top(c.T);
    userIds[key] = [leftClass(left), rightClass(rt), rightClass(rf)];
  }

  // Character facts, from the JDK and Lucene's CharacterDefinition: Uint32 per code unit.
  // bits 0-3 class, 4 invoke, 5 group, 6 punctuation (general category Z*, Cc, Cf, P*, S*), 7 digit,
  // 8 non-spacing mark, 9 space (class SPACE), 10 space separator (Zs), 16-23 script (0 = Common or Inherited, 255 = none)
  const javaChars = new Uint32Array(new Uint8Array(fs.readFileSync(path.join(dump, 'chars.bin'))).buffer);
  const scripts = info.unicodeScripts;
  const common = new Set([scripts.indexOf('COMMON'), scripts.indexOf('INHERITED')]);
  const PUNCT_TYPES = new Set([12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  const spaceClass = unknown.find((u) => u.class === 'SPACE').classId;
  const chars = new Uint32Array(65536);
  for (let c = 0; c < 65536; c++) {
    const v = javaChars[c];
    const cls = v & 15;
    const type = (v >> 6) & 31;
    const script = (v >> 12) & 255;
    let out = cls | (v & 0x30);
    if (PUNCT_TYPES.has(type)) out |= 1 << 6;
    if (v & (1 << 11)) out |= 1 << 7;
    if (type === 6) out |= 1 << 8; // NON_SPACING_MARK
    if (cls === spaceClass) out |= 1 << 9;
    if (type === 12) out |= 1 << 10; // SPACE_SEPARATOR (Zs): Lucene's tokenizer skips these between words
    out |= (script === 255 ? 255 : common.has(script) ? 0 : script + 1 > 254 ? 254 : script + 1) << 16;
    chars[c] = out >>> 0;
  }

  const half = Math.ceil(lefts.reps.length / 2);
  const files = {
    'trie.bin': Buffer.from(trie.data.buffer),
    'codes.bin': Buffer.from(codes.buffer),
    'entries.bin': Buffer.from(entries.buffer),
    'extras.bin': Buffer.from(extras.buffer),
    'extras.txt': extrasText,
    'chars.bin': Buffer.from(chars.buffer),
    'matrix-0.bin': Buffer.from(matrix.buffer, 0, half * rights.reps.length * 2),
    'matrix-1.bin': Buffer.from(matrix.buffer, half * rights.reps.length * 2),
  };
  const meta = {
    generated: 'by scripts/mecab-dic/build.mjs: do not edit',
    version: DICTIONARY_VERSION,
    format: FORMAT_VERSION,
    source: info.source,
    lucene: info.lucene,
    surfaces: keys.length,
    entries: rows.length,
    trieSize: trie.size,
    extras: extraIndex.length,
    // Sizes of the matrix after merging identical rows and columns; entries carry these class numbers.
    leftIds: lefts.reps.length,
    rightIds: rights.reps.length,
    mecabLeftIds: info.leftIds,
    mecabRightIds: info.rightIds,
    matrixSplit: half,
    tags: tagNames,
    types: TYPES,
    nameClasses: ['', 'person', 'place', 'other'],
    nameClassLeftIds: { person: personId, place: placeId },
    unknown,
    characterClasses: Object.fromEntries(unknown.map((u) => [u.class, u.classId])),
    userWordIds: userIds,
  };
  files['meta.json'] = Buffer.from(`${JSON.stringify(meta, null, 1)}\n`);
  // Licence and notice of the data: Lucene's (Apache-2.0), whose NOTICE carries mecab-ko-dic's (Apache-2.0).
  files['LICENSE'] = fs.readFileSync(path.join(dump, 'LICENSE.txt'));
  files['NOTICE'] = Buffer.concat([
    Buffer.from(
      'The files in this folder are generated by korner\'s scripts/mecab-dic/build.mjs from mecab-ko-dic\n' +
        '2.0.3-20170922 as compiled into Apache Lucene\'s Korean analyzer (Nori, lucene-analyzers-nori),\n' +
        'both under the Apache License 2.0 (see LICENSE). The NOTICE of that Lucene module follows.\n\n',
    ),
    fs.readFileSync(path.join(dump, 'NOTICE.txt')),
  ]);
  const manifest = {
    generated: 'by scripts/mecab-dic/build.mjs: do not edit',
    version: DICTIONARY_VERSION,
    lucene: info.lucene,
    format: FORMAT_VERSION,
    files: Object.fromEntries(
      Object.entries(files)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, data]) => [name, { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') }]),
    ),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  if (check) {
    const committed = fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8');
    if (committed !== manifestText) {
      console.error('dictionaries/mecab-ko-dic/manifest.json differs from a fresh build');
      process.exit(1);
    }
    console.error('dictionaries/mecab-ko-dic is up to date');
    return;
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), data);
  fs.writeFileSync(path.join(outDir, 'manifest.json'), manifestText);
  for (const [name, f] of Object.entries(manifest.files)) console.error(`${name.padEnd(14)} ${f.bytes}`);
}

main();
