import { stat } from 'node:fs/promises';
import { readAnnotatedLines } from '../formats/annotated.js';
import type { LabelReader } from '../formats/labels.js';
import type { ReadItem } from '../formats/reader.js';
import { FOLDER_READERS } from '../formats/folderReaders.js';
import { FOLDER_FORMATS, isFolderFormat, type FolderFormat, type GoldFormat } from '../formats/readers.js';
import { displayName, readLines, type ReadOptions } from './input.js';

/** Reads annotated data from a file, standard input (`-`) or a folder (brat), in the format named or detected. */
export async function* readAnnotatedSource(
  source: string,
  format: GoldFormat | 'auto',
  labels: LabelReader,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  const name = displayName(source, options.stdinName);
  const folder = await folderFormat(source, format);
  if (folder) {
    yield* FOLDER_READERS[folder].readFolder(source, { name, labels });
    return;
  }
  yield* readAnnotatedLines(readLines(source, options), { format, name, labels });
}

/** The folder format to read `source` in: the one named, or brat for a folder or an `.ann` file when detecting. */
async function folderFormat(source: string, format: GoldFormat | 'auto'): Promise<FolderFormat | undefined> {
  if (format !== 'auto') return isFolderFormat(format) ? format : undefined;
  const folders: readonly FolderFormat[] = FOLDER_FORMATS;
  if (source === '-') return undefined;
  const isFolder = await stat(source).then((info) => info.isDirectory(), () => false);
  return isFolder || source.endsWith('.ann') ? folders[0] : undefined;
}
