export const id = 57;
export const ids = [57];
export const modules = {

/***/ 2057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  computeCurrent: () => (/* binding */ computeCurrent),
  computeResult: () => (/* binding */ computeResult),
  loadBaseline: () => (/* binding */ loadBaseline),
  mappingOf: () => (/* binding */ mappingOf),
  readInputs: () => (/* binding */ readInputs),
  recordsFromColumns: () => (/* reexport */ recordsFromColumns),
  runGate: () => (/* binding */ runGate)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/diagnose/input.ts
/**
 * MetricOptions equivalent of a config, including the file's field names so that validation errors
 * name the field as the user's file spells it (`gold`, not `label`).
 */
function metricOptionsOf(config) {
    const fields = { ...config.fields };
    if (config.cluster !== undefined)
        fields.cluster = config.cluster;
    return {
        task: config.task,
        positiveLabel: config.positiveLabel,
        classes: config.classes,
        topK: config.topK,
        normalize: config.normalize,
        fields,
    };
}

;// CONCATENATED MODULE: ./src/metrics/value-check.ts
/**
 * Value checks and the words of validation messages shared by task detection and encoding: what kind a
 * value is, how it is shown, and the field names as the user's file spells them.
 */

/** Field names of the options, defaulting to `id`, `label`, `prediction`, `probabilities`, `cluster`. */
function fieldNames(opts) {
    const f = opts.fields ?? {};
    return {
        id: f.id ?? 'id',
        label: f.label ?? 'label',
        prediction: f.prediction ?? 'prediction',
        probabilities: f.probabilities ?? 'probabilities',
        cluster: f.cluster ?? 'cluster',
    };
}
/** Throws the InputError of a record (its file and line) and field. */
function fail(rec, field, message) {
    throw new errors/* InputError */.dz(message, { file: rec?.source?.file, line: rec?.source?.line, field });
}
/** `file:line` of a record, for "first at …" messages. */
function where(rec) {
    const s = rec.source;
    if (!s)
        return 'another example';
    return s.line !== undefined ? `${s.file}:${s.line}` : s.file;
}
/** What kind of value `v` is. */
function kindOf(v) {
    if (v === undefined || v === null)
        return 'missing';
    switch (typeof v) {
        case 'string':
            return 'string';
        case 'boolean':
            return 'boolean';
        case 'number':
            return Number.isFinite(v) ? 'number' : 'non-finite';
        default:
            return Array.isArray(v) ? 'array' : 'object';
    }
}
/** Value kinds in words ("a string", …). */
const KIND_WORDS = {
    string: 'a string',
    number: 'a number',
    boolean: 'a boolean',
    missing: 'nothing',
    'non-finite': 'a non-finite number',
    array: 'a list',
    object: 'an object',
};
/** A value as JSON, cut to 60 characters, for messages. */
function show(v) {
    let s;
    try {
        s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
    }
    catch {
        s = String(v);
    }
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
/** Sort order of np.unique: numbers numerically, strings by code point, false before true. */
function compareScalars(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean')
        return Number(a) - Number(b);
    return compareCodePoints(String(a), String(b));
}
/** Code point order (numpy's unicode order), which differs from UTF-16 `<` for astral characters. */
function compareCodePoints(a, b) {
    let i = 0;
    while (i < a.length && i < b.length) {
        const x = a.codePointAt(i);
        const y = b.codePointAt(i);
        if (x !== y)
            return x < y ? -1 : 1;
        i += x > 0xffff ? 2 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
/** The class name of a scalar value (its string form). */
function className(v) {
    return String(v);
}
/** Up to ten class names, quoted, for messages. */
function listClasses(values) {
    const shown = values.slice(0, 10).map((v) => JSON.stringify(className(v)));
    return shown.join(', ') + (values.length > 10 ? `, … (${values.length} in all)` : '');
}
/** InputError `missing <field>` when the value is missing. */
function checkPresent(rec, kind, field) {
    if (kind === 'missing')
        fail(rec, field, `missing ${field}`);
}
/**
 * The one scalar type of all labels and predictions; InputError at the first value of another type or of
 * a type that is not a class/number.
 */
function scalarKind(records, f) {
    const state = { kind: undefined, first: undefined, firstField: '' };
    for (const rec of records) {
        checkScalar(rec, f.label, rec.label, state);
        checkScalar(rec, f.prediction, rec.prediction, state);
    }
    return state.kind;
}
function checkScalar(rec, field, v, state) {
    const k = kindOf(v);
    if (k === state.kind)
        return;
    if (k === 'missing')
        fail(rec, field, `missing ${field}`);
    if (k !== 'string' && k !== 'number' && k !== 'boolean') {
        fail(rec, field, `expected a class (string, number or boolean) or a number; got ${KIND_WORDS[k]} ${show(v)}`);
    }
    if (state.kind === undefined) {
        state.kind = k;
        state.first = rec;
        state.firstField = field;
        return;
    }
    fail(rec, field, `mixed value types: ${KIND_WORDS[k]} ${show(v)} here, but ${state.firstField} at ${where(state.first)} is ${KIND_WORDS[state.kind]}; labels and predictions must all be numbers, all strings or all booleans`);
}

;// CONCATENATED MODULE: ./src/metrics/encode-classification.ts
/** Encoding of binary and multiclass records: classes, the positive class, class indices, probabilities. */


/** Tolerance of the multiclass "probabilities sum to 1" check. */
const PROBABILITY_SUM_TOLERANCE = 1e-6;
/** The first record that has probabilities and the count of records that have them. */
function probabilityPresence(records, f) {
    let count = 0;
    for (const rec of records)
        if (kindOf(rec.probabilities) !== 'missing')
            count++;
    if (count > 0 && count < records.length) {
        const rec = records.find((r) => kindOf(r.probabilities) === 'missing');
        fail(rec, f.probabilities, `missing ${f.probabilities} (other examples have them; give them for every example or for none)`);
    }
    return count;
}
/** Converts a config value (classes, positive_label) or probability-object key to the data's class type. */
/** A config value or probability-object key as a class of the data's type (undefined: no match). */
function toClassValue(v, kind) {
    if (kind === 'string')
        return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    if (kind === 'number') {
        if (typeof v === 'number')
            return Number.isFinite(v) ? v : undefined;
        if (typeof v === 'string' && v.trim() !== '') {
            const x = Number(v);
            return Number.isFinite(x) ? x : undefined;
        }
        return undefined;
    }
    if (typeof v === 'boolean')
        return v;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    return undefined;
}
/** The default positive-class rule (1, true, "positive", "yes"). */
function isDefaultPositive(v) {
    if (typeof v === 'number')
        return v === 1;
    if (typeof v === 'boolean')
        return v;
    const s = v.toLowerCase();
    return s === '1' || s === 'true' || s === 'positive' || s === 'yes';
}
/** Class columns (and probabilities) of a binary or multiclass dataset. */
function encodeClassification(records, opts, f, ds, task) {
    const n = records.length;
    const kind = scalarKind(records, f);
    const distinct = new Set();
    for (const rec of records) {
        distinct.add(rec.label);
        distinct.add(rec.prediction);
    }
    const nProba = probabilityPresence(records, f);
    const file0 = records[0];
    let universe;
    let configOrder;
    if (task === 'multiclass' && nProba > 0 && opts.classes !== undefined) {
        if (!Array.isArray(opts.classes) || opts.classes.length === 0) {
            throw new errors/* InputError */.dz('expected a non-empty list of classes', { field: 'classes' });
        }
        configOrder = [];
        const seen = new Set();
        for (const c of opts.classes) {
            const v = toClassValue(c, kind);
            if (v === undefined) {
                throw new errors/* InputError */.dz(`class ${show(c)} does not match the data, whose classes are ${kind}s`, {
                    field: 'classes',
                });
            }
            if (seen.has(v))
                throw new errors/* InputError */.dz(`duplicate class ${show(c)}`, { field: 'classes' });
            seen.add(v);
            configOrder.push(v);
        }
        for (const rec of records) {
            if (!seen.has(rec.label)) {
                fail(rec, f.label, `class ${show(rec.label)} is not one of the configured classes (${listClasses(configOrder)})`);
            }
            if (!seen.has(rec.prediction)) {
                fail(rec, f.prediction, `class ${show(rec.prediction)} is not one of the configured classes (${listClasses(configOrder)})`);
            }
        }
        universe = configOrder.slice();
    }
    else {
        universe = [...distinct];
    }
    universe.sort(compareScalars);
    const index = new Map();
    universe.forEach((v, i) => index.set(v, i));
    ds.classes = universe.map(className);
    const k = universe.length;
    const yTrue = new Int32Array(n);
    const yPred = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        yTrue[i] = index.get(records[i].label);
        yPred[i] = index.get(records[i].prediction);
    }
    ds.yTrue = yTrue;
    ds.yPred = yPred;
    if (task === 'binary') {
        if (k > 2) {
            fail(file0, f.label, `task binary needs at most 2 classes; found ${k}: ${listClasses(universe)} (set task: multiclass)`);
        }
        ds.posIndex = positiveIndex(universe, kind, opts, f, file0);
        if (nProba > 0) {
            const score = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                const rec = records[i];
                const p = rec.probabilities;
                if (typeof p !== 'number') {
                    fail(rec, f.probabilities, `binary ${f.probabilities} must be a number, the probability of the positive class ${show(className(universe[ds.posIndex]))}; got ${KIND_WORDS[kindOf(p)]}`);
                }
                checkProbability(rec, f.probabilities, p);
                score[i] = p;
            }
            ds.score = score;
        }
        return;
    }
    if (nProba > 0) {
        const proba = new Float64Array(n * k);
        // Column of each config-order position (array format).
        const arrayCols = configOrder?.map((v) => index.get(v));
        const stamp = new Int32Array(k);
        // Object keys repeat on every row: parse each distinct key once.
        const keyColumn = new Map();
        for (let i = 0; i < n; i++) {
            const rec = records[i];
            const p = rec.probabilities;
            const row = i * k;
            let sum = 0;
            if (Array.isArray(p)) {
                if (!arrayCols) {
                    fail(rec, f.probabilities, `${f.probabilities} given as a list need config \`classes\` (the class of each position)`);
                }
                if (p.length !== arrayCols.length) {
                    fail(rec, f.probabilities, `expected ${arrayCols.length} probabilities (one per configured class), got ${p.length}`);
                }
                for (let j = 0; j < p.length; j++) {
                    const x = p[j];
                    checkProbability(rec, `${f.probabilities}[${j}]`, x);
                    proba[row + arrayCols[j]] = x;
                    sum += x;
                }
            }
            else if (kindOf(p) === 'object') {
                const obj = p;
                for (const key in obj) {
                    let col = keyColumn.get(key);
                    if (col === undefined && !keyColumn.has(key)) {
                        const v = toClassValue(key, kind);
                        col = v === undefined ? undefined : index.get(v);
                        keyColumn.set(key, col);
                    }
                    if (col === undefined) {
                        fail(rec, `${f.probabilities}.${key}`, `unknown class ${show(key)}; known classes: ${listClasses(universe)}${configOrder ? '' : ' (set config `classes` to list every class the model scores)'}`);
                    }
                    const x = obj[key];
                    checkProbability(rec, `${f.probabilities}.${key}`, x);
                    // Two keys can name one class (e.g. "1" and "1.0" for numeric classes): stamp[col] remembers the row.
                    if (stamp[col] === i + 1)
                        fail(rec, `${f.probabilities}.${key}`, `class ${show(key)} is given twice`);
                    stamp[col] = i + 1;
                    proba[row + col] = x;
                    sum += x;
                }
            }
            else {
                fail(rec, f.probabilities, `multiclass ${f.probabilities} must be an object {class: probability} or a list in config \`classes\` order; got ${KIND_WORDS[kindOf(p)]}`);
            }
            if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
                fail(rec, f.probabilities, `probabilities sum to ${sum}, expected 1 (±${PROBABILITY_SUM_TOLERANCE})`);
            }
        }
        ds.proba = proba;
    }
}
function checkProbability(rec, field, x) {
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
        fail(rec, field, `expected a probability in [0, 1], got ${show(x)}`);
    }
}
function positiveIndex(universe, kind, opts, f, rec) {
    if (opts.positiveLabel !== undefined && opts.positiveLabel !== null) {
        const v = toClassValue(opts.positiveLabel, kind);
        const i = v === undefined ? -1 : universe.findIndex((u) => u === v);
        if (i < 0) {
            throw new errors/* InputError */.dz(`positive_label ${show(opts.positiveLabel)} is not one of the classes in the data (${listClasses(universe)})`, { field: 'positive_label' });
        }
        return i;
    }
    const candidates = [];
    universe.forEach((v, i) => {
        if (isDefaultPositive(v))
            candidates.push(i);
    });
    if (candidates.length === 1)
        return candidates[0];
    const why = candidates.length === 0
        ? `cannot tell which class is positive among ${listClasses(universe)}`
        : `more than one class could be the positive one (${listClasses(candidates.map((i) => universe[i]))})`;
    fail(rec, f.label, `${why}: set positive_label in config (or task: multiclass)`);
}

// EXTERNAL MODULE: ./src/policy.ts
var policy = __webpack_require__(1237);
;// CONCATENATED MODULE: ./src/metrics/task-detection.ts
/** Detection of the task (`task: auto`) from the values of the records. */



function isIntegerValued(x) {
    return Number.isInteger(x);
}
/** Text with a space between words (generation detection). */
const INNER_WHITESPACE = /\S\s+\S/;
/**
 * The task of `records`: `opts.task` when set, else the documented detection rule (docs/metrics.md, 'Task
 * detection (`task: auto`)'): list labels → multilabel (list predictions) or generation (text predictions);
 * numbers → regression when any label is non-integer, or any prediction is non-integer and there are no
 * probabilities; strings → generation when some label or prediction contains inner whitespace and distinct
 * labels exceed half the examples; otherwise classification: binary when labels ∪ predictions have ≤ 2
 * values and probabilities (if any) are numbers, else multiclass. Throws InputError when the values fit no
 * task.
 */
function detectTask(records, opts) {
    if (opts.task !== 'auto') {
        if (!(0,policy/* isOneOf */.EK)(policy/* TASKS */.n3, opts.task)) {
            throw new errors/* InputError */.dz(`unknown task "${String(opts.task)}"; expected auto or one of ${policy/* TASKS */.n3.join(', ')}`, {
                field: 'task',
            });
        }
        return opts.task;
    }
    const f = fieldNames(opts);
    let firstLabelList;
    let firstPredList;
    for (const rec of records) {
        const lk = kindOf(rec.label);
        const pk = kindOf(rec.prediction);
        checkPresent(rec, lk, f.label);
        checkPresent(rec, pk, f.prediction);
        if (lk === 'array' && !firstLabelList)
            firstLabelList = rec;
        if (pk === 'array' && !firstPredList)
            firstPredList = rec;
    }
    if (firstLabelList) {
        const pk = kindOf(firstLabelList.prediction);
        if (pk === 'array')
            return 'multilabel';
        if (pk === 'string')
            return 'generation';
        fail(firstLabelList, f.prediction, `${f.label} is a list, so ${f.prediction} must be a list of classes (multilabel) or a text (generation); got ${KIND_WORDS[pk]}`);
    }
    if (firstPredList)
        return 'multilabel';
    // Scalars from here on: one value type across labels and predictions.
    const kinds = scalarKind(records, f);
    if (kinds === 'number') {
        let labelNonInt;
        let predNonInt;
        let withProba;
        for (const rec of records) {
            if (!labelNonInt && !isIntegerValued(rec.label))
                labelNonInt = rec;
            if (!predNonInt && !isIntegerValued(rec.prediction))
                predNonInt = rec;
            if (!withProba && kindOf(rec.probabilities) !== 'missing')
                withProba = rec;
        }
        if (labelNonInt)
            return 'regression';
        if (predNonInt) {
            if (!withProba)
                return 'regression';
            fail(predNonInt, f.prediction, `${f.prediction} ${show(predNonInt.prediction)} is not an integer class although ${f.label} values are integer classes and ${f.probabilities} are given; set task explicitly (regression or classification)`);
        }
    }
    else if (kinds === 'string') {
        let whitespace = false;
        const distinct = new Set();
        for (const rec of records) {
            const l = rec.label;
            distinct.add(l);
            if (!whitespace && (INNER_WHITESPACE.test(l) || INNER_WHITESPACE.test(rec.prediction))) {
                whitespace = true;
            }
        }
        if (whitespace && distinct.size > records.length / 2)
            return 'generation';
    }
    const values = new Set();
    let nonNumberProba = false;
    for (const rec of records) {
        values.add(rec.label);
        values.add(rec.prediction);
        const k = kindOf(rec.probabilities);
        if (k !== 'missing' && k !== 'number')
            nonNumberProba = true;
    }
    return values.size <= 2 && !nonNumberProba ? 'binary' : 'multiclass';
}

;// CONCATENATED MODULE: ./src/metrics/encode.ts
/**
 * Encoding of field-mapped records into the columnar `Dataset`, with validation: the columns every task
 * has (ids, numeric fields, slices, clusters) and the multilabel, regression and generation columns.
 * Classification columns are encoded by encode-classification.ts. Every problem in the data is an
 * `InputError` naming file, line and field: nothing is dropped or guessed.
 */




/** Encode records into a Dataset; detects the task when `opts.task` is `auto`. Throws InputError. */
function buildDataset(records, opts) {
    if (!Array.isArray(records) || records.length === 0) {
        throw new errors/* InputError */.dz('no examples: the per-example records are empty');
    }
    const f = fieldNames(opts);
    const task = detectTask(records, opts);
    const ds = { task, n: records.length, ids: [], classes: [], numeric: {}, slices: {} };
    encodeCommon(records, f, ds);
    switch (task) {
        case 'binary':
        case 'multiclass':
            encodeClassification(records, opts, f, ds, task);
            break;
        case 'multilabel':
            encodeMultilabel(records, f, ds);
            break;
        case 'regression':
            encodeRegression(records, f, ds);
            break;
        case 'generation':
            encodeGeneration(records, f, ds);
            break;
    }
    return ds;
}
/** ids (unique), other numeric fields, slices and cluster ids. */
function encodeCommon(records, f, ds) {
    const n = records.length;
    const seen = new Set();
    const ids = new Array(n);
    let clusterCount = 0;
    for (let i = 0; i < n; i++) {
        const rec = records[i];
        const id = rec.id;
        if (typeof id !== 'string' || id === '') {
            fail(rec, f.id, typeof id === 'string' || id === undefined || id === null
                ? `missing ${f.id}`
                : `expected a string id, got ${show(id)}`);
        }
        const size = seen.size;
        seen.add(id);
        if (seen.size === size) {
            const prev = records.findIndex((r) => r.id === id);
            fail(rec, f.id, `duplicate ${f.id} ${show(id)} (first at ${where(records[prev])}); ids must be unique to pair examples`);
        }
        ids[i] = id;
        const numeric = rec.numeric;
        if (numeric) {
            for (const key in numeric) {
                const v = numeric[key];
                if (typeof v !== 'number')
                    fail(rec, key, `expected a number, got ${show(v)}`);
                if (v === Infinity || v === -Infinity)
                    fail(rec, key, `expected a finite number, got ${v}`);
                let col = ds.numeric[key];
                if (!col) {
                    col = new Float64Array(n).fill(NaN);
                    ds.numeric[key] = col;
                }
                col[i] = v;
            }
        }
        const slices = rec.slices;
        if (slices) {
            for (const key in slices) {
                const v = slices[key];
                if (v === undefined || v === null)
                    continue;
                if (typeof v === 'object')
                    fail(rec, key, `expected a slice value (string), got ${show(v)}`);
                let col = ds.slices[key];
                if (!col) {
                    col = new Array(n).fill('');
                    ds.slices[key] = col;
                }
                col[i] = String(v);
            }
        }
        if (rec.cluster !== undefined && rec.cluster !== null)
            clusterCount++;
    }
    ds.ids = ids;
    if (clusterCount > 0) {
        const cluster = new Array(n);
        for (let i = 0; i < n; i++) {
            const c = records[i].cluster;
            if (c === undefined || c === null || c === '') {
                fail(records[i], f.cluster, `missing ${f.cluster} (other examples have one; clustered errors need it on every example)`);
            }
            if (typeof c === 'object')
                fail(records[i], f.cluster, `expected a cluster id, got ${show(c)}`);
            cluster[i] = String(c);
        }
        ds.cluster = cluster;
    }
}
function rejectProbabilities(records, f, task) {
    const rec = records.find((r) => kindOf(r.probabilities) !== 'missing');
    if (rec) {
        fail(rec, f.probabilities, `${f.probabilities} are not used for ${task} tasks; remove the field or map it to another name`);
    }
}
function encodeMultilabel(records, f, ds) {
    rejectProbabilities(records, f, 'multilabel');
    let kind;
    let first;
    const distinct = new Set();
    for (const rec of records) {
        for (let side = 0; side < 2; side++) {
            const field = side === 0 ? f.label : f.prediction;
            const list = side === 0 ? rec.label : rec.prediction;
            const lk = kindOf(list);
            if (lk === 'missing')
                fail(rec, field, `missing ${field}`);
            if (lk !== 'array')
                fail(rec, field, `multilabel ${field} must be a list of classes; got ${KIND_WORDS[lk]} ${show(list)}`);
            for (const v of list) {
                const k = kindOf(v);
                if (k !== 'string' && k !== 'number' && k !== 'boolean') {
                    fail(rec, field, `expected a list of classes (strings, numbers or booleans); found ${KIND_WORDS[k]} ${show(v)}`);
                }
                if (kind === undefined) {
                    kind = k;
                    first = rec;
                }
                else if (k !== kind) {
                    fail(rec, field, `mixed class types: ${KIND_WORDS[k]} ${show(v)} here, ${KIND_WORDS[kind]} at ${where(first)}`);
                }
                distinct.add(v);
            }
        }
    }
    const universe = [...distinct].sort(compareScalars);
    const index = new Map();
    universe.forEach((v, i) => index.set(v, i));
    ds.classes = universe.map(className);
    const k = universe.length;
    const n = records.length;
    const mlTrue = new Uint8Array(n * k);
    const mlPred = new Uint8Array(n * k);
    for (let i = 0; i < n; i++) {
        const row = i * k;
        for (const v of records[i].label)
            mlTrue[row + index.get(v)] = 1;
        for (const v of records[i].prediction)
            mlPred[row + index.get(v)] = 1;
    }
    ds.mlTrue = mlTrue;
    ds.mlPred = mlPred;
}
function encodeRegression(records, f, ds) {
    rejectProbabilities(records, f, 'regression');
    const n = records.length;
    const yTrue = new Float64Array(n);
    const yPred = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const rec = records[i];
        yTrue[i] = regressionValue(rec, f.label, rec.label);
        yPred[i] = regressionValue(rec, f.prediction, rec.prediction);
    }
    ds.yTrueNum = yTrue;
    ds.yPredNum = yPred;
}
function regressionValue(rec, field, v) {
    if (typeof v === 'number' && Number.isFinite(v))
        return v;
    const k = kindOf(v);
    if (k === 'missing')
        fail(rec, field, `missing ${field}`);
    fail(rec, field, `regression ${field} must be a finite number; got ${KIND_WORDS[k]} ${show(v)}`);
}
function encodeGeneration(records, f, ds) {
    rejectProbabilities(records, f, 'generation');
    const n = records.length;
    const textPred = new Array(n);
    const textRefs = new Array(n);
    for (let i = 0; i < n; i++) {
        const rec = records[i];
        const p = rec.prediction;
        const pk = kindOf(p);
        if (pk === 'missing')
            fail(rec, f.prediction, `missing ${f.prediction}`);
        if (pk !== 'string')
            fail(rec, f.prediction, `generation ${f.prediction} must be a text; got ${KIND_WORDS[pk]} ${show(p)}`);
        const l = rec.label;
        const lk = kindOf(l);
        if (lk === 'missing')
            fail(rec, f.label, `missing ${f.label}`);
        if (lk === 'string') {
            textRefs[i] = [l];
        }
        else if (lk === 'array') {
            const refs = l;
            if (refs.length === 0)
                fail(rec, f.label, `empty list of accepted answers`);
            for (const r of refs) {
                if (typeof r !== 'string')
                    fail(rec, f.label, `accepted answers must be texts; found ${KIND_WORDS[kindOf(r)]} ${show(r)}`);
            }
            textRefs[i] = refs;
        }
        else {
            fail(rec, f.label, `generation ${f.label} must be a text or a list of accepted texts; got ${KIND_WORDS[lk]} ${show(l)}`);
        }
        textPred[i] = p;
    }
    ds.textPred = textPred;
    ds.textRefs = textRefs;
}

;// CONCATENATED MODULE: ./src/metrics/subset.ts
/** Rows `idx` of `ds` (indices may repeat: bootstrap). Classes and the positive class are kept. */
function subsetDataset(ds, idx) {
    const m = idx.length;
    const k = ds.classes.length;
    const out = {
        task: ds.task,
        n: m,
        ids: gather(ds.ids, idx),
        classes: ds.classes,
        numeric: {},
        slices: {},
    };
    if (ds.posIndex !== undefined)
        out.posIndex = ds.posIndex;
    if (ds.yTrue)
        out.yTrue = gatherTyped(ds.yTrue, idx, new Int32Array(m));
    if (ds.yPred)
        out.yPred = gatherTyped(ds.yPred, idx, new Int32Array(m));
    if (ds.score)
        out.score = gatherTyped(ds.score, idx, new Float64Array(m));
    if (ds.proba)
        out.proba = gatherRows(ds.proba, k, idx, new Float64Array(m * k));
    if (ds.mlTrue)
        out.mlTrue = gatherRows(ds.mlTrue, k, idx, new Uint8Array(m * k));
    if (ds.mlPred)
        out.mlPred = gatherRows(ds.mlPred, k, idx, new Uint8Array(m * k));
    if (ds.yTrueNum)
        out.yTrueNum = gatherTyped(ds.yTrueNum, idx, new Float64Array(m));
    if (ds.yPredNum)
        out.yPredNum = gatherTyped(ds.yPredNum, idx, new Float64Array(m));
    if (ds.textPred)
        out.textPred = gather(ds.textPred, idx);
    if (ds.textRefs)
        out.textRefs = gather(ds.textRefs, idx);
    for (const key of Object.keys(ds.numeric))
        out.numeric[key] = gatherTyped(ds.numeric[key], idx, new Float64Array(m));
    for (const key of Object.keys(ds.slices))
        out.slices[key] = gather(ds.slices[key], idx);
    if (ds.cluster)
        out.cluster = gather(ds.cluster, idx);
    return out;
}
function gather(src, idx) {
    const out = new Array(idx.length);
    for (let i = 0; i < idx.length; i++)
        out[i] = src[idx[i]];
    return out;
}
function gatherTyped(src, idx, out) {
    for (let i = 0; i < idx.length; i++)
        out[i] = src[idx[i]];
    return out;
}
function gatherRows(src, k, idx, out) {
    for (let i = 0; i < idx.length; i++)
        out.set(src.subarray(idx[i] * k, idx[i] * k + k), i * k);
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/numeric.ts
/**
 * Mean and CLT standard error SE = s/√n with the sample variance s² = Σ(x − x̄)²/(n − 1), the form of
 * Miller (2024), eq. 1. NaN values are skipped (a numeric field missing for some examples). Two passes
 * (mean, then squared deviations) for accuracy.
 */
function numeric_meanStats(x) {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v === v) {
            n++;
            sum += v;
        }
    }
    if (n === 0)
        return { n: 0, mean: NaN, sd: NaN, se: NaN };
    const mean = sum / n;
    let ss = 0;
    let comp = 0;
    for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v === v) {
            const d = v - mean;
            ss += d * d;
            comp += d;
        }
    }
    if (n < 2)
        return { n, mean, sd: NaN, se: NaN };
    // Corrected two-pass formula (Chan, Golub & LeVeque): removes the rounding error left in `mean`.
    const variance = Math.max(0, (ss - (comp * comp) / n) / (n - 1));
    const sd = Math.sqrt(variance);
    return { n, mean, sd, se: sd / Math.sqrt(n) };
}
/** `MeanSpread` of per-example values. */
function meanSpread(x) {
    let zeroOne = true;
    for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v === v && v !== 0 && v !== 1) {
            zeroOne = false;
            break;
        }
    }
    return { stats: numeric_meanStats(x), zeroOne };
}
/** Compensated sum of `a[0..n)`; NaN entries are skipped when `skipNaN`. Returns [sum, count]. */
function compensatedSum(a, skipNaN = false) {
    let s = 0;
    let c = 0;
    let count = 0;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (skipNaN && x !== x)
            continue;
        count++;
        const t = s + x;
        // Neumaier: whichever operand is larger in magnitude keeps its low-order bits in c.
        if (Math.abs(s) >= Math.abs(x))
            c += s - t + x;
        else
            c += x - t + s;
        s = t;
    }
    return [s + c, count];
}
/** Mean of `a` (compensated); NaN when empty. */
function mean(a) {
    const [s, n] = compensatedSum(a);
    return n === 0 ? NaN : s / n;
}
/**
 * Percentile `q` (0–100) of sorted, NaN-free `sorted`, exactly as numpy's default `linear` method
 * (`np.percentile`): virtual index (n−1)·q/100, and numpy's two-sided lerp (from the upper neighbour when
 * the fraction is ≥ 0.5) so that results agree to the last bit.
 */
function percentile(sorted, q) {
    const n = sorted.length;
    if (n === 0)
        return NaN;
    const quantile = q / 100;
    const virtual = (n - 1) * quantile;
    if (virtual >= n - 1)
        return sorted[n - 1];
    if (virtual < 0)
        return sorted[0];
    const lo = Math.floor(virtual);
    const a = sorted[lo];
    const b = sorted[lo + 1];
    const t = virtual - lo;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
const NO_VALUES = 'no example has a value for this field';
/** `<field>_mean`, `<field>_p50`, `<field>_p95` over the examples that have the field (NaN = missing). */
function numericSummaries(numeric, out) {
    for (const field of Object.keys(numeric).sort()) {
        const col = numeric[field];
        let count = 0;
        for (let i = 0; i < col.length; i++)
            if (col[i] === col[i])
                count++;
        if (count === 0) {
            for (const suffix of ['_mean', '_p50', '_p95'])
                out[field + suffix] = { value: null, undefined: NO_VALUES, n: 0 };
            continue;
        }
        const vals = new Float64Array(count);
        let j = 0;
        for (let i = 0; i < col.length; i++)
            if (col[i] === col[i])
                vals[j++] = col[i];
        const [s] = compensatedSum(vals);
        out[`${field}_mean`] = { value: s / count, n: count };
        vals.sort();
        out[`${field}_p50`] = { value: percentile(vals, 50), n: count };
        out[`${field}_p95`] = { value: percentile(vals, 95), n: count };
    }
}
/**
 * One note per numeric field with missing values (NaN: an empty, `NaN` or `NA` cell, or a record
 * without the field), e.g. "latency_ms: 1 of 5 values missing": the summaries use the others, and the
 * report says how many were left out (docs/metrics.md, "Numeric fields").
 */
function missingValueNotes(numeric) {
    const notes = [];
    for (const field of Object.keys(numeric).sort()) {
        const col = numeric[field];
        let missing = 0;
        for (let i = 0; i < col.length; i++)
            if (col[i] !== col[i])
                missing++;
        if (missing > 0)
            notes.push(`${field}: ${missing} of ${col.length} values missing`);
    }
    return notes;
}
/** A defined metric value. */
function point(value, n) {
    return { value, n };
}
/** An undefined metric value with its reason. */
function undef(reason, n) {
    return { value: null, undefined: reason, n };
}
/** a / b with sklearn's `zero_division=0`. */
function divide(a, b) {
    return b === 0 ? 0 : a / b;
}
/** Harmonic mean of precision and recall; 0 when both are 0 (`zero_division=0`). */
function fScore(p, r) {
    const denom = p + r;
    return denom === 0 ? 0 : (2 * p * r) / denom;
}

;// CONCATENATED MODULE: ./src/metrics/multilabel.ts

/** Metric names of the multilabel task, in report order. */
const MULTILABEL_METRICS = [
    'subset_accuracy',
    'hamming_loss',
    'precision_micro',
    'recall_micro',
    'f1_micro',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'jaccard_samples',
];
/** Per-example values of the multilabel mean metrics. */
function multilabelPerExample(name, mlTrue, mlPred, k, n) {
    if (name === 'hamming_loss' && k === 0)
        return null;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const row = i * k;
        let inter = 0;
        let union = 0;
        let diff = 0;
        for (let c = 0; c < k; c++) {
            const t = mlTrue[row + c];
            const p = mlPred[row + c];
            inter += t & p;
            union += t | p;
            diff += t ^ p;
        }
        out[i] =
            name === 'subset_accuracy'
                ? diff === 0
                    ? 1
                    : 0
                : name === 'hamming_loss'
                    ? diff / k
                    : union === 0
                        ? 0
                        : inter / union;
    }
    return out;
}
/** Every multilabel metric. */
function multilabelMetrics(mlTrue, mlPred, k, n) {
    const out = {};
    if (n === 0) {
        for (const name of MULTILABEL_METRICS)
            out[name] = undef('no examples', 0);
        return out;
    }
    const tp = new Float64Array(k);
    const predSum = new Float64Array(k);
    const trueSum = new Float64Array(k);
    for (let i = 0; i < n; i++) {
        const row = i * k;
        for (let c = 0; c < k; c++) {
            const t = mlTrue[row + c];
            const p = mlPred[row + c];
            tp[c] += t & p;
            predSum[c] += p;
            trueSum[c] += t;
        }
    }
    const mean = (a) => (a ? compensatedSum(a)[0] / n : NaN);
    out.subset_accuracy = point(mean(multilabelPerExample('subset_accuracy', mlTrue, mlPred, k, n)), n);
    out.hamming_loss =
        k === 0
            ? undef('no classes in labels or predictions', n)
            : point(mean(multilabelPerExample('hamming_loss', mlTrue, mlPred, k, n)), n);
    let tpAll = 0;
    let predAll = 0;
    let trueAll = 0;
    let pMacro = 0;
    let rMacro = 0;
    let fMacro = 0;
    for (let c = 0; c < k; c++) {
        tpAll += tp[c];
        predAll += predSum[c];
        trueAll += trueSum[c];
        const p = divide(tp[c], predSum[c]);
        const r = divide(tp[c], trueSum[c]);
        pMacro += p;
        rMacro += r;
        fMacro += fScore(p, r);
    }
    const pMicro = divide(tpAll, predAll);
    const rMicro = divide(tpAll, trueAll);
    out.precision_micro = point(pMicro, n);
    out.recall_micro = point(rMicro, n);
    out.f1_micro = point(fScore(pMicro, rMicro), n);
    if (k === 0) {
        for (const name of ['precision_macro', 'recall_macro', 'f1_macro'])
            out[name] = undef('no classes in labels or predictions', n);
    }
    else {
        out.precision_macro = point(pMacro / k, n);
        out.recall_macro = point(rMacro / k, n);
        out.f1_macro = point(fMacro / k, n);
    }
    out.jaccard_samples = point(mean(multilabelPerExample('jaccard_samples', mlTrue, mlPred, k, n)), n);
    const ordered = {};
    for (const name of MULTILABEL_METRICS)
        ordered[name] = out[name];
    return ordered;
}

;// CONCATENATED MODULE: ./src/metrics/regression.ts

/** sklearn's mape guard: |y − ŷ| / max(|y|, eps). */
const MAPE_EPS = 2.220446049250313e-16;
/** Metric names of the regression task, in report order. */
const REGRESSION_METRICS = ['mae', 'mse', 'rmse', 'r2', 'mape', 'max_error'];
/** Per-example values of the regression mean metrics. */
function regressionPerExample(name, yTrue, yPred, n) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const e = yTrue[i] - yPred[i];
        if (name === 'mae')
            out[i] = Math.abs(e);
        else if (name === 'mse')
            out[i] = e * e;
        else
            out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), MAPE_EPS);
    }
    return out;
}
/** Every regression metric. */
function regressionMetrics(yTrue, yPred, n) {
    const out = {};
    if (n === 0) {
        for (const name of REGRESSION_METRICS)
            out[name] = undef('no examples', 0);
        return out;
    }
    const mean = (a) => compensatedSum(a)[0] / n;
    const abs = regressionPerExample('mae', yTrue, yPred, n);
    const sq = regressionPerExample('mse', yTrue, yPred, n);
    const mse = mean(sq);
    out.mae = point(mean(abs), n);
    out.mse = point(mse, n);
    out.rmse = point(Math.sqrt(mse), n);
    if (n < 2) {
        out.r2 = undef('r2 needs at least two examples', n);
    }
    else {
        const numerator = compensatedSum(sq)[0];
        let lo = yTrue[0];
        let hi = yTrue[0];
        for (let i = 1; i < n; i++) {
            if (yTrue[i] < lo)
                lo = yTrue[i];
            if (yTrue[i] > hi)
                hi = yTrue[i];
        }
        // A constant target has zero variance by definition; testing it directly keeps rounding in the mean
        // from turning "constant" into a tiny denominator and an enormous negative r2.
        let denominator = 0;
        if (lo !== hi) {
            const m = mean(yTrue);
            const dev = new Float64Array(n);
            for (let i = 0; i < n; i++)
                dev[i] = (yTrue[i] - m) * (yTrue[i] - m);
            denominator = compensatedSum(dev)[0];
        }
        // force_finite: perfect predictions → 1, constant target with errors → 0.
        const r2 = numerator === 0 ? 1 : denominator === 0 ? 0 : 1 - numerator / denominator;
        out.r2 = point(r2, n);
    }
    out.mape = point(mean(regressionPerExample('mape', yTrue, yPred, n)), n);
    let maxErr = 0;
    for (let i = 0; i < n; i++)
        if (abs[i] > maxErr)
            maxErr = abs[i];
    out.max_error = point(maxErr, n);
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/spec.ts


/** Confusion-matrix metrics of a binary task, in report order. */
const BINARY_CONFUSION = [
    'accuracy',
    'balanced_accuracy',
    'precision',
    'recall',
    'f1',
    'mcc',
    'cohen_kappa',
];
const BINARY_PROBA = ['roc_auc', 'average_precision', 'log_loss', 'brier', 'ece'];
/** Confusion-matrix metrics of a multiclass task, in report order. */
const MULTICLASS_CONFUSION = [
    'accuracy',
    'balanced_accuracy',
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_micro',
    'recall_micro',
    'f1_micro',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
    'mcc',
    'cohen_kappa',
];
const MULTICLASS_PROBA = ['roc_auc_ovr', 'log_loss', 'top_k_accuracy'];
/**
 * Built-in metric names of a task, in report order; `withProbabilities` adds the probability metrics of
 * binary/multiclass. Numeric-field summaries are not included.
 */
function taskMetricNames(task, withProbabilities) {
    switch (task) {
        case 'binary':
            return withProbabilities ? [...BINARY_CONFUSION, ...BINARY_PROBA] : [...BINARY_CONFUSION];
        case 'multiclass':
            return withProbabilities ? [...MULTICLASS_CONFUSION, ...MULTICLASS_PROBA] : [...MULTICLASS_CONFUSION];
        case 'multilabel':
            return [...MULTILABEL_METRICS];
        case 'regression':
            return [...REGRESSION_METRICS];
        case 'generation':
            return ['exact_match', 'token_f1'];
    }
}
const LOWER_IS_BETTER = new Set([
    'log_loss',
    'brier',
    'ece',
    'hamming_loss',
    'mae',
    'mse',
    'rmse',
    'mape',
    'max_error',
]);
const BINARY_OUTCOME_MEAN = new Set(['accuracy', 'exact_match', 'subset_accuracy', 'top_k_accuracy']);
const OTHER_MEAN = new Set([
    'token_f1',
    'hamming_loss',
    'jaccard_samples',
    'brier',
    'log_loss',
    'mae',
    'mse',
    'mape',
]);
const CONFUSION_ONLY = new Set([
    'precision',
    'recall',
    'f1',
    'balanced_accuracy',
    'mcc',
    'cohen_kappa',
    'precision_weighted',
    'recall_weighted',
    'f1_weighted',
]);
/** Names shared by multiclass (confusion metrics) and multilabel (label-count metrics). */
const SHARED_AVERAGES = new Set([
    'precision_macro',
    'recall_macro',
    'f1_macro',
    'precision_micro',
    'recall_micro',
    'f1_micro',
]);
const OTHER = new Set(['average_precision', 'ece', 'rmse', 'r2', 'max_error']);
/** Field-name words that mark a numeric field where lower is better; checked before the higher words. */
const LOWER_WORDS = new Set([
    'latency',
    'time',
    'ms',
    'sec',
    'secs',
    'seconds',
    'duration',
    'tokens',
    'steps',
    'turns',
    'token',
    'cost',
    'price',
    'usd',
    'error',
    'errors',
    'loss',
    'memory',
    'bytes',
    'mb',
    'gb',
    'calls',
    'retries',
    'failures',
]);
/** Field-name words that mark a numeric field where higher is better (a score). */
const HIGHER_WORDS = new Set([
    'score',
    'scores',
    'acc',
    'accuracy',
    'f1',
    'reward',
    'pass',
    'passed',
    'win',
    'wins',
    'correct',
    'bleu',
    'rouge',
    'similarity',
    'rating',
    'quality',
    'throughput',
]);
/**
 * Direction of an arbitrary numeric field's summaries, from the words of its name (split at `_`, `-`, `.`,
 * spaces, digits and camelCase): a cost word (latency, time, ms, tokens, cost, error, …) → lower; else a
 * score word (score, acc, f1, reward, pass, …) → higher; else unknown (undefined): the gate reports such
 * a field but cannot gate it until config sets its `direction` — a guess could fail a build on an
 * improvement.
 */
function numericFieldDirection(field) {
    const words = field
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/)
        .filter((w) => w !== '');
    if (words.some((w) => LOWER_WORDS.has(w)))
        return 'lower';
    if (words.some((w) => HIGHER_WORDS.has(w)))
        return 'higher';
    return undefined;
}
/**
 * Direction and kind of a built-in metric name (incl. `<field>_mean/_p50/_p95`); undefined if unknown.
 *
 * `task` disambiguates `precision|recall|f1_micro|macro`, which are confusion metrics for multiclass but
 * label-count metrics (kind `other`) for multilabel; without `task` they get the kind that is valid for
 * both, `other`.
 */
function metricSpec(name, task) {
    const direction = LOWER_IS_BETTER.has(name) ? 'lower' : 'higher';
    if (BINARY_OUTCOME_MEAN.has(name))
        return { direction, kind: 'mean', binaryOutcome: true };
    if (OTHER_MEAN.has(name))
        return { direction, kind: 'mean' };
    if (name === 'roc_auc' || name === 'roc_auc_ovr')
        return { direction, kind: 'auc' };
    if (CONFUSION_ONLY.has(name))
        return { direction, kind: 'confusion' };
    if (SHARED_AVERAGES.has(name))
        return { direction, kind: task === 'multiclass' || task === 'binary' ? 'confusion' : 'other' };
    if (OTHER.has(name))
        return { direction, kind: 'other' };
    const m = /^(.+)_(mean|p50|p95)$/.exec(name);
    if (m) {
        const dir = numericFieldDirection(m[1]);
        return m[2] === 'mean' ? { direction: dir, kind: 'mean' } : { direction: dir, kind: 'other' };
    }
    return undefined;
}
/** Metrics gated when there is no config (docs/design.md, 'Diagnosis rules'). */
function primaryMetrics(task) {
    switch (task) {
        case 'binary':
            return ['accuracy', 'f1', 'roc_auc'];
        case 'multiclass':
            return ['accuracy', 'f1_macro'];
        case 'multilabel':
            return ['f1_micro'];
        case 'regression':
            return ['mae', 'r2'];
        case 'generation':
            return ['exact_match', 'token_f1'];
    }
}

;// CONCATENATED MODULE: ./src/metrics/classification.ts


const NO_EXAMPLES = 'no examples';
/** k × k confusion counts (row = true class, column = predicted), for binary/multiclass. */
function confusionCounts(ds) {
    if ((ds.task !== 'binary' && ds.task !== 'multiclass') || !ds.yTrue || !ds.yPred) {
        throw new Error(`confusionCounts: task ${ds.task} has no confusion matrix`);
    }
    const k = ds.classes.length;
    const counts = new Float64Array(k * k);
    const yTrue = ds.yTrue;
    const yPred = ds.yPred;
    for (let i = 0; i < ds.n; i++)
        counts[yTrue[i] * k + yPred[i]]++;
    return { k, counts };
}
/** Scratch for `confusionValues` with k classes. */
function confusionScratch(k) {
    const names = Math.max(BINARY_CONFUSION.length, MULTICLASS_CONFUSION.length);
    return { rowSum: new Float64Array(k), colSum: new Float64Array(k), values: new Float64Array(names) };
}
/** Index of each confusion metric in `confusionValues`' output, per task. */
function confusionIndex(task, name) {
    return (task === 'binary' ? BINARY_CONFUSION : MULTICLASS_CONFUSION).indexOf(name);
}
/**
 * Confusion-matrix metrics of `counts` as numbers, in the order of the task's names, written into
 * `scratch.values` (NaN where undefined: no examples, or Cohen's kappa of a single class). Allocates
 * nothing: a bootstrap calls it for each of its 2,000 resamples, and the per-resample objects of
 * `metricsFromConfusion` made a 100-line run spend ~30 ms collecting garbage. Returns n.
 */
function confusionValues(counts, k, task, posIndex, scratch) {
    if (counts.length !== k * k)
        throw new Error(`confusionValues: expected ${k * k} counts, got ${counts.length}`);
    if (task === 'binary' && (posIndex === undefined || posIndex < 0 || posIndex >= k)) {
        throw new Error('confusionValues: binary task needs posIndex');
    }
    const { rowSum, colSum, values } = scratch;
    rowSum.fill(0);
    colSum.fill(0);
    let n = 0;
    let trace = 0;
    for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
            const c = counts[i * k + j];
            rowSum[i] += c;
            colSum[j] += c;
            n += c;
        }
        trace += counts[i * k + i];
    }
    values.fill(NaN);
    if (n === 0)
        return 0;
    let at = 0;
    values[at++] = trace / n; // accuracy
    // balanced_accuracy: mean recall over classes that have true examples (sklearn drops the NaN recalls).
    let recallSum = 0;
    let withTrue = 0;
    for (let c = 0; c < k; c++) {
        if (rowSum[c] > 0) {
            recallSum += counts[c * k + c] / rowSum[c];
            withTrue++;
        }
    }
    values[at++] = recallSum / withTrue;
    if (task === 'binary') {
        const p = posIndex;
        const tp = counts[p * k + p];
        const precision = divide(tp, colSum[p]);
        const recall = divide(tp, rowSum[p]);
        values[at++] = precision;
        values[at++] = recall;
        values[at++] = fScore(precision, recall);
    }
    else {
        let present = 0;
        let pMacro = 0;
        let rMacro = 0;
        let fMacro = 0;
        let pWeighted = 0;
        let rWeighted = 0;
        let fWeighted = 0;
        for (let c = 0; c < k; c++) {
            if (rowSum[c] === 0 && colSum[c] === 0)
                continue;
            present++;
            const tp = counts[c * k + c];
            const precision = divide(tp, colSum[c]);
            const recall = divide(tp, rowSum[c]);
            const f = fScore(precision, recall);
            pMacro += precision;
            rMacro += recall;
            fMacro += f;
            pWeighted += precision * rowSum[c];
            rWeighted += recall * rowSum[c];
            fWeighted += f * rowSum[c];
        }
        values[at++] = pMacro / present;
        values[at++] = rMacro / present;
        values[at++] = fMacro / present;
        // micro: tp = trace, predicted = true = n.
        const pMicro = trace / n;
        const rMicro = trace / n;
        values[at++] = pMicro;
        values[at++] = rMicro;
        values[at++] = fScore(pMicro, rMicro);
        // weights = true support; their sum is n > 0.
        values[at++] = pWeighted / n;
        values[at++] = rWeighted / n;
        values[at++] = fWeighted / n;
    }
    // MCC, sklearn's multiclass formula (also used for binary); 0 when a marginal is constant.
    let dotTP = 0;
    let dotPP = 0;
    let dotTT = 0;
    for (let c = 0; c < k; c++) {
        dotTP += rowSum[c] * colSum[c];
        dotPP += colSum[c] * colSum[c];
        dotTT += rowSum[c] * rowSum[c];
    }
    const covYtYp = trace * n - dotTP;
    const covYpYp = n * n - dotPP;
    const covYtYt = n * n - dotTT;
    values[at++] = covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);
    // Cohen's kappa: 1 − observed disagreement / expected disagreement.
    let observed = 0;
    let expected = 0;
    for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
            if (i === j)
                continue;
            observed += counts[i * k + j];
            expected += (colSum[i] * rowSum[j]) / n;
        }
    }
    values[at++] = expected === 0 ? NaN : 1 - observed / expected;
    return n;
}
/**
 * Confusion-matrix metrics (kind `confusion`) from counts; same names and values as computeMetrics.
 *
 * Classes with neither true nor predicted examples are ignored, which is sklearn's `labels=None` (the
 * labels present in y_true ∪ y_pred): a slice or resample is scored as if it were its own dataset.
 */
function metricsFromConfusion(counts, k, task, posIndex) {
    const scratch = confusionScratch(k);
    const n = confusionValues(counts, k, task, posIndex, scratch);
    const names = task === 'binary' ? BINARY_CONFUSION : MULTICLASS_CONFUSION;
    const out = {};
    names.forEach((name, i) => {
        const v = scratch.values[i];
        if (n === 0)
            out[name] = undef(NO_EXAMPLES, 0);
        else if (name === 'cohen_kappa' && Number.isNaN(v))
            out[name] = undef('observed and expected agreement are both perfect (single class)', n);
        else
            out[name] = point(v, n);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/generation.ts
/** Python's `str.isspace` characters. */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RUN = new RegExp(`[${WS}]+`, 'g');
const WS_EDGES = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
/** Python's `string.punctuation` (ASCII). */
const PUNCT = /[!-/:-@[-`{-~]/g;
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
/** Effective exact-match normalisation: trim and case-fold unless disabled; the rest off unless enabled. */
function normalizeOptions(opts) {
    const o = opts.normalize ?? {};
    return {
        trim: o.trim ?? true,
        caseFold: o.caseFold ?? true,
        stripPunctuation: o.stripPunctuation ?? false,
        collapseWhitespace: o.collapseWhitespace ?? false,
    };
}
/**
 * Exact-match normalisation, in this order: case-fold (Unicode lower-casing), strip ASCII punctuation,
 * collapse whitespace runs to one space, trim whitespace.
 */
function normalizeText(s, norm) {
    if (norm.caseFold)
        s = s.toLowerCase();
    if (norm.stripPunctuation)
        s = s.replace(PUNCT, '');
    if (norm.collapseWhitespace)
        s = s.replace(WS_RUN, ' ');
    if (norm.trim)
        s = s.replace(WS_EDGES, '');
    return s;
}
/** SQuAD `normalize_answer`: lower, remove punctuation, remove articles a/an/the, split on whitespace. */
function squadNormalize(s) {
    const t = s.toLowerCase().replace(PUNCT, '').replace(ARTICLES, ' ');
    const tokens = t.split(WS_RUN);
    // split leaves empty strings at the ends when the text starts/ends with whitespace.
    let start = 0;
    let end = tokens.length;
    if (end > 0 && tokens[0] === '')
        start = 1;
    if (end > start && tokens[end - 1] === '')
        end--;
    return start === 0 && end === tokens.length ? tokens : tokens.slice(start, end);
}
/** SQuAD v2 token F1 of two token lists: both empty → 1, one empty → 0, else F1 of the multiset overlap. */
function tokenF1(pred, gold) {
    if (pred.length === 0 || gold.length === 0)
        return pred.length === gold.length ? 1 : 0;
    const counts = new Map();
    for (const t of pred)
        counts.set(t, (counts.get(t) ?? 0) + 1);
    let same = 0;
    for (const t of gold) {
        const c = counts.get(t);
        if (c) {
            same++;
            counts.set(t, c - 1);
        }
    }
    if (same === 0)
        return 0;
    const precision = same / pred.length;
    const recall = same / gold.length;
    return (2 * precision * recall) / (precision + recall);
}
/** Per-example exact match (1 when the normalised prediction equals any normalised accepted answer). */
function exactMatchPerExample(textPred, textRefs, opts) {
    const norm = normalizeOptions(opts);
    const n = textPred.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const p = normalizeText(textPred[i], norm);
        let hit = 0;
        for (const r of textRefs[i]) {
            if (normalizeText(r, norm) === p) {
                hit = 1;
                break;
            }
        }
        out[i] = hit;
    }
    return out;
}
/** Per-example token F1, the maximum over accepted answers. */
function tokenF1PerExample(textPred, textRefs) {
    const n = textPred.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const p = squadNormalize(textPred[i]);
        let best = 0;
        for (const r of textRefs[i]) {
            const f = tokenF1(p, squadNormalize(r));
            if (f > best)
                best = f;
        }
        out[i] = best;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/radix-sort.ts
/**
 * Ascending sort of NaN-free doubles by an LSD radix sort on their bit patterns: O(n), about 2.5× faster
 * than `Float64Array.prototype.sort` at 10⁵ values and more at 10⁶ (measured, docs/performance.md). The
 * ranking metrics and DeLong placements sort every class's scores, so this is on the hot path.
 */
/** Below this length the native sort wins (the radix sort's 64K-entry count table dominates). */
const RADIX_FROM = 4096;
/**
 * Sorts `a` ascending in place and returns it; `scratch` (at least as long as `a`) spares an
 * allocation. −0 sorts before +0 (they compare equal with `===`, so callers see one tie group);
 * ±Infinity sort to the ends. NaN must not occur.
 */
function sortFloat64(a, scratch) {
    const N = a.length;
    if (N < RADIX_FROM)
        return a.sort();
    // Non-negative doubles order as their unsigned bit patterns; negative ones (sign bit set) in reverse.
    // Partition by the sign bit, sort both parts by bits, reverse the negative part.
    const words = new Uint32Array(a.buffer, a.byteOffset, 2 * N);
    let negCount = 0;
    for (let i = 0; i < N; i++)
        if (words[2 * i + 1] & 0x80000000)
            negCount++;
    const tmp = scratch && scratch.length >= N ? scratch.subarray(0, N) : new Float64Array(N);
    if (negCount === 0) {
        radixByBits(a, tmp);
        return a;
    }
    const neg = new Float64Array(negCount);
    const pos = new Float64Array(N - negCount);
    let p = 0;
    let q = 0;
    for (let i = 0; i < N; i++) {
        if (words[2 * i + 1] & 0x80000000)
            neg[q++] = a[i];
        else
            pos[p++] = a[i];
    }
    radixByBits(neg, tmp.subarray(0, negCount));
    radixByBits(pos, tmp.subarray(0, N - negCount));
    for (let i = 0; i < negCount; i++)
        a[i] = neg[negCount - 1 - i];
    a.set(pos, negCount);
    return a;
}
/** Digit counts of `radixByBits`, shared (the sort is synchronous): one-vs-rest sorts 2k arrays per run. */
const COUNT = new Uint32Array(65536);
/** Sorts `a` by the unsigned 64-bit value of each entry's bits, 16 bits per pass; `tmp` is scratch. */
function radixByBits(a, tmp) {
    const N = a.length;
    const count = COUNT;
    let src = a;
    let dst = tmp;
    for (let pass = 0; pass < 4; pass++) {
        const words = new Uint32Array(src.buffer, src.byteOffset, 2 * N);
        const word = pass >> 1; // little-endian: word 0 is the low half
        const shift = (pass & 1) * 16;
        count.fill(0);
        for (let i = 0; i < N; i++)
            count[(words[2 * i + word] >>> shift) & 0xffff]++;
        // A digit every entry shares (the exponent bits of probabilities, often) needs no pass.
        if (count[(words[word] >>> shift) & 0xffff] === N)
            continue;
        let s = 0;
        for (let d = 0; d < 65536; d++) {
            const c = count[d];
            count[d] = s;
            s += c;
        }
        for (let i = 0; i < N; i++)
            dst[count[(words[2 * i + word] >>> shift) & 0xffff]++] = src[i];
        const t = src;
        src = dst;
        dst = t;
    }
    if (src !== a)
        a.set(src);
}

;// CONCATENATED MODULE: ./src/metrics/probabilistic.ts
/**
 * Metrics of predicted probabilities: binary ROC AUC, average precision, log loss, Brier score and ECE;
 * multiclass one-vs-rest AUC, log loss and top-k accuracy — matching scikit-learn 1.2.
 */

/** sklearn 1.2 `log_loss(eps="auto")`: the float64 machine epsilon. */
const LOG_LOSS_EPS = 2.220446049250313e-16;
/** Number of equal-width bins of `ece`. */
const ECE_BINS = 15;
/**
 * ROC AUC and average precision from one sort of the scores. Positives' and negatives' scores are sorted
 * separately (native typed-array sort) and merged from the top, one group per distinct score: this is
 * sklearn's `_binary_clf_curve`, and the AUC is its trapezoid over collapsed thresholds.
 */
function rankingMetrics(isPos, score, n) {
    let P = 0;
    for (let i = 0; i < n; i++)
        P += isPos[i];
    const N = n - P;
    const pos = new Float64Array(P);
    const neg = new Float64Array(N);
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
        if (isPos[i])
            pos[a++] = score[i];
        else
            neg[b++] = score[i];
    }
    sortFloat64(pos);
    sortFloat64(neg);
    let i = P - 1;
    let j = N - 1;
    let tp = 0;
    let fp = 0;
    // 2 × area in count units: exact integers while below 2^53.
    let area2 = 0;
    let ap = 0;
    let prevRecall = 0;
    while (i >= 0 || j >= 0) {
        const v = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
        let tpGroup = 0;
        let fpGroup = 0;
        while (i >= 0 && pos[i] === v) {
            tpGroup++;
            i--;
        }
        while (j >= 0 && neg[j] === v) {
            fpGroup++;
            j--;
        }
        area2 += fpGroup * (2 * tp + tpGroup);
        tp += tpGroup;
        fp += fpGroup;
        if (P > 0) {
            const recall = tp / P;
            ap += (recall - prevRecall) * (tp / (tp + fp));
            prevRecall = recall;
        }
    }
    const auc = P === 0 || N === 0 ? NaN : area2 / (2 * P * N);
    return { auc, ap: P === 0 ? 0 : ap, positives: P, negatives: N };
}
/**
 * Per-example binary log loss, sklearn 1.2: clip p to [eps, 1−eps], form [1−p, p], renormalise the row,
 * take −log of the true class's entry.
 */
function binaryLogLoss(isPos, score, n) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        let p = score[i];
        if (p < LOG_LOSS_EPS)
            p = LOG_LOSS_EPS;
        else if (p > 1 - LOG_LOSS_EPS)
            p = 1 - LOG_LOSS_EPS;
        const q = 1 - p;
        const sum = q + p;
        out[i] = -Math.log((isPos[i] ? p : q) / sum);
    }
    return out;
}
/** Per-example squared error of the positive-class probability (Brier). */
function binaryBrier(isPos, score, n) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const d = isPos[i] - score[i];
        out[i] = d * d;
    }
    return out;
}
/**
 * Expected calibration error of the positive-class probability: 15 equal-width bins, bin
 * min(⌊15·p⌋, 14) (so p = 1 falls in the last bin), Σ_bins |mean(y) − mean(p)| · n_bin / n.
 */
function expectedCalibrationError(isPos, score, n) {
    const count = new Float64Array(ECE_BINS);
    const sumY = new Float64Array(ECE_BINS);
    const sumP = new Float64Array(ECE_BINS);
    for (let i = 0; i < n; i++) {
        const p = score[i];
        let bin = Math.floor(p * ECE_BINS);
        if (bin > ECE_BINS - 1)
            bin = ECE_BINS - 1;
        count[bin]++;
        sumY[bin] += isPos[i];
        sumP[bin] += p;
    }
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) {
        const c = count[b];
        if (c === 0)
            continue;
        ece += (Math.abs(sumY[b] / c - sumP[b] / c) * c) / n;
    }
    return ece;
}
/**
 * Per-example multiclass log loss, sklearn 1.2 with `labels` = all classes: clip every probability to
 * [eps, 1−eps], renormalise the row, −log of the true class's entry. `buffer` (length n) is written
 * instead of a new array when given.
 */
function multiclassLogLoss(yTrue, proba, k, n, buffer) {
    const out = buffer && buffer.length === n ? buffer : new Float64Array(n);
    const hi = 1 - LOG_LOSS_EPS;
    for (let i = 0; i < n; i++) {
        const row = i * k;
        let sum = 0;
        for (let c = 0; c < k; c++) {
            const p = proba[row + c];
            sum += p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
        }
        const pt = proba[row + yTrue[i]];
        const clipped = pt < LOG_LOSS_EPS ? LOG_LOSS_EPS : pt > hi ? hi : pt;
        out[i] = -Math.log(clipped / sum);
    }
    return out;
}
/**
 * Macro one-vs-rest ROC AUC over the classes that have true examples (a class without true examples has
 * no OvR AUC; sklearn raises in that case). NaN when fewer than two classes have true examples.
 */
function ovrAuc(yTrue, proba, k, n) {
    const support = new Float64Array(k);
    for (let i = 0; i < n; i++)
        support[yTrue[i]]++;
    let present = 0;
    for (let c = 0; c < k; c++)
        if (support[c] > 0)
            present++;
    if (present < 2)
        return { value: NaN, classes: present };
    const isPos = new Uint8Array(n);
    const col = new Float64Array(n);
    let sum = 0;
    for (let c = 0; c < k; c++) {
        if (support[c] === 0)
            continue;
        for (let i = 0; i < n; i++) {
            isPos[i] = yTrue[i] === c ? 1 : 0;
            col[i] = proba[i * k + c];
        }
        sum += rankingMetrics(isPos, col, n).auc;
    }
    return { value: sum / present, classes: present };
}
/**
 * Per-example top-k hits with sklearn's tie rule (`argsort(kind="mergesort")[::-1]`: among equal
 * probabilities the class later in class order ranks higher). k ≥ number of classes → every example hits.
 */
function topKHits(yTrue, proba, k, n, topK, buffer) {
    const out = buffer && buffer.length === n ? buffer : new Float64Array(n);
    if (topK >= k) {
        out.fill(1);
        return out;
    }
    for (let i = 0; i < n; i++) {
        const row = i * k;
        const t = yTrue[i];
        const pt = proba[row + t];
        let rank = 0;
        for (let c = 0; c < k; c++) {
            const p = proba[row + c];
            if (p > pt || (p === pt && c > t))
                rank++;
        }
        out[i] = rank < topK ? 1 : 0;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/metrics/compute.ts
/**
 * `computeMetrics` and the per-example views (`perExampleValues`, `correctness`) that the statistics
 * build on. Mean-type metrics are computed as the mean of their per-example values, so both always agree.
 */








/** Default k of top_k_accuracy. */
const DEFAULT_TOP_K = 5;
function topK(opts) {
    const k = opts.topK ?? DEFAULT_TOP_K;
    if (!Number.isInteger(k) || k < 1) {
        throw new errors/* InputError */.dz(`expected a positive integer, got ${String(k)}`, { field: 'top_k' });
    }
    return k;
}
/** Mean of per-example values, with their spread for the error bar when asked (`MetricPoint.spread`). */
function meanPoint(values, n, spread) {
    if (n === 0)
        return undef('no examples', 0);
    const p = point(compensatedSum(values)[0] / n, n);
    return spread ? { ...p, spread: meanSpread(values) } : p;
}
/** 1 where the example's true class is the positive class. */
function positives(ds) {
    const out = new Uint8Array(ds.n);
    const yTrue = ds.yTrue;
    const pos = ds.posIndex;
    for (let i = 0; i < ds.n; i++)
        out[i] = yTrue[i] === pos ? 1 : 0;
    return out;
}
/**
 * Every metric of the dataset's task (docs/metrics.md, one section per task) plus numeric-field
 * summaries. Never throws on data.
 */
function computeMetrics(ds, opts) {
    const n = ds.n;
    const spreads = opts.meanSpreads === true;
    let out = {};
    switch (ds.task) {
        case 'binary': {
            const { k, counts } = confusionCounts(ds);
            out = metricsFromConfusion(counts, k, 'binary', ds.posIndex);
            if (ds.score) {
                if (n === 0) {
                    for (const name of ['roc_auc', 'average_precision', 'log_loss', 'brier', 'ece'])
                        out[name] = undef('no examples', 0);
                    break;
                }
                const isPos = positives(ds);
                const r = rankingMetrics(isPos, ds.score, n);
                out.roc_auc = Number.isNaN(r.auc) ? undef('only one class present in labels', n) : point(r.auc, n);
                out.average_precision = point(r.ap, n);
                out.log_loss = meanPoint(binaryLogLoss(isPos, ds.score, n), n, spreads);
                out.brier = meanPoint(binaryBrier(isPos, ds.score, n), n, spreads);
                out.ece = point(expectedCalibrationError(isPos, ds.score, n), n);
            }
            break;
        }
        case 'multiclass': {
            const { k, counts } = confusionCounts(ds);
            out = metricsFromConfusion(counts, k, 'multiclass');
            if (ds.proba) {
                const kTop = topK(opts);
                if (n === 0) {
                    for (const name of ['roc_auc_ovr', 'log_loss', 'top_k_accuracy'])
                        out[name] = undef('no examples', 0);
                    break;
                }
                const yTrue = ds.yTrue;
                // Started first: a hook that hands part of the AUC to the helper thread overlaps it with the
                // log loss and top-k computed here before its result is asked for.
                const started = (opts.ovrAuc ?? ovrAuc)(yTrue, ds.proba, k, n);
                // One per-example buffer for both means: at 10⁷ rows each array is 80 MB.
                const perExample = new Float64Array(n);
                const logLoss = k < 2
                    ? undef('log loss needs at least two classes', n)
                    : meanPoint(multiclassLogLoss(yTrue, ds.proba, k, n, perExample), n, spreads);
                const topKAccuracy = meanPoint(topKHits(yTrue, ds.proba, k, n, kTop, perExample), n, spreads);
                const auc = typeof started === 'function' ? started() : started;
                out.roc_auc_ovr = Number.isNaN(auc.value)
                    ? undef('fewer than two classes present in labels', n)
                    : point(auc.value, n);
                out.log_loss = logLoss;
                out.top_k_accuracy = topKAccuracy;
            }
            break;
        }
        case 'multilabel':
            out = multilabelMetrics(ds.mlTrue, ds.mlPred, ds.classes.length, n);
            break;
        case 'regression':
            out = regressionMetrics(ds.yTrueNum, ds.yPredNum, n);
            break;
        case 'generation':
            out.exact_match = meanPoint(exactMatchPerExample(ds.textPred, ds.textRefs, opts), n, spreads);
            out.token_f1 = meanPoint(tokenF1PerExample(ds.textPred, ds.textRefs), n, spreads);
            break;
    }
    numericSummaries(ds.numeric, out);
    return out;
}
/**
 * Per-example values whose mean is the metric (kind `mean`), else null. Null too when the metric does
 * not exist for this dataset (other task, no probabilities, unknown numeric field).
 *
 * For `<field>_mean` the array holds NaN where an example lacks the field: the metric is the mean of the
 * non-NaN entries, and paired statistics must skip NaN pairs.
 * `buffer` (length n), when given, may be written and returned instead of a new array (multiclass
 * log loss and top-k), so a caller that uses one metric's values at a time allocates once.
 */
function perExampleValues(ds, name, opts, buffer) {
    const n = ds.n;
    switch (ds.task) {
        case 'binary':
        case 'multiclass':
            if (name === 'accuracy')
                return Float64Array.from(correctness(ds, opts));
            if (ds.task === 'binary' && ds.score) {
                if (name === 'brier')
                    return binaryBrier(positives(ds), ds.score, n);
                if (name === 'log_loss')
                    return binaryLogLoss(positives(ds), ds.score, n);
            }
            if (ds.task === 'multiclass' && ds.proba) {
                const k = ds.classes.length;
                if (name === 'log_loss')
                    return k < 2 ? null : multiclassLogLoss(ds.yTrue, ds.proba, k, n, buffer);
                if (name === 'top_k_accuracy')
                    return topKHits(ds.yTrue, ds.proba, k, n, topK(opts), buffer);
            }
            break;
        case 'multilabel':
            if (name === 'subset_accuracy' || name === 'hamming_loss' || name === 'jaccard_samples') {
                return multilabelPerExample(name, ds.mlTrue, ds.mlPred, ds.classes.length, n);
            }
            break;
        case 'regression':
            if (name === 'mae' || name === 'mse' || name === 'mape')
                return regressionPerExample(name, ds.yTrueNum, ds.yPredNum, n);
            break;
        case 'generation':
            if (name === 'exact_match')
                return exactMatchPerExample(ds.textPred, ds.textRefs, opts);
            if (name === 'token_f1')
                return tokenF1PerExample(ds.textPred, ds.textRefs);
            break;
    }
    if (name.endsWith('_mean') && !taskMetricNames(ds.task, true).includes(name)) {
        const col = ds.numeric[name.slice(0, -'_mean'.length)];
        if (col)
            return Float64Array.from(col);
    }
    return null;
}
/**
 * 0/1 correctness per example (classification: pred==label; multilabel: subset match; generation: exact
 * match with the configured normalisation); null for regression.
 */
function correctness(ds, opts) {
    const n = ds.n;
    switch (ds.task) {
        case 'binary':
        case 'multiclass': {
            const out = new Uint8Array(n);
            const yTrue = ds.yTrue;
            const yPred = ds.yPred;
            for (let i = 0; i < n; i++)
                out[i] = yTrue[i] === yPred[i] ? 1 : 0;
            return out;
        }
        case 'multilabel':
            return Uint8Array.from(multilabelPerExample('subset_accuracy', ds.mlTrue, ds.mlPred, ds.classes.length, n));
        case 'generation':
            return Uint8Array.from(exactMatchPerExample(ds.textPred, ds.textRefs, opts));
        case 'regression':
            return null;
    }
}

;// CONCATENATED MODULE: ./src/metrics/index.ts









;// CONCATENATED MODULE: ./src/stats/rng.ts
/**
 * Seeded, deterministic pseudo-random numbers for the bootstrap and the simulations.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna 2018), 128-bit state, period 2^128 − 1, 32-bit output;
 * chosen because it runs in 32-bit integer arithmetic (`Math.imul`), which JavaScript does fast and
 * exactly. The state is filled from the seed with SplitMix64 (Steele, Lea & Flood 2014), the seeding the
 * xoshiro authors recommend, so that nearby seeds (0, 1, 2, …) give unrelated streams.
 *
 * Everything here is deterministic across platforms: only integer arithmetic, IEEE-754 basic operations
 * and `Math.log`/`Math.exp`/`Math.sqrt` (V8's fdlibm ports give the same bits everywhere).
 */
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MASK64 = (1n << 64n) - 1n;
/** SplitMix64 step on a BigInt state; returns [nextState, output]. Only used when seeding. */
function splitmix64(state) {
    const s = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return [s, z ^ (z >> 31n)];
}
/**
 * 53-bit hash of a seed and a label (cyrb53-style). Used to give every independent use of randomness
 * (each metric, each kind of resampling) its own stream, so that results for one metric do not depend on
 * which other metrics were computed.
 */
function deriveSeed(seed, label) {
    let h1 = 0xdeadbeef ^ (seed >>> 0);
    let h2 = 0x41c6ce57 ^ (Math.floor(seed / TWO_POW_32) >>> 0);
    for (let i = 0; i < label.length; i++) {
        const ch = label.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 2097152 * (h2 >>> 0) + (h1 >>> 11);
}
/** log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)]: the Stirling remainder used by BTRS. */
const STIRLING_TAIL_TABLE = (() => {
    const t = [];
    let logFact = 0;
    for (let k = 0; k < 10; k++) {
        if (k > 0)
            logFact += Math.log(k);
        t.push(logFact - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI)));
    }
    return t;
})();
function stirlingTail(k) {
    if (k < 10)
        return STIRLING_TAIL_TABLE[k];
    const kp1 = k + 1;
    const kp1sq = kp1 * kp1;
    return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / kp1;
}
/** e^−λ for λ = 0..30 (`poisson`: bootstrap cells have integer sizes, mostly 1). */
const EXP_NEG_INT = Float64Array.from({ length: 31 }, (_, l) => Math.exp(-l));
/**
 * P(Poisson(1) ≤ k)·2³² for k = 0..13 (the last rounds to 2³²: larger values have probability < 2⁻³²).
 * A uniform 32-bit u gives k = #{thresholds ≤ u}: inversion with integer comparisons only.
 */
const POISSON1_CDF = (() => {
    const t = [];
    let p = Math.exp(-1);
    let cdf = p;
    for (let k = 0; k < 14; k++) {
        t.push(Math.min(4294967296, Math.round(cdf * 4294967296)));
        p /= k + 1;
        cdf += p;
    }
    return Float64Array.from(t);
})();
/**
 * Seeded PRNG (xoshiro128**) with the samplers the statistics need. Not cryptographic.
 *
 * @example
 * const rng = new Rng(42);
 * rng.random();          // uniform [0, 1), 53 random bits
 * rng.binomial(1000, .3) // exact Binomial(1000, 0.3) draw
 */
class Rng {
    s0 = 0;
    s1 = 0;
    s2 = 0;
    s3 = 0;
    /** @param seed any finite number; non-integers and negatives are mapped through their 64-bit pattern. */
    constructor(seed = 0) {
        if (!Number.isFinite(seed))
            throw new RangeError(`seed must be finite, got ${seed}`);
        const buf = new DataView(new ArrayBuffer(8));
        if (Number.isSafeInteger(seed) && seed >= 0)
            buf.setBigUint64(0, BigInt(seed));
        else
            buf.setFloat64(0, seed);
        const [state1, a] = splitmix64(buf.getBigUint64(0));
        const [, b] = splitmix64(state1);
        this.s0 = Number(a & 0xffffffffn) | 0;
        this.s1 = Number(a >> 32n) | 0;
        this.s2 = Number(b & 0xffffffffn) | 0;
        this.s3 = Number(b >> 32n) | 0;
        // An all-zero state is the one fixed point of xoshiro; SplitMix64 never yields two zero words in a
        // row, but keep the guard explicit.
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
            this.s0 = 1;
    }
    /** A generator with the given raw xoshiro128** state (for tests against the reference vectors). */
    static fromState(s0, s1, s2, s3) {
        const r = new Rng(0);
        r.s0 = s0 | 0;
        r.s1 = s1 | 0;
        r.s2 = s2 | 0;
        r.s3 = s3 | 0;
        return r;
    }
    /** The raw state as four unsigned 32-bit words. */
    state() {
        return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
    }
    /** Next 32-bit unsigned integer. */
    nextU32() {
        const s0 = this.s0;
        const s1 = this.s1;
        const s2 = this.s2;
        const s3 = this.s3;
        const m = Math.imul(s1, 5);
        const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const t = s1 << 9;
        const n2 = s2 ^ s0;
        const n3 = s3 ^ s1;
        this.s1 = s1 ^ n2;
        this.s0 = s0 ^ n3;
        this.s2 = n2 ^ t;
        this.s3 = (n3 << 11) | (n3 >>> 21);
        return result;
    }
    /** Uniform double in [0, 1) with 53 random bits. */
    random() {
        const hi = this.nextU32() >>> 5; // 27 bits
        const lo = this.nextU32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) / TWO_POW_53;
    }
    /**
     * Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, as ⌊u·n⌋ of a 53-bit uniform u. Some outcomes get one
     * more of the 2^53 values of u than others: a relative bias of at most n/2^53 (1e-9 for n = 10 million),
     * far below any Monte Carlo error, for a fraction of the cost of exact rejection.
     */
    int(n) {
        return Math.floor(this.random() * n);
    }
    /**
     * Poisson(λ) variate, exact: inversion for λ ≤ 30 (about λ + 1 steps, one uniform), and for larger λ
     * the sum of Poisson(30) draws and a remainder (Poisson variates add), so the cost stays O(λ/30 + 1).
     */
    poisson(lambda) {
        if (lambda === 1)
            return this.poisson1();
        let k = 0;
        let rest = lambda;
        while (rest > 30) {
            k += this.poissonSmall(30);
            rest -= 30;
        }
        return rest > 0 ? k + this.poissonSmall(rest) : k;
    }
    /** Poisson(1) variate: the common case of `poisson` (a bootstrap cell of one example), by table. */
    poisson1() {
        const u = this.nextU32();
        if (u < POISSON1_CDF[0])
            return 0;
        if (u < POISSON1_CDF[1])
            return 1;
        let k = 2;
        while (k < POISSON1_CDF.length && u >= POISSON1_CDF[k])
            k++;
        return k;
    }
    poissonSmall(lambda) {
        // One 32-bit uniform: inversion needs no more resolution than 2⁻³² here.
        const u = this.nextU32() / 4294967296;
        let k = 0;
        let p = Number.isInteger(lambda) ? EXP_NEG_INT[lambda] : Math.exp(-lambda);
        let cdf = p;
        // The tail past k ≈ λ + 40√λ has probability below 2⁻⁵³: stop there against rounding in the sum.
        const cap = lambda + 40 * Math.sqrt(lambda) + 40;
        while (u >= cdf && k < cap) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
    /** Standard normal variate (Box–Muller; one value per call so the stream does not depend on parity). */
    normal() {
        const u1 = 1 - this.random(); // (0, 1]
        const u2 = this.random();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
    /**
     * Exact Binomial(n, p) draw. Inversion (sequential search) when n·min(p, 1−p) < 10, else Hörmann's
     * BTRS transformed rejection with squeeze (Hörmann 1993, "The generation of binomial random variates"),
     * which takes O(1) expected time however large n is.
     */
    binomial(n, p) {
        if (n <= 0 || !(p > 0))
            return 0;
        if (p >= 1)
            return n;
        if (p > 0.5)
            return n - this.binomial(n, 1 - p);
        if (n * p < 10)
            return this.binomialInversion(n, p);
        return this.binomialBtrs(n, p);
    }
    binomialInversion(n, p) {
        const q = 1 - p;
        const s = p / q;
        const a = (n + 1) * s;
        const r0 = Math.exp(n * Math.log1p(-p));
        // Rounding in the running pmf can leave a sliver of mass unaccounted for; restart rather than
        // return an absurd value (probability ~1e-15).
        const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)));
        for (;;) {
            let u = this.random();
            let r = r0;
            let x = 0;
            while (u > r) {
                u -= r;
                x++;
                if (x > bound)
                    break;
                r *= a / x - s;
            }
            if (x <= bound)
                return x;
        }
    }
    binomialBtrs(n, p) {
        const spq = Math.sqrt(n * p * (1 - p));
        const b = 1.15 + 2.53 * spq;
        const a = -0.0873 + 0.0248 * b + 0.01 * p;
        const c = n * p + 0.5;
        const vr = 0.92 - 4.2 / b;
        const alpha = (2.83 + 5.1 / b) * spq;
        const lpq = Math.log(p / (1 - p));
        const m = Math.floor((n + 1) * p);
        const h = stirlingTail(m) + stirlingTail(n - m);
        for (;;) {
            const u = this.random() - 0.5;
            let v = this.random();
            const us = 0.5 - Math.abs(u);
            const k = Math.floor(((2 * a) / us + b) * u + c);
            if (k < 0 || k > n)
                continue;
            if (us >= 0.07 && v <= vr)
                return k;
            v = Math.log((v * alpha) / (a / (us * us) + b));
            const ub = h -
                stirlingTail(k) -
                stirlingTail(n - k) +
                (k - m) * lpq +
                lgammaRatio(m, k) +
                lgammaRatio(n - m, n - k);
            if (v <= ub)
                return k;
        }
    }
    /**
     * Multinomial draw of `n` trials over cells with non-negative `weights` (need not sum to 1; integer
     * counts are best, they keep the conditional probabilities exact). Sequential conditional binomials:
     * x_j ~ Binomial(n − Σ_{i<j} x_i, w_j / Σ_{i≥j} w_i), so a draw costs O(cells), not O(n).
     * Writes into `out` (length ≥ weights.length) and returns it.
     */
    multinomial(n, weights, out) {
        const k = weights.length;
        let total = 0;
        for (let j = 0; j < k; j++)
            total += weights[j];
        let remaining = n;
        let remW = total;
        for (let j = 0; j < k; j++) {
            const w = weights[j];
            if (remaining === 0 || w <= 0) {
                out[j] = 0;
                continue;
            }
            if (w >= remW) {
                out[j] = remaining;
                remaining = 0;
                remW = 0;
                continue;
            }
            const x = this.binomial(remaining, w / remW);
            out[j] = x;
            remaining -= x;
            remW -= w;
        }
        // Weights that do not cover all trials (remW rounding with non-integer weights): the last positive
        // cell takes the remainder, which keeps Σ out = n.
        if (remaining > 0) {
            for (let j = k - 1; j >= 0; j--) {
                if (weights[j] > 0) {
                    out[j] += remaining;
                    break;
                }
            }
        }
        return out;
    }
}
/** log(x! / y!) for non-negative integers, via the Stirling form used in BTRS (exact enough there). */
function lgammaRatio(x, y) {
    // (x + ½)·log(x + 1) − (x + 1) − [(y + ½)·log(y + 1) − (y + 1)]: the smooth part of log x! − log y!.
    return (x + 0.5) * Math.log(x + 1) - (y + 0.5) * Math.log(y + 1) - x + y;
}

;// CONCATENATED MODULE: ./src/stats/normal.ts
/**
 * Standard normal cdf/sf (Cody 1993, ACM TOMS 715 `ANORM` rational approximations; ~1e-16 relative,
 * including far tails), density and quantile (Wichura 1988, AS 241 `PPND16`; ~1e-16 relative).
 */
const SQRT_32 = 5.656854249492381;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
/** log √(2π), shared by the Stirling-series forms of the binomial and gamma functions. */
const LN_SQRT_2PI = 0.9189385332046728;
/** 97.5% standard normal quantile, the multiplier of all two-sided 95% intervals. */
const normal_Z975 = 1.959963984540054;
// Cody (1993) rational-approximation coefficients for the three ranges of |x|.
const CA = [
    2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745,
];
const CB = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const CC = [
    0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
    6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const CD = [
    22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
    34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const CP = [
    0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
    0.000029112874951168793, 0.023073441764940174,
];
const CQ = [
    1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
];
/** exp(−y²/2) without the rounding error of forming y² directly (Cody's split of y into y₁ + y₂). */
function expHalfSquare(y) {
    const ysq = Math.trunc(y * 16) / 16;
    const del = (y - ysq) * (y + ysq);
    return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5);
}
/** Lower tail P(Z ≤ x) for x ≤ 0 (where it is small and must be accurate in relative terms). */
function lowerTailNeg(x) {
    const y = -x;
    if (y <= SQRT_32) {
        let xnum = CC[8] * y;
        let xden = y;
        for (let i = 0; i < 7; i++) {
            xnum = (xnum + CC[i]) * y;
            xden = (xden + CD[i]) * y;
        }
        return ((xnum + CC[7]) / (xden + CD[7])) * expHalfSquare(y);
    }
    if (y > 38.5)
        return 0;
    const xsq = 1 / (y * y);
    let xnum = CP[5] * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
        xnum = (xnum + CP[i]) * xsq;
        xden = (xden + CQ[i]) * xsq;
    }
    let temp = (xsq * (xnum + CP[4])) / (xden + CQ[4]);
    temp = (ONE_OVER_SQRT_2PI - temp) / y;
    return temp * expHalfSquare(y);
}
/** Φ(x) − ½ for |x| ≤ 0.67448975 (central range). */
function centralPart(x) {
    const xsq = x * x;
    let xnum = CA[4] * xsq;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
        xnum = (xnum + CA[i]) * xsq;
        xden = (xden + CB[i]) * xsq;
    }
    return (x * (xnum + CA[3])) / (xden + CB[3]);
}
/** Standard normal cdf Φ(x) = P(Z ≤ x); relative error ~1e-16 for x < 0, absolute ~1e-16 for x > 0. */
function normal_normalCdf(x) {
    if (Number.isNaN(x))
        return NaN;
    if (Math.abs(x) <= 0.67448975)
        return 0.5 + centralPart(x);
    return x < 0 ? lowerTailNeg(x) : 1 - lowerTailNeg(-x);
}
/** Standard normal survival function 1 − Φ(x) = Φ(−x), accurate in the upper tail. */
function normalSf(x) {
    return normal_normalCdf(-x);
}
/** Standard normal density. */
function normalPdf(x) {
    return ONE_OVER_SQRT_2PI * expHalfSquare(Math.abs(x));
}
/**
 * Standard normal quantile Φ⁻¹(p) (Wichura 1988, AS 241 PPND16, relative accuracy ~1e-16).
 * Returns ∓Infinity at p = 0/1 and NaN outside [0, 1].
 */
function normal_normalQuantile(p) {
    if (Number.isNaN(p) || p < 0 || p > 1)
        return NaN;
    if (p === 0)
        return -Infinity;
    if (p === 1)
        return Infinity;
    const q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
        const r = 0.180625 - q * q;
        return ((q *
            (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
                r +
                13731.69376550946) *
                r +
                1971.5909503065513) *
                r +
                133.14166789178438) *
                r +
                3.3871328727963665)) /
            (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
                r +
                5394.196021424751) *
                r +
                687.1870074920579) *
                r +
                42.31333070160091) *
                r +
                1));
    }
    let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
    let val;
    if (r <= 5) {
        r -= 1.6;
        val =
            (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
                1.2704582524523684) *
                r +
                3.6478483247632045) *
                r +
                5.769497221460691) *
                r +
                4.630337846156546) *
                r +
                1.4234371107496835) /
                (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
                    0.14810397642748008) *
                    r +
                    0.6897673349851) *
                    r +
                    1.6763848301838038) *
                    r +
                    2.053191626637759) *
                    r +
                    1);
    }
    else {
        r -= 5;
        val =
            (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
                0.026532189526576124) *
                r +
                0.29656057182850487) *
                r +
                1.7848265399172913) *
                r +
                5.463784911164114) *
                r +
                6.657904643501103) /
                (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
                    0.0007868691311456133) *
                    r +
                    0.014875361290850615) *
                    r +
                    0.1369298809227358) *
                    r +
                    0.599832206555888) *
                    r +
                    1);
    }
    return q < 0 ? -val : val;
}

;// CONCATENATED MODULE: ./src/stats/binomial.ts
/**
 * Exact binomial pmf and tails (Loader 2000 saddle-point form: no cancellation, accurate for n in the
 * millions).
 */

/** stirlerr(n) = log(n!) − log(√(2πn)·(n/e)^n) for integer n ≥ 0. */
const STIRLERR_SMALL = (() => {
    const t = [0];
    let fact = 1;
    for (let n = 1; n <= 15; n++) {
        fact *= n; // exact: 15! < 2^53
        t.push(Math.log(fact) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI);
    }
    return t;
})();
function stirlerr(n) {
    if (n <= 15)
        return STIRLERR_SMALL[n];
    const nn = n * n;
    const S0 = 1 / 12;
    const S1 = 1 / 360;
    const S2 = 1 / 1260;
    const S3 = 1 / 1680;
    const S4 = 1 / 1188;
    if (n > 500)
        return (S0 - S1 / nn) / n;
    if (n > 80)
        return (S0 - (S1 - S2 / nn) / nn) / n;
    if (n > 35)
        return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
/** Deviance term bd0(x, np) = x·log(x/np) + np − x, computed without cancellation near x = np. */
function bd0(x, np) {
    if (Math.abs(x - np) < 0.1 * (x + np)) {
        let v = (x - np) / (x + np);
        let s = (x - np) * v;
        let ej = 2 * x * v;
        v *= v;
        for (let j = 1; j < 1000; j++) {
            ej *= v;
            const s1 = s + ej / (2 * j + 1);
            if (s1 === s)
                return s1;
            s = s1;
        }
        return s;
    }
    return x * Math.log(x / np) + np - x;
}
/** log P(X = k) for X ~ Binomial(n, p), k integer in [0, n]. */
function binomialLogPmf(k, n, p) {
    const q = 1 - p;
    if (k < 0 || k > n)
        return -Infinity;
    if (p === 0)
        return k === 0 ? 0 : -Infinity;
    if (q === 0)
        return k === n ? 0 : -Infinity;
    if (k === 0)
        return n * Math.log1p(-p);
    if (k === n)
        return n * Math.log(p);
    const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
    return lc + 0.5 * Math.log(n / (2 * Math.PI * k * (n - k)));
}
/** P(X = k) for X ~ Binomial(n, p). */
function binomialPmf(k, n, p) {
    return Math.exp(binomialLogPmf(k, n, p));
}
/**
 * Sum of pmf(k) for k from `start` stepping by `step` (±1) while terms matter. Terms decrease
 * monotonically away from the mode, and the caller starts on the far side of it, so stopping once a
 * term no longer changes the sum is exact to rounding.
 */
function sumPmfFrom(start, step, n, p) {
    const q = 1 - p;
    let k = start;
    let term = binomialPmf(k, n, p);
    let sum = term;
    // Ratio recursion pmf(k+1)/pmf(k) = (n−k)/(k+1)·p/q, refreshed from the exact pmf every 64 steps so
    // that rounding cannot accumulate.
    for (let i = 1;; i++) {
        const next = k + step;
        if (next < 0 || next > n)
            break;
        if (i % 64 === 0)
            term = binomialPmf(next, n, p);
        else
            term = step === 1 ? (term * (n - k) * p) / ((k + 1) * q) : (term * k * q) / ((n - k + 1) * p);
        k = next;
        if (term === 0 || term < sum * 1e-17)
            break;
        sum += term;
    }
    return sum;
}
/** Upper tail P(X ≥ k) for X ~ Binomial(n, p), exact to ~1e-15 relative (summed on the small side). */
function binomial_binomialSf(k, n, p) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (p <= 0)
        return 0;
    if (p >= 1)
        return 1;
    const mean = n * p;
    if (k > mean)
        return Math.min(1, sumPmfFrom(k, 1, n, p));
    return Math.max(0, 1 - sumPmfFrom(k - 1, -1, n, p));
}
/** Lower tail P(X ≤ k) for X ~ Binomial(n, p). */
function binomialCdf(k, n, p) {
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    if (p <= 0)
        return 1;
    if (p >= 1)
        return 0;
    const mean = n * p;
    if (k < mean)
        return Math.min(1, sumPmfFrom(k, -1, n, p));
    return Math.max(0, 1 - sumPmfFrom(k + 1, 1, n, p));
}

;// CONCATENATED MODULE: ./src/stats/student-t.ts
/**
 * Gamma / beta functions and the Student t cdf/quantile via the regularised incomplete beta function
 * (continued fraction, Lentz).
 */

const EPS = 2.220446049250313e-16;
// Gamma / beta functions.
const LANCZOS_G = 7;
const LANCZOS = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];
/** Γ(x) for 0 < x ≤ ~170 (Lanczos, g = 7; ~1e-15 relative). */
function gamma(x) {
    if (x < 0.5)
        return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
    const xm = x - 1;
    let a = LANCZOS[0];
    const t = xm + LANCZOS_G + 0.5;
    for (let i = 1; i < 9; i++)
        a += LANCZOS[i] / (xm + i);
    return Math.sqrt(2 * Math.PI) * Math.pow(t, xm + 0.5) * Math.exp(-t) * a;
}
/** Stirling-series remainder lgamma(x) − [(x − ½)·log x − x + ½·log 2π], for x ≥ 10. */
function lgammacor(x) {
    const x2 = 1 / (x * x);
    return ((1 / 12 -
        x2 *
            (1 / 360 -
                x2 *
                    (1 / 1260 -
                        x2 *
                            (1 / 1680 -
                                x2 * (1 / 1188 - x2 * (691 / 360360 - x2 * (1 / 156 - (x2 * 3617) / 122400))))))) /
        x);
}
/** log Γ(x) for x > 0. */
function lgamma(x) {
    if (x >= 10)
        return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + lgammacor(x);
    return Math.log(Math.abs(gamma(x)));
}
/** log B(a, b), computed so that large arguments do not cancel (as in R's `lbeta`). */
function lbeta(a, b) {
    const p = Math.min(a, b);
    const q = Math.max(a, b);
    if (p >= 10) {
        const corr = lgammacor(p) + lgammacor(q) - lgammacor(p + q);
        return (-0.5 * Math.log(q) +
            LN_SQRT_2PI +
            corr +
            (p - 0.5) * Math.log(p / (p + q)) +
            q * Math.log1p(-p / (p + q)));
    }
    if (q >= 10) {
        const corr = lgammacor(q) - lgammacor(p + q);
        return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
    }
    return Math.log(gamma(p) * (gamma(q) / gamma(p + q)));
}
/** Continued fraction of the incomplete beta function (modified Lentz). */
function betacf(x, a, b) {
    const TINY = 1e-300;
    const qab = a + b;
    const qap = a + 1;
    const qam = a - 1;
    let c = 1;
    let d = 1 - (qab * x) / qap;
    if (Math.abs(d) < TINY)
        d = TINY;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= 100000; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = 1 + aa / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = 1 + aa / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const del = d * c;
        h *= del;
        if (Math.abs(del - 1) < EPS)
            break;
    }
    return h;
}
/**
 * Regularised incomplete beta I_x(a, b) and its complement, as [I, 1 − I], each accurate in relative
 * terms when it is the small one. `y` = 1 − x and the logarithms of x and y may be passed when the caller
 * knows them more accurately than they can be recomputed (with a large `a` or `b`, a rounding error of
 * 1e-16 in x becomes a·1e-16 in the result).
 */
function incompleteBeta(x, a, b, y = 1 - x, logX = Math.log(x), logY = Math.log(y)) {
    if (x <= 0)
        return [0, 1];
    if (y <= 0)
        return [1, 0];
    const logFront = a * logX + b * logY - lbeta(a, b);
    if (x < (a + 1) / (a + b + 2)) {
        const v = (Math.exp(logFront) * betacf(x, a, b)) / a;
        return [v, 1 - v];
    }
    const v = (Math.exp(logFront) * betacf(y, b, a)) / b;
    return [1 - v, v];
}
/** Student t cdf P(T ≤ t) with `df` > 0 degrees of freedom. */
function studentTCdf(t, df) {
    if (Number.isNaN(t) || !(df > 0))
        return NaN;
    if (t === Infinity)
        return 1;
    if (t === -Infinity)
        return 0;
    if (df === Infinity)
        return normal_normalCdf(t);
    if (t === 0)
        return 0.5;
    const t2 = t * t;
    // Two-sided tail mass beyond |t| is I_{df/(df+t²)}(df/2, ½). Logs of both arguments from log1p, so that
    // a huge df does not amplify the rounding of df/(df+t²).
    const r = t2 / df;
    const logX = -Math.log1p(r); // log(df/(df+t²))
    const logY = Math.log(r) + logX; // log(t²/(df+t²))
    const x = Math.exp(logX);
    const y = r / (1 + r);
    const tail = incompleteBeta(x, df / 2, 0.5, y, logX, logY)[0];
    return t > 0 ? 1 - tail / 2 : tail / 2;
}
/** Student t survival function P(T > t). */
function studentTSf(t, df) {
    return studentTCdf(-t, df);
}
/** Student t density. */
function studentTPdf(t, df) {
    return Math.exp((-(df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - lbeta(df / 2, 0.5));
}
/** Student t quantile: Newton iterations on the cdf from a Cornish–Fisher start, bracketed. */
function studentTQuantile(p, df) {
    if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0))
        return NaN;
    if (p === 0)
        return -Infinity;
    if (p === 1)
        return Infinity;
    if (p === 0.5)
        return 0;
    if (df === Infinity)
        return normal_normalQuantile(p);
    if (p > 0.5)
        return -studentTQuantile(1 - p, df);
    // Lower tail from here on: the answer is negative.
    const z = normal_normalQuantile(p);
    const g1 = (z * z * z + z) / 4;
    const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
    let t = z + g1 / df + g2 / (df * df);
    if (!Number.isFinite(t) || t >= 0)
        t = z;
    let lo = -Infinity;
    let hi = 0;
    for (let i = 0; i < 200; i++) {
        const f = studentTCdf(t, df) - p;
        if (f > 0)
            hi = Math.min(hi, t);
        else
            lo = Math.max(lo, t);
        const step = f / studentTPdf(t, df);
        let next = t - step;
        if (!Number.isFinite(next) || next <= lo || next >= hi) {
            next = Number.isFinite(lo) ? (lo + hi) / 2 : Math.min(2 * t, t - 1);
        }
        if (Math.abs(next - t) <= 1e-15 * Math.abs(t))
            return next;
        t = next;
    }
    return t;
}

;// CONCATENATED MODULE: ./src/stats/distributions.ts
/**
 * Distribution functions the tests need, in double precision, gathered from their one-job files:
 * - standard normal cdf/sf/pdf/quantile (normal.ts);
 * - exact binomial pmf/tails (binomial.ts);
 * - gamma/beta functions and Student t cdf/quantile (student-t.ts).
 */




;// CONCATENATED MODULE: ./src/stats/intervals.ts
/**
 * Standard errors and intervals of a mean: CLT, Wilson, clustered (Miller 2024), and the sample
 * quantile used by percentile bootstrap intervals.
 */


// The mean's CLT summary lives with the metrics' numeric helpers, which attach it to mean points.

/** Normal-approximation two-sided interval estimate ± z·se (95% by default). */
function waldInterval(estimate, se, z = Z975) {
    return [estimate - z * se, estimate + z * se];
}
/**
 * Wilson score interval for a binomial proportion with `successes` out of `n` (95% by default).
 * Preferred over the Wald interval for small n or proportions near 0 or 1, where Wald under-covers and
 * collapses to a point.
 */
function wilsonInterval(successes, n, z = normal_Z975) {
    if (!(n > 0))
        return [NaN, NaN];
    const p = successes / n;
    const z2 = z * z;
    const denom = 1 + z2 / n;
    const center = (p + z2 / (2 * n)) / denom;
    const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return [Math.max(0, center - half), Math.min(1, center + half)];
}
/**
 * Clustered standard error of a mean (Miller 2024, "Adding Error Bars to Evals", Appendix A):
 *
 *   SE_clustered = sqrt( (1/n²) · Σ_c Σ_i Σ_j (x_ic − x̄)(x_jc − x̄) )
 *               = sqrt( (1/n²) · Σ_c (Σ_{i∈c} (x_ic − x̄))² ),
 *
 * for questions that share a passage, a template or a conversation and so are not independent. With
 * singleton clusters it reduces to sqrt(Σ(x − x̄)²)/n, the n-denominator CLT form; no small-sample
 * (C/(C − 1)) correction is applied, as in the paper. NaN values are skipped.
 * Returns NaN when fewer than two values remain.
 */
function intervals_clusteredStderr(x, cluster) {
    const { n, mean } = numeric_meanStats(x);
    if (n < 2)
        return NaN;
    const bySum = new Map();
    for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (v !== v)
            continue;
        const c = cluster[i];
        bySum.set(c, (bySum.get(c) ?? 0) + (v - mean));
    }
    let ss = 0;
    for (const s of bySum.values())
        ss += s * s;
    return Math.sqrt(ss) / n;
}
/**
 * Sample quantile with linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of numpy and R). `sorted` must be ascending and free of NaN.
 */
function quantileSorted(sorted, q) {
    const n = sorted.length;
    if (n === 0)
        return NaN;
    if (n === 1)
        return sorted[0];
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    const frac = h - lo;
    return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}
/** Percentile interval [q(α/2), q(1 − α/2)] of bootstrap replicates (NaN entries dropped). */
function percentileInterval(values, level = 0.95) {
    const clean = [];
    for (let i = 0; i < values.length; i++)
        if (values[i] === values[i])
            clean.push(values[i]);
    if (clean.length === 0)
        return null;
    const sorted = Float64Array.from(clean).sort();
    const a = (1 - level) / 2;
    return [quantileSorted(sorted, a), quantileSorted(sorted, 1 - a)];
}
/**
 * Distribution-free 95% interval of a population quantile from order statistics (Conover 1999,
 * "Practical Nonparametric Statistics", §3.2): the number of sample values below the q-quantile is
 * Binomial(n, q), so ranks ⌊nq − z·√(nq(1−q))⌋ and ⌈nq + z·√(nq(1−q))⌉ (normal approximation, good for
 * n·q·(1−q) ≥ ~10) bracket it with ≈ 95% confidence. O(1) on sorted values, unlike a bootstrap (O(n)
 * per resample). The standard error is the interval's half-width over z. NaN entries must be removed.
 */
function quantileOrderInterval(sorted, q, z = 1.959963984540054) {
    const n = sorted.length;
    if (n < 2)
        return null;
    const centre = n * q;
    const spread = z * Math.sqrt(n * q * (1 - q));
    // 1-based ranks, clipped to the sample.
    const lo = Math.max(1, Math.floor(centre - spread));
    const hi = Math.min(n, Math.ceil(centre + spread));
    const ci = [sorted[lo - 1], sorted[hi - 1]];
    return { ci, se: (ci[1] - ci[0]) / (2 * z) };
}

;// CONCATENATED MODULE: ./src/stats/multiple-testing.ts
/**
 * Multiple-comparison adjustment of p-values. `null` entries (tests that could not be run) pass
 * through and do not count towards the number of hypotheses m.
 */
function collect(p) {
    const idx = [];
    const vals = [];
    p.forEach((v, i) => {
        if (v !== null && !Number.isNaN(v)) {
            idx.push(i);
            vals.push(v);
        }
    });
    return { idx, vals };
}
/**
 * Holm (1979) step-down adjusted p-values, controlling the family-wise error rate under any dependence:
 * with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎). Rejecting p̃ < α is Holm's
 * procedure at level α. Monotone in the raw p-values and capped at 1.
 */
function holm(p) {
    const out = p.map(() => null);
    const { idx, vals } = collect(p);
    const m = vals.length;
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
    let running = 0;
    order.forEach((o, rank) => {
        running = Math.max(running, Math.min(1, (m - rank) * vals[o]));
        out[idx[o]] = running;
    });
    return out;
}
/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values"), controlling the false discovery rate for
 * independent or positively dependent tests: p̃₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎ / j). Used across slices,
 * where many comparisons are expected and a few false flags are acceptable.
 */
function benjaminiHochberg(p) {
    const out = p.map(() => null);
    const { idx, vals } = collect(p);
    const m = vals.length;
    const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b] || a - b);
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
        const o = order[rank];
        // m/j ≥ 1, so an adjusted p is never below the raw one; max() removes a last-bit rounding residue.
        running = Math.min(running, Math.max(vals[o], Math.min(1, (m * vals[o]) / (rank + 1))));
        out[idx[o]] = running;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/stats/bootstrap.ts

/**
 * Resamples a table of counts: one bootstrap resample of n examples that fall into cells is, in
 * distribution, a Multinomial(n, counts/n) draw over the cells. Drawing that directly costs O(cells)
 * instead of O(n) per resample — the reason confusion-matrix metrics bootstrap fast on millions of
 * examples. Empty cells are skipped once, up front.
 */
class CountResampler {
    /** Indices of the non-empty cells. */
    cells;
    /** Counts of the non-empty cells. */
    weights;
    /** Total count n. */
    total;
    draw;
    constructor(counts) {
        const cells = [];
        let total = 0;
        for (let i = 0; i < counts.length; i++) {
            const c = counts[i];
            if (c < 0 || !Number.isFinite(c))
                throw new RangeError(`count ${i} is ${c}`);
            if (c > 0) {
                cells.push(i);
                total += c;
            }
        }
        this.cells = Int32Array.from(cells);
        this.weights = Float64Array.from(cells, (i) => counts[i]);
        this.total = total;
        this.draw = new Float64Array(cells.length);
    }
    /**
     * Draws one resample of the non-empty cells (counts in `cells` order; reused buffer, copy it to keep
     * it).
     */
    sample(rng) {
        return rng.multinomial(this.total, this.weights, this.draw);
    }
    /** Draws one resample and writes it into the full table `out` (zeros elsewhere). */
    sampleInto(rng, out) {
        const d = this.sample(rng);
        out.fill(0);
        for (let j = 0; j < d.length; j++)
            out[this.cells[j]] = d[j];
        return out;
    }
}
/** n indices drawn uniformly with replacement from [0, n). */
function resampleIndices(rng, n, out = new Int32Array(n)) {
    for (let i = 0; i < n; i++)
        out[i] = rng.int(n);
    return out;
}
/** Bootstrap standard error and percentile interval; NaN replicates are skipped. */
function summarizeReplicates(values, level = 0.95) {
    let valid = 0;
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === v) {
            valid++;
            sum += v;
        }
    }
    if (valid < 2)
        return { valid, se: null, ci: null };
    const mean = sum / valid;
    let ss = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === v)
            ss += (v - mean) * (v - mean);
    }
    return { valid, se: Math.sqrt(ss / (valid - 1)), ci: percentileInterval(values, level) };
}
/**
 * One-sided bootstrap p-value for "current is worse than baseline", from replicates δ* of
 * current − baseline:
 *
 *   p = (1 + #{δ* not in the bad direction}) / (B + 1),
 *
 * i.e. the share of resamples in which the current run is not worse (ties count as not worse), with the
 * usual +1 correction so that p is never 0 (Davison & Hinkley 1997). This is the test that inverts
 * the one-sided percentile interval: p < α exactly when the α-quantile of the worsening is above 0, so
 * the p-value and the reported percentile CI always agree. Under H0 (no change) δ* is centred on the
 * observed δ, which is itself centred on 0, and the p-value is uniform to first order (the same
 * approximation as the "shift" method of Berg-Kirkpatrick et al. 2012). NaN replicates are skipped;
 * null when none is defined.
 */
function bootstrapPValue(deltas, direction) {
    let valid = 0;
    let notWorse = 0;
    for (let i = 0; i < deltas.length; i++) {
        const d = deltas[i];
        if (d !== d)
            continue;
        valid++;
        if (direction === 'higher' ? d >= 0 : d <= 0)
            notWorse++;
    }
    if (valid === 0)
        return null;
    return (1 + notWorse) / (valid + 1);
}

;// CONCATENATED MODULE: ./src/stats/hypothesis.ts


/**
 * Exact McNemar test, one-sided: with `worse` discordant pairs that moved in the bad direction
 * (baseline right → current wrong for accuracy) and `better` the other way, under H0 each discordant
 * pair is equally likely to go either way, so p = P(X ≥ worse) with X ~ Binomial(worse + better, ½).
 * No discordant pairs → p = 1.
 */
function mcnemarExact(worse, better) {
    const n = worse + better;
    if (n === 0)
        return 1;
    return binomialSf(worse, n, 0.5);
}
/**
 * 95% Wald interval of the difference of two paired proportions, current − baseline, from the
 * discordant counts: n01 = pairs 0 → 1 (outcome gained), n10 = 1 → 0 (lost), m = pairs.
 * δ = (n01 − n10)/m, SE = sqrt(n01 + n10 − (n01 − n10)²/m)/m (the textbook form, e.g. Agresti,
 * "Categorical Data Analysis", 2nd ed., §10.1; equal to the paired-differences SE with an m denominator).
 */
function pairedProportionCi(n01, n10, m, z = Z975) {
    if (!(m > 0))
        return null;
    const d = (n01 - n10) / m;
    const se = Math.sqrt(Math.max(0, n01 + n10 - ((n01 - n10) * (n01 - n10)) / m)) / m;
    return [d - z * se, d + z * se];
}
/** One-sided p-value of a z statistic for "worse" given the metric's direction; null when se ≤ 0/NaN. */
function zTestWorse(delta, se, direction) {
    if (!(se > 0) || !Number.isFinite(delta))
        return null;
    const z = delta / se;
    return direction === 'higher' ? normalCdf(z) : normalCdf(-z);
}
/**
 * Paired (one-sample) t test on the differences, one-sided in the bad direction: t = d̄/(s_d/√m),
 * df = m − 1 — the same statistic as `scipy.stats.ttest_rel`. When all differences are equal (s_d = 0)
 * the difference is exact: p = 0 if it is in the bad direction, else 1.
 */
function pairedTTest(d, direction) {
    const s = numeric_meanStats(d);
    if (s.n < 2)
        return { n: s.n, mean: s.mean, se: NaN, df: Math.max(0, s.n - 1), p: null, ci: null };
    const df = s.n - 1;
    if (s.se === 0) {
        const bad = direction === 'higher' ? s.mean < 0 : s.mean > 0;
        return { n: s.n, mean: s.mean, se: 0, df, p: bad ? 0 : 1, ci: [s.mean, s.mean] };
    }
    const t = s.mean / s.se;
    const p = direction === 'higher' ? studentTCdf(t, df) : studentTCdf(-t, df);
    const q = -studentTQuantile(0.025, df);
    return { n: s.n, mean: s.mean, se: s.se, df, p, ci: [s.mean - q * s.se, s.mean + q * s.se] };
}
/**
 * Paired z test with a clustered standard error of the mean difference (Miller 2024, Appendix A), for
 * examples that are grouped (same passage, same conversation) and so not independent. NaN differences
 * are skipped.
 */
function pairedClusteredTest(d, cluster, direction) {
    const s = meanStats(d);
    if (s.n < 2)
        return { n: s.n, mean: s.mean, se: NaN, p: null, ci: null };
    const se = clusteredStderr(d, cluster);
    if (se === 0) {
        const bad = direction === 'higher' ? s.mean < 0 : s.mean > 0;
        return { n: s.n, mean: s.mean, se, p: bad ? 0 : 1, ci: [s.mean, s.mean] };
    }
    return {
        n: s.n,
        mean: s.mean,
        se,
        p: zTestWorse(s.mean, se, direction),
        ci: [s.mean - Z975 * se, s.mean + Z975 * se],
    };
}

;// CONCATENATED MODULE: ./src/stats/fast-resample.ts
/** Must match the metric engine's ECE (checked at run time, see the module comment). */
const fast_resample_ECE_BINS = 15;
const PERCENTILE = /^(.*)_(p50|p95)$/;
/**
 * Values at 0-based positions `pos` and `pos + 1` of the expanded sorted values, in one scan from the
 * nearer end (p95 looks at the top 5% of cells only). Writes them into `pair`.
 */
function orderStatistics(values, counts, total, pos, pair) {
    pair[0] = NaN;
    pair[1] = NaN;
    if (pos < total / 2) {
        let seen = 0;
        for (let i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (pair[0] !== pair[0] && seen > pos)
                pair[0] = values[i];
            if (seen > pos + 1) {
                pair[1] = values[i];
                return;
            }
        }
    }
    else {
        let above = 0; // drawn values in cells after i
        for (let i = counts.length - 1; i >= 0; i--) {
            above += counts[i];
            const first = total - above; // position of the first copy of values[i]
            if (pair[1] !== pair[1] && first <= pos + 1)
                pair[1] = values[i];
            if (first <= pos) {
                pair[0] = values[i];
                return;
            }
        }
    }
}
const PAIR = new Float64Array(2);
/** numpy's `linear` percentile (as the metric engine computes it) of the expanded sorted values. */
function percentileFromCounts(values, counts, total, q) {
    if (total === 0)
        return NaN;
    const virtual = (total - 1) * (q / 100);
    if (virtual >= total - 1) {
        orderStatistics(values, counts, total, total - 1, PAIR);
        return PAIR[0];
    }
    const lo = Math.floor(virtual);
    orderStatistics(values, counts, total, lo, PAIR);
    const a = PAIR[0];
    const b = PAIR[1];
    const t = virtual - lo;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
/** Cells (distinct score, label) of a binary dataset with scores, sorted by ascending score. */
function scoreCells(ds) {
    const n = ds.n;
    const score = ds.score;
    const sorted = Float64Array.from(score).sort();
    const distinct = [];
    for (let i = 0; i < n; i++)
        if (i === 0 || sorted[i] !== sorted[i - 1])
            distinct.push(sorted[i]);
    const groupScore = Float64Array.from(distinct);
    const cellOf = new Int32Array(n);
    const yTrue = ds.yTrue;
    for (let i = 0; i < n; i++) {
        // binary search for the group of score[i]
        let lo = 0;
        let hi = groupScore.length - 1;
        const s = score[i];
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (groupScore[mid] < s)
                lo = mid + 1;
            else
                hi = mid;
        }
        cellOf[i] = 2 * lo + (yTrue[i] === ds.posIndex ? 1 : 0);
    }
    return { cellOf, groupScore };
}
/**
 * Average precision and ECE of the resample in one pass over the (score group, label) cells, from the
 * highest score down. AP = Σ_groups tp_g·precision_g / P, the same sum as sklearn's Σ ΔR·P regrouped
 * (equal up to rounding); ECE = Σ_bins |mean(y) − mean(p)|·n_bin/n with 15 equal-width bins. Empty cells
 * add exactly 0 to every sum, so the loop needs no branch on them.
 */
function scoreEvaluator(groupScore) {
    const G = groupScore.length;
    const binOf = new Int32Array(G);
    for (let g = 0; g < G; g++)
        binOf[g] = Math.min(fast_resample_ECE_BINS - 1, Math.floor(groupScore[g] * fast_resample_ECE_BINS));
    const count = new Float64Array(fast_resample_ECE_BINS);
    const sumY = new Float64Array(fast_resample_ECE_BINS);
    const sumP = new Float64Array(fast_resample_ECE_BINS);
    return (counts) => {
        count.fill(0);
        sumY.fill(0);
        sumP.fill(0);
        let g = G - 1;
        // Skip the empty groups above the first drawn score: precision is undefined (0/0) there.
        while (g >= 0 && counts[2 * g] + counts[2 * g + 1] === 0)
            g--;
        let tp = 0;
        let fp = 0;
        let apSum = 0;
        for (; g >= 0; g--) {
            const c0 = counts[2 * g];
            const c1 = counts[2 * g + 1];
            tp += c1;
            fp += c0;
            apSum += c1 * (tp / (tp + fp));
            const bin = binOf[g];
            const c = c0 + c1;
            count[bin] += c;
            sumY[bin] += c1;
            sumP[bin] += c * groupScore[g];
        }
        const n = tp + fp;
        let ece = 0;
        for (let b = 0; b < fast_resample_ECE_BINS; b++) {
            const c = count[b];
            if (c === 0)
                continue;
            ece += (Math.abs(sumY[b] / c - sumP[b] / c) * c) / n;
        }
        return [tp === 0 ? 0 : apSum / tp, ece];
    };
}
function fast_resample_close(a, b) {
    if (b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b))
        return false;
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}
/**
 * Cell groups for the metrics of `names` that have a specialised evaluator and whose evaluator
 * reproduces `reference` (the metric values on the rows `rows` of `ds`, or on all rows). Returns the
 * groups and the names they handle; other names need the generic path.
 */
function buildCellGroups(ds, names, reference, rows) {
    const groups = [];
    const handled = new Set();
    const onesFor = (cellOf, cells) => {
        const c = new Float64Array(cells);
        if (rows) {
            for (let j = 0; j < rows.length; j++) {
                const cell = cellOf[rows[j]];
                if (cell >= 0)
                    c[cell]++;
            }
        }
        else {
            for (let i = 0; i < cellOf.length; i++)
                if (cellOf[i] >= 0)
                    c[cellOf[i]]++;
        }
        return c;
    };
    const wantsScore = names.filter((n) => n === 'average_precision' || n === 'ece');
    if (wantsScore.length > 0 &&
        ds.task === 'binary' &&
        ds.score &&
        ds.yTrue &&
        ds.posIndex !== undefined &&
        ds.n > 0) {
        const { cellOf, groupScore } = scoreCells(ds);
        const G = groupScore.length;
        const evalScores = scoreEvaluator(groupScore);
        const [ap, ece] = evalScores(onesFor(cellOf, 2 * G));
        const ok = wantsScore.filter((name) => fast_resample_close(name === 'average_precision' ? ap : ece, reference[name]?.value));
        if (ok.length > 0) {
            const apAt = ok.indexOf('average_precision');
            const eceAt = ok.indexOf('ece');
            for (const name of ok)
                handled.add(name);
            groups.push({
                names: ok,
                cellOf,
                cells: 2 * G,
                counts: new Float64Array(2 * G),
                values: new Float64Array(ok.length),
                evaluate: (counts, _total, out) => {
                    const r = evalScores(counts);
                    if (apAt >= 0)
                        out[apAt] = r[0];
                    if (eceAt >= 0)
                        out[eceAt] = r[1];
                },
            });
        }
    }
    const byField = new Map();
    for (const name of names) {
        const m = PERCENTILE.exec(name);
        if (m && ds.numeric[m[1]] !== undefined) {
            if (!byField.has(m[1]))
                byField.set(m[1], []);
            byField.get(m[1]).push(name);
        }
    }
    for (const [field, fieldNames] of byField) {
        const col = ds.numeric[field];
        const order = [];
        for (let i = 0; i < col.length; i++)
            if (col[i] === col[i])
                order.push(i);
        order.sort((x, y) => col[x] - col[y] || x - y);
        const values = Float64Array.from(order, (i) => col[i]);
        const cellOf = new Int32Array(col.length).fill(-1);
        order.forEach((row, rank) => (cellOf[row] = rank));
        const all = onesFor(cellOf, values.length);
        const allTotal = all.reduce((a, b) => a + b, 0);
        const qs = [];
        const ok = [];
        for (const name of fieldNames) {
            const q = name.endsWith('_p50') ? 50 : 95;
            if (fast_resample_close(percentileFromCounts(values, all, allTotal, q), reference[name]?.value)) {
                ok.push(name);
                qs.push(q);
                handled.add(name);
            }
        }
        if (ok.length > 0) {
            groups.push({
                names: ok,
                cellOf,
                cells: values.length,
                counts: new Float64Array(values.length),
                values: new Float64Array(ok.length),
                evaluate: (counts, total, out) => {
                    for (let i = 0; i < qs.length; i++)
                        out[i] = percentileFromCounts(values, counts, total, qs[i]);
                },
            });
        }
    }
    return { groups, handled };
}
/** Counts the drawn rows into each group's cells and evaluates its metrics into `out[name][b]`. */
function evaluateGroups(groups, drawnRows, out, b) {
    for (const g of groups) {
        const total = countCells(g.cellOf, drawnRows, g.counts);
        g.evaluate(g.counts, total, g.values);
        for (let i = 0; i < g.names.length; i++)
            out[g.names[i]][b] = g.values[i];
    }
}
function countCells(cellOf, drawnRows, counts) {
    counts.fill(0);
    let total = 0;
    for (let i = 0; i < drawnRows.length; i++) {
        const c = cellOf[drawnRows[i]];
        if (c >= 0) {
            counts[c]++;
            total++;
        }
    }
    return total;
}

;// CONCATENATED MODULE: ./src/stats/example-bootstrap.ts
/**
 * Bootstrap over examples for metrics that are neither means nor functions of the confusion matrix
 * (average precision, ECE, percentiles, R², …): each resample gathers rows with `subsetDataset` and
 * recomputes with `computeMetrics`, O(n) or O(n log n) per resample. Only the columns the requested
 * metrics can depend on are carried into the resamples, so a bootstrap of `latency_ms_p95` does not
 * also re-sort the scores for AUC, and a bootstrap of `average_precision` does not re-sort every numeric
 * field.
 */



const SUMMARY = /^(.*)_(mean|p50|p95)$/;
/**
 * Default cap on the rows a bootstrap over examples may gather in total (resamples × rows). A resample
 * of these metrics costs O(n) (O(n log n) on the generic path), so with millions of examples the default
 * 2,000 resamples would take minutes; above 100,000 examples the number of resamples is reduced to
 * ⌊cap / n⌋, never below 200. Confusion, DeLong, CLT and McNemar methods are not affected.
 */
const DEFAULT_MAX_RESAMPLED_ROWS = 2e8;
/** Fewest resamples the cap may leave (p-values can then go down to 1/201). */
const MIN_EXAMPLE_RESAMPLES = 200;
/** Resamples for a bootstrap over n examples under the row cap. */
function exampleResamples(B, n, maxRows = DEFAULT_MAX_RESAMPLED_ROWS) {
    if (n <= 0)
        return B;
    return Math.min(B, Math.max(MIN_EXAMPLE_RESAMPLES, Math.floor(maxRows / n)));
}
/** Numeric field a summary metric (`<field>_mean/_p50/_p95`) reads, when `name` is one. */
function numericFieldOf(ds, name) {
    const m = SUMMARY.exec(name);
    if (m && ds.numeric[m[1]] !== undefined)
        return m[1];
    return undefined;
}
/** A shallow copy of `ds` without the columns none of `names` needs (cheaper to resample and recompute). */
function stripForMetrics(ds, names) {
    const fields = new Set();
    let onlyNumeric = true;
    for (const name of names) {
        const f = numericFieldOf(ds, name);
        if (f !== undefined)
            fields.add(f);
        else
            onlyNumeric = false;
    }
    const numeric = {};
    for (const f of fields)
        numeric[f] = ds.numeric[f];
    const out = { ...ds, numeric, slices: {} };
    delete out.cluster;
    if (onlyNumeric) {
        // Task metrics are not wanted: drop the costly probability columns (AUC, AP, log-loss sorts).
        delete out.score;
        delete out.proba;
    }
    return out;
}
const FAST_CANDIDATE = /^(average_precision|ece|.+_p50|.+_p95)$/;
/** Reference values for the fast evaluators' self-check: the metrics on the rows `rows` (or all rows). */
function referenceValues(lean, names, metricOpts, rows, given) {
    if (!names.some((n) => FAST_CANDIDATE.test(n)))
        return {};
    if (given && !rows)
        return given;
    return computeMetrics(rows ? subsetDataset(lean, rows) : lean, metricOpts);
}
/**
 * From this many examples on, the error bars of the cell-count metrics (AP, ECE, percentiles) use the
 * Poisson bootstrap: every example is drawn Poisson(1) times, independently, instead of n draws with
 * replacement. A cell of s examples then gets a Poisson(s) count — O(cells) per resample with no
 * random access to the rows. That wins once the rows no longer fit in cache: measured (`npm run bench`,
 * `bench:stats`) at 10⁶ binary examples 9.8 s → 4.9 s for `metrics`, but at 10⁵ the multinomial draw is
 * faster (3.3 s against 4.8 s for 2,000 resamples), hence the threshold. The two bootstraps agree to
 * O(1/n) (Hanley & MacGibbon 2006; Chamandy et al. 2012); `test/stats/poisson-bootstrap.test.ts` checks
 * their standard errors against each other.
 */
const POISSON_FROM = 1_000_000;
/** Poisson-bootstrap replicates of every group's metrics into `out` (see `POISSON_FROM`). */
function poissonReplicates(groups, rng, B, out) {
    const sizes = groups.map((g) => {
        const s = new Float64Array(g.cells);
        for (let i = 0; i < g.cellOf.length; i++)
            if (g.cellOf[i] >= 0)
                s[g.cellOf[i]]++;
        return s;
    });
    for (let b = 0; b < B; b++) {
        for (let j = 0; j < groups.length; j++) {
            const g = groups[j];
            const size = sizes[j];
            let total = 0;
            for (let c = 0; c < g.cells; c++) {
                const k = size[c] === 0 ? 0 : rng.poisson(size[c]);
                g.counts[c] = k;
                total += k;
            }
            g.evaluate(g.counts, total, g.values);
            for (let i = 0; i < g.names.length; i++)
                out[g.names[i]][b] = g.values[i];
        }
    }
}
/**
 * B bootstrap replicates of the metrics `names` on `ds`: returns name → Float64Array(B), NaN where the
 * metric is undefined on a resample. `points` (the metrics on all of `ds`, when the caller has them)
 * saves one computation for the fast evaluators' self-check. `poissonFrom`: see `POISSON_FROM` (tests
 * lower it to compare both draws on the same data).
 */
function bootstrapExamples(ds, names, metricOpts, B, rng, points, poissonFrom = POISSON_FROM) {
    const out = {};
    for (const name of names)
        out[name] = new Float64Array(B);
    const lean = stripForMetrics(ds, names);
    const { groups, handled } = buildCellGroups(ds, names, referenceValues(lean, names, metricOpts, undefined, points));
    const generic = names.filter((n) => !handled.has(n));
    if (generic.length === 0 && ds.n >= poissonFrom) {
        poissonReplicates(groups, rng, B, out);
        return out;
    }
    const leanGeneric = stripForMetrics(ds, generic);
    const idx = new Int32Array(ds.n);
    for (let b = 0; b < B; b++) {
        resampleIndices(rng, ds.n, idx);
        evaluateGroups(groups, idx, out, b);
        if (generic.length === 0)
            continue;
        const pts = computeMetrics(subsetDataset(leanGeneric, idx), metricOpts);
        for (const name of generic)
            out[name][b] = pts[name]?.value ?? NaN;
    }
    return out;
}
/**
 * B paired bootstrap replicates of current − baseline for `names`: one resample draws m pair indices
 * with replacement and recomputes both runs' metrics on their rows of those pairs.
 */
function pairedBootstrapExamples(base, cur, baseIdx, curIdx, names, metricOpts, B, rng) {
    const out = {};
    for (const name of names)
        out[name] = new Float64Array(B);
    const fb = buildCellGroups(base, names, referenceValues(stripForMetrics(base, names), names, metricOpts, baseIdx), baseIdx);
    const fc = buildCellGroups(cur, names, referenceValues(stripForMetrics(cur, names), names, metricOpts, curIdx), curIdx);
    // A metric takes the fast path only when both runs can.
    const fast = new Set([...fb.handled].filter((n) => fc.handled.has(n)));
    // A group that also evaluates a metric the other run cannot is harmless: that value is ignored.
    const keep = (g) => g.names.some((n) => fast.has(n));
    const gb = fb.groups.filter(keep);
    const gc = fc.groups.filter(keep);
    const generic = names.filter((n) => !fast.has(n));
    const leanBase = stripForMetrics(base, generic);
    const leanCur = stripForMetrics(cur, generic);
    const m = baseIdx.length;
    const pick = new Int32Array(m);
    const bRows = new Int32Array(m);
    const cRows = new Int32Array(m);
    const vb = {};
    const vc = {};
    for (const g of [...gb, ...gc]) {
        for (const name of g.names) {
            vb[name] = new Float64Array(1);
            vc[name] = new Float64Array(1);
        }
    }
    for (let b = 0; b < B; b++) {
        resampleIndices(rng, m, pick);
        gatherPairs(pick, baseIdx, curIdx, bRows, cRows);
        if (fast.size > 0) {
            evaluateGroups(gb, bRows, vb, 0);
            evaluateGroups(gc, cRows, vc, 0);
            for (const name of fast)
                out[name][b] = vc[name][0] - vb[name][0];
        }
        if (generic.length === 0)
            continue;
        const pb = computeMetrics(subsetDataset(leanBase, bRows), metricOpts);
        const pc = computeMetrics(subsetDataset(leanCur, cRows), metricOpts);
        for (const name of generic) {
            const x = pb[name]?.value;
            const y = pc[name]?.value;
            out[name][b] = x === null || x === undefined || y === null || y === undefined ? NaN : y - x;
        }
    }
    return out;
}
/** Rows of both runs for drawn pair indices (a small monomorphic loop V8 optimises well). */
function gatherPairs(pick, baseIdx, curIdx, bRows, cRows) {
    for (let i = 0; i < pick.length; i++) {
        const j = pick[i];
        bRows[i] = baseIdx[j];
        cRows[i] = curIdx[j];
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
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
    return (0,external_node_os_.availableParallelism)() >= 2;
}
/**
 * The helper's script: `worker.js` beside the bundle chunk this code is in (dist/ and dist/cli/, see
 * scripts/post-build.mjs), or `worker.ts` beside this file when running from source (tests, tsx).
 */
function workerScript() {
    const dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'worker.js')))
        return { file: (0,external_node_path_.join)(dir, 'worker.js'), source: false };
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'worker.ts')))
        return { file: (0,external_node_path_.join)(dir, 'worker.ts'), source: true };
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
                new external_node_worker_threads_.Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify((0,external_node_url_.pathToFileURL)(file).href)}); });`, 
                // Not the parent's flags: a worker inheriting `--import tsx` never lets the process exit.
                { eval: true, execArgv: [] })
            : new external_node_worker_threads_.Worker(file);
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
function waitSync(done, timeoutMs) {
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
function getHelper() {
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
function ovr_passes_ovrPasses(input, classes, weights, acc, results, columns) {
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

;// CONCATENATED MODULE: ./src/stats/delong-ovr.ts
/**
 * DeLong for one-vs-rest multiclass ROC AUC: the per-class AUCs of one run share their examples, so the
 * macro (or prevalence-weighted) average has the variance wᵀΣw with Σ the joint covariance of the
 * per-class AUCs — not the sum of their variances.
 *
 * Every per-class AUC is a two-sample U-statistic whose influence on example i is its DeLong structural
 * component: ψ_c(i) = (V10_c(i) − A_c)/√(m_c(m_c − 1)) when i is of class c, (V01_c(i) − A_c)/√(n_c(n_c − 1))
 * otherwise (m_c, n_c: examples of and not of class c). Σ_cd = Σ_i ψ_c(i)·ψ_d(i): its diagonal is exactly
 * the binary DeLong variance of `delong.ts`, off the diagonal the covariance through the examples both
 * classes' AUCs use (the same U-statistic theory; DeLong et al. 1988, §2). Since
 * wᵀΣw = Σ_i (Σ_c w_c ψ_c(i))², the average's variance needs only the per-example combination ψ̄(i), one
 * Float64Array of n — the k×k matrix is never materialised unless asked for (`ovrCovariance`).
 *
 * Cost: one radix argsort per class (O(n) each) and O(n·k) sums, once — no resampling. For a paired test
 * both runs' ψ̄ are computed on the same pairs and labels, and Var(A₂ − A₁) = Σ_i (ψ̄₂(i) − ψ̄₁(i))².
 *
 * Weights: macro gives every class present in the labels weight 1/P (sklearn `average="macro"`);
 * weighted gives class c its prevalence m_c/N (sklearn `average="weighted"`), treated as fixed — the
 * variance is conditional on the class counts, as binary DeLong's is on m and n.
 */



/**
 * Per-class OvR AUCs of `input`, their `average`, and the per-example influence of the average. With
 * `classes` given, exactly those classes are used (a paired test must use the same set in both runs).
 * `columns` receives each class's ψ_c when given (tests and `ovrCovariance` use it).
 *
 * Within `ovrParallel`'s row range ψ̄ is summed in two halves of the classes, the
 * first half's sum plus the second's, whether or not the helper thread computes the second half
 * (ovr-parallel.ts): the same doubles on one thread or two.
 */
function ovrInfluence(input, average = 'macro', classes, columns) {
    return beginOvrInfluence(input, average, classes, columns)();
}
/**
 * `ovrInfluence` in two steps: this call hands the second half of the classes to the helper thread
 * when that pays (ovr-parallel.ts); the returned function computes the first half on this thread,
 * waits for the second and joins them. Work done between the two steps overlaps the helper's half
 * (`computeMetrics` computes log loss and top-k there); `background` tells whether the helper took it.
 * The input must not change in between.
 */
function beginOvrInfluence(input, average = 'macro', classes, columns) {
    const { n, k, label } = input;
    const support = new Float64Array(k);
    for (let i = 0; i < n; i++)
        support[label[i]]++;
    const present = classes ?? [...Array(k).keys()].filter((c) => support[c] > 0);
    const out = { auc: NaN, classes: present, perClass: [], weights: [], psiBar: null };
    if (present.length < 2)
        return Object.assign(() => out, { background: false });
    const total = present.reduce((s, c) => s + support[c], 0);
    out.weights = present.map((c) => (average === 'macro' ? 1 / present.length : support[c] / total));
    const P = present.length;
    const results = new Float64Array(3 * P);
    const psiBar = new Float64Array(n);
    // Two halves only where the helper may take one (a property of the data, not of the machine, so the
    // doubles do not depend on whether a helper ran); elsewhere one sum and no second array.
    const h = halvesPay(n) && !columns ? Math.ceil(P / 2) : P;
    const second = h < P ? startSecondHalf(input, present.slice(h), out.weights.slice(h)) : undefined;
    const join = () => joinHalves(input, out, h, results, psiBar, second, average, columns);
    return Object.assign(join, { background: second !== undefined });
}
/** The second step of `beginOvrInfluence`: this thread's half, the helper's (or its own), the sums. */
function joinHalves(input, out, h, results, psiBar, second, average, columns) {
    const { n } = input;
    const present = out.classes;
    const P = present.length;
    let whole = ovr_passes_ovrPasses(input, present.slice(0, h), out.weights.slice(0, h), psiBar, results, columns);
    if (h < P) {
        let rest = second?.finish();
        if (!rest) {
            const psi = new Float64Array(n);
            const r = new Float64Array(3 * (P - h));
            rest = { psi, results: r, whole: ovr_passes_ovrPasses(input, present.slice(h), out.weights.slice(h), psi, r) };
        }
        results.set(rest.results, 3 * h);
        whole &&= rest.whole;
        if (whole) {
            const psi = rest.psi;
            for (let i = 0; i < n; i++)
                psiBar[i] += psi[i];
        }
    }
    let auc = 0;
    for (let j = 0; j < P; j++) {
        out.perClass.push(results[3 * j]);
        auc += out.weights[j] * results[3 * j];
    }
    // Macro: Σ AUC_c / P in class order, as `ovrAuc` (metrics/probabilistic.ts) sums it, so that both
    // give the same double.
    out.auc = average === 'macro' ? out.perClass.reduce((s, a) => s + a, 0) / present.length : auc;
    out.psiBar = whole ? psiBar : null;
    return out;
}
/** Macro OvR DeLong passes by probability block (a WeakMap: they go when the block goes). */
const macroPasses = new WeakMap();
/**
 * Macro OvR AUC of all rows (the `MetricOptions.ovrAuc` hook): one DeLong pass, kept for
 * `cachedOvr`, so that the error bar and the paired test that follow need no second sort per class.
 * While the helper thread computes half of it, returns the second step of `beginOvrInfluence` (the
 * caller's other work overlaps the helper's half until it calls it); otherwise the value itself.
 */
function ovrAucWithVariance(yTrue, proba, k, n) {
    const finish = beginOvrInfluence(ovrInput(yTrue.length === n ? yTrue : yTrue.subarray(0, n), proba, k));
    const done = () => {
        const r = finish();
        const pass = { auc: r.auc, variance: r.psiBar ? sumSquares(r.psiBar) : NaN, psiBar: r.psiBar };
        macroPasses.set(proba, { yTrue, n, pass });
        return { value: r.classes.length < 2 ? NaN : r.auc, classes: r.classes.length };
    };
    // Nothing on the helper thread to overlap: the pass runs now, so that its scratch (~20 bytes per row)
    // is garbage before the caller allocates the buffers of the next metrics — at 10⁷ rows their sum
    // would take the run past 2 GiB (measured 2,101 MiB against 1,957).
    return finish.background ? done : done();
}
/** The pass `ovrAucWithVariance` made over exactly these rows, if it ran on them. */
function cachedOvr(yTrue, proba, n) {
    const m = macroPasses.get(proba);
    return m && m.yTrue === yTrue && m.n === n ? m.pass : undefined;
}
/** Σ_i x_i². */
function sumSquares(x) {
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += x[i] * x[i];
    return s;
}
/** Averaged OvR AUC and its DeLong variance (NaN when a present class has < 2 examples in or out). */
function delongOvr(input, average = 'macro') {
    const r = ovrInfluence(input, average);
    return { auc: r.auc, variance: r.psiBar ? sumSquares(r.psiBar) : NaN };
}
/**
 * Joint DeLong covariance matrix of the present classes' AUCs (row-major P × P, classes as in
 * `ovrInfluence`). O(n·P²): for tests and diagnostics; the averaged variance does not need it.
 */
function ovrCovariance(input) {
    const cols = [];
    const r = ovrInfluence(input, 'macro', undefined, (_c, psi) => cols.push(Float64Array.from(psi)));
    const P = cols.length;
    const cov = new Float64Array(P * P);
    for (let a = 0; a < P; a++)
        for (let b = a; b < P; b++) {
            let s = 0;
            const x = cols[a];
            const y = cols[b];
            for (let i = 0; i < x.length; i++)
                s += x[i] * y[i];
            cov[a * P + b] = s;
            cov[b * P + a] = s;
        }
    return { classes: r.classes, cov };
}
/**
 * Paired OvR DeLong on the same rows and labels: both runs' averaged AUCs over the same classes and
 * Var(A₂ − A₁) = Σ_i (ψ̄₂(i) − ψ̄₁(i))². `base` and `cur` must have identical `label` arrays (class
 * indices in a shared numbering); the caller maps class names.
 */
function delongOvrPaired(base, cur, average = 'macro') {
    const a = ovrInfluence(base, average);
    const b = ovrInfluence(cur, average, a.classes);
    let v = NaN;
    if (a.psiBar && b.psiBar) {
        let s = 0;
        for (let i = 0; i < a.psiBar.length; i++) {
            const d = b.psiBar[i] - a.psiBar[i];
            s += d * d;
        }
        v = s;
    }
    return { auc1: a.auc, auc2: b.auc, varianceOfDifference: v };
}

;// CONCATENATED MODULE: ./src/stats/error-bars.ts
/**
 * Standard errors and 95% confidence intervals for every metric of one run (docs/statistics.md, 'Error bars
 * of one run (`withErrorBars`)'): CLT / Wilson / clustered for means, multinomial bootstrap for
 * confusion-matrix metrics, DeLong for binary ROC AUC, and a bootstrap over examples for everything else.
 * Deterministic given the seed.
 */








/** Default number of bootstrap resamples. */
const DEFAULT_BOOTSTRAP = 2000;
/** Below this many examples a 0/1 mean gets the Wilson interval instead of the CLT one. */
const WILSON_BELOW_N = 100;
function undefinedValue(p, n) {
    const v = { value: null, n, stderr: null, ci: null };
    if (p.undefined !== undefined)
        v.undefined = p.undefined;
    return v;
}
function finite(x) {
    return typeof x === 'number' && Number.isFinite(x);
}
/**
 * Error bars of a mean-type metric: from its values' spread (CLT or Wilson), or from the values
 * themselves when clustered.
 */
function meanErrorBars(value, spread, binary, clustered) {
    const s = spread.stats;
    const out = { value, n: s.n, stderr: null, ci: null };
    if (s.n < 2)
        return out;
    if (clustered) {
        const se = intervals_clusteredStderr(clustered.vals, clustered.cluster);
        out.stderr = se;
        out.ci = [value - normal_Z975 * se, value + normal_Z975 * se];
        out.method = 'clustered';
        return out;
    }
    out.stderr = s.se;
    // The CLT interval under-covers for small n and collapses to a point at 0% or 100%; Wilson does not.
    if (binary && spread.zeroOne && (s.n < WILSON_BELOW_N || s.mean === 0 || s.mean === 1)) {
        out.ci = wilsonInterval(Math.round(s.mean * s.n), s.n);
        out.method = 'wilson';
        return out;
    }
    out.ci = [value - normal_Z975 * s.se, value + normal_Z975 * s.se];
    out.method = 'clt';
    return out;
}
/** Which uncertainty method a metric of this dataset gets (falls back to `other` when data is missing). */
function effectiveKind(ds, name) {
    const kind = metricSpec(name, ds.task)?.kind ?? 'other';
    if (kind === 'confusion' && (ds.task === 'binary' || ds.task === 'multiclass') && ds.yTrue && ds.yPred)
        return kind;
    if (kind === 'auc' && ds.task === 'binary' && ds.score && ds.yTrue && ds.posIndex !== undefined)
        return kind;
    if (kind === 'auc' && ds.task === 'multiclass' && ds.proba && ds.yTrue)
        return kind;
    if (kind === 'mean')
        return kind;
    return 'other';
}
/**
 * Adds `n`, `stderr`, a 95% `ci` and the `method` to every metric point of `ds`:
 * - `mean` metrics: CLT standard error s/√n (sample sd, n − 1), CI value ± 1.959964·SE (`clt`); 0/1
 *   outcomes with n < 100, or a proportion of exactly 0 or 1, get the Wilson interval (`wilson`); with
 *   `ds.cluster`, the clustered SE of Miller (2024) (`clustered`);
 * - `confusion` metrics: bootstrap in which a resample is one Multinomial(n, counts/n) draw over the k×k
 *   confusion cells, metrics recomputed with `confusionValues`; SE = sd of replicates, CI =
 *   percentile (2.5%, 97.5%) (`bootstrap`);
 * - `auc`: DeLong variance (Sun & Xu fast algorithm) of binary ROC AUC, and of the macro one-vs-rest
 *   AUC from the joint covariance of the per-class AUCs (`delong-ovr.ts`); CI from the SE on the logit
 *   scale (see `aucInterval`), which stays inside [0, 1] and covers better than value ± 1.96·SE (`delong`);
 * - `other`: bootstrap over examples (`subsetDataset` + `computeMetrics`, or an equivalent O(n)
 *   evaluator for AP, ECE and percentiles); undefined resamples skipped; resamples capped by
 *   `maxResampledRows` for very large n.
 * Undefined points stay undefined (stderr and ci null). A stderr that cannot be estimated (n < 2, fewer
 * than two defined replicates) is null with ci null.
 */
function withErrorBars(ds, points, opts) {
    const B = Math.max(0, Math.floor(opts.bootstrap ?? DEFAULT_BOOTSTRAP));
    const seed = opts.seed ?? 0;
    const cluster = opts.clusterField !== false ? ds.cluster : undefined;
    const out = {};
    const confusionNames = [];
    const otherNames = [];
    let buffer;
    for (const [name, p] of Object.entries(points)) {
        const n = p.n ?? ds.n;
        if (!finite(p.value)) {
            out[name] = undefinedValue(p, n);
            continue;
        }
        const kind = effectiveKind(ds, name);
        if (kind === 'mean') {
            const binary = metricSpec(name, ds.task)?.binaryOutcome === true;
            if (p.spread && !cluster) {
                out[name] = meanErrorBars(p.value, p.spread, binary);
                continue;
            }
            // One buffer for every mean metric of the run (the values are used before the next metric's).
            const vals = perExampleValues(ds, name, opts.metric, (buffer ??= new Float64Array(ds.n)));
            if (vals) {
                out[name] = meanErrorBars(p.value, meanSpread(vals), binary, cluster && { vals, cluster });
                continue;
            }
            otherNames.push(name);
        }
        else if (kind === 'confusion')
            confusionNames.push(name);
        else if (ORDER_STATISTIC_FROM_N <= n && PERCENTILE_SUMMARY.test(name)) {
            out[name] = percentileErrorBars(ds, name, p.value, n);
        }
        else if (kind === 'auc') {
            const yTrue = ds.yTrue;
            let variance;
            if (ds.task === 'multiclass') {
                variance =
                    cachedOvr(yTrue, ds.proba, ds.n)?.variance ??
                        delongOvr(ovrInput(yTrue, ds.proba, ds.classes.length)).variance;
            }
            else {
                const pos = new Uint8Array(ds.n);
                for (let i = 0; i < ds.n; i++)
                    pos[i] = yTrue[i] === ds.posIndex ? 1 : 0;
                variance = delongVariance(placements(ds.score, pos)).variance;
            }
            const v = { value: p.value, n, stderr: null, ci: null };
            if (Number.isFinite(variance)) {
                const se = Math.sqrt(variance);
                v.stderr = se;
                v.ci = aucInterval(p.value, se);
                v.method = 'delong';
            }
            out[name] = v;
        }
        else
            otherNames.push(name);
    }
    if (confusionNames.length > 0) {
        const { k, counts } = confusionCounts(ds);
        const resampler = new CountResampler(counts);
        const rng = new Rng(deriveSeed(seed, 'confusion'));
        const reps = {};
        for (const name of confusionNames)
            reps[name] = new Float64Array(B);
        const table = new Float64Array(counts.length);
        const task = ds.task;
        const scratch = confusionScratch(k);
        const at = confusionNames.map((name) => confusionIndex(task, name));
        const cols = confusionNames.map((name) => reps[name]);
        for (let b = 0; b < B; b++) {
            resampler.sampleInto(rng, table);
            confusionValues(table, k, task, ds.posIndex, scratch);
            for (let j = 0; j < at.length; j++)
                cols[j][b] = at[j] >= 0 ? scratch.values[at[j]] : NaN;
        }
        for (const name of confusionNames)
            out[name] = fromReplicates(points[name], ds.n, reps[name]);
    }
    if (otherNames.length > 0) {
        const rng = new Rng(deriveSeed(seed, 'examples'));
        const reps = bootstrapExamples(ds, otherNames, opts.metric, exampleResamples(B, ds.n, opts.maxResampledRows), rng, points);
        for (const name of otherNames)
            out[name] = fromReplicates(points[name], points[name].n ?? ds.n, reps[name]);
    }
    // Keep the caller's key order.
    const ordered = {};
    for (const name of Object.keys(points))
        ordered[name] = out[name];
    return ordered;
}
/**
 * 95% interval of an AUC from its DeLong SE, on the logit scale: logit(A) ± 1.959964·SE/(A(1 − A)),
 * mapped back. The plain A ± 1.96·SE interval under-covers for small samples and AUCs near 1 (86.7% at
 * n = 50 and 93.9% at n = 2,000 in scripts/simulate.ts's model, against 94.3% and 94.6% on the logit scale;
 * Pepe 2003; Qin & Hotilovac 2008). At A = 0 or 1 the logit is infinite and the plain interval,
 * clipped to [0, 1], is used.
 */
function aucInterval(auc, se) {
    if (auc > 0 && auc < 1 && se > 0) {
        const l = Math.log(auc / (1 - auc));
        const h = (normal_Z975 * se) / (auc * (1 - auc));
        return [1 / (1 + Math.exp(-(l - h))), 1 / (1 + Math.exp(-(l + h)))];
    }
    return [Math.max(0, auc - normal_Z975 * se), Math.min(1, auc + normal_Z975 * se)];
}
/** `<field>_p50` / `<field>_p95`. */
const PERCENTILE_SUMMARY = /^(.+)_(p50|p95)$/;
/**
 * From this many examples on, percentiles get the order-statistic interval instead of the example
 * bootstrap: it is distribution-free and exact enough there, and O(n log n) once instead of O(n) per
 * resample (the bootstrap of a percentile over a million examples took ~10 s).
 */
const ORDER_STATISTIC_FROM_N = 1000;
function percentileErrorBars(ds, name, value, n) {
    const m = PERCENTILE_SUMMARY.exec(name);
    const col = ds.numeric[m[1]];
    const present = [];
    if (col)
        for (let i = 0; i < col.length; i++)
            if (col[i] === col[i])
                present.push(col[i]);
    const sorted = Float64Array.from(present).sort();
    const r = quantileOrderInterval(sorted, m[2] === 'p50' ? 0.5 : 0.95);
    if (!r)
        return { value, n, stderr: null, ci: null };
    return { value, n, stderr: r.se, ci: r.ci, method: 'order-statistic' };
}
function fromReplicates(p, n, reps) {
    const s = summarizeReplicates(reps);
    const v = { value: p.value, n, stderr: s.se, ci: s.ci };
    if (s.se !== null)
        v.method = 'bootstrap';
    return v;
}

;// CONCATENATED MODULE: ./src/metrics/id-index.ts
/**
 * Row look-up by example id for a million ids: an open-addressing table of row numbers keyed by an
 * FNV-1a hash of each id (no per-entry allocation, no rehashing while it grows). Measured at 10⁶ ids
 * (2 Dec 2026): building it takes 0.10 s against 0.15–0.35 s for a `Set` (the duplicate check every run
 * makes is `idsUnique`, cheaper still);
 * pairing two runs' ids in different orders is about as fast as a `Map` (0.26–0.30 s against 0.27–0.41 s).
 */

/** FNV-1a over the UTF-16 code units of `s`. */
function hashOf(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    // Mix the high bits down: the table uses the low ones.
    return (h ^ (h >>> 15)) | 0;
}
/**
 * Whether no two of `ids` are equal: the check every run makes, without building an `IdIndex`, whose
 * inserts are a cache miss each (0.2 s at 10⁶ ids on the bench machine). Two steps, each exact:
 * - ids in strictly increasing shortlex order (by length, then code units: counters like `ex-000123`,
 *   and integer ids, which are ordered by length first) are distinct, as a sequential scan shows;
 * - otherwise a 53-bit key per id (two FNV-1a variants) is radix-sorted, and only ids whose keys are
 *   equal to a neighbour's are compared as strings (none at all, almost always).
 * Measured at 10⁶ ids: ~10 ms ordered, 75–120 ms shuffled, against ~0.2 s for the `IdIndex` table.
 * `key` is for tests (a constant key sends every id through the string comparison).
 */
function idsUnique(ids, key = keyOf) {
    const n = ids.length;
    let ordered = true;
    for (let i = 1; i < n && ordered; i++) {
        const a = ids[i - 1];
        const b = ids[i];
        ordered = a.length < b.length || (a.length === b.length && a < b);
    }
    if (ordered)
        return true;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++)
        keys[i] = key(ids[i]);
    sortFloat64(keys);
    let suspects;
    for (let i = 1; i < n; i++)
        if (keys[i] === keys[i - 1])
            (suspects ??= new Set()).add(keys[i]);
    if (!suspects)
        return true;
    const seen = new Set();
    for (let i = 0; i < n; i++) {
        if (!suspects.has(key(ids[i])))
            continue;
        if (seen.has(ids[i]))
            return false;
        seen.add(ids[i]);
    }
    return true;
}
/** A 53-bit integer from two 32-bit FNV-1a variants over the code units of `s` (exact as a double). */
function keyOf(s) {
    let h = 0x811c9dc5;
    let g = 0x050c5d1f;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h = Math.imul(h ^ c, 0x01000193);
        g = Math.imul(g ^ c, 0x01000193) ^ (g >>> 13);
    }
    return (h >>> 0) * 0x200000 + (g >>> 11);
}
/** Ids → first row holding them. */
class IdIndex {
    ids;
    table;
    mask;
    /** First row whose id an earlier row already has, or −1. */
    firstDuplicate = -1;
    constructor(ids) {
        this.ids = ids;
        const n = ids.length;
        // Load factor at most 2/3: short linear probes, and 10⁷ ids take a 64 MiB table, not 128 MiB.
        let size = 16;
        while (size < 1.5 * n)
            size *= 2;
        this.mask = size - 1;
        this.table = new Int32Array(size).fill(-1);
        // No stored hashes: a probe compares the strings (unequal ids differ within a few characters), which
        // keeps the transient memory at 4 bytes per slot — 64 MiB for 10⁷ ids.
        for (let i = 0; i < n; i++) {
            const id = ids[i];
            let slot = hashOf(id) & this.mask;
            for (;;) {
                const j = this.table[slot];
                if (j < 0) {
                    this.table[slot] = i;
                    break;
                }
                if (ids[j] === id) {
                    if (this.firstDuplicate < 0)
                        this.firstDuplicate = i;
                    break;
                }
                slot = (slot + 1) & this.mask;
            }
        }
    }
    /** The first row with this id, or −1. */
    get(id) {
        let slot = hashOf(id) & this.mask;
        for (;;) {
            const j = this.table[slot];
            if (j < 0)
                return -1;
            if (this.ids[j] === id)
                return j;
            slot = (slot + 1) & this.mask;
        }
    }
}

;// CONCATENATED MODULE: ./src/stats/pairing.ts

/**
 * The ids both lists hold, in the current list's order: `baseIds[bi[j]] === curIds[ci[j]]`. Also the
 * pairing of score and corpus columns (scores.ts, corpus-test.ts).
 */
function matchIds(baseIds, curIds) {
    // The last row of a repeated id wins, as a Map filled in row order gives: a dataset's ids are checked
    // unique, a score or corpus column's are not, so a repeat takes the (rare) Map path.
    const where = new IdIndex(baseIds);
    const lastOf = where.firstDuplicate < 0 ? undefined : lastRows(baseIds);
    const bi = [];
    const ci = [];
    for (let j = 0; j < curIds.length; j++) {
        const i = lastOf ? (lastOf.get(curIds[j]) ?? -1) : where.get(curIds[j]);
        if (i >= 0) {
            bi.push(i);
            ci.push(j);
        }
    }
    return { bi, ci };
}
function lastRows(ids) {
    const m = new Map();
    ids.forEach((id, i) => m.set(id, i));
    return m;
}
function positiveName(ds) {
    return ds.posIndex === undefined ? undefined : ds.classes[ds.posIndex];
}
/**
 * Pairs the examples of two runs on the intersection of their ids, in the current run's order.
 * `info.paired` is true when the overlap is non-empty and the runs are comparable (same task; for binary
 * tasks, the same positive class). Callers should warn when `overlap_ratio` < 0.95.
 */
function pairDatasets(base, cur) {
    let baseIdx;
    let curIdx;
    if (sameIdsInOrder(base, cur)) {
        // The usual case (the same eval set, written in the same order): no hash map needed.
        baseIdx = Int32Array.from({ length: cur.n }, (_, i) => i);
        curIdx = baseIdx;
    }
    else {
        const m = matchIds(base.ids, cur.ids);
        baseIdx = Int32Array.from(m.bi);
        curIdx = Int32Array.from(m.ci);
    }
    const overlap = baseIdx.length;
    const compatible = base.task === cur.task && (base.task !== 'binary' || positiveName(base) === positiveName(cur));
    const denom = Math.max(base.n, cur.n);
    return {
        info: {
            paired: overlap > 0 && compatible,
            n_baseline: base.n,
            n_current: cur.n,
            overlap,
            overlap_ratio: denom > 0 ? overlap / denom : 0,
        },
        baseIdx,
        curIdx,
    };
}
function sameIdsInOrder(base, cur) {
    if (base.n !== cur.n)
        return false;
    const a = base.ids;
    const b = cur.ids;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/stats/randomization.ts
/**
 * Paired randomization (approximate randomization / sign-flip) tests for metrics that are not means of
 * per-example values (F1, precision, recall, MCC, kappa, balanced accuracy, macro/weighted averages,
 * corpus-level metrics). Under "no change" the two runs' outputs on an example are exchangeable, so
 * swapping them per example gives the null distribution of the metric difference. Only examples whose
 * outputs differ (discordant examples) change anything when swapped; examples are grouped into cells
 * of identical (baseline output, current output), and swapping k of the n examples of a cell is a
 * Binomial(n, ½) draw — so one relabelling costs O(cells), not O(examples).
 *
 * When the number of distinct relabellings Π(nₖ + 1) is small (always with ≤ 17 discordant examples)
 * the distribution is enumerated exactly with weights Π C(nₖ, sₖ)/2^nₖ; otherwise B relabellings are
 * drawn. With 0/1 outcomes (accuracy) the exact distribution is the exact McNemar test's, so accuracy
 * and F1 computed on the same flips tell the same story.
 */

/** Largest number of distinct relabellings enumerated exactly (2^17). */
const EXACT_RELABELLINGS = 1 << 17;
/**
 * Smallest number of sampled relabellings or resamples for a family of m tests at level α: 20·m/α, so
 * that the smallest attainable p-value, 1/(B + 1), times m stays 20 times below α (Holm can then still
 * reject every metric).
 */
function minResamples(m, alpha) {
    return Math.ceil((20 * Math.max(1, m)) / alpha);
}
/**
 * Randomization distribution over discordant cells with counts `cells`: `evaluate(swaps, out)` writes the
 * k statistics of the relabelling that swaps `swaps[c]` examples of cell c. Exact when
 * Π(cells[c] + 1) ≤ `exactLimit`, else `B` draws from `rng`.
 */
function randomizationDistribution(cells, k, evaluate, B, rng, exactLimit = EXACT_RELABELLINGS) {
    const nc = cells.length;
    const swaps = new Int32Array(nc);
    const observed = new Float64Array(k);
    evaluate(swaps, observed);
    let combos = 1;
    let discordant = 0;
    for (let c = 0; c < nc; c++) {
        discordant += cells[c];
        combos *= cells[c] + 1;
        if (combos > exactLimit)
            combos = Infinity;
    }
    const out = new Float64Array(k);
    if (combos <= exactLimit) {
        const values = new Float64Array(combos * k);
        const weights = new Float64Array(combos);
        // log-free weights: the pmf of each cell's swap count, multiplied.
        const pmf = Array.from({ length: nc }, (_, c) => Float64Array.from({ length: cells[c] + 1 }, (_, s) => binomialPmf(s, cells[c], 0.5)));
        for (let r = 0; r < combos; r++) {
            let w = 1;
            for (let c = 0; c < nc; c++)
                w *= pmf[c][swaps[c]];
            weights[r] = w;
            evaluate(swaps, out);
            values.set(out, r * k);
            // Mixed-radix increment.
            for (let c = 0; c < nc; c++) {
                if (swaps[c] < cells[c]) {
                    swaps[c]++;
                    break;
                }
                swaps[c] = 0;
            }
        }
        return { observed, values, weights, count: combos, exact: true, discordant };
    }
    const values = new Float64Array(B * k);
    for (let r = 0; r < B; r++) {
        for (let c = 0; c < nc; c++)
            swaps[c] = rng.binomial(cells[c], 0.5);
        evaluate(swaps, out);
        values.set(out, r * k);
    }
    return { observed, values, weights: null, count: B, exact: false, discordant };
}
/** Column j of a distribution's values. */
function statisticColumn(d, j, k) {
    const col = new Float64Array(d.count);
    for (let r = 0; r < d.count; r++)
        col[r] = d.values[r * k + j];
    return col;
}

;// CONCATENATED MODULE: ./src/stats/confusion-randomization.ts
/**
 * Paired randomization test of confusion-matrix metrics (F1, precision, recall, MCC, kappa, balanced
 * accuracy, macro/micro/weighted averages): the paired examples are grouped by (baseline cell, current
 * cell) of the two confusion matrices, both in one shared class indexing; swapping the runs' outputs on
 * s of the n examples of a discordant group moves s counts between the two matrices. See
 * `randomization.ts` for the exact/sampled distribution and `margin.ts` for the test with a tolerance.
 */


/**
 * Builds the randomization distribution of the worsening (positive = worse, per `directions`) of
 * `names` between two binary/multiclass runs. Undefined when a binary pair of runs does not have two
 * shared classes (the caller falls back to the paired bootstrap).
 */
function confusionRandomization(base, cur, pairing, names, directions, B, rng) {
    const union = [...new Set([...base.classes, ...cur.classes])];
    const k = union.length;
    const task = cur.task;
    let pos;
    if (task === 'binary') {
        if (k !== 2 || base.posIndex === undefined || cur.posIndex === undefined)
            return undefined;
        pos = union.indexOf(cur.classes[cur.posIndex]);
        if (pos !== union.indexOf(base.classes[base.posIndex]))
            return undefined;
    }
    const mapB = Int32Array.from(base.classes, (c) => union.indexOf(c));
    const mapC = Int32Array.from(cur.classes, (c) => union.indexOf(c));
    const kk = k * k;
    const fixed = new Float64Array(kk);
    const groups = new Map();
    const yb = base.yTrue;
    const pb = base.yPred;
    const yc = cur.yTrue;
    const pc = cur.yPred;
    for (let j = 0; j < pairing.baseIdx.length; j++) {
        const i = pairing.baseIdx[j];
        const l = pairing.curIdx[j];
        const a = mapB[yb[i]] * k + mapB[pb[i]];
        const b = mapC[yc[l]] * k + mapC[pc[l]];
        if (a === b)
            fixed[a]++;
        else
            groups.set(a * kk + b, (groups.get(a * kk + b) ?? 0) + 1);
    }
    const keys = [...groups.keys()].sort((x, y) => x - y);
    const from = Int32Array.from(keys, (key) => Math.floor(key / kk));
    const to = Int32Array.from(keys, (key) => key % kk);
    const counts = Float64Array.from(keys, (key) => groups.get(key));
    const tb = new Float64Array(kk);
    const tc = new Float64Array(kk);
    const signs = names.map((n) => (directions(n) === 'higher' ? -1 : 1));
    // Allocation-free evaluation of both tables (confusionValues): B resamples, each with two.
    const sb = confusionScratch(k);
    const sc = confusionScratch(k);
    const at = names.map((n) => confusionIndex(task, n));
    const evaluate = (swaps, out) => {
        tb.set(fixed);
        tc.set(fixed);
        for (let c = 0; c < keys.length; c++) {
            const s = swaps[c];
            const kept = counts[c] - s;
            tb[from[c]] += kept;
            tc[to[c]] += kept;
            tb[to[c]] += s;
            tc[from[c]] += s;
        }
        confusionValues(tb, k, task, pos, sb);
        confusionValues(tc, k, task, pos, sc);
        // An undefined metric (NaN) on either side makes the difference NaN.
        for (let j = 0; j < names.length; j++)
            out[j] = at[j] < 0 ? NaN : signs[j] * (sc.values[at[j]] - sb.values[at[j]]);
    };
    const dist = randomizationDistribution(counts, names.length, evaluate, B, rng);
    return {
        dist,
        names,
        observed: (j) => dist.observed[j],
        column: (j) => statisticColumn(dist, j, names.length),
    };
}

;// CONCATENATED MODULE: ./src/stats/compare-result.ts
/**
 * A TestResult from a margin test on the worsening scale: the bound is turned back into a bound on
 * current − baseline (an upper bound when higher is better).
 */
function marginResult(method, paired, mt, direction, t, alpha, ciDelta) {
    const sign = direction === 'higher' ? -1 : 1;
    const r = {
        method,
        paired,
        p_value: mt.p,
        ci_delta: mt.p === null ? null : ciDelta,
        tolerance: t,
        bound: mt.bound === null ? null : mt.bound === -Infinity ? null : sign * mt.bound,
        alpha,
        se: mt.se,
    };
    if (mt.df !== undefined)
        r.df = mt.df;
    if (mt.min_p !== undefined)
        r.min_p = mt.min_p;
    if (mt.reason)
        r.reason = mt.reason;
    return r;
}
/** Two-sided 95% interval of current − baseline from a worsening interval [lo, hi]. */
function deltaInterval(lo, hi, direction) {
    return direction === 'higher' ? [-hi, -lo] : [lo, hi];
}

;// CONCATENATED MODULE: ./src/stats/margin.ts
/**
 * Non-inferiority ("margin") tests: one-sided tests of H0: worsening ≤ t against H1: worsening > t,
 * where the worsening is the change in the metric's bad direction (positive = worse) and t ≥ 0 is the
 * tolerance the user configured. With t = 0 they are the plain one-sided "is it worse at all" tests.
 *
 * Every test here also returns the one-sided lower confidence bound of the worsening obtained by
 * inverting the same test, so that p < α ⇔ bound > t: the p-value and the interval never disagree.
 * docs/statistics.md describes each test and why it was chosen.
 */


const NONE = (reason) => ({ p: null, bound: null, se: null, reason });
/**
 * z test with a margin: p = P(Z > (w − t)/se), bound = w − z₁₋α·se (DeLong, unpaired z). A zero or
 * undefined standard error gives no test (p null with a reason), never p = 0.
 */
function zMarginTest(w, se, t, alpha) {
    if (!Number.isFinite(w))
        return NONE('the change is not a finite number');
    if (!(se > 0) || !Number.isFinite(se))
        return NONE('the standard error of the change is 0 or undefined');
    return { p: normalSf((w - t) / se), bound: w - normal_normalQuantile(1 - alpha) * se, se };
}
/**
 * Paired t test with a margin on per-pair worsenings wᵢ (NaN skipped): T = (w̄ − t)/(s_w/√m), df = m − 1,
 * the statistic of `scipy.stats.ttest_1samp(w, popmean=t, alternative="greater")`; bound =
 * w̄ − t₁₋α,ₘ₋₁·s_w/√m. When every wᵢ is equal the change is exact: p = 0 if w̄ > t, else 1.
 */
function tMarginTest(w, t, alpha) {
    const s = numeric_meanStats(w);
    if (s.n < 2)
        return { ...NONE('fewer than two pairs'), n: s.n };
    const df = s.n - 1;
    if (s.se === 0)
        return { p: s.mean > t ? 0 : 1, bound: s.mean, se: 0, df, n: s.n };
    return {
        p: studentTSf((s.mean - t) / s.se, df),
        bound: s.mean - studentTQuantile(1 - alpha, df) * s.se,
        se: s.se,
        df,
        n: s.n,
    };
}
/**
 * Cluster-robust paired t test with a margin: the CR1 standard error of the mean worsening,
 * √(C/(C − 1))·√(Σ_c (Σ_{i∈c}(wᵢ − w̄))²)/n, and a t reference with C − 1 degrees of freedom (the
 * small-sample correction of Cameron & Miller 2015; what statsmodels' OLS with `cov_type="cluster"`,
 * `use_t=True` gives for an intercept-only model). Needs at least 2 clusters.
 */
function clusteredMarginTest(w, cluster, t, alpha) {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < w.length; i++) {
        if (w[i] === w[i]) {
            n++;
            sum += w[i];
        }
    }
    const mean = n > 0 ? sum / n : NaN;
    const bySum = new Map();
    for (let i = 0; i < w.length; i++) {
        const v = w[i];
        if (v !== v)
            continue;
        bySum.set(cluster[i], (bySum.get(cluster[i]) ?? 0) + (v - mean));
    }
    const C = bySum.size;
    if (n < 2 || C < 2)
        return { ...NONE('fewer than two clusters'), n, clusters: C };
    let ss = 0;
    for (const s of bySum.values())
        ss += s * s;
    const se = Math.sqrt(C / (C - 1)) * (Math.sqrt(ss) / n);
    const df = C - 1;
    if (!(se > 0))
        return { p: mean > t ? 0 : 1, bound: mean, se: 0, df, n, clusters: C };
    return {
        p: studentTSf((mean - t) / se, df),
        bound: mean - studentTQuantile(1 - alpha, df) * se,
        se,
        df,
        n,
        clusters: C,
    };
}
/**
 * Tango's (1998) score statistic for the difference of two paired proportions with a margin. `lost`
 * pairs went good → bad, `gained` bad → good, out of n pairs; the worsening is θ = (lost − gained)/n
 * and H0: θ ≤ δ. Z = (lost − gained − nδ)/√(n(2p̃ + δ(1 − δ))), where p̃ is the maximum-likelihood
 * estimate of P(gained) under θ = δ, the positive root of 2n·p² + B·p + C = 0 with
 * B = −(lost + gained) + (2n − lost + gained)δ and C = −gained·δ(1 − δ) (Tango 1998; Liu et al. 2002).
 */
function tangoScore(lost, gained, n, delta) {
    const A = 2 * n;
    const B = -(lost + gained) + (2 * n - lost + gained) * delta;
    const C = -gained * delta * (1 - delta);
    const disc = Math.max(0, B * B - 4 * A * C);
    const p = Math.max(0, (-B + Math.sqrt(disc)) / (2 * A));
    const v = n * (2 * p + delta * (1 - delta));
    const num = lost - gained - n * delta;
    if (!(v > 0))
        return num > 0 ? Infinity : num < 0 ? -Infinity : 0;
    return num / Math.sqrt(v);
}
/**
 * Test of a paired proportion (accuracy-like 0/1 outcome) with margin t. With t = 0 it is the exact
 * McNemar test: p = P(X ≥ lost), X ~ Binomial(lost + gained, ½), and the bound inverts the exact
 * sign-flip distribution of (lost − gained)/n. With t > 0 it is Tango's score test, whose bound is the
 * δ at which Tango's one-sided p equals α (bisection). Both are conditional-on-H0 variance tests, not
 * Wald tests: a large observed drop does not shrink its own standard error.
 */
function pairedProportionMarginTest(lost, gained, n, t, alpha) {
    if (!(n > 0))
        return NONE('no pairs');
    const s = lost + gained;
    if (t <= 0) {
        const p = s === 0 ? 1 : binomial_binomialSf(lost, s, 0.5);
        // Largest k with P(X ≥ k) ≥ α: the sign-flip critical value. Reject ⇔ lost > k ⇔ bound > 0.
        let lo = 0;
        let hi = s;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (binomial_binomialSf(mid, s, 0.5) >= alpha)
                lo = mid;
            else
                hi = mid - 1;
        }
        const bound = s === 0 ? 0 : (2 * (lost - lo)) / n;
        return { p, bound: s === 0 ? -Infinity : bound, se: Math.sqrt(s) / n, min_p: Math.pow(0.5, s) };
    }
    if (t >= 1)
        return { p: 1, bound: -Infinity, se: Math.sqrt(s) / n };
    const z = tangoScore(lost, gained, n, t);
    const p = normalSf(z);
    const zc = normal_normalQuantile(1 - alpha);
    const w = (lost - gained) / n;
    // Z(δ) decreases in δ; Z(w) = 0 < zc, so the bound lies below w.
    let lo = -1 + 1e-12;
    let hi = w;
    let bound;
    if (tangoScore(lost, gained, n, lo) < zc)
        bound = -Infinity;
    else {
        for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
            const mid = (lo + hi) / 2;
            if (tangoScore(lost, gained, n, mid) > zc)
                lo = mid;
            else
                hi = mid;
        }
        bound = lo;
    }
    // Variance of the estimated worsening under H0 (Tango's denominator), for the MDE.
    const A = 2 * n;
    const B = -s + (2 * n - lost + gained) * t;
    const C = -gained * t * (1 - t);
    const pt = Math.max(0, (-B + Math.sqrt(Math.max(0, B * B - 4 * A * C))) / (2 * A));
    return { p, bound, se: Math.sqrt((2 * pt + t * (1 - t)) / n) };
}
/**
 * Margin test from bootstrap replicates w* of the worsening: p = (1 + #{w* ≤ t})/(B + 1), the test that
 * inverts the one-sided percentile interval. The bound is the j-th smallest replicate with
 * j = ⌈α(B + 1) − 1⌉, so that p < α ⇔ bound > t exactly. NaN replicates are skipped.
 */
function replicateMarginTest(replicates, t, alpha) {
    const vals = [];
    for (let i = 0; i < replicates.length; i++)
        if (replicates[i] === replicates[i])
            vals.push(replicates[i]);
    const B = vals.length;
    if (B === 0)
        return NONE('undefined on every resample');
    let le = 0;
    for (const v of vals)
        if (v <= t)
            le++;
    const p = (1 + le) / (B + 1);
    vals.sort((a, b) => a - b);
    const j = Math.ceil(alpha * (B + 1) - 1 - 1e-9);
    const bound = j >= 1 ? vals[Math.min(B, j) - 1] : -Infinity;
    return { p, bound, se: sd(vals), min_p: 1 / (B + 1) };
}
/**
 * Margin test from a randomization (sign-flip) null distribution of the worsening: `values` are the
 * worsenings of the relabelled configurations, with probabilities `weights` when they were enumerated
 * exactly, or equally likely draws when `weights` is null (then p = (1 + #{…})/(B + 1), which counts
 * the observed configuration). The null distribution is that of "no change"; shifting it by t gives
 * p = P(w* ≥ w − t). The bound is w − v, v the largest value with P(w* ≥ v) ≥ α, so that p < α ⇔
 * bound > t. NaN values (metric undefined in a configuration) are dropped.
 */
function randomizationMarginTest(observed, values, weights, t, alpha) {
    if (!Number.isFinite(observed))
        return NONE('the metric is undefined in one run');
    const pts = [];
    let total = 0;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v)
            continue;
        const w = weights ? weights[i] : 1;
        pts.push({ v, w });
        total += w;
    }
    if (pts.length === 0 || !(total > 0))
        return NONE('undefined in every relabelling');
    // Metric values of relabellings that tie with the observed one can differ in the last bits.
    const eps = 1e-12 * Math.max(1, Math.abs(observed));
    const x = observed - t;
    let ge = 0;
    for (const q of pts)
        if (q.v >= x - eps)
            ge += q.w;
    const exact = weights !== null;
    const p = exact ? Math.min(1, ge / total) : (1 + ge) / (pts.length + 1);
    // Critical value: largest v with tail mass P(w* ≥ v) ≥ α (on the same scale as p).
    pts.sort((a, b) => b.v - a.v);
    let tail = exact ? 0 : 1;
    const denom = exact ? total : pts.length + 1;
    // Sampled: the observed configuration always counts, so with B + 1 ≤ 1/α nothing can reject.
    let crit = tail / denom >= alpha ? Infinity : -Infinity;
    for (let i = 0; i < pts.length && crit === -Infinity; i++) {
        const v = pts[i].v;
        // Accumulate the whole group of (near-)equal values before testing.
        while (i < pts.length && pts[i].v >= v - eps)
            tail += pts[i++].w;
        i--;
        if (tail / denom >= alpha) {
            crit = v;
            break;
        }
    }
    // Smallest attainable p: the mass of the largest value (exact), or 1/(B + 1) (sampled).
    const top = pts[0].v;
    let topMass = 0;
    for (const q of pts)
        if (q.v >= top - eps)
            topMass += q.w;
    const minP = exact ? topMass / total : 1 / (pts.length + 1);
    let mean = 0;
    for (const q of pts)
        mean += q.w * q.v;
    mean /= total;
    let ss = 0;
    for (const q of pts)
        ss += q.w * (q.v - mean) * (q.v - mean);
    return {
        p,
        bound: crit === Infinity ? -Infinity : observed - crit,
        se: Math.sqrt(ss / total),
        min_p: minP,
    };
}
/**
 * Minimum detectable effect: the worsening beyond the tolerance that a one-sided test at level α with
 * standard error se detects with the given power (default 80%): (q₁₋α + q_power)·se, with Student t
 * quantiles when df is given, else normal ones.
 */
function minimumDetectableEffect(se, alpha, power = 0.8, df) {
    if (se === null || !Number.isFinite(se) || se < 0)
        return null;
    const q = (p) => (df !== undefined && df > 0 ? studentTQuantile(p, df) : normal_normalQuantile(p));
    return (q(1 - alpha) + q(power)) * se;
}
/** Power of the one-sided z test at level α against a true worsening `beyond` the tolerance. */
function zTestPower(beyond, se, alpha) {
    return normalCdf(beyond / se - normalQuantile(1 - alpha));
}
function sd(v) {
    if (v.length < 2)
        return null;
    let m = 0;
    for (const x of v)
        m += x;
    m /= v.length;
    let ss = 0;
    for (const x of v)
        ss += (x - m) * (x - m);
    return Math.sqrt(ss / (v.length - 1));
}

;// CONCATENATED MODULE: ./src/stats/compare-auc.ts





/** Paired DeLong test of binary ROC AUC with margin; undefined when a run lacks scores or labels disagree. */
function compareAuc(base, cur, pairing, name, setup) {
    if (base.task === 'multiclass' && cur.task === 'multiclass')
        return compareOvrAuc(base, cur, pairing, name, setup);
    if (base.task !== 'binary' || cur.task !== 'binary')
        return undefined;
    if (!base.score || !cur.score || !base.yTrue || !cur.yTrue)
        return undefined;
    if (base.posIndex === undefined || cur.posIndex === undefined)
        return undefined;
    const direction = setup.direction(name);
    const t = setup.tolerance(name);
    const { baseIdx, curIdx } = pairing;
    const m = baseIdx.length;
    const pos = new Uint8Array(m);
    const sb = new Float64Array(m);
    const sc = new Float64Array(m);
    for (let j = 0; j < m; j++) {
        const pb = base.yTrue[baseIdx[j]] === base.posIndex;
        const pc = cur.yTrue[curIdx[j]] === cur.posIndex;
        // Relabelled examples: the two AUCs are on different ground truth, and DeLong's covariance does not
        // apply. Let the caller fall back to the unpaired test.
        if (pb !== pc)
            return undefined;
        pos[j] = pb ? 1 : 0;
        sb[j] = base.score[baseIdx[j]];
        sc[j] = cur.score[curIdx[j]];
    }
    const a = placements(sb, pos);
    const b = placements(sc, pos);
    if (!(a.m > 0 && a.n > 0))
        return undefined;
    const r = delongPaired(a, b);
    return delongResult(r.auc2 - r.auc1, r.varianceOfDifference, direction, t, setup.alpha);
}
/** DeLong z test with margin from the AUC difference and its variance; a variance of 0 is no test. */
function delongResult(delta, v, direction, t, alpha) {
    const w = direction === 'higher' ? -delta : delta;
    const se = Number.isFinite(v) && v > 0 ? Math.sqrt(v) : 0;
    const mt = zMarginTest(w, se, t, alpha);
    if (mt.p === null)
        mt.reason = `the DeLong variance of the AUC difference is ${Number.isFinite(v) ? '0' : 'undefined'}: no test`;
    return marginResult('delong', true, mt, direction, t, alpha, se > 0 ? [delta - normal_Z975 * se, delta + normal_Z975 * se] : null);
}
/**
 * Paired DeLong test of macro one-vs-rest ROC AUC (`delong-ovr.ts`); undefined when a run lacks
 * probabilities, a pair's true class differs between the runs, or a class present in the labels is not
 * scored by both runs.
 */
function compareOvrAuc(base, cur, pairing, name, setup) {
    const direction = setup.direction(name);
    if (!base.proba || !cur.proba || !base.yTrue || !cur.yTrue)
        return undefined;
    const { baseIdx, curIdx } = pairing;
    const m = baseIdx.length;
    const curOf = new Map(cur.classes.map((c, i) => [c, i]));
    // Baseline class index → current class index (−1 when the current run has no such class).
    const toCur = Int32Array.from(base.classes, (c) => curOf.get(c) ?? -1);
    const label = new Int32Array(m);
    for (let j = 0; j < m; j++) {
        const lb = base.yTrue[baseIdx[j]];
        // Relabelled example: the AUCs are on different ground truth (see compareAuc).
        if (toCur[lb] !== cur.yTrue[curIdx[j]])
            return undefined;
        label[j] = lb;
    }
    const kb = base.classes.length;
    const kc = cur.classes.length;
    // Every row of both runs paired: each run's per-row influence over all its rows is already known
    // from its error bar's pass (the AUCs are over the same examples), so no class is sorted again.
    const pb = m === base.n ? cachedOvr(base.yTrue, base.proba, base.n) : undefined;
    const pc = m === cur.n ? cachedOvr(cur.yTrue, cur.proba, cur.n) : undefined;
    if (pb?.psiBar && pc?.psiBar && sameClassOrder(base.classes, cur.classes)) {
        let v = 0;
        for (let j = 0; j < m; j++) {
            const d = pc.psiBar[curIdx[j]] - pb.psiBar[baseIdx[j]];
            v += d * d;
        }
        return delongResult(pc.auc - pb.auc, v, direction, setup.tolerance(name), setup.alpha);
    }
    const bp = base.proba;
    const cp = cur.proba;
    const b = {
        n: m,
        k: kb,
        label,
        score: (c, out) => {
            for (let j = 0; j < m; j++)
                out[j] = bp[baseIdx[j] * kb + c];
        },
    };
    const c = {
        n: m,
        k: kb,
        label,
        score: (cls, out) => {
            const cc = toCur[cls];
            for (let j = 0; j < m; j++)
                out[j] = cp[curIdx[j] * kc + cc];
        },
    };
    const r = delongOvrPaired(b, c);
    if (!Number.isFinite(r.auc1) || !Number.isFinite(r.auc2))
        return undefined;
    return delongResult(r.auc2 - r.auc1, r.varianceOfDifference, direction, setup.tolerance(name), setup.alpha);
}
/** Same class names in the same order: class indices mean the same in both runs. */
function sameClassOrder(a, b) {
    return a.length === b.length && a.every((c, i) => c === b[i]);
}

;// CONCATENATED MODULE: ./src/stats/compare.ts
/**
 * Comparison of two runs, metric by metric: paired tests on the examples both runs share
 * (docs/statistics.md, 'Comparisons (`compareDatasets`)'), unpaired z tests from standard errors otherwise.
 * The examples that flipped are listed by flipped.ts.
 *
 * Every test is a one-sided margin test in the metric's bad direction — H0: current is worse by at
 * most the tolerance t (t = 0: not worse); a small p means "significantly worse than the tolerance", an
 * improvement gives p near 1 — and reports the one-sided bound obtained by inverting the same test
 * (p < α ⇔ bound beyond t, `margin.ts`) and a descriptive 95% two-sided interval of current − baseline. Paired tests run on the overlap of the two runs' example ids, so their interval
 * can differ from the full-run delta when the overlap is partial (callers warn below 95% overlap).
 *
 * Every metric kind's paired test (margin, randomization, DeLong in compare-auc.ts, bootstrap) is chosen
 * in one dispatch, so the choice of test reads in one place.
 */













/**
 * Paired test of a mean-type metric with margin t: exact McNemar (t = 0) or Tango's score test (t > 0)
 * for 0/1 values, cluster-robust t with clusters, else paired t.
 */
function compareMean(base, cur, pairing, name, binaryOutcome, opts, setup) {
    const vb = perExampleValues(base, name, opts.metric);
    const vc = perExampleValues(cur, name, opts.metric);
    if (!vb || !vc)
        return undefined;
    const direction = setup.direction(name);
    const t = setup.tolerance(name);
    const { alpha } = setup;
    const { baseIdx, curIdx } = pairing;
    const m = baseIdx.length;
    const w = new Float64Array(m);
    const sign = direction === 'higher' ? -1 : 1;
    let binary = binaryOutcome;
    let n01 = 0;
    let n10 = 0;
    let used = 0;
    for (let j = 0; j < m; j++) {
        const x = vb[baseIdx[j]];
        const y = vc[curIdx[j]];
        w[j] = sign * (y - x); // NaN when either run lacks the value
        if (x !== x || y !== y)
            continue;
        used++;
        if (binary) {
            if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1))
                binary = false;
            else if (x === 0 && y === 1)
                n01++;
            else if (x === 1 && y === 0)
                n10++;
        }
    }
    if (used === 0)
        return undefined;
    const cluster = opts.clusterField !== false && base.cluster && cur.cluster ? cur.cluster : undefined;
    if (cluster) {
        const cl = Array.from(curIdx, (j) => cluster[j]);
        const r = clusteredMarginTest(w, cl, t, alpha);
        const half = r.se !== null && r.df !== undefined ? studentTQuantile(0.975, r.df) * r.se : NaN;
        const mean = r.n > 0 ? sumFinite(w) / r.n : NaN;
        const ci = Number.isFinite(half) ? deltaInterval(mean - half, mean + half, direction) : null;
        const res = marginResult('paired-clustered-t', true, r, direction, t, alpha, ci);
        res.clusters = r.clusters;
        return res;
    }
    if (binary) {
        const lost = direction === 'higher' ? n10 : n01;
        const gained = direction === 'higher' ? n01 : n10;
        const r = pairedProportionMarginTest(lost, gained, used, t, alpha);
        const ci = proportionInterval(lost, gained, used, direction);
        return marginResult(t > 0 ? 'paired-proportion-score' : 'mcnemar-exact', true, r, direction, t, alpha, ci);
    }
    const r = tMarginTest(w, t, alpha);
    const two = pairedTTest(Float64Array.from(w, (x) => sign * x), direction);
    return marginResult('paired-t', true, r, direction, t, alpha, two.ci);
}
/**
 * Two-sided 95% interval of a paired proportion difference by inverting the exact sign-flip test at
 * 2.5% on each side (the same family as the exact McNemar test), on the current − baseline scale.
 */
function proportionInterval(lost, gained, n, direction) {
    if (!(n > 0))
        return null;
    if (lost + gained === 0)
        return [0, 0];
    const lo = pairedProportionMarginTest(lost, gained, n, 0, 0.025).bound;
    const hi = -pairedProportionMarginTest(gained, lost, n, 0, 0.025).bound;
    return deltaInterval(Math.max(-1, lo), Math.min(1, hi), direction);
}
function sumFinite(x) {
    let s = 0;
    for (let i = 0; i < x.length; i++)
        if (x[i] === x[i])
            s += x[i];
    return s;
}
const hasConfusion = (ds) => (ds.task === 'binary' || ds.task === 'multiclass') && !!ds.yTrue && !!ds.yPred;
/** Randomization tests of confusion-matrix metrics; names that could not be tested are left out. */
function compareConfusion(base, cur, pairing, names, B, seed, setup) {
    const out = {};
    const rz = confusionRandomization(base, cur, pairing, names, setup.direction, B, new Rng(deriveSeed(seed, 'paired-randomization')));
    if (!rz)
        return out;
    names.forEach((name, j) => {
        const direction = setup.direction(name);
        const t = setup.tolerance(name);
        const obs = rz.observed(j);
        const col = rz.column(j);
        const w = rz.dist.weights;
        const mt = randomizationMarginTest(obs, col, w, t, setup.alpha);
        if (mt.p === null)
            return;
        // Two-sided 95% interval by inverting the same (shifted) randomization test at 2.5% per side.
        const lo = randomizationMarginTest(obs, col, w, 0, 0.025).bound;
        const neg = Float64Array.from(col, (x) => -x);
        const hi = -randomizationMarginTest(-obs, neg, w, 0, 0.025).bound;
        const ci = Number.isFinite(lo) && Number.isFinite(hi) ? deltaInterval(lo, hi, direction) : null;
        const r = marginResult('paired-randomization', true, mt, direction, t, setup.alpha, ci);
        r.exact = rz.dist.exact;
        if (!rz.dist.exact)
            r.resamples = rz.dist.count;
        out[name] = r;
    });
    return out;
}
/**
 * Paired one-sided margin tests of `names` between two runs, keyed by metric name. For each metric,
 * H0: worsening ≤ t (t from `tolerances`, default 0) against H1: worsening > t, with the one-sided
 * bound from inverting the same test (docs/statistics.md):
 * - mean metrics with 0/1 per-example values (accuracy, exact_match, …): exact McNemar when t = 0,
 *   Tango's score test when t > 0;
 * - other mean metrics: paired t test on the per-pair worsening shifted by t (`paired-t`, df = m − 1);
 * - either, when both runs carry cluster ids and `clusterField` is on: cluster-robust (CR1) t with
 *   C − 1 degrees of freedom (`paired-clustered-t`);
 * - confusion-matrix metrics: paired randomization over the discordant examples (`paired-randomization`),
 *   exact when they are few, else sampled;
 * - binary ROC AUC: paired DeLong z shifted by t (`delong`);
 * - others: paired bootstrap over example pairs, percentile test shifted by t (`paired-bootstrap`).
 * Sampled tests draw at least `minResamples` (see `minResamples()` in randomization.ts). Metrics that
 * cannot be tested on the pairs are absent: the caller falls back to `unpairedTest`. Deterministic
 * given the seed; a metric's result does not depend on which other metrics are requested.
 */
function compareDatasets(base, cur, names, opts) {
    const pairing = opts.pairing ?? pairDatasets(base, cur);
    const out = {};
    if (!pairing.info.paired || pairing.baseIdx.length === 0)
        return out;
    const floor = Math.max(1, Math.floor(opts.minResamples ?? 1));
    const B = Math.max(floor, Math.floor(opts.bootstrap ?? DEFAULT_BOOTSTRAP));
    const seed = opts.seed ?? 0;
    const setup = {
        alpha: opts.alpha ?? 0.05,
        tolerance: (name) => Math.max(0, opts.tolerances?.[name] ?? 0),
        direction: (name) => opts.directions?.[name] ?? metricSpec(name, cur.task)?.direction ?? 'higher',
    };
    const confusionNames = [];
    const otherNames = [];
    for (const name of names) {
        const spec = metricSpec(name, cur.task);
        if (!spec)
            continue;
        if (spec.kind === 'mean') {
            const r = compareMean(base, cur, pairing, name, spec.binaryOutcome === true, opts, setup);
            if (r)
                out[name] = r;
            else
                otherNames.push(name);
        }
        else if (spec.kind === 'auc') {
            const r = compareAuc(base, cur, pairing, name, setup);
            if (r)
                out[name] = r;
        }
        else if (spec.kind === 'confusion' && hasConfusion(base) && hasConfusion(cur)) {
            confusionNames.push(name);
        }
        else {
            otherNames.push(name);
        }
    }
    if (confusionNames.length > 0) {
        const res = compareConfusion(base, cur, pairing, confusionNames, B, seed, setup);
        for (const name of confusionNames) {
            if (res[name])
                out[name] = res[name];
            else
                otherNames.push(name);
        }
    }
    if (otherNames.length > 0) {
        const Bx = Math.max(floor, exampleResamples(B, pairing.baseIdx.length, opts.maxResampledRows));
        const reps = pairedBootstrapExamples(base, cur, pairing.baseIdx, pairing.curIdx, otherNames, opts.metric, Bx, new Rng(deriveSeed(seed, 'paired-examples')));
        for (const name of otherNames) {
            const direction = setup.direction(name);
            const t = setup.tolerance(name);
            const sign = direction === 'higher' ? -1 : 1;
            const w = Float64Array.from(reps[name], (d) => sign * d);
            const mt = replicateMarginTest(w, t, setup.alpha);
            if (mt.p === null)
                continue;
            const r = marginResult('paired-bootstrap', true, mt, direction, t, setup.alpha, percentileInterval(reps[name]));
            r.resamples = Bx;
            out[name] = r;
        }
    }
    const ordered = {};
    for (const name of names)
        if (out[name])
            ordered[name] = out[name];
    return ordered;
}
/** Paired test of one metric (same result as its entry in `compareDatasets`); undefined when not testable. */
function compareMetric(base, cur, name, opts) {
    return compareDatasets(base, cur, [name], opts)[name];
}
/**
 * Unpaired one-sided z test from the two runs' standard errors, with margin t:
 * z = (worsening − t)/√(se_b² + se_c²), for runs on different examples and for pre-aggregated metrics
 * that carry a stderr (e.g. lm-evaluation-harness `acc_stderr`). Ignores any correlation between the
 * runs, so it is conservative when they share examples. p and ci are null (with a reason) when a value
 * or a positive standard error is missing.
 */
function unpairedTest(base, cur, direction, t = 0, alpha = 0.05) {
    const none = (reason) => ({
        method: 'unpaired-z',
        paired: false,
        p_value: null,
        ci_delta: null,
        reason,
    });
    if (!base || !cur)
        return none('missing in one run');
    const vb = base.value;
    const vc = cur.value;
    const sb = base.stderr;
    const sc = cur.stderr;
    if (vb === null || vc === null || !Number.isFinite(vb) || !Number.isFinite(vc))
        return none('undefined in one run');
    if (typeof sb !== 'number' || typeof sc !== 'number' || !(sb >= 0) || !(sc >= 0))
        return none('no standard error');
    const se = Math.sqrt(sb * sb + sc * sc);
    if (!(se > 0))
        return none('both standard errors are 0');
    const delta = vc - vb;
    const w = direction === 'higher' ? -delta : delta;
    const mt = zMarginTest(w, se, Math.max(0, t), alpha);
    return marginResult('unpaired-z', false, mt, direction, Math.max(0, t), alpha, [
        delta - normal_Z975 * se,
        delta + normal_Z975 * se,
    ]);
}

;// CONCATENATED MODULE: ./src/stats/flipped.ts
/**
 * Examples whose outcome changed between two paired runs (right → wrong and back, or the change of the
 * absolute error for regression), listed in the report under the comparison table.
 */

function labelOf(ds, i) {
    if (ds.yTrue)
        return ds.classes[ds.yTrue[i]];
    if (ds.mlTrue)
        return selected(ds.mlTrue, ds.classes, i);
    if (ds.yTrueNum)
        return ds.yTrueNum[i];
    if (ds.textRefs)
        return ds.textRefs[i].length === 1 ? ds.textRefs[i][0] : ds.textRefs[i];
    return null;
}
function predictionOf(ds, i) {
    if (ds.yPred)
        return ds.classes[ds.yPred[i]];
    if (ds.mlPred)
        return selected(ds.mlPred, ds.classes, i);
    if (ds.yPredNum)
        return ds.yPredNum[i];
    if (ds.textPred)
        return ds.textPred[i];
    return null;
}
function selected(matrix, classes, i) {
    const k = classes.length;
    const out = [];
    for (let j = 0; j < k; j++)
        if (matrix[i * k + j])
            out.push(classes[j]);
    return out;
}
/**
 * Examples that changed outcome between the paired runs. Classification, multilabel and generation:
 * correctness flips (`correctness`), worse = right → wrong, listed in the current run's order.
 * Regression: change of the absolute error, worse = larger error, listed by the size of the change.
 * Null when the runs are not paired.
 */
function flippedExamples(base, cur, pairing, opts) {
    if (!pairing.info.paired)
        return null;
    const topN = Math.max(0, Math.floor(opts.topN ?? 10));
    const { baseIdx, curIdx } = pairing;
    const example = (j, change) => {
        const e = {
            id: cur.ids[curIdx[j]],
            label: labelOf(cur, curIdx[j]),
            baseline_prediction: predictionOf(base, baseIdx[j]),
            current_prediction: predictionOf(cur, curIdx[j]),
        };
        if (change !== undefined)
            e.change = change;
        return e;
    };
    const cb = correctness(base, opts.metric);
    const cc = correctness(cur, opts.metric);
    if (cb && cc) {
        let worse = 0;
        let better = 0;
        const topWorse = [];
        const topBetter = [];
        for (let j = 0; j < baseIdx.length; j++) {
            const x = cb[baseIdx[j]];
            const y = cc[curIdx[j]];
            if (x === 1 && y === 0) {
                worse++;
                if (topWorse.length < topN)
                    topWorse.push(example(j));
            }
            else if (x === 0 && y === 1) {
                better++;
                if (topBetter.length < topN)
                    topBetter.push(example(j));
            }
        }
        return { outcome: 'correct', worse, better, top_worse: topWorse, top_better: topBetter };
    }
    if (base.yTrueNum && base.yPredNum && cur.yTrueNum && cur.yPredNum) {
        const changes = [];
        let worse = 0;
        let better = 0;
        for (let j = 0; j < baseIdx.length; j++) {
            const i = baseIdx[j];
            const l = curIdx[j];
            const change = Math.abs(cur.yTrueNum[l] - cur.yPredNum[l]) - Math.abs(base.yTrueNum[i] - base.yPredNum[i]);
            if (!Number.isFinite(change) || change === 0)
                continue;
            if (change > 0)
                worse++;
            else
                better++;
            changes.push({ j, change });
        }
        // Stable order: by size of the change, then by position in the current run.
        const byWorse = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || a.j - b.j);
        const byBetter = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || a.j - b.j);
        return {
            outcome: 'absolute_error',
            worse,
            better,
            top_worse: byWorse.slice(0, topN).map((c) => example(c.j, c.change)),
            top_better: byBetter.slice(0, topN).map((c) => example(c.j, c.change)),
        };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/stats/scores.ts







const isBinary = (values) => {
    for (let i = 0; i < values.length; i++)
        if (values[i] !== 0 && values[i] !== 1)
            return false;
    return true;
};
/** Mean of per-example scores with CLT stderr; Wilson interval for 0/1 scores when n < 100 or at 0/1. */
function scoreMetric(values) {
    const s = numeric_meanStats(values);
    if (s.n === 0)
        return { value: null, n: 0, stderr: null, ci: null, undefined: 'no examples' };
    const se = Number.isFinite(s.se) ? s.se : null;
    if (isBinary(values) && (s.n < WILSON_BELOW_N || s.mean === 0 || s.mean === 1)) {
        const successes = Math.round(s.mean * s.n);
        return { value: s.mean, n: s.n, stderr: se, ci: wilsonInterval(successes, s.n), method: 'wilson' };
    }
    return {
        value: s.mean,
        n: s.n,
        stderr: se,
        ci: se === null ? null : [s.mean - normal_Z975 * se, s.mean + normal_Z975 * se],
        method: 'clt',
    };
}
/** How many ids the two columns share, and the pairs' values. */
function pairScores(base, cur) {
    const { bi, ci } = matchIds(base.ids, cur.ids);
    const b = new Float64Array(bi.length);
    const c = new Float64Array(ci.length);
    for (let k = 0; k < bi.length; k++) {
        b[k] = base.values[bi[k]];
        c[k] = cur.values[ci[k]];
    }
    return { b, c, overlap: bi.length };
}
/**
 * Paired one-sided margin test of per-example scores (H0: worse by at most t): exact McNemar (t = 0) or
 * Tango's score test (t > 0) when every score is 0/1, else a paired t test on the worsening shifted by
 * t. Null when the runs share fewer than two ids.
 */
function compareScores(base, cur, direction, t = 0, alpha = 0.05) {
    const { b, c, overlap } = pairScores(base, cur);
    if (overlap < 2)
        return null;
    t = Math.max(0, t);
    if (isBinary(b) && isBinary(c)) {
        let gained = 0;
        let lost = 0;
        for (let k = 0; k < overlap; k++) {
            if (b[k] === 0 && c[k] === 1)
                gained++;
            else if (b[k] === 1 && c[k] === 0)
                lost++;
        }
        const worse = direction === 'higher' ? lost : gained;
        const better = direction === 'higher' ? gained : lost;
        const mt = pairedProportionMarginTest(worse, better, overlap, t, alpha);
        const method = t > 0 ? 'paired-proportion-score' : 'mcnemar-exact';
        return marginResult(method, true, mt, direction, t, alpha, proportionInterval(worse, better, overlap, direction));
    }
    const d = new Float64Array(overlap);
    const w = new Float64Array(overlap);
    for (let k = 0; k < overlap; k++) {
        d[k] = c[k] - b[k];
        w[k] = direction === 'higher' ? -d[k] : d[k];
    }
    const two = pairedTTest(d, direction);
    return marginResult('paired-t', true, tMarginTest(w, t, alpha), direction, t, alpha, two.ci);
}

;// CONCATENATED MODULE: ./src/stats/index.ts
/**
 * Statistics engine: standard errors, bootstrap, paired tests and multiple-testing correction
 * (docs/statistics.md describes the methods and their references).
 */















;// CONCATENATED MODULE: ./src/metrics/corpus.ts
/**
 * Corpus-level metrics of per-document `[gold, pred]` items, as evaluation harnesses aggregate them
 * (lm-evaluation-harness keeps these items in `samples_*.jsonl` for metrics such as `f1`, `mcc`,
 * `macro_f1`, `micro_f1`, whose results file has no standard error). Items are either scalar labels
 * (classification) or lists of labels (set-valued answers, e.g. several intents per dialogue turn).
 *
 * Every item is turned into a sparse vector of counts (a confusion cell for scalars; per-label
 * tp/fp/fn for sets), so the metric of any mixture of two runs' items — what the paired randomization
 * test needs — is a sum of count vectors and one O(classes) evaluation.
 *
 * Aggregations (checked against scikit-learn, `scripts/gen-margin-fixtures.py`):
 * - scalars: `f1` = `f1_score(gold, pred)` (binary, positive label 1, the harness's `f1` aggregation);
 *   `mcc` = `matthews_corrcoef`; `macro_f1`/`micro_f1` = `f1_score(average="macro"/"micro")` over the
 *   labels present in gold ∪ pred;
 * - sets: `micro_f1` (and `f1`) = F1 of the summed tp/fp/fn; `macro_f1` = mean per-label F1 over the
 *   labels present in gold ∪ pred; both 0 when undefined — sklearn's multilabel `f1_score` with
 *   `zero_division=0`, and the harness's set-valued `micro_f1_agg`/`macro_f1_agg`.
 */
/** Metric names (the part after `<task>/`, before `,<filter>`) that map to an aggregation. */
const CORPUS_AGGREGATIONS = {
    f1: 'f1',
    mcc: 'mcc',
    matthews_corrcoef: 'mcc',
    macro_f1: 'macro_f1',
    f1_macro: 'macro_f1',
    micro_f1: 'micro_f1',
    f1_micro: 'micro_f1',
};
const key = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Whether the items are label lists (every gold and pred is an array) or scalars; throws on a mix. */
function corpusKind(gold, pred) {
    let arrays = 0;
    for (const v of gold)
        if (Array.isArray(v))
            arrays++;
    for (const v of pred)
        if (Array.isArray(v))
            arrays++;
    if (arrays === 0)
        return 'scalars';
    if (arrays === gold.length + pred.length)
        return 'sets';
    throw new Error('corpus items mix label lists and single labels');
}
/**
 * Encodes the items of one or more runs over one shared label vocabulary (so that their count vectors
 * add up). `runs[r]` = [gold, pred] columns of run r.
 */
function encodeCorpus(aggregation, runs) {
    const kinds = runs.map(([g, p]) => corpusKind(g, p));
    const kind = kinds.includes('sets') ? 'sets' : 'scalars';
    if (kinds.some((k) => k !== kind))
        throw new Error('corpus items mix label lists and single labels');
    const vocab = new Set();
    for (const [g, p] of runs)
        for (const col of [g, p])
            for (const v of col)
                for (const x of kind === 'sets' ? v : [v])
                    vocab.add(key(x));
    const labels = [...vocab].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index = new Map(labels.map((l, i) => [l, i]));
    const L = labels.length;
    return runs.map(([gold, pred]) => {
        const items = new Array(gold.length);
        for (let i = 0; i < gold.length; i++) {
            if (kind === 'scalars') {
                items[i] = Int32Array.of(index.get(key(gold[i])) * L + index.get(key(pred[i])));
            }
            else {
                const g = new Set(gold[i].map((x) => index.get(key(x))));
                const p = new Set(pred[i].map((x) => index.get(key(x))));
                const idx = [];
                for (const l of p)
                    idx.push(g.has(l) ? 3 * l : 3 * l + 1); // tp : fp
                for (const l of g)
                    if (!p.has(l))
                        idx.push(3 * l + 2); // fn
                items[i] = Int32Array.from(idx);
            }
        }
        return { aggregation, kind, labels, size: kind === 'sets' ? 3 * L : L * L, items };
    });
}
/** Sum of the count vectors of the items. */
function corpusCounts(enc) {
    const c = new Float64Array(enc.size);
    for (const it of enc.items)
        for (let j = 0; j < it.length; j++)
            c[it[j]]++;
    return c;
}
const f1Of = (tp, fp, fn) => (tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0);
/**
 * The aggregated metric from a count vector; null when it is not defined for these items (binary `f1`
 * of labels other than 0/1, `mcc` of label lists, no items).
 */
function corpusMetricFromCounts(enc, c) {
    const L = enc.labels.length;
    if (enc.kind === 'sets') {
        if (enc.aggregation === 'mcc')
            return null;
        if (enc.aggregation === 'macro_f1') {
            let sum = 0;
            let present = 0;
            for (let l = 0; l < L; l++) {
                const tp = c[3 * l];
                const fp = c[3 * l + 1];
                const fn = c[3 * l + 2];
                if (tp + fp + fn === 0)
                    continue;
                present++;
                sum += f1Of(tp, fp, fn);
            }
            return present === 0 ? 0 : sum / present;
        }
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (let l = 0; l < L; l++) {
            tp += c[3 * l];
            fp += c[3 * l + 1];
            fn += c[3 * l + 2];
        }
        return f1Of(tp, fp, fn);
    }
    const row = new Float64Array(L);
    const col = new Float64Array(L);
    let n = 0;
    let trace = 0;
    for (let i = 0; i < L; i++)
        for (let j = 0; j < L; j++) {
            const v = c[i * L + j];
            row[i] += v;
            col[j] += v;
            n += v;
            if (i === j)
                trace += v;
        }
    if (n === 0)
        return null;
    switch (enc.aggregation) {
        case 'f1': {
            // sklearn's binary f1_score: positive label 1; only 0/1 labels are binary.
            if (enc.labels.some((l) => l !== '0' && l !== '1'))
                return null;
            const p = enc.labels.indexOf('1');
            if (p < 0)
                return 0;
            const tp = c[p * L + p];
            return f1Of(tp, col[p] - tp, row[p] - tp);
        }
        case 'micro_f1':
            return trace / n;
        case 'macro_f1': {
            let sum = 0;
            let present = 0;
            for (let l = 0; l < L; l++) {
                if (row[l] + col[l] === 0)
                    continue;
                present++;
                const tp = c[l * L + l];
                sum += f1Of(tp, col[l] - tp, row[l] - tp);
            }
            return sum / present;
        }
        case 'mcc': {
            let tp = 0;
            let pp = 0;
            let tt = 0;
            for (let l = 0; l < L; l++) {
                tp += row[l] * col[l];
                pp += col[l] * col[l];
                tt += row[l] * row[l];
            }
            const cov = trace * n - tp;
            const vp = n * n - pp;
            const vt = n * n - tt;
            return vp * vt === 0 ? 0 : cov / Math.sqrt(vt * vp);
        }
    }
}
/** The corpus metric of one run's items (null when undefined for them). */
function corpusMetric(aggregation, gold, pred) {
    const [enc] = encodeCorpus(aggregation, [[gold, pred]]);
    return corpusMetricFromCounts(enc, corpusCounts(enc));
}

;// CONCATENATED MODULE: ./src/stats/corpus-test.ts
/**
 * Paired randomization test of a corpus-level metric (F1, MCC, macro/micro F1 over per-document
 * `[gold, pred]` items): documents are paired by id, and under "no change" each document's two items
 * are exchangeable between the runs. Only documents whose items differ matter; each is one cell of
 * the randomization distribution (`randomization.ts`), exact up to 17 such documents, sampled beyond.
 */






/** The metric of each run on the shared ids and the paired test; null when fewer than two ids are shared. */
function compareCorpus(base, cur, direction, opts = {}) {
    const { bi, ci } = matchIds(base.ids, cur.ids);
    if (bi.length < 2)
        return null;
    const t = Math.max(0, opts.tolerance ?? 0);
    const alpha = opts.alpha ?? 0.05;
    const [eb, ec] = encodeCorpus(cur.aggregation, [
        [bi.map((i) => base.gold[i]), bi.map((i) => base.pred[i])],
        [ci.map((j) => cur.gold[j]), ci.map((j) => cur.pred[j])],
    ]);
    const cb0 = corpusCounts(eb);
    const cc0 = corpusCounts(ec);
    // Documents whose items differ: swapping them moves (item_c − item_b) from current to baseline.
    const diff = [];
    for (let j = 0; j < bi.length; j++)
        if (!sameItem(eb, ec, j))
            diff.push(j);
    const sign = direction === 'higher' ? -1 : 1;
    const cb = new Float64Array(eb.size);
    const cc = new Float64Array(ec.size);
    const evaluate = (swaps, out) => {
        cb.set(cb0);
        cc.set(cc0);
        for (let d = 0; d < diff.length; d++) {
            if (swaps[d] === 0)
                continue;
            const j = diff[d];
            for (const x of eb.items[j]) {
                cb[x]--;
                cc[x]++;
            }
            for (const x of ec.items[j]) {
                cc[x]--;
                cb[x]++;
            }
        }
        const vb = corpusMetricFromCounts(eb, cb);
        const vc = corpusMetricFromCounts(ec, cc);
        out[0] = vb === null || vc === null ? NaN : sign * (vc - vb);
    };
    const dist = randomizationDistribution(new Float64Array(diff.length).fill(1), 1, evaluate, Math.max(1, Math.floor(opts.resamples ?? 2000)), new Rng(deriveSeed(opts.seed ?? 0, 'paired-corpus')));
    const obs = dist.observed[0];
    const mt = randomizationMarginTest(obs, dist.values, dist.weights, t, alpha);
    const lo = randomizationMarginTest(obs, dist.values, dist.weights, 0, 0.025).bound;
    const neg = Float64Array.from(dist.values, (x) => -x);
    const hiB = randomizationMarginTest(-obs, neg, dist.weights, 0, 0.025).bound;
    const interval = lo !== null && hiB !== null && Number.isFinite(lo) && Number.isFinite(hiB)
        ? direction === 'higher'
            ? [hiB, -lo]
            : [lo, -hiB]
        : null;
    const r = marginResult('paired-randomization', true, mt, direction, t, alpha, interval);
    r.exact = dist.exact;
    if (!dist.exact)
        r.resamples = dist.count;
    return r;
}
function sameItem(a, b, j) {
    const x = a.items[j];
    const y = b.items[j];
    if (x.length !== y.length)
        return false;
    const s = [...x].sort((p, q) => p - q);
    const u = [...y].sort((p, q) => p - q);
    return s.every((v, i) => v === u[i]);
}

;// CONCATENATED MODULE: ./src/diagnose/direction.ts
/** Word parts meaning "higher is better". Multi-word entries are matched on consecutive words. */
const direction_HIGHER_WORDS = [
    'acc',
    'accuracy',
    'f1',
    'fbeta',
    'precision',
    'recall',
    'sensitivity',
    'specificity',
    'tpr',
    'auc',
    'auroc',
    'auprc',
    'ap',
    'map',
    'mrr',
    'ndcg',
    'hit',
    'hits',
    'bleu',
    'sacrebleu',
    'chrf',
    'rouge',
    'meteor',
    'bertscore',
    'bleurt',
    'exact_match',
    'em',
    'match',
    'correct',
    'pass',
    'passed',
    'score',
    'scores',
    'mcc',
    'kappa',
    'r2',
    'jaccard',
    'iou',
    'dice',
    'spearman',
    'pearson',
    'similarity',
    'reward',
    'win',
    'wins',
    'win_rate',
    'success',
    'rating',
    'quality',
    'elo',
    'throughput',
    'per_second',
    'per_sec',
    'qps',
    'rps',
];
/** Word parts meaning "lower is better". */
const direction_LOWER_WORDS = [
    'loss',
    'error',
    'errors',
    'err',
    'perplexity',
    'ppl',
    'nll',
    'bpb',
    'bits_per_byte',
    'latency',
    'time',
    'runtime',
    'duration',
    'ms',
    'sec',
    'secs',
    'seconds',
    'mse',
    'mae',
    'rmse',
    'mape',
    'wer',
    'cer',
    'ter',
    'brier',
    'ece',
    'hamming',
    'fpr',
    'fnr',
    'false_positive',
    'false_positives',
    'false_negative',
    'false_negatives',
    'miss_rate',
    'cost',
    'price',
    'usd',
    'tokens',
    'memory',
    'bytes',
    'toxicity',
    'bias',
    'hallucination',
    'hallucinations',
    'fail',
    'failed',
    'failure',
    'failures',
    'retries',
];
const WORDS = new Map([
    ...direction_HIGHER_WORDS.map((w) => [w, 'higher']),
    ...direction_LOWER_WORDS.map((w) => [w, 'lower']),
]);
const LONGEST = Math.max(...[...WORDS.keys()].map((w) => w.split('_').length));
/** Words of one name segment: split at non-alphanumerics and camelCase; `rouge1` also yields `rouge`. */
function words(segment) {
    const parts = segment
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '');
    return parts;
}
/** The deciding match in one word list: the last one wins (the head of an English compound comes last). */
function decide(list) {
    let best;
    for (let i = 0; i < list.length; i++) {
        for (let len = 1; len <= LONGEST && i + len <= list.length; len++) {
            const slice = list.slice(i, i + len);
            let word = slice.join('_');
            if (!WORDS.has(word) && len === 1)
                word = word.replace(/[0-9]+$/, ''); // rouge1, bleu4, ap50
            if (!WORDS.has(word))
                continue;
            const end = i + len;
            // Later end wins; at the same end the longer match (`per_second` over `second`).
            if (!best || end > best.end || (end === best.end && len > best.len))
                best = { end, len, word };
        }
    }
    if (!best)
        return undefined;
    const direction = WORDS.get(best.word);
    if (list[0] === 'neg' && best.end > 1) {
        return { direction: direction === 'higher' ? 'lower' : 'higher', word: best.word, negated: true };
    }
    return { direction, word: best.word };
}
/**
 * Direction from a metric's name, or undefined when its words decide nothing.
 *
 * The name is split into segments at `/` and `.` (`arc_easy/acc_norm`, `f1_by_geo.France`), and the
 * most specific segment that decides wins: slice values and group names come first in hierarchy order
 * but rarely carry metric words. Within a segment an lm-eval filter suffix (`acc,none`) and a slice
 * suffix (`f1_by_geo`) are ignored, and the last deciding word wins (`score_time` → time → lower;
 * `tokens_per_second` → per_second → higher).
 */
function directionFromName(name) {
    const segments = name.split(/[/.]/);
    for (let i = segments.length - 1; i >= 0; i--) {
        const seg = segments[i].split(',')[0].replace(/_by_[A-Za-z0-9_]+$/i, '');
        const found = decide(words(seg));
        if (found)
            return found;
    }
    return undefined;
}
/** Guesses a direction from the metric's own name; undefined when it cannot tell. */
function guessDirection(name) {
    return directionFromName(name)?.direction;
}

;// CONCATENATED MODULE: ./src/diagnose/metric-direction.ts


/**
 * Which way is better: the metric's own config `direction`, else what the file declared (lm-eval's
 * `higher_is_better`), else the built-in metric's, else the name's words (docs/metrics.md, "Direction
 * from the name"); `defaults.direction` last.
 */
function directionChoice(name, config, results) {
    const own = config.metrics[name]?.direction;
    if (own)
        return { direction: own, source: 'config' };
    for (const r of results) {
        const declared = r?.options?.directions?.[name];
        if (declared)
            return { direction: declared, source: 'file' };
    }
    const task = results[0]?.task;
    const builtIn = metricSpec(name, task === 'aggregate' ? undefined : task)?.direction;
    if (builtIn)
        return { direction: builtIn, source: 'metric' };
    const fromName = directionFromName(name);
    if (fromName)
        return { direction: fromName.direction, source: 'name', word: fromName.word };
    const fallback = config.defaults?.direction;
    return fallback ? { direction: fallback, source: 'default' } : { direction: undefined, source: undefined };
}
/** The direction alone (see directionChoice). */
function directionOf(name, config, results) {
    return directionChoice(name, config, results).direction;
}

;// CONCATENATED MODULE: ./src/diagnose/row.ts

/**
 * Default relative tolerance for a gated metric that has neither a configured threshold nor any
 * uncertainty (no standard error, no per-example data): beyond 5% of the baseline it fails, below it
 * the row is `inconclusive` ("untested"). docs/statistics.md explains the choice.
 */
const UNTESTED_TOLERANCE_PCT = 5;
/** A number for a reason text: 4 decimals, exponent notation when very large or very small. */
const fmt = (v) => Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : +v.toFixed(4) + '';
/** The tolerance of a rule against a baseline value (see `Row.tolerance`). */
function toleranceOf(rule, base) {
    if (!rule)
        return { tolerance: null, implicit: false, why: '' };
    const limits = [];
    if (rule.max_regression !== undefined)
        limits.push({ t: rule.max_regression, why: `max_regression ${fmt(rule.max_regression)}` });
    if (rule.max_regression_pct !== undefined)
        limits.push({
            t: (rule.max_regression_pct / 100) * Math.abs(base),
            why: `max_regression_pct ${rule.max_regression_pct}% (${fmt((rule.max_regression_pct / 100) * Math.abs(base))})`,
        });
    if (limits.length === 0) {
        // min/max alone gate on absolute values; a gated metric with no threshold at all tolerates nothing.
        if (rule.min !== undefined || rule.max !== undefined)
            return { tolerance: null, implicit: false, why: '' };
        return { tolerance: 0, implicit: true, why: 'tolerance 0' };
    }
    const tight = limits.reduce((a, b) => (b.t < a.t ? b : a));
    return { tolerance: tight.t, implicit: false, why: tight.why };
}
function absoluteCheck(rule, value) {
    if (!rule || value === null)
        return undefined;
    if (rule.min !== undefined && value < rule.min)
        return `${fmt(value)} is below min ${fmt(rule.min)}`;
    if (rule.max !== undefined && value > rule.max)
        return `${fmt(value)} is above max ${fmt(rule.max)}`;
    return undefined;
}
/**
 * The row of one metric (overall, or of one slice value): delta, preliminary status for the cases
 * that need no test (waived, missing, new, skipped, undefined) and the threshold check.
 */
function compareRow(metric, cur, base, direction, rule, slice) {
    const severity = rule?.severity ?? 'fail';
    const cmp = {
        metric,
        direction: direction ?? 'higher',
        baseline: base?.value ?? null,
        current: cur?.value ?? null,
        delta: null,
        delta_pct: null,
        status: 'unchanged',
        gated: rule !== undefined && !rule.waive,
        severity,
        reason: '',
        baseline_ci: base?.ci ?? null,
        current_ci: cur?.ci ?? null,
        n_baseline: base?.n ?? null,
        n_current: cur?.n ?? null,
    };
    if (slice)
        cmp.slice = slice;
    const row = { cmp, rule, bad: null, tolerance: null, implicit: false, exceeds: false };
    if (cmp.baseline !== null && cmp.current !== null) {
        cmp.delta = cmp.current - cmp.baseline;
        cmp.delta_pct = cmp.baseline !== 0 ? (cmp.delta / Math.abs(cmp.baseline)) * 100 : null;
    }
    const undef = cur?.undefined ?? base?.undefined;
    if (undef)
        cmp.undefined = undef;
    if (rule?.waive) {
        cmp.status = 'waived';
        cmp.reason = `waived: ${rule.waive}`;
        return row;
    }
    row.absolute = absoluteCheck(rule, cmp.current);
    if (!cur) {
        cmp.status = 'missing';
        cmp.reason = 'in the baseline but not in this run';
        return row;
    }
    if (!direction) {
        // A gated metric that cannot be judged is a warning, never a silent pass: nothing in its name or
        // the config says which way is better. min/max need no direction and still apply (verdict.ts).
        const hint = `direction unknown — set \`direction:\` (metrics."${metric}".direction: higher or lower)`;
        if (cmp.gated && cur.value !== null) {
            cmp.status = 'warn';
            cmp.reason = base ? hint : `${hint}; not in the baseline`;
            return row;
        }
        cmp.status = base ? 'skipped' : 'new';
        cmp.reason = hint;
        cmp.gated = rule !== undefined && !rule.waive && (rule.min !== undefined || rule.max !== undefined);
        return row;
    }
    if (cur.value === null) {
        cmp.status = row.absolute ? 'regressed' : 'skipped';
        cmp.reason = `undefined: ${cur.undefined ?? 'no value'}`;
        return row;
    }
    if (!base) {
        cmp.status = 'new';
        cmp.reason = 'not in the baseline';
        return row;
    }
    if (base.value === null) {
        cmp.status = 'skipped';
        cmp.reason = `undefined in the baseline: ${base.undefined ?? 'no value'}`;
        return row;
    }
    const bad = direction === 'higher' ? -cmp.delta : cmp.delta;
    row.bad = bad;
    if (rule) {
        const t = toleranceOf(rule, base.value);
        row.tolerance = t.tolerance;
        row.implicit = t.implicit;
        if (t.tolerance !== null) {
            cmp.tolerance = t.tolerance;
            row.exceeds = bad > t.tolerance;
            if (row.exceeds)
                cmp.reason = `worse by ${fmt(bad)} > ${t.why}`;
        }
    }
    return row;
}
/** A gated row for a configured metric that no run has (warned about, never silently ignored). */
function absentRow(metric, reason) {
    return {
        cmp: {
            metric,
            direction: 'higher',
            baseline: null,
            current: null,
            delta: null,
            delta_pct: null,
            status: 'missing',
            gated: true,
            severity: 'warn',
            reason,
        },
        bad: null,
        tolerance: null,
        implicit: false,
        exceeds: false,
    };
}
/** Metric → direction of the given rows, for the paired tests. */
function directionsOf(rows) {
    return Object.fromEntries(rows.map((r) => [r.cmp.metric, r.cmp.direction]));
}
/**
 * What the tests of a family of rows need: the level α of their bounds (the configured significance,
 * 0.05 when thresholds alone decide), each metric's tolerance, and the floor on resamples so that the
 * smallest attainable p-value stays well below α/m for the m gated rows (`minResamples`).
 */
function testSettings(rows, config) {
    const alpha = config.significance ?? 0.05;
    const tolerances = {};
    for (const r of rows)
        if (r.tolerance !== null)
            tolerances[r.cmp.metric] = r.tolerance;
    const m = rows.filter((r) => r.cmp.gated && r.bad !== null).length;
    // Capped at the largest configurable resample count: beyond it a huge slice family costs too much.
    return { alpha, tolerances, minResamples: Math.min(100_000, minResamples(m, alpha)) };
}

;// CONCATENATED MODULE: ./src/diagnose/rules.ts

/**
 * A metric's own rule over the defaults. A metric that sets its own threshold kind replaces the default
 * thresholds instead of adding to them: `latency_ms_p95: {max_regression_pct: 10}` must not also be held
 * to a default absolute `max_regression: 0.005`, because any exceeded threshold counts.
 */
function mergeRule(defaults, named) {
    const merged = { ...(defaults ?? {}), ...named };
    if (named.max_regression !== undefined || named.max_regression_pct !== undefined) {
        if (named.max_regression === undefined)
            delete merged.max_regression;
        if (named.max_regression_pct === undefined)
            delete merged.max_regression_pct;
    }
    return merged;
}
/**
 * The rule that applies to a metric, or undefined when it is reported only. `preaggregated`: the metric
 * came from a pre-aggregated file (every such metric is gated by the zero-config gate).
 */
function ruleFor(name, task, config, preaggregated = false) {
    const named = config.metrics[name];
    if (named) {
        if (named.gate === false && !named.waive)
            return undefined;
        return mergeRule(config.defaults, named);
    }
    if (config.defaults)
        return config.defaults.gate === false ? undefined : { ...config.defaults };
    if (config.hasRules)
        return undefined;
    const primary = task === 'aggregate' || preaggregated || primaryMetrics(task).includes(name);
    // No threshold: the tests run against tolerance 0, and a metric without any uncertainty gets the
    // default relative tolerance (row.ts, UNTESTED_TOLERANCE_PCT).
    return primary ? {} : undefined;
}

;// CONCATENATED MODULE: ./src/diagnose/overall.ts






/**
 * One row per metric in either run, plus a warning row for each configured metric that is in neither
 * (most likely a typo: say so instead of gating nothing).
 */
function overallRows(input) {
    const { current, baseline, config } = input;
    const task = current.task;
    const preaggregated = new Set([
        ...(current.options?.preaggregated ?? []),
        ...(baseline?.options?.preaggregated ?? []),
    ]);
    // Metrics the input format reports but does not gate by default (MTEB's non-main scores, HF
    // Trainer runtime): only a config rule that names them, or `defaults`, gates them.
    const reportOnly = new Set([
        ...(current.options?.report_only ?? []),
        ...(baseline?.options?.report_only ?? []),
    ]);
    const names = new Set(Object.keys(current.metrics));
    if (baseline)
        for (const n of Object.keys(baseline.metrics))
            names.add(n);
    const rows = [];
    for (const name of [...names].sort()) {
        const dir = directionChoice(name, config, [current, baseline]);
        const rule = reportOnly.has(name) && !config.metrics[name] && !config.defaults
            ? undefined
            : ruleFor(name, task === 'aggregate' && baseline ? baseline.task : task, config, preaggregated.has(name));
        const row = compareRow(name, current.metrics[name], baseline?.metrics[name], dir.direction, rule);
        // The report says which directions are a reading of the name, so a wrong reading is visible.
        if (dir.source === 'name')
            row.cmp.direction_from_name = dir.word;
        rows.push(row);
    }
    for (const name of Object.keys(config.metrics).sort()) {
        if (names.has(name) || config.metrics[name].waive || config.metrics[name].gate === false)
            continue;
        rows.push(absentRow(name, `named under \`metrics:\` in the config but in neither run — a typo? (metrics here: ${[...names].slice(0, 8).join(', ')}${names.size > 8 ? ', …' : ''})`));
    }
    return rows;
}
/** Significance tests for overall rows: paired when possible, else unpaired from standard errors. */
function attachOverallTests(rows, input, pairing, mopts) {
    // Paired tests for gated metrics, and for reported ones whose test is cheap (O(cells) or O(n)); the
    // O(n × resamples) example bootstrap is spent only where it decides something.
    const want = rows.filter((r) => {
        if (r.bad === null)
            return false;
        const spec = metricSpec(r.cmp.metric, input.currentData?.task);
        return spec !== undefined && (r.cmp.gated || spec.kind !== 'other');
    });
    const ts = testSettings(rows, input.config);
    let paired = {};
    if (pairing && input.baselineData && input.currentData) {
        const names = want.map((r) => r.cmp.metric);
        paired = compareDatasets(input.baselineData, input.currentData, names, {
            metric: mopts,
            directions: directionsOf(rows),
            bootstrap: input.config.bootstrap,
            seed: input.config.seed,
            pairing,
            alpha: ts.alpha,
            tolerances: ts.tolerances,
            minResamples: ts.minResamples,
            clusterField: input.config.cluster !== undefined,
        });
    }
    const baseScores = input.baseline?.scores ?? {};
    const curScores = input.current.scores ?? {};
    const baseCorpus = input.baseline?.corpus ?? {};
    const curCorpus = input.current.corpus ?? {};
    for (const r of rows) {
        if (r.bad === null)
            continue;
        const name = r.cmp.metric;
        const t = ts.tolerances[name] ?? 0;
        const scored = baseScores[name] && curScores[name]
            ? compareScores(baseScores[name], curScores[name], r.cmp.direction, t, ts.alpha)
            : null;
        const corpus = !scored && baseCorpus[name] && curCorpus[name]
            ? compareCorpus(baseCorpus[name], curCorpus[name], r.cmp.direction, {
                tolerance: t,
                alpha: ts.alpha,
                resamples: Math.max(input.config.bootstrap, ts.minResamples),
                seed: input.config.seed,
            })
            : null;
        r.cmp.test =
            paired[name] ??
                scored ??
                corpus ??
                unpairedTest(input.baseline.metrics[name], input.current.metrics[name], r.cmp.direction, t, ts.alpha);
    }
}

;// CONCATENATED MODULE: ./src/diagnose/pairing.ts
/**
 * How the two runs' examples pair up (per-example records, per-example scores and per-document corpus
 * items), and the notes that tell the reader when a comparison is unpaired or rests on the examples the
 * two runs share (an eval set that changed, or a `--limit` run against a full one).
 */

/** "Eval set changed: 12 ids added, 3 removed; compared on the 985 shared ids" (no final stop). */
function evalSetChange(nBaseline, nCurrent, shared) {
    const added = nCurrent - shared;
    const removed = nBaseline - shared;
    return `Eval set changed: ${added} id${added === 1 ? '' : 's'} added, ${removed} removed; compared on the ${shared} shared id${shared === 1 ? '' : 's'}`;
}
/** At most three names, then "and N more". */
function names(list) {
    return list.length > 3 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} more` : list.join(', ');
}
/**
 * The pairing of the two runs' datasets when both have one of the same task (else undefined), plus
 * notes on the pairing, the current run's own notes and the per-example score pairing, in that order.
 */
function pairRuns(input) {
    const { current, baseline } = input;
    const notes = [];
    let pairing;
    const canPair = input.currentData !== undefined &&
        input.baselineData !== undefined &&
        input.currentData.task === input.baselineData.task;
    if (canPair) {
        pairing = pairDatasets(input.baselineData, input.currentData);
        const info = pairing.info;
        if (!info.paired) {
            notes.push('Baseline and current share no example ids: unpaired comparison (independent standard errors).');
        }
        else if (info.overlap < info.n_baseline || info.overlap < info.n_current) {
            notes.push(`${evalSetChange(info.n_baseline, info.n_current, info.overlap)}.`);
        }
    }
    else if (baseline && (input.currentData || input.baselineData)) {
        notes.push('Only one run has per-example records: unpaired comparison (independent standard errors).');
    }
    notes.push(...(current.notes ?? []));
    // Per-example scores of pre-scored metrics (e.g. lm-eval samples) and per-document corpus items pair
    // by id like records do. Metrics of one task share their ids: one note per distinct change, naming
    // the metrics only when the changes differ between them.
    if (baseline) {
        const disjoint = [];
        const changed = new Map();
        let columns = 0;
        const look = (name, b, c) => {
            columns++;
            const bs = new Set(b.ids);
            const cs = new Set(c.ids);
            let shared = 0;
            for (const id of cs)
                if (bs.has(id))
                    shared++;
            const nb = bs.size;
            const nc = cs.size;
            if (shared === 0)
                disjoint.push(name);
            else if (shared < nb || shared < nc) {
                const text = evalSetChange(nb, nc, shared);
                const g = changed.get(text) ?? { text, metrics: [] };
                g.metrics.push(name);
                changed.set(text, g);
            }
        };
        for (const [name, col] of Object.entries(current.scores ?? {}))
            if (baseline.scores?.[name])
                look(name, baseline.scores[name], col);
        for (const [name, col] of Object.entries(current.corpus ?? {}))
            if (baseline.corpus?.[name] && !current.scores?.[name])
                look(name, baseline.corpus[name], col);
        if (disjoint.length)
            notes.push(`${names(disjoint)}: the runs share no example ids; unpaired comparison.`);
        for (const g of changed.values()) {
            // The records' note already says it when every column changed the same way.
            const all = changed.size === 1 && g.metrics.length === columns && disjoint.length === 0;
            if (all && notes.includes(`${g.text}.`))
                continue;
            notes.push(all ? `${g.text}.` : `${g.text} (${names(g.metrics)}).`);
        }
    }
    return { pairing, notes };
}

;// CONCATENATED MODULE: ./src/diagnose/setup-change.ts
function merge(setups) {
    const out = new Map();
    for (const s of setups ?? []) {
        if (typeof s !== 'object' || s === null || typeof s.harness !== 'string')
            continue;
        let m = out.get(s.harness);
        if (!m)
            out.set(s.harness, (m = { versions: new Set(), tasks: {}, examples: [] }));
        if (typeof s.version === 'string')
            m.versions.add(s.version);
        for (const [task, fp] of Object.entries(s.tasks ?? {}))
            m.tasks[task] = { ...m.tasks[task], ...fp };
        if (typeof s.examples === 'string')
            m.examples.push({ hash: s.examples, n: s.n });
    }
    return out;
}
/** At most `max` items, then "and N more". */
function listed(items, max, more = 'more') {
    return items.length > max
        ? `${items.slice(0, max).join(', ')} and ${items.length - max} ${more}`
        : items.join(', ');
}
/**
 * How the current run's eval setup differs from the baseline's. Nothing when either run records none.
 * Harness versions are compared when both runs record one; task configs key by key for the tasks both
 * runs have (tasks whose configs changed the same keys share one message); the eval set's hash when the
 * number of examples is the same (a different number shows in the pairing note as ids added or removed).
 */
function setupChanges(baseline, current) {
    const out = { messages: [], tasks: {} };
    const base = merge(baseline);
    const cur = merge(current);
    for (const [harness, c] of cur) {
        const b = base.get(harness);
        if (!b)
            continue;
        const bv = [...b.versions].sort();
        const cv = [...c.versions].sort();
        if (bv.length && cv.length && bv.join('\n') !== cv.join('\n'))
            out.messages.push(`${harness} version changed: ${bv.join(', ')} → ${cv.join(', ')}`);
        // Tasks that changed the same keys are named together, so 57 subtasks with a new num_fewshot are one message.
        const byKeys = new Map();
        for (const task of Object.keys(c.tasks).sort()) {
            const bt = b.tasks[task];
            if (!bt)
                continue;
            const ct = c.tasks[task];
            const keys = [...new Set([...Object.keys(bt), ...Object.keys(ct)])]
                .filter((k) => bt[k] !== ct[k])
                .sort();
            if (!keys.length)
                continue;
            out.tasks[task] = keys;
            const k = keys.join('\n');
            byKeys.set(k, [...(byKeys.get(k) ?? []), task]);
        }
        for (const [k, tasks] of byKeys) {
            const keys = listed(k.split('\n'), 6, 'more keys');
            out.messages.push(tasks.length === 1
                ? `task config of ${tasks[0]} changed (${keys})`
                : `task configs of ${tasks.length} tasks changed (${keys}): ${listed(tasks, 5)}`);
        }
        if (b.examples.length === 1 && c.examples.length === 1) {
            const [be, ce] = [b.examples[0], c.examples[0]];
            if (be.hash !== ce.hash && be.n !== undefined && be.n === ce.n)
                out.messages.push(`eval set of ${harness} changed: the same number of examples (${ce.n}) with other ids or labels`);
        }
    }
    return out;
}
/**
 * The task a metric belongs to, among `tasks`: readers name metrics `<task>/…` (lm-eval
 * `<task>/<metric>` and `<task>/<metric>,<filter>`, inspect_ai `<task>/<scorer>/<metric>`, HELM
 * `<run>/<split>/<stat>`, catwalk, openai/evals, MTEB), so the longest task name the metric starts with
 * followed by `/`. `sole`: the task every metric belongs to when the metric names none (both runs are
 * one file each, recording one task, e.g. promptfoo, whose metrics are not named by task).
 */
function taskOfMetric(metric, tasks, sole) {
    let best;
    for (const t of tasks)
        if ((metric === t || metric.startsWith(`${t}/`)) && (best === undefined || t.length > best.length))
            best = t;
    return best ?? sole;
}
/** Every task name the setups record. */
function taskNames(...setups) {
    const names = new Set();
    for (const list of setups)
        for (const s of list ?? [])
            for (const t of Object.keys(s?.tasks ?? {}))
                names.add(t);
    return [...names].sort();
}

;// CONCATENATED MODULE: ./src/diagnose/verdict.ts
/**
 * Statuses and the verdict: multiple-testing correction over the gated rows, then each row's status
 * from its threshold check and adjusted p-value, then the run's verdict from the statuses.
 */



/**
 * Multiple-testing correction over the gated rows (`holm` overall, `bh` for slices), then the status of
 * every row (docs/statistics.md, "From tests to statuses"):
 * - `regressed` (or `warn` for severity warn) when the margin test of H0 "worse by at most the
 *   tolerance t" rejects after the correction — or, for a metric without any test, when a configured
 *   threshold is exceeded (it decides alone) or, without one, when the worsening exceeds
 *   UNTESTED_TOLERANCE_PCT of the baseline;
 * - `inconclusive` when the worsening exceeds t but the test does not reject (with the minimum
 *   detectable effect), or when an untested metric without threshold got worse within the default;
 * - `improved` / `unchanged` otherwise.
 * With `significance: null` thresholds alone decide. Returns the number of tests in the family (m).
 */
function verdict_decide(rows, alpha, correction) {
    const gated = rows.filter((r) => r.cmp.gated && r.bad !== null);
    let m = 1;
    if (alpha !== null) {
        const withP = gated.filter((r) => r.cmp.test?.p_value !== null && r.cmp.test?.p_value !== undefined);
        const ps = withP.map((r) => r.cmp.test.p_value);
        const adj = correction === 'holm' ? holm(ps) : benjaminiHochberg(ps);
        withP.forEach((r, i) => (r.cmp.p_adjusted = adj[i]));
        m = Math.max(1, withP.length);
        // MDE at the strictest step of either procedure (α/m): what this family could detect for sure.
        for (const r of withP) {
            if (r.tolerance === null)
                continue;
            const t = r.cmp.test;
            // A discrete test whose smallest attainable p is not below α/m can confirm nothing on this data
            // (e.g. two documents changed): no finite MDE would be honest.
            r.cmp.mde =
                t.min_p !== undefined && t.min_p >= alpha / m
                    ? null
                    : minimumDetectableEffect(t.se ?? null, alpha / m, 0.8, t.df);
        }
    }
    for (const r of rows) {
        const c = r.cmp;
        if (['waived', 'skipped', 'missing', 'new'].includes(c.status) && !r.absolute) {
            if (c.status === 'missing' && c.gated) {
                c.status = 'warn';
                if (!c.reason || c.reason === 'in the baseline but not in this run') {
                    c.reason = 'gated metric is in the baseline but not in this run';
                }
            }
            continue;
        }
        if (r.absolute && c.gated) {
            c.status = c.severity === 'fail' ? 'regressed' : 'warn';
            c.reason = r.absolute;
            continue;
        }
        if (r.bad === null)
            continue;
        const bad = r.bad;
        const fail = () => (c.status = c.severity === 'fail' ? 'regressed' : 'warn');
        if (c.gated && r.tolerance !== null) {
            const t = r.tolerance;
            const p = c.test?.p_value ?? null;
            const pAdj = c.p_adjusted ?? null;
            const pText = p !== null ? `p=${fmtP(p)}${pAdj !== null && pAdj !== p ? `, adjusted ${fmtP(pAdj)}` : ''}` : '';
            const bound = boundText(c);
            if (alpha === null) {
                if (r.exceeds) {
                    fail();
                    c.reason += pText ? ` (${pText}; thresholds alone decide)` : ' (thresholds alone decide)';
                    continue;
                }
            }
            else if (pAdj !== null) {
                if (pAdj < alpha) {
                    fail();
                    c.reason = `worse by ${fmt(bad)}${t > 0 ? ` > tolerance ${fmt(t)}` : ''}, significant (${pText} < ${alpha}${bound})`;
                    continue;
                }
                if (r.exceeds) {
                    c.status = 'inconclusive';
                    const mde = c.mde ?? null;
                    c.reason =
                        `worse by ${fmt(bad)}${t > 0 ? ` > tolerance ${fmt(t)}` : ''}, not confirmed (${pText} ≥ ${alpha}${bound})` +
                            (mde !== null
                                ? `: at this n only a worsening ≥ ${fmt(t + mde)} is detectable (80% power)`
                                : c.test?.min_p !== undefined
                                    ? `: too few examples changed for any test result below ${fmtP(alpha / m)} (smallest attainable p ${fmtP(c.test.min_p)})`
                                    : '');
                    continue;
                }
            }
            else if (r.exceeds) {
                const why = c.test?.reason
                    ? `no significance test (${c.test.reason})`
                    : 'no significance test possible';
                if (!r.implicit) {
                    fail();
                    c.reason += `; ${why}: the threshold alone decides`;
                }
                else {
                    const base = c.baseline ?? 0;
                    const limit = (UNTESTED_TOLERANCE_PCT / 100) * Math.abs(base);
                    if (bad > limit) {
                        fail();
                        c.reason = `worse by ${fmt(bad)} > ${UNTESTED_TOLERANCE_PCT}% of the baseline (${fmt(limit)}), the default tolerance of a metric without threshold or standard error; ${why}`;
                    }
                    else {
                        c.status = 'inconclusive';
                        c.reason = `worse by ${fmt(bad)}, untested: ${why}; within the default ${UNTESTED_TOLERANCE_PCT}% tolerance (${fmt(limit)})`;
                    }
                }
                continue;
            }
        }
        // Not a regression: improved when the change is in the good direction beyond noise.
        // Improved only beyond noise: the CI of the difference excludes 0 on the good side; with no CI at all
        // (pre-aggregated metrics without standard errors) any change in the good direction counts.
        const ci = c.test?.ci_delta ?? null;
        const good = ci === null ? true : c.direction === 'higher' ? ci[0] > 0 : ci[1] < 0;
        if (bad < 0 && good) {
            c.status = 'improved';
            c.reason = `better by ${fmt(-bad)}`;
        }
        else {
            c.status = 'unchanged';
            c.reason =
                bad > 0
                    ? `worse by ${fmt(bad)}${c.gated ? (r.tolerance !== null && r.tolerance > 0 ? `, within the tolerance ${fmt(r.tolerance)}` : ', within the allowed threshold') : ' (not gated)'}`
                    : bad < 0
                        ? `better by ${fmt(-bad)}, within noise`
                        : 'no change';
        }
    }
    return alpha === null ? 0 : gated.filter((r) => r.cmp.p_adjusted != null).length;
}
/** "; 95% bound ≤ −0.012": the one-sided bound of the change from the same test, when there is one. */
function boundText(c) {
    const b = c.test?.bound;
    if (b === null || b === undefined || !Number.isFinite(b))
        return '';
    const level = Math.round((1 - (c.test?.alpha ?? 0.05)) * 100);
    return `; ${level}% bound: Δ ${c.direction === 'higher' ? '≤' : '≥'} ${fmt(b)}`;
}
/**
 * The verdict and its counts: fail on any regression (absolute floors/ceilings need no baseline, so
 * they fail the gate even without one), else warn on any warning, else pass (no-baseline without one).
 * Inconclusive comparisons count as `onInconclusive` says (default pass: a green check, but the report
 * names them); `setupChange` is the `on_setup_change` policy when the eval setup changed (undefined when
 * it did not): `fail` fails the gate, `warn` warns at least. Drifted rows (nightly history) count as
 * regressions or warnings by their severity. The one place these rules live: diagnosis and the recount
 * after waivers and drift (history/verdict.ts) both call it.
 */
function verdictOf(all, hasBaseline, onInconclusive = 'pass', setupChange) {
    const regressions = all.filter((c) => c.status === 'regressed' || (c.status === 'drifted' && c.severity === 'fail')).length;
    const warnings = all.filter((c) => c.status === 'warn' || (c.status === 'drifted' && c.severity === 'warn')).length;
    const inconclusive = all.filter((c) => c.status === 'inconclusive').length;
    const failing = regressions > 0 || (onInconclusive === 'fail' && inconclusive > 0) || setupChange === 'fail';
    const warning = warnings > 0 || (onInconclusive === 'warn' && inconclusive > 0) || setupChange === 'warn';
    const verdict = !hasBaseline
        ? regressions > 0
            ? 'fail'
            : 'no-baseline'
        : failing
            ? 'fail'
            : warning
                ? 'warn'
                : 'pass';
    return { verdict, regressions, warnings, inconclusive };
}
function fmtP(p) {
    // An exact tail this small underflows to 0 in float64; say so rather than print "0".
    if (p < 1e-300)
        return '< 1e-300';
    return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

;// CONCATENATED MODULE: ./src/diagnose/report.ts



const ORDER = {
    regressed: 0,
    warn: 1,
    drifted: 1,
    inconclusive: 1,
    missing: 2,
    improved: 3,
    new: 4,
    unchanged: 5,
    waived: 6,
    skipped: 7,
};
/** Worst status first, gated before reported, then by name (sorts in place). */
const sorted = (cs) => cs.sort((a, b) => ORDER[a.status] - ORDER[b.status] ||
    Number(b.gated) - Number(a.gated) ||
    a.metric.localeCompare(b.metric));
/** The report of decided overall and slice rows. */
function assembleReport(input, rows, sliceRows, pairing, notes, mopts, tested = { overall: 0, slices: 0 }) {
    const { current, baseline, config } = input;
    const all = [...rows, ...sliceRows].map((r) => r.cmp);
    // The record format (docs/design.md, 'Record format') names p_value and ci_delta on each comparison;
    // `test` keeps the method and pairing.
    for (const c of all) {
        if (c.test) {
            c.p_value = c.test.p_value;
            c.ci_delta = c.test.ci_delta;
        }
    }
    const onInconclusive = config.onInconclusive ?? 'pass';
    // Cluster-robust tests are approximate with few clusters (t with C − 1 df assumes normal cluster means).
    const clusters = all.map((c) => c.test?.clusters).filter((x) => x !== undefined);
    if (clusters.length && Math.min(...clusters) < 30) {
        notes = [
            ...notes,
            `Cluster-robust tests use only ${Math.min(...clusters)} clusters: with fewer than 30, their p-values are approximate (CR1, t with C − 1 df).`,
        ];
    }
    const onSetupChange = config.onSetupChange ?? 'warn';
    const setup = baseline && onSetupChange !== 'ignore' ? setupChanges(baseline.setup, current.setup) : undefined;
    if (setup?.messages.length) {
        notes = [setupNote(setup.messages, onSetupChange), ...notes];
        if (onSetupChange === 'warn')
            softenChangedTasks(input, all, setup.tasks);
    }
    const { verdict, regressions, warnings, inconclusive } = verdictOf(all, baseline !== null, onInconclusive, setup?.messages.length ? onSetupChange : undefined);
    // Name the correction that was actually applied, not the one that would have been.
    const corrections = [];
    if (config.significance !== null && tested.overall > 0)
        corrections.push('holm (overall)');
    if (config.significance !== null && tested.slices > 0)
        corrections.push('benjamini-hochberg (slices)');
    const report = {
        schema: 'evalgate/report',
        version: 1,
        verdict,
        task: current.task,
        baseline: input.baselineInfo,
        current: { ...(input.currentMeta ?? {}), n: current.n },
        comparisons: [...sorted(rows.map((r) => r.cmp)), ...sorted(sliceRows.map((r) => r.cmp))],
        regressions,
        warnings,
        inconclusive,
        settings: {
            significance: config.significance,
            correction: corrections.length ? corrections.join(', ') : 'none',
            on_inconclusive: onInconclusive,
            on_setup_change: onSetupChange,
        },
        notes,
    };
    if (setup?.messages.length)
        report.setup_changes = setup.messages;
    if (input.gateId)
        report.gate_id = input.gateId;
    if (pairing)
        report.pairing = pairing.info;
    if (pairing?.info.paired && input.baselineData && input.currentData) {
        const f = flippedExamples(input.baselineData, input.currentData, pairing, {
            topN: config.topFlipped,
            metric: mopts,
        });
        if (f)
            report.flipped = f;
    }
    return report;
}
/** At most this many setup-change messages in the note (the JSON report has them all). */
const NOTE_MESSAGES = 5;
/** "Eval setup changed: …." and what the policy does about it. */
function setupNote(messages, policy) {
    const shown = messages.length > NOTE_MESSAGES
        ? [...messages.slice(0, NOTE_MESSAGES), `${messages.length - NOTE_MESSAGES} more in the JSON report`]
        : messages;
    const effect = policy === 'fail'
        ? 'The gate fails (on_setup_change: fail).'
        : 'The gate warns, and a regression of a metric of a changed task is a warning, not a failure (on_setup_change: warn).';
    return `Eval setup changed: ${shown.join('; ')}. ${effect}`;
}
/**
 * Under `warn`: a regressed metric of a task whose config changed is a warning — the two runs did not
 * measure the same thing, so the drop is not the model's alone.
 */
function softenChangedTasks(input, all, changed) {
    if (!Object.keys(changed).length)
        return;
    const tasks = taskNames(input.baseline?.setup, input.current.setup);
    const sole = tasks.length === 1 && input.current.sources.length === 1 && input.baseline?.sources.length === 1
        ? tasks[0]
        : undefined;
    for (const c of all) {
        if (c.status !== 'regressed')
            continue;
        const task = taskOfMetric(c.metric, tasks, sole);
        const keys = task === undefined ? undefined : changed[task];
        if (!keys)
            continue;
        c.status = 'warn';
        c.reason = `task config changed: ${keys.join(', ')}; ${c.reason}`;
    }
}

;// CONCATENATED MODULE: ./src/diagnose/slices.ts




/**
 * One row per (slice field, value, metric) in either run. Gated by `slice_rules` when the metric is
 * gated overall (or listed in `slice_rules.metrics`) and both runs' slices reach `min_n`.
 */
function sliceRows(input, overall) {
    const { current, baseline, config } = input;
    const rows = [];
    const sliceRules = config.sliceRules;
    const gatedNames = sliceRules?.metrics ??
        overall.filter((r) => r.cmp.gated && r.cmp.current !== null).map((r) => r.cmp.metric);
    const fields = new Set([...Object.keys(current.slices ?? {}), ...Object.keys(baseline.slices ?? {})]);
    const sliceMetricNames = new Set();
    for (const field of [...fields].sort()) {
        const curValues = current.slices?.[field] ?? {};
        const baseValues = baseline.slices?.[field] ?? {};
        const values = new Set([...Object.keys(curValues), ...Object.keys(baseValues)]);
        for (const value of [...values].sort()) {
            const sr = curValues[value];
            const bs = baseValues[value];
            const metricNames = new Set([...Object.keys(sr?.metrics ?? {}), ...Object.keys(bs?.metrics ?? {})]);
            for (const n of metricNames)
                sliceMetricNames.add(n);
            for (const name of [...metricNames].sort()) {
                const dir = directionOf(name, config, [current, baseline]);
                // A slice gone from this run is judged by the baseline's size alone.
                const enough = sliceRules?.min_n === undefined ||
                    ((sr ? sr.n >= sliceRules.min_n : true) && (bs?.n ?? 0) >= sliceRules.min_n);
                const overallRule = overall.find((r) => r.cmp.metric === name)?.rule;
                const rule = sliceRules && gatedNames.includes(name) && enough
                    ? {
                        max_regression: sliceRules.max_regression,
                        max_regression_pct: sliceRules.max_regression_pct,
                        // A slice inherits the metric's severity unless slice_rules set one.
                        severity: sliceRules.severity ?? overallRule?.severity,
                    }
                    : undefined;
                const row = compareRow(name, sr?.metrics[name], bs?.metrics[name], dir, rule, { field, value });
                if (!sr)
                    row.cmp.reason = `slice ${field}=${value} is in the baseline but not in this run`;
                if (sliceRules && gatedNames.includes(name) && !enough) {
                    row.cmp.reason = `n < min_n ${sliceRules.min_n}: reported, not gated`;
                }
                rows.push(row);
            }
        }
    }
    for (const name of sliceRules?.metrics ?? []) {
        if (!sliceMetricNames.has(name)) {
            rows.push(absentRow(name, 'named under `slice_rules.metrics` in the config but in no slice of either run — a typo?'));
        }
    }
    return rows;
}
/** Slice tests: paired within the slice when both runs have records, else unpaired. Only gated rows. */
function attachSliceTests(rows, input, mopts) {
    const groups = new Map();
    const ts = testSettings(rows, input.config);
    for (const r of rows) {
        if (!r.cmp.gated || r.bad === null || !r.cmp.slice)
            continue;
        const key = `${r.cmp.slice.field}\u0000${r.cmp.slice.value}`;
        if (!groups.has(key))
            groups.set(key, []);
        groups.get(key).push(r);
    }
    for (const [key, group] of groups) {
        const [field, value] = key.split('\u0000');
        let paired = {};
        const bd = input.baselineData;
        const cd = input.currentData;
        if (bd && cd && bd.task === cd.task && bd.slices[field] && cd.slices[field]) {
            const bIdx = indicesOf(bd.slices[field], value);
            const cIdx = indicesOf(cd.slices[field], value);
            const bs = subsetDataset(bd, bIdx);
            const cs = subsetDataset(cd, cIdx);
            const pairing = pairDatasets(bs, cs);
            if (pairing.info.paired) {
                paired = compareDatasets(bs, cs, group.map((r) => r.cmp.metric), {
                    metric: mopts,
                    directions: directionsOf(group),
                    bootstrap: input.config.bootstrap,
                    seed: input.config.seed,
                    pairing,
                    alpha: ts.alpha,
                    // Per slice value: a percentage tolerance depends on this slice's baseline.
                    tolerances: Object.fromEntries(group.map((r) => [r.cmp.metric, r.tolerance ?? 0])),
                    minResamples: ts.minResamples,
                    clusterField: input.config.cluster !== undefined,
                });
            }
        }
        for (const r of group) {
            const base = input.baseline.slices[field]?.[value]?.metrics[r.cmp.metric];
            const cur = input.current.slices[field]?.[value]?.metrics[r.cmp.metric];
            r.cmp.test =
                paired[r.cmp.metric] ?? unpairedTest(base, cur, r.cmp.direction, r.tolerance ?? 0, ts.alpha);
        }
    }
    // Reported-only slice rows get the cheap unpaired test, so that "improved" is judged against noise.
    for (const r of rows) {
        if (r.cmp.test || r.bad === null || !r.cmp.slice)
            continue;
        const { field, value } = r.cmp.slice;
        r.cmp.test = unpairedTest(input.baseline.slices[field]?.[value]?.metrics[r.cmp.metric], input.current.slices[field]?.[value]?.metrics[r.cmp.metric], r.cmp.direction, 0, ts.alpha);
    }
}
function indicesOf(values, v) {
    let n = 0;
    for (const x of values)
        if (x === v)
            n++;
    const out = new Int32Array(n);
    let j = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] === v)
            out[j++] = i;
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/index.ts
/**
 * Diagnosis: compares current and baseline metric by metric and decides statuses and the verdict
 * (docs/design.md, 'Diagnosis rules'). Pure: takes results (and, when both runs carry per-example data,
 * their datasets for paired statistics) and returns a Report. One step per file: pairing.ts (which
 * examples pair, notes), overall.ts and slices.ts (rows and their tests), verdict.ts (statuses, verdict),
 * report.ts (assembly).
 */








/** Runs the diagnosis. */
function diagnose(input) {
    const { current, baseline, config } = input;
    const alpha = config.significance;
    const mopts = metricOptionsOf(config);
    const { pairing, notes } = pairRuns(input);
    // Two runs whose tasks differ compare nothing alike (e.g. auto-detection saw integer predictions in
    // one run and floats in the other): refuse rather than pass with every metric "missing".
    if (baseline &&
        current.task !== 'aggregate' &&
        baseline.task !== 'aggregate' &&
        current.task !== baseline.task) {
        throw new errors/* InputError */.dz(`this run (${filesOf(current)}) is a ${current.task} task but the baseline (${filesOf(baseline)}) is ${baseline.task}; set \`task:\` in the config so both runs are read the same way`, { file: config.file, field: 'task' });
    }
    const rows = overallRows(input);
    attachOverallTests(rows, input, pairing?.info.paired ? pairing : undefined, mopts);
    const overall = verdict_decide(rows, alpha, 'holm');
    let slices = [];
    let sliceTests = 0;
    if (baseline) {
        slices = sliceRows({ ...input, baseline }, rows);
        attachSliceTests(slices, input, mopts);
        sliceTests = verdict_decide(slices, alpha, 'bh');
    }
    return assembleReport(input, rows, slices, pairing, notes, mopts, { overall, slices: sliceTests });
}
/** The input files of a run, for messages that must say which files disagree. */
function filesOf(run) {
    const files = run.sources.map((s) => s.file);
    if (files.length === 0)
        return 'no file';
    return files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/readers/file.ts
var readers_file = __webpack_require__(2696);
// EXTERNAL MODULE: ./src/readers/text.ts
var readers_text = __webpack_require__(3833);
;// CONCATENATED MODULE: ./src/readers/sniff.ts
/**
 * Content sniffing for format detection: the key outline of a JSON document's first bytes (which may be
 * cut anywhere) and the first lines of a JSON Lines file. Nothing here throws: a detector that cannot
 * tell says so by returning low confidence.
 */
/** Keys at `path` in an outline (empty set when none were seen). */
function keysAt(o, path) {
    return o.keys.get(path) ?? new Set();
}
/**
 * Outlines JSON text without parsing it whole: tracks the container stack and records object keys whose
 * depth is at most `maxDepth`. Stops quietly at the end of the text or on anything unexpected.
 */
function outlineJson(text, maxDepth = 3) {
    const keys = new Map();
    let i = 0;
    const n = text.length;
    while (i < n && /\s/.test(text[i]))
        i++;
    const root = text[i] === '{' ? '{' : text[i] === '[' ? '[' : undefined;
    if (!root)
        return { root, keys };
    // Each frame: container kind and its path; for objects, whether the next string is a key.
    const stack = [];
    const childPath = () => {
        const top = stack[stack.length - 1];
        if (!top)
            return '';
        const seg = top.kind === '[' ? '[]' : top.lastKey;
        return top.path === '' && stack.length === 1 ? seg : `${top.path}.${seg}`;
    };
    while (i < n) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < n && text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            if (j >= n)
                break;
            const str = text.slice(i + 1, j);
            i = j + 1;
            const top = stack[stack.length - 1];
            if (top && top.kind === '{' && top.expectKey) {
                top.lastKey = str;
                top.expectKey = false;
                if (stack.length <= maxDepth) {
                    let set = keys.get(top.path);
                    if (!set)
                        keys.set(top.path, (set = new Set()));
                    set.add(str);
                }
            }
            continue;
        }
        if (c === '{' || c === '[') {
            const path = stack.length === 0 ? '' : childPath();
            stack.push({ kind: c, path, expectKey: c === '{', lastKey: '' });
        }
        else if (c === '}' || c === ']') {
            stack.pop();
            if (stack.length === 0)
                break;
        }
        else if (c === ',') {
            const top = stack[stack.length - 1];
            if (top?.kind === '{')
                top.expectKey = true;
        }
        i++;
    }
    return { root, keys };
}
/**
 * The first complete non-blank lines of a text parsed as JSON objects (at most `max`); undefined when
 * the first non-blank line is not a JSON object (so the text is not JSON Lines).
 */
function firstJsonLines(text, max = 3) {
    const out = [];
    let start = 0;
    while (start < text.length && out.length < max) {
        const end = text.indexOf('\n', start);
        if (end === -1)
            break; // a cut last line proves nothing
        const line = text.slice(start, end).trim();
        start = end + 1;
        if (line === '')
            continue;
        if (!line.startsWith('{'))
            return out.length ? out : undefined;
        try {
            const v = JSON.parse(line);
            if (typeof v !== 'object' || v === null || Array.isArray(v))
                return out.length ? out : undefined;
            out.push(v);
        }
        catch {
            return out.length ? out : undefined;
        }
    }
    if (out.length === 0 && start < text.length) {
        // One line without a newline: the whole file may be that line.
        const line = text.slice(start).trim();
        if (line.startsWith('{') && line.endsWith('}')) {
            try {
                const v = JSON.parse(line);
                if (typeof v === 'object' && v !== null && !Array.isArray(v))
                    out.push(v);
            }
            catch {
                return undefined;
            }
        }
    }
    return out.length ? out : undefined;
}
/** True when the file name ends with one of the endings (case-insensitive). */
function hasExtension(fileName, exts) {
    const lower = fileName.toLowerCase();
    return exts.some((e) => lower.endsWith(e));
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
        throw new errors/* InputError */.dz('missing example id (set `fields.id` if your id field has another name)', where(fields.id));
    }
    if (typeof id !== 'string' && typeof id !== 'number') {
        throw new errors/* InputError */.dz(`example id must be a string or a number, found ${typeof id}`, where(fields.id));
    }
    if (typeof id === 'number' && !Number.isSafeInteger(id) && Number.isInteger(id)) {
        // JSON numbers beyond 2^53 are rounded on reading, so two ids could silently become one.
        throw new errors/* InputError */.dz(`numeric id ${id} is too large to be read exactly; write ids as strings`, where(fields.id));
    }
    if (!(fields.label in raw) || raw[fields.label] === null || raw[fields.label] === undefined) {
        throw new errors/* InputError */.dz('missing label', where(fields.label));
    }
    if (!(fields.prediction in raw) ||
        raw[fields.prediction] === null ||
        raw[fields.prediction] === undefined) {
        throw new errors/* InputError */.dz('missing prediction', where(fields.prediction));
    }
    const slices = {};
    for (const s of mapping.slices) {
        const v = raw[s];
        if (v === undefined || v === null || v === '') {
            throw new errors/* InputError */.dz(`missing slice field "${s}" (named in config \`slices\`)`, where(s));
        }
        if (typeof v === 'object')
            throw new errors/* InputError */.dz('slice value must be a string, number or boolean', where(s));
        slices[s] = String(v);
    }
    let cluster;
    if (mapping.cluster) {
        const v = raw[mapping.cluster];
        if (v === undefined || v === null || v === '' || typeof v === 'object') {
            throw new errors/* InputError */.dz('missing or non-scalar cluster id (config `cluster`)', where(mapping.cluster));
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
                throw new errors/* InputError */.dz(`numeric field must be finite, found ${v}`, where(k));
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
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
function probaAt(p, block, row) {
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
        return probaAt(this, this.block.data, row);
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

// EXTERNAL MODULE: ./src/readers/json-text.ts
var json_text = __webpack_require__(3918);
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
            if (depth + 1 > json_text/* MAX_JSON_DEPTH */.KX) {
                throw new errors/* InputError */.dz(`JSON nested deeper than ${json_text/* MAX_JSON_DEPTH */.KX} levels (the limit for input files)`, {
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
                    throw new errors/* InputError */.dz(`class "${key.name}" is given twice in this record`, {
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
            throw new errors/* InputError */.dz(`malformed JSON: ${err.message}`, { file: this.file, line: lineNo });
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new errors/* InputError */.dz('expected a JSON object per line', { file: this.file, line: lineNo });
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
                throw new errors/* InputError */.dz(`key "${info.name}" is given twice in this record`, {
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
function packColumns(cols, lineCount) {
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
function appendColumns(cols, part, lineOffset) {
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
    const raw = (0,external_node_fs_.createReadStream)(file, {
        highWaterMark: readChunk.bytes,
        start: range.start,
        end: range.end === undefined ? undefined : range.end - 1,
    });
    const gunzip = (0,external_node_zlib_.createGunzip)({ chunkSize: readChunk.bytes });
    raw.on('error', (e) => gunzip.destroy(e));
    return raw.pipe(gunzip);
}
async function* plainChunks(file, range) {
    // No bigger than the part to read, as far as it is known: a small file's run allocates a few
    // kilobytes, not 12 MiB (whose external-memory pressure alone triggered a collection).
    const known = range.end ?? (range.hintBytes !== undefined ? range.start + range.hintBytes : undefined);
    const size = known === undefined ? readChunk.bytes : Math.max(1, Math.min(readChunk.bytes, known - range.start));
    const fh = await (0,promises_.open)(file, 'r');
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
        return new errors/* InputError */.dz('file not found', { file });
    if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.code?.startsWith('Z_'))
        return new errors/* InputError */.dz(`not valid gzip: ${err.message}`, { file });
    return new errors/* InputError */.dz(`cannot read file (${err.code ?? err.message})`, { file });
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
async function readJsonlColumns(file, mapping, cols = new columns_RecordColumns(), progress) {
    const total = statSafe(file);
    const startRows = cols.n;
    cols.beginFile(file);
    const split = total !== undefined && total >= parallelRead.minBytes && total <= parallelRead.maxBytes
        ? lineStartAfter(file, Math.floor(total / 2), total)
        : undefined;
    const helper = split !== undefined ? getHelper() : undefined;
    const cut = helper ? range_cut_RangeCut.create(split, total) : undefined;
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
                throw e instanceof errors/* InputError */.dz ? located(e.detail, e.location, offset) : e;
            }
            appendColumns(cols, tail.part, offset);
        }
    }
    cols.finish();
    if (cols.n === startRows)
        throw new errors/* InputError */.dz('no records in file', { file });
    return cols;
}
/** An input error of a part read after `offset` earlier lines, numbered in the whole file. */
function located(message, location, offset) {
    const loc = { ...location };
    if (loc.line !== undefined)
        loc.line += offset;
    return new errors/* InputError */.dz(message, loc);
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
    const cols = new columns_RecordColumns();
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
    const cols = new RecordColumns();
    cols.beginFile(file);
    if (region)
        cols.proba.adoptRegion(region.mode, region.width, region.keys, region.block);
    const range = { start, end, hintBytes: end - start, cut: cut && new RangeCut(cut) };
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
        fd = (0,external_node_fs_.openSync)(file, 'r');
        const buf = Buffer.allocUnsafe(1 << 16);
        for (let at = from; at < end && at < from + (16 << 20);) {
            const got = (0,external_node_fs_.readSync)(fd, buf, 0, Math.min(buf.length, end - at), at);
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
            (0,external_node_fs_.closeSync)(fd);
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
        if (!(0,external_node_buffer_.isUtf8)(buf.subarray(0, end))) {
            const bad = Math.max(0, (0,readers_text/* firstInvalidUtf8 */.vE)(buf.subarray(0, end)));
            let ln = line + 1;
            for (let i = 0; i < bad; i++)
                if (buf[i] === 0x0a)
                    ln++;
            // Same words as the whole-file decoder (text.ts).
            const hex = buf[bad].toString(16).toUpperCase().padStart(2, '0');
            throw new errors/* InputError */.dz(`not UTF-8 (byte 0x${hex} at byte offset ${offset + bad} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`, { file, line: ln });
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
                if ((0,readers_text/* utf16Order */.tH)(buf))
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
        if (e instanceof errors/* InputError */.dz)
            throw e;
        throw streamError(e, file);
    }
    if (carry && carry.length > 0)
        process(carry, carry.length);
    return line - lineBase;
}
function statSafe(file) {
    try {
        return file.toLowerCase().endsWith('.gz') ? undefined : (0,external_node_fs_.statSync)(file).size;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/readers/jsonl.ts
/** Reader for per-example JSON Lines (`.jsonl`, `.ndjson`, optionally gzip-compressed). */





/**
 * Calls `each` with every non-blank line parsed as a JSON object and its 1-based line number; a line
 * that is not valid JSON or not an object is an error naming file and line. Shared by every JSONL-based
 * reader so they agree on what a line is.
 */
function forEachJsonObject(text, file, each) {
    let start = 0;
    let line = 0;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        line++;
        const raw = text.slice(start, end).trim();
        start = end + 1;
        if (raw === '')
            continue;
        let value;
        try {
            value = JSON.parse(raw);
        }
        catch (e) {
            throw new errors/* InputError */.dz(`malformed JSON: ${e.message}`, { file, line });
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            throw new errors/* InputError */.dz('expected a JSON object per line', { file, line });
        }
        each(value, line);
    }
}
/** Parses JSONL text; blank lines are allowed, anything else that is not a JSON object is an error. */
function parseJsonl(text, file, mapping) {
    const out = [];
    forEachJsonObject(text, file, (value, line) => out.push(toExampleRecord(value, mapping, file, line)));
    if (out.length === 0)
        throw new errors/* InputError */.dz('no records in file', { file });
    return out;
}
const JSONL_EXTENSIONS = ['.jsonl', '.ndjson', '.jsonl.gz', '.ndjson.gz'];
/** Per-example records as JSON Lines. */
const jsonlFormat = {
    name: 'jsonl',
    description: 'JSON Lines of per-example records: one object per line with an id, a label and a prediction field',
    extensions: JSONL_EXTENSIONS,
    detect(head, name) {
        const ext = hasExtension(name, JSONL_EXTENSIONS);
        const lines = head.jsonLines;
        // A .jsonl whose first line is broken is still read as JSON Lines, so the error names that line.
        if (!lines)
            return ext ? 0.3 : 0;
        return lines.length >= 2 || ext ? 0.5 : 0.2;
    },
    async read(file, ctx) {
        // Streaming into columns needs UTF-8 (the default); other encodings, and UTF-16 files that say so
        // with a BOM or NULs, are decoded whole.
        if (ctx.columns && (ctx.encoding === undefined || ctx.encoding === 'utf8')) {
            const columns = await readJsonlColumns(file, ctx.mapping, ctx.columns, ctx.progress);
            if (columns)
                return { kind: 'columns', file, format: 'jsonl', columns };
        }
        const records = parseJsonl((0,readers_text/* readTextFile */.Gu)(file, ctx.encoding), file, ctx.mapping);
        return { kind: 'records', file, format: 'jsonl', records };
    },
};

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(5175);
;// CONCATENATED MODULE: ./src/readers/csv.ts
/** Reader for per-example CSV/TSV with a header row. */





const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(inf|infinity)$/i;
/** What pandas reads as a missing value. */
const MISSING = new Set(['nan', 'NaN', 'NA', 'N/A', 'n/a', 'null', 'NULL', 'None', '<NA>']);
/**
 * Types a cell as a data-frame loader would: numbers, true/false, JSON lists/objects (multilabel
 * labels, probability maps); empty and NaN/NA cells are absent. Ids and fields read as text (the label
 * and prediction of a generation task) keep their exact characters: `007` is not `7`.
 */
function cell(v, file, line, field, text, probabilities) {
    if (text)
        return v === '' ? undefined : v;
    const t = v.trim();
    if (t === '' || MISSING.has(t))
        return undefined;
    if (NUMBER.test(t))
        return Number(t);
    if (INFINITY.test(t))
        return t.startsWith('-') ? -Infinity : Infinity;
    if (t === 'true' || t === 'True' || t === 'TRUE')
        return true;
    if (t === 'false' || t === 'False' || t === 'FALSE')
        return false;
    if (t.startsWith('[') || t.startsWith('{')) {
        try {
            return JSON.parse(t);
        }
        catch (e) {
            // Only probabilities must be JSON; elsewhere "[1] Paris" is just text.
            if (probabilities) {
                throw new errors/* InputError */.dz(`probabilities cell is not valid JSON: ${e.message}`, {
                    file,
                    line,
                    field,
                });
            }
        }
    }
    return v;
}
/** Parses CSV (or TSV when `delimiter` is a tab). */
function parseCsv(text, file, mapping, delimiter = ',') {
    let rows;
    const kind = delimiter === '\t' ? 'TSV' : 'CSV';
    try {
        rows = (0,sync/* parse */.qg)(text, {
            columns: (header) => {
                const seen = new Set();
                for (const h of header) {
                    if (seen.has(h))
                        throw new errors/* InputError */.dz(`column "${h}" appears twice in the header`, { file, line: 1, field: h });
                    seen.add(h);
                }
                return header;
            },
            delimiter,
            skip_empty_lines: true,
            bom: true,
            info: true,
            // Python's csv module accepts quotes inside unquoted fields (5" screen); so do we.
            relax_quotes: true,
        });
    }
    catch (e) {
        if (e instanceof errors/* InputError */.dz)
            throw e;
        const err = e;
        throw new errors/* InputError */.dz(`malformed ${kind}: ${err.message}`, { file, line: err.lines });
    }
    if (rows.length === 0)
        throw new errors/* InputError */.dz('no records in file', { file });
    const asText = new Set([mapping.fields.id, ...(mapping.textFields ?? [])]);
    const probabilities = mapping.fields.probabilities;
    return rows.map(({ record, info }) => {
        const typed = {};
        for (const [k, v] of Object.entries(record)) {
            typed[k] = cell(v, file, info.lines, k, asText.has(k), k === probabilities);
        }
        return toExampleRecord(typed, mapping, file, info.lines);
    });
}
/** First line of a sniffed text, when it looks like a delimited header (not JSON, not YAML). */
function headerLine(head) {
    const end = head.text.indexOf('\n');
    const first = (end === -1 ? head.text : head.text.slice(0, end)).trim();
    if (first === '' || first.startsWith('{') || first.startsWith('['))
        return undefined;
    return first;
}
function delimitedFormat(name, delimiter) {
    const extensions = [`.${name}`, `.${name}.gz`];
    return {
        name,
        description: `${name === 'csv' ? 'comma' : 'tab'}-separated per-example records with a header row naming the id, label and prediction columns`,
        extensions,
        detect(head, fileName) {
            if (hasExtension(fileName, extensions))
                return 0.6;
            const first = headerLine(head);
            if (!first || !first.includes(delimiter))
                return 0;
            // Without the extension, a header that names an id/label column makes it likely.
            return /(^|[,\t"])(id|label|prediction|pred|gold|target)([,\t"]|$)/i.test(first) ? 0.4 : 0.26;
        },
        read(file, ctx) {
            const records = parseCsv((0,readers_text/* readTextFile */.Gu)(file, ctx.encoding), file, ctx.mapping, delimiter);
            return { kind: 'records', file, format: name, records };
        },
    };
}
/** Per-example records as CSV. */
const csvFormat = delimitedFormat('csv', ',');
/** Per-example records as TSV. */
const tsvFormat = delimitedFormat('tsv', '\t');

;// CONCATENATED MODULE: ./src/readers/parquet.ts
/**
 * Reader for per-example Parquet files (as written by pandas/pyarrow/polars), via hyparquet (pure JS,
 * snappy built in). Rows are numbered from 1 in error messages, as a data-frame index + 1.
 */



/** BigInt columns (int64) become numbers when exact, else an error: ids and labels must not change. */
function normalise(v, file, row, field) {
    if (typeof v === 'bigint') {
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
            throw new errors/* InputError */.dz('64-bit integer too large to represent exactly', { file, line: row, field });
        }
        return Number(v);
    }
    if (Array.isArray(v))
        return v.map((x) => normalise(x, file, row, field));
    if (v instanceof Date)
        return v.toISOString();
    if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x, file, row, field)]));
    }
    return v;
}
/** Reads all rows of a Parquet file into records. */
async function readParquet(file, mapping) {
    const buf = (0,readers_file/* readBytes */.i)(file);
    const arrayBuffer = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    // Loaded on first use: runs that read no Parquet never parse the library (start-up, docs/performance.md).
    const { parquetReadObjects } = await __webpack_require__.e(/* import() */ 148).then(__webpack_require__.bind(__webpack_require__, 4148));
    let rows;
    try {
        rows = (await parquetReadObjects({ file: arrayBuffer }));
    }
    catch (e) {
        throw new errors/* InputError */.dz(`not a readable Parquet file: ${e.message}`, { file });
    }
    if (rows.length === 0)
        throw new errors/* InputError */.dz('no records in file', { file });
    return rows.map((raw, i) => {
        const row = i + 1;
        const typed = {};
        for (const [k, v] of Object.entries(raw))
            typed[k] = v === null ? undefined : normalise(v, file, row, k);
        return toExampleRecord(typed, mapping, file, row);
    });
}
/** Per-example records as Parquet. */
const parquetFormat = {
    name: 'parquet',
    description: 'Parquet table of per-example records (starts with the bytes PAR1) with id, label and prediction columns',
    extensions: ['.parquet'],
    detect(head, name) {
        if (head.raw.subarray(0, 4).toString('latin1') === 'PAR1')
            return 1;
        // Named .parquet but not Parquet: read it anyway, so the error says what is wrong with it.
        return name.toLowerCase().endsWith('.parquet') ? 0.3 : 0;
    },
    async read(file, ctx) {
        return { kind: 'records', file, format: 'parquet', records: await readParquet(file, ctx.mapping) };
    },
};

;// CONCATENATED MODULE: ./src/readers/metric-map.ts
/**
 * Reader for plain metric maps (DVC style): a JSON or YAML mapping of metric name → number, nested
 * mappings joined with `.` (`f1_by_geo.France`). Non-numeric leaves are errors, not silently skipped.
 * A NaN or infinite value (Python's `json` writes bare `NaN`) is read as an undefined metric with the
 * reason, not as a number.
 */




/** A metric value the file gives as NaN or ±Infinity: undefined, with the reason. */
function nonFiniteMetric(v, n = null) {
    return { value: null, n, undefined: `the file gives ${v} (not a number)` };
}
/** Flattens a parsed metric map into metric values (n unknown). */
function flattenMetricMap(data, file) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new errors/* InputError */.dz('expected a mapping of metric name to number', { file });
    }
    const out = {};
    const walk = (obj, prefix, depth) => {
        if (depth > json_text/* MAX_JSON_DEPTH */.KX) {
            throw new errors/* InputError */.dz(`metric map nested deeper than ${json_text/* MAX_JSON_DEPTH */.KX} levels`, {
                file,
                field: prefix.length > 200 ? `${prefix.slice(0, 200)}…` : prefix,
            });
        }
        for (const [k, v] of Object.entries(obj)) {
            const name = prefix ? `${prefix}.${k}` : k;
            if (typeof v === 'number') {
                if (name in out) {
                    throw new errors/* InputError */.dz('two keys flatten to this metric name (nested keys are joined with ".")', {
                        file,
                        field: name,
                    });
                }
                out[name] = Number.isFinite(v) ? { value: v, n: null } : nonFiniteMetric(v);
            }
            else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
                walk(v, name, depth + 1);
            }
            else {
                throw new errors/* InputError */.dz(`metric value must be a number or a nested mapping, found ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`, { file, field: name });
            }
        }
    };
    walk(data, '', 1);
    if (Object.keys(out).length === 0)
        throw new errors/* InputError */.dz('no metrics in file', { file });
    return out;
}
/** A JSON metric map. */
const jsonMetricMapFormat = {
    name: 'metric-map',
    description: 'JSON mapping of metric name to number (nested mappings joined with "."), e.g. DVC metrics',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const lines = head.jsonLines;
        return lines && lines.length >= 2 ? 0.1 : 0.4;
    },
    read(file, ctx) {
        const metrics = flattenMetricMap((0,json_text/* readJsonFile */.JE)(file, ctx.encoding), file);
        return { kind: 'metrics', file, format: 'metric-map', metrics, directions: {} };
    },
};
const YAML_EXTENSIONS = ['.yaml', '.yml'];
/** A YAML metric map. */
const yamlMetricMapFormat = {
    name: 'metric-map-yaml',
    description: 'YAML mapping of metric name to number (nested mappings joined with ".")',
    extensions: YAML_EXTENSIONS,
    detect(head, name) {
        if (hasExtension(name, YAML_EXTENSIONS))
            return 0.6;
        const first = head.text.trimStart();
        if (first.startsWith('{') || first.startsWith('['))
            return 0;
        return /^[\w.-]+:(\s|$)/m.test(first.slice(0, 4096)) && !first.includes(',') ? 0.3 : 0;
    },
    async read(file, ctx) {
        const text = (0,readers_text/* readTextFile */.Gu)(file, ctx.encoding);
        // Loaded on first use: runs that read no YAML never parse the YAML library.
        const { parseYamlDocument, yamlToJs } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(49)]).then(__webpack_require__.bind(__webpack_require__, 49));
        const { doc } = parseYamlDocument(text, file);
        const metrics = flattenMetricMap(yamlToJs(doc, file), file);
        return { kind: 'metrics', file, format: 'metric-map', metrics, directions: {} };
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/readers/setup.ts
/**
 * Eval-setup fingerprints: short hashes of what a run was set up with, apart from the model (task
 * configs per key, the example ids with their labels). Readers fill them; the diagnosis compares them.
 */

/** JSON with object keys sorted, so equal values hash equally whatever order a tool wrote them in. */
function canonicalJson(v) {
    if (v === undefined)
        return 'null';
    if (typeof v === 'number' && !Number.isFinite(v))
        return JSON.stringify(String(v));
    if (v === null || typeof v !== 'object')
        return JSON.stringify(v);
    if (Array.isArray(v))
        return `[${v.map(canonicalJson).join(',')}]`;
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
}
/** First 12 hex digits of the SHA-256 of a value's canonical JSON. */
function shortHash(v) {
    return (0,external_node_crypto_.createHash)('sha256').update(canonicalJson(v)).digest('hex').slice(0, 12);
}
/** Fingerprint of a task config: each top-level key → short hash of its value. */
function configFingerprint(config, ignore = []) {
    const out = {};
    for (const k of Object.keys(config).sort())
        if (!ignore.includes(k))
            out[k] = shortHash(config[k]);
    return out;
}
/** Fingerprint of an eval set: hash of the sorted (id, label) pairs. */
function examplesFingerprint(ids, labels) {
    const rows = ids.map((id, i) => [id, labels ? (labels[i] ?? null) : null]);
    rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { examples: shortHash(rows), n: ids.length };
}

;// CONCATENATED MODULE: ./src/readers/lm-eval.ts




/** True when a parsed JSON document looks like an lm-eval results file. */
function isLmEvalResults(data) {
    if (typeof data !== 'object' || data === null)
        return false;
    const d = data;
    if (typeof d.results !== 'object' || d.results === null || Array.isArray(d.results))
        return false;
    return ('versions' in d ||
        'config' in d ||
        'configs' in d ||
        'n-samples' in d ||
        'higher_is_better' in d ||
        'group_subtasks' in d ||
        Object.values(d.results).every((v) => typeof v === 'object' && v !== null));
}
/** Extracts metrics from an lm-eval results document. */
function readLmEvalResults(data, file) {
    const results = data.results;
    const nSamples = (data['n-samples'] ?? {});
    const hib = (data.higher_is_better ?? {});
    const metrics = {};
    const directions = {};
    for (const [task, entries] of Object.entries(results)) {
        if (typeof entries !== 'object' || entries === null) {
            throw new errors/* InputError */.dz('expected an object of metrics', { file, field: `results.${task}` });
        }
        const n = typeof nSamples[task]?.effective === 'number'
            ? nSamples[task].effective
            : typeof entries.sample_count === 'number'
                ? entries.sample_count
                : typeof entries.samples === 'number'
                    ? entries.samples
                    : null;
        for (const [key, value] of Object.entries(entries)) {
            if (key === 'alias' ||
                key === 'sample_count' ||
                key === 'samples' ||
                key === 'sample_len' ||
                key === 'name')
                continue;
            const [metric, filter] = key.split(',', 2);
            if (metric.endsWith('_stderr'))
                continue;
            if (typeof value !== 'number') {
                if (value === 'N/A' || value === null || value === ' ')
                    continue;
                // Non-numeric entries other than documented placeholders are metadata of this task, not metrics.
                if (typeof value === 'string' || typeof value === 'object')
                    continue;
            }
            if (typeof value !== 'number')
                continue;
            if (!Number.isFinite(value))
                continue;
            const name = filter && filter !== 'none' ? `${task}/${metric},${filter}` : `${task}/${metric}`;
            const seKey = filter ? `${metric}_stderr,${filter}` : `${metric}_stderr`;
            const se = entries[seKey];
            const mv = { value, n };
            if (typeof se === 'number' && Number.isFinite(se)) {
                mv.stderr = se;
                mv.ci = [value - 1.959963984540054 * se, value + 1.959963984540054 * se];
                mv.method = 'given';
            }
            metrics[name] = mv;
            const dir = hib[task]?.[metric];
            if (typeof dir === 'boolean')
                directions[name] = dir ? 'higher' : 'lower';
        }
    }
    if (Object.keys(metrics).length === 0)
        throw new errors/* InputError */.dz('no numeric metrics in lm-eval results', { file });
    return { metrics, directions, sameAs: groupAliases(data, metrics) };
}
/**
 * Group entries whose metric comes from exactly one of the group's subtasks (`group_subtasks`): the
 * harness's group aggregate of a single value is that value, so the group metric can be tested with
 * the subtask's per-document data. Maps `<group>/<metric>` → `<subtask>/<metric>`.
 */
function groupAliases(data, metrics) {
    const out = {};
    const groups = data.group_subtasks;
    if (typeof groups !== 'object' || groups === null)
        return out;
    for (const [group, subtasks] of Object.entries(groups)) {
        if (!Array.isArray(subtasks) || subtasks.length === 0)
            continue;
        for (const name of Object.keys(metrics)) {
            if (!name.startsWith(`${group}/`))
                continue;
            const key = name.slice(group.length + 1);
            const from = subtasks.filter((s) => typeof s === 'string' && metrics[`${s}/${key}`] !== undefined);
            if (from.length === 1 && metrics[`${from[0]}/${key}`].value === metrics[name].value)
                out[name] = `${from[0]}/${key}`;
        }
    }
    return out;
}
/**
 * A task config as it bears on the setup: Python reprs lose their memory address (`<function f at
 * 0x7d5f…>` differs in every run), and `metadata` keeps only the task `version` — the harness merges
 * the model arguments (`pretrained`, `dtype`) and the YAML's path into it, which are not the eval's setup.
 */
function setupConfig(config) {
    const clean = (v) => typeof v === 'string'
        ? v.replace(/ at 0x[0-9a-f]+>/g, '>')
        : Array.isArray(v)
            ? v.map(clean)
            : typeof v === 'object' && v !== null
                ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]))
                : v;
    const out = clean(config);
    const meta = config.metadata;
    if (typeof meta === 'object' && meta !== null && !Array.isArray(meta))
        out.metadata = { version: meta.version ?? null };
    return out;
}
/**
 * The eval setup of a results file: `lm_eval_version`, and per task its `configs` entry (current
 * format) or, in the v0.3 format, its `versions` entry with the run's `num_fewshot`.
 */
function lmEvalSetup(data) {
    const setup = { harness: 'lm-eval' };
    if (typeof data.lm_eval_version === 'string')
        setup.version = data.lm_eval_version;
    const tasks = {};
    const configs = data.configs;
    if (typeof configs === 'object' && configs !== null && !Array.isArray(configs)) {
        for (const [task, c] of Object.entries(configs))
            if (typeof c === 'object' && c !== null && !Array.isArray(c))
                tasks[task] = configFingerprint(setupConfig(c));
    }
    else if (typeof data.versions === 'object' && data.versions !== null) {
        const run = (data.config ?? {});
        for (const [task, version] of Object.entries(data.versions))
            tasks[task] = configFingerprint({ version, num_fewshot: run.num_fewshot ?? null });
    }
    if (Object.keys(tasks).length)
        setup.tasks = tasks;
    return setup.version !== undefined || setup.tasks ? setup : undefined;
}
const LM_EVAL_MARKERS = ['versions', 'configs', 'config', 'n-samples', 'higher_is_better', 'group_subtasks'];
/** lm-evaluation-harness results files. */
const lmEvalResultsFormat = {
    name: 'lm-eval',
    description: 'lm-evaluation-harness results JSON: an object with "results" (task → metrics) and "versions"/"configs"/"n-samples"/"higher_is_better"',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        const top = keysAt(head.outline, '');
        if (head.outline.root !== '{' || !top.has('results'))
            return 0;
        if (top.has('evalId') || keysAt(head.outline, 'results').has('prompts'))
            return 0; // promptfoo
        return LM_EVAL_MARKERS.some((k) => top.has(k)) ? 0.9 : 0.45;
    },
    read(file, ctx) {
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
        if (!isLmEvalResults(data)) {
            throw new errors/* InputError */.dz('expected lm-evaluation-harness results: an object with "results" of task objects', {
                file,
                field: 'results',
            });
        }
        const { metrics, directions, sameAs } = readLmEvalResults(data, file);
        const setup = lmEvalSetup(data);
        return {
            kind: 'metrics',
            file,
            format: 'lm-eval',
            metrics,
            directions,
            sameAs,
            ...(setup ? { setup } : {}),
        };
    },
};

;// CONCATENATED MODULE: ./src/readers/lm-eval-samples.ts
/**
 * Reader for lm-evaluation-harness per-sample logs (`samples_<task>_<timestamp>.jsonl`). Each line is
 * one doc under one filter, with its per-sample metric values (`"acc": 1.0`). These give per-example
 * scores that pair by `doc_id` across runs, so two runs of a harness task get a paired test
 * (McNemar for 0/1 scores) instead of the unpaired one that `results*.json` allows.
 * Metric names match the results reader: `<task>/<metric>`, or `<task>/<metric>,<filter>`.
 * Three generations of the file: with a `metrics` list naming the metric keys (0.4.3 on), with the
 * metric keys but no list (0.4.0–0.4.2), and the 2023 write-out with no metric at all (the score is
 * recomputed from the responses).
 */




const NAME = /^samples_(.+?)_(\d{4}-\d{2}-\d{2}T[\d.-]+?)(\.first\d+)?\.(jsonl|json|ndjson)(\.gz)?$/i;
/** True when the first non-blank line of a JSONL text looks like an lm-eval sample. */
function isLmEvalSamples(text) {
    const end = text.indexOf('\n');
    const first = (end === -1 ? text : text.slice(0, end)).trim();
    if (!first.startsWith('{'))
        return false;
    try {
        const o = JSON.parse(first);
        return 'doc_id' in o && ('filtered_resps' in o || 'resps' in o) && Array.isArray(o.metrics);
    }
    catch {
        return false;
    }
}
/** The harness task name from a samples file name. */
function taskFromFileName(file) {
    return NAME.exec((0,external_node_path_.basename)(file))?.[1];
}
/** Parses a samples log into per-example score columns. */
function readLmEvalSamples(text, file) {
    const named = taskFromFileName(file);
    const task = named ??
        (0,external_node_path_.basename)(file)
            .replace(/\.(jsonl|json|ndjson)(\.gz)?$/i, '')
            .replace(/^samples_/, '');
    const scores = {};
    const pairs = {};
    const seen = new Map();
    const corpusLevel = new Set();
    const derived = new Set();
    const push = (name, id, value, line) => {
        let ids = seen.get(name);
        if (!ids)
            seen.set(name, (ids = new Set()));
        if (ids.has(id))
            throw new errors/* InputError */.dz(`duplicate doc_id ${id} for ${name}`, { file, line, field: 'doc_id' });
        ids.add(id);
        const col = (scores[name] ??= { ids: [], values: [] });
        col.ids.push(id);
        col.values.push(value);
    };
    forEachJsonObject(text, file, (o, line) => {
        const docId = o.doc_id;
        if (typeof docId !== 'number' && typeof docId !== 'string') {
            throw new errors/* InputError */.dz('missing doc_id', { file, line, field: 'doc_id' });
        }
        const id = String(docId);
        const filter = typeof o.filter === 'string' ? o.filter : 'none';
        const nameOf = (metric) => filter !== 'none' ? `${task}/${metric},${filter}` : `${task}/${metric}`;
        const metrics = Array.isArray(o.metrics) ? o.metrics : metricKeys(o);
        if (metrics.length === 0) {
            // The 2023 write-out (early 0.4) keeps no per-sample metric: recompute the one the responses decide.
            const d = derivedScore(o);
            if (!d) {
                throw new errors/* InputError */.dz('no "metrics" list and no responses to score (expected loglikelihood pairs with a target that is an index or one of the choices, or a generation with a text target)', { file, line, field: 'metrics' });
            }
            derived.add(nameOf(d.metric));
            push(nameOf(d.metric), id, d.value, line);
            return;
        }
        for (const metric of metrics) {
            if (typeof metric !== 'string')
                throw new errors/* InputError */.dz('metric names must be strings', { file, line, field: 'metrics' });
            const name = nameOf(metric);
            const v = o[metric];
            if (Array.isArray(v) || (typeof v === 'object' && v !== null)) {
                // Corpus-level metrics (f1 over all docs) keep per-sample inputs, not scores: no per-example mean.
                // Their [gold, pred] pairs are kept for the statistics that compute them over the corpus.
                corpusLevel.add(name);
                if (Array.isArray(v) && v.length === 2) {
                    const p = (pairs[name] ??= { ids: [], pairs: [] });
                    p.ids.push(id);
                    p.pairs.push([v[0], v[1]]);
                }
                continue;
            }
            const value = typeof v === 'boolean' ? Number(v) : v;
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                throw new errors/* InputError */.dz(`per-sample value must be a finite number, found ${JSON.stringify(v)}`, {
                    file,
                    line,
                    field: metric,
                });
            }
            push(name, id, value, line);
        }
    });
    const notes = [...corpusLevel]
        .sort()
        .map((n) => `${(0,external_node_path_.basename)(file)}: ${n} is a corpus-level metric (per-sample lists, not scores); take it from the results file`);
    for (const n of [...derived].sort())
        notes.push(`${(0,external_node_path_.basename)(file)}: ${n} recomputed from the responses (the file keeps no per-sample metric)`);
    if (!named)
        notes.push(`${(0,external_node_path_.basename)(file)}: task "${task}" taken from the file name (not samples_<task>_<timestamp>)`);
    if (Object.keys(scores).length === 0 && corpusLevel.size === 0)
        throw new errors/* InputError */.dz('no samples in file', { file });
    return { scores, notes, pairs };
}
/** What a samples line holds besides its metrics. */
const SAMPLE_KEYS = new Set([
    'doc_id',
    'doc',
    'target',
    'arguments',
    'resps',
    'filtered_resps',
    'filter',
    'metrics',
    'doc_hash',
    'prompt_hash',
    'target_hash',
]);
/**
 * The metric keys of a line without a `metrics` list (0.4.0–0.4.2 wrote the values, `"acc": 1.0`,
 * but not their names): every other key with a number, boolean or list value.
 */
function metricKeys(o) {
    return Object.keys(o).filter((k) => {
        if (SAMPLE_KEYS.has(k))
            return false;
        const v = o[k];
        return typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v);
    });
}
/**
 * A loglikelihood response `[logprob, is_greedy]` (numbers or their string forms, as `resps` nests it
 * one level deeper than `filtered_resps`); undefined for anything else, such as a generated text.
 */
function loglik(r) {
    const pair = Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r;
    if (!Array.isArray(pair) || pair.length !== 2)
        return undefined;
    const greedy = pair[1];
    if (typeof greedy !== 'boolean' && greedy !== 'True' && greedy !== 'False')
        return undefined;
    const x = typeof pair[0] === 'string' && pair[0].trim() !== '' ? Number(pair[0]) : pair[0];
    return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}
/** The continuations a multiple-choice doc was scored on (`arguments`, as a list or gen_args_i). */
function choices(args) {
    const list = Array.isArray(args)
        ? args
        : typeof args === 'object' && args !== null
            ? Object.entries(args)
                .sort(([a], [b]) => Number(/\d+$/.exec(a)?.[0]) - Number(/\d+$/.exec(b)?.[0]))
                .map(([, v]) => v)
            : undefined;
    if (!list)
        return undefined;
    const out = [];
    for (const a of list) {
        const cont = Array.isArray(a) ? a[1] : typeof a === 'object' && a !== null ? a.arg_1 : undefined;
        if (typeof cont !== 'string')
            return undefined;
        out.push(cont.trim());
    }
    return out;
}
/**
 * The index of the right choice: the target itself (a number or its string), or the choice whose text
 * the target is (copa-like tasks write the answer text).
 */
function targetIndex(target, args, n) {
    if (typeof target === 'number')
        return Number.isInteger(target) ? target : undefined;
    if (typeof target !== 'string')
        return undefined;
    if (/^\d+$/.test(target.trim()))
        return Number(target.trim());
    const cs = choices(args);
    if (!cs || cs.length !== n)
        return undefined;
    const i = cs.indexOf(target.trim());
    return i >= 0 && cs.indexOf(target.trim(), i + 1) < 0 ? i : undefined;
}
/**
 * The score a samples line without metrics implies: `acc` (argmax loglikelihood = target) for
 * multiple choice, `exact_match` (trimmed response = target) for a generation.
 */
function derivedScore(o) {
    const resps = Array.isArray(o.filtered_resps)
        ? o.filtered_resps
        : Array.isArray(o.resps)
            ? o.resps
            : undefined;
    if (!resps || resps.length === 0)
        return undefined;
    const target = o.target;
    const lls = resps.map(loglik);
    if (lls.every((x) => x !== undefined)) {
        // Loglikelihoods are never compared as text: without a resolvable target there is no score.
        const t = targetIndex(target, o.arguments, lls.length);
        if (t === undefined)
            return undefined;
        let best = 0;
        for (let i = 1; i < lls.length; i++)
            if (lls[i] > lls[best])
                best = i;
        return { metric: 'acc', value: best === t ? 1 : 0 };
    }
    const first = Array.isArray(resps[0]) ? resps[0][0] : resps[0];
    if (typeof first === 'string' && typeof target === 'string')
        return { metric: 'exact_match', value: first.trim() === target.trim() ? 1 : 0 };
    return undefined;
}
/** lm-evaluation-harness `--log_samples` files. */
const lmEvalSamplesFormat = {
    name: 'lm-eval-samples',
    description: 'lm-evaluation-harness --log_samples JSON Lines: one object per doc with "doc_id" and "resps"/"filtered_resps", named samples_<task>_<timestamp>',
    extensions: ['.jsonl', '.jsonl.gz'],
    detect(head) {
        const first = head.jsonLines?.[0];
        if (!first)
            return 0;
        return 'doc_id' in first && ('filtered_resps' in first || 'resps' in first) ? 0.95 : 0;
    },
    read(file, ctx) {
        const { scores, notes, pairs } = readLmEvalSamples((0,readers_text/* readTextFile */.Gu)(file, ctx.encoding), file);
        const out = { kind: 'scores', file, format: 'lm-eval-samples', scores, notes };
        return Object.keys(pairs).length ? { ...out, pairs } : out;
    },
};

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(131);
;// CONCATENATED MODULE: ./src/types.ts
/**
 * Plain data shapes shared by the pure core (readers, metrics, stats, diagnosis, rendering).
 * Nothing here imports `@actions/*`: the CLI and the action exchange exactly these.
 *
 * Over 400 lines on purpose: the plain data shapes the CLI and the action exchange, kept in one file.
 */
/** Current EvalResult format version; readers reject newer majors with a clear error. */
const EVAL_RESULT_VERSION = 1;

;// CONCATENATED MODULE: ./src/readers/eval-result.ts
/**
 * Reader for evalgate's own EvalResult (the baseline artifact). A baseline comes from another run's
 * artifact, so it is untrusted input: every field the diagnosis reads is checked here, and a bad one is
 * an error naming the field, not a crash later.
 */





/** True when a parsed JSON document is an EvalResult. */
function isEvalResult(data) {
    return (typeof data === 'object' &&
        data !== null &&
        data.schema === 'evalgate/eval-result');
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const GATE_VERDICTS = new Set(schema/* VERDICT_NAMES */.BO);
function checkMetrics(metrics, file, path) {
    if (!isObject(metrics))
        throw new errors/* InputError */.dz('expected an object of metrics', { file, field: path });
    for (const [name, m] of Object.entries(metrics)) {
        const f = `${path}.${name}`;
        if (!isObject(m))
            throw new errors/* InputError */.dz('metric must be an object', { file, field: f });
        if (m.value !== null && !isNum(m.value))
            throw new errors/* InputError */.dz('value must be a finite number or null', { file, field: `${f}.value` });
        if (m.n !== null && m.n !== undefined && !(isNum(m.n) && m.n >= 0)) {
            throw new errors/* InputError */.dz('n must be a non-negative number or null', { file, field: `${f}.n` });
        }
        if (m.stderr !== null && m.stderr !== undefined && !(isNum(m.stderr) && m.stderr >= 0)) {
            throw new errors/* InputError */.dz('stderr must be a non-negative number or null', { file, field: `${f}.stderr` });
        }
        if (m.ci !== null &&
            m.ci !== undefined &&
            !(Array.isArray(m.ci) && m.ci.length === 2 && isNum(m.ci[0]) && isNum(m.ci[1]))) {
            throw new errors/* InputError */.dz('ci must be [low, high] or null', { file, field: `${f}.ci` });
        }
    }
}
function checkColumn(col, n, file, field) {
    if (!Array.isArray(col) || col.length !== n) {
        throw new errors/* InputError */.dz(`expected an array of ${n} entries (one per example id)`, { file, field });
    }
}
/** Validates an EvalResult; rejects versions this build cannot read. */
function readEvalResult(data, file) {
    const r = data;
    if (typeof r.version !== 'number' || r.version > EVAL_RESULT_VERSION) {
        throw new errors/* InputError */.dz(`EvalResult version ${String(r.version)} is not supported by this evalgate (reads up to ${EVAL_RESULT_VERSION}); upgrade evalgate`, { file, field: 'version' });
    }
    if (r.task !== undefined && !(0,policy/* isOneOf */.EK)(policy/* RESULT_TASKS */.Pt, r.task))
        throw new errors/* InputError */.dz('unknown task', { file, field: 'task' });
    if (r.n !== undefined && r.n !== null && !isNum(r.n))
        throw new errors/* InputError */.dz('n must be a number or null', { file, field: 'n' });
    if (r.metrics === undefined)
        throw new errors/* InputError */.dz('EvalResult without metrics', { file, field: 'metrics' });
    checkMetrics(r.metrics, file, 'metrics');
    if (r.slices !== undefined) {
        if (!isObject(r.slices))
            throw new errors/* InputError */.dz('slices must be an object', { file, field: 'slices' });
        for (const [field, values] of Object.entries(r.slices)) {
            if (!isObject(values))
                throw new errors/* InputError */.dz('expected an object of slice values', { file, field: `slices.${field}` });
            for (const [value, s] of Object.entries(values)) {
                const f = `slices.${field}.${value}`;
                if (!isObject(s) || !isNum(s.n))
                    throw new errors/* InputError */.dz('slice must be {n, metrics}', { file, field: f });
                checkMetrics(s.metrics, file, `${f}.metrics`);
            }
        }
    }
    const ex = r.examples;
    if (ex !== undefined) {
        if (!isObject(ex) || !Array.isArray(ex.ids))
            throw new errors/* InputError */.dz('examples must hold an ids array', { file, field: 'examples.ids' });
        const n = ex.ids.length;
        if (!ex.ids.every((id) => typeof id === 'string'))
            throw new errors/* InputError */.dz('ids must be strings', { file, field: 'examples.ids' });
        checkColumn(ex.label, n, file, 'examples.label');
        checkColumn(ex.prediction, n, file, 'examples.prediction');
        if (ex.probabilities !== undefined)
            checkColumn(ex.probabilities, n, file, 'examples.probabilities');
        if (ex.cluster !== undefined)
            checkColumn(ex.cluster, n, file, 'examples.cluster');
        for (const group of ['numeric', 'slices']) {
            const g = ex[group];
            if (g === undefined)
                continue;
            if (!isObject(g))
                throw new errors/* InputError */.dz(`${group} must be an object of columns`, { file, field: `examples.${group}` });
            for (const [k, col] of Object.entries(g))
                checkColumn(col, n, file, `examples.${group}.${k}`);
        }
    }
    if (r.scores !== undefined) {
        if (!isObject(r.scores))
            throw new errors/* InputError */.dz('scores must be an object', { file, field: 'scores' });
        for (const [name, col] of Object.entries(r.scores)) {
            if (!isObject(col) ||
                !Array.isArray(col.ids) ||
                !Array.isArray(col.values) ||
                col.ids.length !== col.values.length) {
                throw new errors/* InputError */.dz('expected {ids, values} of equal length', { file, field: `scores.${name}` });
            }
            if (!col.values.every(isNum))
                throw new errors/* InputError */.dz('scores must be finite numbers', { file, field: `scores.${name}.values` });
        }
    }
    if (r.gate !== undefined) {
        // Decides whether the result may serve as a baseline: a malformed one must not pass as "no verdict".
        const g = r.gate;
        if (!isObject(g) || typeof g.verdict !== 'string' || !GATE_VERDICTS.has(g.verdict))
            throw new errors/* InputError */.dz(`gate.verdict must be one of ${[...GATE_VERDICTS].join(', ')}`, {
                file,
                field: 'gate.verdict',
            });
        if (!(typeof g.waived === 'number' && Number.isInteger(g.waived) && g.waived >= 0))
            throw new errors/* InputError */.dz('gate.waived must be a non-negative integer', { file, field: 'gate.waived' });
    }
    if (r.corpus !== undefined) {
        if (!isObject(r.corpus))
            throw new errors/* InputError */.dz('corpus must be an object', { file, field: 'corpus' });
        for (const [name, col] of Object.entries(r.corpus)) {
            if (!isObject(col) ||
                !Array.isArray(col.ids) ||
                !Array.isArray(col.gold) ||
                !Array.isArray(col.pred) ||
                col.ids.length !== col.gold.length ||
                col.ids.length !== col.pred.length ||
                !col.ids.every((id) => typeof id === 'string')) {
                throw new errors/* InputError */.dz('expected {ids, gold, pred} of equal length', { file, field: `corpus.${name}` });
            }
            if (!['f1', 'mcc', 'macro_f1', 'micro_f1'].includes(col.aggregation))
                throw new errors/* InputError */.dz('unknown aggregation', { file, field: `corpus.${name}.aggregation` });
        }
    }
    return { slices: {}, sources: [], n: null, task: 'aggregate', ...r };
}
/** evalgate's own EvalResult (`--save-result`, the baseline artifact). */
const evalResultFormat = {
    name: 'eval-result',
    description: 'EvalResult written by evalgate (--save-result or the baseline artifact): "schema": "evalgate/eval-result"',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        return head.outline.root === '{' &&
            /"schema"\s*:\s*"evalgate\/eval-result"/.test(head.text.slice(0, 65536))
            ? 1
            : 0;
    },
    read(file, ctx) {
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
        if (!isEvalResult(data))
            throw new errors/* InputError */.dz('expected an evalgate EvalResult', { file, field: 'schema' });
        return { kind: 'result', file, format: 'eval-result', result: readEvalResult(data, file) };
    },
};

;// CONCATENATED MODULE: ./src/readers/zip.ts
/**
 * In-memory reading of small zip archives that are eval logs (inspect_ai `.eval`). Bounded like the
 * artifact extraction: an entry's declared size, the declared total and the compression ratio are
 * checked before inflating, and inflation itself stops at the declared size (zlib's maxOutputLength), so
 * a zip bomb is refused rather than expanded. Only stored and deflated entries are read.
 */


/** Largest single entry read from an eval-log archive. */
const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;
/** Largest total of the entries read from one archive. */
const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Highest plausible compression ratio of a JSON entry (text of eval logs compresses ~5–30×). */
const MAX_ZIP_RATIO = 200;
/** A zip archive held in memory. */
class ZipArchive {
    buf;
    file;
    entries;
    total = 0;
    constructor(buf, file) {
        this.buf = buf;
        this.file = file;
        this.entries = new Map(this.centralDirectory().map((e) => [e.name, e]));
    }
    bad(what) {
        throw new errors/* InputError */.dz(`not a readable zip archive: ${what}`, { file: this.file });
    }
    centralDirectory() {
        const b = this.buf;
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        let eocd = -1;
        for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
            if (b.readUInt32LE(i) === 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0)
            this.bad('no end-of-central-directory record (truncated file?)');
        const count = b.readUInt16LE(eocd + 10);
        const cdSize = b.readUInt32LE(eocd + 12);
        const cdOffset = b.readUInt32LE(eocd + 16);
        if (cdOffset + cdSize > b.length)
            this.bad('central directory runs past the end of the file');
        const out = [];
        let p = cdOffset;
        for (let i = 0; i < count; i++) {
            if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50)
                this.bad('bad central directory entry');
            const nameLen = b.readUInt16LE(p + 28);
            const extraLen = b.readUInt16LE(p + 30);
            const commentLen = b.readUInt16LE(p + 32);
            out.push({
                flags: b.readUInt16LE(p + 8),
                method: b.readUInt16LE(p + 10),
                compressedSize: b.readUInt32LE(p + 20),
                size: b.readUInt32LE(p + 24),
                localOffset: b.readUInt32LE(p + 42),
                name: b.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
            });
            p += 46 + nameLen + extraLen + commentLen;
        }
        return out;
    }
    /** Names of the entries, in archive order. */
    names() {
        return [...this.entries.keys()];
    }
    /** The bytes of an entry; undefined when the archive has no such entry. */
    read(name) {
        const e = this.entries.get(name);
        if (!e)
            return undefined;
        const what = `entry "${name.slice(0, 200)}"`;
        if (e.flags & 1)
            this.bad(`${what} is encrypted`);
        if (e.method !== 0 && e.method !== 8)
            this.bad(`${what} uses unsupported compression method ${e.method}`);
        if (e.size > MAX_ZIP_ENTRY_BYTES)
            this.bad(`${what} declares ${e.size} bytes, over the ${MAX_ZIP_ENTRY_BYTES}-byte limit`);
        if (this.total + e.size > MAX_ZIP_TOTAL_BYTES)
            this.bad(`entries declare more than ${MAX_ZIP_TOTAL_BYTES} bytes in all`);
        if (e.method === 8 && e.size > 1024 * 1024 && e.size > e.compressedSize * MAX_ZIP_RATIO)
            this.bad(`${what} has an implausible compression ratio (over ${MAX_ZIP_RATIO}:1)`);
        const b = this.buf;
        const lh = e.localOffset;
        if (lh + 30 > b.length || b.readUInt32LE(lh) !== 0x04034b50)
            this.bad(`bad local header of ${what}`);
        const start = lh + 30 + b.readUInt16LE(lh + 26) + b.readUInt16LE(lh + 28);
        if (start + e.compressedSize > b.length)
            this.bad(`${what} runs past the end of the archive`);
        const raw = b.subarray(start, start + e.compressedSize);
        let out;
        if (e.method === 0)
            out = raw;
        else {
            try {
                // Inflating past the declared size stops at once instead of filling memory.
                out = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: Math.max(1, e.size) });
            }
            catch (err) {
                this.bad(`${what} is corrupt or larger than it declares (${err.message})`);
            }
        }
        if (out.length !== e.size)
            this.bad(`${what} is not the size its directory entry declares`);
        this.total += out.length;
        return out;
    }
}
/** True when bytes start like a zip archive (a local file header). */
function isZip(head) {
    return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}

;// CONCATENATED MODULE: ./src/readers/inspect-ai.ts
/**
 * Reader for inspect_ai eval logs: the JSON log and the `.eval` zip (`header.json`, `summaries.json`,
 * `reductions.json`, `samples/*.json`; a run that died keeps `_journal/`).
 *
 * Per-sample scores become score columns named `<task>/<scorer>/<metric>` for the mean-type metrics
 * (`accuracy`, `mean`), paired across runs by sample id. Values are converted as inspect's
 * `value_to_float` does: `C` 1, `I` 0, `P` 0.5, `N` 0, yes/true 1, no/false 0, numbers as numbers.
 * Epochs: a sample's score is its reduced value over epochs — inspect's own reduction
 * (`reductions`, the task's reducer) when the log has it, else the mean over epochs — so samples, never
 * epochs, are the paired examples. Other metrics of `results.scores` are read as pre-aggregated.
 */







const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const METRIC_MEANS = new Set(['accuracy', 'mean']);
const UNCERTAINTY = /(^|_)(stderr|std|var|ci)$/;
/** inspect's value_to_float. */
function toFloat(v, file, where) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'boolean')
        return v ? 1 : 0;
    if (typeof v === 'string') {
        const s = v.trim();
        const lower = s.toLowerCase();
        if (s === 'C' || lower === 'yes' || lower === 'true')
            return 1;
        if (s === 'I' || s === 'N' || lower === 'no' || lower === 'false')
            return 0;
        if (s === 'P')
            return 0.5;
        const n = Number(s);
        if (s !== '' && Number.isFinite(n))
            return n;
    }
    if (v === null || v === undefined)
        return undefined;
    throw new errors/* InputError */.dz(`score value ${JSON.stringify(v).slice(0, 40)} is not C/I/P/N, yes/no, true/false or a number`, { file, field: where });
}
function samplesOf(list, file) {
    if (!Array.isArray(list))
        return [];
    return list.filter(isObj).map((s, i) => {
        if (typeof s.id !== 'string' && typeof s.id !== 'number')
            throw new errors/* InputError */.dz('sample without an id', { file, field: `samples[${i}].id` });
        return {
            id: String(s.id),
            epoch: typeof s.epoch === 'number' ? s.epoch : 1,
            target: s.target,
            scores: isObj(s.scores) ? s.scores : {},
            error: s.error,
        };
    });
}
function parse(buf, file, encoding) {
    return (0,json_text/* parseJsonText */.lk)((0,readers_text/* decodeText */.g7)(buf, file, encoding), file);
}
/** Reads the parts of a `.eval` archive. */
function fromZip(file, encoding) {
    const zip = new ZipArchive((0,readers_file/* readBytes */.i)(file), file);
    const entry = (name) => {
        const b = zip.read(name);
        return b === undefined ? undefined : parse(b, `${file}:${name}`, encoding);
    };
    let header = entry('header.json');
    let status;
    if (isObj(header))
        status = typeof header.status === 'string' ? header.status : 'unknown';
    else {
        header = entry('_journal/start.json');
        if (!isObj(header))
            throw new errors/* InputError */.dz('not an inspect_ai .eval log: no header.json', { file });
        status = 'started';
    }
    let summaries = entry('summaries.json');
    if (!Array.isArray(summaries)) {
        summaries = zip
            .names()
            .filter((n) => /^_journal\/summaries\/\d+\.json$/.test(n))
            .flatMap((n) => {
            const v = entry(n);
            return Array.isArray(v) ? v : [];
        });
    }
    const reductions = entry('reductions.json');
    const h = header;
    return {
        status,
        eval: isObj(h.eval) ? h.eval : {},
        plan: isObj(h.plan) ? h.plan : undefined,
        results: isObj(h.results) ? h.results : undefined,
        samples: samplesOf(summaries, file),
        reductions: Array.isArray(reductions) ? reductions : undefined,
        hasSamples: zip.names().some((n) => n.startsWith('samples/')),
    };
}
function fromJson(data, file) {
    if (!isObj(data) || !isObj(data.eval))
        throw new errors/* InputError */.dz('not an inspect_ai log: expected "eval" and "status"', { file });
    return {
        status: typeof data.status === 'string' ? data.status : 'unknown',
        eval: data.eval,
        plan: isObj(data.plan) ? data.plan : undefined,
        results: isObj(data.results) ? data.results : undefined,
        samples: samplesOf(data.samples, file),
        reductions: Array.isArray(data.reductions) ? data.reductions : undefined,
        hasSamples: Array.isArray(data.samples),
    };
}
/** Per-sample reduced values by scorer (and by key for dict-valued scores). */
function perSample(log, file) {
    const values = new Map();
    const put = (scorer, id, v) => {
        let m = values.get(scorer);
        if (!m)
            values.set(scorer, (m = new Map()));
        m.set(id, v);
    };
    const reductions = (log.reductions ?? []).filter(isObj);
    if (reductions.length > 0) {
        for (const r of reductions) {
            const scorer = typeof r.scorer === 'string' ? r.scorer : undefined;
            if (!scorer || !Array.isArray(r.samples))
                continue;
            for (const s of r.samples.filter(isObj)) {
                const id = String(s.sample_id ?? s.id);
                if (isObj(s.value)) {
                    for (const [k, v] of Object.entries(s.value)) {
                        const x = toFloat(v, file, `reductions.${scorer}.${k}`);
                        if (x !== undefined)
                            put(`${scorer}/${k}`, id, x);
                    }
                }
                else {
                    const x = toFloat(s.value, file, `reductions.${scorer}`);
                    if (x !== undefined)
                        put(scorer, id, x);
                }
            }
        }
        return { values, how: "inspect's own per-sample reduction over epochs" };
    }
    // No reductions: mean over epochs per sample.
    const sums = new Map();
    const add = (scorer, id, v) => {
        let m = sums.get(scorer);
        if (!m)
            sums.set(scorer, (m = new Map()));
        const cur = m.get(id) ?? [0, 0];
        m.set(id, [cur[0] + v, cur[1] + 1]);
    };
    for (const s of log.samples) {
        for (const [scorer, score] of Object.entries(s.scores)) {
            const value = isObj(score) ? score.value : undefined;
            if (isObj(value)) {
                for (const [k, v] of Object.entries(value)) {
                    const x = toFloat(v, file, `samples.${s.id}.scores.${scorer}.${k}`);
                    if (x !== undefined)
                        add(`${scorer}/${k}`, s.id, x);
                }
            }
            else {
                const x = toFloat(value, file, `samples.${s.id}.scores.${scorer}`);
                if (x !== undefined)
                    add(scorer, s.id, x);
            }
        }
    }
    for (const [scorer, m] of sums)
        for (const [id, [sum, n]] of m)
            put(scorer, id, sum / n);
    return { values, how: 'the mean over its epochs' };
}
function taskName(ev) {
    const t = typeof ev.task === 'string' ? ev.task : 'task';
    return t.slice(t.lastIndexOf('/') + 1) || t;
}
function setupOf(log, task) {
    const ev = log.eval;
    const pkgs = isObj(ev.packages) ? ev.packages : {};
    const cfg = isObj(ev.config) ? ev.config : {};
    const dataset = isObj(ev.dataset) ? ev.dataset : {};
    const steps = Array.isArray(log.plan?.steps) ? log.plan.steps : undefined;
    const setup = {
        harness: 'inspect_ai',
        tasks: {
            [task]: configFingerprint({
                task_args: ev.task_args ?? {},
                task_version: ev.task_version ?? null,
                dataset: { name: dataset.name ?? null, location: dataset.location ?? null },
                epochs: cfg.epochs ?? 1,
                epochs_reducer: cfg.epochs_reducer ?? null,
                solver: steps ?? null,
                scorers: ev.scorers ?? null,
            }),
        },
    };
    if (typeof pkgs.inspect_ai === 'string')
        setup.version = pkgs.inspect_ai;
    const first = new Map();
    for (const s of log.samples)
        if (!first.has(s.id))
            first.set(s.id, s.target);
    if (first.size)
        Object.assign(setup, examplesFingerprint([...first.keys()], [...first.values()]));
    return setup;
}
/** Builds the ReadOutput of an inspect log. */
function toOutput(log, file) {
    const task = taskName(log.eval);
    const notes = [];
    const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    const { values, how } = perSample(log, file);
    const scoreEntries = (Array.isArray(log.results?.scores) ? log.results.scores : []).filter(isObj);
    const n = typeof log.results?.completed_samples === 'number' ? log.results.completed_samples : null;
    const scores = {};
    const metrics = {};
    const covered = new Set();
    for (const entry of scoreEntries) {
        const scorerName = typeof entry.name === 'string' ? entry.name : String(entry.scorer ?? 'score');
        const key = values.has(scorerName) ? scorerName : String(entry.scorer ?? scorerName);
        const col = values.get(key);
        const ms = isObj(entry.metrics) ? entry.metrics : {};
        const stderrEntry = ms.stderr;
        const stderr = isObj(stderrEntry) && typeof stderrEntry.value === 'number' ? stderrEntry.value : undefined;
        for (const [metric, m] of Object.entries(ms)) {
            if (UNCERTAINTY.test(metric))
                continue;
            const value = isObj(m) ? m.value : undefined;
            const full = `${task}/${scorerName}/${metric}`;
            if (col && METRIC_MEANS.has(metric)) {
                scores[full] = { ids: [...col.keys()], values: [...col.values()] };
                covered.add(key);
            }
            else if (typeof value === 'number') {
                const mv = Number.isFinite(value)
                    ? { value, n }
                    : { value: null, n, undefined: `the log gives ${value}` };
                if (stderr !== undefined && METRIC_MEANS.has(metric) && Number.isFinite(value)) {
                    mv.stderr = stderr;
                    mv.ci = [value - 1.959963984540054 * stderr, value + 1.959963984540054 * stderr];
                    mv.method = 'given';
                }
                metrics[full] = mv;
            }
        }
    }
    // Scorers with per-sample values but no results entry (cancelled or unfinished runs).
    for (const [scorer, col] of values) {
        if (covered.has(scorer) || col.size === 0)
            continue;
        const binary = [...col.values()].every((v) => v === 0 || v === 1 || v === 0.5);
        scores[`${task}/${scorer}/${binary ? 'accuracy' : 'mean'}`] = {
            ids: [...col.keys()],
            values: [...col.values()],
        };
    }
    const scored = Object.keys(scores).length + Object.keys(metrics).length;
    const epochs = isObj(log.eval.config) && typeof log.eval.config.epochs === 'number' ? log.eval.config.epochs : 1;
    if (epochs > 1)
        notes.push(`${name}: ${epochs} epochs; each sample's score is ${how}, and samples (not epochs) are the examples`);
    if (log.status !== 'success') {
        if (scored === 0)
            throw new errors/* InputError */.dz(`inspect_ai log with status "${log.status}" and no scored samples`, { file });
        const total = typeof log.results?.total_samples === 'number' ? log.results.total_samples : undefined;
        notes.push(`${name}: log status is "${log.status}", not "success"; its metrics cover ${n ?? values.values().next().value?.size ?? '?'}${total !== undefined ? ` of ${total}` : ''} samples`);
    }
    else if (scored === 0) {
        notes.push(`${name}: no scores in this inspect_ai log (the task ran without a scorer)`);
    }
    const errored = log.samples.filter((s) => s.error !== undefined && s.error !== null).length;
    if (errored)
        notes.push(`${name}: ${errored} samples ended in an error and have no score`);
    return {
        kind: 'scores',
        file,
        format: 'inspect-ai',
        scores,
        metrics,
        notes,
        setup: setupOf(log, task),
    };
}
/** inspect_ai logs (`.json` and `.eval`). */
const inspectAiFormat = {
    name: 'inspect-ai',
    description: 'inspect_ai eval log: the JSON log ("version", "status", "eval", "results", "samples") or the .eval zip (header.json, summaries.json)',
    extensions: ['.eval', '.json'],
    detect(head, fileName) {
        if (isZip(head.raw)) {
            if (fileName.toLowerCase().endsWith('.eval'))
                return 0.95;
            const names = head.raw.toString('latin1');
            return names.includes('header.json') || names.includes('_journal/start.json') ? 0.9 : 0;
        }
        const top = keysAt(head.outline, '');
        if (head.outline.root !== '{' || !top.has('eval'))
            return 0;
        const ev = keysAt(head.outline, 'eval');
        return (top.has('status') || top.has('version')) && (ev.has('task') || ev.has('model')) ? 0.95 : 0;
    },
    read(file, ctx) {
        let bytes = (0,readers_file/* readBytes */.i)(file);
        if ((0,readers_text/* isGzip */.bf)(bytes))
            bytes = (0,readers_text/* gunzip */.kd)(bytes, file);
        const log = isZip(bytes) ? fromZip(file, ctx.encoding) : fromJson(parse(bytes, file, ctx.encoding), file);
        return toOutput(log, file);
    },
};

;// CONCATENATED MODULE: ./src/readers/promptfoo.ts
/**
 * Reader for promptfoo output (`promptfoo eval -o out.json`, `promptfoo export`; results version 3 and
 * later, and the older top-level `results: [...]` with `table`). Each test row gives per-row scores:
 * `pass_rate` (row `success`), `score`, each of `namedScores`, `latency_ms` and `cost`.
 *
 * A file with several providers or prompts holds several series (provider label or id, and the prompt
 * label when there are several prompts); their metrics are named `<series>/<metric>`. Config `select:`
 * picks one series, whose metrics are then unprefixed — so provider A of one file can be the baseline
 * of provider B. Rows pair across exports by a hash of the test's `vars` and description (not by row
 * position). A row that errored (promptfoo's failureReason ERROR: the provider or a grader failed) is
 * not a model failure: it is left out of the scores and counted in the notes.
 */




const promptfoo_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/** promptfoo's ResultFailureReason.ERROR. */
const FAILURE_ERROR = 2;
function providerOf(row) {
    const p = row.provider;
    if (promptfoo_isObj(p)) {
        const id = str(p.id) ?? 'provider';
        return { label: str(p.label) ?? id, id };
    }
    const id = str(p) ?? 'provider';
    return { label: id, id };
}
function promptOf(row) {
    const p = promptfoo_isObj(row.prompt) ? row.prompt : {};
    const raw = str(p.raw) ?? '';
    return {
        label: str(p.label) ?? raw,
        id: str(row.promptId) ?? str(p.id) ?? '',
        raw,
    };
}
/** The test's identity: its vars and description, whatever row or provider it ran on. */
function testKey(row) {
    const tc = promptfoo_isObj(row.testCase) ? row.testCase : {};
    return shortHash({ vars: row.vars ?? tc.vars ?? null, description: tc.description ?? null });
}
function matches(s, sel) {
    if (sel.provider !== undefined && sel.provider !== s.provider && sel.provider !== s.providerId)
        return false;
    if (sel.prompt !== undefined &&
        sel.prompt !== s.prompt &&
        sel.prompt !== s.promptRaw &&
        !(s.promptId !== '' && s.promptId.startsWith(sel.prompt)))
        return false;
    return true;
}
/** Rows of a promptfoo document (v3+: results.results; older: results as the list). */
function rowsOf(data, file) {
    const r = data.results;
    if (promptfoo_isObj(r) && Array.isArray(r.results))
        return r.results.filter(promptfoo_isObj);
    if (Array.isArray(r))
        return r.filter(promptfoo_isObj);
    throw new errors/* InputError */.dz('promptfoo output without a list of results', { file, field: 'results.results' });
}
function promptfoo_setupOf(data, ids) {
    const config = promptfoo_isObj(data.config) ? data.config : {};
    const meta = promptfoo_isObj(data.metadata) ? data.metadata : {};
    const task = str(config.description) ?? 'promptfoo';
    const setup = {
        harness: 'promptfoo',
        tasks: {
            [task]: configFingerprint({
                prompts: config.prompts ?? null,
                tests: config.tests ?? null,
                defaultTest: config.defaultTest ?? null,
            }),
        },
        ...examplesFingerprint(ids),
    };
    const v = str(meta.promptfooVersion);
    if (v)
        setup.version = v;
    return setup;
}
/** Reads a promptfoo output document into score columns. */
function readPromptfoo(data, file, select) {
    if (!promptfoo_isObj(data))
        throw new errors/* InputError */.dz('expected a promptfoo output object', { file });
    const rows = rowsOf(data, file);
    const seriesMap = new Map();
    for (const row of rows) {
        const p = providerOf(row);
        const q = promptOf(row);
        const key = JSON.stringify([p.id, p.label, q.id || q.label]);
        let s = seriesMap.get(key);
        if (!s) {
            s = {
                provider: p.label,
                providerId: p.id,
                prompt: q.label,
                promptId: q.id,
                promptRaw: q.raw,
                rows: [],
            };
            seriesMap.set(key, s);
        }
        s.rows.push(row);
    }
    let series = [...seriesMap.values()];
    if (series.length === 0)
        throw new errors/* InputError */.dz('promptfoo output with no result rows', { file });
    const selected = select && (select.provider !== undefined || select.prompt !== undefined);
    if (selected) {
        const picked = series.filter((s) => matches(s, select));
        if (picked.length !== 1) {
            const list = series
                .map((s) => `provider "${s.provider}", prompt "${s.prompt.slice(0, 60)}"`)
                .join('; ');
            throw new errors/* InputError */.dz(`config \`select\` ${JSON.stringify(select)} matches ${picked.length} of the series in this file (${list}); it must match exactly one`, { file });
        }
        series = picked;
    }
    const prompts = new Set(series.map((s) => s.promptId || s.prompt));
    const providers = new Set(series.map((s) => s.provider));
    const nameOf = (s) => {
        if (series.length === 1)
            return '';
        const parts = [];
        if (providers.size > 1 || prompts.size === 1)
            parts.push(s.provider);
        if (prompts.size > 1)
            parts.push(s.prompt.length > 40 ? `${s.prompt.slice(0, 40)}…` : s.prompt);
        return `${parts.join(' | ')}/`;
    };
    const scores = {};
    const notes = [];
    const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    const allIds = new Set();
    for (const s of series) {
        const prefix = nameOf(s);
        const seen = new Map();
        const cols = new Map();
        const push = (metric, id, v) => {
            if (typeof v !== 'number' || !Number.isFinite(v))
                return;
            let c = cols.get(metric);
            if (!c)
                cols.set(metric, (c = { ids: [], values: [] }));
            c.ids.push(id);
            c.values.push(v);
        };
        let graderErrors = 0;
        let providerErrors = 0;
        for (const row of s.rows) {
            const base = testKey(row);
            const k = (seen.get(base) ?? 0) + 1;
            seen.set(base, k);
            // The same test twice in one series (repeat runs) stays two examples, in order.
            const id = k === 1 ? base : `${base}#${k}`;
            allIds.add(id);
            if (row.failureReason === FAILURE_ERROR) {
                const response = promptfoo_isObj(row.response) ? row.response : undefined;
                if (response && response.output !== undefined && !response.error)
                    graderErrors++;
                else
                    providerErrors++;
                continue;
            }
            if (typeof row.success === 'boolean')
                push('pass_rate', id, row.success ? 1 : 0);
            push('score', id, row.score);
            if (promptfoo_isObj(row.namedScores))
                for (const [n, v] of Object.entries(row.namedScores))
                    if (n !== 'score')
                        push(n, id, v);
            push('latency_ms', id, row.latencyMs);
            push('cost', id, row.cost);
        }
        for (const [metric, col] of cols)
            scores[`${prefix}${metric}`] = col;
        const label = prefix ? ` (${prefix.slice(0, -1)})` : '';
        if (graderErrors)
            notes.push(`${name}${label}: ${graderErrors} rows where the grader itself errored; not counted as model failures`);
        if (providerErrors)
            notes.push(`${name}${label}: ${providerErrors} rows where the provider errored; left out of the scores`);
    }
    if (Object.keys(scores).length === 0)
        throw new errors/* InputError */.dz('no scored rows in promptfoo output', { file });
    return { scores, notes, setup: promptfoo_setupOf(data, [...allIds]) };
}
/** promptfoo output JSON. */
const promptfooFormat = {
    name: 'promptfoo',
    description: 'promptfoo output JSON (eval -o / export): "evalId" and "results" with "prompts" and per-test "results" rows',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const top = keysAt(head.outline, '');
        const results = keysAt(head.outline, 'results');
        if (top.has('evalId') && top.has('results'))
            return 0.97;
        if (results.has('prompts') && (results.has('version') || results.has('stats')))
            return 0.9;
        return 0;
    },
    read(file, ctx) {
        const { scores, notes, setup } = readPromptfoo((0,json_text/* readJsonFile */.JE)(file, ctx.encoding), file, ctx.select);
        return { kind: 'scores', file, format: 'promptfoo', scores, notes, setup };
    },
};

;// CONCATENATED MODULE: ./src/readers/openai-evals.ts
/**
 * Reader for openai/evals logs (`oaieval ... --record_path`): JSON Lines of a `spec` line, events
 * (`sampling`, `match`, `metrics`, ...) keyed by `sample_id`, and a `final_report` line. `match`
 * events give per-sample `accuracy` (correct → 1/0); numeric fields of `metrics` events give per-sample
 * columns of that name; both pair across runs by sample id. The final report's numbers are read as
 * pre-aggregated metrics (checked against the per-sample means where both exist). A log without a final
 * report is a run that did not finish: read, with a note.
 */






const openai_evals_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Final-report keys that describe the run rather than measure it. */
const NOT_METRICS = new Set(['n_samples', 'num_samples', 'n', 'count']);
/** Reads an openai/evals log text. */
function readOpenAiEvals(text, file) {
    let spec;
    let report;
    const sums = new Map();
    const add = (metric, id, v) => {
        let m = sums.get(metric);
        if (!m)
            sums.set(metric, (m = new Map()));
        const cur = m.get(id) ?? [0, 0];
        m.set(id, [cur[0] + v, cur[1] + 1]);
    };
    const sampleIds = new Set();
    forEachJsonObject(text, file, (o, line) => {
        if (openai_evals_isObj(o.spec)) {
            if (spec)
                throw new errors/* InputError */.dz('two "spec" lines in one log', { file, line });
            spec = o.spec;
            return;
        }
        if (openai_evals_isObj(o.final_report)) {
            if (report)
                throw new errors/* InputError */.dz('two "final_report" lines in one log', { file, line });
            report = o.final_report;
            return;
        }
        const id = o.sample_id;
        if (typeof id !== 'string' && typeof id !== 'number')
            return;
        sampleIds.add(String(id));
        const data = o.data;
        if (o.type === 'match' && openai_evals_isObj(data) && typeof data.correct === 'boolean') {
            add('accuracy', String(id), data.correct ? 1 : 0);
        }
        else if (o.type === 'metrics' && openai_evals_isObj(data)) {
            for (const [k, v] of Object.entries(data)) {
                if (typeof v === 'number' && Number.isFinite(v))
                    add(k, String(id), v);
                else if (typeof v === 'boolean')
                    add(k, String(id), v ? 1 : 0);
            }
        }
    });
    if (!spec)
        throw new errors/* InputError */.dz('openai/evals log without a "spec" line', { file });
    const task = (typeof spec.base_eval === 'string' && spec.base_eval) ||
        (typeof spec.eval_name === 'string' && spec.eval_name) ||
        'eval';
    const scores = {};
    for (const [metric, m] of sums) {
        const col = { ids: [], values: [] };
        for (const [id, [sum, n]] of m) {
            col.ids.push(id);
            col.values.push(sum / n);
        }
        scores[`${task}/${metric}`] = col;
    }
    const metrics = {};
    const notes = [];
    const name = (0,external_node_path_.basename)(file);
    if (report) {
        const n = typeof report.n_samples === 'number' ? report.n_samples : null;
        for (const [k, v] of Object.entries(report)) {
            if (NOT_METRICS.has(k) || typeof v !== 'number')
                continue;
            metrics[`${task}/${k}`] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
        }
    }
    else {
        notes.push(`${name}: no final_report line — the run did not finish; per-sample events are read as they are`);
    }
    if (Object.keys(scores).length === 0 && Object.keys(metrics).length === 0)
        notes.push(`${name}: no scored events and no final report: nothing to measure in this log`);
    const runConfig = openai_evals_isObj(spec.run_config) ? spec.run_config : {};
    const setup = {
        harness: 'openai-evals',
        tasks: {
            [task]: configFingerprint({
                eval_name: spec.eval_name ?? null,
                split: spec.split ?? null,
                eval_spec: runConfig.eval_spec ?? null,
                seed: runConfig.seed ?? null,
                // `max_samples` only limits the eval set, which the pairing note reports (ids added and removed).
            }),
        },
    };
    if (sampleIds.size)
        Object.assign(setup, examplesFingerprint([...sampleIds]));
    return { scores, metrics, notes, setup };
}
/** openai/evals JSONL logs. */
const openAiEvalsFormat = {
    name: 'openai-evals',
    description: 'openai/evals log (oaieval --record_path): JSON Lines with a "spec" line, events by "sample_id" and a "final_report"',
    extensions: ['.jsonl'],
    detect(head) {
        const lines = head.jsonLines;
        if (!lines)
            return 0;
        const first = lines[0];
        if (openai_evals_isObj(first.spec) && ('eval_name' in first.spec || 'completion_fns' in first.spec))
            return 0.95;
        return lines.some((l) => 'run_id' in l && 'event_id' in l && 'sample_id' in l) ? 0.9 : 0;
    },
    read(file, ctx) {
        const out = readOpenAiEvals((0,readers_text/* readTextFile */.Gu)(file, ctx.encoding), file);
        return { kind: 'scores', file, format: 'openai-evals', ...out };
    },
};

;// CONCATENATED MODULE: ./src/readers/hf-trainer.ts
/**
 * Reader for the Hugging Face Trainer's metric files (`all_results.json`, `eval_results.json`,
 * `test_results.json`, `train_results.json`): a flat map whose keys carry an `eval_`/`test_`/`train_`/
 * `predict_` prefix. Names are kept as written (`eval_accuracy`). `*_loss` is lower-is-better; runtime
 * and throughput (`*_runtime`, `*_per_second`), generation length and training metrics are reported, not
 * gated; `epoch`, `total_flos` and sample counts describe the run (`eval_samples` is the n of `eval_*`).
 */




const PREFIX = /^(eval|test|train|predict)_(.+)$/;
const RUN_KEYS = new Set(['epoch', 'total_flos', 'step', 'global_step']);
const REPORTED = /(_runtime|_per_second|_gen_len|_flos)$/;
/** Reads a Trainer metrics map. */
function readHfTrainer(data, file) {
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        throw new errors/* InputError */.dz('expected a mapping of Trainer metrics', { file });
    const d = data;
    const metrics = {};
    const directions = {};
    const reportOnly = [];
    for (const [key, v] of Object.entries(d)) {
        if (RUN_KEYS.has(key))
            continue;
        const m = PREFIX.exec(key);
        if (!m) {
            if (typeof v === 'number')
                throw new errors/* InputError */.dz('key without an eval_/test_/train_/predict_ prefix in a Trainer metrics file', {
                    file,
                    field: key,
                });
            continue;
        }
        const [, split, rest] = m;
        if (rest === 'samples')
            continue; // a count: the n of this split's metrics
        if (typeof v !== 'number') {
            if (v === null)
                metrics[key] = { value: null, n: null, undefined: 'the file gives null' };
            continue;
        }
        const nRaw = d[`${split}_samples`];
        const n = typeof nRaw === 'number' && Number.isFinite(nRaw) ? nRaw : null;
        metrics[key] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
        if (rest === 'loss' || rest.endsWith('_loss') || rest === 'runtime')
            directions[key] = 'lower';
        if (rest.endsWith('_per_second'))
            directions[key] = 'higher';
        if (REPORTED.test(key) || split === 'train')
            reportOnly.push(key);
    }
    if (Object.keys(metrics).length === 0)
        throw new errors/* InputError */.dz('no metrics in Trainer metrics file', { file });
    return { metrics, directions, reportOnly };
}
/** Hugging Face Trainer `*_results.json`. */
const hfTrainerFormat = {
    name: 'hf-trainer',
    description: 'Hugging Face Trainer all_results.json / eval_results.json: flat "eval_*"/"test_*"/"train_*" numbers (+ "epoch")',
    extensions: ['.json'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const top = [...keysAt(head.outline, '')];
        if (top.length === 0 || head.outline.keys.size > 1)
            return 0; // nested objects: not Trainer's
        const prefixed = top.filter((k) => PREFIX.test(k));
        const rest = top.filter((k) => !PREFIX.test(k) && !RUN_KEYS.has(k));
        if (rest.length > 0 || !prefixed.some((k) => /^(eval|test|predict)_/.test(k)))
            return 0;
        return top.includes('epoch') || prefixed.some((k) => /_(runtime|samples_per_second)$/.test(k))
            ? 0.85
            : 0.6;
    },
    read(file, ctx) {
        const out = readHfTrainer((0,json_text/* readJsonFile */.JE)(file, ctx.encoding), file);
        return { kind: 'metrics', file, format: 'hf-trainer', ...out };
    },
};

;// CONCATENATED MODULE: ./src/readers/catwalk.ts
/**
 * Readers for OLMo-Eval / catwalk output (`run_lm_eval --metrics-file metrics.json --full-output-file
 * predictions.jsonl`). `metrics.json` is `{"metrics": [task, ...]}`, each task with `task`,
 * `task_options`, `num_instances` and `metrics` — metric groups (`{"acc_raw": ..., "primary_metric":
 * ...}`) or plain numbers. Metric names are `<task>/<metric>` (groups flattened; a name that occurs in
 * two groups keeps its group: `<task>/<group>.<metric>`). The task's `primary_metric` is gated and the
 * rest reported. `predictions.jsonl` holds one line per task with `instance_predictions`; the numeric
 * fields of each prediction that are also task metrics become per-instance columns, paired by instance id.
 */







const catwalk_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Flattens a task's metrics: groups of numbers (with `primary_metric`) or plain numbers. */
function taskMetrics(metrics) {
    const values = new Map();
    const primary = new Set();
    if (!catwalk_isObj(metrics))
        return { values, primary };
    const seen = new Map();
    for (const v of Object.values(metrics))
        if (catwalk_isObj(v))
            for (const m of Object.keys(v))
                seen.set(m, (seen.get(m) ?? 0) + 1);
    for (const [k, v] of Object.entries(metrics)) {
        if (typeof v === 'number')
            values.set(k, v);
        else if (catwalk_isObj(v)) {
            for (const [m, x] of Object.entries(v)) {
                if (typeof x !== 'number')
                    continue;
                values.set((seen.get(m) ?? 0) > 1 ? `${k}.${m}` : m, x);
            }
            if (typeof v.primary_metric === 'string')
                primary.add((seen.get(v.primary_metric) ?? 0) > 1 ? `${k}.${v.primary_metric}` : v.primary_metric);
        }
    }
    return { values, primary };
}
function taskSetup(tasks) {
    const setup = { harness: 'olmo-eval', tasks: {} };
    for (const t of tasks) {
        if (typeof t.task !== 'string')
            continue;
        const opts = catwalk_isObj(t.task_options) ? { ...t.task_options } : {};
        // Batch sizes and recorded inputs change how a run is executed, not what it measures; `limit` is the
        // eval set's size, which the pairing note reports (ids added and removed), not a task config change.
        for (const k of ['batch_size', 'max_batch_tokens', 'num_recorded_inputs', 'gsheet', 'limit'])
            delete opts[k];
        setup.tasks[t.task] = configFingerprint(opts);
    }
    return setup;
}
/** Reads an OLMo-Eval/catwalk metrics.json document. */
function readCatwalkMetrics(data, file) {
    if (!catwalk_isObj(data) || !Array.isArray(data.metrics))
        throw new errors/* InputError */.dz('expected {"metrics": [tasks]}', { file, field: 'metrics' });
    const tasks = data.metrics.filter(catwalk_isObj);
    const metrics = {};
    const reportOnly = [];
    tasks.forEach((t, i) => {
        if (typeof t.task !== 'string')
            throw new errors/* InputError */.dz('task without a name', { file, field: `metrics[${i}].task` });
        const n = typeof t.num_instances === 'number' ? t.num_instances : null;
        const { values, primary } = taskMetrics(t.metrics);
        for (const [m, v] of values) {
            const name = `${t.task}/${m}`;
            if (name in metrics)
                throw new errors/* InputError */.dz(`metric "${name}" given twice`, { file, field: `metrics[${i}]` });
            metrics[name] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
            if (primary.size > 0 && !primary.has(m))
                reportOnly.push(name);
        }
    });
    if (Object.keys(metrics).length === 0)
        throw new errors/* InputError */.dz('no metrics in OLMo-Eval metrics file', { file });
    return { metrics, reportOnly, setup: taskSetup(tasks) };
}
/** Reads an OLMo-Eval/catwalk predictions.jsonl text. */
function readCatwalkPredictions(text, file) {
    const scores = {};
    const tasks = [];
    const ids = [];
    forEachJsonObject(text, file, (t, line) => {
        if (typeof t.task !== 'string' || !Array.isArray(t.instance_predictions))
            throw new errors/* InputError */.dz('expected {task, instance_predictions}', { file, line });
        tasks.push(t);
        const { values } = taskMetrics(t.metrics);
        const metricNames = new Set([...values.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
        const seen = new Set();
        t.instance_predictions.forEach((p, i) => {
            if (!catwalk_isObj(p))
                return;
            const inst = p.instance;
            const id = catwalk_isObj(inst) ? canonicalJson(inst) : String(i);
            if (seen.has(id))
                throw new errors/* InputError */.dz(`instance ${id} appears twice in task ${t.task}`, { file, line });
            seen.add(id);
            ids.push(`${t.task}:${id}`);
            const pred = catwalk_isObj(p.prediction) ? p.prediction : {};
            for (const [k, v] of Object.entries(pred)) {
                if (!metricNames.has(k))
                    continue;
                const x = typeof v === 'boolean' ? Number(v) : v;
                if (typeof x !== 'number' || !Number.isFinite(x))
                    continue;
                const col = (scores[`${t.task}/${k}`] ??= { ids: [], values: [] });
                col.ids.push(id);
                col.values.push(x);
            }
        });
    });
    const notes = [];
    if (Object.keys(scores).length === 0)
        notes.push(`${file}: no per-instance values of the tasks' metrics in these predictions`);
    return { scores, notes, setup: { ...taskSetup(tasks), ...examplesFingerprint(ids) } };
}
/** OLMo-Eval / catwalk `metrics.json`. */
const catwalkMetricsFormat = {
    name: 'olmo-eval',
    description: 'OLMo-Eval/catwalk metrics.json: {"metrics": [{"task", "task_options", "metrics", "num_instances"}]}',
    extensions: ['.json'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const top = keysAt(head.outline, '');
        const items = keysAt(head.outline, 'metrics.[]');
        return top.has('metrics') && items.has('task') && (items.has('metrics') || items.has('num_instances'))
            ? 0.9
            : 0;
    },
    read(file, ctx) {
        const out = readCatwalkMetrics((0,json_text/* readJsonFile */.JE)(file, ctx.encoding), file);
        return { kind: 'metrics', file, format: 'olmo-eval', directions: {}, ...out };
    },
};
/** OLMo-Eval / catwalk `predictions.jsonl`. */
const catwalkPredictionsFormat = {
    name: 'olmo-eval-predictions',
    description: 'OLMo-Eval/catwalk predictions.jsonl: one line per task with "task", "metrics" and "instance_predictions"',
    extensions: ['.jsonl'],
    detect(head) {
        const first = head.jsonLines?.[0];
        if (first)
            return 'task' in first && 'instance_predictions' in first ? 0.95 : 0;
        // One task's line can be longer than the sniffed head: look at its first keys.
        return /^\s*\{\s*"task"\s*:/.test(head.text) && head.text.includes('"instance_predictions"') ? 0.9 : 0;
    },
    read(file, ctx) {
        const out = readCatwalkPredictions((0,readers_text/* readTextFile */.Gu)(file, ctx.encoding), file);
        return { kind: 'scores', file, format: 'olmo-eval-predictions', ...out };
    },
};

;// CONCATENATED MODULE: ./src/readers/json-records.ts
/**
 * Reader for a JSON array of per-example records (`[{"question_id": 1, "answer": "B", "pred": "C"}]`),
 * the shape many eval scripts dump with `json.dump(rows)`. Fields map as config `fields:` says; where a
 * default field name is absent, common column names are detected (`gold_label` for the label, `pred`
 * for the prediction, `question_id` for the id, ...) and the report says which were taken
 * ("fields: label ← gold_label, prediction ← pred").
 */





/** Column names recognised without config, in order of preference. */
const FIELD_ALIASES = {
    id: ['id', 'example_id', 'question_id', 'qid', 'sample_id', 'doc_id', 'uid', 'idx', 'index'],
    label: ['label', 'gold', 'gold_label', 'target', 'answer', 'y_true', 'reference', 'expected'],
    prediction: ['prediction', 'pred', 'pred_label', 'predicted', 'predicted_label', 'output', 'y_pred'],
};
const DEFAULT_NAMES = { id: 'id', label: 'label', prediction: 'prediction' };
/**
 * Field names for records with these keys: a configured name is kept as is; a default name missing from
 * the keys is replaced by the first alias present. Returns the mapping and what was detected.
 */
function detectFields(keys, mapping) {
    const fields = { ...mapping.fields };
    const detected = [];
    for (const role of ['id', 'label', 'prediction']) {
        const name = fields[role];
        if (name !== DEFAULT_NAMES[role] || keys.has(name))
            continue;
        const taken = new Set(Object.values(fields));
        const alias = FIELD_ALIASES[role].find((a) => keys.has(a) && !taken.has(a));
        if (alias) {
            fields[role] = alias;
            detected.push(`${role} ← ${alias}`);
        }
    }
    return { mapping: { ...mapping, fields }, detected };
}
/** Reads a JSON array of records. */
function readJsonRecords(data, file, mapping, lines) {
    if (!Array.isArray(data))
        throw new errors/* InputError */.dz('expected a JSON array of records', { file });
    if (data.length === 0)
        throw new errors/* InputError */.dz('no records in file', { file });
    const keys = new Set();
    for (const r of data.slice(0, 100))
        if (typeof r === 'object' && r !== null && !Array.isArray(r))
            for (const k of Object.keys(r))
                keys.add(k);
    const { mapping: m, detected } = detectFields(keys, mapping);
    const byPosition = !keys.has(m.fields.id);
    const records = data.map((raw, i) => {
        const line = (typeof raw === 'object' && raw !== null ? lines.get(raw) : undefined) ?? i + 1;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
            throw new errors/* InputError */.dz(`record ${i + 1} is not an object`, { file, line });
        const obj = raw;
        const withId = byPosition ? { ...obj, [m.fields.id]: i + 1 } : obj;
        return toExampleRecord(withId, m, file, line);
    });
    const notes = [];
    if (detected.length)
        notes.push(`${(0,external_node_path_.basename)(file)}: fields: ${detected.join(', ')} (detected; set \`fields:\` to choose)`);
    if (byPosition)
        notes.push(`${(0,external_node_path_.basename)(file)}: no id field (tried ${FIELD_ALIASES.id.join(', ')}); examples are identified by position, so pairing with a baseline assumes the same order`);
    return { records, notes };
}
/** JSON arrays of per-example records. */
const jsonRecordsFormat = {
    name: 'json-records',
    description: 'JSON array of per-example records ([{"id", "label", "prediction"}, ...]; common names such as gold_label/pred detected)',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        if (head.outline.root !== '[')
            return 0;
        const k = keysAt(head.outline, '[]');
        if (k.size === 0)
            return 0;
        const has = (names) => names.some((n) => k.has(n));
        return has(FIELD_ALIASES.label) && has(FIELD_ALIASES.prediction) ? 0.6 : 0.3;
    },
    read(file, ctx) {
        const lines = new WeakMap();
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding, { lines });
        const { records, notes } = readJsonRecords(data, file, ctx.mapping, lines);
        return { kind: 'records', file, format: 'json-records', records, notes };
    },
};

;// CONCATENATED MODULE: ./src/readers/mteb.ts
/**
 * Reader for MTEB result files, in the three layouts MTEB has written: 2.x and 1.6+ (`scores.{split}[]`
 * with `hf_subset` and `main_score`), 1.x legacy (split objects at the top with `mteb_dataset_name`) and
 * 0.0.x (split → language → metric groups, no metadata; the task is the file name). Metric names are
 * `<task>/<split>/<subset>/<metric>` (nested groups joined with `.`, e.g. `cos_sim.spearman`).
 * `main_score` is gated by default and the other metrics are reported; bare `NaN` (Python's json) makes
 * a metric undefined with the reason. `model_meta.json` (written next to the results) describes the
 * model and holds no metrics.
 */






const mteb_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const SPLITS = new Set(['test', 'dev', 'validation', 'val', 'train', 'default']);
const mteb_NOT_METRICS = new Set([
    'hf_subset',
    'languages',
    'scores_per_experiment',
    'evaluation_time',
    'kg_co2_emissions',
]);
const METRIC_GROUPS = /^(cos_sim|cosine|euclidean|manhattan|dot|accuracy|main_score|f1|ap|ndcg_at_10|v_measure)$/;
function metricsOf(entry, prefix, out, file, depth = 0) {
    if (depth > 8)
        throw new errors/* InputError */.dz('MTEB metrics nested too deeply', { file, field: prefix });
    for (const [k, v] of Object.entries(entry)) {
        if (mteb_NOT_METRICS.has(k) || k.endsWith('_stderr'))
            continue;
        const name = `${prefix}${k}`;
        if (typeof v === 'number')
            out[name] = Number.isFinite(v) ? { value: v, n: null } : nonFiniteMetric(v);
        else if (v === null)
            out[name] = { value: null, n: null, undefined: 'the file gives null' };
        else if (mteb_isObj(v))
            metricsOf(v, `${name}.`, out, file, depth + 1);
        // Strings and lists (languages, timings as text) are metadata, not metrics.
    }
}
/** A split object of the older layouts: metrics directly, or subsets (languages) of metrics. */
function legacySplit(split, prefix, out, file) {
    const direct = Object.values(split).some((v) => typeof v === 'number');
    if (direct)
        metricsOf(split, `${prefix}default/`, out, file);
    else
        for (const [subset, v] of Object.entries(split))
            if (mteb_isObj(v))
                metricsOf(v, `${prefix}${subset}/`, out, file);
}
/** Reads an MTEB results document. */
function readMteb(data, file) {
    if (!mteb_isObj(data))
        throw new errors/* InputError */.dz('expected an MTEB result object', { file });
    const task = (typeof data.task_name === 'string' && data.task_name) ||
        (typeof data.mteb_dataset_name === 'string' && data.mteb_dataset_name) ||
        (0,external_node_path_.basename)(file).replace(/\.json(\.gz)?$/i, '');
    const metrics = {};
    if (mteb_isObj(data.scores)) {
        for (const [split, entries] of Object.entries(data.scores)) {
            if (!Array.isArray(entries))
                throw new errors/* InputError */.dz('expected a list of subsets', { file, field: `scores.${split}` });
            entries.forEach((e, i) => {
                if (!mteb_isObj(e))
                    throw new errors/* InputError */.dz('expected a subset object', { file, field: `scores.${split}[${i}]` });
                const subset = typeof e.hf_subset === 'string' ? e.hf_subset : 'default';
                metricsOf(e, `${task}/${split}/${subset}/`, metrics, file);
            });
        }
    }
    else {
        for (const [k, v] of Object.entries(data)) {
            if (mteb_isObj(v) && (SPLITS.has(k) || !['dataset_revision', 'mteb_version'].includes(k)))
                legacySplit(v, `${task}/${k}/`, metrics, file);
        }
    }
    if (Object.keys(metrics).length === 0)
        throw new errors/* InputError */.dz('no metrics in MTEB result', { file });
    const hasMain = Object.keys(metrics).some((n) => n.endsWith('/main_score'));
    const reportOnly = hasMain ? Object.keys(metrics).filter((n) => !n.endsWith('/main_score')) : [];
    const setup = {
        harness: 'mteb',
        tasks: { [task]: configFingerprint({ dataset_revision: data.dataset_revision ?? null }) },
    };
    if (typeof data.mteb_version === 'string')
        setup.version = data.mteb_version;
    return { metrics, setup, reportOnly };
}
/** MTEB result files. */
const mtebFormat = {
    name: 'mteb',
    description: 'MTEB result JSON: "mteb_version"/"task_name" with "scores" per split (or the older split-at-top layouts)',
    extensions: ['.json', '.json.gz'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const top = keysAt(head.outline, '');
        if (top.has('mteb_version') || top.has('mteb_dataset_name'))
            return 0.95;
        if (top.has('task_name') && top.has('scores') && top.has('dataset_revision'))
            return 0.9;
        // 0.0.x: split → language → metric groups, nothing else.
        const splits = [...top].filter((k) => SPLITS.has(k));
        if (splits.length === 0 || splits.length !== top.size)
            return 0;
        const langs = [...keysAt(head.outline, splits[0])];
        const groups = langs.flatMap((l) => [...keysAt(head.outline, `${splits[0]}.${l}`)]);
        return groups.some((g) => METRIC_GROUPS.test(g)) &&
            groups.some((g) => /^(cos_sim|euclidean|manhattan)$/.test(g))
            ? 0.6
            : 0;
    },
    read(file, ctx) {
        const { metrics, setup, reportOnly } = readMteb((0,json_text/* readJsonFile */.JE)(file, ctx.encoding), file);
        return { kind: 'metrics', file, format: 'mteb', metrics, directions: {}, setup, reportOnly };
    },
};
/** MTEB `model_meta.json`: describes the model, holds no metrics. */
const mtebModelMetaFormat = {
    name: 'mteb-model-meta',
    description: 'MTEB model_meta.json ("name", "revision", "n_parameters", "loader"): model description, no metrics',
    extensions: ['.json'],
    detect(head) {
        if (head.outline.root !== '{')
            return 0;
        const top = keysAt(head.outline, '');
        return top.has('name') &&
            top.has('revision') &&
            (top.has('n_parameters') || top.has('embed_dim') || top.has('loader'))
            ? 0.85
            : 0;
    },
    read(file, ctx) {
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
        if (!mteb_isObj(data))
            throw new errors/* InputError */.dz('expected an MTEB model_meta object', { file });
        const name = typeof data.name === 'string' ? data.name : 'model';
        const rev = typeof data.revision === 'string' ? ` at revision ${data.revision.slice(0, 12)}` : '';
        return {
            kind: 'meta',
            file,
            format: 'mteb-model-meta',
            notes: [`${(0,external_node_path_.basename)(file)}: MTEB model metadata of ${name}${rev} (no metrics)`],
        };
    },
};

;// CONCATENATED MODULE: ./src/readers/helm.ts
/**
 * Readers for a HELM run folder (`benchmark_output/runs/<suite>/<run>/`): `stats.json` (aggregated
 * stats), `per_instance_stats.json` (per-instance stats, paired by instance id and train trial),
 * `run_spec.json` (the setup fingerprint), and `scenario.json` / `scenario_state.json` (descriptions,
 * no metrics of their own).
 *
 * Metric names are `<run>/<split>/<stat>` with `@<perturbation>` for perturbed stats, where `<run>` is
 * the run spec name without its `model=` part (so two models on one scenario pair up). The stats the run
 * spec's metric specs name (exact_match, f1_score, ...) are gated by default; counts, token numbers and
 * runtimes are reported. Per instance, perturbed instances pair by instance id, train trial and
 * perturbation (`@<p>.perturbed`), and HELM's worst cases (`@robustness`, `@fairness`, `@<p>`) are
 * rebuilt per instance the way HELM computes them, so they pair too.
 */







const helm_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Stats gated when no run spec says which are the metrics. */
const DEFAULT_MAIN = /^(exact_match|quasi_exact_match|prefix_exact_match|quasi_prefix_exact_match|f1_score|rouge_[a-z0-9]+|bleu_\d|math_equiv.*|.*accuracy.*)(@\d+)?$/;
/** Drops `model=`/`model_deployment=` arguments from a run name. */
function withoutModel(name) {
    const [head, args] = name.includes(':') ? name.split(/:(.*)/s) : ['', name];
    const kept = args
        .split(',')
        .filter((a) => !/^(model|model_deployment)=/.test(a))
        .join(',');
    return head ? (kept ? `${head}:${kept}` : head) : kept || name;
}
/** Run name and main metrics from the run spec next to a file, or the folder name. */
function runInfo(file, encoding) {
    const specFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), 'run_spec.json');
    if ((0,external_node_fs_.existsSync)(specFile)) {
        const spec = (0,json_text/* readJsonFile */.JE)(specFile, encoding);
        if (helm_isObj(spec) && typeof spec.name === 'string') {
            const main = new Set();
            for (const m of Array.isArray(spec.metric_specs) ? spec.metric_specs : []) {
                const names = helm_isObj(m) && helm_isObj(m.args) ? m.args.names : undefined;
                if (Array.isArray(names))
                    for (const n of names)
                        if (typeof n === 'string')
                            main.add(n);
            }
            return { run: withoutModel(spec.name), main: main.size ? main : undefined, spec };
        }
    }
    return { run: withoutModel((0,external_node_path_.basename)((0,external_node_path_.dirname)(file))), main: undefined };
}
/** HELM stat name object → metric name; undefined for stats not tied to a split. */
function statName(run, name) {
    if (!helm_isObj(name) || typeof name.name !== 'string')
        return undefined;
    const split = typeof name.split === 'string' ? name.split : undefined;
    if (!split)
        return undefined;
    const sub = typeof name.sub_split === 'string' ? `/${name.sub_split}` : '';
    const p = helm_isObj(name.perturbation) ? name.perturbation : undefined;
    let suffix = '';
    if (p) {
        suffix = `@${String(p.name ?? 'perturbation')}`;
        if (typeof p.computed_on === 'string' && p.computed_on !== 'worst')
            suffix += `.${p.computed_on}`;
    }
    return { full: `${run}/${split}${sub}/${name.name}${suffix}`, stat: name.name, perturbed: !!p };
}
function isMain(info, stat) {
    const base = stat.replace(/@\d+$/, '');
    return info.main ? info.main.has(base) || info.main.has(stat) : DEFAULT_MAIN.test(stat);
}
function helm_setupOf(info) {
    if (!info.spec)
        return undefined;
    const s = info.spec;
    return {
        harness: 'helm',
        tasks: {
            [info.run]: configFingerprint({
                scenario_spec: s.scenario_spec ?? null,
                adapter_spec: helm_isObj(s.adapter_spec)
                    ? Object.fromEntries(Object.entries(s.adapter_spec).filter(([k]) => !/^model(_deployment)?$/.test(k)))
                    : null,
                metric_specs: s.metric_specs ?? null,
                data_augmenter_spec: s.data_augmenter_spec ?? null,
            }),
        },
    };
}
const statsLike = (head, keys) => head.outline.root === '[' && keys.has('name') && keys.has('count') && keys.has('mean');
/** HELM `stats.json`. */
const helmStatsFormat = {
    name: 'helm-stats',
    description: 'HELM stats.json: a list of {name: {name, split, perturbation?}, count, sum, mean, ...}',
    extensions: ['.json'],
    detect(head) {
        return statsLike(head, keysAt(head.outline, '[]')) && keysAt(head.outline, '[].name').has('split')
            ? 0.95
            : 0;
    },
    read(file, ctx) {
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
        if (!Array.isArray(data))
            throw new errors/* InputError */.dz('expected a list of HELM stats', { file });
        const info = runInfo(file, ctx.encoding);
        const metrics = {};
        const reportOnly = [];
        data.forEach((s, i) => {
            if (!helm_isObj(s))
                throw new errors/* InputError */.dz('expected a stat object', { file, field: `[${i}]` });
            const nm = statName(info.run, s.name);
            if (!nm)
                return;
            if (nm.full in metrics)
                throw new errors/* InputError */.dz(`stat "${nm.full}" appears twice`, { file, field: `[${i}].name` });
            const count = typeof s.count === 'number' ? s.count : null;
            if (count === 0) {
                metrics[nm.full] = { value: null, n: 0, undefined: 'HELM counted no values for this stat' };
            }
            else if (typeof s.mean === 'number') {
                metrics[nm.full] = Number.isFinite(s.mean) ? { value: s.mean, n: null } : nonFiniteMetric(s.mean);
            }
            else
                return;
            if (!isMain(info, nm.stat))
                reportOnly.push(nm.full);
        });
        if (Object.keys(metrics).length === 0)
            throw new errors/* InputError */.dz('no stats with a split in HELM stats', { file });
        return {
            kind: 'metrics',
            file,
            format: 'helm-stats',
            metrics,
            directions: {},
            reportOnly,
            setup: helm_setupOf(info),
        };
    },
};
/**
 * HELM's worst-case stats, per instance (HELM's Metric.compute_worst_case_metrics, per train trial):
 * `@robustness` and `@fairness` are the minimum over the original instance and its robustness
 * (fairness) perturbations, `@<p>` the minimum over the original and perturbation p, and `@<p>.original`
 * the original's value on the instances p was applied to. Their means are the stats.json values.
 */
function worstCaseColumns(groups) {
    const out = {};
    const push = (name, id, v) => {
        const col = (out[name] ??= { ids: [], values: [] });
        col.ids.push(id);
        col.values.push(v);
    };
    for (const g of groups) {
        const orig = g.original === undefined ? [] : [g.original];
        const rob = [...orig, ...g.perturbed.filter((p) => p.robustness).map((p) => p.min)];
        const fair = [...orig, ...g.perturbed.filter((p) => p.fairness).map((p) => p.min)];
        if (rob.length)
            push(`${g.base}@robustness`, g.id, Math.min(...rob));
        if (fair.length)
            push(`${g.base}@fairness`, g.id, Math.min(...fair));
        for (const p of g.perturbed) {
            push(`${g.base}@${p.name}`, g.id, Math.min(p.min, ...orig));
            if (g.original !== undefined)
                push(`${g.base}@${p.name}.original`, g.id, g.original);
        }
    }
    return out;
}
/** HELM `per_instance_stats.json`. */
const helmPerInstanceFormat = {
    name: 'helm-per-instance',
    description: 'HELM per_instance_stats.json: a list of {instance_id, train_trial_index, perturbation?, stats: [...]}',
    extensions: ['.json'],
    detect(head) {
        const k = keysAt(head.outline, '[]');
        return head.outline.root === '[' && k.has('instance_id') && (k.has('stats') || k.has('train_trial_index'))
            ? 0.95
            : 0;
    },
    read(file, ctx) {
        const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
        if (!Array.isArray(data))
            throw new errors/* InputError */.dz('expected a list of HELM instances', { file });
        const info = runInfo(file, ctx.encoding);
        const scores = {};
        const seen = new Map();
        const groups = new Map();
        const perturbations = new Set();
        let perturbed = 0;
        data.forEach((inst, i) => {
            if (!helm_isObj(inst) || typeof inst.instance_id !== 'string' || !Array.isArray(inst.stats))
                throw new errors/* InputError */.dz('expected {instance_id, stats}', { file, field: `[${i}]` });
            const instP = helm_isObj(inst.perturbation) ? inst.perturbation : undefined;
            if (instP)
                perturbed++;
            const trial = typeof inst.train_trial_index === 'number' ? inst.train_trial_index : 0;
            // A perturbed instance keeps the original's id: the perturbation is in the metric name.
            const id = trial === 0 ? inst.instance_id : `${inst.instance_id}#trial${trial}`;
            for (const s of inst.stats) {
                if (!helm_isObj(s) || !helm_isObj(s.name))
                    continue;
                const given = helm_isObj(s.name.perturbation) ? s.name.perturbation : instP;
                // A per-instance value of a perturbed instance is HELM's computed_on "perturbed" (its default).
                const p = given && { ...given, computed_on: given.computed_on ?? 'perturbed' };
                const nm = statName(info.run, p ? { ...s.name, perturbation: p } : s.name);
                if (!nm || !isMain(info, nm.stat))
                    continue;
                if (typeof s.mean !== 'number' || !Number.isFinite(s.mean))
                    continue;
                let ids = seen.get(nm.full);
                if (!ids)
                    seen.set(nm.full, (ids = new Set()));
                if (ids.has(id))
                    throw new errors/* InputError */.dz(`instance ${id} has "${nm.full}" twice`, { file, field: `[${i}].stats` });
                ids.add(id);
                const col = (scores[nm.full] ??= { ids: [], values: [] });
                col.ids.push(id);
                col.values.push(s.mean);
                // HELM takes the worst case from each stat's minimum.
                const min = typeof s.min === 'number' && Number.isFinite(s.min) ? s.min : s.mean;
                const base = statName(info.run, { ...s.name, perturbation: undefined }).full;
                const key = `${base}\u0000${id}`;
                let g = groups.get(key);
                if (!g)
                    groups.set(key, (g = { base, id, perturbed: [] }));
                if (!p)
                    g.original = min;
                else {
                    const name = String(p.name ?? 'perturbation');
                    perturbations.add(name);
                    g.perturbed.push({ name, robustness: p.robustness === true, fairness: p.fairness === true, min });
                }
            }
        });
        // Worst cases only where the run perturbed instances: without a data augmenter some HELM versions
        // write no @robustness stats at all, and the ones that do give the unperturbed value, which
        // stats.json already holds.
        if (perturbed) {
            for (const [name, col] of Object.entries(worstCaseColumns(groups.values()))) {
                if (name in scores)
                    throw new errors/* InputError */.dz(`"${name}" is both a per-instance stat and a worst case of one`, { file });
                scores[name] = col;
            }
        }
        if (Object.keys(scores).length === 0)
            throw new errors/* InputError */.dz('no per-instance values of the run’s metrics in HELM per_instance_stats', {
                file,
            });
        const notes = perturbed
            ? [
                `${(0,external_node_path_.basename)(file)}: ${perturbed} perturbed instances (${[...perturbations].join(', ')}) paired by instance id, train trial and perturbation; the worst cases (@robustness, @fairness, @<perturbation>) are computed per instance as HELM does (the minimum over the original and its perturbed versions)`,
            ]
            : [];
        return { kind: 'scores', file, format: 'helm-per-instance', scores, notes };
    },
};
function helmMeta(name, description, test, what) {
    return {
        name,
        description,
        extensions: ['.json'],
        detect(head) {
            return head.outline.root === '{' && test(keysAt(head.outline, '')) ? 0.9 : 0;
        },
        read(file, ctx) {
            const data = (0,json_text/* readJsonFile */.JE)(file, ctx.encoding);
            if (!helm_isObj(data))
                throw new errors/* InputError */.dz(`expected a HELM ${what} object`, { file });
            return { kind: 'meta', file, format: name, notes: [`${(0,external_node_path_.basename)(file)}: HELM ${what} (no metrics)`] };
        },
    };
}
/** HELM `run_spec.json` (its fingerprint is carried by stats.json's reader). */
const helmRunSpecFormat = helmMeta('helm-run-spec', 'HELM run_spec.json: "scenario_spec", "adapter_spec", "metric_specs" (setup only, no metrics)', (top) => top.has('scenario_spec') && top.has('adapter_spec'), 'run spec');
/** HELM `scenario.json`. */
const helmScenarioFormat = helmMeta('helm-scenario', 'HELM scenario.json: "name", "description", "tags", "definition_path" (description only)', (top) => top.has('definition_path') && top.has('tags'), 'scenario description');
/** HELM `scenario_state.json`. */
const helmScenarioStateFormat = helmMeta('helm-scenario-state', 'HELM scenario_state.json: "adapter_spec" and "request_states" (requests and completions, no metrics)', (top) => top.has('request_states'), 'scenario state (requests and completions)');

;// CONCATENATED MODULE: ./src/readers/registry.ts
/**
 * The reader registry: one {@link FormatReader} per input format, chosen by content. Each reader looks at
 * the first bytes of a file (decompressed when gzip) and says how sure it is that the file is its format;
 * the most confident reader reads it. The file name is only a hint (a `.json` may hold JSON Lines, a
 * samples log may have any name). Config `format:` overrides detection per path or glob.
 *
 * Adding a format: write `src/readers/<format>.ts` exporting a FormatReader and add it to FORMATS below
 * (docs/formats.md, "Adding a format").
 */






















/** How many bytes of a file detection looks at. */
const HEAD_BYTES = 256 * 1024;
/**
 * Every format, most specific first: on equal confidence the earlier one wins, so tool formats come
 * before the generic record and metric-map readers.
 */
const FORMATS = [
    evalResultFormat,
    inspectAiFormat,
    promptfooFormat,
    mtebFormat,
    mtebModelMetaFormat,
    helmStatsFormat,
    helmPerInstanceFormat,
    helmRunSpecFormat,
    helmScenarioFormat,
    helmScenarioStateFormat,
    lmEvalResultsFormat,
    lmEvalSamplesFormat,
    openAiEvalsFormat,
    catwalkMetricsFormat,
    catwalkPredictionsFormat,
    hfTrainerFormat,
    parquetFormat,
    jsonlFormat,
    jsonRecordsFormat,
    csvFormat,
    tsvFormat,
    jsonMetricMapFormat,
    yamlMetricMapFormat,
];
/** Below this, no reader claims a file. */
const MIN_CONFIDENCE = 0.25;
/** The reader of a format name; undefined when unknown. */
function formatByName(name) {
    return FORMATS.find((f) => f.name === name);
}
/** Every file-name ending a reader hints at (to expand folders). */
function knownExtensions() {
    return [...new Set(FORMATS.flatMap((f) => f.extensions))];
}
/** Builds a FileHead from a buffer of a file's first bytes. */
function headFromBytes(raw, complete) {
    const gzip = (0,readers_text/* isGzip */.bf)(raw);
    let bytes = raw;
    let whole = complete;
    if (gzip) {
        try {
            // Partial input: flush what has been inflated so far instead of failing on the cut end.
            bytes = (0,external_node_zlib_.gunzipSync)(raw, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: HEAD_BYTES * 8 });
            whole = complete && bytes.length < HEAD_BYTES * 8;
        }
        catch {
            bytes = Buffer.alloc(0);
            whole = false;
        }
    }
    const text = (0,readers_text/* sniffText */.CY)(bytes);
    let outline;
    let lines = null;
    return {
        raw,
        bytes,
        gzip,
        complete: whole,
        text,
        get outline() {
            return (outline ??= outlineJson(text));
        },
        get jsonLines() {
            if (lines === null)
                lines = firstJsonLines(text);
            return lines;
        },
    };
}
/** Reads a file's head. */
function readHead(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        (0,readers_file/* readBytes */.i)(file); // throws the reader's usual "file not found" / "cannot read" error
        throw new errors/* InputError */.dz('cannot read file', { file });
    }
    try {
        const buf = Buffer.alloc(HEAD_BYTES);
        const got = (0,external_node_fs_.readSync)(fd, buf, 0, HEAD_BYTES, 0);
        return headFromBytes(buf.subarray(0, got), got < HEAD_BYTES);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Every reader's confidence for a file, most confident first (ties keep registry order). */
function rankFormats(head, fileName) {
    const name = (0,external_node_path_.basename)(fileName);
    return FORMATS.map((format, i) => {
        let confidence = 0;
        try {
            confidence = Math.max(0, Math.min(1, format.detect(head, name)));
        }
        catch {
            confidence = 0;
        }
        return { format, confidence, i };
    })
        .sort((a, b) => b.confidence - a.confidence || a.i - b.i)
        .map(({ format, confidence }) => ({ format, confidence }));
}
/**
 * The format of a file: the one named by config (`override`), else the most confident detector. An
 * undetectable file is an InputError naming the closest formats and what each needs.
 */
function detectFormat(file, override) {
    if (override !== undefined) {
        const f = formatByName(override);
        if (!f) {
            throw new errors/* InputError */.dz(`unknown format "${override}" in config \`format\`; known formats: ${FORMATS.map((x) => x.name).join(', ')}`, { file });
        }
        return f;
    }
    const head = readHead(file);
    if (head.raw.length === 0)
        throw new errors/* InputError */.dz('empty file', { file });
    const ranked = rankFormats(head, file);
    if (ranked[0].confidence >= MIN_CONFIDENCE)
        return ranked[0].format;
    const close = ranked.filter((r) => r.confidence > 0).slice(0, 3);
    const hinted = FORMATS.filter((f) => hasExtension(file, f.extensions) && !close.some((c) => c.format === f));
    const list = [...close.map((c) => c.format), ...hinted].slice(0, 3);
    const shown = (list.length ? list : FORMATS.slice(0, 3))
        .map((f) => `${f.name} (${f.description})`)
        .join('; ');
    throw new errors/* InputError */.dz(`cannot tell the format of this file from its content; closest: ${shown}. Set \`format:\` in the config to name it`, { file });
}
/** Reads one input file with the format detected (or named by `override`). */
async function readWithRegistry(file, ctx, override) {
    const format = detectFormat(file, override);
    return format.read(file, ctx);
}
/** The supported formats as lines for `--help` and docs: `name — description`. */
function formatList() {
    return FORMATS.map((f) => `${f.name} — ${f.description}`);
}

;// CONCATENATED MODULE: ./src/readers/index.ts
/**
 * Input files → ReadOutput. Which reader reads a file is decided by the registry (`registry.ts`): by
 * content, with config `format:` as an override; this module adds folder expansion and the per-path
 * config lookups (`format:`, `encoding:`).
 */






function contextOf(c) {
    return 'fields' in c ? { mapping: c } : c;
}
/**
 * Reads one input file with the reader its content calls for (`format` names one explicitly).
 * Accepts a bare RecordMapping for callers that need nothing else.
 */
async function readInputFile(file, ctx, format) {
    return readWithRegistry(file, contextOf(ctx), format);
}
/** Same as {@link readInputFile} (kept for callers written when only Parquet was asynchronous). */
const readInputFileAsync = (/* unused pure expression or super */ null && (readInputFile));
/**
 * Expands folders (their files with a known format ending, sorted, non-recursive) and checks that every
 * path exists: a path that matches nothing is an error, never an empty gate.
 */
function expandInputPaths(paths) {
    const exts = knownExtensions();
    const out = [];
    for (const p of paths) {
        if (!(0,external_node_fs_.existsSync)(p))
            throw new errors/* InputError */.dz('file not found', { file: p });
        if ((0,external_node_fs_.statSync)(p).isDirectory()) {
            const files = (0,external_node_fs_.readdirSync)(p)
                .filter((f) => hasExtension(f, exts) && !(0,external_node_fs_.statSync)((0,external_node_path_.join)(p, f)).isDirectory())
                .sort()
                .map((f) => (0,external_node_path_.join)(p, f));
            if (files.length === 0)
                throw new errors/* InputError */.dz(`folder holds no supported files (${exts.join(', ')})`, { file: p });
            out.push(...files);
        }
        else {
            out.push(p);
        }
    }
    return out;
}
/** Turns a glob (`*`, `**`, `?`) into a regular expression over `/`-separated paths. */
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            if (glob[i + 2] === '/') {
                re += '(?:.*/)?';
                i += 2;
            }
            else {
                re += '.*';
                i += 1;
            }
        }
        else if (c === '*') {
            re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`);
}
/**
 * The value of a per-path config setting for a file: a single value applies to every file; a mapping of
 * glob → value applies the first glob that matches the path as given or its file name.
 */
function settingFor(setting, file) {
    if (setting === undefined || typeof setting === 'string')
        return setting;
    const path = file.replace(/\\/g, '/');
    const name = path.slice(path.lastIndexOf('/') + 1);
    for (const [glob, value] of Object.entries(setting)) {
        const re = globToRegExp(glob);
        if (re.test(path) || re.test(name) || re.test(path.replace(/^\.\//, '')))
            return value;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/metrics/columns.ts






/** Dictionary values that some row uses (a dictionary may hold values of lines that took the general path). */
function usedValues(codes, values) {
    const used = new Uint8Array(values.length);
    let count = 0;
    for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (used[c] === 0) {
            used[c] = 1;
            count++;
        }
    }
    return { used, count };
}
/** The general path: records → `buildDataset` (any task; exact errors). */
function general(cols, opts) {
    return buildDataset(cols.toRecords(), opts);
}
/** Builds the Dataset of `cols` (see the module comment). Throws InputError like `buildDataset`. */
function datasetFromColumns(cols, opts) {
    cols.finish();
    const n = cols.n;
    if (n === 0 || cols.label.generic || cols.prediction.generic || cols.proba.mode === 'generic')
        return general(cols, opts);
    const lCodes = cols.label.codes.trimmed();
    const pCodes = cols.prediction.codes.trimmed();
    const lVals = cols.label.values;
    const pVals = cols.prediction.values;
    const lUsed = usedValues(lCodes, lVals);
    const pUsed = usedValues(pCodes, pVals);
    // One scalar type across labels and predictions, every number finite.
    let kind;
    const check = (vals, used) => {
        for (let c = 0; c < vals.length; c++) {
            if (!used[c])
                continue;
            const v = vals[c];
            const k = typeof v;
            if (k === 'number' && !Number.isFinite(v))
                return false;
            if (kind === undefined)
                kind = k;
            else if (k !== kind)
                return false;
        }
        return true;
    };
    if (!check(lVals, lUsed.used) || !check(pVals, pUsed.used))
        return general(cols, opts);
    const proba = cols.proba;
    const hasProba = proba.mode !== 'none';
    if (hasProba)
        for (let i = 0; i < n; i++)
            if (!proba.present[i])
                return general(cols, opts);
    let task = opts.task;
    if (task === 'auto') {
        if (kind === 'number') {
            let labelNonInt = false;
            let predNonInt = false;
            lVals.forEach((v, c) => (labelNonInt ||= lUsed.used[c] === 1 && !Number.isInteger(v)));
            pVals.forEach((v, c) => (predNonInt ||= pUsed.used[c] === 1 && !Number.isInteger(v)));
            if (labelNonInt)
                task = 'regression';
            else if (predNonInt) {
                if (hasProba)
                    return general(cols, opts); // an error buildDataset words
                task = 'regression';
            }
        }
        else if (kind === 'string') {
            let whitespace = false;
            const test = (vals, used) => vals.forEach((v, c) => (whitespace ||= used[c] === 1 && INNER_WHITESPACE.test(v)));
            test(lVals, lUsed.used);
            test(pVals, pUsed.used);
            if (whitespace && lUsed.count > n / 2)
                return general(cols, opts); // generation
        }
        if (task === 'auto') {
            const distinct = new Set();
            lVals.forEach((v, c) => lUsed.used[c] && distinct.add(v));
            pVals.forEach((v, c) => pUsed.used[c] && distinct.add(v));
            task =
                distinct.size <= 2 && (proba.mode === 'none' || proba.mode === 'number') ? 'binary' : 'multiclass';
        }
    }
    if (task !== 'binary' && task !== 'multiclass' && task !== 'regression')
        return general(cols, opts);
    const ds = { task, n, ids: cols.ids, classes: [], numeric: {}, slices: {} };
    // ids: present (the readers require them) and unique.
    if (!idsUnique(cols.ids))
        return general(cols, opts);
    ds.numeric = cols.numericArrays();
    for (const [k, v] of cols.slices)
        ds.slices[k] = v;
    if (cols.cluster)
        ds.cluster = cols.cluster;
    if (task === 'regression') {
        if (kind !== 'number' || hasProba)
            return general(cols, opts);
        ds.yTrueNum = Float64Array.from(lCodes, (c) => lVals[c]);
        ds.yPredNum = Float64Array.from(pCodes, (c) => pVals[c]);
        return ds;
    }
    if (kind === undefined)
        return general(cols, opts);
    // Class universe: labels ∪ predictions (∪ config classes for multiclass with probabilities).
    let universe;
    let configOrder;
    if (task === 'multiclass' && hasProba && opts.classes !== undefined) {
        if (!Array.isArray(opts.classes) || opts.classes.length === 0)
            return general(cols, opts);
        configOrder = [];
        const set = new Set();
        for (const c of opts.classes) {
            const v = toClassValue(c, kind);
            if (v === undefined || set.has(v))
                return general(cols, opts);
            set.add(v);
            configOrder.push(v);
        }
        for (let c = 0; c < lVals.length; c++)
            if (lUsed.used[c] && !set.has(lVals[c]))
                return general(cols, opts);
        for (let c = 0; c < pVals.length; c++)
            if (pUsed.used[c] && !set.has(pVals[c]))
                return general(cols, opts);
        universe = configOrder.slice();
    }
    else {
        const distinct = new Set();
        lVals.forEach((v, c) => lUsed.used[c] && distinct.add(v));
        pVals.forEach((v, c) => pUsed.used[c] && distinct.add(v));
        universe = [...distinct];
    }
    universe.sort(compareScalars);
    const index = new Map();
    universe.forEach((v, i) => index.set(v, i));
    ds.classes = universe.map(String);
    const k = universe.length;
    const lMap = Int32Array.from(lVals, (v) => index.get(v) ?? -1);
    const pMap = Int32Array.from(pVals, (v) => index.get(v) ?? -1);
    const yTrue = new Int32Array(n);
    const yPred = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        yTrue[i] = lMap[lCodes[i]];
        yPred[i] = pMap[pCodes[i]];
    }
    ds.yTrue = yTrue;
    ds.yPred = yPred;
    if (task === 'binary') {
        if (k > 2)
            return general(cols, opts);
        let pos;
        if (opts.positiveLabel !== undefined && opts.positiveLabel !== null) {
            const v = toClassValue(opts.positiveLabel, kind);
            pos = v === undefined ? -1 : universe.findIndex((u) => u === v);
        }
        else {
            const cands = universe.map((v, i) => (isDefaultPositive(v) ? i : -1)).filter((i) => i >= 0);
            pos = cands.length === 1 ? cands[0] : -1;
        }
        if (pos < 0)
            return general(cols, opts);
        ds.posIndex = pos;
        if (hasProba) {
            if (proba.mode !== 'number')
                return general(cols, opts);
            const score = proba.block.data.subarray(0, n);
            for (let i = 0; i < n; i++)
                if (!(score[i] >= 0 && score[i] <= 1))
                    return general(cols, opts);
            ds.score = score;
        }
        return ds;
    }
    if (hasProba) {
        // Block column → class index.
        let colClass;
        if (proba.mode === 'map') {
            colClass = Int32Array.from(proba.keys, (key) => {
                const v = toClassValue(key, kind);
                return v === undefined ? -1 : (index.get(v) ?? -1);
            });
            // Two keys naming one class ("1" and "1.0") or an unknown key: the general path reports it.
            if (new Set(colClass).size !== colClass.length || colClass.some((c) => c < 0))
                return general(cols, opts);
        }
        else if (proba.mode === 'array') {
            if (!configOrder || proba.width !== configOrder.length)
                return general(cols, opts);
            colClass = Int32Array.from(configOrder, (v) => index.get(v));
        }
        else
            return general(cols, opts);
        const w = proba.width;
        const block = proba.block.data;
        const identity = w === k && colClass.every((c, j) => c === j);
        const out = identity ? block.subarray(0, n * k) : f64(n * k, true);
        for (let i = 0; i < n; i++) {
            const row = i * w;
            let sum = 0;
            for (let j = 0; j < w; j++) {
                let x = block[row + j];
                if (x !== x) {
                    if (proba.mode === 'array')
                        return general(cols, opts);
                    x = 0; // key absent on this row: probability 0, as buildDataset leaves it
                }
                else if (!(x >= 0 && x <= 1))
                    return general(cols, opts);
                if (!identity)
                    out[i * k + colClass[j]] = x;
                else
                    out[row + j] = x;
                sum += x;
            }
            if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE))
                return general(cols, opts);
        }
        // A view of the reader's block when it is sized close to the rows (columns.ts sizes it from the file
        // size); a trimmed copy only when much of it is spare, which would otherwise stay allocated.
        ds.proba = identity && out.length * 1.25 < block.length ? copyF64(out) : out;
    }
    return ds;
}
/** A trimmed copy, in shared memory when large (for the helper thread, stats/ovr-parallel.ts). */
function copyF64(a) {
    const c = f64(a.length, true);
    c.set(a);
    return c;
}

;// CONCATENATED MODULE: ./src/pipeline/corpus.ts
/**
 * Corpus-level metrics (F1, MCC, … over a whole task) recomputed from the per-document items a harness
 * wrote, so that they get a paired test instead of standing untested (docs/statistics.md).
 */

/**
 * Corpus columns from a reader's per-document `[gold, pred]` pairs, for the metrics evalgate can
 * aggregate (the metric name's part after `<task>/`, before `,<filter>`, as in CORPUS_AGGREGATIONS).
 */
function corpusOfPairs(pairs) {
    const out = {};
    for (const [name, col] of Object.entries(pairs ?? {})) {
        const metric = name.slice(name.indexOf('/') + 1).split(',')[0];
        const aggregation = CORPUS_AGGREGATIONS[metric];
        if (!aggregation)
            continue;
        out[name] = {
            ids: col.ids,
            gold: col.pairs.map((p) => p[0]),
            pred: col.pairs.map((p) => p[1]),
            aggregation,
        };
    }
    return out;
}
/**
 * Corpus-level metrics recomputed from per-document items (lm-eval `samples_*.jsonl`): the value
 * replaces the tool's own when the two agree; when they disagree (a custom aggregation evalgate does
 * not reproduce) or the metric is undefined for the items, the items are dropped with a note and the
 * tool's value stays, untested. Group metrics that are one subtask's metric (`sameAs`) share its items.
 * Returns notes; edits `corpus` and `aggregated` in place.
 */
function corpusMetrics(corpus, corpusFrom, aggregated, aggregatedFrom, sameAs) {
    const notes = [];
    for (const [name, col] of Object.entries(corpus)) {
        let value;
        try {
            value = corpusMetric(col.aggregation, col.gold, col.pred);
        }
        catch (e) {
            // The harness wrote items its own task code aggregates (e.g. label sequences beside single labels):
            // not bad input, but nothing evalgate can recompute, so the metric stays untested and says so.
            notes.push(`${name}: the per-document items in ${corpusFrom[name]} cannot be aggregated here (${e.message}); not tested`);
            delete corpus[name];
            continue;
        }
        const given = aggregated[name];
        const agrees = given?.value === null ||
            given?.value === undefined ||
            (value !== null && Math.abs(given.value - value) <= 1e-9 * Math.max(1, Math.abs(given.value)));
        if (value === null || !agrees) {
            notes.push(value === null
                ? `${name}: ${col.aggregation} is not defined for the per-document items in ${corpusFrom[name]}; not tested`
                : `${name}: the per-document items in ${corpusFrom[name]} give ${value}, not ${given.value}: the task aggregates them differently; not tested`);
            delete corpus[name];
            continue;
        }
        aggregated[name] = { value, n: col.ids.length, stderr: null, ci: null };
        aggregatedFrom[name] ??= corpusFrom[name];
    }
    for (const [alias, target] of Object.entries(sameAs)) {
        if (corpus[target] && !corpus[alias] && aggregated[alias]) {
            corpus[alias] = corpus[target];
            aggregated[alias] = { ...aggregated[target] };
        }
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/pipeline/examples.ts
/**
 * Sets `result.examples` to be built from `cols` when first read (serialising the result reads it): a
 * `metrics` run that saves nothing never materialises a million rows of example columns.
 */
function lazyExamples(result, cols, config) {
    Object.defineProperty(result, 'examples', {
        enumerable: true,
        configurable: true,
        get() {
            const value = cols.toExampleColumns(config.slices, !!config.cluster);
            Object.defineProperty(result, 'examples', {
                value,
                enumerable: true,
                writable: true,
                configurable: true,
            });
            return value;
        },
    });
}
/** Compact per-example columns of records (what an EvalResult stores for later pairing). */
function columnsOf(records, config) {
    const cols = {
        ids: records.map((r) => r.id),
        label: records.map((r) => r.label),
        prediction: records.map((r) => r.prediction),
    };
    if (records.some((r) => r.probabilities !== undefined))
        cols.probabilities = records.map((r) => r.probabilities ?? null);
    const numericNames = new Set();
    for (const r of records)
        for (const k of Object.keys(r.numeric))
            numericNames.add(k);
    if (numericNames.size) {
        cols.numeric = {};
        for (const k of numericNames)
            cols.numeric[k] = records.map((r) => (k in r.numeric ? r.numeric[k] : null));
    }
    if (config.slices.length) {
        cols.slices = {};
        for (const s of config.slices)
            cols.slices[s] = records.map((r) => r.slices[s]);
    }
    if (config.cluster)
        cols.cluster = records.map((r) => r.cluster ?? '');
    return cols;
}
/** Turns stored example columns back into records (to pair a baseline by id). */
function recordsFromColumns(cols, file) {
    const out = new Array(cols.ids.length);
    for (let i = 0; i < cols.ids.length; i++) {
        const numeric = {};
        if (cols.numeric)
            for (const [k, v] of Object.entries(cols.numeric))
                if (v[i] !== null && v[i] !== undefined)
                    numeric[k] = v[i];
        const slices = {};
        if (cols.slices)
            for (const [k, v] of Object.entries(cols.slices))
                slices[k] = v[i];
        const rec = {
            id: cols.ids[i],
            label: cols.label[i],
            prediction: cols.prediction[i],
            slices,
            numeric,
            source: { file, line: i + 1 },
        };
        const p = cols.probabilities?.[i];
        if (p !== null && p !== undefined)
            rec.probabilities = p;
        if (cols.cluster)
            rec.cluster = cols.cluster[i];
        out[i] = rec;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline.ts











/** Record mapping of a config. */
function mappingOf(config) {
    return {
        fields: config.fields,
        slices: config.slices,
        cluster: config.cluster,
        ignoreFields: config.ignoreFields,
        textFields: config.task === 'generation' ? [config.fields.label, config.fields.prediction] : [],
    };
}
/**
 * Reads every input file (folders expanded), each with the reader its content calls for, or the one
 * config `format:` names for its path; `side` picks the config `select:` of the baseline side. Streamed
 * per-example files share one `RecordColumns`, so an eval split over several JSONL files is pooled
 * without one object per row.
 */
async function readInputs(paths, config, side = 'current', progress) {
    if (paths.length === 0)
        throw new errors/* InputError */.dz('no input files given');
    const out = [];
    const mapping = mappingOf(config);
    const { baseline: baselineSelect, ...select } = config.select ?? {};
    const columns = new columns_RecordColumns();
    for (const f of expandInputPaths(paths)) {
        const ctx = {
            mapping,
            encoding: settingFor(config.encoding, f),
            select: side === 'baseline' && baselineSelect ? baselineSelect : select,
            columns,
            progress,
        };
        out.push(await readInputFile(f, ctx, settingFor(config.format, f)));
    }
    return out;
}
function computeOn(ds, config) {
    const mopts = metricOptionsOf(config);
    // The OvR AUC comes from its DeLong pass, and the means keep their spread: the error bars below reuse both.
    const points = computeMetrics(ds, { ...mopts, meanSpreads: true, ovrAuc: ovrAucWithVariance });
    return withErrorBars(ds, points, { metric: mopts, bootstrap: config.bootstrap, seed: config.seed });
}
function slicesOf(ds, config) {
    const out = {};
    for (const field of config.slices) {
        const values = ds.slices[field];
        if (!values)
            continue;
        const groups = new Map();
        values.forEach((v, i) => {
            let g = groups.get(v);
            if (!g)
                groups.set(v, (g = []));
            g.push(i);
        });
        out[field] = {};
        for (const v of [...groups.keys()].sort()) {
            const idx = groups.get(v);
            const sub = subsetDataset(ds, idx);
            out[field][v] = { n: idx.length, metrics: computeOn(sub, config) };
        }
    }
    return out;
}
/** Appends without spreading: a spread of a million records overflows the call stack. */
function append(to, from) {
    for (let i = 0; i < from.length; i++)
        to.push(from[i]);
}
/**
 * Combines read inputs into one EvalResult: per-example records (from JSONL/CSV and from EvalResults
 * that carry examples) are pooled and computed together; pre-aggregated metrics, per-example scores,
 * declared directions and pre-aggregated slices are merged — also those of a saved EvalResult that
 * carries examples, so that re-reading a result keeps all it held. A metric, score column or slice
 * field defined twice is an error rather than a silent overwrite.
 */
function computeResult(outputs, config, meta, progress) {
    const records = [];
    const aggregated = {};
    const aggregatedFrom = {};
    const directions = {};
    const aggSlices = {};
    const aggSlicesFrom = {};
    const recordFiles = [];
    let storedOptions;
    const addMetric = (name, mv, file) => {
        if (name in aggregated) {
            throw new errors/* InputError */.dz(`metric "${name}" is also defined in ${aggregatedFrom[name]}`, {
                file,
                field: name,
            });
        }
        aggregated[name] = mv;
        aggregatedFrom[name] = file;
    };
    const scores = {};
    const scoresFrom = {};
    const corpus = {};
    const corpusFrom = {};
    const sameAs = {};
    const addCorpus = (cols, file) => {
        for (const [name, col] of Object.entries(cols ?? {})) {
            if (name in corpus) {
                throw new errors/* InputError */.dz(`per-document items of "${name}" are also in ${corpusFrom[name]}`, {
                    file,
                    field: name,
                });
            }
            corpus[name] = col;
            corpusFrom[name] = file;
        }
    };
    const notes = [];
    const addScores = (cols, file) => {
        for (const [name, col] of Object.entries(cols)) {
            if (name in scores) {
                throw new errors/* InputError */.dz(`per-example scores of "${name}" are also in ${scoresFrom[name]}`, {
                    file,
                    field: name,
                });
            }
            scores[name] = col;
            scoresFrom[name] = file;
        }
    };
    const addSlices = (slices, file, skip) => {
        for (const [field, values] of Object.entries(slices ?? {})) {
            if (skip?.has(field))
                continue;
            if (field in aggSlices) {
                throw new errors/* InputError */.dz(`slice field "${field}" is also given in ${aggSlicesFrom[field]}`, {
                    file,
                    field: `slices.${field}`,
                });
            }
            aggSlices[field] = values;
            aggSlicesFrom[field] = file;
        }
    };
    const setup = [];
    const reportOnly = [];
    /**
     * What an EvalResult holds besides records: metrics (scored ones come back from their scores),
     * scores, directions, slices, eval setups and report-only names.
     */
    const addStored = (r, file, metricNames, recordSlices) => {
        for (const k of metricNames)
            if (!r.scores?.[k] && !r.corpus?.[k] && r.metrics[k])
                addMetric(k, r.metrics[k], file);
        if (r.scores)
            addScores(r.scores, file);
        addCorpus(r.corpus, file);
        Object.assign(directions, r.options?.directions ?? {});
        addSlices(r.slices, file, recordSlices);
        if (Array.isArray(r.setup))
            append(setup, r.setup);
        const ro = r.options?.report_only;
        if (Array.isArray(ro))
            append(reportOnly, ro);
    };
    // Streamed records: one shared column set (see readInputs); pooled with other records only when
    // other per-example inputs are present.
    const columnSets = [...new Set(outputs.flatMap((o) => (o.kind === 'columns' ? [o.columns] : [])))];
    const hasOtherExamples = outputs.some((o) => o.kind === 'records' || (o.kind === 'result' && (o.result.examples?.ids.length ?? 0) > 0));
    const fastColumns = columnSets.length === 1 && !hasOtherExamples ? columnSets[0] : undefined;
    const converted = new Set();
    for (const o of outputs) {
        if (o.setup)
            setup.push(o.setup);
        if (o.reportOnly)
            append(reportOnly, o.reportOnly);
        if (o.kind !== 'scores' && o.notes)
            notes.push(...o.notes);
        if (o.kind === 'meta')
            continue;
        if (o.kind === 'records') {
            append(records, o.records);
            recordFiles.push(o.file);
        }
        else if (o.kind === 'columns') {
            recordFiles.push(o.file);
            if (!fastColumns && !converted.has(o.columns)) {
                converted.add(o.columns);
                append(records, o.columns.toRecords());
            }
        }
        else if (o.kind === 'metrics') {
            for (const [k, v] of Object.entries(o.metrics))
                addMetric(k, v, o.file);
            Object.assign(directions, o.directions);
            Object.assign(sameAs, o.sameAs ?? {});
        }
        else if (o.kind === 'scores') {
            addScores(o.scores, o.file);
            for (const [k, v] of Object.entries(o.metrics ?? {}))
                addMetric(k, v, o.file);
            Object.assign(directions, o.directions ?? {});
            addCorpus(corpusOfPairs(o.pairs), o.file);
            notes.push(...o.notes);
        }
        else if (o.result.examples && o.result.examples.ids.length > 0) {
            // Its record metrics and record slices are computed again from the examples; what it held
            // pre-aggregated (listed in `options.preaggregated`) and its aggregate slices are kept.
            const ex = o.result.examples;
            append(records, recordsFromColumns(ex, o.file));
            recordFiles.push(o.file);
            storedOptions ??= o.result.options;
            const pre = o.result.options?.preaggregated;
            addStored(o.result, o.file, Array.isArray(pre) ? pre : [], new Set(Object.keys(ex.slices ?? {})));
        }
        else {
            addStored(o.result, o.file, Object.keys(o.result.metrics));
        }
    }
    // Scored metrics: per-example scores (paired tests later) win over the same metric pre-aggregated by
    // the tool (lm-eval writes both), as long as the two agree.
    for (const [name, col] of Object.entries(scores)) {
        const mv = scoreMetric(col.values);
        const given = aggregated[name];
        if (given) {
            if (given.value !== null &&
                mv.value !== null &&
                Math.abs(given.value - mv.value) > 1e-9 * Math.max(1, Math.abs(given.value))) {
                throw new errors/* InputError */.dz(`"${name}" is ${given.value} here but the per-sample scores in ${scoresFrom[name]} average ${mv.value}: are they from different runs?`, { file: aggregatedFrom[name], field: name });
            }
            delete aggregated[name];
        }
        aggregated[name] = mv;
        aggregatedFrom[name] = scoresFrom[name];
    }
    notes.push(...corpusMetrics(corpus, corpusFrom, aggregated, aggregatedFrom, sameAs));
    const sources = outputs.map((o) => ({ file: o.file, format: o.format }));
    const result = {
        schema: 'evalgate/eval-result',
        version: EVAL_RESULT_VERSION,
        task: 'aggregate',
        n: null,
        metrics: {},
        slices: aggSlices,
        sources,
    };
    if (meta)
        result.meta = meta;
    if (Object.keys(scores).length)
        result.scores = scores;
    if (Object.keys(corpus).length)
        result.corpus = corpus;
    if (notes.length)
        result.notes = notes;
    if (setup.length)
        result.setup = setup;
    let dataset;
    if (records.length > 0 || fastColumns) {
        const mopts = metricOptionsOf(config);
        if (storedOptions && config.task === 'auto' && typeof storedOptions.task === 'string')
            mopts.task = storedOptions.task;
        dataset = fastColumns ? datasetFromColumns(fastColumns, mopts) : buildDataset(records, mopts);
        result.task = dataset.task;
        result.n = dataset.n;
        progress?.update({
            stage: `computing metrics and error bars (${dataset.n.toLocaleString('en-US')} examples)`,
        });
        result.metrics = computeOn(dataset, config);
        const missing = missingValueNotes(dataset.numeric);
        if (missing.length)
            result.notes = [...(result.notes ?? []), ...missing];
        const recordSlices = slicesOf(dataset, config);
        for (const field of Object.keys(recordSlices)) {
            if (field in aggSlices) {
                throw new errors/* InputError */.dz(`slice field "${field}" is computed from the records of ${recordFiles.join(', ')} and also given pre-aggregated here`, { file: aggSlicesFrom[field], field: `slices.${field}` });
            }
        }
        result.slices = { ...aggSlices, ...recordSlices };
        if (fastColumns)
            lazyExamples(result, fastColumns, config);
        else
            result.examples = columnsOf(records, config);
        result.options = {
            task: dataset.task,
            positive_label: config.positiveLabel,
            classes: config.classes,
            top_k: config.topK,
            normalize: config.normalize,
        };
    }
    for (const [k, v] of Object.entries(aggregated)) {
        if (k in result.metrics) {
            throw new errors/* InputError */.dz(`metric "${k}" is both computed from records and given pre-aggregated`, {
                file: aggregatedFrom[k],
                field: k,
            });
        }
        result.metrics[k] = v;
    }
    if (Object.keys(directions).length)
        result.options = { ...(result.options ?? {}), directions };
    if (reportOnly.length)
        result.options = { ...(result.options ?? {}), report_only: reportOnly };
    // Which metrics came pre-aggregated (files, scores): the zero-config gate gates all of them.
    const pre = Object.keys(aggregated);
    if (pre.length && result.task !== 'aggregate')
        result.options = { ...(result.options ?? {}), preaggregated: pre };
    return { result, dataset };
}

/** Reads and computes the current run from paths. */
async function computeCurrent(paths, config, meta, progress) {
    return computeResult(await readInputs(paths, config, 'current', progress), config, meta, progress);
}
/**
 * Loads a baseline from a file or folder: an EvalResult is used as stored (its examples enable paired
 * tests); raw eval files are computed like the current run.
 */
async function loadBaseline(paths, config, progress) {
    const outputs = await readInputs(paths, config, 'baseline', progress);
    const results = outputs.filter((o) => o.kind === 'result');
    if (results.length === 1 && outputs.length === 1 && results[0].kind === 'result') {
        const stored = results[0].result;
        let dataset;
        if (stored.examples && stored.examples.ids.length > 0 && stored.task !== 'aggregate') {
            const mopts = metricOptionsOf(config);
            mopts.task = stored.task;
            const o = stored.options ?? {};
            if (o.positive_label !== undefined)
                mopts.positiveLabel = o.positive_label;
            if (Array.isArray(o.classes))
                mopts.classes = o.classes;
            dataset = buildDataset(recordsFromColumns(stored.examples, results[0].file), mopts);
        }
        return { result: stored, dataset };
    }
    return computeResult(outputs, config, undefined, progress);
}
/** Diagnoses a current result against a baseline (or none). */
function runGate(g) {
    return diagnose({
        current: g.current.result,
        baseline: g.baseline?.result ?? null,
        baselineInfo: g.baselineInfo,
        config: g.config,
        gateId: g.gateId,
        currentData: g.current.dataset,
        baselineData: g.baseline?.dataset,
        currentMeta: g.currentMeta,
    });
}


/***/ })

};
