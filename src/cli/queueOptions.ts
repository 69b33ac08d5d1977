import { ERROR_CODES, KornerError } from '../errors.js';
import type { QueueTarget } from '../parallel/queue.js';
import { checkRedisUrl } from '../parallel/queueClient.js';
import { checkName, DEFAULT_QUEUE, DEFAULT_REDIS_URL } from '../parallel/queueJobs.js';

/** The options every queue command and `korner worker` take to find the queue. */
export const QUEUE_OPTIONS = {
  redis: { type: 'string' },
  queue: { type: 'string', default: DEFAULT_QUEUE },
} as const;

export const QUEUE_OPTIONS_HELP = `  --redis URL                  the Redis server (default: $KORNER_REDIS_URL, or ${DEFAULT_REDIS_URL});
                               redis://[user:password@]host:port[/db], rediss:// for TLS
  --queue NAME                 the BullMQ queue (default ${DEFAULT_QUEUE}); several runs share one queue`;

/** The queue the options name: --redis, else $KORNER_REDIS_URL, else the local default. */
export function queueTarget(values: { redis?: string; queue?: string }): QueueTarget {
  return {
    redis: checkRedisUrl(values.redis ?? process.env.KORNER_REDIS_URL ?? DEFAULT_REDIS_URL),
    queue: checkName('queue', values.queue ?? DEFAULT_QUEUE),
  };
}

/** A duration in seconds (fractions allowed) as milliseconds. */
export function secondsOption(command: string, option: string, value: string, { zero = false } = {}): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0 || (!zero && seconds === 0)) {
    throw new KornerError(ERROR_CODES.USAGE, `${command}: --${option} must be a number of seconds${zero ? ' (0 or more)' : ' above 0'}, got "${value}".`);
  }
  return Math.round(seconds * 1000);
}
