/**
 * A synchronous `require` where Node gives one (process.getBuiltinModule, Node 20.16 and later), else undefined
 * (browsers, older Node). Stages use it to load a large library on the first document that needs it rather than
 * when the extractor is created; where it is undefined they import the library in `setup`, as before.
 */
export function nodeRequire(): ((id: string) => unknown) | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return undefined;
  try {
    type Require = ((id: string) => unknown) & { resolve(id: string): string };
    const module = getBuiltin('node:module') as { createRequire?: (from: string) => Require } | undefined;
    return module?.createRequire?.(import.meta.url);
  } catch {
    return undefined;
  }
}

/** `require(id)` when Node gives a synchronous require and `id` resolves from here, else undefined. */
export function requireIfResolvable(id: string): (() => unknown) | undefined {
  const require = nodeRequire() as (((id: string) => unknown) & { resolve(id: string): string }) | undefined;
  if (!require) return undefined;
  try {
    require.resolve(id);
  } catch {
    return undefined;
  }
  return () => require(id);
}
