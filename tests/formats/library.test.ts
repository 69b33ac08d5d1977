import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createExtractor,
  formatDocument,
  formatDocuments,
  isReadError,
  KornerError,
  readAnnotated,
  readAnnotatedFile,
  type Extractor,
  type ReadItem,
} from '../../src/index.js';

let extractor: Extractor;
beforeAll(async () => {
  extractor = await createExtractor({ referenceDate: '2016-05-17' });
});

const text = '😀 유정복 인천시장은 오는 27일 웨이하이(威海)를 찾는다.';

describe('the formats in the library', () => {
  it.each(['doccano', 'klue'] as const)('formatDocuments writes %s that readAnnotated reads back to the same entities', async (format) => {
    const { entities, links } = extractor.extract(text);
    const output = formatDocuments(format, [{ id: 'doc-1', text, entities, links }]);
    const items = await readAnnotated(output);
    expect(items).toHaveLength(1);
    const [document] = items as Exclude<ReadItem, { error: unknown }>[];
    expect(document!.text).toBe(text);
    expect(document!.entities.map((e) => [e.start, e.end, e.type])).toEqual(entities.map((e) => [e.start, e.end, e.type]));
  });

  it('formatDocument needs the morphemes for --tokens morpheme, and says where to get them', () => {
    expect(() => formatDocument('spacy', { id: 1, text, entities: [] }, { tokens: 'morpheme' })).toThrow(/extractor\.process\(text\)\.tokens/);
    const tokens = extractor.process(text).tokens!;
    const doc = JSON.parse(formatDocument('spacy', { id: 1, text, entities: [], morphemes: tokens }, { tokens: 'morpheme' })) as { tokens: { tag?: string }[] };
    expect(doc.tokens.some((t) => t.tag === 'NNP')).toBe(true);
  });

  it.each([
    ['an unknown format', () => formatDocuments('xml' as 'jsonl', []), /unknown format "xml"/],
    ['brat as one output', () => formatDocuments('brat', []), /brat is written as two files per document: call formatDocument/],
  ])('refuses %s with a KornerError', (_title, call, message) => {
    expect(call).toThrow(KornerError);
    expect(call).toThrow(message);
  });

  it('readAnnotatedFile reads a CoNLL file with a bad tag sequence: the error names the line, the next document reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'korner-library-'));
    const path = join(dir, 'gold.conll');
    writeFileSync(path, '-DOCSTART- -X- O O\n\n유정복\tI-PS\n시장\tO\n\n-DOCSTART- -X- O O\n\n인천\tB-LC\n시장\tO\n');
    const items: ReadItem[] = [];
    for await (const item of readAnnotatedFile(path)) items.push(item);
    expect(items).toHaveLength(2);
    expect(isReadError(items[0]!) && items[0].error.message).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:3: .*I-PS`));
    expect(!isReadError(items[1]!) && items[1]!.entities.map((e) => e.text)).toEqual(['인천']);
  });
});
