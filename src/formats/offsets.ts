/**
 * Offsets in other units than korner's UTF-16 code units: code points (Python's `str`, spaCy, doccano, brat, Label
 * Studio) and UTF-8 bytes (Rust, Go, byte-oriented indexes). `text.slice(start, end)` in the target language selects
 * the same characters as korner's span does in JavaScript.
 */
export type OffsetUnit = 'utf16' | 'codepoint' | 'utf8';
export const OFFSET_UNITS: readonly OffsetUnit[] = ['utf16', 'codepoint', 'utf8'];

/** Units of `unit` that the UTF-16 unit at `index` of `text` adds (a surrogate pair counts on its first half). */
function width(text: string, index: number, unit: OffsetUnit): number {
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    const previous = text.charCodeAt(index - 1);
    // The second half of a pair adds nothing: the pair was counted on its first half.
    if (previous >= 0xd800 && previous <= 0xdbff) return 0;
  }
  if (unit === 'codepoint') return 1;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
  }
  return 3; // a lone surrogate is written as U+FFFD, three bytes
}

/**
 * Converts UTF-16 offsets of one text to another unit, and back. It keeps a cursor, so that offsets asked for in
 * increasing order (entities sorted by start, each start then its end) cost one pass over the text in all; a
 * step back costs its length. An offset inside a surrogate pair (korner makes none) counts as after the pair.
 */
export class OffsetConverter {
  private utf16 = 0;
  private other = 0;

  constructor(
    private readonly text: string,
    readonly unit: OffsetUnit,
  ) {}

  /** The offset in `unit` of the UTF-16 offset `index` (0 ≤ index ≤ text.length). */
  fromUtf16(index: number): number {
    if (this.unit === 'utf16') return index;
    while (this.utf16 < index) this.other += width(this.text, this.utf16++, this.unit);
    while (this.utf16 > index) this.other -= width(this.text, --this.utf16, this.unit);
    return this.other;
  }

  /**
   * The UTF-16 offset of an offset in `unit`, or -1 when it is past the end of the text or inside a character
   * (a UTF-8 offset in the middle of a multi-byte sequence).
   */
  toUtf16(offset: number): number {
    if (this.unit === 'utf16') return offset <= this.text.length && offset >= 0 ? offset : -1;
    while (this.other < offset && this.utf16 < this.text.length) this.other += width(this.text, this.utf16++, this.unit);
    while (this.other > offset) this.other -= width(this.text, --this.utf16, this.unit);
    // Units of width 0 (second halves of pairs) belong to the character before them.
    while (this.utf16 < this.text.length && width(this.text, this.utf16, this.unit) === 0) this.utf16++;
    return this.other === offset ? this.utf16 : -1;
  }
}

/** The length of `text` in `unit`. */
export function lengthIn(text: string, unit: OffsetUnit): number {
  return new OffsetConverter(text, unit).fromUtf16(text.length);
}
