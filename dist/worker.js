import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Typed errors for expected conditions. A regression is a verdict, not an exception: only bad input,
 * bad usage and a missing baseline are errors. Both entry points map these to exit code 2.
 */
/** Formats a location as `file:line field`, omitting what is unknown. */
function formatLocation(loc) {
    let s = loc.file ?? '';
    if (loc.line !== undefined)
        s += `${s ? ':' : 'line '}${loc.line}`;
    if (loc.field !== undefined)
        s += `${s ? ' ' : ''}field "${loc.field}"`;
    return s;
}
/**
 * Escapes control characters (C0, DEL, C1) as `\uXXXX`: input errors quote untrusted file content and
 * names, which must not reach a terminal or log as raw control bytes (NULs, escape sequences).
 */
function escapeControl(s) {
    return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Bad input data or configuration: names file, line and field; exit code 2. */
class errors_InputError extends Error {
    location;
    /** The message without its location (a reader on another thread rebuilds the error with its line). */
    detail;
    constructor(message, location = {}) {
        const where = formatLocation(location);
        super(escapeControl(where ? `${where}: ${message}` : message));
        this.name = 'InputError';
        this.location = location;
        this.detail = message;
    }
}
/** Bad command-line or action-input usage; exit code 2. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** No baseline could be found; callers turn it into the `no-baseline` verdict and its policy. */
class NoBaselineError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NoBaselineError';
    }
}
/** True for errors that mean "the user gave us something wrong" (exit code 2, no stack trace). */
function isExpectedError(e) {
    return e instanceof errors_InputError || e instanceof UsageError;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/readers/file.ts
/** Reading an input file's bytes with the error every reader gives for a missing or unreadable file. */


/** The file's bytes; InputError "file not found" / "cannot read file" otherwise. */
function file_readBytes(file) {
    try {
        return readFileSync(file);
    }
    catch (e) {
        const code = e.code;
        throw new InputError(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file });
    }
}

;// CONCATENATED MODULE: ./src/readers/text.ts
/**
 * Bytes → text for every text format. UTF-8 (with or without a byte-order mark) and UTF-16 (BOM or the
 * NUL pattern PowerShell's default encoding leaves) are decoded; anything else is an input error naming
 * the line and the first bad byte, never silently replaced by U+FFFD (two slice values would merge).
 * A user who knows the encoding sets config `encoding:`.
 */



/** Encodings a user may name in config `encoding:`. */
const TEXT_ENCODINGS = (/* unused pure expression or super */ null && (['utf8', 'utf16le', 'utf16be', 'latin1']));
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** True when the bytes start with the gzip magic number (content, not the `.gz` name, decides). */
function isGzip(buf) {
    return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}
/** Decompresses gzip bytes; an InputError naming the file when they are not valid gzip. */
function gunzip(buf, file) {
    try {
        return gunzipSync(buf);
    }
    catch (e) {
        throw new InputError(`not valid gzip: ${e.message}`, { file });
    }
}
/**
 * The UTF-16 byte order the bytes show, from a BOM or, without one, from NULs in every other byte of
 * the start (ASCII text in UTF-16); undefined for anything else.
 */
function utf16Order(buf) {
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
        return 'utf16le';
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
        return 'utf16be';
    const n = Math.min(buf.length, 64) & ~1;
    if (n < 4)
        return undefined;
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
        if (buf[i] === 0)
            evenNul++;
        if (buf[i + 1] === 0)
            oddNul++;
    }
    const pairs = n / 2;
    if (oddNul >= pairs * 0.75 && evenNul === 0)
        return 'utf16le';
    if (evenNul >= pairs * 0.75 && oddNul === 0)
        return 'utf16be';
    return undefined;
}
function decodeUtf16(buf, order) {
    let b = buf;
    if (b.length % 2 === 1)
        b = b.subarray(0, b.length - 1);
    if (order === 'utf16be') {
        const copy = Buffer.from(b);
        copy.swap16();
        b = copy;
    }
    const text = b.toString('utf16le');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(buf) {
    let i = 0;
    const n = buf.length;
    while (i < n) {
        const b = buf[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else
            return i;
        if (i + need >= n)
            return i;
        let cp = b & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const c = buf[i + k];
            if ((c & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
/** 1-based line of a byte offset. */
function lineOfOffset(buf, offset) {
    let line = 1;
    let at = buf.indexOf(0x0a, 0);
    while (at !== -1 && at < offset) {
        line++;
        at = buf.indexOf(0x0a, at + 1);
    }
    return line;
}
/**
 * Decodes a file's bytes. Without `encoding`: UTF-16 when a BOM or the NUL pattern says so, else strict
 * UTF-8 (a leading BOM dropped). Invalid UTF-8 is an InputError naming the line and byte offset.
 */
function decodeText(buf, file, encoding) {
    if (encoding === 'latin1')
        return buf.toString('latin1');
    if (encoding === 'utf16le' || encoding === 'utf16be')
        return decodeUtf16(buf, encoding);
    if (encoding === undefined) {
        const order = utf16Order(buf);
        if (order)
            return decodeUtf16(buf, order);
    }
    const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const body = start ? buf.subarray(start) : buf;
    try {
        return fatalUtf8.decode(body);
    }
    catch {
        const bad = firstInvalidUtf8(body);
        const offset = (bad === -1 ? 0 : bad) + start;
        const hex = buf[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
        throw new InputError(`not UTF-8 (byte 0x${hex} at byte offset ${offset} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`, { file, line: lineOfOffset(buf, offset) });
    }
}
/** Reads a whole text file: gunzipped when its bytes are gzip, then decoded as {@link decodeText}. */
function text_readTextFile(file, encoding) {
    let buf = readBytes(file);
    if (isGzip(buf))
        buf = gunzip(buf, file);
    return decodeText(buf, file, encoding);
}
/**
 * Sniffing text of a file's first bytes, for format detection only: decoded like {@link decodeText} but
 * never throwing (bad bytes become U+FFFD; a cut multi-byte character at the end is dropped).
 */
function sniffText(buf) {
    const order = utf16Order(buf);
    if (order)
        return decodeUtf16(buf, order);
    const text = buf.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

;// CONCATENATED MODULE: ./src/readers/columnar/growable.ts
/**
 * Typed arrays that grow as rows arrive: the storage of the streaming readers' columns (columns.ts). A
 * size hint from the file size lets them be allocated once instead of grown by doubling, which matters
 * at 10⁶–10⁷ rows (docs/performance.md).
 */
/**
 * A Float64Array of `n` values, in memory the helper thread can read in place (a SharedArrayBuffer)
 * when it is large enough for the helper to be used on it (stats/ovr-parallel.ts); zero-filled.
 */
function f64(n, shared) {
    return shared && n >= 1 << 16 ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
}
/** Growable Float64Array (amortised doubling, or sized once from a hint); `data[0..length)` is filled. */
class GrowF64 {
    shared;
    data;
    length = 0;
    /** `shared`: large storage goes in shared memory (`f64`). */
    constructor(capacity = 1024, shared = false) {
        this.shared = shared;
        this.data = f64(capacity, shared);
    }
    /** Room for `n` values; when it must grow, to at least `expected` (a size hint) if that is larger. */
    reserve(n, expected = 0) {
        if (n <= this.data.length)
            return;
        let cap;
        if (expected >= n)
            cap = expected;
        // The hint fell short (lines longer than the first chunk's): grow gently past it, not to double.
        else if (expected > 0)
            cap = Math.ceil(n * 1.25);
        else {
            cap = this.data.length * 2;
            while (cap < n)
                cap *= 2;
        }
        const next = f64(cap, this.shared);
        next.set(this.data.subarray(0, this.length));
        this.data = next;
    }
    /** Copy trimmed to the filled length (frees the spare capacity). */
    trimmed() {
        return this.data.length === this.length ? this.data : this.data.slice(0, this.length);
    }
}
/** Growable Int32Array. */
class GrowI32 {
    data;
    length = 0;
    constructor(capacity = 1024) {
        this.data = new Int32Array(capacity);
    }
    push(v) {
        if (this.length === this.data.length)
            this.grow(this.data.length * 2);
        this.data[this.length++] = v;
    }
    /** Room for `n` values at once (a size hint; see `RecordColumns.expectRows`). */
    reserve(n) {
        if (n > this.data.length)
            this.grow(n);
    }
    grow(cap) {
        const next = new Int32Array(cap);
        next.set(this.data.subarray(0, this.length));
        this.data = next;
    }
    /** The filled part: a view when little capacity is spare, else a trimmed copy (frees the rest). */
    trimmed() {
        if (this.data.length === this.length)
            return this.data;
        return this.length * 1.25 >= this.data.length
            ? this.data.subarray(0, this.length)
            : this.data.slice(0, this.length);
    }
}

;// CONCATENATED MODULE: ./src/readers/columnar/proba-column.ts
/**
 * The probability column of `RecordColumns` (columns.ts): one value per row (binary), a row-major block
 * of one column per class key or list position, or — when the rows do not fit one such shape — every
 * row's value as given. Also where the helper thread's half of a file is joined (column-transfer.ts).
 */

/** Value of row `row` as a record would hold it (undefined when absent), `block` holding the values. */
function proba_column_probaAt(p, block, row) {
    if (p.mode === 'generic')
        return p.generic[row];
    if (row >= p.rows || !p.present[row])
        return undefined;
    const w = p.width;
    if (p.mode === 'number')
        return block[row];
    if (p.mode === 'array')
        return Array.from(block.subarray(row * w, row * w + w));
    const o = {};
    for (let c = 0; c < w; c++) {
        const x = block[row * w + c];
        if (x === x)
            o[p.keys[c]] = x;
    }
    return o;
}
/**
 * Probability column. Modes: `none` so far; `number` (binary: one value per row); `map` (objects
 * {class: p}: one block column per distinct key, NaN where a row lacks the key); `array` (lists: one
 * block column per position, all rows the same length); `generic` (anything else, kept as given).
 * `present[row]` is 1 where the row has probabilities.
 */
class ProbaColumn {
    mode = 'none';
    /** map mode: key per block column; array mode: empty. */
    keys = [];
    keyIndex = new Map();
    /** Row-major block of `width` values per row (number mode: width 1); shared memory when large. */
    block = new GrowF64(1024, true);
    width = 0;
    present = new Uint8Array(1024);
    rows = 0;
    generic;
    /**
     * Rows the reader expects (from the file size): the block is sized for them at once, so that a
     * million-row file is not grown by doubling — each doubling copies the block and leaves up to half
     * of it unused, which at 10 classes × 10⁶ rows is 60–130 MB of peak memory.
     */
    expectedRows = 0;
    growPresent(n) {
        if (n <= this.present.length)
            return;
        let cap = this.present.length * 2;
        while (cap < n)
            cap *= 2;
        const next = new Uint8Array(cap);
        next.set(this.present);
        this.present = next;
    }
    /** Column of `key` in map mode, widening the block when the key is new. */
    keyColumn(key) {
        let c = this.keyIndex.get(key);
        if (c !== undefined)
            return c;
        c = this.keys.length;
        this.keys.push(key);
        this.keyIndex.set(key, c);
        this.widen(this.keys.length);
        return c;
    }
    widen(width) {
        if (width <= this.width)
            return;
        const old = this.block;
        const oldWidth = this.width;
        const next = new GrowF64(Math.max(1024, this.rows * width * 2, this.expectedRows * width), true);
        next.data.fill(NaN, 0, this.rows * width);
        for (let r = 0; r < this.rows; r++)
            for (let c = 0; c < oldWidth; c++)
                next.data[r * width + c] = old.data[r * oldWidth + c];
        next.length = this.rows * width;
        this.block = next;
        this.width = width;
    }
    /**
     * Starts row `row` (rows arrive in order) in `mode` with `width` values, all NaN; returns the offset
     * of its first value in `block.data`, or −1 when the column has become generic (use `pushGeneric`).
     */
    beginRow(row, mode, width) {
        if (this.mode === 'generic')
            return -1;
        if (this.mode === 'none') {
            this.mode = mode;
            if (mode === 'number')
                this.width = 1;
        }
        else if (this.mode !== mode || (mode === 'array' && width !== this.width)) {
            this.toGeneric();
            return -1;
        }
        if (mode === 'array')
            this.widen(width);
        this.fillTo(row);
        const w = this.width;
        this.block.reserve((row + 1) * w, this.expectedRows * w);
        const off = row * w;
        // A loop, not `fill`: for the ~10 values of a row the builtin's call costs more than the stores
        // (measured: 0.2 s of 1M rows).
        const data = this.block.data;
        for (let j = off; j < off + w; j++)
            data[j] = NaN;
        this.block.length = (row + 1) * w;
        this.growPresent(row + 1);
        this.present[row] = 1;
        this.rows = row + 1;
        return off;
    }
    /** Rows without probabilities up to (not including) `row`. */
    fillTo(row) {
        if (this.mode === 'generic') {
            while (this.generic.length < row)
                this.generic.push(undefined);
            return;
        }
        if (row <= this.rows)
            return;
        const w = this.width;
        this.block.reserve(row * w);
        this.block.data.fill(NaN, this.rows * w, row * w);
        this.block.length = row * w;
        this.growPresent(row);
        this.rows = row;
    }
    /**
     * Where the helper thread writes the second half of the file straight into this column's block
     * (jsonl-stream.ts): the whole shared block, and the row its region starts at. This thread's own rows
     * are confined below that row (its block is a view ending there, so that running past it reallocates
     * privately instead of overwriting the helper's rows).
     */
    shared;
    /**
     * Splits a shared block (in `map`, `number` or `array` mode, holding the whole file's expected rows)
     * at row `fromRow`: rows below stay this thread's, the rest is the helper's region. Returns the region
     * (undefined when the block is not shared or too small).
     */
    splitShared(fromRow) {
        const w = this.width;
        const full = this.block.data;
        if (this.mode === 'none' || this.mode === 'generic' || w === 0)
            return undefined;
        if (!(full.buffer instanceof SharedArrayBuffer) || this.rows > fromRow || full.length <= fromRow * w)
            return undefined;
        this.shared = { full, fromRow };
        this.block.data = full.subarray(0, fromRow * w);
        return full.subarray(fromRow * w);
    }
    /**
     * Starts this (empty) column as the helper's part of a shared block: same mode and keys as the reading
     * thread's, rows written into `region`.
     */
    adoptRegion(mode, width, keys, region) {
        this.mode = mode;
        for (const k of keys)
            this.keyColumn(k);
        this.width = width;
        this.block.data = region;
        this.block.length = 0;
        this.region = region;
    }
    /** The region `adoptRegion` gave (the helper's side); its rows are there while `block.data` is it. */
    region;
    /** Whether this column's rows are still in the shared region it adopted, in its layout. */
    inRegion() {
        return this.region !== undefined && this.block.data === this.region;
    }
    /**
     * The fast append of the helper's rows when they are still in this block's shared region, in the same
     * layout: one move within the block (no second copy of them in memory). False when it does not apply.
     */
    appendShared(src, base, rows) {
        const sh = this.shared;
        const w = this.width;
        if (!sh || !src.inRegion || this.mode !== src.mode || src.width !== w)
            return false;
        // (Shared memory crossing threads arrives as another SharedArrayBuffer object: the helper says
        // whether its rows are still where it was told to write them.)
        if (this.block.data.buffer !== sh.full.buffer || this.block.data.byteOffset !== 0)
            return false;
        if (this.mode === 'map' && (src.keys.length !== w || src.keys.some((k, j) => this.keys[j] !== k)))
            return false;
        this.fillTo(base);
        sh.full.copyWithin(base * w, sh.fromRow * w, (sh.fromRow + rows) * w);
        this.block.data = sh.full;
        this.endAppend(base, rows, src.present);
        this.shared = undefined;
        return true;
    }
    /**
     * Appends `rows` rows read elsewhere (column-transfer.ts) at row `base`: `block` holds `w` values per
     * row, its column j going to block column `to[j]` (already widened to; `map` keys added first).
     */
    appendBlock(mode, w, base, rows, block, present, to) {
        if (this.mode === 'none') {
            this.mode = mode;
            if (mode === 'number')
                this.width = 1;
        }
        if (mode === 'array')
            this.widen(w);
        this.fillTo(base);
        const W = this.width;
        this.block.reserve((base + rows) * W, this.expectedRows * W);
        const data = this.block.data;
        const same = W === w && to.every((c, j) => c === j);
        if (same)
            data.set(block.subarray(0, rows * w), base * W);
        else {
            data.fill(NaN, base * W, (base + rows) * W);
            for (let r = 0; r < rows; r++)
                for (let j = 0; j < w; j++)
                    data[(base + r) * W + to[j]] = block[r * w + j];
        }
        this.endAppend(base, rows, present);
    }
    /** After rows [base, base + rows) of the block are written: their lengths and `present` flags. */
    endAppend(base, rows, present) {
        this.block.length = (base + rows) * this.width;
        this.growPresent(base + rows);
        this.present.set(present.subarray(0, rows), base);
        this.rows = base + rows;
    }
    pushGeneric(row, v) {
        if (this.mode !== 'generic')
            this.toGeneric();
        this.fillTo(row);
        this.generic.push(v);
    }
    /** Value of row `row` as a record would hold it (undefined when absent). */
    get(row) {
        return proba_column_probaAt(this, this.block.data, row);
    }
    toGeneric() {
        const out = [];
        for (let r = 0; r < this.rows; r++)
            out.push(this.get(r));
        this.mode = 'generic';
        this.generic = out;
        this.block = new GrowF64(1);
    }
}

;// CONCATENATED MODULE: ./src/readers/columnar/columns.ts



/** Interned scalar column: `codes[row]` indexes `values`; generic once a non-scalar value arrives. */
class DictColumn {
    values = [];
    index = new Map();
    codes = new GrowI32();
    /** Set when some value is not a scalar: every row's value, as given. */
    generic;
    push(v) {
        if (this.generic) {
            this.generic.push(v);
            return;
        }
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
            let c = this.index.get(v);
            if (c === undefined) {
                c = this.values.length;
                this.values.push(v);
                this.index.set(v, c);
            }
            this.codes.push(c);
            return;
        }
        this.generic = this.materialise();
        this.generic.push(v);
    }
    /** Adds a row holding the value of code `c` (from `code`). */
    pushCode(c) {
        if (this.generic)
            this.generic.push(this.values[c]);
        else
            this.codes.push(c);
    }
    /** Code of scalar `v`, adding it (the fast scanner's path). */
    code(v) {
        let c = this.index.get(v);
        if (c === undefined) {
            c = this.values.length;
            this.values.push(v);
            this.index.set(v, c);
        }
        return c;
    }
    materialise() {
        if (this.generic)
            return this.generic;
        const out = new Array(this.codes.length);
        const codes = this.codes.data;
        for (let i = 0; i < out.length; i++)
            out[i] = this.values[codes[i]];
        return out;
    }
    get(row) {
        return this.generic ? this.generic[row] : this.values[this.codes.data[row]];
    }
}
/** Columns of one file's (or several files') per-example records. */
class columns_RecordColumns {
    n = 0;
    /** Source file of each row range: rows [fileStart[j], fileStart[j+1]) come from files[j]. */
    files = [];
    fileStart = [];
    lines = new GrowI32();
    /**
     * Size hint from the reader (rows expected from the file size): the probability block and the
     * per-row code columns are allocated once at about that size instead of grown by doubling, which at
     * 10⁷ rows saves hundreds of MB of peak memory (docs/performance.md).
     */
    expectRows(rows) {
        this.proba.expectedRows = rows;
        this.label.codes.reserve(rows);
        this.prediction.codes.reserve(rows);
        this.lines.reserve(rows);
    }
    ids = [];
    label = new DictColumn();
    prediction = new DictColumn();
    proba = new ProbaColumn();
    numeric = new Map();
    slices = new Map();
    cluster;
    /** Marks the start of rows read from `file`. */
    beginFile(file) {
        this.files.push(file);
        this.fileStart.push(this.n);
    }
    /** File a row came from. */
    fileOf(row) {
        let j = this.fileStart.length - 1;
        while (j > 0 && this.fileStart[j] > row)
            j--;
        return this.files[j];
    }
    /** Numeric column `key`, NaN-filled up to the current row. */
    numericColumn(key) {
        let col = this.numeric.get(key);
        if (!col) {
            col = new GrowF64(Math.max(1024, this.n + 1));
            col.data.fill(NaN);
            this.numeric.set(key, col);
        }
        return col;
    }
    /** Sets numeric `key` of the row being added (row index `this.n`). */
    setNumeric(key, v) {
        const col = this.numericColumn(key);
        const row = this.n;
        if (col.data.length <= row) {
            const old = col.data.length;
            // Every earlier row is filled (a value or NaN): growing must keep them all.
            col.length = old;
            col.reserve(row + 1);
            col.data.fill(NaN, old);
        }
        col.data[row] = v;
    }
    /** Adds a record from the generic path (a JSON.parse'd line mapped by `toExampleRecord`). */
    pushRecord(rec) {
        const row = this.n;
        this.ids.push(rec.id);
        this.label.push(rec.label);
        this.prediction.push(rec.prediction);
        const p = rec.probabilities;
        if (p !== undefined) {
            if (typeof p === 'number') {
                const off = this.proba.beginRow(row, 'number', 1);
                if (off < 0)
                    this.proba.pushGeneric(row, p);
                else
                    this.proba.block.data[off] = p;
            }
            else if (Array.isArray(p) && p.every((x) => typeof x === 'number')) {
                const off = this.proba.beginRow(row, 'array', p.length);
                if (off < 0)
                    this.proba.pushGeneric(row, p);
                else
                    for (let j = 0; j < p.length; j++)
                        this.proba.block.data[off + j] = p[j];
            }
            else if (typeof p === 'object' &&
                p !== null &&
                !Array.isArray(p) &&
                Object.values(p).every((x) => typeof x === 'number' && x === x)) {
                const entries = Object.entries(p);
                for (const [k] of entries)
                    if (this.proba.mode === 'map' || this.proba.mode === 'none')
                        this.proba.keyColumn(k);
                const off = this.proba.beginRow(row, 'map', 0);
                if (off < 0)
                    this.proba.pushGeneric(row, p);
                else
                    for (const [k, x] of entries)
                        this.proba.block.data[off + this.proba.keyColumn(k)] = x;
            }
            else
                this.proba.pushGeneric(row, p);
        }
        for (const key in rec.numeric)
            this.setNumeric(key, rec.numeric[key]);
        for (const key in rec.slices)
            this.sliceColumn(key).push(rec.slices[key]);
        if (rec.cluster !== undefined)
            (this.cluster ??= []).push(rec.cluster);
        this.lines.push(rec.source.line ?? row + 1);
        this.n++;
    }
    sliceColumn(key) {
        let col = this.slices.get(key);
        if (!col) {
            col = [];
            this.slices.set(key, col);
        }
        return col;
    }
    /** Pads columns to `n` rows after the last row (numeric NaN, probabilities absent). */
    finish() {
        this.proba.fillTo(this.n);
        for (const col of this.numeric.values()) {
            if (col.data.length < this.n) {
                const old = col.data.length;
                col.length = old;
                col.reserve(this.n);
                col.data.fill(NaN, old);
            }
            col.length = this.n;
        }
    }
    /** Numeric columns trimmed to n rows. */
    numericArrays() {
        const out = {};
        for (const [k, col] of this.numeric) {
            col.length = this.n;
            out[k] = col.trimmed();
        }
        return out;
    }
    /** One ExampleRecord per row (the generic path: any task, and exact error messages). */
    toRecords() {
        this.finish();
        const out = new Array(this.n);
        const numeric = [...this.numeric];
        const slices = [...this.slices];
        const lines = this.lines.data;
        let fileIdx = 0;
        for (let i = 0; i < this.n; i++) {
            while (fileIdx + 1 < this.fileStart.length && this.fileStart[fileIdx + 1] <= i)
                fileIdx++;
            const num = {};
            for (const [k, col] of numeric) {
                const v = col.data[i];
                if (v === v)
                    num[k] = v;
            }
            const sl = {};
            for (const [k, col] of slices)
                sl[k] = col[i];
            const rec = {
                id: this.ids[i],
                label: this.label.get(i),
                prediction: this.prediction.get(i),
                slices: sl,
                numeric: num,
                source: { file: this.files[fileIdx], line: lines[i] },
            };
            const p = this.proba.get(i);
            if (p !== undefined)
                rec.probabilities = p;
            if (this.cluster)
                rec.cluster = this.cluster[i];
            out[i] = rec;
        }
        return out;
    }
    /** The compact per-example columns an EvalResult stores (same content as `columnsOf` on records). */
    toExampleColumns(sliceNames, withCluster) {
        this.finish();
        const cols = {
            ids: this.ids,
            label: this.label.materialise(),
            prediction: this.prediction.materialise(),
        };
        if (this.proba.mode !== 'none') {
            const p = new Array(this.n);
            for (let i = 0; i < this.n; i++)
                p[i] = this.proba.get(i) ?? null;
            cols.probabilities = p;
        }
        if (this.numeric.size) {
            cols.numeric = {};
            for (const [k, col] of this.numeric) {
                const a = new Array(this.n);
                for (let i = 0; i < this.n; i++)
                    a[i] = col.data[i] === col.data[i] ? col.data[i] : null;
                cols.numeric[k] = a;
            }
        }
        if (sliceNames.length) {
            cols.slices = {};
            for (const s of sliceNames)
                cols.slices[s] = this.slices.get(s) ?? [];
        }
        if (withCluster)
            cols.cluster = this.cluster ?? new Array(this.n).fill('');
        return cols;
    }
}

;// CONCATENATED MODULE: ./src/readers/records.ts
/**
 * Maps one raw per-example object (a JSONL line, a CSV row) to an ExampleRecord. Shared by the record
 * readers so every format applies the same field rules and the same error messages.
 */

/** Builds an ExampleRecord; throws InputError naming file, line and field when a required field is bad. */
function toExampleRecord(raw, mapping, file, line) {
    const { fields } = mapping;
    const where = (field) => ({ file, line, field });
    const id = raw[fields.id];
    if (id === undefined || id === null || id === '') {
        throw new errors_InputError('missing example id (set `fields.id` if your id field has another name)', where(fields.id));
    }
    if (typeof id !== 'string' && typeof id !== 'number') {
        throw new errors_InputError(`example id must be a string or a number, found ${typeof id}`, where(fields.id));
    }
    if (typeof id === 'number' && !Number.isSafeInteger(id) && Number.isInteger(id)) {
        // JSON numbers beyond 2^53 are rounded on reading, so two ids could silently become one.
        throw new errors_InputError(`numeric id ${id} is too large to be read exactly; write ids as strings`, where(fields.id));
    }
    if (!(fields.label in raw) || raw[fields.label] === null || raw[fields.label] === undefined) {
        throw new errors_InputError('missing label', where(fields.label));
    }
    if (!(fields.prediction in raw) ||
        raw[fields.prediction] === null ||
        raw[fields.prediction] === undefined) {
        throw new errors_InputError('missing prediction', where(fields.prediction));
    }
    const slices = {};
    for (const s of mapping.slices) {
        const v = raw[s];
        if (v === undefined || v === null || v === '') {
            throw new errors_InputError(`missing slice field "${s}" (named in config \`slices\`)`, where(s));
        }
        if (typeof v === 'object')
            throw new errors_InputError('slice value must be a string, number or boolean', where(s));
        slices[s] = String(v);
    }
    let cluster;
    if (mapping.cluster) {
        const v = raw[mapping.cluster];
        if (v === undefined || v === null || v === '' || typeof v === 'object') {
            throw new errors_InputError('missing or non-scalar cluster id (config `cluster`)', where(mapping.cluster));
        }
        cluster = String(v);
    }
    const reserved = new Set([
        fields.id,
        fields.label,
        fields.prediction,
        fields.probabilities,
        ...mapping.slices,
        ...mapping.ignoreFields,
    ]);
    if (mapping.cluster)
        reserved.add(mapping.cluster);
    const numeric = {};
    for (const [k, v] of Object.entries(raw)) {
        if (reserved.has(k))
            continue;
        if (typeof v === 'number') {
            if (!Number.isFinite(v))
                throw new errors_InputError(`numeric field must be finite, found ${v}`, where(k));
            numeric[k] = v;
        }
    }
    const rec = {
        id: String(id),
        label: raw[fields.label],
        prediction: raw[fields.prediction],
        slices,
        numeric,
        source: { file, line },
    };
    const p = raw[fields.probabilities];
    if (p !== undefined && p !== null)
        rec.probabilities = p;
    if (cluster !== undefined)
        rec.cluster = cluster;
    return rec;
}

;// CONCATENATED MODULE: ./src/readers/columnar/byte-intern.ts
/**
 * Lookup of byte strings without decoding them: the JSONL scanner meets the same few keys and class
 * names on every line, and turning each occurrence into a JS string first would allocate tens of
 * millions of short strings for a large file. Keys are hashed (FNV-1a) while scanned; an entry keeps its
 * bytes to confirm a match.
 */
/** FNV-1a offset basis (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
/** Map from byte strings to values. */
class ByteIntern {
    table = new Map();
    size = 0;
    /** Value stored for bytes `buf[a, b)` with FNV-1a hash `hash`, or undefined. */
    get(buf, a, b, hash) {
        const bucket = this.table.get(hash);
        if (!bucket)
            return undefined;
        const len = b - a;
        for (const e of bucket) {
            const x = e.bytes;
            if (x.length !== len)
                continue;
            let i = 0;
            while (i < len && x[i] === buf[a + i])
                i++;
            if (i === len)
                return e.value;
        }
        return undefined;
    }
    set(buf, a, b, hash, value) {
        let bucket = this.table.get(hash);
        if (!bucket)
            this.table.set(hash, (bucket = []));
        // A copy: `buf` is a chunk buffer the reader reuses (a Buffer's `slice` would be a view of it).
        bucket.push({ bytes: new Uint8Array(buf.subarray(a, b)), value });
        this.size++;
    }
}

;// CONCATENATED MODULE: ./src/readers/json-text.ts
/**
 * The JSON text parser shared by every whole-file JSON format. `JSON.parse` is not enough for the files
 * eval tools write: Python's `json` writes bare `NaN`/`Infinity`/`-Infinity` (MTEB, several harnesses),
 * a duplicate key must be an error rather than "last one wins" (a silent data change), nesting must be
 * bounded (a metric map nested 100,000 levels must not overflow the stack), and errors need exact lines.
 *
 * Non-finite tokens become the numbers NaN/±Infinity; readers decide what they mean (usually "metric
 * undefined" with a reason). Nesting deeper than {@link MAX_JSON_DEPTH} is an input error, so recursion
 * here never goes deeper than that. Messages quote found characters escaped, never raw control bytes.
 */


/** Deepest nesting of objects/arrays accepted in a whole-file JSON input (documented in docs/formats.md). */
const MAX_JSON_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Shows one character of untrusted text safely in a message. */
function showChar(ch) {
    if (ch === undefined)
        return 'end of file';
    const c = ch.charCodeAt(0);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff))
        return `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return JSON.stringify(ch);
}
/** Shows a key safely (control characters escaped, long keys cut). */
function showKey(key) {
    const cut = key.length > 80 ? `${key.slice(0, 80)}…` : key;
    return JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * Parses JSON text as Python's `json` writes it. Throws InputError (file, line) on malformed text,
 * duplicate object keys and nesting deeper than the limit.
 */
function parseJsonText(text, file, opts = {}) {
    const maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH;
    const linesOut = opts.lines;
    const n = text.length;
    let pos = 0;
    let newlines;
    const lineAt = (p) => {
        if (!newlines) {
            newlines = [];
            for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
                newlines.push(i);
        }
        let lo = 0;
        let hi = newlines.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (newlines[mid] < p)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo + 1;
    };
    const fail = (message, at = pos) => {
        throw new InputError(`malformed JSON: ${message}`, { file, line: lineAt(Math.min(at, n)) });
    };
    const ws = () => {
        while (pos < n) {
            const c = text.charCodeAt(pos);
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                pos++;
            else
                break;
        }
    };
    const literal = (word, value) => {
        if (text.startsWith(word, pos)) {
            pos += word.length;
            return value;
        }
        return fail(`unexpected ${showChar(text[pos])}`);
    };
    const parseString = () => {
        const start = pos;
        pos++;
        let escaped = false;
        while (pos < n) {
            const c = text.charCodeAt(pos);
            if (c === 0x22) {
                pos++;
                if (!escaped)
                    return text.slice(start + 1, pos - 1);
                try {
                    return JSON.parse(text.slice(start, pos));
                }
                catch {
                    return fail('invalid escape sequence in a string', start);
                }
            }
            if (c === 0x5c) {
                escaped = true;
                pos += 2;
                continue;
            }
            if (c < 0x20)
                fail(`${showChar(text[pos])} inside a string (control characters must be escaped)`);
            pos++;
        }
        return fail('unterminated string', start);
    };
    const parseNumber = () => {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (!m)
            return fail(`unexpected ${showChar(text[pos])}`);
        pos += m[0].length;
        return Number(m[0]);
    };
    const value = (depth) => {
        ws();
        const c = text[pos];
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return parseString();
            case 't':
                return literal('true', true);
            case 'f':
                return literal('false', false);
            case 'n':
                return literal('null', null);
            case 'N':
                return literal('NaN', NaN);
            case 'I':
                return literal('Infinity', Infinity);
            case '-':
                if (text[pos + 1] === 'I') {
                    pos++;
                    return -literal('Infinity', Infinity);
                }
                return parseNumber();
            default:
                if (c !== undefined && c >= '0' && c <= '9')
                    return parseNumber();
                return fail(`expected a value, found ${showChar(c)}`);
        }
    };
    const tooDeep = () => {
        throw new InputError(`JSON nested deeper than ${maxDepth} levels (the limit for input files)`, {
            file,
            line: lineAt(pos),
        });
    };
    const object = (depth) => {
        if (depth > maxDepth)
            tooDeep();
        const obj = {};
        if (linesOut)
            linesOut.set(obj, lineAt(pos));
        pos++;
        ws();
        if (text[pos] === '}') {
            pos++;
            return obj;
        }
        for (;;) {
            ws();
            if (text[pos] !== '"')
                fail(`expected a quoted key, found ${showChar(text[pos])}`);
            const keyAt = pos;
            const key = parseString();
            ws();
            if (text[pos] !== ':')
                fail(`expected ':' after key ${showKey(key)}, found ${showChar(text[pos])}`);
            pos++;
            const v = value(depth);
            if (Object.prototype.hasOwnProperty.call(obj, key)) {
                throw new InputError(`duplicate key ${showKey(key)} in a JSON object (which value is meant?)`, {
                    file,
                    line: lineAt(keyAt),
                    field: key.length > 80 ? `${key.slice(0, 80)}…` : key,
                });
            }
            if (key === '__proto__')
                Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
            else
                obj[key] = v;
            ws();
            const c = text[pos];
            if (c === ',') {
                pos++;
                continue;
            }
            if (c === '}') {
                pos++;
                return obj;
            }
            return fail(`expected ',' or '}' in an object, found ${showChar(c)}`);
        }
    };
    const array = (depth) => {
        if (depth > maxDepth)
            tooDeep();
        const arr = [];
        if (linesOut)
            linesOut.set(arr, lineAt(pos));
        pos++;
        ws();
        if (text[pos] === ']') {
            pos++;
            return arr;
        }
        for (;;) {
            arr.push(value(depth));
            ws();
            const c = text[pos];
            if (c === ',') {
                pos++;
                continue;
            }
            if (c === ']') {
                pos++;
                return arr;
            }
            return fail(`expected ',' or ']' in an array, found ${showChar(c)}`);
        }
    };
    ws();
    if (pos >= n)
        throw new InputError('empty file: expected JSON', { file });
    const result = value(0);
    ws();
    if (pos < n)
        fail(`unexpected ${showChar(text[pos])} after the end of the JSON value`);
    return result;
}
/** Reads and parses a whole-file JSON input (gzip and encoding handled as in {@link readTextFile}). */
function readJsonFile(file, encoding, opts = {}) {
    return parseJsonText(readTextFile(file, encoding), file, opts);
}

;// CONCATENATED MODULE: ./src/readers/columnar/json-bytes.ts
/**
 * The token layer of the JSONL scanner: JSON grammar read straight off the bytes of one line, with no
 * string or object made for what is only checked or skipped. Separate from the record layer
 * (`jsonl-scanner.ts`) because this part knows JSON, not evalgate records.
 *
 * A method that meets anything it does not accept throws {@link BAIL}: the scanner then hands the line to
 * `JSON.parse`, so that every rejection gets JSON.parse's own message.
 *
 * A base class rather than a helper object: the scanner's hot loop reads `p` and calls these methods on
 * every byte of a 10⁶-line file, and inheritance keeps those as plain field reads and monomorphic calls
 * on one receiver, with nothing allocated per call.
 */



/** Thrown inside the scanner when a line must take the general path. */
const BAIL = { bail: true };
const POW10 = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];
/** JSON tokens of `buf[p, end)`; `file` and `line` name the input in the errors that are not bails. */
class JsonBytes {
    file;
    buf = Buffer.alloc(0);
    p = 0;
    end = 0;
    line = 0;
    /** Hash and flags of the last scanned string. */
    hash = 0;
    escaped = false;
    highBytes = false;
    strStart = 0;
    strEnd = 0;
    /**
     * Set when a value is valid JSON but not one the fast path stores: the line then takes the general
     * path like a {@link BAIL}, but is scanned to its end first, so that a duplicate key after that value
     * is still reported.
     */
    bail = false;
    constructor(file) {
        this.file = file;
    }
    ws() {
        const b = this.buf;
        while (this.p < this.end && isWs(b[this.p]))
            this.p++;
    }
    expect(ch) {
        this.ws();
        if (this.p >= this.end || this.buf[this.p] !== ch)
            throw BAIL;
        this.p++;
    }
    /** True (and past it) when the key at `p` has exactly `bytes` and no escapes. */
    matchKey(bytes) {
        const b = this.buf;
        const a = this.p + 1;
        const len = bytes.length;
        if (b[a + len] !== 0x22)
            return false;
        for (let i = 0; i < len; i++)
            if (b[a + i] !== bytes[i])
                return false;
        this.p = a + len + 1;
        return true;
    }
    literal(word) {
        const b = this.buf;
        for (let i = 0; i < word.length; i++)
            if (b[this.p + i] !== word.charCodeAt(i))
                return false;
        this.p += word.length;
        return true;
    }
    /** Scans a string token at `p` (on its opening quote): sets strStart/strEnd, hash, escaped, highBytes. */
    string() {
        const b = this.buf;
        let i = this.p + 1;
        let h = FNV_OFFSET;
        let esc = false;
        let hi = false;
        const end = this.end;
        for (;;) {
            if (i >= end)
                throw BAIL;
            const c = b[i];
            if (c === 0x22)
                break;
            if (c === 0x5c) {
                // Only JSON's escapes; anything else (`\q`) must reach JSON.parse on the general path and be
                // reported there, even in a field that is never read.
                const e = b[i + 1];
                if (e === 0x75) {
                    for (let j = i + 2; j < i + 6; j++)
                        if (j >= end || !isHex(b[j]))
                            throw BAIL;
                    i += 6;
                }
                else if (ESCAPES[e] === 1)
                    i += 2;
                else
                    throw BAIL;
                esc = true;
                continue;
            }
            if (c < 0x20)
                throw BAIL; // control characters must be escaped in JSON
            if (c >= 0x80)
                hi = true;
            h = Math.imul(h ^ c, 0x01000193);
            i++;
        }
        this.strStart = this.p + 1;
        this.strEnd = i;
        this.hash = h >>> 0;
        this.escaped = esc;
        this.highBytes = hi;
        this.p = i + 1;
    }
    /** The last scanned string's value. */
    decodeString() {
        const b = this.buf;
        if (this.escaped) {
            try {
                return JSON.parse(b.toString('utf8', this.strStart - 1, this.strEnd + 1));
            }
            catch {
                throw BAIL;
            }
        }
        return this.highBytes
            ? b.toString('utf8', this.strStart, this.strEnd)
            : b.toString('latin1', this.strStart, this.strEnd);
    }
    /** A JSON number at `p`. Exact: integers and short decimals directly, the rest through `Number`. */
    number() {
        const b = this.buf;
        const start = this.p;
        let i = start;
        let neg = false;
        if (b[i] === 0x2d) {
            neg = true;
            i++;
        }
        let mant = 0;
        let digits = 0;
        let scale = 0;
        const intStart = i;
        while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39) {
            mant = mant * 10 + (b[i] - 0x30);
            digits++;
            i++;
        }
        if (i === intStart)
            throw BAIL;
        if (b[intStart] === 0x30 && i - intStart > 1)
            throw BAIL; // leading zero: not JSON
        let simple = true;
        if (b[i] === 0x2e) {
            i++;
            const fracStart = i;
            while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39) {
                mant = mant * 10 + (b[i] - 0x30);
                digits++;
                scale++;
                i++;
            }
            if (i === fracStart)
                throw BAIL;
        }
        if (b[i] === 0x65 || b[i] === 0x45) {
            simple = false;
            i++;
            if (b[i] === 0x2b || b[i] === 0x2d)
                i++;
            const expStart = i;
            while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39)
                i++;
            if (i === expStart)
                throw BAIL;
        }
        this.p = i;
        // ≤ 15 significant digits and a power of ten ≤ 22: one correctly rounded division (Clinger's fast
        // path), the same double JSON.parse gives. Otherwise let the engine parse the token.
        if (simple && digits <= 15 && scale <= 22) {
            const x = scale === 0 ? mant : mant / POW10[scale];
            return neg ? -x : x;
        }
        return Number(b.toString('latin1', start, i));
    }
    /**
     * Skips any JSON value (fields that are not read), checking its grammar: a malformed value must reach
     * JSON.parse on the general path, never be accepted here.
     */
    skip(depth = 1) {
        const b = this.buf;
        const ch = b[this.p];
        if (ch === 0x22) {
            this.string();
            return;
        }
        if (ch === 0x7b || ch === 0x5b) {
            // Bounded like the whole-file JSON parser: deep nesting is an input error, never a stack overflow.
            if (depth + 1 > MAX_JSON_DEPTH) {
                throw new errors_InputError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels (the limit for input files)`, {
                    file: this.file,
                    line: this.line,
                });
            }
            const close = ch === 0x7b ? 0x7d : 0x5d;
            this.p++;
            this.ws();
            if (b[this.p] === close) {
                this.p++;
                return;
            }
            for (;;) {
                this.ws();
                if (close === 0x7d) {
                    if (b[this.p] !== 0x22)
                        throw BAIL;
                    this.string();
                    this.expect(0x3a);
                    this.ws();
                }
                this.skip(depth + 1);
                this.ws();
                const c = b[this.p++];
                if (c === 0x2c)
                    continue;
                if (c === close)
                    return;
                throw BAIL;
            }
        }
        if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
            this.number();
            return;
        }
        if (this.literal('true') || this.literal('false') || this.literal('null'))
            return;
        throw BAIL;
    }
}
/** JSON whitespace (space, tab, CR, LF). */
function isWs(c) {
    return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
/** Bytes that may follow a backslash in a JSON string (besides `u`): " \\ / b f n r t. */
const ESCAPES = new Uint8Array(256);
for (const ch of '"\\/bfnrt')
    ESCAPES[ch.charCodeAt(0)] = 1;
function isHex(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

;// CONCATENATED MODULE: ./src/readers/columnar/proba-scanner.ts
/**
 * The probabilities layer of the JSONL scanner: the one record field with structure of its own (a
 * number, a flat {class: p} object, a list of numbers, or null), read into staged slots and committed
 * straight into the probability block of `RecordColumns`. Separate from the record layer
 * (`jsonl-scanner.ts`) because it has its own grammar, class-name table, position prediction and
 * duplicate check, and touches only `RecordColumns.proba`.
 *
 * A class between the token layer and the record layer rather than a helper object, for the reason given
 * in `json-bytes.ts`: the hot loop keeps plain field reads and monomorphic calls on one receiver.
 */



/** Reads and commits the probabilities value of a line; `probaMode` is reset by the record layer per line. */
class ProbaScanner extends JsonBytes {
    probaField;
    probaKeys = new ByteIntern();
    /** Class seen at each position of the previous line's object, as for top-level keys. */
    probaKeyAt = [];
    /** Incremented per probabilities object, so that a class's stamp tells a duplicate within it. */
    probaStamp = 0;
    /** 0 absent, 1 number, 2 map, 3 array. */
    probaMode = 0;
    probaNum = 0;
    probaCount = 0;
    probaVals = new Float64Array(64);
    probaKeyList = [];
    /** `probaField` is the record's probabilities field, named in the duplicate-class error. */
    constructor(file, probaField) {
        super(file);
        this.probaField = probaField;
    }
    /** Scans a key of a probabilities object at `p`. */
    scanProbaKey() {
        this.string();
        if (this.escaped)
            return { name: this.decodeString(), col: -1, stamp: 0, bytes: null };
        let key = this.probaKeys.get(this.buf, this.strStart, this.strEnd, this.hash);
        if (!key) {
            key = {
                name: this.decodeString(),
                col: -1,
                stamp: 0,
                bytes: new Uint8Array(this.buf.subarray(this.strStart, this.strEnd)), // a copy: chunks are reused
            };
            this.probaKeys.set(this.buf, this.strStart, this.strEnd, this.hash, key);
        }
        return key;
    }
    /** Reads the probabilities value at `p` into the staged slots (bails on anything but numbers). */
    proba() {
        const b = this.buf;
        const ch = b[this.p];
        if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
            this.probaMode = 1;
            this.probaNum = this.number();
            if (!Number.isFinite(this.probaNum))
                this.bail = true;
            return;
        }
        if (this.literal('null'))
            return; // absent, as in toExampleRecord
        if (ch === 0x7b) {
            this.probaMode = 2;
            this.probaCount = 0;
            const stamp = ++this.probaStamp;
            this.p++;
            this.ws();
            if (b[this.p] === 0x7d) {
                this.p++;
                return;
            }
            for (let pos = 0;; pos++) {
                this.ws();
                if (b[this.p] !== 0x22)
                    throw BAIL;
                let key;
                const guess = this.probaKeyAt[pos];
                if (guess !== undefined && guess.bytes !== null && this.matchKey(guess.bytes))
                    key = guess;
                else
                    key = this.probaKeyAt[pos] = this.scanProbaKey();
                if (key.stamp === stamp) {
                    const field = `${this.probaField}.${key.name}`;
                    throw new errors_InputError(`class "${key.name}" is given twice in this record`, {
                        file: this.file,
                        line: this.line,
                        field,
                    });
                }
                key.stamp = stamp;
                this.expect(0x3a);
                this.ws();
                const v = b[this.p];
                if (v === 0x2d || (v >= 0x30 && v <= 0x39)) {
                    const x = this.number();
                    if (!Number.isFinite(x))
                        this.bail = true;
                    this.pushProba(x);
                    this.probaKeyList[this.probaCount - 1] = key;
                }
                else {
                    this.bail = true;
                    this.skip();
                }
                this.ws();
                const c = b[this.p++];
                if (c === 0x2c)
                    continue;
                if (c === 0x7d)
                    return;
                throw BAIL;
            }
        }
        if (ch === 0x5b) {
            this.probaMode = 3;
            this.probaCount = 0;
            this.p++;
            this.ws();
            if (b[this.p] === 0x5d) {
                this.p++;
                return;
            }
            for (;;) {
                this.ws();
                const v = b[this.p];
                if (v === 0x2d || (v >= 0x30 && v <= 0x39)) {
                    const x = this.number();
                    if (!Number.isFinite(x))
                        this.bail = true;
                    this.pushProba(x);
                }
                else {
                    this.bail = true;
                    this.skip();
                }
                this.ws();
                const c = b[this.p++];
                if (c === 0x2c)
                    continue;
                if (c === 0x5d)
                    return;
                throw BAIL;
            }
        }
        this.bail = true;
        this.skip();
    }
    pushProba(x) {
        if (this.probaCount === this.probaVals.length) {
            const next = new Float64Array(this.probaVals.length * 2);
            next.set(this.probaVals);
            this.probaVals = next;
        }
        this.probaVals[this.probaCount++] = x;
    }
    /** Writes the staged probabilities of row `row` into `c.proba` (nothing when absent). */
    commitProba(c, row) {
        if (this.probaMode === 1) {
            const off = c.proba.beginRow(row, 'number', 1);
            if (off < 0)
                c.proba.pushGeneric(row, this.probaNum);
            else
                c.proba.block.data[off] = this.probaNum;
        }
        else if (this.probaMode === 2) {
            const keys = this.probaKeyList;
            if (c.proba.mode === 'map' || c.proba.mode === 'none') {
                for (let j = 0; j < this.probaCount; j++)
                    if (keys[j].col < 0)
                        keys[j].col = c.proba.keyColumn(keys[j].name);
                const off = c.proba.beginRow(row, 'map', 0);
                const d = c.proba.block.data;
                for (let j = 0; j < this.probaCount; j++)
                    d[off + keys[j].col] = this.probaVals[j];
            }
            else {
                const o = {};
                for (let j = 0; j < this.probaCount; j++)
                    o[keys[j].name] = this.probaVals[j];
                c.proba.pushGeneric(row, o);
            }
        }
        else if (this.probaMode === 3) {
            const off = c.proba.beginRow(row, 'array', this.probaCount);
            if (off < 0)
                c.proba.pushGeneric(row, Array.from(this.probaVals.subarray(0, this.probaCount)));
            else
                c.proba.block.data.set(this.probaVals.subarray(0, this.probaCount), off);
        }
    }
}

;// CONCATENATED MODULE: ./src/readers/columnar/jsonl-scanner.ts
/**
 * Byte-level scanner for the per-example JSONL records evalgate expects: one flat object per line whose
 * id, label, prediction, slices and cluster are scalars, whose probabilities are a number, a flat
 * {class: p} object or a list of numbers, and whose other fields are numbers (kept) or anything else
 * (skipped). Such a line goes straight into `RecordColumns` without a JS object or a string per value.
 *
 * Anything else — a list label (multilabel), a null label, an odd id, malformed JSON — takes the
 * general path for that line only: `JSON.parse` + `toExampleRecord`, so every error message and every
 * accepted value is exactly the general reader's. Two things the general path cannot see are checked
 * here on every line: a key given twice in one record (JSON.parse would keep the last silently) and,
 * in `probabilities` objects, a class given twice.
 *
 * This file is the record layer (which key plays which role, what a line contributes); the JSON grammar
 * it reads with is `json-bytes.ts`.
 */





var Role;
(function (Role) {
    Role[Role["Other"] = 0] = "Other";
    Role[Role["Id"] = 1] = "Id";
    Role[Role["Label"] = 2] = "Label";
    Role[Role["Prediction"] = 3] = "Prediction";
    Role[Role["Proba"] = 4] = "Proba";
    Role[Role["Slice"] = 5] = "Slice";
    Role[Role["Cluster"] = 6] = "Cluster";
    Role[Role["Ignored"] = 7] = "Ignored";
})(Role || (Role = {}));
/** Scans lines of one file into columns. */
class JsonlScanner extends ProbaScanner {
    mapping;
    cols;
    keys = new ByteIntern();
    labelCodes = new ByteIntern();
    predCodes = new ByteIntern();
    reserved;
    alwaysGeneral;
    /** Every key by decoded name, so a key written once with escapes and once without is one key. */
    keysByName = new Map();
    /**
     * Key seen at each position of the previous line: lines of one file almost always list the same keys
     * in the same order, so comparing the bytes at the position beats hashing them.
     */
    topKeys = [];
    // Staged values of the current line.
    idStr;
    labelCode = -1;
    predCode = -1;
    numKeys = [];
    numVals = [];
    numCount = 0;
    sliceVals;
    clusterVal;
    constructor(mapping, cols, file) {
        super(file, mapping.fields.probabilities);
        this.mapping = mapping;
        this.cols = cols;
        const f = mapping.fields;
        this.reserved = new Set([
            f.id,
            f.label,
            f.prediction,
            f.probabilities,
            ...mapping.slices,
            ...mapping.ignoreFields,
        ]);
        if (mapping.cluster)
            this.reserved.add(mapping.cluster);
        this.sliceVals = new Array(mapping.slices.length);
        // A field that is both a slice (or the cluster) and a mapped field is read twice by toExampleRecord:
        // rare enough to leave to the general path.
        const mapped = [f.id, f.label, f.prediction, f.probabilities];
        const extra = [...mapping.slices, ...(mapping.cluster ? [mapping.cluster] : [])];
        this.alwaysGeneral = extra.some((x) => mapped.includes(x)) || new Set(extra).size !== extra.length;
    }
    keyInfo(name) {
        const f = this.mapping.fields;
        let role = Role.Other;
        let slot = -1;
        // Same precedence as toExampleRecord: the mapped fields first, then slices, cluster, ignored.
        if (name === f.id)
            role = Role.Id;
        else if (name === f.label)
            role = Role.Label;
        else if (name === f.prediction)
            role = Role.Prediction;
        else if (name === f.probabilities)
            role = Role.Proba;
        else if ((slot = this.mapping.slices.indexOf(name)) >= 0)
            role = Role.Slice;
        else if (name === this.mapping.cluster)
            role = Role.Cluster;
        else if (this.reserved.has(name))
            role = Role.Ignored;
        return { name, role, slot, stamp: 0, bytes: null };
    }
    /** Scans line `lineNo` in `buf[start, end)` (no newline). */
    scanLine(buf, start, end, lineNo) {
        let s = start;
        let e = end;
        while (s < e && isWs(buf[s]))
            s++;
        while (e > s && isWs(buf[e - 1]))
            e--;
        if (s === e)
            return;
        if (this.alwaysGeneral) {
            this.general(buf, s, e, lineNo);
            return;
        }
        this.buf = buf;
        this.p = s;
        this.end = e;
        this.line = lineNo;
        this.bail = false;
        this.idStr = undefined;
        this.labelCode = -1;
        this.predCode = -1;
        this.probaMode = 0;
        this.numCount = 0;
        this.sliceVals.fill(undefined);
        this.clusterVal = undefined;
        let ok = true;
        try {
            this.object();
            if (this.p !== this.end)
                throw BAIL;
        }
        catch (err) {
            if (err !== BAIL)
                throw err;
            ok = false;
        }
        if (!ok || this.bail || !this.complete()) {
            this.general(buf, s, e, lineNo);
            return;
        }
        this.commit();
    }
    complete() {
        if (this.idStr === undefined || this.labelCode < 0 || this.predCode < 0)
            return false;
        for (let i = 0; i < this.sliceVals.length; i++)
            if (this.sliceVals[i] === undefined)
                return false;
        if (this.mapping.cluster && this.clusterVal === undefined)
            return false;
        return true;
    }
    general(buf, s, e, lineNo) {
        const text = buf.toString('utf8', s, e);
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new errors_InputError(`malformed JSON: ${err.message}`, { file: this.file, line: lineNo });
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new errors_InputError('expected a JSON object per line', { file: this.file, line: lineNo });
        }
        this.cols.pushRecord(toExampleRecord(value, this.mapping, this.file, lineNo));
    }
    commit() {
        const c = this.cols;
        const row = c.n;
        c.ids.push(this.idStr);
        c.label.pushCode(this.labelCode);
        c.prediction.pushCode(this.predCode);
        this.commitProba(c, row);
        for (let j = 0; j < this.numCount; j++)
            c.setNumeric(this.numKeys[j], this.numVals[j]);
        for (let j = 0; j < this.sliceVals.length; j++)
            c.sliceColumn(this.mapping.slices[j]).push(this.sliceVals[j]);
        if (this.mapping.cluster)
            (c.cluster ??= []).push(this.clusterVal);
        c.lines.push(this.line);
        c.n++;
    }
    /** Scans a top-level key at `p` and finds (or creates) its info. */
    scanKey() {
        this.string();
        if (this.escaped) {
            const name = this.decodeString();
            const info = this.keysByName.get(name) ?? this.keyInfo(name);
            this.keysByName.set(name, info);
            return info;
        }
        const known = this.keys.get(this.buf, this.strStart, this.strEnd, this.hash);
        if (known)
            return known;
        const name = this.decodeString();
        const info = this.keysByName.get(name) ?? this.keyInfo(name);
        info.bytes ??= new Uint8Array(this.buf.subarray(this.strStart, this.strEnd)); // a copy: chunks are reused
        this.keysByName.set(name, info);
        this.keys.set(this.buf, this.strStart, this.strEnd, this.hash, info);
        return info;
    }
    /** Top-level object: every key checked for duplicates, values staged by role. */
    object() {
        this.expect(0x7b); // {
        this.ws();
        if (this.buf[this.p] === 0x7d) {
            this.p++;
            return;
        }
        for (let pos = 0;; pos++) {
            this.ws();
            if (this.buf[this.p] !== 0x22)
                throw BAIL;
            let info;
            const guess = this.topKeys[pos];
            if (guess !== undefined && guess.bytes !== null && this.matchKey(guess.bytes))
                info = guess;
            else
                info = this.topKeys[pos] = this.scanKey();
            if (info.stamp === this.line) {
                throw new errors_InputError(`key "${info.name}" is given twice in this record`, {
                    file: this.file,
                    line: this.line,
                    field: info.name,
                });
            }
            info.stamp = this.line;
            this.expect(0x3a); // :
            this.ws();
            this.value(info);
            this.ws();
            const ch = this.buf[this.p++];
            if (ch === 0x2c)
                continue;
            if (ch === 0x7d)
                break;
            throw BAIL;
        }
        this.ws();
    }
    value(info) {
        const b = this.buf;
        const ch = b[this.p];
        switch (info.role) {
            case Role.Id:
                if (ch === 0x22) {
                    this.string();
                    const s = this.decodeString();
                    if (s === '')
                        this.bail = true;
                    this.idStr = s;
                }
                else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
                    const x = this.number();
                    if (!Number.isFinite(x) || (Number.isInteger(x) && !Number.isSafeInteger(x)))
                        this.bail = true;
                    this.idStr = String(x);
                }
                else {
                    this.bail = true;
                    this.skip();
                }
                return;
            case Role.Label:
            case Role.Prediction: {
                const code = this.scalarCode(info.role === Role.Label ? this.labelCodes : this.predCodes, info.role === Role.Label);
                if (info.role === Role.Label)
                    this.labelCode = code;
                else
                    this.predCode = code;
                return;
            }
            case Role.Proba:
                this.proba();
                return;
            case Role.Slice:
            case Role.Cluster: {
                const s = this.scalarText();
                if (s === undefined || s === '')
                    this.bail = true;
                else if (info.role === Role.Slice)
                    this.sliceVals[info.slot] = s;
                else
                    this.clusterVal = s;
                return;
            }
            case Role.Other:
                if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
                    const x = this.number();
                    if (!Number.isFinite(x))
                        this.bail = true;
                    this.numKeys[this.numCount] = info.name;
                    this.numVals[this.numCount++] = x;
                    return;
                }
                this.skip();
                return;
            default:
                this.skip();
        }
    }
    /** Code of a scalar label/prediction in its dictionary; bails on null, lists and objects. */
    scalarCode(intern, isLabel) {
        const col = isLabel ? this.cols.label : this.cols.prediction;
        const b = this.buf;
        const ch = b[this.p];
        if (ch === 0x22) {
            this.string();
            if (this.escaped)
                return col.code(this.decodeString());
            let c = intern.get(b, this.strStart, this.strEnd, this.hash);
            if (c === undefined) {
                c = col.code(this.decodeString());
                intern.set(b, this.strStart, this.strEnd, this.hash, c);
            }
            return c;
        }
        if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
            const x = this.number();
            if (!Number.isFinite(x))
                this.bail = true;
            return col.code(x);
        }
        if (this.literal('true'))
            return col.code(true);
        if (this.literal('false'))
            return col.code(false);
        this.bail = true;
        this.skip();
        return -1;
    }
    /** A scalar as `String(v)` (slices, cluster); undefined for null, lists and objects. */
    scalarText() {
        const ch = this.buf[this.p];
        if (ch === 0x22) {
            this.string();
            return this.decodeString();
        }
        if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39))
            return String(this.number());
        if (this.literal('true'))
            return 'true';
        if (this.literal('false'))
            return 'false';
        this.skip();
        return undefined;
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/parallel/helper.ts
/**
 * One helper thread for the second core of a CI runner (docs/performance.md, "Two cores"): it reads the
 * second half of a large JSONL file while this thread reads the first, and takes half of the classes of
 * a one-vs-rest DeLong pass. Started on first use, kept for the run, never holding the process open
 * while it has nothing to do.
 *
 * Everything it does has a same-thread fallback that gives identical results: no helper script next to
 * the bundle, `EVALGATE_THREADS=1`, a one-core machine, or a helper that fails in any unexpected way
 * only cost speed. Expected errors (bad input) come back as the same `InputError` a sequential read
 * would have thrown.
 */





/** Whether a helper thread may be used: `EVALGATE_THREADS=1` turns it off, as does a one-core machine. */
function threadsAllowed() {
    const env = process.env.EVALGATE_THREADS;
    if (env !== undefined && env.trim() !== '')
        return Number(env) >= 2;
    return availableParallelism() >= 2;
}
/**
 * The helper's script: `worker.js` beside the bundle chunk this code is in (dist/ and dist/cli/, see
 * scripts/post-build.mjs), or `worker.ts` beside this file when running from source (tests, tsx).
 */
function workerScript() {
    const dir = dirname(fileURLToPath(import.meta.url));
    if (existsSync(join(dir, 'worker.js')))
        return { file: join(dir, 'worker.js'), source: false };
    if (existsSync(join(dir, 'worker.ts')))
        return { file: join(dir, 'worker.ts'), source: true };
    return undefined;
}
/** Jobs handed to a helper so far (tests check that a path really used it). */
const helperJobs = { count: 0 };
/** The helper thread: asynchronous requests with replies, and synchronous jobs over shared memory. */
class Helper {
    worker;
    pending = new Map();
    nextId = 1;
    /** Set once the thread failed or exited: callers fall back to doing the work themselves. */
    dead = false;
    /** Set when it was stopped on purpose (its work became moot): a new one may be started. */
    stopped = false;
    constructor(file, source) {
        this.worker = source
            ? // From source the helper is TypeScript: load it through tsx, as the tests and scripts run.
                new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, 
                // Not the parent's flags: a worker inheriting `--import tsx` never lets the process exit.
                { eval: true, execArgv: [] })
            : new Worker(file);
        this.worker.on('message', (m) => {
            const p = this.pending.get(m.id);
            if (!p)
                return;
            if (m.progress !== undefined) {
                p.progress?.(m.progress);
                return;
            }
            this.settle(m.id);
            if (m.error)
                p.reject(m.error);
            else
                p.resolve(m.result);
        });
        const fail = (e) => {
            this.dead = true;
            for (const [id, p] of this.pending) {
                this.settle(id);
                p.reject({ input: false, message: `helper thread failed: ${String(e)}` });
            }
        };
        this.worker.on('error', fail);
        this.worker.on('exit', (code) => fail(`exited with code ${code}`));
        // After the listeners: adding a 'message' listener refs the thread again.
        this.worker.unref();
    }
    settle(id) {
        this.pending.delete(id);
        // Only a pending reply keeps the process alive for the helper.
        if (this.pending.size === 0)
            this.worker.unref();
    }
    /**
     * Sends a job and resolves with its result; rejects with a `SerialisedError`. `progress` receives
     * the job's progress messages.
     */
    request(job, transfer = [], progress) {
        if (this.dead)
            return Promise.reject({ input: false, message: 'helper thread is not running' });
        const id = this.nextId++;
        helperJobs.count++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve: resolve, reject, progress });
            this.worker.ref();
            this.worker.postMessage({ ...job, id }, transfer);
        });
    }
    /** Sends a job that reports its end through shared memory (`waitSync`); returns at once. */
    post(job) {
        helperJobs.count++;
        this.worker.postMessage({ ...job, id: 0 });
    }
    /** Terminates the thread (its work became moot, or tests). */
    async stop() {
        this.dead = true;
        this.stopped = true;
        await this.worker.terminate();
    }
}
/**
 * Waits (blocking this thread) until `done[0]` leaves 0 or `timeoutMs` passes; returns its final value
 * (0 on timeout). Blocking is what keeps callers synchronous; the timeout bounds a helper that died.
 */
function helper_waitSync(done, timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (Atomics.load(done, 0) === 0) {
        const left = until - Date.now();
        if (left <= 0)
            return 0;
        Atomics.wait(done, 0, 0, Math.min(left, 1000));
    }
    return Atomics.load(done, 0);
}
let helper;
/** The run's helper thread, started on first call; undefined when threads are off or unavailable. */
function helper_getHelper() {
    if (!threadsAllowed())
        return undefined;
    if (helper?.stopped)
        helper = undefined;
    if (helper === undefined) {
        helper = null;
        const script = workerScript();
        if (script) {
            try {
                helper = new Helper(script.file, script.source);
            }
            catch {
                helper = null;
            }
        }
    }
    return helper && !helper.dead ? helper : undefined;
}
/** Stops the helper (tests that count threads or time). */
async function stopHelper() {
    const h = helper;
    helper = undefined;
    if (h)
        await h.stop();
}

;// CONCATENATED MODULE: ./src/readers/columnar/column-transfer.ts

/** Helper halves whose probabilities were joined in place in the shared block (tests check the path). */
const joinedInPlace = { count: 0 };
function packStrings(a) {
    const ends = new Int32Array(a.length);
    let at = 0;
    for (let i = 0; i < a.length; i++)
        ends[i] = at += a[i].length;
    return { text: a.join(''), ends };
}
function unpackInto(p, out) {
    let s = 0;
    const { text, ends } = p;
    for (let i = 0; i < ends.length; i++) {
        out.push(text.slice(s, ends[i]));
        s = ends[i];
    }
}
function packDict(d, n) {
    return d.generic
        ? { values: [], codes: null, generic: d.generic }
        : { values: d.values, codes: d.codes.data.subarray(0, n), generic: null };
}
/**
 * Packs `cols` (one file's part, `finish`ed) for `postMessage`; the second value is the transfer list.
 */
function column_transfer_packColumns(cols, lineCount) {
    cols.finish();
    const n = cols.n;
    const p = cols.proba;
    const w = p.mode === 'generic' || p.mode === 'none' ? 0 : p.width;
    const packed = {
        n,
        lineCount,
        lines: cols.lines.data.subarray(0, n),
        ids: packStrings(cols.ids),
        label: packDict(cols.label, n),
        prediction: packDict(cols.prediction, n),
        proba: {
            mode: p.mode,
            keys: p.keys,
            width: p.width,
            rows: p.rows,
            // Views, not copies: the storage moves (or, in shared memory, is shared) as it is.
            block: p.block.data.subarray(0, p.rows * w),
            present: p.present.subarray(0, p.rows),
            generic: p.generic ?? null,
            inRegion: p.inRegion(),
        },
        numeric: [...cols.numeric].map(([k, col]) => [k, col.data.subarray(0, n)]),
        slices: [...cols.slices].map(([k, col]) => [k, packStrings(col)]),
        cluster: cols.cluster ? packStrings(cols.cluster) : null,
    };
    const buffers = [
        packed.lines.buffer,
        packed.ids.ends.buffer,
        packed.proba.block.buffer,
        packed.proba.present.buffer,
        ...packed.numeric.map(([, a]) => a.buffer),
        ...packed.slices.map(([, s]) => s.ends.buffer),
    ];
    if (packed.cluster)
        buffers.push(packed.cluster.ends.buffer);
    for (const d of [packed.label, packed.prediction])
        if (d.codes)
            buffers.push(d.codes.buffer);
    // Shared memory is shared, not moved; an ArrayBuffer listed twice cannot be transferred.
    const transfer = [...new Set(buffers)].filter((b) => b instanceof ArrayBuffer);
    return [packed, transfer];
}
function appendDict(dst, src) {
    if (src.generic || dst.generic) {
        if (!dst.generic)
            dst.generic = dst.materialise();
        if (src.generic)
            for (const v of src.generic)
                dst.generic.push(v);
        else
            for (const c of src.codes)
                dst.generic.push(src.values[c]);
        return;
    }
    const remap = Int32Array.from(src.values, (v) => dst.code(v));
    const codes = src.codes;
    dst.codes.reserve(dst.codes.length + codes.length);
    for (let i = 0; i < codes.length; i++)
        dst.codes.push(remap[codes[i]]);
}
function appendProba(dst, src, base) {
    if (src.mode === 'none')
        return; // no row of the part has probabilities: `finish` pads
    const mode = src.mode;
    if (mode === 'generic' ||
        dst.mode === 'generic' ||
        (dst.mode !== 'none' && dst.mode !== mode) ||
        (mode === 'array' && dst.mode === 'array' && dst.width !== src.width)) {
        // What a sequential read does at the first row that does not fit: every row's value, as given.
        // (A generic column holds every row it reached; `rows` counts only those before it became so.)
        const rows = mode === 'generic' ? src.generic.length : src.rows;
        for (let r = 0; r < rows; r++) {
            const v = probaAt(src, src.block, r);
            if (v !== undefined || mode === 'generic')
                dst.pushGeneric(base + r, v);
        }
        return;
    }
    // Still in this block's shared region, in its layout: one move, no copy held beside it.
    if (dst.appendShared(src, base, src.rows)) {
        joinedInPlace.count++;
        return;
    }
    const w = src.width;
    // Block column of each of the part's columns in the destination (map keys may differ in order).
    const to = new Int32Array(w);
    if (src.mode === 'map')
        for (let j = 0; j < w; j++)
            to[j] = dst.keyColumn(src.keys[j]);
    else
        for (let j = 0; j < w; j++)
            to[j] = j;
    dst.appendBlock(mode, w, base, src.rows, src.block, src.present, to);
}
/**
 * Appends `part` (the rest of the file `cols` is reading) after the rows of `cols`; its lines are
 * numbered after the `lineOffset` lines the reading thread read.
 */
function column_transfer_appendColumns(cols, part, lineOffset) {
    const base = cols.n;
    const lines = part.lines;
    cols.lines.reserve(base + part.n);
    for (let i = 0; i < lines.length; i++)
        cols.lines.push(lines[i] + lineOffset);
    unpackInto(part.ids, cols.ids);
    appendDict(cols.label, part.label);
    appendDict(cols.prediction, part.prediction);
    appendProba(cols.proba, part.proba, base);
    for (const [key, a] of part.numeric) {
        const col = cols.numericColumn(key);
        if (col.data.length < base + part.n) {
            const old = col.data.length;
            col.length = old; // every earlier row is filled (a value or NaN): growing keeps them
            col.reserve(base + part.n);
            col.data.fill(NaN, old);
        }
        col.data.set(a, base);
    }
    for (const [key, s] of part.slices)
        unpackInto(s, cols.sliceColumn(key));
    if (part.cluster)
        unpackInto(part.cluster, (cols.cluster ??= []));
    cols.n = base + part.n;
}

;// CONCATENATED MODULE: ./src/readers/columnar/range-cut.ts
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
class range_cut_RangeCut {
    words;
    constructor(words) {
        this.words = words;
    }
    /** A cut at `end` (byte offset; parts above 2 GiB are never read on two threads). */
    static create(start, end) {
        const words = new Int32Array(new SharedArrayBuffer(12));
        words[CUT] = end;
        words[RESERVED] = start;
        return new range_cut_RangeCut(words);
    }
    locked(f) {
        while (Atomics.compareExchange(this.words, LOCK, 0, 1) !== 0)
            Atomics.wait(this.words, LOCK, 1, 1);
        try {
            return f();
        }
        finally {
            Atomics.store(this.words, LOCK, 0);
            Atomics.notify(this.words, LOCK, 1);
        }
    }
    /** The helper, about to read `want` bytes at `pos`: how many it may read (0 at the cut). */
    reserve(pos, want) {
        return this.locked(() => {
            const got = Math.max(0, Math.min(want, this.words[CUT] - pos));
            this.words[RESERVED] = pos + got;
            return got;
        });
    }
    /** The current end and the end of the helper's reads so far (a snapshot). */
    snapshot() {
        return { cut: Atomics.load(this.words, CUT), reserved: Atomics.load(this.words, RESERVED) };
    }
    /**
     * The reading thread: moves the end down to `at` if the helper has not reserved past it. Returns the
     * old end (the taken bytes are [at, old end)), or undefined when too late.
     */
    take(at) {
        return this.locked(() => {
            const cut = this.words[CUT];
            if (!(at > this.words[RESERVED] && at < cut))
                return undefined;
            this.words[CUT] = at;
            return cut;
        });
    }
}

;// CONCATENATED MODULE: ./src/readers/columnar/jsonl-stream.ts
/**
 * Streaming JSONL reader: the file (gzip-decompressed on the fly when it ends in `.gz`) is read in
 * 4 MiB chunks; complete lines of each chunk are checked as UTF-8 in one native call and scanned into
 * `RecordColumns`. No whole-file string and no object per row, so memory is the columns plus one chunk.
 */











/**
 * Bytes per read. Tests lower it to put chunk boundaries (and the reuse of the chunk buffers) inside
 * small files; the byte-order mark and UTF-16 checks need the first chunk to hold at least 4 bytes.
 */
const readChunk = { bytes: 4 << 20 };
/**
 * Opens `file` as a stream of chunks (decompressed for `.gz`). A plain file is read into three buffers
 * used in turn, the next read under way while the caller scans the current chunk: a fresh 4 MiB buffer
 * per chunk (what `createReadStream` gives) costs page faults and garbage-collector pressure, measured
 * at ~0.25 s per 257 MB file against ~0.03 s with reused buffers (docs/performance.md). A chunk is valid
 * until the caller asks for the one after next, so a caller may hold the tail of the previous chunk
 * (its carried partial line) while scanning the current one, and nothing else: bytes kept longer
 * (interned keys) are copied.
 */
function chunks(file, range) {
    if (!file.toLowerCase().endsWith('.gz'))
        return plainChunks(file, range);
    const raw = (0,external_node_fs_namespaceObject.createReadStream)(file, {
        highWaterMark: readChunk.bytes,
        start: range.start,
        end: range.end === undefined ? undefined : range.end - 1,
    });
    const gunzip = (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: readChunk.bytes });
    raw.on('error', (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
}
async function* plainChunks(file, range) {
    // No bigger than the part to read, as far as it is known: a small file's run allocates a few
    // kilobytes, not 12 MiB (whose external-memory pressure alone triggered a collection).
    const known = range.end ?? (range.hintBytes !== undefined ? range.start + range.hintBytes : undefined);
    const size = known === undefined ? readChunk.bytes : Math.max(1, Math.min(readChunk.bytes, known - range.start));
    const fh = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const bufs = [];
        let pos = range.start;
        let asked = 0;
        const read = (k) => {
            let want = range.end === undefined ? size : Math.min(size, range.end - pos);
            // The helper's part may be cut short by the reading thread (range-cut.ts): ask before each read.
            if (range.cut && want > 0)
                want = range.cut.reserve(pos, want);
            const at = pos;
            pos += want;
            asked = want;
            if (want <= 0)
                return Promise.resolve({ bytesRead: 0 });
            return fh.read((bufs[k % 3] ??= Buffer.allocUnsafe(size)), 0, want, at);
        };
        let next = read(0);
        for (let k = 0;; k++) {
            const wanted = asked;
            const { bytesRead } = await next;
            if (bytesRead <= 0)
                return;
            // A short read is the end of the file: nothing more to ask for.
            next = bytesRead === wanted ? read(k + 1) : Promise.resolve({ bytesRead: 0 });
            yield bufs[k % 3].subarray(0, bytesRead);
        }
    }
    finally {
        await fh.close();
    }
}
function streamError(e, file) {
    const err = e;
    if (err.code === 'ENOENT')
        return new errors_InputError('file not found', { file });
    if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.code?.startsWith('Z_'))
        return new errors_InputError(`not valid gzip: ${err.message}`, { file });
    return new errors_InputError(`cannot read file (${err.code ?? err.message})`, { file });
}
/**
 * File sizes read on two threads (docs/performance.md, "Two cores"). Not below 64 MiB: measured no
 * faster at 100k–300k rows, where the helper's start and the append eat the gain. Not above 1 GiB: the
 * helper's half is held twice while it is appended, which at 10⁷ rows (2.3 GB) measured +330 MB of peak
 * memory and no faster run. Tests lower `minBytes` to exercise the path on small files.
 *
 * `minTake`: when this thread has read its half, it takes the upper half of what the helper has not yet
 * asked for (range-cut.ts) if that is at least this many bytes (two chunks; tests lower it).
 * `helperDelayMs` holds the helper back before it reads (tests: so that this thread surely takes a tail).
 */
const parallelRead = { minBytes: 64 << 20, maxBytes: 1 << 30, minTake: 8 << 20, helperDelayMs: 0 };
/** Tails this thread took from the helper's part (tests check the path). */
const tailsTaken = { count: 0 };
/**
 * Reads per-example JSONL `file` into `cols` (appending; a new file range). Errors name file and line;
 * invalid UTF-8 names the line and the byte offset in the (decompressed) file. Returns null, having
 * read nothing, when the file is UTF-16: the caller then decodes it whole.
 *
 * A large uncompressed file is read in two halves at once, the second by the helper thread
 * (parallel/helper.ts), split at a line end; the result is the same columns, and the same first error,
 * as one sequential read gives.
 */
async function readJsonlColumns(file, mapping, cols = new RecordColumns(), progress) {
    const total = statSafe(file);
    const startRows = cols.n;
    cols.beginFile(file);
    const split = total !== undefined && total >= parallelRead.minBytes && total <= parallelRead.maxBytes
        ? lineStartAfter(file, Math.floor(total / 2), total)
        : undefined;
    const helper = split !== undefined ? getHelper() : undefined;
    const cut = helper ? RangeCut.create(split, total) : undefined;
    let rest;
    let helperBytes = 0;
    let helperRows = 0;
    let tailBytes = 0;
    // The helper starts once this thread's first chunk has shown the bytes per line and the shape of the
    // probabilities: the block is then allocated for the whole file, and the helper writes its rows
    // straight into the upper part of it (no second block in memory while the halves are joined).
    const startHelper = (linesPerByte) => {
        const p = cols.proba;
        const from = startRows + Math.ceil(linesPerByte * split * 1.03);
        const to = startRows + Math.ceil(linesPerByte * total * 1.03);
        let region;
        if ((p.mode === 'map' || p.mode === 'number' || p.mode === 'array') && to > from) {
            p.block.reserve(to * p.width, to * p.width);
            const block = p.splitShared(from);
            if (block)
                region = { mode: p.mode, width: p.width, keys: p.keys, block };
        }
        const job = { type: 'read-jsonl', file, mapping, start: split, end: total, region, cut: cut.words };
        rest = helper.request({ ...job, delayMs: parallelRead.helperDelayMs }, [], (pr) => {
            [helperBytes, helperRows] = pr;
        });
        // Settled below; a rejection before then must not surface as unhandled.
        rest.catch(() => { });
    };
    const report = (bytes, rows) => progress?.update({
        stage: `reading ${file}`,
        bytes: bytes + helperBytes + tailBytes,
        totalBytes: total,
        rows: rows + helperRows,
    });
    let lines;
    const parallel = helper !== undefined;
    const first = parallel ? { start: 0, end: split, hintBytes: total } : { start: 0, hintBytes: total };
    try {
        lines = await scanJsonl(file, mapping, cols, first, startRows, report, 0, parallel ? startHelper : undefined);
    }
    catch (e) {
        // The first error is in this thread's half: the helper's work is moot.
        if (rest)
            await helper.stop();
        throw e;
    }
    if (lines === null) {
        if (rest)
            await helper.stop();
        cols.files.pop();
        cols.fileStart.pop();
        return null;
    }
    if (parallel) {
        const tail = rest ? await readTail(file, mapping, cut, (bytes) => (tailBytes = bytes)) : undefined;
        const helperEnd = tail ? tail.start : total;
        let part;
        if (rest) {
            try {
                part = await rest;
            }
            catch (err) {
                const e = err;
                if (e.input)
                    throw located(e.detail ?? e.message, e.location ?? {}, lines);
                // The helper failed for another reason: this thread reads the rest itself.
            }
            // The helper's heap (its half's strings and buffers) goes with its thread: ending it now keeps
            // the peak memory of the computations that follow lower (docs/performance.md); the next job
            // starts a fresh one in ~40 ms.
            await helper.stop();
        }
        let helperLines;
        if (part) {
            appendColumns(cols, part, lines);
            helperLines = part.lineCount;
        }
        else {
            const range = { start: split, end: helperEnd };
            helperLines = (await scanJsonl(file, mapping, cols, range, startRows, report, lines));
        }
        // Whatever became of the shared block (joined in place, or copied out of), nothing more is split.
        cols.proba.shared = undefined;
        if (tail) {
            const offset = lines + helperLines;
            if (tail.error) {
                const e = tail.error;
                throw e instanceof InputError ? located(e.detail, e.location, offset) : e;
            }
            appendColumns(cols, tail.part, offset);
        }
    }
    cols.finish();
    if (cols.n === startRows)
        throw new InputError('no records in file', { file });
    return cols;
}
/** An input error of a part read after `offset` earlier lines, numbered in the whole file. */
function located(message, location, offset) {
    const loc = { ...location };
    if (loc.line !== undefined)
        loc.line += offset;
    return new InputError(message, loc);
}
/**
 * This thread, done with its half while the helper is still reading: takes the upper half of what the
 * helper has not yet asked for (from a line start; range-cut.ts) and reads it into fresh columns, its
 * lines numbered from 0. Undefined when too little is left to be worth it.
 */
async function readTail(file, mapping, cut, progress) {
    const { cut: end, reserved } = cut.snapshot();
    if (end - reserved < parallelRead.minTake)
        return undefined;
    const at = lineStartAfter(file, reserved + Math.floor((end - reserved) / 2), end);
    const old = at === undefined ? undefined : cut.take(at);
    if (at === undefined || old === undefined)
        return undefined;
    tailsTaken.count++;
    const cols = new RecordColumns();
    cols.beginFile(file);
    try {
        const range = { start: at, end: old, hintBytes: old - at };
        const lines = await scanJsonl(file, mapping, cols, range, 0, progress);
        return { start: at, part: packColumns(cols, lines)[0] };
    }
    catch (error) {
        return { start: at, error };
    }
}
/**
 * Reads bytes [start, end) of `file`, which begin a line, into fresh columns (the helper thread's
 * job); lines are numbered from the range's first line. Throws what a sequential read would. With
 * `region`, probabilities go into that part of the reading thread's shared block, in its layout.
 */
async function readJsonlRange(file, mapping, start, end, progress, region, cut) {
    const cols = new columns_RecordColumns();
    cols.beginFile(file);
    if (region)
        cols.proba.adoptRegion(region.mode, region.width, region.keys, region.block);
    const range = { start, end, hintBytes: end - start, cut: cut && new range_cut_RangeCut(cut) };
    const lines = await scanJsonl(file, mapping, cols, range, 0, progress);
    cols.finish();
    return { cols, lines: lines ?? 0 };
}
/**
 * The first line start after `from` (the byte after a line end at or after it) below `end`, or
 * undefined when there is none within 16 MiB.
 */
function lineStartAfter(file, from, end) {
    let fd;
    try {
        fd = openSync(file, 'r');
        const buf = Buffer.allocUnsafe(1 << 16);
        for (let at = from; at < end && at < from + (16 << 20);) {
            const got = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
            if (got <= 0)
                return undefined;
            const nl = buf.subarray(0, got).indexOf(0x0a);
            if (nl >= 0)
                return at + nl + 1 < end ? at + nl + 1 : undefined;
            at += got;
        }
        return undefined;
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
/**
 * Scans bytes [range.start, range.end) of `file` into `cols`; returns the number of lines read, or null
 * (having read nothing) for a UTF-16 file. `lineBase` numbers the lines after that many earlier ones.
 */
async function scanJsonl(file, mapping, cols, range, startRows, progress, lineBase = 0, onSized) {
    const scanner = new JsonlScanner(mapping, cols, file);
    let carry;
    let line = lineBase;
    let offset = range.start; // file offset of buf[0]
    let first = range.start === 0;
    let sized = false;
    const process = (buf, end) => {
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(buf.subarray(0, end))) {
            const bad = Math.max(0, firstInvalidUtf8(buf.subarray(0, end)));
            let ln = line + 1;
            for (let i = 0; i < bad; i++)
                if (buf[i] === 0x0a)
                    ln++;
            // Same words as the whole-file decoder (text.ts).
            const hex = buf[bad].toString(16).toUpperCase().padStart(2, '0');
            throw new errors_InputError(`not UTF-8 (byte 0x${hex} at byte offset ${offset + bad} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`, { file, line: ln });
        }
        let s = 0;
        while (s < end) {
            let nl = buf.indexOf(0x0a, s);
            if (nl < 0 || nl >= end)
                nl = end;
            line++;
            scanner.scanLine(buf, s, nl, line);
            s = nl + 1;
        }
    };
    try {
        for await (const chunk of chunks(file, range)) {
            let buf = chunk;
            if (carry && carry.length > 0) {
                // The line cut at the chunk boundary: joined with the start of this chunk up to its first line
                // end and read on its own, so the rest of the chunk is scanned in place (copying every 4 MiB
                // chunk behind its carry cost ~0.15 s per million rows).
                const nl = chunk.indexOf(0x0a);
                if (nl < 0) {
                    carry = Buffer.concat([carry, chunk]); // a line longer than a chunk
                    continue;
                }
                const head = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
                process(head, head.length);
                offset += head.length;
                buf = chunk.subarray(nl + 1);
                carry = undefined;
            }
            if (first) {
                first = false;
                // UTF-16 (BOM or NUL pattern): the caller decodes the whole file instead.
                if (utf16Order(buf))
                    return null;
                // Editors on Windows write a byte-order mark; it is not part of the data.
                if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
                    buf = buf.subarray(3);
                    offset = 3;
                }
            }
            const last = buf.lastIndexOf(0x0a);
            if (last < 0) {
                carry = buf;
                continue;
            }
            const linesBefore = line;
            process(buf, last + 1);
            if (!sized) {
                sized = true;
                // Rows to expect, from the first chunk's bytes per line (3% margin): the probability block is
                // allocated once at that size instead of grown by doubling (columns.ts, ProbaColumn).
                const perByte = (line - linesBefore) / (last + 1);
                if (range.hintBytes !== undefined && line > linesBefore)
                    cols.expectRows(startRows + Math.ceil(perByte * range.hintBytes * 1.03));
                if (line > linesBefore)
                    onSized?.(perByte);
            }
            offset += last + 1;
            carry = buf.subarray(last + 1);
            progress?.(offset - range.start, cols.n - startRows);
        }
    }
    catch (e) {
        if (e instanceof errors_InputError)
            throw e;
        throw streamError(e, file);
    }
    if (carry && carry.length > 0)
        process(carry, carry.length);
    return line - lineBase;
}
function statSafe(file) {
    try {
        return file.toLowerCase().endsWith('.gz') ? undefined : statSync(file).size;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/stats/delong.ts
/**
 * DeLong, DeLong & Clarke-Pearson (1988) variance of the ROC AUC and of the difference of two correlated
 * AUCs, with the fast algorithm of Sun & Xu (2014): the structural components ("placement values") come
 * from ranks instead of the O(m·n) pairwise kernel: one grouping of each class's scores by a bucket
 * index (`BucketRanks`), O(N) for spread-out scores and O(N log N) at worst.
 *
 * For positive i and negative j with kernel ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise:
 *   V10_i = (1/n)·Σ_j ψ(x_i, y_j),   V01_j = (1/m)·Σ_i ψ(x_i, y_j),   AUC = mean(V10) = mean(V01),
 *   Var(AUC) = S10/m + S01/n  with S10, S01 the sample variances (denominators m − 1, n − 1).
 * Ties get half credit, so the AUC equals scikit-learn's `roc_auc_score` (trapezoidal ROC).
 */
/** Index of the first entry of sorted `a[from..to)` not below `x` (lower bound). */
function lowerBound(a, x, from, to) {
    let lo = from;
    let hi = to;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (a[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Index of the first entry of sorted `a[from..to)` above `x` (upper bound). */
function upperBound(a, x, from, to) {
    let lo = from;
    let hi = to;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (a[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** Buckets holding more entries than this are sorted and searched; smaller ones are scanned. */
const SCAN_MAX = 16;
/**
 * Rank look-ups among the scores of one class (positives or negatives) grouped by an equal-width bucket
 * index over their range: bucket b holds the entries with ⌊(v − min)·scale⌋ = b, a monotone function of
 * v, so every entry of a lower bucket is below x and every entry of a higher one above it; only x's own
 * bucket is looked at. With one bucket per entry, a bucket holds one distinct value or a few (scores
 * written with a few decimals put each distinct value in a bucket of its own), so the entries are
 * grouped by a counting pass and a scatter — no sort — and a small bucket is scanned; a bucket of more
 * than `SCAN_MAX` entries (clustered scores) is sorted and binary-searched, never worse than O(log n).
 * Replaced a radix sort of each class plus a bucket index over the sorted scores: one-vs-rest DeLong
 * at 10⁶ rows × 10 classes went from ~230 to ~135 ms per class on one thread (docs/performance.md).
 */
class BucketRanks {
    a;
    min;
    max;
    scale = 0;
    /** start[b] = entries in buckets below b; start[L] = L. */
    start;
    /**
     * Groups `src` (the class's scores, any order) into `a` (same length) by bucket; `start` holds at
     * least src.length + 1 entries (reused scratch).
     */
    constructor(src, a, start) {
        this.a = a;
        const L = src.length;
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < L; i++) {
            const v = src[i];
            if (v < min)
                min = v;
            if (v > max)
                max = v;
        }
        this.min = min;
        this.max = max;
        this.start = start = start.subarray(0, L + 1);
        const range = max - min;
        const scale = L / range;
        if (!(range > 0) || !Number.isFinite(range) || !Number.isFinite(scale)) {
            // One value, or a range too wide to divide: one bucket, sorted.
            a.set(src);
            if (L > SCAN_MAX)
                a.sort();
            // Bucket 0 holds everything (look-ups use it whenever `scale` is 0).
            start.fill(L);
            start[0] = 0;
            return;
        }
        this.scale = scale;
        start.fill(0);
        for (let i = 0; i < L; i++)
            start[this.bucket(src[i]) + 1]++;
        for (let b = 0; b < L; b++)
            start[b + 1] += start[b];
        // Scatter: `start[b]` runs ahead as bucket b fills, then is restored from its neighbour below.
        for (let i = 0; i < L; i++) {
            const v = src[i];
            a[start[this.bucket(v)]++] = v;
        }
        for (let b = L; b > 0; b--)
            start[b] = start[b - 1];
        start[0] = 0;
        for (let b = 0; b < L; b++) {
            const from = start[b];
            const to = start[b + 1];
            if (to - from > SCAN_MAX)
                a.subarray(from, to).sort();
        }
    }
    bucket(x) {
        const b = Math.floor((x - this.min) * this.scale);
        const last = this.a.length - 1;
        return b < 0 ? 0 : b > last ? last : b;
    }
    /** (entries below x) + (entries at or below x): twice x's placement count with ½ credit for ties. */
    belowPlusAtOrBelow(x) {
        const a = this.a;
        const L = a.length;
        if (!(L > 0) || x < this.min)
            return 0;
        if (x > this.max)
            return 2 * L;
        const b = this.scale > 0 ? this.bucket(x) : 0;
        const from = this.start[b];
        const to = this.start[b + 1];
        if (to - from <= SCAN_MAX) {
            let below = from;
            let tied = 0;
            for (let j = from; j < to; j++) {
                const v = a[j];
                if (v < x)
                    below++;
                else if (v === x)
                    tied++;
            }
            return 2 * below + tied;
        }
        const lo = lowerBound(a, x, from, to);
        // Equal values share a bucket, so x's ties end within [from, to).
        return lo < to && a[lo] === x ? lo + upperBound(a, x, lo, to) : 2 * lo;
    }
}
/**
 * Placement values of `score` with `positive[i]` telling whether example i is a positive. Positives and
 * negatives keep their order in the input, so two score vectors over the same examples and labels give
 * aligned components (needed for the paired covariance). A positive's V10 is (negatives below +
 * ½·negatives tied)/n and a negative's V01 (positives above + ½·positives tied)/m, each from a rank
 * look-up among the other class's scores (`BucketRanks`) — the midrank formulation of Sun & Xu (2014)
 * without an index permutation.
 */
function placements(score, positive) {
    if (score.length !== positive.length)
        throw new Error('placements: scores and labels differ in length');
    return placementsInto(score, positive, placementScratch(score.length));
}
/** Scratch for `placementsInto` over N examples. */
function placementScratch(N) {
    return {
        scores: new Float64Array(N),
        values: new Float64Array(N),
        starts: new Int32Array(N + 2),
    };
}
/**
 * `placements` computed in `scratch`: the returned v10/v01 are views into it, valid until its next use.
 */
function placementsInto(score, positive, scratch, stride = 1, offset = 0) {
    // Example t's score is score[t·stride + offset]: a one-vs-rest pass reads class c straight from the
    // row-major probability block (stride k, offset c) instead of copying a column of n doubles first.
    const N = positive.length;
    let m = 0;
    for (let t = 0; t < N; t++)
        if (positive[t])
            m++;
    const n = N - m;
    const gathered = scratch.values;
    let a = 0;
    let b = m;
    for (let t = 0; t < N; t++) {
        if (positive[t])
            gathered[a++] = score[t * stride + offset];
        else
            gathered[b++] = score[t * stride + offset];
    }
    const posRanks = new BucketRanks(gathered.subarray(0, m), scratch.scores.subarray(0, m), scratch.starts);
    const negRanks = new BucketRanks(gathered.subarray(m, N), scratch.scores.subarray(m, N), scratch.starts.subarray(m + 1));
    const v10 = scratch.values.subarray(0, m);
    const v01 = scratch.values.subarray(m, N);
    a = 0;
    b = 0;
    let twiceSum = 0;
    for (let t = 0; t < N; t++) {
        const x = score[t * stride + offset];
        if (positive[t]) {
            // 2 × (negatives below + ½ tied) = below + at-or-below: an integer.
            const twice = negRanks.belowPlusAtOrBelow(x);
            v10[a++] = twice / (2 * n);
            twiceSum += twice;
        }
        else {
            const twice = 2 * m - posRanks.belowPlusAtOrBelow(x);
            v01[b++] = twice / (2 * m);
        }
    }
    // Σ(2·credit) is an exact integer (< 2^53), so the AUC carries a single rounding.
    const auc = m > 0 && n > 0 ? twiceSum / (2 * m * n) : NaN;
    return { auc, m, n, v10, v01 };
}
function covariance(x, y) {
    const k = x.length;
    if (k < 2)
        return NaN;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < k; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= k;
    my /= k;
    let s = 0;
    for (let i = 0; i < k; i++)
        s += (x[i] - mx) * (y[i] - my);
    return s / (k - 1);
}
/** AUC and its DeLong variance. Variance is NaN with fewer than two positives or negatives. */
function delongVariance(p) {
    if (p.m < 2 || p.n < 2)
        return { auc: p.auc, variance: NaN };
    return { auc: p.auc, variance: covariance(p.v10, p.v10) / p.m + covariance(p.v01, p.v01) / p.n };
}
/**
 * Paired DeLong: AUCs of two score vectors on the same examples and labels, and the variance of their
 * difference Var(A₂ − A₁) = Var(A₁) + Var(A₂) − 2·Cov(A₁, A₂), each term from the S10/S01 (co)variances.
 */
function delongPaired(a, b) {
    if (a.m !== b.m || a.n !== b.n)
        throw new Error('delongPaired: placements over different example sets');
    const m = a.m;
    const n = a.n;
    if (m < 2 || n < 2) {
        return { auc1: a.auc, auc2: b.auc, var1: NaN, var2: NaN, covariance: NaN, varianceOfDifference: NaN };
    }
    const var1 = covariance(a.v10, a.v10) / m + covariance(a.v01, a.v01) / n;
    const var2 = covariance(b.v10, b.v10) / m + covariance(b.v01, b.v01) / n;
    const cov = covariance(a.v10, b.v10) / m + covariance(a.v01, b.v01) / n;
    return {
        auc1: a.auc,
        auc2: b.auc,
        var1,
        var2,
        covariance: cov,
        varianceOfDifference: Math.max(0, var1 + var2 - 2 * cov),
    };
}

;// CONCATENATED MODULE: ./src/stats/ovr-passes.ts
/**
 * The unit of work of a one-vs-rest DeLong pass (delong-ovr.ts): the per-class passes over some of the
 * classes, run by this thread or the helper thread (ovr-parallel.ts).
 */

/** An `OvrInput` over rows `rows` (or all rows) of a row-major n × k probability block. */
function ovrInput(yTrue, proba, k, rows) {
    const n = rows ? rows.length : yTrue.length;
    const label = rows ? Int32Array.from(rows, (r) => yTrue[r]) : yTrue;
    return {
        n,
        k,
        label,
        block: rows ? undefined : proba,
        score(c, out) {
            if (rows)
                for (let i = 0; i < n; i++)
                    out[i] = proba[rows[i] * k + c];
            else
                for (let i = 0; i < n; i++)
                    out[i] = proba[i * k + c];
        },
    };
}
/**
 * Per-class passes over classes `classes` (weights `weights`): writes each class's AUC, positives and
 * negatives to `results[3j..3j+2]` and adds w·ψ_c(i) into `acc[i]`. Returns false when some class has
 * fewer than two examples in or out of it (its ψ is then undefined and `acc` incomplete). The unit of
 * work of both threads (ovr-parallel.ts).
 */
function ovrPasses(input, classes, weights, acc, results, columns) {
    const { n, k, label } = input;
    const col = input.block ? undefined : new Float64Array(n);
    const isPos = new Uint8Array(n);
    const scratch = placementScratch(n);
    const psi = columns ? new Float64Array(n) : undefined;
    let whole = true;
    for (let j = 0; j < classes.length; j++) {
        const c = classes[j];
        const w = weights[j];
        for (let i = 0; i < n; i++)
            isPos[i] = label[i] === c ? 1 : 0;
        let p;
        if (col) {
            input.score(c, col);
            p = placementsInto(col, isPos, scratch);
        }
        else
            p = placementsInto(input.block, isPos, scratch, k, c);
        results[3 * j] = p.auc;
        results[3 * j + 1] = p.m;
        results[3 * j + 2] = p.n;
        if (p.m < 2 || p.n < 2) {
            whole = false;
            continue;
        }
        if (!whole && !psi)
            continue;
        const sp = Math.sqrt(p.m * (p.m - 1));
        const sn = Math.sqrt(p.n * (p.n - 1));
        const { v10, v01 } = p;
        let a = 0;
        let b = 0;
        // ψ_c(i) added straight into the sum; kept as a column only for `columns` (one pass either way).
        for (let i = 0; i < n; i++) {
            const v = isPos[i] ? (v10[a++] - p.auc) / sp : (v01[b++] - p.auc) / sn;
            if (psi)
                psi[i] = v;
            acc[i] += w * v;
        }
        if (columns && psi)
            columns(c, psi);
    }
    return whole;
}

;// CONCATENATED MODULE: ./src/stats/ovr-parallel.ts
/**
 * The second half of a one-vs-rest DeLong pass on the helper thread (parallel/helper.ts): the classes'
 * passes are independent, so with the probability block and labels in shared memory the helper sorts
 * and places the second half of the classes while this thread does the first (~0.45 s of ~0.9 s at 10⁶
 * rows × 10 classes; docs/performance.md). The caller stays synchronous: it waits on a shared flag
 * after finishing its own half. Without a helper, a block in ordinary memory or a small run, the caller
 * computes both halves itself and gets the same doubles (delong-ovr.ts sums the halves either way).
 */


/**
 * Rows of a pass split between the threads. Not below 250,000: measured no faster at 100k–300k rows
 * (posting, waiting and the helper's start cost about what half the work saves). Not above 4,000,000: the
 * helper's working memory (~33 bytes per row: its sort scratch, the labels' copy and its half of ψ̄)
 * would take 10⁷ rows past 2 GiB. Tests lower `minRows`.
 */
const ovrParallel = { minRows: 250_000, maxRows: 4_000_000 };
/** Whether a pass over `n` rows is split in two halves of the classes (see delong-ovr.ts). */
function halvesPay(n) {
    return n >= ovrParallel.minRows && n <= ovrParallel.maxRows;
}
function sharedF64(n) {
    return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n)));
}
/**
 * Starts `classes` of `input` on the helper thread when that pays; `finish()` waits for them and gives
 * undefined if the helper failed (the caller then computes them itself).
 */
function startSecondHalf(input, classes, weights) {
    const { n, k, block } = input;
    if (classes.length === 0 || !halvesPay(n) || !block)
        return undefined;
    if (!(block.buffer instanceof SharedArrayBuffer))
        return undefined;
    const helper = getHelper();
    if (!helper)
        return undefined;
    const label = new Int32Array(new SharedArrayBuffer(4 * n));
    label.set(input.label.subarray(0, n));
    const psi = sharedF64(n);
    const results = sharedF64(3 * classes.length);
    const done = new Int32Array(new SharedArrayBuffer(4));
    const job = { type: 'ovr', id: 0, block, label, n, k, classes, weights, psi, results, done };
    const started = Date.now();
    helper.post(job);
    return {
        finish() {
            // The helper's half takes about as long as ours; far longer means it is gone.
            const state = waitSync(done, Math.max(30_000, 20 * (Date.now() - started)));
            if (state !== 1 && state !== 3)
                return undefined;
            return { psi, results, whole: state === 1 };
        },
    };
}
/** Runs an `OvrJob` (on the helper thread) and signals its end through `job.done`. */
function runOvrJob(job) {
    let state = 2;
    try {
        const input = {
            n: job.n,
            k: job.k,
            label: job.label,
            block: job.block,
            score() {
                throw new Error('ovr job reads the block');
            },
        };
        state = ovrPasses(input, job.classes, job.weights, job.psi, job.results) ? 1 : 3;
    }
    finally {
        Atomics.store(job.done, 0, state);
        Atomics.notify(job.done, 0);
    }
}

;// CONCATENATED MODULE: ./src/parallel/worker.ts
/**
 * The helper thread's entry (parallel/helper.ts): reads a part of a JSONL file into columns, or runs
 * half of a one-vs-rest DeLong pass over shared memory. Bundled on its own as `worker.js` beside each
 * bundle (scripts/post-build.mjs), so that it loads only the reader and statistics code.
 */





function serialise(e) {
    if (e instanceof errors_InputError)
        return { input: true, message: e.message, detail: e.detail, location: { ...e.location } };
    return { input: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
const port = external_node_worker_threads_namespaceObject.parentPort;
port.on('message', (job) => {
    if (job.type === 'ovr') {
        runOvrJob(job);
        return;
    }
    let last = 0;
    const read = () => readJsonlRange(job.file, job.mapping, job.start, job.end, (bytes, rows) => {
        // At most ~4 messages a second: the reading thread throttles what it shows anyway.
        const now = Date.now();
        if (now - last < 250)
            return;
        last = now;
        port.postMessage({ id: job.id, progress: [bytes, rows] });
    }, job.region, job.cut).then(({ cols, lines }) => {
        const [packed, transfer] = column_transfer_packColumns(cols, lines);
        port.postMessage({ id: job.id, result: packed }, transfer);
    }, (e) => port.postMessage({ id: job.id, error: serialise(e) }));
    if (job.delayMs)
        setTimeout(read, job.delayMs);
    else
        void read();
});

