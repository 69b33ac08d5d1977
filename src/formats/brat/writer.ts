import type { Link, Span } from '../../document/types.js';
import { labelOf } from '../labels.js';
import { OffsetConverter } from '../offsets.js';
import { formatValue } from '../pretty.js';
import { BLOCK_FRAMING, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../writer.js';

/**
 * brat's standoff format: per document `ID.txt` (the text) and `ID.ann` (the annotations), offsets in code points
 * (brat is Python). The lines of an `.ann`:
 *
 *     T1	LC 0 3	부산항                              an entity (KLUE tags, or korner's names with --labels long)
 *     #1	AnnotatorNotes T1	value=2024-03-14; canonical=해양수산부   its normalised value and full name
 *     T9	Hanja 89 91	靑島                            a Hanja gloss or an abbreviation (types Hanja, Abbreviation)
 *     R1	Gloss Arg1:T9 Arg2:T8                     the gloss and the mention it glosses (an entity, or a Mention)
 *     #5	AnnotatorNotes T9	hangul=칭다오; reading=mandarin
 *
 * The text field of a T line cannot hold a line break, so a span across lines is written in pieces, `0 3;4 6`,
 * whose texts brat joins with a space (read back, it is one entity from its first start to its last end: korner's
 * entities neither start nor end with a line break). examples/brat/annotation.conf declares these types.
 *
 * An error record has no `.ann` (the CLI writes no files for it and warns): its body is empty.
 */

/** Annotation lines per part of a long document's body. */
const LINES_PER_PART = 4096;

/** The gloss types of the links, and the type of a glossed mention that is no entity. */
const LINK_TYPES: Readonly<Record<Link['kind'], string>> = { hanja: 'Hanja', abbreviation: 'Abbreviation' };
const MENTION_TYPE = 'Mention';
const GLOSS_RELATION = 'Gloss';

const isLineBreak = (c: number): boolean => c === 0x0a || c === 0x0d;

/** A note's text on one line: tabs and line breaks would end its field or its line. */
const oneLine = (text: string): string => text.replace(/[\t\n\r]/g, ' ');

/** Writes the lines of one `.ann`, numbering T, R and # annotations, and yields them in runs. */
class AnnWriter {
  private lines: string[] = [];
  private textBounds = 0;
  private notes = 0;
  private relations = 0;

  constructor(private readonly text: string) {}

  /** A T line for a span (cut at line breaks, offsets by `offsets`); returns its id. */
  textBound(type: string, span: Span, offsets: OffsetConverter): string {
    const id = `T${++this.textBounds}`;
    const ranges: string[] = [];
    const pieces: string[] = [];
    let from = span.start;
    for (let i = span.start; i <= span.end; i++) {
      if (i < span.end && !isLineBreak(this.text.charCodeAt(i))) continue;
      if (i > from) {
        ranges.push(`${offsets.fromUtf16(from)} ${offsets.fromUtf16(i)}`);
        pieces.push(this.text.slice(from, i));
      }
      from = i + 1;
    }
    this.lines.push(`${id}\t${type} ${ranges.join(';')}\t${pieces.join(' ')}\n`);
    return id;
  }

  note(target: string, fields: readonly string[]): void {
    if (fields.length > 0) this.lines.push(`#${++this.notes}\tAnnotatorNotes ${target}\t${oneLine(fields.join('; '))}\n`);
  }

  relation(type: string, from: string, to: string): void {
    this.lines.push(`R${++this.relations}\t${type} Arg1:${from} Arg2:${to}\n`);
  }

  /** The lines written since the last run, when there are enough of them (or `all`). */
  run(all = false): string | undefined {
    if (this.lines.length === 0 || (!all && this.lines.length < LINES_PER_PART)) return undefined;
    const run = this.lines.join('');
    this.lines = [];
    return run;
  }
}

function* annParts(record: RecordContent, options: ResolvedWriterOptions): Generator<string> {
  if (record.error) return;
  const text = record.text ?? '';
  const ann = new AnnWriter(text);
  const ids = new Map<string, string>();
  const offsets = new OffsetConverter(text, 'codepoint');
  for (const entity of record.entities ?? []) {
    const id = ann.textBound(labelOf(entity.type, options.labels), entity, offsets);
    ids.set(`${entity.start}:${entity.end}`, id);
    const value = formatValue(entity);
    const canonical = entity.canonical !== undefined && entity.canonical !== entity.text ? entity.canonical : '';
    ann.note(id, [...(value ? [`value=${value}`] : []), ...(canonical ? [`canonical=${canonical}`] : [])]);
    const run = ann.run();
    if (run) yield run;
  }
  // Links are sorted by their source, and a target may come before it: one converter for each keeps both in order.
  const sources = new OffsetConverter(text, 'codepoint');
  const targets = new OffsetConverter(text, 'codepoint');
  for (const link of record.links ?? []) {
    const id = ann.textBound(LINK_TYPES[link.kind], link.source, sources);
    ann.note(id, [`hangul=${link.hangul}`, `reading=${link.reading}`]);
    if (link.target) {
      const key = `${link.target.start}:${link.target.end}`;
      let target = ids.get(key);
      if (target === undefined) {
        target = ann.textBound(MENTION_TYPE, link.target, targets);
        ids.set(key, target);
      }
      ann.relation(GLOSS_RELATION, id, target);
    }
    const run = ann.run();
    if (run) yield run;
  }
  yield ann.run(true) ?? '';
}

export const bratWriter: FormatWriter = {
  name: 'brat',
  summary: 'brat standoff, ID.txt + ID.ann per document in --out-dir (code points; see examples/brat/)',
  labels: 'klue',
  offsets: { default: 'codepoint', fixed: true },
  framing: BLOCK_FRAMING,
  files: { text: '.txt', body: '.ann' },
  parts: (record, options) => annParts(record, options),
};
