#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ isExpectedError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eb: () => (/* binding */ UsageError)
/* harmony export */ });
/* unused harmony exports formatLocation, escapeControl, NoBaselineError */
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
class InputError extends Error {
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
    return e instanceof InputError || e instanceof UsageError;
}


/***/ }),

/***/ 1237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ isOneOf),
/* harmony export */   EL: () => (/* binding */ TASK_SETTINGS),
/* harmony export */   Pt: () => (/* binding */ RESULT_TASKS),
/* harmony export */   Qg: () => (/* binding */ SETUP_CHANGE_POLICIES),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   X: () => (/* binding */ DIRECTIONS),
/* harmony export */   bk: () => (/* binding */ VERDICTS),
/* harmony export */   cJ: () => (/* binding */ INCONCLUSIVE_POLICIES),
/* harmony export */   d$: () => (/* binding */ FAIL_ON),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   n3: () => (/* binding */ TASKS),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   oR: () => (/* binding */ FLAGGED_STATUSES),
/* harmony export */   yj: () => (/* binding */ MISSING_BASELINE_POLICIES)
/* harmony export */ });
/* unused harmony exports STATUSES, BASELINE_SOURCES, CONCLUSIONS, COMMENT_MODES, ACTION_MODES, conclusionFor */
/**
 * Policy and vocabularies, in one pure module: the closed lists of words evalgate reads and writes
 * (tasks, statuses, verdicts, policies, conclusions) as `as const` arrays with the types derived from
 * them, and the one mapping from a verdict to a check conclusion and an exit code (docs/design.md,
 * "Exit codes"). The action, the CLI, the config schema, the readers and the untrusted-report parser
 * all use these lists, so a new word is added here once.
 */
/** Concrete tasks, as detected from the data or configured. */
const TASKS = ['binary', 'multiclass', 'multilabel', 'regression', 'generation'];
/** Task settings accepted by the config and the CLI's `--task`: a task, or `auto` (detect it). */
const TASK_SETTINGS = ['auto', ...TASKS];
/** Tasks a stored result or report may carry: `aggregate` is a result built from metric files only. */
const RESULT_TASKS = [...TASKS, 'aggregate'];
/** Status of one metric comparison (docs/design.md, "Diagnosis rules"). */
const STATUSES = (/* unused pure expression or super */ null && ([
    'regressed',
    'warn',
    'drifted',
    'inconclusive',
    'improved',
    'unchanged',
    'new',
    'missing',
    'skipped',
    'waived',
]));
/** Statuses that flag a metric for attention: what a waiver can turn into `waived`. */
const FLAGGED_STATUSES = ['regressed', 'warn', 'drifted'];
/** The gate's overall verdict. */
const VERDICTS = ['pass', 'warn', 'fail', 'no-baseline'];
/** What a regression of a metric does to the verdict. */
const SEVERITIES = ['fail', 'warn'];
/** Which way a metric is better. */
const DIRECTIONS = ['higher', 'lower'];
/** Where a baseline came from: a local path, an earlier run's artifact, or none was found. */
const BASELINE_SOURCES = (/* unused pure expression or super */ null && (['path', 'artifact', 'none']));
/** Input `fail-on` / CLI `--fail-on`: which verdicts fail the step (exit 1). */
const FAIL_ON = ['regression', 'warn', 'never'];
/** What a missing baseline does (`on-missing-baseline`, or the config's `on_missing_baseline`). */
const MISSING_BASELINE_POLICIES = ['pass', 'warn', 'fail'];
/** What a gated metric that is worse than its tolerance, but not significantly, does to the verdict. */
const INCONCLUSIVE_POLICIES = ['pass', 'warn', 'fail'];
/**
 * What a difference between the baseline's and this run's eval setup (harness version, task config) does
 * (config `on_setup_change`; docs/configuration.md).
 */
const SETUP_CHANGE_POLICIES = ['warn', 'fail', 'ignore'];
/** The check run's (and the step's) conclusion, as evalgate sets it. */
const CONCLUSIONS = (/* unused pure expression or super */ null && (['success', 'neutral', 'failure']));
/** Input `comment`: when to post the PR comment. */
const COMMENT_MODES = (/* unused pure expression or super */ null && (['always', 'on-change', 'on-regression', 'never']));
/** Input `mode`: gate this run, or publish the report a fork's run left behind. */
const ACTION_MODES = (/* unused pure expression or super */ null && (['gate', 'publish']));
/** True when `value` is one of `list` (narrows its type). */
function isOneOf(list, value) {
    return list.includes(value);
}
/**
 * The step's and the check run's conclusion for a verdict under `fail-on` and the missing-baseline
 * policy: `failure` fails the step; `neutral` flags it without failing.
 */
function conclusionFor(verdict, failOn, missingPolicy) {
    switch (verdict) {
        case 'no-baseline':
            return missingPolicy === 'fail' ? 'failure' : missingPolicy === 'warn' ? 'neutral' : 'success';
        case 'fail':
            return failOn === 'never' ? 'neutral' : 'failure';
        case 'warn':
            return failOn === 'warn' ? 'failure' : 'neutral';
        case 'pass':
            return 'success';
    }
}
/** Process exit codes (docs/design.md, "Exit codes"). */
const EXIT = {
    /** Verdict pass, or one that `fail-on` lets through. */
    ok: 0,
    /** The verdict fails the gate. */
    regression: 1,
    /** Bad input or usage: the message names file, line and field. */
    badInput: 2,
    /** An internal error (a bug). */
    internal: 3,
};
/** The exit code for a verdict: 1 exactly when the conclusion is `failure`, as for the action's step. */
function exitCodeFor(verdict, failOn, missingPolicy) {
    return conclusionFor(verdict, failOn, missingPolicy) === 'failure' ? EXIT.regression : EXIT.ok;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/policy.ts
var policy = __nccwpck_require__(1237);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/readers/format-names.ts
/**
 * The registry's format names, in registry order, without loading any reader: `--help` lists them while
 * the CLI keeps the engine out of its start-up. test/readers/registry.test.ts keeps this equal to FORMATS.
 */
const FORMAT_NAMES = [
    'eval-result',
    'inspect-ai',
    'promptfoo',
    'mteb',
    'mteb-model-meta',
    'helm-stats',
    'helm-per-instance',
    'helm-run-spec',
    'helm-scenario',
    'helm-scenario-state',
    'lm-eval',
    'lm-eval-samples',
    'openai-evals',
    'olmo-eval',
    'olmo-eval-predictions',
    'hf-trainer',
    'parquet',
    'jsonl',
    'json-records',
    'csv',
    'tsv',
    'metric-map',
    'metric-map-yaml',
];

;// CONCATENATED MODULE: ./src/progress.ts
/**
 * Progress of long reads and computations, reported at most once a second (and not at all for short
 * runs): the CLI writes it to stderr when stderr is a terminal, the action to its log. Never stdout, so
 * `--format json` output stays clean.
 */
/** Does nothing (tests, library use). */
const NO_PROGRESS = { update() { } };
function mib(bytes) {
    return `${(bytes / (1 << 20)).toFixed(0)} MiB`;
}
/** Human line for an update, e.g. `reading eval.jsonl: 120 of 230 MiB (52%), 512,000 rows`. */
function formatProgress(p) {
    let s = p.stage;
    const parts = [];
    if (p.bytes !== undefined) {
        parts.push(p.totalBytes
            ? `${mib(p.bytes)} of ${mib(p.totalBytes)} (${Math.floor((100 * p.bytes) / p.totalBytes)}%)`
            : mib(p.bytes));
    }
    if (p.rows !== undefined)
        parts.push(`${p.rows.toLocaleString('en-US')} rows`);
    if (parts.length)
        s += `: ${parts.join(', ')}`;
    return s;
}
/**
 * A sink that writes `formatProgress` lines through `write`, the first one second after creation and
 * then at most once a second. `now` is injectable for tests.
 */
function throttledProgress(write, intervalMs = 1000, now = () => Date.now()) {
    let next = now() + intervalMs;
    return {
        update(p) {
            const t = now();
            if (t < next)
                return;
            next = t + intervalMs;
            write(formatProgress(p));
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `evalgate` command line: the same pure pipeline as the action, reading local files.
 * Exit codes (src/policy.ts; docs/design.md, "Exit codes"): 0 pass or warn, 1 regression (fail verdict,
 * or warn with --fail-on warn), 2 bad input or usage, 3 internal error.
 * Messages go to stderr; stdout carries only the report.
 */

// Inlined by the bundler: the CLI reports the version it was built from.





/**
 * The engine (config schema, YAML, readers, metrics, statistics, rendering) is loaded only when a
 * command runs: `--help`, `--version` and usage errors start without parsing it (the bundler splits it
 * into its own chunk).
 */
const engine = () => Promise.all([
    __nccwpck_require__.e(/* import() */ 954).then(__nccwpck_require__.bind(__nccwpck_require__, 1954)),
    Promise.all(/* import() */[__nccwpck_require__.e(175), __nccwpck_require__.e(200), __nccwpck_require__.e(57)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2057)),
    __nccwpck_require__.e(/* import() */ 970).then(__nccwpck_require__.bind(__nccwpck_require__, 5970)),
    __nccwpck_require__.e(/* import() */ 104).then(__nccwpck_require__.bind(__nccwpck_require__, 5104)),
    __nccwpck_require__.e(/* import() */ 332).then(__nccwpck_require__.bind(__nccwpck_require__, 1332)),
    __nccwpck_require__.e(/* import() */ 348).then(__nccwpck_require__.bind(__nccwpck_require__, 8348)),
]).then(([config, pipeline, source, json, markdown, table]) => ({
    ...config,
    ...pipeline,
    ...source,
    ...json,
    ...markdown,
    ...table,
}));
const HELP = `evalgate — gate ML model changes on their eval results

Usage:
  evalgate metrics <file...> [--task T] [--config F] [--format json|markdown] [--save-result F]
  evalgate compare --current <path...> --baseline <path...> [--config F]
                   [--format markdown|json] [--out F] [--save-result F]
                   [--fail-on regression|warn|never] [--task T]

Input formats (detected by content; config \`format:\` names one; docs/formats.md):
${FORMAT_NAMES.map((f) => `  ${f}`).join('\n')}
Folders are expanded to the supported files they hold.

Options:
  --task T          ${policy/* TASK_SETTINGS */.EL.join(', ')} (default: auto)
  --config F        YAML config (docs/configuration.md); without it the zero-config gate applies
  --format          metrics: json (default) or markdown; compare: markdown (default) or json
  --out F           compare: also write the JSON report to F
  --save-result F   write this run's EvalResult to F (use it as a later baseline)
  --fail-on         regression (default): exit 1 on a fail verdict; warn: also on warn; never: exit 0
  -h, --help        this help;  -v, --version  the version

Exit codes: 0 pass or warn, 1 regression, 2 bad input or usage, 3 internal error.
Docs, in the evalgate repository: docs/configuration.md, docs/formats.md, docs/metrics.md,
docs/statistics.md; docs/design.md for the JSON report and the exit codes.
`;
const VALUE_OPTIONS = new Set([
    'task',
    'config',
    'format',
    'out',
    'fail-on',
    'current',
    'baseline',
    'save-result',
]);
const MULTI = new Set(['current', 'baseline']);
/** Parses argv; `--current a b --baseline c` takes every following non-option as a value. */
function parseArgs(argv) {
    const out = { command: '', positionals: [], options: {}, flags: new Set() };
    let i = 0;
    let multi;
    while (i < argv.length) {
        const a = argv[i++];
        if (a === '-h' || a === '--help')
            out.flags.add('help');
        else if (a === '-v' || a === '--version')
            out.flags.add('version');
        else if (/^-[^-]/.test(a))
            throw new errors/* UsageError */.eb(`unknown option ${a} (see --help)`);
        else if (a.startsWith('--')) {
            const eq = a.indexOf('=');
            const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
            if (!VALUE_OPTIONS.has(name))
                throw new errors/* UsageError */.eb(`unknown option --${name}`);
            const value = eq > 0 ? a.slice(eq + 1) : argv[i++];
            if (value === undefined || value.startsWith('--'))
                throw new errors/* UsageError */.eb(`--${name} needs a value`);
            if (out.options[name] && !MULTI.has(name))
                throw new errors/* UsageError */.eb(`--${name} given twice`);
            (out.options[name] ??= []).push(value);
            multi = MULTI.has(name) ? name : undefined;
        }
        else if (!out.command)
            out.command = a;
        else if (multi)
            out.options[multi].push(a);
        else
            out.positionals.push(a);
    }
    return out;
}
const COMMAND_OPTIONS = {
    metrics: new Set(['task', 'config', 'format', 'save-result', 'current']),
    compare: new Set(['task', 'config', 'format', 'out', 'fail-on', 'current', 'baseline', 'save-result']),
};
/** An option given to a command that does not use it is a mistake, not something to ignore. */
function checkOptions(p) {
    const allowed = COMMAND_OPTIONS[p.command];
    if (!allowed)
        return;
    for (const name of Object.keys(p.options)) {
        if (!allowed.has(name))
            throw new errors/* UsageError */.eb(`--${name} does not apply to \`evalgate ${p.command}\` (see --help)`);
    }
}
/** Writes an output file; a path that cannot be written is a usage error, not a crash. */
function writeOutput(file, text) {
    try {
        (0,external_node_fs_.writeFileSync)(file, text);
    }
    catch (e) {
        throw new errors/* UsageError */.eb(`cannot write ${file}: ${e.code ?? e.message}`);
    }
}
function one(p, name, allowed) {
    const v = p.options[name]?.[0];
    if (v !== undefined && allowed && !allowed.includes(v)) {
        throw new errors/* UsageError */.eb(`--${name} must be one of ${allowed.join(', ')}; got "${v}"`);
    }
    return v;
}
/**
 * The run's config: `--config` read and validated, else the zero-config defaults (without loading the
 * YAML parser and the schema validator, which cost a small file's run ~40 ms).
 */
async function configFrom(p, defaultConfig) {
    const file = one(p, 'config');
    const config = file ? (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(463), __nccwpck_require__.e(200), __nccwpck_require__.e(757)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4757))).loadConfig(file) : defaultConfig();
    const task = one(p, 'task', policy/* TASK_SETTINGS */.EL);
    if (task)
        config.task = task;
    return config;
}
function version() {
    return package_namespaceObject.rE;
}
/**
 * Progress of long runs on stderr, only when stderr is a terminal (a redirected log stays clean) and
 * never on stdout.
 */
function progressFor(err, isTTY) {
    return isTTY ? throttledProgress((line) => err(`evalgate: ${line}\n`)) : undefined;
}
/** Runs the CLI; returns the exit code (never calls process.exit itself, for testability). */
async function main(argv, out, err, options = {}) {
    try {
        const p = parseArgs(argv);
        if (p.flags.has('version')) {
            out(`${version()}\n`);
            return policy/* EXIT */.dc.ok;
        }
        if (p.flags.has('help') || !p.command) {
            (p.command || p.flags.has('help') ? out : err)(HELP);
            return p.flags.has('help') ? policy/* EXIT */.dc.ok : policy/* EXIT */.dc.badInput;
        }
        checkOptions(p);
        if (p.command !== 'metrics' && p.command !== 'compare')
            throw new errors/* UsageError */.eb(`unknown command "${p.command}"; expected metrics or compare (see --help)`);
        const e = await engine();
        const progress = progressFor(err, options.stderrIsTTY === true);
        if (p.command === 'metrics') {
            const files = [...p.positionals, ...(p.options.current ?? [])];
            if (files.length === 0)
                throw new errors/* UsageError */.eb('metrics needs at least one input file');
            const format = one(p, 'format', ['json', 'markdown']) ?? 'json';
            const { result } = await e.computeCurrent(files, await configFrom(p, e.defaultConfig), undefined, progress);
            const save = one(p, 'save-result');
            if (save)
                writeOutput(save, e.serializeResult(result));
            out(format === 'json' ? e.renderMetricsJson(result) : e.renderMetricsMarkdown(result));
            return policy/* EXIT */.dc.ok;
        }
        if (p.command === 'compare') {
            const current = [...(p.options.current ?? []), ...p.positionals];
            const baseline = p.options.baseline ?? [];
            if (current.length === 0)
                throw new errors/* UsageError */.eb('compare needs --current <path...>');
            if (baseline.length === 0)
                throw new errors/* UsageError */.eb('compare needs --baseline <path...>');
            const format = one(p, 'format', ['markdown', 'json']) ?? 'markdown';
            const failOn = (one(p, 'fail-on', policy/* FAIL_ON */.d$) ?? 'regression');
            const config = await configFrom(p, e.defaultConfig);
            const cur = await e.computeCurrent(current, config, undefined, progress);
            const found = await new e.LocalPathBaselineSource(baseline, (paths) => e.loadBaseline(paths, config, progress), 'given on the command line').find();
            progress?.update({ stage: 'comparing the runs' });
            const report = e.runGate({
                current: cur,
                baseline: found.result ? found : null,
                baselineInfo: found.info,
                config,
            });
            const save = one(p, 'save-result');
            if (save)
                writeOutput(save, e.serializeResult(cur.result));
            const outFile = one(p, 'out');
            if (outFile)
                writeOutput(outFile, e.renderJson(report));
            out(format === 'json' ? e.renderJson(report) : e.renderMarkdown(report));
            return (0,policy/* exitCodeFor */.Rr)(report.verdict, failOn, config.onMissingBaseline ?? 'warn');
        }
        throw new errors/* UsageError */.eb(`unknown command "${p.command}"; expected metrics or compare (see --help)`);
    }
    catch (e) {
        if ((0,errors/* isExpectedError */.BI)(e)) {
            err(`evalgate: ${e instanceof errors/* InputError */.dz ? 'bad input' : 'usage'}: ${e.message}\n`);
            return policy/* EXIT */.dc.badInput;
        }
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/** CLI entry: only runs `main` and maps an unexpected crash to exit code 3 with its stack. */


main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), { stderrIsTTY: process.stderr.isTTY === true }).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`evalgate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = policy/* EXIT */.dc.internal;
});

