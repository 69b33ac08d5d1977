import type { Entity, Link, QuantityValue } from '../document/types.js';
import { BLOCK_FRAMING, type FormatWriter } from './writer.js';

/** A normalised value as the pretty table shows it: a date, `≈5000 m2`, `2016-01-01/2016-06-30`. */
export function formatValue(entity: Entity): string {
  const value = entity.value;
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if ('unit' in value) {
    const q = value as QuantityValue;
    const number = q.range ? `${q.range.from}~${q.range.to}` : String(q.number);
    return `${q.approximate ? '≈' : ''}${number} ${q.unit}`;
  }
  return `${value.start}/${value.end}`;
}

function pad(text: string, width: number): string {
  // Hangul and Hanja take two columns in a terminal.
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(char) ? 2 : 1;
  return text + ' '.repeat(Math.max(1, width - columns));
}

/** A human-readable block for one document: one line per entity, then the links. */
export function formatPretty(title: string, entities: readonly Entity[], links: readonly Link[]): string {
  const lines = [`# ${title}`];
  if (entities.length === 0) lines.push('  (no entities)');
  for (const entity of entities) {
    const value = formatValue(entity);
    const canonical = entity.canonical && entity.canonical !== entity.text ? ` = ${entity.canonical}` : '';
    lines.push(
      (
        `  ${pad(entity.type, 13)}${pad(entity.text, 22)}${pad(`${entity.start}-${entity.end}`, 10)}` +
        `${value ? `→ ${value}` : ''}${canonical}`
      ).trimEnd(),
    );
  }
  if (links.length > 0) {
    lines.push('  links:');
    for (const link of links) {
      const target = link.target ? `  (glosses ${link.target.text} at ${link.target.start})` : '';
      lines.push(`    ${pad(link.source.text, 10)}→ ${link.hangul} [${link.reading}]${target}`);
    }
  }
  return `${lines.join('\n')}\n\n`;
}

export const prettyWriter: FormatWriter = {
  name: 'pretty',
  summary: 'a readable table',
  labels: 'long',
  offsets: undefined,
  framing: BLOCK_FRAMING,
  *parts(record) {
    yield record.error
      ? `# ${record.id}\n  error ${record.error.message}\n\n`
      : formatPretty(String(record.id), record.entities ?? [], record.links ?? []);
  },
};
