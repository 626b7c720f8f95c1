export const id = 868;
export const ids = [868];
export const modules = {

/***/ 6868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   processExec: () => (/* binding */ processExec)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
// Runs external programs (docker, docker compose). node:child_process is used directly rather than @actions/exec
// because a hung Docker daemon must not hang the step: every call needs a deadline, a kill on cancel, and output
// captured up to a cap instead of echoed (container output is untrusted and may be unbounded).

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
class BoundedBuffer {
    max;
    chunks = [];
    kept = 0;
    truncated = false;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        const room = this.max - this.kept;
        if (room <= 0) {
            this.truncated = true;
            return;
        }
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (part !== chunk)
            this.truncated = true;
        this.chunks.push(part);
        this.kept += part.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
const processExec = {
    run(file, args, options = {}) {
        const started = performance.now();
        return new Promise((resolve) => {
            const out = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
            const err = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
            let timedOut = false;
            let settled = false;
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], {
                cwd: options.cwd,
                env: options.env ? { ...process.env, ...options.env } : process.env,
                stdio: ['ignore', 'pipe', 'pipe'],
                // Its own process group: a Ctrl-C in a terminal reaches only Replicheck, which then stops what it started
                // in order (heal, then tear down) instead of Compose being interrupted halfway through.
                detached: true,
            });
            const kill = () => {
                if (child.exitCode === null && child.signalCode === null)
                    child.kill('SIGKILL');
            };
            const timer = options.timeoutMs
                ? setTimeout(() => {
                    timedOut = true;
                    kill();
                }, options.timeoutMs)
                : undefined;
            const onAbort = () => kill();
            options.signal?.addEventListener('abort', onAbort, { once: true });
            const finish = (code, startError) => {
                if (settled)
                    return;
                settled = true;
                if (timer)
                    clearTimeout(timer);
                options.signal?.removeEventListener('abort', onAbort);
                resolve({
                    code,
                    stdout: out.text(),
                    stderr: err.text(),
                    truncated: out.truncated || err.truncated,
                    timedOut,
                    ...(startError ? { startError } : {}),
                    durationMs: performance.now() - started,
                });
            };
            child.stdout.on('data', (c) => out.push(c));
            child.stderr.on('data', (c) => err.push(c));
            child.on('error', (e) => finish(null, e.code ?? e.message));
            child.on('close', (code) => finish(code));
            if (options.signal?.aborted)
                kill();
        });
    },
};


/***/ })

};
