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
  compile(bytes: Uint8Array): Promise<object>;
}

export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The bytes of a base64 text (the compiled modules are kept as text, so that bundlers need no loader for them). */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiled modules by their base64 text (each kernel's text is one constant, so the keys are few). */
const modules = new Map<string, object>();

/**
 * The compiled module of a kernel: compiled now (synchronously) unless {@link precompileWasm} did it before.
 * Node compiles a module of any size synchronously; browsers allow that on their main thread only for a few
 * kilobytes, so the stages precompile in their (asynchronous) setup.
 */
export function wasmModule(base64: string): object {
  let module = modules.get(base64);
  if (!module) {
    module = new wasmApi.Module(decodeBase64(base64));
    modules.set(base64, module);
  }
  return module;
}

/** Compiles a kernel's module asynchronously, for {@link wasmModule} to find. */
export async function precompileWasm(base64: string): Promise<void> {
  if (!modules.has(base64)) modules.set(base64, await wasmApi.compile(decodeBase64(base64)));
}
