export const id = 125;
export const ids = [125];
export const modules = {

/***/ 8125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectEngineApi: () => (/* binding */ connectEngineApi),
/* harmony export */   engineSocket: () => (/* binding */ engineSocket),
/* harmony export */   verbPath: () => (/* binding */ verbPath)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
// The Docker Engine API over its unix socket, for the lifecycle faults. A Compose CLI process takes a few hundred
// milliseconds to start before it sends anything, and a fault that lands that long after the last write it raced
// misses what it is for (a write acknowledged and not yet persisted); one HTTP request on the socket takes a few
// milliseconds. Used only where the socket answers; everything else (and every other Docker use) stays on the CLI.

const SECOND = 1000;
/** How long one verb may take: a stop waits inside the engine for the container's own stop timeout. */
const VERB_TIMEOUT_MS = 120 * SECOND;
/** Verbs on several containers at once (a group fault) go out together, not one after another on one connection. */
const CONNECTIONS = 16;
/**
 * The socket DOCKER_HOST names (unix://PATH), or the default one; undefined when DOCKER_HOST points elsewhere (tcp,
 * ssh): then the CLI, which knows how to reach it, does everything.
 */
function engineSocket(env) {
    const host = env.DOCKER_HOST?.trim();
    if (!host)
        return '/var/run/docker.sock';
    return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}
/**
 * The path and query of one verb (pure, so the exact requests are tested). A stop or restart names no timeout, so
 * the engine uses the container's own, which Compose set from the service's `stop_grace_period`.
 */
function verbPath(id, verb) {
    return `/containers/${encodeURIComponent(id)}/${verb}${verb === 'kill' ? '?signal=SIGKILL' : ''}`;
}
/** Connects when the engine answers `/info` on the socket within two seconds; else undefined (use the CLI). */
async function connectEngineApi(socketPath) {
    if (!socketPath)
        return undefined;
    const client = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Pool */ .bC('http://docker', { socketPath, connections: CONNECTIONS, connect: { timeout: 2 * SECOND } });
    let daemonId;
    try {
        const r = await client.request({ path: '/info', method: 'GET', headersTimeout: 2 * SECOND, bodyTimeout: 2 * SECOND });
        const info = (await r.body.json());
        if (r.statusCode !== 200 || typeof info.ID !== 'string')
            throw new Error(`/info answered ${r.statusCode}`);
        daemonId = info.ID;
    }
    catch {
        await client.destroy().catch(() => undefined);
        return undefined;
    }
    return {
        daemonId,
        async containerVerb(id, verb) {
            const what = `docker engine API ${verb} ${id.slice(0, 12)}`;
            try {
                const timeout = VERB_TIMEOUT_MS;
                const r = await client.request({ path: verbPath(id, verb), method: 'POST', headersTimeout: timeout, bodyTimeout: timeout });
                const text = (await r.body.text()).slice(0, 500);
                const ok = r.statusCode === 204 || r.statusCode === 304;
                return ok ? { ok, detail: what } : { ok, detail: `${what} answered ${r.statusCode}: ${text.trim()}` };
            }
            catch (error) {
                return { ok: false, detail: `${what} failed: ${error.message}` };
            }
        },
        close: () => client.destroy(),
    };
}


/***/ })

};
