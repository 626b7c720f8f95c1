export const id = 242;
export const ids = [242];
export const modules = {

/***/ 2242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectProbe: () => (/* binding */ connectProbe),
/* harmony export */   isListening: () => (/* binding */ isListening)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// Is something already listening on a port? Asked before `compose up`, so a port taken by another program is
// reported as that, instead of as a cluster that answers with somebody else's data.

function isListening(host, port, timeoutMs = 500) {
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        const done = (answer) => {
            socket.destroy();
            resolve(answer);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
// Docker's userland proxy accepts a connection on a published port as soon as the container runs, and closes it
// at once when nothing listens inside yet: a connection that stays open this long is taken as a server's.
const SETTLE_MS = 150;
/**
 * Readiness of a node no HTTP request can ask (a non-HTTP server, adapter without `ready`): a TCP connection to
 * host:port that is accepted and not closed straight away. The answer has the shape of an HTTP outcome (status 200,
 * empty body) so the same serving rules apply.
 */
function connectProbe(host, port, timeoutMs, signal) {
    const started = performance.now();
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        let settled = false;
        const done = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(settle);
            signal?.removeEventListener('abort', onAbort);
            socket.destroy();
            const durationMs = performance.now() - started;
            resolve(error === undefined
                ? { ok: true, status: 200, body: Buffer.alloc(0), truncated: false, durationMs }
                : { ok: false, error, durationMs });
        };
        let settle;
        const onAbort = () => done('aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted)
            return done('aborted');
        socket.setTimeout(timeoutMs, () => done('timeout'));
        socket.once('connect', () => {
            settle = setTimeout(() => done(), SETTLE_MS);
        });
        socket.once('close', () => done('connection closed'));
        socket.once('error', (e) => done(e.code === 'ECONNREFUSED'
            ? 'connection refused'
            : e.code === 'ECONNRESET'
                ? 'connection reset'
                : (e.code ?? e.message).toLowerCase()));
    });
}


/***/ })

};
