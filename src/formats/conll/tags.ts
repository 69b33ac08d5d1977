import type { EntityType } from '../../document/types.js';
import type { GoldEntity } from '../../eval/gold.js';
import type { LabelReader } from '../labels.js';

/** A tag of a CoNLL or KLUE file: O, or B-, I-, E- or S- and a label (IOB2, and BIOES's ends and singles). */
const TAG = /^([BIES])-(.+)$/;

/** Whether a column looks like a tag (what detection of the formats asks of a line's last column). */
export function looksLikeTag(column: string): boolean {
  return column === 'O' || TAG.test(column);
}

interface OpenEntity {
  /** What a continuing tag must name: the type, or for a label the map ignores the label itself. */
  key: string;
  type: EntityType | null;
  start: number;
  end: number;
}

/**
 * Entities from the tags of a document's tokens, read in order. A tag sequence that IOB2 forbids (I- or E- after
 * O, after another type, or first in a sentence: IOB1 files, or a broken file) is an error, as is a label nobody
 * knows: the reader makes the document an error record, naming the line.
 */
export class TagDecoder {
  private open: OpenEntity | undefined;
  private previous: string | undefined;
  private readonly spans: { start: number; end: number; type: EntityType }[] = [];

  constructor(private readonly labels: LabelReader) {}

  /** Reads the tag of the token at [start, end): undefined, or what is wrong with it. */
  push(tag: string, start: number, end: number): string | undefined {
    const previous = this.previous;
    this.previous = tag;
    if (tag === 'O') {
      this.close();
      return undefined;
    }
    const match = TAG.exec(tag);
    if (!match) return `tag "${tag}" is not O, nor B-, I-, E- or S- and a label`;
    const [, prefix, label] = match as unknown as [string, string, string];
    const type = this.labels.typeOf(label);
    if (type === undefined) return `unknown label "${label}" in tag "${tag}"; map it to a type with --label-map FILE (lines label<TAB>TYPE, or label<TAB>- to ignore it)`;
    const key = type ?? `-${label.trim().toUpperCase()}`;
    if (prefix === 'I' || prefix === 'E') {
      if (this.open?.key !== key) {
        const after = previous === undefined ? 'comes first in its sentence' : `follows ${previous}`;
        return `tag ${tag} continues no entity (it ${after}); an entity starts with B-${label}`;
      }
      this.open.end = end;
      if (prefix === 'E') this.close();
      return undefined;
    }
    this.close();
    this.open = { key, type, start, end };
    if (prefix === 'S') this.close();
    return undefined;
  }

  /** A sentence ends, and with it an open entity. */
  endSentence(): void {
    this.close();
    this.previous = undefined;
  }

  /** The entities read, with their text in `text`. */
  entities(text: string): GoldEntity[] {
    this.endSentence();
    return this.spans.map(({ start, end, type }) => ({ start, end, type, text: text.slice(start, end) }));
  }

  private close(): void {
    if (this.open?.type) this.spans.push({ start: this.open.start, end: this.open.end, type: this.open.type });
    this.open = undefined;
  }
}
