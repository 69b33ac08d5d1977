import { version } from '../../package.json';
import { bratWriter } from './brat/writer.js';
import { doccanoWriter } from './doccano/writer.js';
import { htmlWriter } from './html/writer.js';
import { conllWriter } from './conll/writer.js';
import { jsonlWriter, jsonWriter } from './json.js';
import { klueWriter } from './klue/writer.js';
import { labelStudioWriter } from './labelStudio/writer.js';
import { prettyWriter } from './pretty.js';
import { spacyWriter } from './spacy/writer.js';
import { tsvWriter } from './tsv/writer.js';
import { elasticsearchWriter, opensearchWriter, searchJsonlWriter, solrWriter } from '../search/writers.js';
import type { FormatWriter, RecordContent, RecordFraming, ResolvedWriterOptions, WriterOptions } from './writer.js';

export type { RecordContent, RecordFraming } from './writer.js';

/** The output formats of `korner extract`, by name. */
export const WRITERS = {
  jsonl: jsonlWriter,
  json: jsonWriter,
  pretty: prettyWriter,
  conll: conllWriter,
  klue: klueWriter,
  brat: bratWriter,
  doccano: doccanoWriter,
  'label-studio': labelStudioWriter,
  html: htmlWriter,
  spacy: spacyWriter,
  tsv: tsvWriter,
  elasticsearch: elasticsearchWriter,
  opensearch: opensearchWriter,
  solr: solrWriter,
  'search-jsonl': searchJsonlWriter,
} as const satisfies Record<string, FormatWriter>;

export type RecordFormat = keyof typeof WRITERS;
export const RECORD_FORMATS = Object.keys(WRITERS) as RecordFormat[];

/** The writer of a format. */
export function writerOf(format: RecordFormat): FormatWriter {
  return WRITERS[format];
}

/** Every choice of `options` made: what the user gave, else the format's default. */
export function resolveWriterOptions(format: RecordFormat, options: WriterOptions = {}): ResolvedWriterOptions {
  const writer = writerOf(format);
  return {
    labels: options.labels ?? writer.labels,
    offsets: writer.offsets?.fixed ? writer.offsets.default : (options.offsets ?? writer.offsets?.default ?? 'utf16'),
    tokens: options.tokens ?? 'eojeol',
    labelStudio: {
      fromName: options.labelStudio?.fromName ?? 'label',
      toName: options.labelStudio?.toName ?? 'text',
      modelVersion: options.labelStudio?.modelVersion ?? `korner-${version}`,
    },
    ...(options.index !== undefined ? { index: options.index } : {}),
  };
}

const ignore = (): void => undefined;

/**
 * The body of a record in parts whose concatenation is the body, made as they are asked for: a long document's
 * record is written part by part, never held whole as one string. A short record is one part.
 */
export function recordParts(
  format: RecordFormat,
  record: RecordContent,
  options: WriterOptions = {},
  warn: (message: string) => void = ignore,
): Iterable<string> {
  return writerOf(format).parts(record, resolveWriterOptions(format, options), warn);
}

/**
 * One record of the output without what joins it to the others (see FRAMING). Workers make bodies, so that the
 * thread that writes only joins them.
 */
export function recordBody(format: RecordFormat, record: RecordContent, options: WriterOptions = {}, warn: (message: string) => void = ignore): string {
  let body = '';
  for (const part of recordParts(format, record, options, warn)) body += part;
  return body;
}

/** How the bodies of each format are joined. */
export const FRAMING: Readonly<Record<RecordFormat, RecordFraming>> = Object.fromEntries(
  Object.entries(WRITERS).map(([name, writer]) => [name, writer.framing]),
) as Record<RecordFormat, RecordFraming>;
