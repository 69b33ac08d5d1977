import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { ERROR_CODES, KornerError, type ErrorCode } from '../../errors.js';
import { goldEntities, type CodePointSpan } from '../codepointSpans.js';
import type { FolderReader, ReadContext, ReadItem } from '../reader.js';

/**
 * brat's standoff format: a folder of `ID.txt` + `ID.ann` pairs, read in the order of their names, ids the file
 * stems. T lines whose type is an entity label become entities; korner's own gloss types (Hanja, Abbreviation,
 * Mention), relations, events, attributes and notes are not entities and are passed over. A T line of an unknown
 * type is an error, as in every reader (gold that is silently dropped would skew a score): map it with
 * `--label-map FILE`, or to `-` to leave it out. A span in pieces (`0 3;4 6`) is one entity from its first start to
 * its last end. Other files of the folder (annotation.conf, visual.conf) are not documents.
 */

/** The T types korner writes that are not entities (see ./writer.ts). */
const NOT_ENTITIES = new Set(['HANJA', 'ABBREVIATION', 'MENTION']);

/** A T line's span: `TYPE start end[;start end ...]`, or undefined when it is not one. */
function parseSpan(field: string): { type: string; fragments: [number, number][] } | undefined {
  const space = field.indexOf(' ');
  if (space <= 0) return undefined;
  const fragments: [number, number][] = [];
  for (const range of field.slice(space + 1).split(';')) {
    const [start, end, ...rest] = range.trim().split(' ');
    if (!start || !end || rest.length > 0 || !/^\d+$/.test(start) || !/^\d+$/.test(end)) return undefined;
    fragments.push([Number(start), Number(end)]);
  }
  return { type: field.slice(0, space), fragments };
}

/** The spans of an `.ann`, each with its line, or the line that is not valid. */
function readAnn(content: string, context: ReadContext): { spans: CodePointSpan[]; lines: number[] } | { line: number; message: string } {
  const spans: CodePointSpan[] = [];
  const lines: number[] = [];
  const rows = content.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.endsWith('\r') ? rows[i]!.slice(0, -1) : rows[i]!;
    if (!row.startsWith('T')) continue;
    // The text field is the rest of the line: it may hold tabs.
    const first = row.indexOf('\t');
    const second = first < 0 ? -1 : row.indexOf('\t', first + 1);
    const span = second < 0 ? undefined : parseSpan(row.slice(first + 1, second));
    if (!span) return { line: i + 1, message: `${JSON.stringify(row.slice(0, Math.max(first, 0)) || row)} is not a text-bound annotation "T1<TAB>TYPE start end<TAB>text"` };
    const text = row.slice(second + 1);
    if (NOT_ENTITIES.has(span.type.toUpperCase()) && context.labels.typeOf(span.type) === undefined) continue;
    const starts = span.fragments.map(([start]) => start);
    const ends = span.fragments.map(([, end]) => end);
    spans.push({ start: Math.min(...starts), end: Math.max(...ends), label: span.type, text, fragments: span.fragments });
    lines.push(i + 1);
  }
  return { spans, lines };
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** One document of the folder, or an error naming the file (and line) that is wrong. */
async function readDocument(folder: string, stem: string, context: ReadContext): Promise<ReadItem> {
  const annPath = join(folder, `${stem}.ann`);
  const txtPath = join(folder, `${stem}.txt`);
  const fail = (file: string, line: number, message: string, code: ErrorCode = ERROR_CODES.INPUT_FORMAT): ReadItem => ({
    id: stem,
    line,
    file,
    error: { code, message: `${file}:${line}: ${message}` },
  });
  const [ann, text] = await Promise.all([readIfThere(annPath), readIfThere(txtPath)]);
  if (ann === undefined) return fail(txtPath, 1, `no ${stem}.ann beside it (brat keeps each document as ID.txt and ID.ann)`, ERROR_CODES.INPUT_READ);
  if (text === undefined) return fail(annPath, 1, `no ${stem}.txt beside it (brat keeps each document as ID.txt and ID.ann)`, ERROR_CODES.INPUT_READ);
  const read = readAnn(ann, context);
  if ('message' in read) return fail(annPath, read.line, read.message);
  const gold = goldEntities(text, read.spans, context.labels);
  if ('message' in gold) return fail(annPath, read.lines[gold.index]!, gold.message);
  return { id: stem, line: 1, file: annPath, text, entities: gold.entities };
}

/** The folder and the stems of its documents, sorted: every stem that has a `.txt` or an `.ann`. */
async function documentsOf(path: string): Promise<{ folder: string; stems: string[] }> {
  const extension = extname(path);
  if ((await stat(path)).isFile() && (extension === '.ann' || extension === '.txt')) {
    return { folder: dirname(path), stems: [basename(path, extension)] };
  }
  const stems = new Set<string>();
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const extension = extname(entry.name);
    if (entry.isFile() && (extension === '.ann' || extension === '.txt')) stems.add(basename(entry.name, extension));
  }
  return { folder: path, stems: [...stems].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
}

export const bratReader: FolderReader = {
  name: 'brat',
  summary: 'brat standoff: a folder of ID.txt + ID.ann (or one of them), T lines of entity types (code points)',
  async *readFolder(path: string, context: ReadContext): AsyncIterable<ReadItem> {
    const { folder, stems } = await documentsOf(path).catch((error: NodeJS.ErrnoException) => {
      throw new KornerError(ERROR_CODES.INPUT_READ, `cannot read the brat folder ${path} (${error.code ?? error.message}).`);
    });
    for (const stem of stems) yield await readDocument(folder, stem, context);
  },
};
