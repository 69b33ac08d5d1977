/**
 * The UTF-16 code unit of `text` at `index`, or -1 outside the string (where `charCodeAt` gives NaN). Scanners
 * read a unit before or after the one they stand on; reading past either end inside optimised code makes V8 drop
 * that code and compile the function again (tens of milliseconds for the larger scanners, on the first pass over a
 * corpus), while this check costs a comparison. -1 matches no character class, as NaN matched none.
 */
export function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
}
