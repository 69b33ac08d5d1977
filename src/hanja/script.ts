/**
 * Character classes for Han ideographs and Hangul, by code point so that Hanja outside the BMP
 * (CJK Extension B and later, written as surrogate pairs in JavaScript strings) work like any other.
 */

/** A Han ideograph: CJK Unified Ideographs and Extension A, the compatibility block, Extensions B–H. */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** A precomposed Hangul syllable (가–힣). */
export function isHangulSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** Matches a run of Han ideographs (with the `u` flag, astral ones count as one character). Use with matchAll. */
export const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;

/** Every character of the string is a Han ideograph (and there is at least one). */
export function isAllHan(text: string): boolean {
  if (text.length === 0) return false;
  for (const ch of text) if (!isHanCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

/** Every character is a Hangul syllable (and there is at least one). */
export function isAllHangul(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isHangulSyllable(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The unified form of a Han character: compatibility ideographs (U+F900–FAFF, which Korean text often uses for
 * KS X 1001's duplicate readings, e.g. U+F9E1 李) decompose canonically to the unified one.
 */
export function unifiedHan(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp >= 0xf900 && cp <= 0xfaff ? ch.normalize('NFC') : ch;
}
