import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Entity, Link } from '../../src/document/types.js';
import { escapeHtml } from '../../src/formats/html/escape.js';
import { FRAMING, recordBody, recordParts, type RecordContent } from '../../src/formats/records.js';
import type { WriterOptions } from '../../src/formats/writer.js';

/** An element of a parsed body: its tag, attributes, text content, and the elements inside it. */
interface Node {
  tag: string;
  attributes: Record<string, string>;
  text: string;
  children: Node[];
}

const REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#13;': '\r' };
const decode = (html: string): string => html.replace(/&(amp|lt|gt|quot|#39|#13);/g, (ref) => REFERENCES[ref]!);

const TAG = /^<(\/?)(section|h2|p|div|mark|span|code)((?: [a-z-]+="[^"<>]*")*)>$/;

/**
 * A strict reader of what the html writer may write: only its own tags, attributes in double quotes, no `<` or `>`
 * but in tags, only the references escapeHtml makes, and every element closed in order. It fails on anything else.
 */
function parse(html: string): Node {
  const root: Node = { tag: '#root', attributes: {}, text: '', children: [] };
  const stack = [root];
  const addText = (text: string): void => {
    if (/[<>]/.test(text) || /&(?!(amp|lt|gt|quot|#39|#13);)/.test(text)) throw new Error(`unescaped text: ${text}`);
    for (const node of stack) node.text += decode(text);
  };
  let at = 0;
  for (const match of html.matchAll(/<[^>]*>/g)) {
    addText(html.slice(at, match.index));
    at = match.index + match[0].length;
    const tag = TAG.exec(match[0]);
    expect(tag, `unexpected tag ${match[0]}`).not.toBeNull();
    const [, closing, name, attributeText] = tag!;
    if (closing) {
      expect(stack.pop()!.tag, `badly nested </${name}>`).toBe(name);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(/ ([a-z-]+)="([^"]*)"/g)) attributes[key!] = decode(value!);
    const node: Node = { tag: name!, attributes, text: '', children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  addText(html.slice(at));
  expect(stack.map((node) => node.tag)).toEqual(['#root']);
  return root;
}

/** Every element under `node` that `test` accepts, in document order. */
function select(node: Node, test: (node: Node) => boolean): Node[] {
  const found: Node[] = [];
  const pending = [...node.children].reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (test(next)) found.push(next);
    pending.push(...[...next.children].reverse());
  }
  return found;
}

const marks = (node: Node): Node[] => select(node, (n) => n.tag === 'mark');
const textOf = (node: Node): string => select(node, (n) => n.attributes.class === 'text')[0]!.text;

function body(record: RecordContent, options?: WriterOptions): Node {
  return parse(recordBody('html', record, options));
}

const entity = (text: string, start: number, end: number, type: Entity['type'], extra: Partial<Entity> = {}): Entity => ({
  start,
  end,
  text: text.slice(start, end),
  type,
  source: 'test',
  ...extra,
});

const link = (text: string, source: [number, number], target: [number, number] | null, hangul: string): Link => ({
  kind: 'hanja',
  source: { start: source[0], end: source[1], text: text.slice(...source) },
  target: target && { start: target[0], end: target[1], text: text.slice(...target) },
  hangul,
  reading: 'mandarin',
});

const ATTACKS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '&lt;b&gt; & </mark></section>', 'a\r\nb'];

describe('html writer: escaping', () => {
  it.each(ATTACKS)('keeps %j as text, in the text and in the id', (attack) => {
    const text = `${attack} 서울 ${attack}`;
    const at = text.indexOf('서울');
    const record: RecordContent = {
      id: attack,
      line: 1,
      text,
      entities: [entity(text, at, at + 2, 'LOCATION', { canonical: attack, value: attack })],
      links: [{ ...link(text, [0, attack.length], [at, at + 2], attack), reading: 'mandarin' }],
    };
    const html = recordBody('html', record);
    expect(html).not.toMatch(/<(script|img)/i);
    const root = parse(html);
    expect(textOf(root)).toBe(text);
    expect(select(root, (n) => n.tag === 'h2')[0]!.text).toBe(attack);
    expect(select(root, (n) => n.tag === 'section')[0]!.attributes['data-id']).toBe(attack);
    const [mark] = marks(root);
    expect(mark!.attributes['data-canonical']).toBe(attack);
    expect(mark!.attributes['data-value']).toBe(attack);
    expect(select(root, (n) => n.attributes.class === 'gloss')[0]!.attributes.title).toBe(`→ ${attack} [mandarin]`);
  });

  it.each([
    ['&<>"\'', '&amp;&lt;&gt;&quot;&#39;'],
    ['plain 한글', 'plain 한글'],
    ['\r\n', '&#13;\n'],
  ])('escapeHtml(%j) is %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it('writes an error record as a section with its message, escaped', () => {
    const root = body({ id: '<b>', line: 7, error: { code: 'KORNER_INPUT_JSON', message: 'bad <json> & "quotes"' } });
    const [section] = select(root, (n) => n.tag === 'section');
    expect(section!.attributes).toMatchObject({ class: 'doc error', 'data-id': '<b>', 'data-line': '7' });
    expect(section!.text).toBe('<b>error KORNER_INPUT_JSON (input line 7): bad <json> & "quotes"');
  });
});

describe('html writer: nesting', () => {
  const text = '중국 칭다오(靑島)시와 威海웨이하이';
  expect(text.indexOf('威海')).toBe(13);
  it.each([
    ['a source inside an entity', [entity(text, 7, 9, 'LOCATION')], [link(text, [7, 9], [3, 6], '칭다오')]],
    ['a source overlapping the end of an entity', [entity(text, 3, 8, 'LOCATION')], [link(text, [7, 10], [0, 2], '칭다오')]],
    ['a source overlapping the start of an entity', [entity(text, 7, 10, 'LOCATION')], [link(text, [5, 8], null, '칭다오')]],
    ['a source over two entities', [entity(text, 0, 2, 'LOCATION'), entity(text, 3, 6, 'LOCATION')], [link(text, [1, 4], [7, 9], '칭다오')]],
    ['a target overlapping a source and an entity', [entity(text, 13, 17, 'LOCATION')], [link(text, [13, 15], [14, 19], '웨이하이'), link(text, [15, 17], [14, 19], '웨이하이')]],
    ['links without entities', [], [link(text, [13, 15], [15, 19], '웨이하이')]],
    ['spans outside the text or empty (left plain)', [entity(text, 3, 3, 'DATE'), entity(text, 15, 99, 'DATE')], [link(text, [-1, 2], [3, 3], 'x')]],
  ] as [string, Entity[], Link[]][])('keeps the elements well-nested with %s', (_title, entities, links) => {
    const root = body({ id: 'n', line: 1, text, entities, links });
    expect(textOf(root)).toBe(text);
    const usable = entities.filter((e) => e.start < e.end && e.end <= text.length);
    expect(marks(root).map((m) => m.text)).toEqual(usable.map((e) => e.text));
    links.forEach((l, k) => {
      const glosses = select(root, (n) => n.attributes['data-link'] === String(k));
      const mentions = select(root, (n) => n.attributes['data-links']?.split(' ').includes(String(k)) ?? false);
      const valid = l.source.start >= 0 && l.source.start < l.source.end;
      expect(glosses.map((g) => g.text).join('')).toBe(valid ? l.source.text : '');
      if (valid) expect(glosses[0]!.attributes.title).toBe(`→ ${l.hangul} [mandarin]`);
      expect(mentions.map((m) => m.text).join('')).toBe(l.target && l.target.start < l.target.end ? l.target.text : '');
    });
  });

  it('leaves an entity that overlaps an earlier one unmarked', () => {
    const root = body({ id: 'o', line: 1, text, entities: [entity(text, 0, 6, 'LOCATION'), entity(text, 3, 6, 'LOCATION')], links: [] });
    expect(marks(root).map((m) => m.text)).toEqual(['중국 칭다오']);
  });
});

describe('html writer: data attributes', () => {
  const text = '2024년 3월 14일 오후 2시 3~5명 기재부 😀𠮷 부산';
  const at = (s: string): number => text.indexOf(s);
  it.each([
    [entity(text, 0, 13, 'DATE', { value: '2024-03-14' }), { 'data-type': 'DATE', 'data-value': '2024-03-14', title: 'DATE → 2024-03-14' }],
    [entity(text, at('오후'), at('오후') + 5, 'TIME', { value: '14:00' }), { 'data-type': 'TIME', 'data-value': '14:00' }],
    [
      entity(text, at('3~5'), at('3~5') + 4, 'QUANTITY', { value: { number: 3, unit: '명', range: { from: 3, to: 5 }, approximate: true } }),
      { 'data-value': '≈3~5 명', title: 'QUANTITY → ≈3~5 명' },
    ],
    [entity(text, at('기재부'), at('기재부') + 3, 'ORGANIZATION', { canonical: '기획재정부' }), { 'data-canonical': '기획재정부', title: 'ORGANIZATION = 기획재정부' }],
    [entity(text, at('부산'), at('부산') + 2, 'LOCATION'), { 'data-start': String(at('부산')), 'data-end': String(at('부산') + 2), title: 'LOCATION' }],
  ] as [Entity, Record<string, string>][])('writes the attributes of %j', (e, expected) => {
    const [mark] = marks(body({ id: 'd', line: 1, text, entities: [e], links: [] }));
    expect(mark!.attributes).toMatchObject(expected);
    expect(mark!.text).toBe(e.text);
    expect(text.slice(Number(mark!.attributes['data-start']), Number(mark!.attributes['data-end']))).toBe(e.text);
  });

  it.each([
    ['long', 'PERSON'],
    ['klue', 'PS'],
  ] as const)('labels the marks with the %s label set', (labels, label) => {
    const [mark] = marks(body({ id: 'l', line: 1, text: '김민수', entities: [entity('김민수', 0, 3, 'PERSON')], links: [] }, { labels }));
    expect(mark!.attributes).toMatchObject({ 'data-type': 'PERSON', 'data-label': label, title: label });
  });
});

describe('html writer: astral characters and long documents', () => {
  it.each([
    ['emoji before and inside entities', '😀 부산😀 서울', [[2, 6], [8, 10]]],
    ['astral Hanja', '𠮷野家 𠮷', [[0, 4], [5, 7]]],
  ] as [string, string, [number, number][]][])('marks UTF-16 spans over %s', (_title, text, spans) => {
    const entities = spans.map(([start, end]) => entity(text, start, end, 'LOCATION'));
    const root = body({ id: 'a', line: 1, text, entities, links: [] });
    expect(textOf(root)).toBe(text);
    expect(marks(root).map((m) => m.text)).toEqual(entities.map((e) => e.text));
  });

  it.each([
    ['plain text', '가나다라 마바사\n'.repeat(20_000), false],
    ['astral text', '😀'.repeat(70_001), false],
    ['text with entities', '부산 '.repeat(10_000), true],
  ])('writes %s in parts that join into the body and split no surrogate pair', (_title, text, withEntities) => {
    const entities = withEntities ? Array.from({ length: 10_000 }, (_, i) => entity(text, i * 3, i * 3 + 2, 'LOCATION')) : [];
    const record: RecordContent = { id: 'long', line: 1, text, entities, links: [] };
    const parts = [...recordParts('html', record)];
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(recordBody('html', record));
    for (const part of parts) {
      expect(part.length).toBeLessThan(40_000);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    const root = parse(parts.join(''));
    expect(textOf(root)).toBe(text);
    expect(marks(root)).toHaveLength(entities.length);
  });
});

describe('html page', () => {
  const page = (bodies: string[]): string => {
    const framing = FRAMING.html;
    return framing.open + bodies.map((b, i) => framing.before(i) + b + framing.after).join('') + framing.close(bodies.length);
  };

  it.each([
    ['no record', 0],
    ['two records', 2],
  ])('frames %s into one page whose policy allows only its own style and script', (_title, count) => {
    const bodies = Array.from({ length: count }, (_, i) => recordBody('html', { id: i, line: i + 1, text: '서울', entities: [], links: [] }));
    const html = page(bodies);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<section /g) ?? []).toHaveLength(count);
    expect(html.includes('No documents.')).toBe(count === 0);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(policy).toContain(`default-src 'none'`);
    expect(policy).toContain(`style-src ${hash(style)}`);
    expect(policy).toContain(`script-src ${hash(script)}`);
    // Self-contained: nothing the page would fetch.
    expect(html.replace('http://www.w3.org/2000/svg', 'svg namespace')).not.toMatch(/\b(src|href)=|@import|url\((?!#)|https?:/);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});
