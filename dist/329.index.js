export const id = 329;
export const ids = [329];
export const modules = {

/***/ 3329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_BODY_CAP: () => (/* binding */ DEFAULT_BODY_CAP),
/* harmony export */   createHttpClient: () => (/* binding */ createHttpClient)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
// The HTTP edge. Every request has a deadline, redirects are never followed (a node that redirects is answering
// with a redirect, not with the value), and bodies are read only up to a cap so a hostile server cannot exhaust
// memory. Bodies stay bytes: comparison is byte for byte.

const DEFAULT_BODY_CAP = 1024 * 1024;
function describeError(error, timedOut) {
    if (timedOut)
        return 'timeout';
    const e = error;
    // A DOMException (an aborted signal's reason) has a numeric code: only Node's string codes name a cause.
    const code = [e?.code, e?.cause?.code].find((c) => typeof c === 'string');
    if (e?.name === 'TimeoutError')
        return 'timeout';
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused';
        case 'ECONNRESET':
        case 'UND_ERR_SOCKET':
            return 'connection reset';
        case 'UND_ERR_CONNECT_TIMEOUT':
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
            return 'timeout';
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'host not found';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return 'host unreachable';
        default:
            if (e?.name === 'AbortError')
                return 'aborted';
            return code ? code.toLowerCase() : (e?.message ?? 'request failed').slice(0, 200);
    }
}
function createHttpClient(options = {}) {
    const cap = options.bodyCap ?? DEFAULT_BODY_CAP;
    // Short keep-alive: nodes restart under us, and a pooled socket to a dead container only costs a retry.
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ keepAliveTimeout: 2000, keepAliveMaxTimeout: 5000, connections: 16, pipelining: 1 });
    return {
        async send(req) {
            const started = performance.now();
            const deadline = AbortSignal.timeout(req.timeoutMs);
            const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
            try {
                const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(req.url, {
                    method: req.method,
                    ...(req.body !== undefined ? { body: req.body } : {}),
                    headers: req.headers ?? {},
                    dispatcher: agent,
                    signal,
                    headersTimeout: req.timeoutMs,
                    bodyTimeout: req.timeoutMs,
                });
                const chunks = [];
                let kept = 0;
                let truncated = false;
                for await (const chunk of res.body) {
                    const room = cap - kept;
                    if (chunk.length > room) {
                        chunks.push(chunk.subarray(0, room));
                        kept = cap;
                        truncated = true;
                        break;
                    }
                    chunks.push(chunk);
                    kept += chunk.length;
                }
                // Leaving the loop early does not always release the socket; destroy so the rest is never read.
                if (truncated)
                    res.body.destroy();
                return { ok: true, status: res.statusCode, body: Buffer.concat(chunks, kept), truncated, durationMs: performance.now() - started };
            }
            catch (error) {
                return { ok: false, error: describeError(error, deadline.aborted), durationMs: performance.now() - started };
            }
        },
        async close() {
            await agent.close().catch(() => undefined);
        },
    };
}


/***/ })

};
