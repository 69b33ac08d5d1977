import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared` beside the checkout (read-only material); tests that need it skip when it is absent. */
export const sharedRoot = resolve(repoRoot, '..', 'shared');

/** The path of a file in ../shared, or undefined when it is not there. */
export function sharedFile(relative: string): string | undefined {
  const path = join(sharedRoot, relative);
  return existsSync(path) ? path : undefined;
}

/** The built CLI, as the package's bin runs it. */
export const cliPath = join(repoRoot, 'dist', 'cli.js');
