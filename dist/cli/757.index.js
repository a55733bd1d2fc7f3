export const id = 757;
export const ids = [757,954,49];
export const modules = {

/***/ 1954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_BASELINE_VERDICTS: () => (/* binding */ DEFAULT_BASELINE_VERDICTS),
/* harmony export */   defaultConfig: () => (/* binding */ defaultConfig),
/* harmony export */   profileFor: () => (/* binding */ profileFor)
/* harmony export */ });
/** Default `baseline_verdicts`: a run with a fail verdict never becomes the new normal. */
const DEFAULT_BASELINE_VERDICTS = ['pass', 'warn', 'no-baseline'];
/** Defaults used when there is no config file at all (docs/configuration.md: the zero-config gate). */
function defaultConfig() {
    return {
        task: 'auto',
        fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
        slices: [],
        ignoreFields: [],
        topK: 5,
        significance: 0.05,
        bootstrap: 2000,
        seed: 0,
        topFlipped: 10,
        metrics: {},
        hasRules: false,
        history: 20,
        charts: 6,
        baselineVerdicts: [...DEFAULT_BASELINE_VERDICTS],
        waivers: [],
        waiverLabel: 'evalgate:accept-regression',
        trackingIssue: { enabled: true, label: 'evalgate-regression' },
    };
}
/**
 * The profile an event selects: `release` for release events and tag pushes, else the event's own
 * name; a `workflow_dispatch` run without a profile of its own uses the `schedule` one (a manual
 * nightly). Undefined when the config defines none for it.
 */
function profileFor(event, refType, defined) {
    if (!event)
        return undefined;
    let name = event;
    if (event === 'release' || (event === 'push' && refType === 'tag'))
        name = 'release';
    else if (event === 'pull_request_target')
        name = 'pull_request';
    if (defined.includes(name))
        return name;
    if (name === 'workflow_dispatch' && defined.includes('schedule'))
        return 'schedule';
    return undefined;
}


/***/ }),

/***/ 4757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_BASELINE_VERDICTS: () => (/* reexport */ defaults.DEFAULT_BASELINE_VERDICTS),
  defaultConfig: () => (/* reexport */ defaults.defaultConfig),
  loadConfig: () => (/* binding */ loadConfig),
  parseConfig: () => (/* binding */ parseConfig),
  profileFor: () => (/* reexport */ defaults.profileFor)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(131);
;// CONCATENATED MODULE: ./src/config/validation.ts
/**
 * Validation of a parsed config against its JSON Schema (schema.ts), and the words and places of its
 * errors: which key, on which line of the YAML, what was expected and what was found.
 */



// Compiled on first use: compiling the schema costs ~0.1 s, which a run without a config file
// (`evalgate metrics` zero-config) should not pay at start-up (docs/performance.md).
let validator;
/** Validates `data` against the config schema; the returned function's `errors` say what failed. */
function validate(data) {
    validator ??= new ajv.Ajv({ allErrors: true, strict: false }).compile(schema/* configSchema */.Qn);
    validator(data);
    return validator;
}
/** Prefers the most specific, most useful error (additionalProperties names the unknown key). */
function pickError(errors) {
    const rank = (e) => (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'enum' || e.keyword === 'type' ? 1 : 2) * 1000 -
        e.instancePath.length;
    return [...errors].sort((a, b) => rank(a) - rank(b))[0];
}
/** Key path of the value an error is about (for an unknown key: the key itself). */
function errorPath(e) {
    const parts = e.instancePath
        .split('/')
        .slice(1)
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'additionalProperties')
        parts.push(String(e.params.additionalProperty));
    return parts;
}
/** The error in words: what was expected and what was found. */
function explain(e, data) {
    const found = valueAt(data, errorPath(e));
    switch (e.keyword) {
        case 'additionalProperties': {
            const allowed = allowedKeys(e.schemaPath);
            return `unknown key "${String(e.params.additionalProperty)}"${allowed ? `; expected one of: ${allowed}` : ''}`;
        }
        case 'enum':
            return `expected one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}, found ${describe(found)}`;
        case 'type':
            return `expected ${String(e.params.type).replace(',', ' or ')}, found ${describe(found)}`;
        default:
            return `expected a value that ${e.message ?? 'is valid'}, found ${describe(found)}`;
    }
}
function allowedKeys(schemaPath) {
    // schemaPath like #/properties/metrics/additionalProperties/additionalProperties
    const parts = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
    let node = schema/* configSchema */.Qn;
    for (const p of parts)
        node = node?.[p];
    const props = node?.properties;
    return props ? Object.keys(props).join(', ') : undefined;
}
function valueAt(data, path) {
    let v = data;
    for (const p of path)
        v = v !== null && typeof v === 'object' ? v[p] : undefined;
    return v;
}
/** The YAML node at a key path, for the line number of a message; null when there is none. */
function nodeAt(root, path) {
    let node = root;
    for (const key of path) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((it) => (0,dist/* isScalar */.jn)(it.key) && String(it.key.value) === key);
            if (!pair)
                return node;
            // For an unknown key, point at the key itself.
            node = pair.value ?? pair.key;
            if (!pair.value)
                return pair.key;
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            node = node.items[Number(key)] ?? node;
        }
        else {
            return node;
        }
    }
    return node;
}
/** Path of the first NaN/±Infinity (YAML `.nan`, `.inf`), which JSON Schema's `number` lets through. */
function findNonFinite(v, path) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? undefined : path;
    if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
            const p = findNonFinite(v[i], [...path, String(i)]);
            if (p)
                return p;
        }
    }
    else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
            const p = findNonFinite(x, [...path, k]);
            if (p)
                return p;
        }
    }
    return undefined;
}
/** A found value in a few words for messages (`string "lots"`, `a list`, `null`). */
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `${typeof v} ${JSON.stringify(v)}`;
}

// EXTERNAL MODULE: ./src/readers/yaml-text.ts
var yaml_text = __webpack_require__(49);
// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(1954);
;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Loads and validates `.github/evalgate.yml`. Errors name the file, the line and the key path, and say
 * what was expected and what was found, because a config typo must not silently turn a gate off.

 * Schema validation and its messages are in validation.ts.
 */





// Types, defaults and profile selection live in defaults.ts (no YAML parser, no schema validator).

/**
 * Reads a config file. A missing file is not an error when `optional` (the action's default path):
 * the zero-config defaults apply.
 */
function loadConfig(file, optional = false, selector = {}) {
    if (!file)
        return (0,defaults.defaultConfig)();
    if (!(0,external_node_fs_.existsSync)(file)) {
        if (optional)
            return (0,defaults.defaultConfig)();
        throw new errors/* InputError */.dz('config file not found', { file });
    }
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.dz(`cannot read config (${e.code ?? e.message})`, { file });
    }
    return parseConfig(text, file, selector);
}
/**
 * Parses and validates config text; `file` is used in error messages. The profile the selector's
 * event selects is merged over the top level (per-metric rules metric by metric).
 */
function parseConfig(text, file, selector = {}) {
    const { doc, lineCounter } = (0,yaml_text.parseYamlDocument)(text, file);
    const data = (0,yaml_text.yamlToJs)(doc, file) ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new errors/* InputError */.dz(`expected a mapping of settings at the top level, found ${describe(data)}`, {
            file,
            line: 1,
        });
    }
    const nonFinite = findNonFinite(data, []);
    if (nonFinite) {
        const node = nodeAt(doc.contents, nonFinite);
        const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
        throw new errors/* InputError */.dz('expected a finite number, found NaN or infinity', {
            file,
            line,
            field: nonFinite.join('.'),
        });
    }
    const checked = validate(data);
    if (checked.errors?.length) {
        const error = pickError(checked.errors);
        const path = errorPath(error);
        const node = nodeAt(doc.contents, path);
        const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
        throw new errors/* InputError */.dz(explain(error, data), { file, line, field: path.join('.') || '(top level)' });
    }
    const top = data;
    const profiles = (top.profiles ?? {});
    const profile = (0,defaults.profileFor)(selector.event, selector.refType, Object.keys(profiles));
    const raw = profile ? mergeProfile(top, profiles[profile]) : top;
    const lineOf = (path) => {
        const node = nodeAt(doc.contents, path);
        return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    const cfg = (0,defaults.defaultConfig)();
    cfg.file = file;
    if (profile)
        cfg.profile = profile;
    if (raw.task !== undefined)
        cfg.task = raw.task;
    if (raw.fields)
        cfg.fields = { ...cfg.fields, ...raw.fields };
    if (raw.slices)
        cfg.slices = raw.slices;
    if (raw.cluster)
        cfg.cluster = raw.cluster;
    if (raw.ignore_fields)
        cfg.ignoreFields = raw.ignore_fields;
    if (raw.positive_label !== undefined)
        cfg.positiveLabel = raw.positive_label;
    if (raw.classes)
        cfg.classes = raw.classes;
    if (raw.top_k !== undefined)
        cfg.topK = raw.top_k;
    if (raw.normalize) {
        const n = raw.normalize;
        cfg.normalize = {
            trim: n.trim,
            caseFold: n.case_fold,
            stripPunctuation: n.strip_punctuation,
            collapseWhitespace: n.collapse_whitespace,
        };
    }
    // A threshold is a tolerance that the margin tests check (docs/statistics.md): `significance` defaults
    // to 0.05 with or without rules, so that a change inside the tolerance does not fail on noise. Only
    // an explicit `significance: null` makes thresholds alone decide (point estimates).
    const hasRules = (raw.metrics !== undefined && raw.metrics !== null && Object.keys(raw.metrics).length > 0) ||
        raw.defaults !== undefined;
    cfg.hasRules = hasRules;
    cfg.significance = raw.significance === undefined ? 0.05 : raw.significance;
    if (raw.bootstrap !== undefined)
        cfg.bootstrap = raw.bootstrap;
    if (raw.seed !== undefined)
        cfg.seed = raw.seed;
    if (raw.top_flipped !== undefined)
        cfg.topFlipped = raw.top_flipped;
    if (raw.defaults)
        cfg.defaults = raw.defaults;
    if (raw.on_inconclusive !== undefined)
        cfg.onInconclusive = raw.on_inconclusive;
    if (raw.on_setup_change !== undefined)
        cfg.onSetupChange = raw.on_setup_change;
    if (raw.metrics)
        cfg.metrics = raw.metrics;
    if (raw.slice_rules)
        cfg.sliceRules = raw.slice_rules;
    if (raw.on_missing_baseline)
        cfg.onMissingBaseline = raw.on_missing_baseline;
    if (raw.format !== undefined)
        cfg.format = raw.format;
    if (raw.encoding !== undefined)
        cfg.encoding = raw.encoding;
    if (raw.select !== undefined)
        cfg.select = raw.select;
    if (raw.history !== undefined)
        cfg.history = raw.history;
    if (raw.charts !== undefined)
        cfg.charts = raw.charts;
    if (raw.drift) {
        const d = raw.drift;
        cfg.drift = {
            window: d.window ?? 14,
            reference: d.reference ?? 'median',
            maxRegression: d.max_regression,
            maxRegressionPct: d.max_regression_pct,
            severity: d.severity ?? 'warn',
            metrics: d.metrics,
        };
        if (cfg.history === 0) {
            throw new errors/* InputError */.dz('drift needs history: set `history` to at least the drift window', {
                file,
                line: lineOf(['history']),
                field: 'history',
            });
        }
    }
    if (raw.baseline_verdicts) {
        cfg.baselineVerdicts = raw.baseline_verdicts;
        cfg.baselineVerdictsSet = true;
    }
    if (raw.waiver_label)
        cfg.waiverLabel = raw.waiver_label;
    if (raw.tracking_issue) {
        const t = raw.tracking_issue;
        cfg.trackingIssue = { enabled: t.enabled ?? true, label: t.label ?? cfg.trackingIssue.label };
    }
    if (raw.waivers) {
        cfg.waivers = raw.waivers.map((w, i) => {
            // The pattern admits 2026-02-30; a date that does not exist must not silently never expire.
            const d = new Date(`${w.expires}T00:00:00Z`);
            if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires) {
                throw new errors/* InputError */.dz(`expected a real date YYYY-MM-DD, found "${w.expires}"`, {
                    file,
                    line: lineOf(['waivers', String(i), 'expires']),
                    field: `waivers.${i}.expires`,
                });
            }
            const out = { metric: w.metric, reason: w.reason, expires: w.expires };
            if (w.slice) {
                const at = w.slice.indexOf('=');
                out.slice = { field: w.slice.slice(0, at), value: w.slice.slice(at + 1) };
            }
            if (w.until_baseline)
                out.untilBaseline = w.until_baseline.toLowerCase();
            return out;
        });
    }
    for (const [name, rule] of Object.entries(cfg.metrics)) {
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
            const node = nodeAt(doc.contents, ['metrics', name]);
            const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
            throw new errors/* InputError */.dz(`min (${rule.min}) is greater than max (${rule.max})`, {
                file,
                line,
                field: `metrics.${name}`,
            });
        }
    }
    return cfg;
}
/** The top level with a profile merged over it: its keys replace the top-level ones, `metrics` merge by metric. */
function mergeProfile(top, prof) {
    const out = { ...top, ...prof };
    if (prof.metrics) {
        const merged = { ...(top.metrics ?? {}) };
        for (const [name, rule] of Object.entries(prof.metrics)) {
            merged[name] = { ...(merged[name] ?? {}), ...rule };
        }
        out.metrics = merged;
    }
    delete out.profiles;
    return out;
}


/***/ }),

/***/ 49:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYamlDocument: () => (/* binding */ parseYamlDocument),
/* harmony export */   yamlToJs: () => (/* binding */ yamlToJs)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _json_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3918);
/**
 * YAML parsing with the error messages every YAML input shares (config files, YAML metric maps): the
 * line, and for a duplicate key the key itself, since "keys must be unique" alone leaves the user
 * searching.
 */



/** Parses YAML text into a document; InputError (file, line, key) on the first YAML error. */
function parseYamlDocument(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const err = doc.errors[0];
        const line = err.pos ? lineCounter.linePos(err.pos[0]).line : undefined;
        if (err.code === 'DUPLICATE_KEY' && err.pos) {
            const key = /^[^:\n]*/
                .exec(text.slice(err.pos[0]))?.[0]
                .trim()
                .replace(/^["']|["']$/g, '') ?? '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`duplicate key ${(0,_json_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showKey */ .Nh)(key)} in a YAML mapping (which value is meant?)`, {
                file,
                line,
                field: key,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`invalid YAML: ${err.message.split('\n')[0]}`, { file, line });
    }
    return { doc, lineCounter };
}
/** Most alias uses a YAML document may expand (the `yaml` library's guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;
/**
 * The document as plain data. Aliases that expand exponentially ("billion laughs") are an InputError
 * naming the file, not a crash: the library refuses them with a ReferenceError.
 */
function yamlToJs(doc, file) {
    try {
        return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        if (e instanceof ReferenceError && /alias/i.test(e.message))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} alias uses); refusing to read it`, { file });
        throw e;
    }
}


/***/ })

};
