export const id = 954;
export const ids = [954];
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


/***/ })

};
