import { bratReader } from './brat/reader.js';
import type { FolderReader } from './reader.js';
import type { FolderFormat } from './readers.js';

/** The readers of formats stored as folders of files (Node only: they read the file system). */
export const FOLDER_READERS: Readonly<Record<FolderFormat, FolderReader>> = { brat: bratReader };
