/**
 * Escaping for HTML text and double-quoted attribute values. Every character that can end a text run or an
 * attribute (&, <, >, ", ') is a character reference, so no input text can open a tag or leave an attribute. A
 * carriage return is a reference too: the HTML parser would fold a literal CR LF into LF, and the text on the
 * page would no longer match the entities' offsets.
 */
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
};

const SPECIAL = /[&<>"'\r]/g;

/** `text` safe as HTML text or as the value of a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (char) => REFERENCES[char]!);
}
