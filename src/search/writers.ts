import { ERROR_CODES, KornerError } from '../errors.js';
import { LINE_FRAMING, BLOCK_FRAMING, errorRecordJson, type FormatWriter, type RecordContent, type ResolvedWriterOptions } from '../formats/writer.js';
import { searchDocument, searchFields, withPassedFields, type SearchFields } from './indexDocument.js';

/**
 * The writers of `korner index` (and of `korner extract --format elasticsearch|opensearch|solr|search-jsonl`).
 *
 * Error records (a line that is not JSON, a document too long, a record of annotated input that does not parse):
 * - search-jsonl writes them in place, `{"id","line","error"}`, as the jsonl format does;
 * - the bulk formats (elasticsearch, opensearch) and solr leave them out of the body. Whatever stands in a bulk
 *   body is an action for the engine: a document with an `error` field would be indexed as a document (it would
 *   count in facets and match `*:*`), and a line that is not an action makes the engine refuse the request. NDJSON
 *   has no comments. So the body holds the documents that could be read, and each error record is said on
 *   standard error (file, line and reason, as for every format) and makes the exit status 1; `--strict` stops at
 *   it with 2. The help of `korner index` says so.
 */

/** Each record's body ends its own lines; nothing stands between, before or after them. */
/** One record a line, error records included (search-jsonl). */

/** The longest `_id` Elasticsearch and OpenSearch take, in UTF-8 bytes. */
export const MAX_ID_BYTES = 512;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Whether `name` may name an Elasticsearch or OpenSearch index: lower case, none of `\ / * ? " < > | , #`, no
 * space or colon, not starting with `-`, `_` or `+`, not `.` or `..`, at most 255 bytes. Returns what is wrong,
 * or undefined.
 */
export function indexNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name !== name.toLowerCase()) return 'it must be lower case';
  const bad = /[\\/*?"<>|,# :]/.exec(name);
  if (bad) return `it may not contain "${bad[0]}"`;
  if (/^[-_+]/.test(name)) return 'it may not start with -, _ or +';
  if (name === '.' || name === '..') return 'it may not be . or ..';
  if (utf8Length(name) > 255) return 'it is longer than 255 bytes';
  return undefined;
}

/** Throws a usage error for an index name the engines refuse. */
export function checkIndexName(command: string, name: string): void {
  const problem = indexNameProblem(name);
  if (problem) throw new KornerError(ERROR_CODES.USAGE, `${command}: --index "${name}" cannot name an Elasticsearch or OpenSearch index: ${problem}.`);
}

/** The `_bulk` action of a record: index (create or replace) the document under its id. */
function bulkAction(record: RecordContent, options: ResolvedWriterOptions, warn: (message: string) => void): string {
  const id = String(record.id);
  if (utf8Length(id) > MAX_ID_BYTES) warn(`its id is longer than ${MAX_ID_BYTES} bytes: the engine refuses the document (give shorter ids in the input)`);
  return JSON.stringify({ index: options.index !== undefined ? { _index: options.index, _id: id } : { _id: id } });
}

function bulkWriter(name: 'elasticsearch' | 'opensearch', engine: string): FormatWriter {
  return {
    name,
    summary: `${engine} _bulk NDJSON: an index action and the search document a document; bad records left out (korner index)`,
    labels: 'long',
    offsets: { default: 'utf16', fixed: false },
    framing: BLOCK_FRAMING,
    *parts(record, options, warn) {
      if (record.error) return;
      yield `${bulkAction(record, options, warn)}\n`;
      yield `${JSON.stringify(searchDocument(record, options, warn))}\n`;
    },
  };
}

export const elasticsearchWriter = bulkWriter('elasticsearch', 'Elasticsearch');
export const opensearchWriter = bulkWriter('opensearch', 'OpenSearch');

export const searchJsonlWriter: FormatWriter = {
  name: 'search-jsonl',
  summary: 'the flattened search documents, one a line, for any engine (korner index --to jsonl)',
  labels: 'long',
  offsets: { default: 'utf16', fixed: false },
  framing: LINE_FRAMING,
  *parts(record, options, warn) {
    if (record.error) {
      yield errorRecordJson(record);
      return;
    }
    yield JSON.stringify(searchDocument(record, options, warn));
  },
};

/**
 * A Solr document of the search fields. Solr has no object fields, so:
 * - `date` as Solr dates (`2024-03-14T00:00:00Z`, a DatePointField);
 * - `date_range` as DateRangeField values: a day (`2024-03-14`), else `[2023-11-01 TO 2023-11-30]`;
 * - `quantity` as two parallel multi-valued fields, `quantity_value` (doubles) and `quantity_unit` (strings): the
 *   n-th value goes with the n-th unit;
 * - `entities` as one stored string of JSON, `entities_json`;
 * - a passed-through field whose value is an object, or an array holding objects, as a string of JSON (Solr would
 *   otherwise read it as child documents or as fields named after its paths).
 */
export function solrFields(fields: SearchFields): Record<string, unknown> {
  return {
    text: fields.text,
    person: fields.person,
    place: fields.place,
    organization: fields.organization,
    date: fields.date.map((day) => `${day}T00:00:00Z`),
    date_range: fields.date_range.map((range) => (range.gte === range.lte ? range.gte : `[${range.gte} TO ${range.lte}]`)),
    time: fields.time,
    quantity_value: fields.quantity.map((q) => q.value),
    quantity_unit: fields.quantity.map((q) => q.unit),
    link: fields.link,
    gloss: fields.gloss,
    hangul: fields.hangul,
    entities_json: JSON.stringify(fields.entities),
  };
}

const isStructured = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && (!Array.isArray(value) || value.some((item) => item !== null && typeof item === 'object'));

export const solrWriter: FormatWriter = {
  name: 'solr',
  summary: 'Solr JSON documents, one a line, for /update/json/docs; bad records left out (korner index)',
  labels: 'long',
  offsets: { default: 'utf16', fixed: false },
  framing: BLOCK_FRAMING,
  *parts(record, options, warn) {
    if (record.error) return;
    const extra = record.extra && Object.fromEntries(Object.entries(record.extra).map(([key, value]) => [key, isStructured(value) ? JSON.stringify(value) : value]));
    const document = withPassedFields({ ...record, ...(extra ? { extra } : {}) }, solrFields(searchFields(record, options)), warn);
    yield `${JSON.stringify(document)}\n`;
  },
};
