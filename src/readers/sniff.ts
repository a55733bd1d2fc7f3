/**
 * Content sniffing for format detection: the key outline of a JSON document's first bytes (which may be
 * cut anywhere) and the first lines of a JSON Lines file. Nothing here throws: a detector that cannot
 * tell says so by returning low confidence.
 */

/** Keys seen near the top of a (possibly truncated) JSON text, by path. */
export interface JsonOutline {
  /** `{` or `[` for the root container, undefined when the text is not JSON-like. */
  root: '{' | '[' | undefined;
  /**
   * Object keys by path of parent keys, up to depth 3: `''` is the root object, `'results'` the object
   * under root key `results`, `'[]'` the elements of a root array, `'results.[]'` elements of an array.
   */
  keys: Map<string, Set<string>>;
}

/** Keys at `path` in an outline (empty set when none were seen). */
export function keysAt(o: JsonOutline, path: string): Set<string> {
  return o.keys.get(path) ?? new Set();
}

/**
 * Outlines JSON text without parsing it whole: tracks the container stack and records object keys whose
 * depth is at most `maxDepth`. Stops quietly at the end of the text or on anything unexpected.
 */
export function outlineJson(text: string, maxDepth = 3): JsonOutline {
  const keys = new Map<string, Set<string>>();
  let i = 0;
  const n = text.length;
  while (i < n && /\s/.test(text[i])) i++;
  const root = text[i] === '{' ? '{' : text[i] === '[' ? '[' : undefined;
  if (!root) return { root, keys };
  // Each frame: container kind and its path; for objects, whether the next string is a key.
  const stack: { kind: '{' | '['; path: string; expectKey: boolean; lastKey: string }[] = [];
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const seg = top.kind === '[' ? '[]' : top.lastKey;
    return top.path === '' && stack.length === 1 ? seg : `${top.path}.${seg}`;
  };
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= n) break;
      const str = text.slice(i + 1, j);
      i = j + 1;
      const top = stack[stack.length - 1];
      if (top && top.kind === '{' && top.expectKey) {
        top.lastKey = str;
        top.expectKey = false;
        if (stack.length <= maxDepth) {
          let set = keys.get(top.path);
          if (!set) keys.set(top.path, (set = new Set()));
          set.add(str);
        }
      }
      continue;
    }
    if (c === '{' || c === '[') {
      const path = stack.length === 0 ? '' : childPath();
      stack.push({ kind: c, path, expectKey: c === '{', lastKey: '' });
    } else if (c === '}' || c === ']') {
      stack.pop();
      if (stack.length === 0) break;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === '{') top.expectKey = true;
    }
    i++;
  }
  return { root, keys };
}

/**
 * The first complete non-blank lines of a text parsed as JSON objects (at most `max`); undefined when
 * the first non-blank line is not a JSON object (so the text is not JSON Lines).
 */
export function firstJsonLines(text: string, max = 3): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [];
  let start = 0;
  while (start < text.length && out.length < max) {
    const end = text.indexOf('\n', start);
    if (end === -1) break; // a cut last line proves nothing
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    if (!line.startsWith('{')) return out.length ? out : undefined;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return out.length ? out : undefined;
      out.push(v as Record<string, unknown>);
    } catch {
      return out.length ? out : undefined;
    }
  }
  if (out.length === 0 && start < text.length) {
    // One line without a newline: the whole file may be that line.
    const line = text.slice(start).trim();
    if (line.startsWith('{') && line.endsWith('}')) {
      try {
        const v: unknown = JSON.parse(line);
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) out.push(v as Record<string, unknown>);
      } catch {
        return undefined;
      }
    }
  }
  return out.length ? out : undefined;
}

/** True when the file name ends with one of the endings (case-insensitive). */
export function hasExtension(fileName: string, exts: readonly string[]): boolean {
  const lower = fileName.toLowerCase();
  return exts.some((e) => lower.endsWith(e));
}
