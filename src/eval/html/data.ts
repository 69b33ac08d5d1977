/**
 * A value as the content of a `<script type="application/json">` block. The HTML parser ends a script element at
 * the first `</script` whatever the type, and `<!--` changes how it reads on, so every `<` is written as its JSON
 * escape `\u003c` (inside strings, where JSON allows it; JSON has `<` nowhere else). U+2028 and U+2029 are escaped
 * too, for the tools that still read JSON as JavaScript. JSON.parse of the block's textContent gives the value back.
 */
export function jsonScriptContent(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
