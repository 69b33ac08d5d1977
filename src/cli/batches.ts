/** Limits of one batch of records (see {@link batchRecords}). */
export interface BatchLimits {
  /** At most this many records in a batch. */
  records: number;
  /** At most about this many UTF-16 units of text in a batch (a batch holds at least one record). */
  units: number;
}

/**
 * 32 records or 256k units. Larger batches keep the stages' tables in cache a little longer (64: about 5% faster
 * on klue-open-text) but keep more documents alive across garbage collections, and V8 then lets the heap grow:
 * over nsmc-5mb, peak RSS was 285–367 MB with 32 and 458–460 MB with 64 (2026-11-27).
 */
export const DEFAULT_BATCH: BatchLimits = { records: 32, units: 1 << 18 };

/**
 * Groups records into batches, in input order, so that the pipeline can run each stage over many documents at
 * once (Extractor.extractAll). A batch also ends when the next record is not ready yet (input typed or piped in
 * slowly), so interactive use still answers line by line.
 */
export async function* batchRecords<T extends { text?: string }>(
  records: AsyncIterable<T>,
  limits: BatchLimits = DEFAULT_BATCH,
): AsyncGenerator<T[]> {
  const iterator = records[Symbol.asyncIterator]();
  let batch: T[] = [];
  let units = 0;
  for (;;) {
    const pending = iterator.next();
    if (batch.length > 0) {
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
