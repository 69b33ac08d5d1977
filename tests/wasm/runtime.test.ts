import { describe, expect, it } from 'vitest';
import { decodeBase64, precompileWasm, wasmApi, wasmModule } from '../../src/wasm/runtime.js';

/** The smallest valid WebAssembly module (magic and version), and one with an exported function `answer` = 42. */
const EMPTY = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]).toString('base64');
const ANSWER = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
  0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a,
  0x0b,
]).toString('base64');

describe('WebAssembly runtime helpers', () => {
  it.each([
    ['empty', ''],
    ['one byte', 'AA=='],
    ['every byte value', Buffer.from(Array.from({ length: 256 }, (_, k) => k)).toString('base64')],
  ])('decodes base64: %s', (_name, text) => {
    expect(Buffer.from(decodeBase64(text)).toString('base64')).toBe(text);
  });

  it('compiles a module once and runs it', () => {
    const module = wasmModule(ANSWER);
    expect(wasmModule(ANSWER)).toBe(module);
    const { exports } = new wasmApi.Instance(module, {});
    expect((exports as { answer: () => number }).answer()).toBe(42);
  });

  it('hands out the module precompileWasm compiled, without compiling it again', async () => {
    await precompileWasm(EMPTY);
    const module = wasmModule(EMPTY);
    await precompileWasm(EMPTY);
    expect(wasmModule(EMPTY)).toBe(module);
    expect(Object.keys(new wasmApi.Instance(module, {}).exports)).toEqual([]);
  });
});
