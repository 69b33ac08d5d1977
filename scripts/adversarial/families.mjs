// Adversarial inputs for the linear-time check (tests/performance/linearTime.test.ts and scripts/adversarial.mjs):
// texts built to make a scanner or regular expression rescan what it has read, recurse once per character, or
// compare a long needle at every position. Each family gives a text of about the requested size in UTF-8 bytes;
// the user-dictionary family also gives the entries to create the extractor with.
//
// Plain JavaScript, so that the script can run it under Node without a build; families.d.mts types it.
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Marks whose runs the sentence splitter and the figure scanners read. */
const PUNCTUATION = ['.', '!', '?', '…', '。', '，', '？', '！', ',', '·', '~', '-', '/', ':', '"', '”', '」', ')', '、'];

const encoder = new TextEncoder();

/**
 * A full garbage collection, run before the first document of the sizes compared: otherwise a stage of the 1 MB
 * run pays for the garbage of everything before it (a major collection the 100 KB run never needs), which is not
 * its own time. (About 50 ms each: not before every document.)
 */
const collectGarbage = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
})();

/** The UTF-8 length of a string. */
export function utf8Length(text) {
  return encoder.encode(text).length;
}

/** `unit` repeated until the text has about `bytes` UTF-8 bytes. */
export function repeatTo(unit, bytes) {
  return unit.repeat(Math.max(1, Math.ceil(bytes / utf8Length(unit))));
}

/** `open` repeated over half the bytes, then `close` as many times: brackets nested as deep as the text allows. */
function nested(open, close, bytes) {
  const depth = Math.max(1, Math.ceil(bytes / (utf8Length(open) + utf8Length(close))));
  return open.repeat(depth) + close.repeat(depth);
}

/** A family whose text is `unit` repeated. */
const run = (name, unit) => ({ name, text: (bytes) => repeatTo(unit, bytes) });

/**
 * Every family. `text(bytes)` builds the input; `userDictionary(text)`, when present, gives the user entries the
 * extractor for that text needs (built per size, since the entry is as long as the text).
 */
export const FAMILIES = [
  ...PUNCTUATION.map((mark) => run(`run of ${mark}`, mark)),
  run('punctuation then space', '. '),
  run('punctuation run then a quote and a space', '...!?…” '),
  run('dots between syllables', '가.'),
  run('digits', '0123456789'),
  run('digits and spaces', '1 '),
  run('digits and commas', '1,'),
  run('digits and dots', '1.'),
  run('digits and range marks', '1~'),
  run('digits and middle dots', '·1'),
  run('figures with counters', '5천여명'),
  run('run of (', '('),
  run('run of [', '['),
  run('run of （', '（'),
  { name: 'nested brackets', text: (bytes) => nested('(', ')', bytes) },
  run('unbalanced brackets with text', '(가'),
  run('Hanja after unclosed brackets', '가(北'),
  run('closing brackets with text', '가)'),
  run('Hanja without spaces', '威海'),
  run('Hanja with spaces', '北 '),
  run('Classical Chinese', '學而時習之不亦說乎有朋自遠方來不亦樂乎'),
  run('Hanja glosses', '웨이하이(威海) '),
  { name: 'one bracket of Hanja', text: (bytes) => `(${repeatTo('威海', bytes - 2)})` },
  { name: 'Hangul run before a Hanja bracket', text: (bytes) => `${repeatTo('가', bytes - 12)}(威海)` },
  { name: 'Hanja run before a Hangul bracket', text: (bytes) => `${repeatTo('威', bytes - 14)}(웨이하이)` },
  run('Korean numerals', '일이삼사오육칠팔구'),
  run('Korean place units', '천만억조경'),
  run('Korean numerals with units', '이십삼'),
  run('Korean numerals with spaces', '삼십 '),
  run('native numerals', '한두 '),
  run('unit signs', '㎡㎞%℃'),
  run('figures with unit signs', '5㎡'),
  run('percent signs', '%'),
  run('dates', '2016년 5월 17일 '),
  run('dotted dates', '2016.5.17.'),
  run('dotted dates with spaces', '2016. 5. 17. '),
  run('clock times', '오후 7시 30분 '),
  run('relative dates', '지난해 오늘 '),
  { name: 'nested acronym brackets', text: (bytes) => nested('A(', ')', bytes) },
  { name: 'nested acronyms with Hangul', text: (bytes) => nested('전자통신연구원(ETRI', ')', bytes) },
  run('acronym glosses', '한국전자통신연구원(ETRI) '),
  run('one syllable', '가'),
  run('one syllable 하', '하'),
  run('one syllable 동', '동'),
  run('one syllable 일', '일'),
  run('one syllable 시', '시'),
  run('syllables and spaces', '가 '),
  { name: 'two long words', text: (bytes) => { const half = repeatTo('가', bytes / 2); return `${half} ${half}`; } },
  { name: 'long word before white space', text: (bytes) => `${repeatTo('가', bytes / 2)}${' '.repeat(Math.ceil(bytes / 2))}나` },
  run('names before titles', '김철수 기자 박영희 씨 '),
  run('ages in brackets', '김모(33)씨 '),
  run('Latin letters', 'a'),
  run('capitalised words and dots', 'Mr. Kim '),
  run('spaces', ' '),
  run('line breaks', '\n'),
  run('combining marks', 'e\u0301\u0301'),
  { name: 'one long combining sequence', text: (bytes) => `e${'\u0301'.repeat(Math.ceil(bytes / 2))}` },
  run('decomposed Hangul', '\u1100\u1161\u11a8'),
  {
    name: 'user-dictionary entry as long as the text',
    text: (bytes) => repeatTo('가 ', bytes),
    userDictionary: (text) => [{ surface: text.trim(), type: 'ORGANIZATION' }],
  },
];

/** The three sizes compared: about 10 KB, 100 KB and 1 MB. */
export const SIZES = [10_000, 100_000, 1_000_000];

/** Times are compared against at least this (ms), so that microsecond stages give no meaningless ratios. */
export const FLOOR_MS = 2;

/** The largest ratio of time(1 MB) to time(100 KB) a linear stage may show (10 for exactly linear). */
export const MAX_RATIO = 20;

/**
 * The garbage-collection pauses seen so far, as [start, end] in performance.now() time. A stage's time leaves out
 * the pauses inside it: a pause pays for whatever allocated before it, often earlier stages, and at 1 MB the heap is
 * larger, so the pauses that happen to fall in a stage are noise for the question asked (does the stage's own work
 * grow linearly?). A stage that allocates quadratically still shows it, in the time it takes to allocate.
 */
const pauses = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
}).observe({ entryTypes: ['gc'] });

/** Node reports pauses a little after they happen: wait for those of the work just done. */
function pausesReported() {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

/** The time from `start` to `end` less the pauses inside it. */
function ownTime(start, end) {
  let time = end - start;
  for (const [from, to] of pauses) if (to > start && from < end) time -= Math.min(to, end) - Math.max(from, start);
  return time;
}

/**
 * Runs `stages` in order over one fresh document per repetition (each stage needs the earlier ones' output) and
 * returns, per stage, when each repetition started and ended it; {@link stageTimes} turns them into times. A garbage
 * collection first when `collect` is true. `createDocument` and `options` are the library's.
 */
export function runStages(stages, createDocument, text, repeats, options = {}, collect = true) {
  const spans = stages.map(() => []);
  if (collect) collectGarbage();
  for (let r = 0; r < repeats; r++) {
    const doc = createDocument(text);
    stages.forEach((stage, i) => {
      const start = performance.now();
      stage.run(doc, options);
      spans[i].push([start, performance.now()]);
    });
  }
  return spans;
}

/** Each stage's smallest time (ms) over the repetitions of {@link runStages}, less garbage-collection pauses. */
export function stageTimes(spans) {
  return spans.map((list) => Math.min(...list.map(([start, end]) => ownTime(start, end))));
}

/**
 * How many runs each size gets (the smallest time counts): one. The best of several runs at 100 KB against one at
 * 1 MB would bias the ratio up; a run slowed by another process is measured again instead (see measureFamily).
 * The 10 KB run is reported, not compared: it warms the code paths the family takes.
 */
export function repeatsFor() {
  return 1;
}

/** time(1 MB) / max(time(100 KB), FLOOR_MS). */
export function ratioOf(t100k, t1m) {
  return t1m / Math.max(t100k, FLOOR_MS);
}

/**
 * Measures one family: `extractorFor(text)` gives the extractor for a text (the same one unless the family has a
 * user dictionary), and the stages of its pipeline are timed at each size. A stage whose ratio is above MAX_RATIO
 * is measured again (both large sizes, up to `retries` times, the smallest ratio kept), since another process can
 * stretch a single run on a shared machine.
 * Returns one row per stage: `{ stage, ms: [t10k, t100k, t1m], ratio }`.
 */
export async function measureFamily(family, extractorFor, createDocument, { sizes = SIZES, retries = 4 } = {}) {
  const texts = sizes.map((bytes) => family.text(bytes));
  const times = [];
  let names;
  const runAt = async (k) => {
    const extractor = await extractorFor(texts[k], family);
    names = extractor.pipeline.stages.map((stage) => stage.name);
    return runStages(extractor.pipeline.stages, createDocument, texts[k], repeatsFor(), {}, sizes[k] > 10_000);
  };
  const timeAt = async (...ks) => {
    const spans = [];
    for (const k of ks) spans.push(await runAt(k));
    await pausesReported();
    const times = spans.map(stageTimes);
    pauses.length = 0;
    return times;
  };
  times.push(...(await timeAt(...sizes.keys())));
  const last = sizes.length - 1;
  const rows = names.map((stage, i) => ({ stage, ms: times.map((t) => t[i]), ratio: ratioOf(times[last - 1][i], times[last][i]) }));
  for (let attempt = 0; attempt < retries && rows.some((row) => row.ratio > MAX_RATIO); attempt++) {
    const [middle, large] = await timeAt(last - 1, last);
    rows.forEach((row, i) => {
      const ratio = ratioOf(middle[i], large[i]);
      if (ratio < row.ratio) {
        row.ratio = ratio;
        row.ms = [row.ms[0], middle[i], large[i]];
      }
    });
  }
  return rows;
}
