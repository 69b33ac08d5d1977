import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAMILIES,
  type Family,
  MAX_RATIO,
  measureFamily,
  SIZES,
  type StageRow,
} from '../../scripts/adversarial/families.mjs';
import { createDocument, createExtractor, createPersonStage, type Extractor, insertAfter } from '../../src/index.js';

/**
 * Every stage of the pipeline (and the person stage of rulesOnlyStages) takes time linear in its input, on inputs
 * built to break that: runs of punctuation, digits, brackets, Hanja with and without spaces, Korean numerals, unit
 * signs, repeated dates, nested acronym brackets, one syllable without spaces, a user entry as long as the text
 * (scripts/adversarial/families.mjs). Each family is read at about 10 KB, 100 KB and 1 MB, stage by stage, and the
 * time of each stage at 1 MB may be at most MAX_RATIO (20) times its time at 100 KB: 10 is linear, a quadratic
 * stage shows 100. Only ratios are asserted, never a time; `node scripts/adversarial.mjs` prints the same table
 * against the build.
 */
describe('linear time on adversarial inputs', () => {
  let shared: Extractor;
  const perText = new Map<string, Extractor>();
  const withPerson = (defaults: Parameters<typeof insertAfter>[0]) => insertAfter(defaults, 'tagger', createPersonStage());
  const extractorFor = async (text: string, family: Family): Promise<Extractor> => {
    if (!family.userDictionary) return shared;
    let extractor = perText.get(text);
    if (!extractor) {
      extractor = await createExtractor({ stages: withPerson, userDictionary: family.userDictionary(text) });
      perText.set(text, extractor);
    }
    return extractor;
  };
  const worst: { family: string; row: StageRow }[] = [];

  beforeAll(async () => {
    shared = await createExtractor({ stages: withPerson });
    // Ordinary text first, so that the first family does not pay for compiling the common paths.
    const warm = '유정복 인천시장은 2016년 5월 17일 오후 3시 인천시청에서 웨이하이(威海)시 대표단 30여명을 만났다. ';
    await measureFamily({ name: 'warm-up', text: (bytes) => warm.repeat(Math.ceil(bytes / 200)) }, extractorFor, createDocument, {
      sizes: [10_000, 100_000],
      retries: 0,
    });
  });

  afterAll(() => {
    if (worst.length === 0) return;
    worst.sort((a, b) => b.row.ratio - a.row.ratio);
    const lines = worst.map(({ family, row }) => `${family.padEnd(44)}${row.stage.padEnd(16)}${row.ms.map((ms) => ms.toFixed(1).padStart(9)).join('')}${row.ratio.toFixed(1).padStart(8)}`);
    console.log(
      `Worst ratio time(1 MB) / time(100 KB) per family (sizes ${SIZES.join(', ')} bytes; times in ms):\n${lines.join('\n')}\n` +
        `worst over all families: ${worst[0]!.row.ratio.toFixed(1)} (${worst[0]!.family}, ${worst[0]!.row.stage})`,
    );
  });

  it.each(FAMILIES.map((family) => [family.name, family] as const))(
    '%s: every stage at 1 MB takes at most 20 times its time at 100 KB',
    async (name, family) => {
      const rows = await measureFamily(family, extractorFor, createDocument);
      const slowest = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
      worst.push({ family: name, row: slowest });
      const table = rows.map((row) => `${row.stage}: ${row.ms.map((ms) => ms.toFixed(1)).join(' / ')} ms, ratio ${row.ratio.toFixed(1)}`);
      expect(rows.filter((row) => row.ratio > MAX_RATIO).map((row) => row.stage), table.join('\n')).toEqual([]);
    },
    180_000,
  );
});
