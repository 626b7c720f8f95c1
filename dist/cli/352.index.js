export const id = 352;
export const ids = [352];
export const modules = {

/***/ 7387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkHistoryCommand: () => (/* binding */ checkHistoryCommand)
/* harmony export */ });
/* unused harmony exports EXIT_LINEARIZABLE, EXIT_NOT_LINEARIZABLE, EXIT_UNKNOWN, EXIT_BAD_INPUT, DEFAULT_MAX_INPUT_BYTES, checkHistoryUsage */
/* harmony import */ var _consistency_ladder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3851);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _report_page_history_page_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4146);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8463);
/* harmony import */ var _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4944);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7485);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3578);
// `replicheck check-history FILE`: checks a recorded history for linearizability.
// Exit codes: 0 linearizable, 1 not linearizable, 2 unknown (a budget ran out), 3 bad input or usage.
// Everything it does is bounded: the input by --max-input (read as a stream, refused past the cap), what parsing
// and the search hold by --max-memory, reading, parsing and checking together by --timeout; and whatever the
// history holds is printed through one escaping.








const EXIT_LINEARIZABLE = 0;
const EXIT_NOT_LINEARIZABLE = 1;
const EXIT_UNKNOWN = 2;
/** A history that cannot be read or parsed; the same status as bad usage. */
const EXIT_BAD_INPUT = _usage_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT_USAGE */ .Ri;
const FORMATS = ['auto', 'json', 'edn', 'jepsen-log'];
const ALGORITHMS = ['auto', 'search', 'unique'];
const DEFAULT_TIMEOUT_S = 60;
/** The largest input read by default: about ten million operations of any format. */
const DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
const MAX_KEYS_SHOWN = 20;
const READ_CHUNK = 8 * 1024 * 1024;
const OPTION_ROWS = [
    ['--model register|cas-register|kv', "the model (default: the file's, else inferred from the operations)"],
    ['--format auto|json|edn|jepsen-log', 'the input format (default: auto)'],
    ['--initial VALUE', 'the value every key holds at the start (JSON: 0, null, "x"; default: null, or "" for kv histories in EDN)'],
    ['--independent', 'EDN: values are [key value] tuples (jepsen.independent)'],
    [
        '--timeout S',
        `give up after S seconds with verdict unknown, reading and parsing included (default ${DEFAULT_TIMEOUT_S}; 0 = no limit)`,
    ],
    ['--all-keys', 'keep checking the other keys after one fails'],
    [
        '--algorithm auto|search|unique',
        'auto (default): keys whose written values are unique are decided without search (near-linear time); others by search. ' +
            'search/unique force one.',
    ],
    ['--html OUT', 'also write the history page (one self-contained HTML file) to OUT'],
    ['--max-input SIZE', 'the largest input read, e.g. 64M, 2G (default 1G); past it: bad input'],
    ['--max-memory SIZE', 'memory the parsed history and the search may take, e.g. 512M, 2G (default 1G); past it: unknown'],
    [
        '--models',
        'also check every model of the consistency ladder (session guarantees, causal, sequential; clients are the ' +
            "history's processes) and print each verdict; eventual needs the nodes' final values and is not judged",
    ],
    ['--json', 'print the result as JSON'],
    ['-h, --help', 'show this help'],
];
/** The help, wrapped to `width`. */
function checkHistoryUsage(width = _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_WIDTH */ .jz) {
    return `Usage: replicheck check-history FILE [options]

Examples:
  replicheck check-history report.history.json
  replicheck check-history history.edn --model cas-register --html page.html
  replicheck check-history - --format jepsen-log --timeout 10 < jepsen.log

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .paragraph */ .FY)('Checks a history of operations on a register, a compare-and-set register or a key-value store for linearizability. ' +
        "FILE is the action's JSON history, Jepsen EDN op maps or Jepsen log lines ('-' reads stdin).", width)}

Options:
${(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .table */ .tp)(OPTION_ROWS, width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .paragraph */ .FY)("A value that starts with '-' is written with '=': --initial=-1.", width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .paragraph */ .FY)(`Exit status: 0 linearizable, 1 not linearizable, 2 unknown (time or memory budget ran out), ${_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT_USAGE */ .Ri} bad usage or input ` +
        '(the same status for bad input as every command of replicheck). ' +
        'See docs/history-format.md for the formats and the semantics of :fail, :info and nil reads.', width)}
`;
}
const OPTIONS = {
    model: { type: 'string' },
    format: { type: 'string' },
    initial: { type: 'string' },
    independent: { type: 'boolean' },
    timeout: { type: 'string' },
    'all-keys': { type: 'boolean' },
    algorithm: { type: 'string' },
    html: { type: 'string' },
    'max-input': { type: 'string' },
    'max-memory': { type: 'string' },
    json: { type: 'boolean' },
    models: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
function parseCheckHistoryArgs(argv) {
    const { values, positionals } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandLine */ .Du)('check-history', argv, OPTIONS, true);
    if (values.help)
        return 'help';
    const args = {
        format: oneOf('format', values.format ?? 'auto', FORMATS, 'a format'),
        independent: values.independent ?? false,
        timeoutS: values.timeout === undefined ? DEFAULT_TIMEOUT_S : seconds(values.timeout),
        allKeys: values['all-keys'] ?? false,
        json: values.json ?? false,
        models: values.models ?? false,
        algorithm: oneOf('algorithm', values.algorithm ?? 'auto', ALGORITHMS, 'an algorithm'),
        maxMemoryBytes: values['max-memory'] === undefined ? _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MAX_MEMORY_BYTES */ .df : size(values['max-memory']),
        maxInputBytes: values['max-input'] === undefined ? DEFAULT_MAX_INPUT_BYTES : inputSize(values['max-input']),
        ...(values.model !== undefined ? { model: oneOf('model', values.model, _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .MODEL_NAMES */ .BQ, 'a model') } : {}),
        ...(values.initial !== undefined ? { initialValue: parseInitial(values.initial) } : {}),
        ...(values.html !== undefined ? { html: values.html } : {}),
    };
    const [file, extra] = positionals;
    if (file === undefined)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb('A history FILE is required: replicheck check-history FILE [options].');
    if (extra !== undefined)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb(`Unexpected argument '${extra}': check-history checks one FILE at a time.`);
    return { ...args, file };
}
function oneOf(flag, value, choices, what) {
    if (choices.includes(value))
        return value;
    throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .badValue */ .tm)(flag, value, `is not ${what}`, `use one of ${choices.join(', ')}`);
}
function seconds(text) {
    const v = Number(text);
    // Number('') is 0, which would quietly mean "no limit".
    if (text.trim() === '' || !Number.isFinite(v) || v < 0) {
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .badValue */ .tm)('timeout', text, 'is not a number of seconds', 'use e.g. --timeout 30, or 0 for no limit');
    }
    return v;
}
function size(text) {
    const v = (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSize */ .DB)(text);
    if (v === undefined)
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .badValue */ .tm)('max-memory', text, 'is not a size', 'use e.g. 512M or 2G (at least 16M)');
    return v;
}
/** A byte count for --max-input: any size from one byte (tests and small pipes) to what one buffer can hold. */
function inputSize(text) {
    const m = /^(\d{1,12}(?:\.\d{1,6})?) ?([KMGT]?)(?:i?B)?$/i.exec(text.trim());
    const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[(m?.[2] ?? '').toUpperCase()] ?? 1;
    const v = m ? Math.floor(Number(m[1]) * unit) : NaN;
    const most = node_buffer__WEBPACK_IMPORTED_MODULE_1__.constants.MAX_LENGTH;
    if (!(v >= 1 && v <= most)) {
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .badValue */ .tm)('max-input', text, 'is not a size', `use e.g. 64M or 2G (from 1 byte to ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(most)})`);
    }
    return v;
}
/** A JSON literal when it is one (0, null, "x"), else the text itself as a string. */
function parseInitial(text) {
    try {
        const v = JSON.parse(text);
        if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
            return v;
    }
    catch {
        // not JSON: a bare string
    }
    return text;
}
/** The input was longer than --max-input: refused, not cut (a history cut short would be checked as if whole). */
class InputTooLarge extends Error {
}
function tooLarge(maxBytes, size) {
    const what = size === undefined ? `more than ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(maxBytes)}` : `${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(size)}`;
    return new InputTooLarge(`the input is ${what}, over --max-input (${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(maxBytes)}); raise --max-input to check it`);
}
/** The input's bytes, never more than `maxBytes`; a regular file over the cap is refused before it is read. */
async function readInput(file, maxBytes, budget, stdin) {
    if (file === '-')
        return readStream(stdin, maxBytes, budget);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(file, 'r');
    try {
        const stat = await handle.stat();
        if (!stat.isFile())
            return await readStream(handle.createReadStream({ autoClose: false }), maxBytes, budget);
        if (stat.size > maxBytes)
            throw tooLarge(maxBytes, stat.size);
        return await readFileBounded(handle, stat.size, maxBytes, budget);
    }
    finally {
        await handle.close();
    }
}
/** A regular file read into one buffer of its size; if it grew since, what follows is read under the same cap. */
async function readFileBounded(handle, size, maxBytes, budget) {
    const buffer = node_buffer__WEBPACK_IMPORTED_MODULE_1__.Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
        const { bytesRead } = await handle.read(buffer, at, Math.min(READ_CHUNK, size - at), at);
        if (bytesRead === 0)
            break;
        at += bytesRead;
        budget.checkTime('reading the history');
    }
    const rest = await readStream(handle.createReadStream({ start: at, autoClose: false }), maxBytes - at, budget);
    return rest.length === 0 ? buffer.subarray(0, at) : node_buffer__WEBPACK_IMPORTED_MODULE_1__.Buffer.concat([buffer.subarray(0, at), rest]);
}
/** Reads a stream up to `maxBytes`, stopping (and closing it) past the cap or the deadline. */
async function readStream(stream, maxBytes, budget) {
    const chunks = [];
    let total = 0;
    const iterator = stream[Symbol.asyncIterator]();
    let timer;
    // A producer that stops sending would hold the read forever: the deadline ends the wait, not only the next chunk.
    const expiry = budget.deadline === Infinity
        ? undefined
        : new Promise((resolve) => {
            timer = setTimeout(() => resolve('expired'), Math.max(0, budget.deadline - performance.now()));
        });
    try {
        for (;;) {
            const next = await (expiry ? Promise.race([iterator.next(), expiry]) : iterator.next());
            if (next === 'expired')
                throw new _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BudgetExceeded */ .L$('timeout', 'the time budget (--timeout) ran out while reading the history');
            if (next.done === true)
                break;
            const chunk = typeof next.value === 'string' ? node_buffer__WEBPACK_IMPORTED_MODULE_1__.Buffer.from(next.value) : next.value;
            total += chunk.length;
            if (total > maxBytes)
                throw tooLarge(maxBytes);
            chunks.push(chunk);
        }
    }
    catch (error) {
        stream.destroy?.();
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
    // Joining the chunks holds the input twice for a moment; a regular file is read into one buffer instead.
    return chunks.length === 1 ? chunks[0] : node_buffer__WEBPACK_IMPORTED_MODULE_1__.Buffer.concat(chunks, total);
}
async function checkHistoryCommand(args, io) {
    let parsed;
    try {
        parsed = parseCheckHistoryArgs(args);
    }
    catch (err) {
        if (!(err instanceof _usage_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .eb))
            throw err;
        io.stderr((0,_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .usageLine */ .U0)('check-history', err.message));
        return _usage_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT_USAGE */ .Ri;
    }
    if (parsed === 'help') {
        io.stdout(checkHistoryUsage(io.width));
        return EXIT_LINEARIZABLE;
    }
    const opts = parsed;
    const started = performance.now();
    const outcome = await readAndCheck(opts, io);
    const file = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(opts.file);
    if (outcome.kind === 'bad-input') {
        io.stderr(`replicheck check-history: ${file}: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(outcome.message)}\n`);
        return EXIT_BAD_INPUT;
    }
    if (outcome.kind === 'budget') {
        const elapsedMs = performance.now() - started;
        if (opts.json) {
            const out = { file: opts.file, verdict: 'unknown', reason: outcome.reason, message: outcome.message, keys: [], steps: 0, elapsedMs };
            io.stdout(JSON.stringify(out, null, 2) + '\n');
        }
        else
            io.stdout(`${file}: not checked: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(outcome.message)}.\nUNKNOWN (after ${elapsedMs.toFixed(1)} ms)\n`);
        return EXIT_UNKNOWN;
    }
    const { history, format, result } = outcome;
    if (opts.html !== undefined && !(await writePage(opts.file, opts.html, history, result, io)))
        return EXIT_BAD_INPUT;
    // What is left of --timeout after reading and the linearizability check is the ladder's budget.
    const left = opts.timeoutS === 0 ? undefined : Math.max(1, opts.timeoutS * 1000 - (performance.now() - started));
    const models = opts.models ? ladderOf(history, result, left, opts.maxMemoryBytes) : undefined;
    if (opts.json) {
        const out = { file: opts.file, format, operations: history.operations.length, ...result, ...(models ? { models } : {}) };
        io.stdout(JSON.stringify(out, null, 2) + '\n');
    }
    else {
        io.stdout(renderHuman(opts.file, format, history.operations.length, result) + (models ? renderModels(models) : ''));
    }
    if (result.verdict === 'linearizable')
        return EXIT_LINEARIZABLE;
    return result.verdict === 'not-linearizable' ? EXIT_NOT_LINEARIZABLE : EXIT_UNKNOWN;
}
/** Reads, parses and checks under one budget; the input's bytes are let go as soon as they are parsed. */
async function readAndCheck(opts, io) {
    const budget = new _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .Budget */ .__({ timeoutMs: opts.timeoutS * 1000, maxMemoryBytes: opts.maxMemoryBytes });
    let input;
    try {
        input = await readInput(opts.file, opts.maxInputBytes, budget, io.stdin ?? process.stdin);
    }
    catch (err) {
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BudgetExceeded */ .L$)
            return { kind: 'budget', reason: err.reason, message: err.message };
        if (err instanceof InputTooLarge)
            return { kind: 'bad-input', message: err.message };
        return { kind: 'bad-input', message: `cannot read it: ${err.message}` };
    }
    try {
        const parseOptions = { format: opts.format, independent: opts.independent, budget };
        if (opts.model !== undefined)
            parseOptions.model = opts.model;
        if (opts.initialValue !== undefined)
            parseOptions.initialValue = opts.initialValue;
        const { history, format } = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseHistoryText */ .H4)(input, parseOptions);
        input = undefined;
        const result = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .checkHistory */ .X3)(history, { checkAllKeys: opts.allKeys, algorithm: opts.algorithm, budget });
        if (result.reason === 'memory') {
            return {
                kind: 'budget',
                reason: 'memory',
                message: `the check would take more memory than --max-memory (${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(budget.maxBytes)}) allows`,
            };
        }
        return { kind: 'checked', history, format, result };
    }
    catch (err) {
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .HistoryError */ .tx)
            return { kind: 'bad-input', message: err.message };
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .BudgetExceeded */ .L$)
            return { kind: 'budget', reason: err.reason, message: err.message };
        throw err;
    }
}
async function writePage(file, out, history, result, io) {
    const page = (0,_report_page_history_page_js__WEBPACK_IMPORTED_MODULE_3__/* .renderHistoryPage */ .cZ)({
        title: `${file}: ${result.verdict}`,
        history,
        consistency: 'linearizable',
        results: (0,_report_page_history_page_js__WEBPACK_IMPORTED_MODULE_3__/* .linearizabilityPageResults */ ._N)(result),
    });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(out, page);
    }
    catch (err) {
        io.stderr(`replicheck check-history: cannot write ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(out)}: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(err.message)}\n`);
        return false;
    }
    io.stderr(`history page: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(out)}\n`);
    return true;
}
function countsText(k) {
    const c = k.operations;
    const parts = [`${c.ok} ok`];
    if (c.open > 0)
        parts.push(`${c.open} open`);
    if (c.failed > 0)
        parts.push(`${c.failed} failed`);
    if (c.unknownReads > 0)
        parts.push(`${c.unknownReads} unknown reads`);
    return `${c.total} ops (${parts.join(', ')})`;
}
const REASONS = {
    timeout: 'time budget ran out',
    'step-budget': 'step budget ran out',
    stopped: 'not finished: another key already failed',
    memory: 'the check would take more memory than --max-memory allows',
};
function renderHuman(file, format, operations, result) {
    const out = [];
    const initial = typeof result.initialValue === 'string' ? (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteText */ .ol)(result.initialValue, 200) : JSON.stringify(result.initialValue);
    out.push(`${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(file)}: ${operations} operations, ${result.keys.length} key(s), format ${format}, model ${result.model}, ` +
        `initial value ${initial}`);
    const interesting = result.keys.filter((k) => k.verdict !== 'linearizable');
    const fine = result.keys.filter((k) => k.verdict === 'linearizable');
    const shown = [...interesting, ...fine.slice(0, Math.max(0, MAX_KEYS_SHOWN - interesting.length))];
    const order = new Map(result.keys.map((k, i) => [k, i]));
    shown.sort((a, b) => order.get(a) - order.get(b));
    for (const k of shown) {
        const reason = k.reason !== undefined ? ` (${REASONS[k.reason]})` : '';
        const by = k.algorithm === 'unique-values' ? 'unique values (no search)' : 'search';
        out.push(`  key ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteText */ .ol)(k.key, 200)}: ${k.verdict}${reason} - ${countsText(k)}, ${k.elapsedMs.toFixed(1)} ms, by ${by}`);
    }
    if (shown.length < result.keys.length)
        out.push(`  ... and ${result.keys.length - shown.length} more linearizable key(s)`);
    const verdictText = { linearizable: 'LINEARIZABLE', 'not-linearizable': 'NOT LINEARIZABLE', unknown: 'UNKNOWN' }[result.verdict];
    out.push(`${verdictText} (checked in ${result.elapsedMs.toFixed(1)} ms, ${result.steps} search steps)`);
    for (const k of result.keys) {
        if (k.witness === undefined)
            continue;
        out.push('');
        out.push('Why:');
        out.push((0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .formatWitness */ .Zm)(k.witness));
    }
    if (result.verdict === 'unknown') {
        out.push(result.keys.some((k) => k.reason === 'memory')
            ? 'The check would need more memory than --max-memory allows.'
            : 'The search did not finish within the budget; try a larger --timeout.');
    }
    return out.join('\n') + '\n';
}
const NOT_JUDGED = {
    model: 'eventual',
    verdict: 'unknown',
    elapsedMs: 0,
    reason: 'a history file has no final node values, which eventual consistency is about',
};
/** Every model's verdict on the file's history, the linearizable one from the check already made. */
function ladderOf(history, result, budgetMs, maxMemoryBytes) {
    const linearizable = (0,_consistency_ladder_js__WEBPACK_IMPORTED_MODULE_0__/* .linearizableVerdict */ .g7)(result.keys, result.elapsedMs);
    return (0,_consistency_ladder_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeLadder */ .A1)(history, { eventual: NOT_JUDGED, linearizable, maxMemoryBytes, ...(budgetMs !== undefined ? { budgetMs } : {}) });
}
function renderModels(l) {
    const lines = ['', 'Consistency models (clients are the processes):'];
    for (const v of l.models) {
        const why = v.witness?.explanation ?? v.reason;
        const mark = v.verdict === 'held' ? '✓' : v.verdict === 'violated' ? '✗' : '?';
        lines.push(`  ${mark} ${v.model}: ${v.verdict}${why ? ` - ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeText */ .X1)(why)}` : ''}`);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 5744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EC: () => (/* binding */ CONSISTENCY_MODELS),
/* harmony export */   Gm: () => (/* binding */ includedBy),
/* harmony export */   gi: () => (/* binding */ modelInfo),
/* harmony export */   l3: () => (/* binding */ allowsStaleWhileCut),
/* harmony export */   qQ: () => (/* binding */ isConsistencyModel)
/* harmony export */ });
/* unused harmony export rankOf */
// The consistency models Replicheck knows: one home for their names, their order on the ladder, what each one
// requires of the models below it, and the words reports use. Everything else (the input parser, the judges, the
// reporters) reads them from here, so adding a model is one entry here and one checker.
//
// The ladder is read as a chain: a run "climbs" to the highest model that held together with every model below it
// in this list. Some neighbours are incomparable in theory (the four session guarantees); reading the list as a
// chain keeps the headline honest ("you can rely on everything up to X") at the price of sometimes naming a weaker
// model than the strongest one that held on its own. Every model's own verdict is reported beside the headline.
const CONSISTENCY_MODELS = [
    'eventual',
    'read-your-writes',
    'monotonic-reads',
    'monotonic-writes',
    'writes-follow-reads',
    'pram',
    'causal',
    'sequential',
    'linearizable',
];
const INFO = {
    eventual: {
        name: 'eventual',
        title: 'Eventual consistency',
        promise: 'once writes stop and faults heal, every node returns the same value for each key, a value that was written and can be last',
        includes: [],
    },
    'read-your-writes': {
        name: 'read-your-writes',
        title: 'Read-your-writes',
        promise: "a client's read returns its own latest write of the key, or a write that did not precede it causally",
        includes: [],
    },
    'monotonic-reads': {
        name: 'monotonic-reads',
        title: 'Monotonic reads',
        promise: 'a client never reads a key back in time: no value that causally precedes one it already read of that key',
        includes: [],
    },
    'monotonic-writes': {
        name: 'monotonic-writes',
        title: 'Monotonic writes',
        promise: "a client's writes are seen in the order it made them: a reader that saw a later one sees the earlier ones too",
        includes: [],
    },
    'writes-follow-reads': {
        name: 'writes-follow-reads',
        title: 'Writes-follow-reads',
        promise: 'a write is seen after the writes its client had read: a reader that saw it sees what it followed',
        includes: [],
    },
    pram: {
        name: 'pram',
        title: 'PRAM',
        promise: 'read-your-writes, monotonic reads and monotonic writes together (pipelined RAM)',
        includes: ['read-your-writes', 'monotonic-reads', 'monotonic-writes'],
    },
    causal: {
        name: 'causal',
        title: 'Causal consistency',
        promise: 'every client sees causally related writes in causal order (causal consistency, CC)',
        includes: ['pram', 'writes-follow-reads'],
    },
    sequential: {
        name: 'sequential',
        title: 'Sequential consistency (per key)',
        promise: "causal, and each key's operations fit one order that keeps every client's order (no real-time bound)",
        includes: ['causal'],
    },
    linearizable: {
        name: 'linearizable',
        title: 'Linearizability',
        promise: "each key's operations fit one order that keeps real time: every read returns the latest write",
        includes: ['sequential'],
    },
};
function modelInfo(model) {
    return INFO[model];
}
/** Position on the ladder, 0 = eventual. */
function rankOf(model) {
    return CONSISTENCY_MODELS.indexOf(model);
}
function isConsistencyModel(value) {
    return CONSISTENCY_MODELS.includes(value);
}
/** Every model `model` includes, directly or through others (not itself). */
function includedBy(model) {
    const out = new Set();
    const walk = (m) => {
        for (const i of INFO[m].includes) {
            if (!out.has(i)) {
                out.add(i);
                walk(i);
            }
        }
    };
    walk(model);
    return out;
}
/**
 * Whether a claim allows a node to answer reads from its own copy while a fault cuts it off from the others. Only
 * linearizability forbids it (a read must return the latest write, which the cut-off node may not have); every
 * weaker model lets the node serve what it has, as long as it converges once healed.
 */
function allowsStaleWhileCut(claim) {
    return claim !== 'linearizable';
}


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   IX: () => (/* binding */ wholeInput),
/* harmony export */   oA: () => (/* binding */ secondsInput),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export declaredDefault */
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4233);
// Parsers of single input values, shared by every part that validates inputs (core, adapters, faults, workload),
// so each kind of value is read, bounded and reported the same way.

/** Splits a list input on newlines and commas, trimming items and dropping empty ones. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/** The default action.yml declares for an input, to show in a fix ("e.g. '180'"). */
function declaredDefault(input) {
    return _list_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((s) => s.name === input)?.default ?? '';
}
/** A positive number of seconds up to `max` (decimals allowed, no units), as milliseconds; 0 when invalid. */
function secondsInput(raw, input, max, fail) {
    const text = raw[input];
    const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value <= 0 || value > max) {
        fail(input, `'${text}' is not a number of seconds between 0 and ${max}.`, `Give a positive number up to ${max}, e.g. '${declaredDefault(input) || '10'}'.`);
        return 0;
    }
    return Math.round(value * 1000);
}
/** A whole number from `min` to `max`; NaN when invalid. */
function wholeInput(raw, input, min, max, fail, example = declaredDefault(input)) {
    const text = raw[input];
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max))
        fail(input, `'${text}' is not a whole number from ${min} to ${max}.`, `Use e.g. '${example}'.`);
    return value;
}
/** `512M`, `2G`, `1048576`: bytes, at least 16 MiB; undefined when it is not a size. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?$/i.exec(text.trim());
    if (!m)
        return undefined;
    const unit = (m[2] ?? 'B').charAt(0).toUpperCase();
    const bytes = Math.round(Number(m[1]) * { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[unit]);
    return bytes >= 16 * 1024 ** 2 ? bytes : undefined;
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZD: () => (/* binding */ escapeHtml)
/* harmony export */ });
/* unused harmony exports escapeMarkdown, escapeInline, escapePre */
// Escaping for the step summary (GitHub-flavoured Markdown with HTML). Anything that came from a server or a
// container goes through here, so it renders as the text it is: no table breaks, links, images or HTML.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => HTML[c]);
}
// What Markdown or HTML could act on in one line of text: tags and entities, table pipes, link and image
// brackets, code spans, emphasis and strikethrough, math, backslash escapes, and the starts of autolinks (URLs,
// www., e-mail addresses and @mentions). Everything else (. : - ( ) = # " ' ...) is left as it is, so the raw
// Markdown stays readable. One pass, so the entities it writes are not escaped again.
const ACTIVE = /[&<>|[\]`*!\\~$@]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|:(?=\/\/)|(?<=\bwww)\./gi;
const NAMED = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// A line that starts with these is a heading, quote, list item or rule: text a reporter puts first on a line (the
// fault notes, the workload headline) must not turn into structure.
const LINE_START = /^(?:[#>+=-]|\d+(?=[.)]))/;
/** Text for a line of Markdown, first on the line or not: one line, nothing active, the rest readable. */
function escapeMarkdown(text) {
    return escapeInline(text).replace(LINE_START, (c) => `&#${c.charCodeAt(0)};${c.slice(1)}`);
}
/**
 * Text that never starts a line: a table cell, whose content is only ever parsed as inline Markdown, so a leading
 * `#`, `-` or `1.` means nothing there and stays readable (a time like `2.90 s` is not turned into `&#50;.90 s`).
 */
function escapeInline(text) {
    return text
        .replace(ACTIVE, (c) => NAMED[c] ?? `&#${c.charCodeAt(0)};`)
        .replace(/\r\n|\r|\n/g, '<br>')
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '\ufffd');
}
/** Text for a <pre> block: HTML-escaped, newlines kept. */
function escapePre(text) {
    return escapeHtml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '�');
}


/***/ })

};
