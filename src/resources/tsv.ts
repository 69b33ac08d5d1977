import { ERROR_CODES, KornerError } from '../errors.js';

/**
 * A dictionary table: UTF-8 TSV, `#` lines for the header (one of them `# columns: a<TAB>b<TAB>c` naming the
 * columns), then one entry a line. Blank lines are skipped. Missing trailing columns read as ''.
 */
export interface TsvTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Index of a column; throws when the table lacks it. */
  column(name: string): number;
}

const COLUMNS_HEADER = /^#\s*columns:\s*/i;

export function parseTsv(name: string, content: string): TsvTable {
  let columns: string[] | undefined;
  const rows: string[][] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length === 0) continue;
    if (line.startsWith('#')) {
      if (COLUMNS_HEADER.test(line)) columns = line.replace(COLUMNS_HEADER, '').split('\t').map((c) => c.trim());
      continue;
    }
    if (!columns) {
      throw new KornerError(
        ERROR_CODES.DICTIONARY,
        `${name}, line ${i + 1}: entry before the "# columns:" header. Start the file with "# columns: ..." naming the tab-separated columns.`,
      );
    }
    rows.push(line.split('\t'));
  }
  if (!columns) {
    throw new KornerError(ERROR_CODES.DICTIONARY, `${name}: no "# columns:" header line.`);
  }
  const names = columns;
  return {
    name,
    columns: names,
    rows,
    column(column: string): number {
      const index = names.indexOf(column);
      if (index < 0) {
        throw new KornerError(
          ERROR_CODES.DICTIONARY,
          `${name}: no column "${column}" (columns: ${names.join(', ')}).`,
        );
      }
      return index;
    },
  };
}
