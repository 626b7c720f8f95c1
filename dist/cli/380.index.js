export const id = 380;
export const ids = [380];
export const modules = {

/***/ 3380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   probeCommand: () => (/* binding */ probeCommand)
/* harmony export */ });
/* unused harmony exports EXIT_FITS, EXIT_NONE_FITS, probeCluster, probeUsage, renderProbe */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checks_api_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1566);
/* harmony import */ var _checks_headers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1215);
/* harmony import */ var _checks_kv_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8895);
/* harmony import */ var _checks_presets_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3576);
/* harmony import */ var _inputs_list_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4233);
/* harmony import */ var _inputs_servers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8697);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9997);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3578);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7485);
// `replicheck probe --servers …`: which API preset a running cluster speaks. Through each preset it writes one
// probe value on the first server and reads it back on every server; a preset fits when the write is acknowledged
// and every server returns the value. What each request answered is shown (status and a bounded, inert preview),
// so a cluster that fits none still says what it is. Bounded: each request by --request-timeout, the whole probe
// by --timeout. The only key ever written is the probe key (one value per preset); nothing is deleted.










const EXIT_FITS = 0;
const EXIT_NONE_FITS = 1;
/** Tried in this order; a preset added later is tried after these. etcd-v3 before v2: v2 is gone in etcd 3.6. */
const ORDER = ['kv', 'etcd-v3', 'etcd-v2'];
const POLL_MS = 100;
function presetOrder() {
    const rank = (p) => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length);
    return [..._checks_presets_index_js__WEBPACK_IMPORTED_MODULE_4__/* .PRESET_NAMES */ .dO].sort((a, b) => rank(a) - rank(b));
}
/** Probes every preset; `key` is the probe key (random per run unless a test fixes it). */
async function probeCluster(http, options, key = `replicheck-probe-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`) {
    const deadline = AbortSignal.timeout(options.deadlineMs);
    const presets = [];
    for (const api of presetOrder()) {
        if (deadline.aborted) {
            presets.push({ api, fits: false, why: 'not tried: the whole probe ran out of time (--timeout)', reads: [] });
            continue;
        }
        presets.push(await probePreset(http, api, options, key, deadline));
    }
    const fits = presets.filter((p) => p.fits).map((p) => p.api);
    const result = {
        key,
        servers: options.servers.map((s) => s.url),
        presets,
        fits,
        ...(fits[0] !== undefined ? { recommended: fits[0] } : {}),
    };
    return result;
}
function adapterOf(api, headers) {
    const problems = [];
    const raw = (0,_inputs_list_js__WEBPACK_IMPORTED_MODULE_5__/* .readRawInputs */ .yI)((name) => (name === 'api' ? api : name === 'headers' ? headers : undefined));
    const kv = (0,_checks_api_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAdapter */ .be)(raw, (_input, message) => void problems.push(message));
    // The presets are ours and headers were checked already: a problem here is a bug, not an input.
    if (problems.length > 0)
        throw new Error(`preset ${api}: ${problems.join(' ')}`);
    return kv;
}
function answerOf(server, request, outcome, matched) {
    const seen = (0,_checks_kv_api_js__WEBPACK_IMPORTED_MODULE_3__/* .observe */ .lB)(outcome);
    return {
        server,
        request,
        answer: (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .oneLine */ .TN)((0,_checks_kv_api_js__WEBPACK_IMPORTED_MODULE_3__/* .describeObservation */ .C3)(seen)).slice(0, 160),
        ...(seen.status !== undefined ? { status: seen.status } : {}),
        ...(matched !== undefined ? { matched } : {}),
    };
}
async function probePreset(http, api, options, key, deadline) {
    const kv = adapterOf(api, options.headers);
    const store = (0,_checks_kv_api_js__WEBPACK_IMPORTED_MODULE_3__/* .httpKvApi */ .Yt)(http, { kv, readyPath: undefined, requestTimeoutMs: options.requestTimeoutMs, valueFormat: 'text' });
    const value = `${key}-${api}`;
    const first = options.servers[0].url;
    const written = await store.write(first, key, value, deadline);
    const write = answerOf(first, `${kv.writeMethod} ${kv.writePath}`, written.outcome);
    const readRequest = `${kv.readMethod} ${kv.readPath}`;
    if (!written.acked) {
        // One read each all the same: what the servers answer on this API's read path says something too.
        const reads = await Promise.all(options.servers.map(async (s) => answerOf(s.url, readRequest, (await store.read(s.url, key, deadline)).outcome)));
        return { api, fits: false, why: `the write was not acknowledged (${write.answer})`, write, reads };
    }
    const reads = await readBack(store, options, key, value, readRequest, deadline);
    const matched = reads.filter((r) => r.matched).length;
    const fits = matched === reads.length;
    const seconds = options.convergenceMs / 1000;
    const why = fits
        ? `written and read back on every server (${matched} of ${reads.length})`
        : `written, but read back on ${matched} of ${reads.length} servers within ${seconds} s`;
    return { api, fits, why, write, reads };
}
/** Reads the key on every server until each returns the value, or the convergence time (or the deadline) is over. */
async function readBack(store, options, key, value, request, deadline) {
    const until = performance.now() + options.convergenceMs;
    const want = Buffer.from(value, 'utf8');
    return Promise.all(options.servers.map(async (s) => {
        for (;;) {
            const read = await store.read(s.url, key, deadline);
            const matched = read.value != null && read.value.equals(want);
            if (matched || deadline.aborted || performance.now() + POLL_MS >= until)
                return answerOf(s.url, request, read.outcome, matched);
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
    }));
}
const OPTIONS = {
    servers: { type: 'string', multiple: true },
    headers: { type: 'string' },
    'request-timeout': { type: 'string' },
    'convergence-timeout': { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
const DEFAULTS = { requestTimeoutS: 5, convergenceS: 5, timeoutS: 60 };
const OPTION_ROWS = [
    ['--servers URL', 'the base URLs of the nodes, comma-separated or the flag given again (as the servers input; required)'],
    ['--headers VALUE', 'headers sent with every request, as the headers input (secret: prefer an environment variable)'],
    ['--request-timeout S', `seconds one request may take (default ${DEFAULTS.requestTimeoutS})`],
    ['--convergence-timeout S', `seconds a written value may take to reach every server (default ${DEFAULTS.convergenceS})`],
    ['--timeout S', `seconds the whole probe may take, every preset included (default ${DEFAULTS.timeoutS})`],
    ['--json', 'print the result as JSON (what each request answered included)'],
    ['-h, --help', 'this help'],
];
function probeUsage(width = _layout_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_WIDTH */ .jz) {
    return `Usage: replicheck probe --servers URL[,URL...] [options]

Examples:
  replicheck probe --servers http://localhost:8080,http://localhost:8082,http://localhost:8084
  replicheck probe --servers http://10.0.0.1:2379 --servers http://10.0.0.2:2379 --json

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`Finds which API preset (the api input: ${presetOrder().join(', ')}) a running cluster speaks. Through each preset it writes ` +
        'one probe value on the first server and reads it back on every server; a preset fits when the write is acknowledged and ' +
        'every server returns the value. It prints what each request answered (the status and a short preview), so a cluster that ' +
        'fits none still shows what it said.', width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)('What it leaves: one key, replicheck-probe-<random>, holding the value of the last preset that wrote it; nothing else is ' +
        'written, and nothing is deleted. Each request names only that key. It never starts or stops anything.', width)}

Options:
${(0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .table */ .tp)(OPTION_ROWS, width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`Exit status: 0 a preset fits, 1 none fits, ${_usage_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT_USAGE */ .Ri} bad usage or bad input (the same status as every command).`, width)}
`;
}
function seconds(flag, text, fallback, max) {
    if (text === undefined)
        return fallback * 1000;
    const v = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
    if (!(v > 0 && v <= max))
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_7__/* .badValue */ .tm)(flag, text, 'is not a number of seconds', `use a positive number up to ${max}, e.g. ${fallback}`);
    return Math.round(v * 1000);
}
function parseProbeArgs(argv) {
    const { values } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCommandLine */ .Du)('probe', argv, OPTIONS, false);
    if (values.help)
        return 'help';
    const problems = [];
    const text = (values.servers ?? []).join('\n');
    if (text.trim() === '')
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb('--servers is required: replicheck probe --servers URL[,URL...].');
    const servers = (0,_inputs_servers_js__WEBPACK_IMPORTED_MODULE_6__/* .parseServers */ ._)(text, (message, fix) => void problems.push(`--servers: ${message} ${fix}`));
    const headers = values.headers ?? '';
    (0,_checks_headers_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHeaders */ .QG)(headers, (_input, message, fix) => void problems.push(`--headers: ${message} ${fix}`));
    if (problems.length > 0)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb(problems.join('\n'));
    return {
        json: values.json ?? false,
        options: {
            servers,
            headers,
            requestTimeoutMs: seconds('request-timeout', values['request-timeout'], DEFAULTS.requestTimeoutS, 300),
            convergenceMs: seconds('convergence-timeout', values['convergence-timeout'], DEFAULTS.convergenceS, 600),
            deadlineMs: seconds('timeout', values.timeout, DEFAULTS.timeoutS, 3600),
        },
    };
}
async function probeCommand(argv, io) {
    let parsed;
    try {
        parsed = parseProbeArgs(argv);
    }
    catch (error) {
        if (!(error instanceof _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb))
            throw error;
        io.stderr.write((0,_usage_js__WEBPACK_IMPORTED_MODULE_7__/* .usageLine */ .U0)('probe', error.message));
        return _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .EXIT_USAGE */ .Ri;
    }
    if (parsed === 'help') {
        io.stdout.write(probeUsage((0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .textWidth */ .sc)(io.stdout, io.env)));
        return EXIT_FITS;
    }
    const { options, json } = parsed;
    const n = options.servers.length;
    io.stderr.write(`Probing ${n} server${n === 1 ? '' : 's'}: ${presetOrder().length} presets, at most ${options.deadlineMs / 1000} s…\n`);
    const { createHttpClient } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 3329));
    const http = createHttpClient({ bodyCap: 64 * 1024 });
    let result;
    try {
        result = await probeCluster(http, options);
    }
    finally {
        await http.close();
    }
    io.stdout.write(json ? `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .inertJson */ .nl)(result, 2)}\n` : renderProbe(result, (0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .textWidth */ .sc)(io.stdout, io.env)));
    return result.fits.length > 0 ? EXIT_FITS : EXIT_NONE_FITS;
}
/** The result as text: one block per preset (its verdict, then every request and its answer), then the advice. */
function renderProbe(result, width = _layout_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_WIDTH */ .jz) {
    const out = [
        (0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`Probe key ${result.key}: one write per preset on ${result.servers[0]}, read back on ${result.servers.length} server(s).`, width),
        '',
    ];
    for (const p of result.presets) {
        out.push((0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`${p.api}: ${p.fits ? 'FITS' : 'does not fit'}: ${p.why}`, width, 0, true));
        const requests = [...(p.write ? [['write', p.write]] : []), ...p.reads.map((r) => ['read', r])];
        for (const [kind, r] of requests) {
            const note = r.matched === false ? ' (not the probe value)' : '';
            out.push((0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`${kind} ${r.request} on ${r.server}: ${r.answer}${note}`, width, 4, true));
        }
        out.push('');
    }
    if (result.recommended !== undefined) {
        const also = result.fits.length > 1 ? ` (${result.fits.join(', ')} all fit; ${result.recommended} is the first of them)` : '';
        out.push((0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)(`Use api: ${result.recommended} (the action's input) or --api ${result.recommended} (replicheck run)${also}.`, width));
    }
    else {
        out.push((0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .paragraph */ .FY)('No preset fits. If every request was refused or timed out, check the URLs and that the cluster runs. If the API answered ' +
            'but not as a preset does, describe it with the api inputs (key-path, write-method, write-body, read-value, ...: ' +
            'replicheck run --help) or an adapter module.', width));
    }
    return `${out.join('\n')}\n`;
}


/***/ })

};
