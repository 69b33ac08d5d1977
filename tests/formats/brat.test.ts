import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Link } from '../../src/document/types.js';
import { bratReader } from '../../src/formats/brat/reader.js';
import { LabelReader } from '../../src/formats/labels.js';
import { isReadError, type GoldDocument, type ReadItem } from '../../src/formats/reader.js';
import { recordBody, recordParts, type RecordContent } from '../../src/formats/records.js';
import { createExtractor, type Extractor } from '../../src/index.js';
import { cliPath, repoRoot } from '../helpers.js';
import { codePoint, collect, context, entityAt, SAMPLE, SAMPLE_ENTITIES, spanOf, textsWithEntities } from './codepointHelpers.js';

const ann = (record: RecordContent, labels?: 'long'): string => recordBody('brat', record, labels ? { labels } : {});

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'korner-brat-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A new folder holding `files` (name → content). */
let folders = 0;
function folderOf(files: Record<string, string>): string {
  const folder = join(root, `f${++folders}`);
  mkdirSync(folder);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

const readFolder = (path: string, labels?: LabelReader): Promise<ReadItem[]> => collect(bratReader.readFolder(path, context('brat', labels)));

describe('the brat writer', () => {
  const cp = (text: string, span: string, from = 0) => {
    const start = codePoint(text, text.indexOf(span, from));
    return `${start} ${start + [...span].length}`;
  };
  const glossText = '전자통신연구원(ETRI)과 北 威海에서';
  const links: Link[] = [
    { kind: 'abbreviation', source: entityAt(glossText, 'ETRI', 'ORGANIZATION'), target: entityAt(glossText, '전자통신연구원', 'ORGANIZATION'), hangul: '전자통신연구원', reading: 'abbreviation' },
    { kind: 'abbreviation', source: entityAt(glossText, '北', 'LOCATION'), target: null, hangul: '북한', reading: 'abbreviation' },
    { kind: 'hanja', source: entityAt(glossText, '威海', 'LOCATION'), target: { start: 0, end: 2, text: '전자' }, hangul: '웨이하이', reading: 'mandarin' },
  ];
  it.each([
    [
      'T lines in code points after astral characters, notes for values and full names',
      { id: 'a', line: 1, text: SAMPLE, entities: SAMPLE_ENTITIES },
      undefined,
      [
        `T1\tPS ${cp(SAMPLE, '유정복')}\t유정복`,
        `T2\tLC ${cp(SAMPLE, '인천')}\t인천`,
        `T3\tDT ${cp(SAMPLE, '2016년 5월 27일')}\t2016년 5월 27일`,
        '#1\tAnnotatorNotes T3\tvalue=2016-05-27',
        `T4\tOG ${cp(SAMPLE, '기재부')}\t기재부`,
        '#2\tAnnotatorNotes T4\tcanonical=기획재정부',
      ],
    ],
    [
      'an entity across a line break as a span in pieces, and korner names with --labels long',
      { id: 'b', line: 1, text: '😀서울\n특별시\r\n청 앞', entities: [{ ...entityAt('😀서울\n특별시\r\n청 앞', '서울\n특별시\r\n청', 'LOCATION'), value: { number: 3, unit: '명', approximate: true } }] },
      'long',
      ['T1\tLOCATION 1 3;4 7;9 10\t서울 특별시 청', '#1\tAnnotatorNotes T1\tvalue=≈3 명'],
    ],
    [
      'links as gloss annotations, related to the entity or a mention they gloss',
      { id: 'c', line: 1, text: glossText, entities: [entityAt(glossText, '전자통신연구원', 'ORGANIZATION', { canonical: '한국전자통신연구원' })], links },
      undefined,
      [
        `T1\tOG ${cp(glossText, '전자통신연구원')}\t전자통신연구원`,
        '#1\tAnnotatorNotes T1\tcanonical=한국전자통신연구원',
        `T2\tAbbreviation ${cp(glossText, 'ETRI')}\tETRI`,
        '#2\tAnnotatorNotes T2\thangul=전자통신연구원; reading=abbreviation',
        'R1\tGloss Arg1:T2 Arg2:T1',
        `T3\tAbbreviation ${cp(glossText, '北')}\t北`,
        '#3\tAnnotatorNotes T3\thangul=북한; reading=abbreviation',
        `T4\tHanja ${cp(glossText, '威海')}\t威海`,
        '#4\tAnnotatorNotes T4\thangul=웨이하이; reading=mandarin',
        'T5\tMention 0 2\t전자',
        'R2\tGloss Arg1:T4 Arg2:T5',
      ],
    ],
    ['a document without entities as an empty .ann', { id: 'd', line: 1, text: '', entities: [] }, undefined, []],
    ['an error record as nothing (the CLI writes no files for it)', { id: 'e', line: 2, error: { code: 'KORNER_INPUT_JSON', message: 'bad' } }, undefined, []],
  ] as [string, RecordContent, 'long' | undefined, string[]][])('writes %s', (_title, record, labels, lines) => {
    expect(ann(record, labels)).toBe(lines.map((line) => `${line}\n`).join(''));
  });

  it('writes a long document in parts', () => {
    const text = '서울 '.repeat(9000);
    const entities = Array.from({ length: 9000 }, (_, i) => entityAt(text, '서울', 'LOCATION', {}, i * 3));
    const parts = [...recordParts('brat', { id: 'long', line: 1, text, entities })];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('').split('\n')).toHaveLength(9001);
  });
});

describe('the brat reader', () => {
  const text = '😀 유정복 인천시장\n서울';
  const good = 'T1\tPS 2 5\t유정복\nT2\tLC 6 8\t인천\n#1\tAnnotatorNotes T1\tvalue=x\nT3\tHanja 2 5\t유정복\nR1\tGloss Arg1:T3 Arg2:T1\nA1\tNegated T1\nE1\tEvent:T1\nT4\tPS 8 10;11 13\t시장 서울\n';
  const expected = [
    { start: 3, end: 6, type: 'PERSON', text: '유정복' },
    { start: 7, end: 9, type: 'LOCATION', text: '인천' },
    { start: 9, end: 14, type: 'PERSON', text: '시장\n서울' },
  ];

  it('reads the pairs of a folder sorted by name, ids the stems, offsets in code points', async () => {
    const folder = folderOf({ 'b.txt': text, 'b.ann': good, 'a.txt': '서울', 'a.ann': 'T1\tLC 0 2\t서울\r\n', 'annotation.conf': '[entities]\n' });
    const items = (await readFolder(folder)) as GoldDocument[];
    expect(items.map((d) => [d.id, d.line, d.file])).toEqual([
      ['a', 1, join(folder, 'a.ann')],
      ['b', 1, join(folder, 'b.ann')],
    ]);
    expect(items[1]!.text).toBe(text);
    expect(items[1]!.entities.map(spanOf)).toEqual(expected);
  });

  it('reads one .ann or .txt file with its partner', async () => {
    const folder = folderOf({ 'x.txt': text, 'x.ann': good, 'y.txt': '', 'y.ann': '' });
    for (const path of [join(folder, 'x.ann'), join(folder, 'x.txt')]) {
      const items = (await readFolder(path)) as GoldDocument[];
      expect(items.map((d) => d.id)).toEqual(['x']);
      expect(items[0]!.entities.map(spanOf)).toEqual(expected);
    }
  });

  it.each([
    ['an offset outside the text', 'T2\tPS 9 40\t시장', 2, 'outside the text (13 code points)'],
    ['a text field that differs from the text (UTF-16 offsets)', 'T2\tPS 3 6\t유정복', 2, 'text "유정복" differs from the text at its offsets ("정복 ")'],
    ['a span in pieces whose texts differ', 'T2\tPS 8 10;11 13\t시장서울', 2, 'text "시장서울" differs from the text at its offsets ("시장 서울")'],
    ['an unknown entity type', 'T2\tEVENT 2 5\t유정복', 2, 'unknown label "EVENT" (map it with --label-map FILE)'],
    ['a T line without offsets', 'T2\tPS\t유정복', 2, 'is not a text-bound annotation'],
  ])('names ID.ann and the line of %s, and reads the next document', async (_title, line, at, message) => {
    const folder = folderOf({ 'a.txt': text, 'a.ann': `T1\tPS 2 5\t유정복\n${line}\n`, 'b.txt': '서울', 'b.ann': 'T1\tLC 0 2\t서울\n' });
    const items = await readFolder(folder);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: 'a', line: at, file: join(folder, 'a.ann'), error: { code: 'KORNER_INPUT_FORMAT' } });
    expect(isReadError(items[0]!) && items[0].error.message).toContain(`${join(folder, 'a.ann')}:${at}: `);
    expect(isReadError(items[0]!) && items[0].error.message).toContain(message);
    expect(items[1]).toMatchObject({ id: 'b', entities: [{ type: 'LOCATION' }] });
  });

  it('reads an unknown type the label map names, and leaves out one it drops', async () => {
    const folder = folderOf({ 'a.txt': text, 'a.ann': 'T1\tPerson 2 5\t유정복\nT2\tMisc 6 8\t인천\n' });
    const labels = new LabelReader(new Map([['Person', 'PERSON'], ['Misc', null]]));
    const [document] = (await readFolder(folder, labels)) as GoldDocument[];
    expect(document!.entities.map(spanOf)).toEqual([expected[0]]);
  });

  it('names a .ann without its .txt, and the reverse', async () => {
    const folder = folderOf({ 'a.ann': '', 'b.txt': 'x', 'c.txt': '', 'c.ann': '' });
    const items = await readFolder(folder);
    expect(items.map((item) => [item.id, isReadError(item) ? item.error.code : 'document'])).toEqual([
      ['a', 'KORNER_INPUT_READ'],
      ['b', 'KORNER_INPUT_READ'],
      ['c', 'document'],
    ]);
    expect(isReadError(items[0]!) && items[0].error.message).toBe(`${join(folder, 'a.ann')}:1: no a.txt beside it (brat keeps each document as ID.txt and ID.ann)`);
    expect(isReadError(items[1]!) && items[1].error.message).toContain(`${join(folder, 'b.txt')}:1: no b.ann`);
  });

  it('says a folder that is not there cannot be read', async () => {
    await expect(readFolder(join(root, 'missing'))).rejects.toThrow(/cannot read the brat folder .*missing \(ENOENT\)/);
  });
});

describe('brat round trip', () => {
  let extractor: Extractor;
  beforeAll(async () => {
    extractor = await createExtractor();
  });

  const roundTrip = async (text: string, entities: RecordContent['entities'], links: RecordContent['links'] = []) => {
    const folder = folderOf({ 'doc.txt': text, 'doc.ann': ann({ id: 'doc', line: 1, text, entities, links }) });
    const [document] = await readFolder(folder);
    expect(isReadError(document!)).toBe(false);
    expect((document as GoldDocument).text).toBe(text);
    expect((document as GoldDocument).entities.map(spanOf)).toEqual((entities ?? []).map(spanOf));
  };

  it('gives back the text and entities of examples/news.txt, links passed over', async () => {
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    const { entities, links } = extractor.extract(text);
    expect(links.length).toBeGreaterThan(0);
    await roundTrip(text, entities, links);
  });

  it('gives back random texts with astral characters and line breaks, and their entities', async () => {
    await fc.assert(fc.asyncProperty(textsWithEntities, ({ text, entities }) => roundTrip(text, entities)), { numRuns: 150, seed: 20160527 });
  });

  it('reads back the folder that the CLI writes with --out-dir', () => {
    const out = join(root, 'cli');
    execFileSync(process.execPath, [cliPath, 'extract', '--input', 'document', '--format', 'brat', '--out-dir', out, 'news.txt'], { cwd: join(repoRoot, 'examples') });
    const text = readFileSync(join(repoRoot, 'examples', 'news.txt'), 'utf8');
    expect(readFileSync(join(out, 'news.txt.txt'), 'utf8')).toBe(text);
    return readFolder(out).then((items) => {
      expect(items).toHaveLength(1);
      const document = items[0] as GoldDocument;
      expect(document.id).toBe('news.txt');
      expect(document.entities.map(spanOf)).toEqual(extractor.extract(text).entities.map(spanOf));
    });
  });
});
