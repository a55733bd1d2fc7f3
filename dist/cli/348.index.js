export const id = 348;
export const ids = [348];
export const modules = {

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   PI: () => (/* binding */ escapeValue),
/* harmony export */   tn: () => (/* binding */ escapeCode)
/* harmony export */ });
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
function escapeMarkdown(text, maxLength = 200) {
    let s = String(text).replace(/[\r\n\t]+/g, ' ');
    // Control and bidi-override characters could disguise text.
    // eslint-disable-next-line no-control-regex
    s = s.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
    if (s.length > maxLength)
        s = s.slice(0, maxLength - 1) + '…';
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
function escapeValue(v, maxLength = 80) {
    if (v === undefined)
        return '';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return escapeMarkdown(s ?? String(v), maxLength);
}
/**
 * Text inside a code span: backticks and newlines cannot be escaped there, so they are replaced;
 * mentions and HTML are inert inside code spans.
 */
function escapeCode(text, maxLength = 200) {
    let s = String(text)
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/`/g, "'");
    if (s.length > maxLength)
        s = s.slice(0, maxLength - 1) + '…';
    return s;
}


/***/ }),

/***/ 1509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ fmtDelta),
/* harmony export */   PB: () => (/* binding */ fmtValue),
/* harmony export */   oF: () => (/* binding */ fmtP),
/* harmony export */   pT: () => (/* binding */ fmtPct)
/* harmony export */ });
/** Number formatting shared by the renderers: short, aligned, with a true minus sign. */
const MINUS = '\u2212';
/** A metric value: 4 decimals below 1, fewer for larger magnitudes, exponent for the very small. */
function fmtValue(v) {
    if (v === null || v === undefined)
        return 'n/a';
    const a = Math.abs(v);
    let s;
    if (a !== 0 && a < 1e-4)
        s = v.toExponential(2);
    else if (a >= 1e6)
        s = v.toExponential(3);
    else if (a >= 100)
        s = v.toFixed(1);
    else if (a >= 10)
        s = v.toFixed(2);
    else if (a >= 1)
        s = v.toFixed(3);
    else
        s = v.toFixed(4);
    return s.replace('-', MINUS);
}
/** A signed difference (+0.0123 / −0.0123). */
function fmtDelta(v) {
    if (v === null || v === undefined)
        return '';
    if (v === 0)
        return '0';
    const s = fmtValue(Math.abs(v));
    return (v > 0 ? '+' : MINUS) + s;
}
/** A signed percentage. */
function fmtPct(v) {
    if (v === null || v === undefined || !Number.isFinite(v))
        return '';
    if (v === 0)
        return '0%';
    const a = Math.abs(v);
    return (v > 0 ? '+' : MINUS) + (a >= 10 ? a.toFixed(1) : a.toFixed(2)) + '%';
}
/** A p-value. */
function fmtP(p) {
    if (p === null || p === undefined)
        return '';
    if (p < 1e-4)
        return '<0.0001';
    return p.toFixed(4);
}


/***/ }),

/***/ 8348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderMetricsJson: () => (/* binding */ renderMetricsJson),
/* harmony export */   renderMetricsMarkdown: () => (/* binding */ renderMetricsMarkdown)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7789);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1509);


function row(name, m) {
    const ci = m.ci ? `[${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtValue */ .PB)(m.ci[0])}, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtValue */ .PB)(m.ci[1])}]` : '';
    const value = m.value === null ? `n/a (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(m.undefined ?? 'undefined', 120)})` : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtValue */ .PB)(m.value);
    return `| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(name, 120)} | ${value} | ${m.stderr != null ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .fmtValue */ .PB)(m.stderr) : ''} | ${ci} | ${m.n ?? ''} | ${m.method ?? ''} |`;
}
/** Markdown tables of a result's metrics, overall then per slice. */
function renderMetricsMarkdown(r) {
    const out = [`### Metrics · task ${r.task}${r.n !== null ? ` · n = ${r.n}` : ''}`, ''];
    const head = [
        '| Metric | Value | Std. error | 95% CI | n | Method |',
        '| --- | ---: | ---: | ---: | ---: | --- |',
    ];
    out.push(...head);
    for (const name of Object.keys(r.metrics).sort())
        out.push(row(name, r.metrics[name]));
    for (const [field, values] of Object.entries(r.slices ?? {})) {
        for (const [value, s] of Object.entries(values)) {
            out.push('', `#### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(field, 60)} = ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(value, 60)} (n = ${s.n})`, '', ...head);
            for (const name of Object.keys(s.metrics).sort())
                out.push(row(name, s.metrics[name]));
        }
    }
    // Which reader read each file (formats are detected by content) and what the readers noted.
    if (r.sources.length) {
        out.push('', `Read: ${r.sources.map((s) => `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(s.file, 200)} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(s.format, 40)})`).join(', ')}`);
    }
    for (const n of r.notes ?? [])
        out.push('', `> ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(n, 500)}`);
    return out.join('\n') + '\n';
}
/** JSON of `evalgate metrics`: value, stderr, interval and n of every metric. */
function renderMetricsJson(r) {
    const strip = (ms) => Object.fromEntries(Object.entries(ms).map(([k, m]) => [
        k,
        {
            value: m.value,
            stderr: m.stderr ?? null,
            ci: m.ci ?? null,
            n: m.n,
            ...(m.method ? { method: m.method } : {}),
            ...(m.undefined ? { undefined: m.undefined } : {}),
        },
    ]));
    const slices = {};
    for (const [field, values] of Object.entries(r.slices ?? {})) {
        slices[field] = {};
        for (const [v, s] of Object.entries(values))
            slices[field][v] = { n: s.n, metrics: strip(s.metrics) };
    }
    const extra = {
        sources: r.sources.map((s) => ({ file: s.file, format: s.format })),
        ...(r.notes?.length ? { notes: r.notes } : {}),
    };
    return (JSON.stringify({ task: r.task, n: r.n, metrics: strip(r.metrics), slices, ...extra }, null, 2) + '\n');
}


/***/ })

};
