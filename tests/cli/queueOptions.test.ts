import { afterEach, describe, expect, it } from 'vitest';
import { queueTarget, secondsOption } from '../../src/cli/queueOptions.js';

describe('queueTarget', () => {
  const saved = process.env.KORNER_REDIS_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.KORNER_REDIS_URL;
    else process.env.KORNER_REDIS_URL = saved;
  });

  it.each([
    ['the option first', { redis: 'redis://a:1' }, 'redis://b:2', 'redis://a:1'],
    ['then KORNER_REDIS_URL', {}, 'redis://b:2', 'redis://b:2'],
    ['then the local default', {}, undefined, 'redis://127.0.0.1:6379'],
  ])('takes the Redis URL from %s', (_title, values, env, expected) => {
    if (env === undefined) delete process.env.KORNER_REDIS_URL;
    else process.env.KORNER_REDIS_URL = env;
    expect(queueTarget(values)).toEqual({ redis: expected, queue: 'korner' });
  });

  it('checks the queue name', () => {
    expect(() => queueTarget({ queue: 'a:b' })).toThrow(/--queue must be/);
  });
});

describe('secondsOption', () => {
  it.each([
    ['30', false, 30_000],
    ['0.5', false, 500],
    ['0', true, 0],
  ])('reads %s seconds', (value, zero, ms) => {
    expect(secondsOption('worker', 'lock', value, { zero })).toBe(ms);
  });

  it.each([
    ['0', false],
    ['-1', true],
    ['', true],
    ['soon', true],
    ['Infinity', true],
  ])('refuses %j', (value, zero) => {
    expect(() => secondsOption('worker', 'lock', value, { zero })).toThrow(/worker: --lock must be a number of seconds/);
  });
});
