export const id = 332;
export const ids = [332];
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

/***/ 1332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeBaseline: () => (/* binding */ describeBaseline),
  renderMarkdown: () => (/* binding */ renderMarkdown)
});

// EXTERNAL MODULE: ./src/policy.ts
var policy = __webpack_require__(1237);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/render/trend-chart.ts
/**
 * Mermaid `xychart-beta` line charts of a metric over the history plus this run. GitHub renders
 * Mermaid in comments, check run summaries and job summaries. The chart text is code, not markdown:
 * escaping markdown would not help, so every label is reduced to a small safe alphabet (no quotes,
 * backticks, brackets or newlines that could end the string, the list or the code fence) and every
 * value is a plain finite decimal.
 */
/** Fewest points a chart is drawn with: two points are a line, not a trend. */
const MIN_CHART_POINTS = 3;
/** A label as a Mermaid string: safe characters only, at most `max` of them. */
function chartLabel(text, max = 40) {
    let s = String(text)
        .normalize('NFKC')
        .replace(/[^A-Za-z0-9 _.#/=:+%-]/g, '_');
    if (s.length > max)
        s = s.slice(0, max - 1) + '_';
    // `-->` is Mermaid syntax even inside some strings; `%%` starts a comment.
    return s.replace(/-->/g, '--_').replace(/%%/g, '%_');
}
/** A number Mermaid reads: finite, plain decimal notation, no exponent. */
function chartNumber(v) {
    if (!Number.isFinite(v))
        throw new Error(`chart value ${v} is not finite`);
    const s = String(Number(v.toPrecision(8)));
    if (!/e/i.test(s))
        return s;
    // Very small magnitudes: fixed notation; very large ones: the integer's digits.
    return Math.abs(v) < 1
        ? v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
        : BigInt(Math.round(v)).toString();
}
/**
 * The fenced Mermaid chart of one metric; undefined when fewer than MIN_CHART_POINTS points exist
 * (the caller says so in a note).
 */
function trendChart(metric, points) {
    const finite = points.filter((p) => Number.isFinite(p.value));
    if (finite.length < MIN_CHART_POINTS)
        return undefined;
    const values = finite.map((p) => p.value);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    // Some room around the line; a flat line gets a band of its own size (or 0.01 around zero).
    const pad = hi > lo ? (hi - lo) * 0.1 : Math.abs(hi) * 0.01 || 0.01;
    lo -= pad;
    hi += pad;
    const name = chartLabel(metric, 60);
    return [
        '```mermaid',
        'xychart-beta',
        `    title "${name}"`,
        `    x-axis [${finite.map((p) => `"${chartLabel(p.label, 20)}"`).join(', ')}]`,
        `    y-axis "${name}" ${chartNumber(lo)} --> ${chartNumber(hi)}`,
        `    line [${values.map(chartNumber).join(', ')}]`,
        '```',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/render/history.ts



/** Formats an ISO time as `2026-12-01 14:03 UTC` (or the raw text, escaped, when it is not one). */
function utc(iso) {
    if (!iso)
        return '';
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return (0,render_escape/* escapeMarkdown */.FV)(iso, 40);
    return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
const plural = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
/** One audit line per waiver considered: who/why, until when, what it waived, or why it no longer applies. */
function waiverLines(r) {
    const out = [];
    for (const w of r.waivers ?? []) {
        if (w.kind === 'label') {
            const who = w.actor
                ? `added by ${(0,render_escape/* escapeMarkdown */.FV)('@' + w.actor, 60)}`
                : 'added by (unknown: issue events not readable)';
            const when = w.at ? ` on ${utc(w.at)}` : '';
            out.push(`- 💤 **Waiver** by label \`${(0,render_escape/* escapeCode */.tn)(w.label ?? '', 80)}\`, ${who}${when}: ${w.applied ? `${plural(w.waived, 'row')} waived` : 'nothing to waive'}.`);
            continue;
        }
        const what = `**${(0,render_escape/* escapeMarkdown */.FV)(w.metric ?? '', 120)}**${w.slice ? ` [${(0,render_escape/* escapeMarkdown */.FV)(w.slice.field, 60)}=${(0,render_escape/* escapeMarkdown */.FV)(w.slice.value, 60)}]` : ''}`;
        const why = `“${(0,render_escape/* escapeMarkdown */.FV)(w.reason ?? '', 300)}”`;
        if (w.inactive) {
            out.push(`- ⌛ **Waiver** for ${what} no longer applies: ${(0,render_escape/* escapeMarkdown */.FV)(w.inactive, 200)} (reason was ${why}).`);
        }
        else {
            out.push(`- 💤 **Waiver** for ${what} (config, expires ${(0,render_escape/* escapeMarkdown */.FV)(w.expires ?? '', 20)}${w.until_baseline ? `, for baseline ${(0,render_escape/* escapeMarkdown */.FV)(w.until_baseline.slice(0, 7), 10)}` : ''}): ${why}; ${w.applied ? `${plural(w.waived, 'row')} waived` : 'nothing to waive'}.`);
        }
    }
    return out;
}
/** Drift lines: every drifted metric, then the checked ones that held. */
function driftLines(r) {
    const out = [];
    const all = r.drift ?? [];
    // A drifted row already says so among the reasons; here the drifts behind rows flagged otherwise.
    const rowStatus = (m) => r.comparisons.find((c) => !c.slice && c.metric === m)?.status;
    for (const d of all.filter((x) => x.drifted && rowStatus(x.metric) !== 'drifted')) {
        const icon = d.waived ? '💤' : '📉';
        out.push(`- ${icon} **drift** too: ${(0,render_escape/* escapeMarkdown */.FV)(d.reason, 400)}${d.waived ? ' (waived)' : ''}`);
    }
    const held = all.filter((x) => !x.drifted);
    if (held.length) {
        out.push(`- Drift within limits: ${held.map((d) => `${(0,render_escape/* escapeMarkdown */.FV)(d.metric, 80)} ${(0,format/* fmtDelta */.OJ)(d.delta)} vs ${d.reference_kind} ${(0,format/* fmtValue */.PB)(d.reference)} of ${d.window}`).join('; ')}.`);
    }
    return out;
}
/** Further comparisons (a release gate against the default branch), each a compact table. */
function sectionLines(r, table, describe) {
    const out = [];
    for (const s of r.sections ?? []) {
        const rows = s.comparisons.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
        out.push('', `#### ${(0,render_escape/* escapeMarkdown */.FV)(s.title, 200)} (${s.verdict}; informational, the verdict above decides)`, '');
        out.push(describe(s.baseline), '');
        if (rows.length)
            out.push(...table(rows));
        else
            out.push('_No gated metrics._');
    }
    return out;
}
/** Metrics charted: gated overall metrics with a current value, at most `charts`. */
function chartedMetrics(r) {
    const max = r.history?.charts ?? 0;
    return r.comparisons
        .filter((c) => !c.slice && c.gated && c.current !== null)
        .map((c) => c.metric)
        .slice(0, max);
}
/** The collapsed trends section: charts, then the history table. Empty when there is no history. */
function historySection(r) {
    const h = r.history;
    if (!h)
        return [];
    const metrics = chartedMetrics(r);
    const oldestFirst = [...h.entries].reverse();
    const where = h.branch ? ` on \`${(0,render_escape/* escapeCode */.tn)(h.branch, 100)}\`` : '';
    const out = [
        '',
        `<details><summary>Trends: ${plural(h.entries.length, 'earlier run')}${where} and this one</summary>`,
        '',
    ];
    const tooShort = [];
    for (const m of metrics) {
        const current = r.comparisons.find((c) => !c.slice && c.metric === m)?.current ?? null;
        const points = [];
        for (const e of oldestFirst) {
            const v = e.values[m];
            if (typeof v === 'number')
                points.push({ label: `#${e.run_number}`, value: v });
        }
        if (current !== null)
            points.push({ label: 'this run', value: current });
        const chart = trendChart(m, points);
        if (chart)
            out.push(chart, '');
        else
            tooShort.push((0,render_escape/* escapeMarkdown */.FV)(m, 80));
    }
    if (tooShort.length)
        out.push(`_No chart for ${tooShort.join(', ')}: fewer than ${MIN_CHART_POINTS} points (earlier runs with a value, and this one)._`, '');
    if (metrics.length === 0)
        out.push('_No gated metric to chart._', '');
    if (h.entries.length) {
        const shown = metrics.slice(0, 4);
        out.push(`| Run | Date | Commit | Verdict |${shown.map((m) => ` ${(0,render_escape/* escapeMarkdown */.FV)(m, 40)} |`).join('')}`, `| --- | --- | --- | --- |${shown.map(() => ' ---: |').join('')}`);
        for (const e of h.entries) {
            const run = e.url && /^https:\/\//.test(e.url) ? `[#${e.run_number}](${encodeURI(e.url)})` : `#${e.run_number}`;
            const cells = shown.map((m) => ` ${(0,format/* fmtValue */.PB)(e.values[m] ?? null)} |`).join('');
            out.push(`| ${run} | ${utc(e.created_at)} | \`${(0,render_escape/* escapeCode */.tn)(e.commit.slice(0, 7), 7)}\` | ${(0,render_escape/* escapeMarkdown */.FV)(e.verdict ?? '—', 20)} |${cells}`);
        }
        out.push('');
    }
    const skipped = Object.entries(h.skipped).filter(([, n]) => n > 0);
    if (skipped.length)
        out.push(`_Left out of the history: ${skipped.map(([why, n]) => `${n} (${(0,render_escape/* escapeMarkdown */.FV)(why, 80)})`).join(', ')}._`, '');
    out.push('</details>');
    return out;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts




const ICON = {
    regressed: '🔴',
    warn: '🟠',
    drifted: '📉',
    inconclusive: '🟡',
    improved: '🟢',
    unchanged: '⚪',
    new: '🆕',
    missing: '❔',
    skipped: '⏭️',
    waived: '💤',
};
const LABEL = {
    regressed: 'regressed',
    warn: 'warning',
    drifted: 'drifted',
    inconclusive: 'inconclusive',
    improved: 'improved',
    unchanged: 'unchanged',
    new: 'new',
    missing: 'missing',
    skipped: 'skipped',
    waived: 'waived',
};
/** Readable names of the statistical tests. */
const METHOD = {
    'mcnemar-exact': 'exact McNemar',
    'paired-t': 'paired t',
    'paired-z': 'paired z',
    'paired-clustered-z': 'paired z with clustered SE',
    'paired-clustered-t': 'cluster-robust paired t (CR1)',
    'paired-proportion-score': "Tango's score test",
    'paired-randomization': 'paired randomization',
    'paired-bootstrap': 'paired bootstrap',
    delong: 'paired DeLong',
    'unpaired-z': 'unpaired z from standard errors',
};
const VERDICT = {
    pass: '✅ **Pass**',
    warn: '⚠️ **Warning**',
    fail: '❌ **Fail**',
    'no-baseline': '❔ **No baseline**',
};
function verdictLine(r, title) {
    const parts = [];
    if (r.regressions)
        parts.push(`${r.regressions} regression${r.regressions === 1 ? '' : 's'}`);
    if (r.warnings)
        parts.push(`${r.warnings} warning${r.warnings === 1 ? '' : 's'}`);
    const drifted = r.comparisons.filter((c) => c.status === 'drifted').length;
    if (drifted)
        parts.push(`${drifted} drifted`);
    const waived = (r.waivers ?? []).reduce((n, w) => n + w.waived, 0);
    if (waived)
        parts.push(`${waived} waived`);
    if (r.inconclusive)
        parts.push(`${r.inconclusive} not confirmed`);
    const improved = r.comparisons.filter((c) => c.status === 'improved' && !c.slice).length;
    if (improved)
        parts.push(`${improved} improved`);
    if (r.verdict === 'pass' && parts.length === 0)
        parts.push('no significant change');
    return `### ${VERDICT[r.verdict]} · ${(0,render_escape/* escapeMarkdown */.FV)(title)}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}
/** "Baseline: run #1234 (commit 1a2b3c4 on main) — why". */
function describeBaseline(b) {
    if (b.source === 'none')
        return `**Baseline:** none — ${(0,render_escape/* escapeMarkdown */.FV)(b.reason, 300)}`;
    const bits = [];
    if (b.source === 'path' && b.path)
        bits.push(`file \`${(0,render_escape/* escapeCode */.tn)(b.path)}\``);
    if (b.run_id !== undefined) {
        const label = b.run_number !== undefined ? `run #${b.run_number}` : `run ${b.run_id}`;
        bits.push(b.url && /^https:\/\//.test(b.url) ? `[${label}](${encodeURI(b.url)})` : label);
    }
    if (b.commit)
        bits.push(`commit \`${(0,render_escape/* escapeMarkdown */.FV)(b.commit.slice(0, 7))}\``);
    if (b.branch)
        bits.push(`on \`${(0,render_escape/* escapeCode */.tn)(b.branch)}\``);
    return `**Baseline:** ${bits.join(', ')}${b.reason ? ` — ${(0,render_escape/* escapeMarkdown */.FV)(b.reason, 300)}` : ''}`;
}
/** A value with its 95% interval as [lo, hi]: intervals are often asymmetric (Wilson, DeLong, bootstrap). */
function valueCell(v, ci) {
    if (v === null)
        return 'n/a';
    return ci && Number.isFinite(ci[0]) && Number.isFinite(ci[1])
        ? `${(0,format/* fmtValue */.PB)(v)} [${(0,format/* fmtValue */.PB)(ci[0])}, ${(0,format/* fmtValue */.PB)(ci[1])}]`
        : (0,format/* fmtValue */.PB)(v);
}
/**
 * Δ with the one-sided bound from the same test as p ("Δ ≤ bound" when higher is better), so that the
 * interval shown and the p-value always tell the same story; the two-sided interval when there is no
 * bound.
 */
function deltaCell(c) {
    if (c.delta === null)
        return '';
    const b = c.test?.bound;
    if (b !== null && b !== undefined && Number.isFinite(b))
        return `${(0,format/* fmtDelta */.OJ)(c.delta)} (${c.direction === 'higher' ? '≤' : '≥'} ${(0,format/* fmtDelta */.OJ)(b)})`;
    const ci = c.test?.ci_delta;
    return ci ? `${(0,format/* fmtDelta */.OJ)(c.delta)} [${(0,format/* fmtDelta */.OJ)(ci[0])}, ${(0,format/* fmtDelta */.OJ)(ci[1])}]` : (0,format/* fmtDelta */.OJ)(c.delta);
}
/**
 * One line per inconclusive gated metric: "accuracy −0.1000 not confirmed: with n = 40 only a worsening
 * ≥ 0.21 is detectable".
 */
function inconclusiveLines(r) {
    const out = [];
    for (const c of r.comparisons) {
        if (c.status !== 'inconclusive' || c.slice)
            continue;
        const name = `**${(0,render_escape/* escapeMarkdown */.FV)(c.metric, 120)}** ${(0,format/* fmtDelta */.OJ)(c.delta)}`;
        const n = c.n_current ?? c.n_baseline;
        if (c.mde !== null && c.mde !== undefined)
            out.push(`- ${ICON.inconclusive} ${name} not confirmed: with${n !== null && n !== undefined ? ` n = ${n}` : ' this eval'} only a worsening ≥ ${(0,format/* fmtValue */.PB)((c.tolerance ?? 0) + c.mde)} is detectable.`);
        else if (c.test?.p_value != null)
            out.push(`- ${ICON.inconclusive} ${name} not confirmed: too few examples changed for this test to confirm any worsening.`);
        else
            out.push(`- ${ICON.inconclusive} ${name} untested: ${(0,render_escape/* escapeMarkdown */.FV)(c.reason, 300)}`);
    }
    return out;
}
function pCell(c) {
    const p = c.test?.p_value;
    if (p === null || p === undefined)
        return '';
    const adj = c.p_adjusted;
    return adj !== null && adj !== undefined && adj !== p ? `${(0,format/* fmtP */.oF)(p)} (${(0,format/* fmtP */.oF)(adj)})` : (0,format/* fmtP */.oF)(p);
}
function metricCell(c) {
    const name = (0,render_escape/* escapeMarkdown */.FV)(c.metric, 120);
    const shown = c.gated ? `**${name}**` : name;
    return c.undefined && (c.current === null || c.baseline === null) ? `${shown} ⓘ` : shown;
}
function table(rows, withSlice) {
    const head = withSlice
        ? ['', 'Slice', 'Metric', 'Baseline', 'Current', 'Δ (95% bound)', 'Δ%', 'p (adj.)']
        : ['', 'Metric', 'Baseline', 'Current', 'Δ (95% bound)', 'Δ%', 'p (adj.)'];
    const lines = [
        `| ${head.join(' | ')} |`,
        `|${head.map((_, i) => (i >= (withSlice ? 3 : 2) ? ' ---: ' : ' --- ')).join('|')}|`,
    ];
    for (const c of rows) {
        const cells = [
            `${ICON[c.status]}`,
            ...(withSlice
                ? [c.slice ? `${(0,render_escape/* escapeMarkdown */.FV)(c.slice.field, 60)}=${(0,render_escape/* escapeMarkdown */.FV)(c.slice.value, 60)}` : '']
                : []),
            metricCell(c),
            valueCell(c.baseline, c.baseline_ci),
            valueCell(c.current, c.current_ci),
            deltaCell(c),
            (0,format/* fmtPct */.pT)(c.delta_pct),
            pCell(c),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines;
}
function reasons(rows) {
    const out = [];
    for (const c of rows) {
        if (![...policy/* FLAGGED_STATUSES */.oR, 'inconclusive', 'missing', 'skipped'].includes(c.status) &&
            !(c.status === 'unchanged' && c.gated && c.reason.includes('not significant')))
            continue;
        const where = c.slice
            ? ` [${(0,render_escape/* escapeMarkdown */.FV)(c.slice.field, 60)}=${(0,render_escape/* escapeMarkdown */.FV)(c.slice.value, 60)}]`
            : '';
        out.push(`- ${ICON[c.status]} **${(0,render_escape/* escapeMarkdown */.FV)(c.metric, 120)}**${where} ${LABEL[c.status]}: ${(0,render_escape/* escapeMarkdown */.FV)(c.reason, 400)}`);
    }
    return out;
}
/**
 * Which shown metrics had their direction read from their name (docs/metrics.md): a reading the
 * reader can check, and correct with `direction:` where it is wrong.
 */
function directionNote(rows, max) {
    const named = rows.filter((c) => c.direction_from_name !== undefined);
    if (named.length === 0)
        return undefined;
    const list = named
        .slice(0, max)
        .map((c) => `${(0,render_escape/* escapeMarkdown */.FV)(c.metric, 120)} (${(0,render_escape/* escapeMarkdown */.FV)(c.direction_from_name ?? '', 40)}: ${c.direction} is better)`)
        .join(', ');
    const more = named.length > max ? `, and ${named.length - max} more` : '';
    return `_Direction from the name: ${list}${more}. Set \`direction:\` in the config where this is wrong._`;
}
function flippedTable(title, rows) {
    if (rows.length === 0)
        return [];
    const numeric = rows.some((r) => r.change !== undefined);
    const out = [
        `**${title}**`,
        '',
        numeric ? '| id | label | baseline | current | change |' : '| id | label | baseline | current |',
        numeric ? '| --- | --- | --- | --- | ---: |' : '| --- | --- | --- | --- |',
    ];
    for (const r of rows) {
        const cells = [
            (0,render_escape/* escapeValue */.PI)(r.id, 60),
            (0,render_escape/* escapeValue */.PI)(r.label),
            (0,render_escape/* escapeValue */.PI)(r.baseline_prediction),
            (0,render_escape/* escapeValue */.PI)(r.current_prediction),
        ];
        if (numeric)
            cells.push((0,format/* fmtDelta */.OJ)(r.change ?? null));
        out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
    return out;
}
function render(r, o, d) {
    const title = o.title ?? r.gate_id ?? 'evalgate';
    const out = [verdictLine(r, title), ''];
    const unsure = inconclusiveLines(r);
    if (unsure.length)
        out.push(...unsure.slice(0, d.maxRows), '');
    out.push(describeBaseline(r.baseline));
    const facts = [`task ${r.task}`];
    if (r.profile)
        facts.push(`profile \`${(0,render_escape/* escapeCode */.tn)(r.profile, 40)}\``);
    if (r.current.n !== null)
        facts.push(`n = ${r.current.n}`);
    if (r.pairing) {
        facts.push(r.pairing.paired
            ? `paired on ${r.pairing.overlap} example${r.pairing.overlap === 1 ? '' : 's'}`
            : 'unpaired (no shared example ids)');
    }
    facts.push(r.settings.significance === null
        ? 'thresholds alone decide (no significance level set)'
        : r.settings.correction === 'none'
            ? `one-sided tests at ${r.settings.significance}; no gated metric could be tested`
            : `one-sided tests at ${r.settings.significance}, ${correctionText(r.settings.correction)}`);
    out.push('', facts.join(' · '), '');
    const overall = r.comparisons.filter((c) => !c.slice);
    const primary = overall.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
    const others = overall.filter((c) => !primary.includes(c));
    let shown = primary;
    let omitted = 0;
    if (shown.length > d.maxRows) {
        omitted = shown.length - d.maxRows;
        shown = shown.slice(0, d.maxRows);
    }
    if (shown.length > 0)
        out.push(...table(shown, false));
    else
        out.push('_No gated metrics._');
    if (omitted > 0)
        out.push('', `_…and ${omitted} more rows (at most ${d.maxRows} are listed): ${d.rest}._`);
    const why = reasons(overall);
    if (why.length)
        out.push('', ...why.slice(0, d.maxRows));
    const named = directionNote(primary, d.maxRows);
    if (named)
        out.push('', named);
    const audit = waiverLines(r);
    if (audit.length)
        out.push('', ...audit);
    const drift = driftLines(r);
    if (drift.length)
        out.push('', ...drift);
    for (const n of r.notes)
        out.push('', `> ${(0,render_escape/* escapeMarkdown */.FV)(n, 500)}`);
    out.push(...sectionLines(r, (rows) => table(rows.slice(0, d.maxRows), false), describeBaseline));
    if (r.history) {
        if (d.history)
            out.push(...historySection(r));
        else
            out.push('', '_Trends and history: see the full report._');
    }
    if (others.length > 0) {
        if (d.others) {
            out.push('', `<details><summary>Other metrics (${others.length}, not gated)</summary>`, '', ...table(others.slice(0, d.maxRows), false));
            if (others.length > d.maxRows)
                out.push('', `_…and ${others.length - d.maxRows} more._`);
            out.push('', '</details>');
        }
        else {
            out.push('', `_${others.length} other metrics (not gated): ${d.rest}._`);
        }
    }
    const sliceRows = r.comparisons.filter((c) => c.slice);
    if (sliceRows.length > 0) {
        const bad = sliceRows.filter((c) => c.status === 'regressed' || c.status === 'warn');
        const summary = `Slices (${new Set(sliceRows.map((c) => `${c.slice.field}=${c.slice.value}`)).size}${bad.length ? `, ${bad.length} regressed` : ''})`;
        if (d.slices) {
            // Gated slice rows and real changes; the rest (reported-only, within noise) is in the JSON report.
            const rows = sliceRows.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
            out.push('', `<details${bad.length ? ' open' : ''}><summary>${summary}</summary>`, '');
            if (rows.length > 0)
                out.push(...table(rows.slice(0, d.maxRows), true));
            else
                out.push('_No gated slice metric, and no slice metric changed beyond noise._');
            if (rows.length > d.maxRows)
                out.push('', `_…and ${rows.length - d.maxRows} more slice rows (at most ${d.maxRows} are listed): ${d.rest}._`);
            const sw = reasons(bad);
            if (sw.length)
                out.push('', ...sw.slice(0, d.maxRows));
            out.push('', '</details>');
        }
        else {
            out.push('', `_${summary}: ${d.rest}._`);
        }
    }
    if (r.flipped && (r.flipped.worse > 0 || r.flipped.better > 0)) {
        const f = r.flipped;
        const summary = `Flipped examples (${(0,render_escape/* escapeMarkdown */.FV)(f.outcome)}): ${f.worse} worse, ${f.better} better`;
        if (d.flipped) {
            out.push('', `<details><summary>${summary}</summary>`, '');
            out.push(...flippedTable('Worse', f.top_worse), ...flippedTable('Better', f.top_better));
            out.push('</details>');
        }
        else {
            out.push('', `_${summary}: ${d.rest}._`);
        }
    }
    const methods = [
        ...new Set(r.comparisons
            .filter((c) => c.gated && c.test?.p_value != null)
            .map((c) => METHOD[c.test.method] ?? c.test.method)),
    ];
    const tests = methods.length
        ? ` Tests of gated metrics: ${methods.map((m) => (0,render_escape/* escapeMarkdown */.FV)(m)).join(', ')}.`
        : '';
    out.push('', `<sub>Δ = current − baseline; [ ] are 95% intervals; (≤ b) is the one-sided 95% bound of Δ from the same test as p, which is one-sided (worse than the tolerance), adjusted in parentheses. **Bold** metrics are gated.${tests}</sub>`);
    return out.join('\n') + '\n';
}
/** "Holm-corrected (overall), BH-corrected (slices)" from the report's `settings.correction`. */
function correctionText(c) {
    return c
        .split(', ')
        .map((part) => part.startsWith('holm')
        ? 'Holm-corrected over the gated metrics'
        : part.startsWith('benjamini')
            ? 'Benjamini–Hochberg over the gated slices'
            : (0,render_escape/* escapeMarkdown */.FV)(part))
        .join(', ');
}
/**
 * Renders the report, dropping detail (flipped examples, slices, ungated metrics, then rows) until it
 * fits `maxChars` (and `maxBytes`); a pointer to where the rest is replaces what was left out.
 */
function renderMarkdown(report, options = {}) {
    const max = options.maxChars ?? (options.maxBytes !== undefined ? Infinity : 65_000);
    const maxBytes = options.maxBytes ?? Infinity;
    const fits = (s) => s.length <= max && (maxBytes === Infinity || Buffer.byteLength(s, 'utf8') <= maxBytes);
    // Only the JSON report holds every row (the markdown lists at most 1,000 per table): say so, and
    // where the caller put it; the job summary is named only as "more", never as the full report.
    const json = `every row is in the JSON report${options.jsonReport ? ` (${options.jsonReport})` : ''}`;
    const rest = options.detailsUrl
        ? `the [job summary](${encodeURI(options.detailsUrl)}) shows more; ${json}`
        : json;
    const pointer = `\n_Report shortened to fit; ${rest}._\n`;
    const levels = [
        { history: true, slices: true, flipped: true, others: true, maxRows: 1000, rest: json },
        { history: true, slices: true, flipped: false, others: true, maxRows: 200, rest },
        { history: true, slices: false, flipped: false, others: true, maxRows: 200, rest },
        { history: false, slices: false, flipped: false, others: false, maxRows: 100, rest },
        { history: false, slices: false, flipped: false, others: false, maxRows: 30, rest },
        { history: false, slices: false, flipped: false, others: false, maxRows: 5, rest },
    ];
    for (let i = 0; i < levels.length; i++) {
        const text = render(report, options, levels[i]);
        const final = i === 0 ? text : text + pointer;
        if (fits(final))
            return final;
    }
    const text = render(report, options, levels[levels.length - 1]);
    // Cut at a line boundary so no table row or entity is split; in bytes too when a byte limit is set.
    let cut = text.lastIndexOf('\n', Math.min(max, text.length) - pointer.length - 1);
    while (cut > 0 && !fits(text.slice(0, cut) + '\n' + pointer))
        cut = text.lastIndexOf('\n', cut - 1);
    return text.slice(0, Math.max(0, cut)) + '\n' + pointer;
}


/***/ })

};
