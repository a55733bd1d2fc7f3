export const id = 970;
export const ids = [970];
export const modules = {

/***/ 5970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalPathBaselineSource: () => (/* binding */ LocalPathBaselineSource)
/* harmony export */ });
/** A baseline from local files or folders (`baseline-path`, or the CLI's `--baseline`). */
class LocalPathBaselineSource {
    paths;
    load;
    reason;
    constructor(paths, load, reason) {
        this.paths = paths;
        this.load = load;
        this.reason = reason;
    }
    async find() {
        return {
            ...(await this.load(this.paths)),
            info: { source: 'path', path: this.paths.join(', '), reason: this.reason },
        };
    }
}


/***/ })

};
