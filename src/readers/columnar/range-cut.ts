/**
 * The movable end of the helper thread's part of a file (jsonl-stream.ts, docs/performance.md "Two
 * cores"). The reading thread usually finishes its half first — the helper starts later and runs
 * slower on a shared 2-vCPU machine — and would then wait idle; instead it takes the upper half of what
 * the helper has not yet asked for, by moving this end down to a line start.
 *
 * Three words of shared memory: a lock, the end (`cut`), and how far the helper's reads reach
 * (`reserved`, which it raises before each read). The lock is held only to compare and set them, so
 * neither thread ever reads bytes the other has taken.
 */
const LOCK = 0;
const CUT = 1;
const RESERVED = 2;

/** A helper part's end, shared by both threads (`words` crosses to the helper as is). */
export class RangeCut {
  constructor(readonly words: Int32Array) {}

  /** A cut at `end` (byte offset; parts above 2 GiB are never read on two threads). */
  static create(start: number, end: number): RangeCut {
    const words = new Int32Array(new SharedArrayBuffer(12));
    words[CUT] = end;
    words[RESERVED] = start;
    return new RangeCut(words);
  }

  private locked<T>(f: () => T): T {
    while (Atomics.compareExchange(this.words, LOCK, 0, 1) !== 0) Atomics.wait(this.words, LOCK, 1, 1);
    try {
      return f();
    } finally {
      Atomics.store(this.words, LOCK, 0);
      Atomics.notify(this.words, LOCK, 1);
    }
  }

  /** The helper, about to read `want` bytes at `pos`: how many it may read (0 at the cut). */
  reserve(pos: number, want: number): number {
    return this.locked(() => {
      const got = Math.max(0, Math.min(want, this.words[CUT] - pos));
      this.words[RESERVED] = pos + got;
      return got;
    });
  }

  /** The current end and the end of the helper's reads so far (a snapshot). */
  snapshot(): { cut: number; reserved: number } {
    return { cut: Atomics.load(this.words, CUT), reserved: Atomics.load(this.words, RESERVED) };
  }

  /**
   * The reading thread: moves the end down to `at` if the helper has not reserved past it. Returns the
   * old end (the taken bytes are [at, old end)), or undefined when too late.
   */
  take(at: number): number | undefined {
    return this.locked(() => {
      const cut = this.words[CUT];
      if (!(at > this.words[RESERVED] && at < cut)) return undefined;
      this.words[CUT] = at;
      return cut;
    });
  }
}
