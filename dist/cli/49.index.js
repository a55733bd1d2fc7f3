export const id = 49;
export const ids = [49];
export const modules = {

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
