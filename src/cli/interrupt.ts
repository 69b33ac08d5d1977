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
  /** Resolves when a signal arrives. */
  readonly arrived: Promise<InterruptSignal>;
  private readonly listeners = new Map<InterruptSignal, () => void>();
  /** Waits (see {@link race}) to be told of a signal. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly target: NodeJS.Process | undefined = process) {
    let resolve!: (signal: InterruptSignal) => void;
    this.arrived = new Promise((r) => (resolve = r));
    if (!target) return;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const listener = (): void => {
        if (this.signal) target.exit(SIGNAL_EXIT[this.signal]);
        this.signal = signal;
        resolve(signal);
        for (const wake of this.waiting) wake();
        this.waiting.clear();
      };
      this.listeners.set(signal, listener);
      target.on(signal, listener);
    }
  }

  /**
   * `promise`'s value, or undefined as soon as a signal arrives (or has arrived). Unlike a Promise.race with a
   * promise of the signal, nothing stays attached once `promise` settles: a race per batch against one long-lived
   * promise kept every batch's value reachable from it, the whole input and output of a run.
   */
  race<T>(promise: Promise<T>): Promise<T | undefined> {
    if (this.signal) return Promise.resolve(undefined);
    return new Promise<T | undefined>((resolve, reject) => {
      const wake = (): void => resolve(undefined);
      this.waiting.add(wake);
      promise.then(
        (value) => {
          this.waiting.delete(wake);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(wake);
          reject(error);
        },
      );
    });
  }

  /** Stops catching the signals. */
  dispose(): void {
    for (const [signal, listener] of this.listeners) this.target?.off(signal, listener);
    this.listeners.clear();
    this.waiting.clear();
  }
}
