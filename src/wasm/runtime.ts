/**
 * What the WebAssembly kernels (assembly/, compiled into the *Wasm.ts modules beside their hosts) need from the
 * runtime: the part of the WebAssembly API they use (the compiler's lib has no DOM or WebAssembly types) and the
 * decoding of their base64 text. Every runtime korner supports (Node 20 and later, current browsers) has both.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The bytes of a base64 text (the compiled modules are kept as text, so that bundlers need no loader for them). */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
