/**
 * Escaping of untrusted artifact text (metric names, slice values, example ids and text) before it
 * reaches markdown: it must not ping people, link issues, inject HTML or break a table.
 */

const ZWSP = '\u200b';

/**
 * Escapes text for a markdown table cell or paragraph. Newlines become spaces; HTML specials become
 * entities; markdown punctuation is backslash-escaped (`|` too, so tables hold); a zero-width space
 * after `@` and `#` stops mentions and issue links (GitHub resolves them after entity decoding, so an
 * entity alone would not), and after `:` stops URL autolinks.
 */
export function escapeMarkdown(text: string, maxLength = 200): string {
  let s = String(text).replace(/[\r\n\t]+/g, ' ');
  // Control and bidi-override characters could disguise text.
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  if (s.length > maxLength) s = s.slice(0, maxLength - 1) + '…';
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()!~|]/g, (c) => '\\' + c)
    .replace(/([@#])/g, `$1${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/** Renders an untrusted value (label, prediction) compactly and escaped. */
export function escapeValue(v: unknown, maxLength = 80): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return escapeMarkdown(s ?? String(v), maxLength);
}

/**
 * Text inside a code span: backticks and newlines cannot be escaped there, so they are replaced;
 * mentions and HTML are inert inside code spans.
 */
export function escapeCode(text: string, maxLength = 200): string {
  let s = String(text)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/`/g, "'");
  if (s.length > maxLength) s = s.slice(0, maxLength - 1) + '…';
  return s;
}
