export const id = 387;
export const ids = [387];
export const modules = {

/***/ 7387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkHistoryCommand: () => (/* binding */ checkHistoryCommand)
/* harmony export */ });
/* unused harmony exports EXIT_LINEARIZABLE, EXIT_NOT_LINEARIZABLE, EXIT_UNKNOWN, EXIT_BAD_INPUT, CHECK_HISTORY_USAGE */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3750);
/* harmony import */ var _linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4239);
// `replicheck check-history FILE`: checks a recorded history for linearizability.
// Exit codes: 0 linearizable, 1 not linearizable, 2 unknown (budget ran out), 3 bad input or usage.



const EXIT_LINEARIZABLE = 0;
const EXIT_NOT_LINEARIZABLE = 1;
const EXIT_UNKNOWN = 2;
const EXIT_BAD_INPUT = 3;
const FORMATS = ['auto', 'json', 'edn', 'jepsen-log'];
const DEFAULT_TIMEOUT_S = 60;
const MAX_KEYS_SHOWN = 20;
const CHECK_HISTORY_USAGE = `Usage: replicheck check-history FILE [options]

Checks a history of operations on a register, a compare-and-set register or a key-value store for
linearizability. FILE is the action's JSON history, Jepsen EDN op maps or Jepsen log lines ('-' reads stdin).

Options:
  --model register|cas-register|kv   the model (default: the file's, else inferred from the operations)
  --format auto|json|edn|jepsen-log  the input format (default: auto)
  --initial VALUE                    the value every key holds at the start (JSON: 0, null, "x"; default:
                                     null, or "" for kv histories in EDN)
  --independent                      EDN: values are [key value] tuples (jepsen.independent)
  --timeout S                        give up after S seconds with verdict unknown (default ${DEFAULT_TIMEOUT_S}; 0 = no limit)
  --all-keys                         keep checking the other keys after one fails
  --algorithm auto|search|unique     auto (default): keys whose written values are unique are decided without
                                     search (near-linear time); others by search. search/unique force one.
  --max-memory SIZE                  memory the search may take, e.g. 512M, 2G (default 1G); past it: unknown
  --json                             print the result as JSON
  -h, --help                         show this help

Exit status: 0 linearizable, 1 not linearizable, 2 unknown (time budget ran out), 3 bad input.
See docs/history-format.md for the formats and the semantics of :fail, :info and nil reads.
`;
class UsageError extends Error {
}
function parseArgs(argv) {
    const args = {
        algorithm: 'auto',
        maxMemoryBytes: _linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_MAX_MEMORY_BYTES */ .df,
        format: 'auto',
        independent: false,
        timeoutS: DEFAULT_TIMEOUT_S,
        allKeys: false,
        json: false,
    };
    const files = [];
    for (let i = 0; i < argv.length; i++) {
        const raw = argv[i];
        const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
        const name = eq > 0 ? raw.slice(0, eq) : raw;
        const value = () => {
            if (eq > 0)
                return raw.slice(eq + 1);
            const v = argv[++i];
            if (v === undefined)
                throw new UsageError(`${name} needs a value`);
            return v;
        };
        switch (name) {
            case '-h':
            case '--help':
                return 'help';
            case '--model': {
                const v = value();
                if (!(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isModelName */ .jp)(v))
                    throw new UsageError(`--model must be one of ${_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .MODEL_NAMES */ .BQ.join(', ')}`);
                args.model = v;
                break;
            }
            case '--format': {
                const v = value();
                if (!FORMATS.includes(v))
                    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
                args.format = v;
                break;
            }
            case '--initial':
                args.initialValue = parseInitial(value());
                break;
            case '--timeout': {
                const v = Number(value());
                if (!Number.isFinite(v) || v < 0)
                    throw new UsageError('--timeout must be a number of seconds (0 = no limit)');
                args.timeoutS = v;
                break;
            }
            case '--independent':
                args.independent = true;
                break;
            case '--algorithm': {
                const v = value();
                if (v !== 'auto' && v !== 'search' && v !== 'unique')
                    throw new UsageError('--algorithm must be auto, search or unique');
                args.algorithm = v;
                break;
            }
            case '--max-memory': {
                const v = (0,_config_values_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSize */ .DB)(value());
                if (v === undefined)
                    throw new UsageError('--max-memory must be a size such as 512M or 2G (at least 16M)');
                args.maxMemoryBytes = v;
                break;
            }
            case '--all-keys':
                args.allKeys = true;
                break;
            case '--json':
                args.json = true;
                break;
            default:
                if (raw.startsWith('-') && raw !== '-')
                    throw new UsageError(`unknown option ${raw}`);
                files.push(raw);
        }
    }
    if (files.length !== 1)
        throw new UsageError(files.length === 0 ? 'a history FILE is required' : 'only one FILE can be checked at a time');
    return { ...args, file: files[0] };
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
async function readInput(file) {
    if (file !== '-')
        return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
async function checkHistoryCommand(args, io) {
    let parsed;
    try {
        parsed = parseArgs(args);
    }
    catch (err) {
        io.stderr(`check-history: ${err.message}\n\n${CHECK_HISTORY_USAGE}`);
        return EXIT_BAD_INPUT;
    }
    if (parsed === 'help') {
        io.stdout(CHECK_HISTORY_USAGE);
        return EXIT_LINEARIZABLE;
    }
    const opts = parsed;
    let text;
    try {
        text = await readInput(opts.file);
    }
    catch (err) {
        io.stderr(`check-history: cannot read ${opts.file}: ${err.message}\n`);
        return EXIT_BAD_INPUT;
    }
    let result;
    let format;
    let operationCount;
    try {
        const parseOptions = { format: opts.format, independent: opts.independent };
        if (opts.model !== undefined)
            parseOptions.model = opts.model;
        if (opts.initialValue !== undefined)
            parseOptions.initialValue = opts.initialValue;
        const { history, format: detected } = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHistoryText */ .H4)(text, parseOptions);
        format = detected;
        operationCount = history.operations.length;
        result = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .checkHistory */ .X3)(history, { timeoutMs: opts.timeoutS * 1000, checkAllKeys: opts.allKeys, algorithm: opts.algorithm, maxMemoryBytes: opts.maxMemoryBytes });
    }
    catch (err) {
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .HistoryError */ .tx) {
            io.stderr(`check-history: ${opts.file}: ${err.message}\n`);
            return EXIT_BAD_INPUT;
        }
        throw err;
    }
    if (opts.json) {
        io.stdout(JSON.stringify({ file: opts.file, format, operations: operationCount, ...result }, null, 2) + '\n');
    }
    else {
        io.stdout(renderHuman(opts.file, format, operationCount, result));
    }
    if (result.verdict === 'linearizable')
        return EXIT_LINEARIZABLE;
    return result.verdict === 'not-linearizable' ? EXIT_NOT_LINEARIZABLE : EXIT_UNKNOWN;
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
    memory: 'the search would take more memory than --max-memory allows',
};
function renderHuman(file, format, operations, result) {
    const out = [];
    out.push(`${file}: ${operations} operations, ${result.keys.length} key(s), format ${format}, model ${result.model}, initial value ${JSON.stringify(result.initialValue)}`);
    const interesting = result.keys.filter((k) => k.verdict !== 'linearizable');
    const fine = result.keys.filter((k) => k.verdict === 'linearizable');
    const shown = [...interesting, ...fine.slice(0, Math.max(0, MAX_KEYS_SHOWN - interesting.length))];
    const order = new Map(result.keys.map((k, i) => [k, i]));
    shown.sort((a, b) => order.get(a) - order.get(b));
    for (const k of shown) {
        const reason = k.reason !== undefined ? ` (${REASONS[k.reason]})` : '';
        out.push(`  key ${JSON.stringify(k.key)}: ${k.verdict}${reason} - ${countsText(k)}, ${k.elapsedMs.toFixed(1)} ms, by ${k.algorithm === 'unique-values' ? 'unique values (no search)' : 'search'}`);
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
        out.push((0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatWitness */ .Zm)(k.witness));
    }
    if (result.verdict === 'unknown') {
        out.push(result.keys.some((k) => k.reason === 'memory') ? 'The search would need more memory than --max-memory allows.' : 'The search did not finish within the budget; try a larger --timeout.');
    }
    return out.join('\n') + '\n';
}


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   IX: () => (/* binding */ wholeInput),
/* harmony export */   oA: () => (/* binding */ secondsInput),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export declaredDefault */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4389);
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
    return _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .m.find((s) => s.name === input)?.default ?? '';
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


/***/ })

};
