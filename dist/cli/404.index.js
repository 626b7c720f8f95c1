export const id = 404;
export const ids = [404];
export const modules = {

/***/ 9404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fileHistorySink: () => (/* binding */ fileHistorySink),
/* harmony export */   historyPaths: () => (/* binding */ historyPaths)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4944);
/* harmony import */ var _report_page_history_page_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4146);
// Where the workload history is written: next to the JSON report, as the checker's own JSON form and as Jepsen
// EDN op maps (keys as `[key value]` tuples, the form jepsen.independent hands to Knossos per key).




/** `report.json` -> `report.history.json`, `report.history.edn` and the page, `report.history.html`. */
function historyPaths(reportPath) {
    const base = reportPath.replace(/\.json$/i, '');
    return { json: `${base}.history.json`, edn: `${base}.history.edn`, html: `${base}.history.html` };
}
function fileHistorySink(reportPath, title = 'Replicheck workload history') {
    return async (history, results, consistency, models) => {
        const paths = historyPaths(reportPath);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(paths.json), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(paths.json, (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .historyToJson */ .Ad)(history));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(paths.edn, (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .toEdn */ .D5)(history, { keys: 'independent' }));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(paths.html, (0,_report_page_history_page_js__WEBPACK_IMPORTED_MODULE_3__/* .renderHistoryPage */ .cZ)({ title, history, consistency, results, ...(models ? { models } : {}) }));
        return paths;
    };
}


/***/ })

};
