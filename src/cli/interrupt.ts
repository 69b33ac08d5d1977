/** Exit status after a signal, as shells report it: 128 + the signal's number. */
export const SIGNAL_EXIT: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/**
 * Catches SIGINT and SIGTERM for a run, so that it can finish the record it is writing, close its output properly
 * and say how to resume, instead of dying in the middle of a line. A second signal ends the process at once.
 */
export class Interrupt {
  /** The signal received, once one is. */
  signal: InterruptSignal | undefined;
  /** Resolves when a signal arrives (a run waiting for input or a worker races its wait with it). */
  readonly arrived: Promise<InterruptSignal>;
  private readonly listeners = new Map<InterruptSignal, () => void>();

  constructor(private readonly target: NodeJS.Process | undefined = process) {
    let resolve!: (signal: InterruptSignal) => void;
    this.arrived = new Promise((r) => (resolve = r));
    if (!target) return;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listener = (): void => {
        if (this.signal) target.exit(SIGNAL_EXIT[this.signal]);
        this.signal = signal;
        resolve(signal);
      };
      this.listeners.set(signal, listener);
      target.on(signal, listener);
    }
  }

  /** Stops catching the signals. */
  dispose(): void {
    for (const [signal, listener] of this.listeners) this.target?.off(signal, listener);
    this.listeners.clear();
  }
}
