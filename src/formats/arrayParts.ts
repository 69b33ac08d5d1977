/** Items per part of a long record's body (a 20 MB document has some 400,000 entities). */
const ITEMS_PER_PART = 4096;

/**
 * The parts of a JSON text that holds one long array: `open`, the items joined by commas, then `close`. A short
 * text is one part; a long one is cut every few thousand items, so that it is never held whole as one string.
 */
export function* arrayParts(open: string, items: Iterable<string>, close: string): Generator<string> {
  let part = open;
  let count = 0;
  for (const item of items) {
    part += count === 0 ? item : `,${item}`;
    if (++count % ITEMS_PER_PART === 0) {
      yield part;
      part = '';
    }
  }
  yield part + close;
}
