/**
 * Lookup of byte strings without decoding them: the JSONL scanner meets the same few keys and class
 * names on every line, and turning each occurrence into a JS string first would allocate tens of
 * millions of short strings for a large file. Keys are hashed (FNV-1a) while scanned; an entry keeps its
 * bytes to confirm a match.
 */

interface Entry<T> {
  bytes: Uint8Array;
  value: T;
}

/** FNV-1a offset basis (32-bit). */
export const FNV_OFFSET = 0x811c9dc5;

/** Map from byte strings to values. */
export class ByteIntern<T> {
  private readonly table = new Map<number, Entry<T>[]>();
  size = 0;

  /** Value stored for bytes `buf[a, b)` with FNV-1a hash `hash`, or undefined. */
  get(buf: Uint8Array, a: number, b: number, hash: number): T | undefined {
    const bucket = this.table.get(hash);
    if (!bucket) return undefined;
    const len = b - a;
    for (const e of bucket) {
      const x = e.bytes;
      if (x.length !== len) continue;
      let i = 0;
      while (i < len && x[i] === buf[a + i]) i++;
      if (i === len) return e.value;
    }
    return undefined;
  }

  set(buf: Uint8Array, a: number, b: number, hash: number, value: T): void {
    let bucket = this.table.get(hash);
    if (!bucket) this.table.set(hash, (bucket = []));
    // A copy: `buf` is a chunk buffer the reader reuses (a Buffer's `slice` would be a view of it).
    bucket.push({ bytes: new Uint8Array(buf.subarray(a, b)), value });
    this.size++;
  }
}
