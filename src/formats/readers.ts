import { doccanoReader } from './doccano/reader.js';
import { conllReader } from './conll/reader.js';
import { klueReader } from './klue/reader.js';
import { kornerJsonlReader } from './kornerJsonl.js';
import { labelStudioReader } from './labelStudio/reader.js';
import type { FormatReader } from './reader.js';

/**
 * The annotated formats korner reads, by name: as gold data for `korner eval`, and as input of `korner extract`
 * (to pre-annotate a corpus again). Detection tries them in this order, so a more specific format comes first.
 */
export const LINE_READERS = {
  klue: klueReader,
  conll: conllReader,
  doccano: doccanoReader,
  'label-studio': labelStudioReader,
  jsonl: kornerJsonlReader,
} as const satisfies Record<string, FormatReader>;

/** Formats stored as folders of files; their readers read files, so they are in folderReaders.ts (Node only). */
export const FOLDER_FORMATS = ['brat'] as const;

export type LineFormat = keyof typeof LINE_READERS;
export type FolderFormat = (typeof FOLDER_FORMATS)[number];
export type GoldFormat = LineFormat | FolderFormat;

export const GOLD_FORMATS = [...Object.keys(LINE_READERS), ...FOLDER_FORMATS] as GoldFormat[];

/** Order of detection: the formats whose marks are most specific first; korner's JSONL, the loosest, last. */
const DETECTION_ORDER: readonly LineFormat[] = (Object.keys(LINE_READERS) as LineFormat[]).sort(
  (a, b) => Number(a === 'jsonl') - Number(b === 'jsonl'),
);

/** The line format whose marks the start of an input has, or undefined when none does. */
export function detectLineFormat(head: string): LineFormat | undefined {
  return DETECTION_ORDER.find((name) => LINE_READERS[name].detect(head));
}

export function isFolderFormat(format: string): format is FolderFormat {
  return (FOLDER_FORMATS as readonly string[]).includes(format);
}
