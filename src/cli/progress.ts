import cliProgress from 'cli-progress';

/** What a long run reports as it goes. */
export interface ProgressSink {
  /** `records` more records written, which came from `bytes` bytes of input. */
  advance(records: number, bytes: number): void;
  /** Removes the bar (before the final messages). */
  stop(): void;
}

const MB = 1024 * 1024;

/** Nothing, for runs whose stderr is not a terminal, and with --quiet. */
export const NO_PROGRESS: ProgressSink = { advance: () => undefined, stop: () => undefined };

/**
 * A progress bar on a terminal (cli-progress): documents, MB read, MB/s and, when the input's size is known (files),
 * the share done and the time left; for standard input, the count and the rate. `done` bytes and `records` of a
 * resumed run count as done from the start, and the rate counts only what this run reads.
 */
export function terminalProgress(stream: NodeJS.WritableStream, totalBytes: number | undefined, done = { records: 0, bytes: 0 }): ProgressSink {
  let records = done.records;
  let bytes = done.bytes;
  const started = Date.now();
  const rate = (): string => {
    const seconds = (Date.now() - started) / 1000;
    return seconds > 0 ? ((bytes - done.bytes) / MB / seconds).toFixed(2) : '0.00';
  };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      fps: 5,
      etaBuffer: 50,
      hideCursor: false,
      clearOnComplete: true,
      format: (options, params) => {
        const counts = `${records.toLocaleString('en')} docs | ${(bytes / MB).toFixed(1)}`;
        if (totalBytes === undefined) return `korner ${counts} MB | ${rate()} MB/s`;
        const width = options.barsize ?? 30;
        const filled = Math.round(params.progress * width);
        const eta = params.eta > 0 && Number.isFinite(params.eta) ? `${Math.ceil(params.eta)}s` : '-';
        return (
          `korner [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(params.progress * 100)}% | ` +
          `${counts}/${(totalBytes / MB).toFixed(1)} MB | ${rate()} MB/s | ETA ${eta}`
        );
      },
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(totalBytes ?? 1, 1), bytes);
  return {
    advance(more, read) {
      records += more;
      bytes += read;
      bar.update(totalBytes === undefined ? 0 : Math.min(bytes, totalBytes));
    },
    stop: () => bar.stop(),
  };
}
