import type * as BullMQ from 'bullmq';
import type * as IORedis from 'ioredis';
import { ERROR_CODES, KornerError } from '../errors.js';

/**
 * bullmq and ioredis are optional peer dependencies: bullmq brings msgpackr, whose optional msgpackr-extract is
 * a native module, and korner's default install has no native code. Only the queue commands load them, here.
 */
export interface QueueModules {
  Queue: typeof BullMQ.Queue;
  Worker: typeof BullMQ.Worker;
  Redis: typeof IORedis.Redis;
}

export type RedisClient = IORedis.Redis;

const importModules = async (): Promise<QueueModules> => {
  const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
  return { Queue: bullmq.Queue, Worker: bullmq.Worker, Redis: ioredis.Redis };
};

/** bullmq and ioredis, or a KornerError that says how to install them. */
export async function loadQueueModules(importer: () => Promise<QueueModules> = importModules): Promise<QueueModules> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new KornerError(
      ERROR_CODES.QUEUE,
      'the queue commands need bullmq and ioredis, which korner does not install by default (bullmq brings an optional native module): run "npm install bullmq ioredis" where korner is installed ("npm install -g bullmq ioredis" beside a global korner).',
      { cause: error },
    );
  }
}

/** The URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Checks a Redis URL's form (redis:// or rediss://), so that a typo fails before anything connects. */
export function checkRedisUrl(url: string): string {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new KornerError(ERROR_CODES.USAGE, `--redis must be a URL such as redis://127.0.0.1:6379 or rediss://user:password@host:6380/0, got "${url}".`);
  }
  return url;
}

/**
 * A client of the Redis at `url`, connected: a first connection that fails says so at once (a queue command should
 * not hang on a Redis that is not there); once connected, the client reconnects on its own like any ioredis client.
 */
export async function connectRedis(modules: QueueModules, url: string): Promise<RedisClient> {
  let connected = false;
  const client = new modules.Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    // Commands wait for a reconnection rather than fail: a worker's result must be stored, not lost to a blip.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2000) : null),
  });
  // ioredis reports every failed reconnection as an 'error' event; without a listener Node would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    connected = true;
  } catch (error) {
    client.disconnect();
    throw new KornerError(
      ERROR_CODES.QUEUE,
      `cannot reach Redis at ${shownUrl(url)} (${(error as Error).message}); start redis-server there, or pass --redis URL (or set KORNER_REDIS_URL).`,
      { cause: error },
    );
  }
  return client;
}
