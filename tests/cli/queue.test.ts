import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

/** Usage of korner queue and korner worker, checked before anything connects (no Redis needed). */
describe('korner queue and korner worker usage', () => {
  it.each([
    [['queue'], 2, /Usage: korner queue add\|results\|status\|retry\|remove/, ''],
    [['queue', '--help'], 0, /korner queue results --run NAME/, ''],
    [['queue', 'add', '--help'], 0, /--batch N .*\n[^]*--attempts N/, ''],
    [['worker', '--help'], 0, /--idle-exit SECONDS[^]*--lock SECONDS/, ''],
  ])('korner %j prints its help', async (args, status, help, stderr) => {
    const result = await runCli(args);
    expect(result.status).toBe(status);
    expect(result.stdout).toMatch(help);
    expect(result.stderr).toBe(stderr);
  });

  it.each([
    [['queue', 'nope'], /queue: unknown command "nope"; the commands are add, results, status, retry, remove/],
    [['queue', 'results'], /queue results: --run NAME is required/],
    [['queue', 'retry', '--run', 'a:b'], /--run must be 1 to 64 letters/],
    [['queue', 'add', '--batch', '0'], /queue add: --batch must be a positive integer/],
    [['queue', 'add', '--format', 'xml'], /queue add: --format must be one of jsonl, json, pretty/],
    [['queue', 'status', '--redis', 'localhost:6379'], /--redis must be a URL such as redis:\/\/127\.0\.0\.1:6379/],
    [['queue', 'results', '--run', 'r', '--wait', 'soon'], /queue results: --wait must be a number of seconds \(0 or more\)/],
    [['worker', '--lock', '0'], /worker: --lock must be a number of seconds above 0/],
    [['worker', '--max-stalled', '0'], /worker: --max-stalled must be a positive integer/],
    [['worker', '--frobnicate'], /worker: Unknown option '--frobnicate'/],
  ])('korner %j is a usage error that says what to do', async (args, message) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
