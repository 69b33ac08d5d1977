import { DEFAULT_BATCH, type BatchLimits } from '../pipeline/batches.js';

export { DEFAULT_BATCH, type BatchLimits };

/**
 * Groups records into batches, in input order, so that the pipeline can run each stage over many documents at
 * once (Extractor.extractAll). A batch also ends when the next record is not ready yet (input typed or piped in
 * slowly), so interactive use still answers line by line, unless `flushWhenIdle` is false: then the batches
 * depend on the input alone (the jobs of a queue run, which must be the same each time the run is added).
 */
export async function* batchRecords<T extends { text?: string }>(
  records: AsyncIterable<T>,
  limits: BatchLimits = DEFAULT_BATCH,
  flushWhenIdle = true,
): AsyncGenerator<T[]> {
  const iterator = records[Symbol.asyncIterator]();
  let batch: T[] = [];
  let units = 0;
  for (;;) {
    const pending = iterator.next();
    if (flushWhenIdle && batch.length > 0) {
      // The next record wins the race when it is already there (a file, a fast pipe); an idle input loses it.
      const ready = await Promise.race([
        pending.then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => setImmediate(resolve, false)),
      ]);
      if (!ready) {
        yield batch;
        batch = [];
        units = 0;
      }
    }
    const next = await pending;
    if (next.done) break;
    const record = next.value;
    const length = record.text?.length ?? 0;
    if (batch.length > 0 && (batch.length >= limits.records || units + length > limits.units)) {
      yield batch;
      batch = [];
      units = 0;
    }
    batch.push(record);
    units += length;
  }
  if (batch.length > 0) yield batch;
}
