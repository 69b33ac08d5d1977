// Types of families.mjs (plain JavaScript, so that scripts/adversarial.mjs runs under Node without a build).
import type { KornerDocument, RunOptions, Stage, UserEntry } from '../../src/core.js';

export interface Family {
  readonly name: string;
  /** The input, of about `bytes` UTF-8 bytes. */
  text(bytes: number): string;
  /** The user entries the extractor for `text` needs (the user-dictionary family only). */
  userDictionary?(text: string): UserEntry[];
}

/** One stage's times at the sizes measured (ms) and time(1 MB) / max(time(100 KB), FLOOR_MS). */
export interface StageRow {
  stage: string;
  ms: number[];
  ratio: number;
}

export interface ExtractorLike {
  readonly pipeline: { readonly stages: readonly Stage[] };
}

export const FAMILIES: readonly Family[];
export const SIZES: readonly number[];
export const FLOOR_MS: number;
export const MAX_RATIO: number;
export function utf8Length(text: string): number;
export function repeatTo(unit: string, bytes: number): string;
export function repeatsFor(): number;
export function ratioOf(t100k: number, t1m: number): number;
export function runStages(
  stages: readonly Stage[],
  createDocument: (text: string) => KornerDocument,
  text: string,
  repeats: number,
  options?: RunOptions,
  collect?: boolean,
): [number, number][][];
export function stageTimes(spans: readonly (readonly [number, number])[][]): number[];
export function measureFamily(
  family: Family,
  extractorFor: (text: string, family: Family) => Promise<ExtractorLike>,
  createDocument: (text: string) => KornerDocument,
  options?: { sizes?: readonly number[]; retries?: number },
): Promise<StageRow[]>;
