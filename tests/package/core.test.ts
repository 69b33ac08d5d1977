import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

/**
 * The browser-safe entry `korner/core` (dist/core.js and the chunks it imports) must not import Node's modules:
 * file access sits behind the loader that `korner` (dist/index.js) adds.
 */
const NODE_MODULES = /\b(?:from|import|require)\s*\(?\s*["'](?:node:[\w/]+|fs|path|url|os|child_process|module|fs\/promises)["']/g;
const RELATIVE = /\bfrom\s*["'](\.\/[\w.-]+\.js)["']/g;

function bundleFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE)) queue.push(join(dirname(file), match[1]!));
  }
  return [...seen];
}

describe('korner/core', () => {
  it('imports none of Node’s modules', () => {
    const files = bundleFiles(join(repoRoot, 'dist', 'core.js'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(file, 'utf8').match(NODE_MODULES), file).toBeNull();
  });

  it('while the Node entry does (its file loader)', () => {
    const index = readFileSync(join(repoRoot, 'dist', 'index.js'), 'utf8');
    expect(index.match(NODE_MODULES)).not.toBeNull();
  });
});
