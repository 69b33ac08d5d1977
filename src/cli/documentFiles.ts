import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KornerError } from '../errors.js';
import type { FormatWriter } from '../formats/writer.js';
import type { DocumentRecord } from './records.js';

/**
 * The name a document's files get from its id: characters that are unsafe in file names (path separators, `:`,
 * control characters ...) become `_`, and a name already given gets `-2`, `-3` ... so that no file is overwritten.
 */
export class FileStems {
  private readonly used = new Set<string>();

  stem(id: string | number): string {
    // eslint-disable-next-line no-control-regex
    const base = String(id).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').slice(0, 200) || '_';
    let stem = base;
    for (let n = 2; this.used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    this.used.add(stem.toLowerCase());
    return stem;
  }
}

/** Writes each document of a files format (brat) as its text and its body, in one folder. */
export class DocumentFiles {
  private readonly stems = new FileStems();
  private ready: Promise<void> | undefined;

  constructor(
    private readonly folder: string,
    private readonly writer: FormatWriter & { files: NonNullable<FormatWriter['files']> },
  ) {}

  async write(record: DocumentRecord, body: string | Iterable<string>): Promise<void> {
    this.ready ??= mkdir(this.folder, { recursive: true }).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => {
        throw new KornerError(ERROR_CODES.USAGE, `cannot make the folder ${this.folder} for --out-dir (${error.code ?? error.message}).`);
      },
    );
    await this.ready;
    const stem = this.stems.stem(record.id);
    const text = typeof body === 'string' ? body : Array.from(body).join('');
    await writeFile(join(this.folder, stem + this.writer.files.text), record.text ?? '');
    await writeFile(join(this.folder, stem + this.writer.files.body), text);
  }
}
