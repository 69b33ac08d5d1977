import type { Entity, Link, Span } from '../../document/types.js';

/**
 * The text cut at every boundary of an entity, a link's source (the gloss) and a link's target (the mention), so
 * that whatever covers one piece covers all of it. Entities never overlap each other, so a piece is inside one
 * entity at most and an entity's mark can stay whole around its pieces; a link's spans may overlap an entity
 * partly, and are written once per piece (see writer.ts), which keeps the elements well-nested whatever overlaps.
 */
export interface Piece {
  start: number;
  end: number;
  /** The entity that starts at `start`, when one does. */
  opens?: Entity;
  /** Whether the entity covering this piece ends at `end`. */
  closes: boolean;
  /** Indexes (into the links) of the links whose source covers the piece, ascending. */
  sources: readonly number[];
  /** Indexes of the links whose target covers the piece, ascending. */
  targets: readonly number[];
}

/** A span usable on `text`: inside it and not empty. */
function usable(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= length;
}

/** The links covering the pieces, kept as the sweep passes their starts and ends (few at once: a sorted array). */
class ActiveSpans {
  private readonly byStart: number[];
  private readonly byEnd: number[];
  private nextStart = 0;
  private nextEnd = 0;
  private active: number[] = [];

  constructor(private readonly spans: readonly (Span | null)[], length: number) {
    const indexes = spans.flatMap((span, k) => (span && usable(span, length) ? [k] : []));
    this.byStart = [...indexes].sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
    this.byEnd = [...indexes].sort((a, b) => spans[a]!.end - spans[b]!.end || a - b);
  }

  /** Every position where one of the spans starts or ends. */
  boundaries(): number[] {
    return this.byStart.flatMap((k) => [this.spans[k]!.start, this.spans[k]!.end]);
  }

  /** The spans covering the piece that starts at `at` (a new array whenever they change: a piece may keep it). */
  at(at: number): readonly number[] {
    const ended: number[] = [];
    while (this.nextEnd < this.byEnd.length && this.spans[this.byEnd[this.nextEnd]!]!.end <= at) ended.push(this.byEnd[this.nextEnd++]!);
    const started: number[] = [];
    while (this.nextStart < this.byStart.length && this.spans[this.byStart[this.nextStart]!]!.start <= at) {
      const k = this.byStart[this.nextStart++]!;
      if (this.spans[k]!.end > at) started.push(k);
    }
    if (ended.length > 0 || started.length > 0) {
      this.active = [...this.active.filter((k) => !ended.includes(k)), ...started].sort((a, b) => a - b);
    }
    return this.active;
  }
}

/**
 * The pieces of `text` in order, covering it all. Entities that overlap an earlier one or fall outside the text
 * are left unmarked (korner makes none), so that the marks stay well-nested whatever a caller passes.
 */
export function* textPieces(text: string, entities: readonly Entity[], links: readonly Link[]): Generator<Piece> {
  const length = text.length;
  const sorted = entities.filter((e) => usable(e, length)).sort((a, b) => a.start - b.start);
  const marked: Entity[] = [];
  for (const entity of sorted) if (marked.length === 0 || marked[marked.length - 1]!.end <= entity.start) marked.push(entity);
  const sources = new ActiveSpans(links.map((link) => link.source), length);
  const targets = new ActiveSpans(links.map((link) => link.target), length);
  const cuts = [0, length, ...marked.flatMap((e) => [e.start, e.end]), ...sources.boundaries(), ...targets.boundaries()];
  const boundaries = Float64Array.from(new Set(cuts)).sort();
  let next = 0;
  let inside: Entity | undefined;
  for (let b = 0; b + 1 < boundaries.length; b++) {
    const start = boundaries[b]!;
    const end = boundaries[b + 1]!;
    let opens: Entity | undefined;
    if (next < marked.length && marked[next]!.start === start) {
      opens = marked[next++]!;
      inside = opens;
    }
    const closes = inside !== undefined && inside.end === end;
    yield { start, end, ...(opens ? { opens } : {}), closes, sources: sources.at(start), targets: targets.at(start) };
    if (closes) inside = undefined;
  }
}
