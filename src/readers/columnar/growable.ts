/**
 * Typed arrays that grow as rows arrive: the storage of the streaming readers' columns (columns.ts). A
 * size hint from the file size lets them be allocated once instead of grown by doubling, which matters
 * at 10⁶–10⁷ rows (docs/performance.md).
 */

/**
 * A Float64Array of `n` values, in memory the helper thread can read in place (a SharedArrayBuffer)
 * when it is large enough for the helper to be used on it (stats/ovr-parallel.ts); zero-filled.
 */
export function f64(n: number, shared: boolean): Float64Array {
  return shared && n >= 1 << 16 ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
}

/** Growable Float64Array (amortised doubling, or sized once from a hint); `data[0..length)` is filled. */
export class GrowF64 {
  data: Float64Array;
  length = 0;
  /** `shared`: large storage goes in shared memory (`f64`). */
  constructor(
    capacity = 1024,
    private readonly shared = false,
  ) {
    this.data = f64(capacity, shared);
  }
  /** Room for `n` values; when it must grow, to at least `expected` (a size hint) if that is larger. */
  reserve(n: number, expected = 0): void {
    if (n <= this.data.length) return;
    let cap: number;
    if (expected >= n) cap = expected;
    // The hint fell short (lines longer than the first chunk's): grow gently past it, not to double.
    else if (expected > 0) cap = Math.ceil(n * 1.25);
    else {
      cap = this.data.length * 2;
      while (cap < n) cap *= 2;
    }
    const next = f64(cap, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** Copy trimmed to the filled length (frees the spare capacity). */
  trimmed(): Float64Array {
    return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
  }
}

/** Growable Int32Array. */
export class GrowI32 {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.data.length * 2);
    this.data[this.length++] = v;
  }
  /** Room for `n` values at once (a size hint; see `RecordColumns.expectRows`). */
  reserve(n: number): void {
    if (n > this.data.length) this.grow(n);
  }
  private grow(cap: number): void {
    const next = new Int32Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** The filled part: a view when little capacity is spare, else a trimmed copy (frees the rest). */
  trimmed(): Int32Array {
    if (this.data.length === this.length) return this.data;
    return this.length * 1.25 >= this.data.length
      ? this.data.subarray(0, this.length)
      : this.data.slice(0, this.length);
  }
}
