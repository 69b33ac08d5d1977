import { createDocument } from '../document/createDocument.js';
import type { Entity, KornerDocument, Link, Token } from '../document/types.js';
import { isCloser, isEndMark, isSpace } from '../text/sentences.js';

/**
 * Long documents go through the pipeline in windows, so that the memory a document's tokens, candidates and
 * lattices take is bounded by the window and not by the document (about 75 bytes of them per byte of text).
 *
 * A window is cut where no stage looks across: after a line break where there is one, else after the white space
 * that follows a sentence end outside brackets, else after white space, and only where there is no place like
 * these, at a fixed length. What a stage needs from the rest of the document (its language, its dateline, the
 * day a relative date counts from) it finds in {@link DocumentWindow}.
 */

/** Documents up to twice this many UTF-16 units are one window; longer ones are cut into windows of 64k to 128k. */
export const DEFAULT_WINDOW_SIZE = 1 << 16;

/** What the windows of one document share. */
export interface DocumentWindow {
  /** Where this window starts in the document. */
  readonly offset: number;
  /** The whole document's text. */
  readonly documentText: string;
  /**
   * State a stage hands from one window to the next, by stage name (the windows of a document run in order,
   * each stage over window k before window k + 1).
   */
  readonly carry: Record<string, unknown>;
  /** The window in its context, made on first use (see {@link contextOf}). */
  context?: WindowContext;
  /**
   * The analyzer's tokens of the context, with offsets into `context.text` (the tokens stage sets them, and
   * `doc.tokens` to those inside the window): a stage that reads the context reads these.
   */
  contextTokens?: Token[];
}

const LF = 0x0a;

function isOpening(code: number): boolean {
  return code === 0x28 || code === 0x5b || code === 0xff08 || code === 0x300c || code === 0x300e;
}

function isClosing(code: number): boolean {
  return code === 0x29 || code === 0x5d || code === 0xff09 || code === 0x300d || code === 0x300f;
}

/**
 * The ends of the windows of `text`: `[0, ends[0])`, `[ends[0], ends[1])`, ... A text of up to `2 * size` units is
 * one window; a longer one is cut into windows of `size` to `2 * size` units (the last may be shorter). One pass
 * over the text.
 */
export function windowEnds(text: string, size = DEFAULT_WINDOW_SIZE): number[] {
  const ends: number[] = [];
  let start = 0;
  while (text.length - start > 2 * size) {
    const cut = findCut(text, start, start + size, start + 2 * size);
    ends.push(cut);
    start = cut;
  }
  ends.push(text.length);
  return ends;
}

/** The best cut in `(from, to]` for a window that starts at `start` (see the module comment). */
function findCut(text: string, start: number, from: number, to: number): number {
  let depth = 0;
  let sentenceCut = -1;
  let outsideCut = -1;
  let spaceCut = -1;
  for (let i = start; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isOpening(code)) depth++;
    else if (isClosing(code) && depth > 0) depth--;
    if (i < from) continue;
    if (code === LF) return i + 1;
    if (!isSpace(code)) continue;
    if (spaceCut < 0) spaceCut = i + 1;
    if (sentenceCut >= 0 || depth > 0) continue;
    if (outsideCut < 0) outsideCut = i + 1;
    let k = i - 1;
    while (k > start && isCloser(text.charCodeAt(k))) k--;
    if (isEndMark(text.charCodeAt(k))) sentenceCut = i + 1;
  }
  if (sentenceCut >= 0) return sentenceCut;
  if (outsideCut >= 0) return outsideCut;
  if (spaceCut >= 0) return spaceCut;
  // No white space at all: cut at the limit, never between the halves of a surrogate pair.
  const low = text.charCodeAt(to);
  return low >= 0xdc00 && low <= 0xdfff ? to - 1 : to;
}

/** One window of a text that `extractAll` runs: a whole text, or one window of a long one. */
export interface Window {
  /** Which text of the batch it belongs to. */
  readonly index: number;
  /** Its length in UTF-16 units. */
  readonly length: number;
  /** A fresh document for the window (with `window` set when it is part of a longer text). */
  document(): KornerDocument;
  /**
   * Takes the window's document after the window part of the pipeline, and returns the document that the rest of
   * the pipeline runs on: the same document for a whole text; for the last window of a long text, the whole
   * text's document with the entities and links of all its windows (offsets into the whole text); else nothing.
   */
  finish(doc: KornerDocument): KornerDocument | undefined;
}

/** The windows of `text` (the text of batch item `index`): one, unless it is longer than `2 * size` units. */
export function windowsOf(text: string, index: number, referenceDate: string | undefined, size: number): Window[] {
  if (text.length <= 2 * size) {
    return [{ index, length: text.length, document: () => createDocument(text, referenceDate), finish: (doc) => doc }];
  }
  const ends = windowEnds(text, size);
  const carry: Record<string, unknown> = {};
  const whole = createDocument(text, referenceDate);
  const entities: Entity[] = [];
  const links: Link[] = [];
  let done = 0;
  return ends.map((end, k): Window => {
    const offset = k === 0 ? 0 : ends[k - 1]!;
    return {
      index,
      length: end - offset,
      document() {
        const doc = createDocument(text.slice(offset, end), referenceDate);
        doc.window = { offset, documentText: text, carry };
        return doc;
      },
      finish(doc) {
        if (k === 0) {
          if (doc.language !== undefined) whole.language = doc.language;
          if (doc.referenceDate !== undefined) whole.referenceDate = doc.referenceDate;
        }
        for (const entity of doc.entities ?? []) {
          entity.start += offset;
          entity.end += offset;
          entities.push(entity);
        }
        for (const link of doc.links ?? []) {
          link.source.start += offset;
          link.source.end += offset;
          if (link.target) {
            link.target.start += offset;
            link.target.end += offset;
          }
          links.push(link);
        }
        if (++done < ends.length) return undefined;
        whole.entities = entities;
        whole.links = links;
        return whole;
      },
    };
  });
}

/**
 * The context of a document's window (undefined for a whole document), shared by the stages that read it: the
 * analyzer runs over it, so that its best path at the window's edges is the one it takes through the document,
 * and the tagger reads its features from it.
 */
export function contextOf(doc: KornerDocument): WindowContext | undefined {
  const window = doc.window;
  if (!window) return undefined;
  return (window.context ??= windowContext(window, doc.text.length, CONTEXT_MARGIN));
}

/**
 * How much of the document a window's context takes on each side: enough for the analyzer's best path to come
 * back to the one through the whole document (it does within a few words) and for the tagger's features (three
 * characters and a word).
 */
const CONTEXT_MARGIN = 256;

/** A window's text with some of the document around it, for a stage whose features read past its ranges. */
export interface WindowContext {
  /** The window's text with up to `margin` units (and whole words) of the document on each side. */
  readonly text: string;
  /** Where the window starts in `text`: a window offset plus `shift` is an offset into `text`. */
  readonly shift: number;
}

/**
 * The text around window `window` (of `length` units), for a stage that reads past a sentence (the tagger reads
 * three characters and the neighbouring words on each side): `margin` units on each side, widened to take in the
 * whole word before the window and the whole word after it, with the white space between, so that such a stage
 * sees at the window's edges what it sees inside one run over the document.
 */
export function windowContext(window: DocumentWindow, length: number, margin = 64): WindowContext {
  const whole = window.documentText;
  // The word and the white space on each side are taken whole up to MAX_WORD_REACH units: further would make a
  // window's context, and so the run over a document of one endless word or space, grow with the document.
  const lowest = Math.max(0, window.offset - margin - MAX_WORD_REACH);
  let start = window.offset;
  while (start > lowest && isSpace(whole.charCodeAt(start - 1))) start--;
  while (start > lowest && !isSpace(whole.charCodeAt(start - 1))) start--;
  start = Math.max(0, Math.min(start, window.offset - margin));
  const windowEnd = window.offset + length;
  const highest = Math.min(whole.length, windowEnd + margin + MAX_WORD_REACH);
  let end = windowEnd;
  while (end < highest && isSpace(whole.charCodeAt(end))) end++;
  while (end < highest && !isSpace(whole.charCodeAt(end))) end++;
  end = Math.min(whole.length, Math.max(end, windowEnd + margin));
  return { text: whole.slice(start, end), shift: window.offset - start };
}

/** How far past its margin a window's context reaches to take in a whole word and the white space before it. */
const MAX_WORD_REACH = 1024;
