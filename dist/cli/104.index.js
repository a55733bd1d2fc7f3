export const id = 104;
export const ids = [104];
export const modules = {

/***/ 5104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderJson: () => (/* binding */ renderJson),
/* harmony export */   serializeResult: () => (/* binding */ serializeResult)
/* harmony export */ });
/** The machine-readable report (the `Report` type; docs/design.md, "Data flow"). */
function renderJson(report) {
    return JSON.stringify(report, null, 2) + '\n';
}
/** Serialises an EvalResult (the artifact later runs use as baseline). */
function serializeResult(result) {
    return JSON.stringify(result) + '\n';
}


/***/ })

};
