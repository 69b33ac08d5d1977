import type { Entity } from '../../document/types.js';
import { labelOf, type LabelSet } from '../labels.js';
import { isTokenSpace } from './tokens.js';

/** What the labels of a document do not give back: the entities a reader of the file would see changed or not at all. */
export interface Misplaced {
  count: number;
  /** The first of them. */
  example?: Entity;
}

/**
 * Tags tokens with the entities they overlap (IOB2), in one pass over tokens and entities in text order. A token
 * takes the entity it overlaps first, B- where that entity's tokens begin; a boundary inside a token is not moved
 * in silence but counted: an entity counts when the tokens tagged with it do not span it exactly (a boundary inside
 * a token, a token shared with an earlier entity, an entity cut by a sentence end).
 */
export class TokenTagger {
  /** The first entity that does not end before the tokens seen so far. */
  private next = 0;
  /** The entity of the tokens last tagged with one, and the run of them. */
  private current = -1;
  private runStart = 0;
  private runEnd = 0;
  private runs = 0;
  /** The entity of the token before in the sentence, -1 for O or none. */
  private previous = -1;
  private readonly misplaced: Misplaced = { count: 0 };

  constructor(
    private readonly entities: readonly Entity[],
    private readonly labels: LabelSet,
  ) {}

  /** A sentence starts: its first token begins an entity if it has one (a reader ends entities at sentence ends). */
  sentence(): void {
    this.previous = -1;
  }

  /** The tag of the token at [start, end). */
  tag(start: number, end: number): string {
    const entities = this.entities;
    while (this.next < entities.length && entities[this.next]!.end <= start) this.settle(this.next++);
    const index = this.next;
    if (index >= entities.length || entities[index]!.start >= end) {
      this.previous = -1;
      return 'O';
    }
    const begins = this.previous !== index;
    if (begins && this.current === index) this.runs++;
    else if (begins) {
      this.current = index;
      this.runs = 1;
      this.runStart = start;
    }
    this.runEnd = end;
    this.previous = index;
    return `${begins ? 'B' : 'I'}-${labelOf(entities[index]!.type, this.labels)}`;
  }

  /** After the last token: the entities the tags do not give back exactly. */
  finish(): Misplaced {
    while (this.next < this.entities.length) this.settle(this.next++);
    return this.misplaced;
  }

  private settle(index: number): void {
    const entity = this.entities[index]!;
    if (this.current === index && this.runs === 1 && this.runStart === entity.start && this.runEnd === entity.end) return;
    this.misplaced.count++;
    this.misplaced.example ??= entity;
  }
}

/** The white-space word around an entity (at most 30 characters each side), to show a user where it is. */
export function wordAround(text: string, entity: Entity): string {
  let start = entity.start;
  let end = entity.end;
  while (start > 0 && entity.start - start < 30 && !isTokenSpace(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - entity.end < 30 && !isTokenSpace(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}
