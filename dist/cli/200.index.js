export const id = 200;
export const ids = [200];
export const modules = {

/***/ 131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ VERDICT_NAMES),
/* harmony export */   Qn: () => (/* binding */ configSchema)
/* harmony export */ });
/* unused harmony export PROFILE_EVENTS */
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1237);
/* harmony import */ var _readers_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3833);
/**
 * JSON Schema of `.github/evalgate.yml` (docs/configuration.md). Published as `schema/evalgate.schema.json`
 * (`npm run schema` regenerates it; a test keeps the two equal) so editors can validate configs.
 */


const thresholds = {
    max_regression: {
        type: 'number',
        minimum: 0,
        description: 'Absolute worsening allowed, in the metric’s bad direction.',
    },
    max_regression_pct: {
        type: 'number',
        minimum: 0,
        description: 'Relative worsening allowed, in percent of the baseline value.',
    },
    severity: { enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC, description: 'What a regression of this metric does to the verdict.' },
};
const metricRule = {
    type: 'object',
    additionalProperties: false,
    properties: {
        ...thresholds,
        min: { type: 'number', description: 'Absolute floor; fails below it, no baseline needed.' },
        max: { type: 'number', description: 'Absolute ceiling; fails above it, no baseline needed.' },
        direction: { enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .DIRECTIONS */ .X, description: 'Which way is better (needed for custom metrics).' },
        waive: {
            type: 'string',
            minLength: 1,
            description: 'Reason for waiving this metric: it is reported with status `waived` and never fails.',
        },
        gate: { type: 'boolean', description: 'false: report only, never gate.' },
    },
};
const seriesSelect = {
    provider: { type: 'string', minLength: 1, description: 'Provider id or label (promptfoo).' },
    prompt: { type: 'string', minLength: 1, description: 'Prompt label, id or text (promptfoo).' },
};
const sliceRules = {
    type: 'object',
    additionalProperties: false,
    description: 'Gating of per-slice comparisons (none when absent).',
    properties: {
        ...thresholds,
        min_n: {
            type: 'integer',
            minimum: 1,
            description: 'Slices with fewer examples are reported, not gated.',
        },
        metrics: {
            type: 'array',
            items: { type: 'string' },
            description: 'Metrics gated per slice (default: the gated overall metrics).',
        },
    },
};
/** Verdicts a gate can reach; `baseline_verdicts` picks among them. */
const VERDICT_NAMES = _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .VERDICTS */ .bk;
/** Events a profile can be selected by (`release` also covers tag pushes). */
const PROFILE_EVENTS = ['pull_request', 'push', 'schedule', 'workflow_dispatch', 'release'];
const drift = {
    type: 'object',
    additionalProperties: false,
    description: 'Compares the current value with the median or best of a window of earlier passing runs (needs history).',
    properties: {
        window: {
            type: 'integer',
            minimum: 2,
            maximum: 100,
            description: 'Earlier passing runs in the window (default 14).',
        },
        reference: {
            enum: ['median', 'best'],
            description: 'What the current value is compared with: the window’s median (default) or best value.',
        },
        max_regression: {
            type: 'number',
            minimum: 0,
            description: 'Absolute worsening from the reference allowed.',
        },
        max_regression_pct: {
            type: 'number',
            minimum: 0,
            description: 'Relative worsening from the reference allowed, in percent.',
        },
        severity: { enum: ['fail', 'warn'], description: 'What a drift does to the verdict (default warn).' },
        metrics: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Metrics checked for drift (default: the gated overall metrics).',
        },
    },
    anyOf: [{ required: ['max_regression'] }, { required: ['max_regression_pct'] }],
};
const waiver = {
    type: 'object',
    additionalProperties: false,
    required: ['metric', 'reason', 'expires'],
    properties: {
        metric: { type: 'string', minLength: 1, description: 'Metric whose regression is accepted.' },
        slice: {
            type: 'string',
            pattern: '^[^=]+=.*$',
            description: 'Only this slice (`field=value`); absent: the overall metric.',
        },
        reason: {
            type: 'string',
            minLength: 1,
            description: 'Why the regression is accepted (shown in the report).',
        },
        expires: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'Last day (UTC, YYYY-MM-DD) the waiver applies; afterwards the report says it expired.',
        },
        until_baseline: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{7,40}$',
            description: 'Commit (SHA or prefix) of the baseline the regression was accepted against; once the baseline is another commit, the waiver stops applying.',
        },
    },
};
/** Keys a profile may override; each has the same meaning as at the top level. */
const profile = {
    type: 'object',
    additionalProperties: false,
    properties: {
        defaults: { ...metricRule, description: 'Rule applied to every metric under this profile.' },
        metrics: {
            type: 'object',
            description: 'Per-metric rules, merged over the top-level ones metric by metric.',
            additionalProperties: metricRule,
        },
        slice_rules: sliceRules,
        significance: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 0.5 },
        on_missing_baseline: { enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .MISSING_BASELINE_POLICIES */ .yj },
        drift,
        history: { type: 'integer', minimum: 0, maximum: 100 },
        charts: { type: 'integer', minimum: 0, maximum: 20 },
        baseline_verdicts: {
            type: 'array',
            items: { enum: VERDICT_NAMES },
            minItems: 1,
            uniqueItems: true,
        },
    },
};
/** The config schema (JSON Schema draft-07). */
const configSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/evalgate/evalgate/schema/evalgate.schema.json',
    title: 'evalgate configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
        task: {
            enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .TASK_SETTINGS */ .EL,
            description: 'Task, or auto-detect from the data.',
        },
        fields: {
            type: 'object',
            additionalProperties: false,
            description: 'Record field names, when they differ from the defaults.',
            properties: {
                id: { type: 'string', minLength: 1 },
                label: { type: 'string', minLength: 1 },
                prediction: { type: 'string', minLength: 1 },
                probabilities: { type: 'string', minLength: 1 },
            },
        },
        slices: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Fields whose values define slices; every metric is computed per slice value.',
        },
        cluster: {
            type: 'string',
            minLength: 1,
            description: 'Field of cluster ids for clustered standard errors.',
        },
        ignore_fields: {
            type: 'array',
            items: { type: 'string' },
            description: 'Numeric fields not to summarise as <field>_mean/_p50/_p95.',
        },
        positive_label: {
            type: ['string', 'number', 'boolean'],
            description: 'Binary positive class (default: 1/true/"positive"/"yes").',
        },
        classes: {
            type: 'array',
            items: { type: ['string', 'number', 'boolean'] },
            minItems: 2,
            description: 'Class order of multiclass probability arrays.',
        },
        top_k: { type: 'integer', minimum: 1, description: 'k of top_k_accuracy (default 5).' },
        normalize: {
            type: 'object',
            additionalProperties: false,
            description: 'Text normalisation before exact_match.',
            properties: {
                trim: { type: 'boolean' },
                case_fold: { type: 'boolean' },
                strip_punctuation: { type: 'boolean' },
                collapse_whitespace: { type: 'boolean' },
            },
        },
        significance: {
            type: ['number', 'null'],
            exclusiveMinimum: 0,
            maximum: 0.5,
            description: 'One-sided level of the margin tests (default 0.05, also with rules); null = thresholds alone decide on point estimates.',
        },
        bootstrap: {
            type: 'integer',
            minimum: 100,
            maximum: 100000,
            description: 'Bootstrap resamples (default 2000).',
        },
        seed: { type: 'integer', minimum: 0, description: 'Seed of the bootstrap (default 0).' },
        top_flipped: {
            type: 'integer',
            minimum: 0,
            description: 'Flipped examples listed in the report (default 10).',
        },
        defaults: {
            ...metricRule,
            description: 'Rule applied to every metric (gates all metrics when given).',
        },
        metrics: {
            type: 'object',
            description: 'Per-metric rules; names as in the report (e.g. accuracy, latency_ms_p95, arc_easy/acc).',
            additionalProperties: metricRule,
        },
        slice_rules: sliceRules,
        history: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
            description: 'Earlier runs of the same workflow and branch read for trend charts and drift (default 20; 0 = none).',
        },
        charts: {
            type: 'integer',
            minimum: 0,
            maximum: 20,
            description: 'Trend charts of gated metrics in the report, at most (default 6; 0 = none).',
        },
        drift,
        baseline_verdicts: {
            type: 'array',
            items: { enum: VERDICT_NAMES },
            minItems: 1,
            uniqueItems: true,
            description: 'Verdicts a run must have recorded to serve as baseline or history entry (default pass, warn, no-baseline).',
        },
        waivers: {
            type: 'array',
            items: waiver,
            description: 'Accepted regressions of named metrics, each with a reason and an expiry date.',
        },
        waiver_label: {
            type: 'string',
            minLength: 1,
            description: 'PR label that waives the PR’s regressions (default evalgate:accept-regression).',
        },
        tracking_issue: {
            type: 'object',
            additionalProperties: false,
            description: 'The issue a failing scheduled run opens (and a passing one closes).',
            properties: {
                enabled: { type: 'boolean', description: 'false: never open or close one (default true).' },
                label: {
                    type: 'string',
                    minLength: 1,
                    description: 'Label of the issue (default evalgate-regression).',
                },
            },
        },
        on_missing_baseline: { enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .MISSING_BASELINE_POLICIES */ .yj },
        on_inconclusive: {
            enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .INCONCLUSIVE_POLICIES */ .cJ,
            description: 'Verdict effect of a gated metric that is worse than its tolerance but not significantly so (default pass: green, named in the report).',
        },
        on_setup_change: {
            enum: _policy_js__WEBPACK_IMPORTED_MODULE_0__/* .SETUP_CHANGE_POLICIES */ .Qg,
            description: 'What a difference between the baseline and this run in eval setup (harness version, task config) does: warn (default; a regressed metric of a changed task is a warning), fail (the gate fails), ignore.',
        },
        format: {
            description: 'Input format overriding detection by content: one format name for every input, or a mapping of path glob to format name (see docs/formats.md).',
            oneOf: [
                { type: 'string', minLength: 1 },
                { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } },
            ],
        },
        encoding: {
            description: 'Text encoding of the inputs when it is not UTF-8/UTF-16 (detected): one encoding, or a mapping of path glob to encoding.',
            oneOf: [
                { enum: [..._readers_text_js__WEBPACK_IMPORTED_MODULE_1__/* .TEXT_ENCODINGS */ .vo] },
                { type: 'object', minProperties: 1, additionalProperties: { enum: [..._readers_text_js__WEBPACK_IMPORTED_MODULE_1__/* .TEXT_ENCODINGS */ .vo] } },
            ],
        },
        select: {
            type: 'object',
            additionalProperties: false,
            description: 'Which series of a multi-series file to read (promptfoo: provider and/or prompt); `baseline` selects differently for the baseline side.',
            properties: {
                ...seriesSelect,
                baseline: { type: 'object', additionalProperties: false, properties: seriesSelect },
            },
        },
        profiles: {
            type: 'object',
            additionalProperties: false,
            description: 'Stricter (or looser) rules per event: the profile of the triggering event is merged over the top level.',
            properties: Object.fromEntries(PROFILE_EVENTS.map((e) => [e, { $ref: '#/definitions/profile' }])),
        },
    },
    definitions: { profile },
};


/***/ }),

/***/ 2696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readBytes)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** Reading an input file's bytes with the error every reader gives for a missing or unreadable file. */


/** The file's bytes; InputError "file not found" / "cannot read file" otherwise. */
function readBytes(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    }
    catch (e) {
        const code = e.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file });
    }
}


/***/ }),

/***/ 3918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JE: () => (/* binding */ readJsonFile),
/* harmony export */   KX: () => (/* binding */ MAX_JSON_DEPTH),
/* harmony export */   Nh: () => (/* binding */ showKey),
/* harmony export */   lk: () => (/* binding */ parseJsonText)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3833);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`malformed JSON: ${message}`, { file, line: lineAt(Math.min(at, n)) });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`JSON nested deeper than ${maxDepth} levels (the limit for input files)`, {
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`duplicate key ${showKey(key)} in a JSON object (which value is meant?)`, {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('empty file: expected JSON', { file });
    const result = value(0);
    ws();
    if (pos < n)
        fail(`unexpected ${showChar(text[pos])} after the end of the JSON value`);
    return result;
}
/** Reads and parses a whole-file JSON input (gzip and encoding handled as in {@link readTextFile}). */
function readJsonFile(file, encoding, opts = {}) {
    return parseJsonText((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .readTextFile */ .Gu)(file, encoding), file, opts);
}


/***/ }),

/***/ 3833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ sniffText),
/* harmony export */   Gu: () => (/* binding */ readTextFile),
/* harmony export */   bf: () => (/* binding */ isGzip),
/* harmony export */   g7: () => (/* binding */ decodeText),
/* harmony export */   kd: () => (/* binding */ gunzip),
/* harmony export */   tH: () => (/* binding */ utf16Order),
/* harmony export */   vE: () => (/* binding */ firstInvalidUtf8),
/* harmony export */   vo: () => (/* binding */ TEXT_ENCODINGS)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2696);
/**
 * Bytes → text for every text format. UTF-8 (with or without a byte-order mark) and UTF-16 (BOM or the
 * NUL pattern PowerShell's default encoding leaves) are decoded; anything else is an input error naming
 * the line and the first bad byte, never silently replaced by U+FFFD (two slice values would merge).
 * A user who knows the encoding sets config `encoding:`.
 */



/** Encodings a user may name in config `encoding:`. */
const TEXT_ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'latin1'];
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** True when the bytes start with the gzip magic number (content, not the `.gz` name, decides). */
function isGzip(buf) {
    return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}
/** Decompresses gzip bytes; an InputError naming the file when they are not valid gzip. */
function gunzip(buf, file) {
    try {
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(buf);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`not valid gzip: ${e.message}`, { file });
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`not UTF-8 (byte 0x${hex} at byte offset ${offset} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`, { file, line: lineOfOffset(buf, offset) });
    }
}
/** Reads a whole text file: gunzipped when its bytes are gzip, then decoded as {@link decodeText}. */
function readTextFile(file, encoding) {
    let buf = (0,_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readBytes */ .i)(file);
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


/***/ })

};
