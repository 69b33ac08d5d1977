import { describe, expect, it } from 'vitest';
import { KornerError } from '../../src/errors.js';
import { checkRedisUrl, connectRedis, loadQueueModules, shownUrl } from '../../src/parallel/queueClient.js';
import { freePort } from './redisServer.js';

function moduleNotFound(name: string): Error {
  return Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
}

describe('loadQueueModules', () => {
  it('says how to install bullmq and ioredis when they are missing', async () => {
    const failure = loadQueueModules(() => Promise.reject(moduleNotFound('bullmq')));
    await expect(failure).rejects.toThrow(KornerError);
    await expect(failure).rejects.toMatchObject({ code: 'KORNER_QUEUE', message: expect.stringContaining('npm install bullmq ioredis') });
  });

  it('passes any other failure on as it is', async () => {
    await expect(loadQueueModules(() => Promise.reject(new TypeError('boom')))).rejects.toThrow(TypeError);
  });

  it('loads the installed ones', async () => {
    const modules = await loadQueueModules();
    expect([typeof modules.Queue, typeof modules.Worker, typeof modules.Redis]).toEqual(['function', 'function', 'function']);
  });
});

describe('Redis URLs', () => {
  it.each(['redis://127.0.0.1:6379', 'rediss://user:secret@cache.example:6380/2', 'redis://localhost'])('accepts %s', (url) => {
    expect(checkRedisUrl(url)).toBe(url);
  });

  it.each(['127.0.0.1:6379', 'http://127.0.0.1:6379', 'redis//x', ''])('refuses %s, showing the form', (url) => {
    expect(() => checkRedisUrl(url)).toThrow(/--redis must be a URL such as redis:\/\/127\.0\.0\.1:6379/);
  });

  it('hides a password in messages', () => {
    expect(shownUrl('redis://user:secret@host:6380/1')).toBe('redis://user:***@host:6380/1');
    expect(shownUrl('redis://host:6380')).toBe('redis://host:6380');
  });

  it('fails at once, naming the server, when nothing listens there', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const modules = await loadQueueModules();
    await expect(connectRedis(modules, url)).rejects.toMatchObject({
      code: 'KORNER_QUEUE',
      message: expect.stringMatching(new RegExp(`cannot reach Redis at ${url}.*start redis-server`)),
    });
  });
});
