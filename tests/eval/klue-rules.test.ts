import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../src/eval/gold.js';
import { score } from '../../src/eval/score.js';
import { selectSplit } from '../../src/eval/split.js';
import { extractNumeric } from '../normalize/extract.js';

const GOLD = join(__dirname, '..', '..', '..', 'shared', 'data', 'klue-ner-open.jsonl');

/** The rules alone, measured on the open KLUE-NER sample (DATE, TIME and QUANTITY only). */
describe.skipIf(!existsSync(GOLD))('KLUE-NER score of the figure, date and time rules', () => {
  it('reaches F1 0.85 for DATE, 0.80 for TIME and 0.80 for QUANTITY on both splits', async () => {
    const records = parseGold(readFileSync(GOLD, 'utf8'));
    const predictions = new Map<string, { start: number; end: number; type: string }[]>();
    for (const r of records) predictions.set(r.id, (await extractNumeric(r.text)).entities);
    for (const split of ['train', 'validation'] as const) {
      const report = score(
        selectSplit(records, split).map((r) => ({ text: r.text, gold: r.entities, predicted: predictions.get(r.id)! })),
        { types: ['DATE', 'TIME', 'QUANTITY'] },
      );
      expect(report.entity.byType.DATE!.f1, `${split} DATE`).toBeGreaterThanOrEqual(0.85);
      expect(report.entity.byType.TIME!.f1, `${split} TIME`).toBeGreaterThanOrEqual(0.8);
      expect(report.entity.byType.QUANTITY!.f1, `${split} QUANTITY`).toBeGreaterThanOrEqual(0.8);
    }
  });
});
