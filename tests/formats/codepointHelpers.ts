import fc from 'fast-check';
import type { Entity, EntityType } from '../../src/document/types.js';
import { LabelReader } from '../../src/formats/labels.js';
import type { InputLine, ReadContext, ReadItem } from '../../src/formats/reader.js';

/** Helpers of the tests of the formats that count code points (brat, doccano, Label Studio). */

export async function* linesOf(text: string): AsyncGenerator<InputLine> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) yield { line: i + 1, text: line };
}

export async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const all: ReadItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export const context = (name = 'in.json', labels = new LabelReader()): ReadContext => ({ name, labels });

/** An entity over the first occurrence of `text` in `within` (after `from`). */
export function entityAt(within: string, text: string, type: EntityType, extra: Partial<Entity> = {}, from = 0): Entity {
  const start = within.indexOf(text, from);
  if (start < 0) throw new Error(`${text} is not in the text`);
  return { start, end: start + text.length, text, type, source: 'test', ...extra };
}

/** Two astral characters, a script tag and names: code points differ from UTF-16 units before every entity. */
export const SAMPLE = '😀𠀀 유정복 인천시장은 <script>alert("x")</script> 2016년 5월 27일 기재부를 찾았다.';
export const SAMPLE_ENTITIES: Entity[] = [
  entityAt(SAMPLE, '유정복', 'PERSON', { score: 0.9 }),
  entityAt(SAMPLE, '인천', 'LOCATION', { score: 0.5 }),
  entityAt(SAMPLE, '2016년 5월 27일', 'DATE', { value: '2016-05-27' }),
  entityAt(SAMPLE, '기재부', 'ORGANIZATION', { canonical: '기획재정부', score: 0.7 }),
];

/** The code-point offset of a UTF-16 offset of `text`. */
export const codePoint = (text: string, index: number): number => [...text.slice(0, index)].length;

/** What a reader must give back of an entity. */
export const spanOf = (e: { start: number; end: number; type: string; text: string }) => ({ start: e.start, end: e.end, type: e.type, text: e.text });

const CHARACTERS = ['😀', '𠀀', '👩‍👩‍👧', '유', '정', '복', 'a', ' ', '\n', '\t', '<', '"', '\\', '人', 'é', '\r\n'];
const TYPES: EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'TIME', 'QUANTITY'];

/**
 * Random texts with astral characters and line breaks, and non-overlapping entities over them that neither start
 * nor end with white space (korner's never do), in UTF-16 offsets.
 */
export const textsWithEntities = fc
  .tuple(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...TYPES)), { maxLength: 8 }))
  .map(([characters, picks]) => {
    const text = characters.join('');
    const bounds: number[] = [0];
    for (const c of characters) bounds.push(bounds.at(-1)! + c.length);
    const blank = (i: number): boolean => /\s/.test(characters[i] ?? ' ');
    const spans = picks
      .map(([a, b, type]) => {
        const n = characters.length;
        const first = n === 0 ? 0 : a % n;
        const last = n === 0 ? 0 : first + (b % Math.min(5, n - first));
        return { first, last, type };
      })
      .filter(({ first, last }) => characters.length > 0 && !blank(first) && !blank(last))
      .sort((x, y) => x.first - y.first);
    const entities: Entity[] = [];
    let free = 0;
    for (const { first, last, type } of spans) {
      if (first < free) continue;
      const start = bounds[first]!;
      const end = bounds[last + 1]!;
      entities.push({ start, end, text: text.slice(start, end), type, source: 'test' });
      free = last + 1;
    }
    return { text, entities };
  });
