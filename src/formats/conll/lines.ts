/**
 * What one line of a line-based format (CoNLL, KLUE's TSV) may hold. An id or a message with a line break or a
 * tab would break the line it is written on: those characters become spaces, and a value of the data (an id) that
 * changes so is said in a warning.
 */
const BREAKS = /[\t\n\r]/g;

/** `value` on one line, with tabs and line breaks as spaces; `warn` hears of a change. */
export function oneLine(value: string, what: string, warn?: (message: string) => void): string {
  BREAKS.lastIndex = 0;
  if (!BREAKS.test(value)) return value;
  warn?.(`the ${what} holds a tab or a line break, written as a space: ${JSON.stringify(value)}.`);
  return value.replace(BREAKS, ' ');
}
