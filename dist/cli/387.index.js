export const id = 387;
export const ids = [387];
export const modules = {

/***/ 7387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkHistoryCommand: () => (/* binding */ checkHistoryCommand)
/* harmony export */ });
/* unused harmony exports EXIT_LINEARIZABLE, EXIT_NOT_LINEARIZABLE, EXIT_UNKNOWN, EXIT_BAD_INPUT, DEFAULT_MAX_INPUT_BYTES, CHECK_HISTORY_USAGE */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _report_page_history_page_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4146);
/* harmony import */ var _inputs_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8463);
/* harmony import */ var _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2172);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7485);
// `replicheck check-history FILE`: checks a recorded history for linearizability.
// Exit codes: 0 linearizable, 1 not linearizable, 2 unknown (a budget ran out), 3 bad input or usage.
// Everything it does is bounded: the input by --max-input (read as a stream, refused past the cap), what parsing
// and the search hold by --max-memory, reading, parsing and checking together by --timeout; and whatever the
// history holds is printed through one escaping.






const EXIT_LINEARIZABLE = 0;
const EXIT_NOT_LINEARIZABLE = 1;
const EXIT_UNKNOWN = 2;
/** A history that cannot be read or parsed; the same status as bad usage. */
const EXIT_BAD_INPUT = _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT_USAGE */ .Ri;
const FORMATS = ['auto', 'json', 'edn', 'jepsen-log'];
const ALGORITHMS = ['auto', 'search', 'unique'];
const DEFAULT_TIMEOUT_S = 60;
/** The largest input read by default: about ten million operations of any format. */
const DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
const MAX_KEYS_SHOWN = 20;
const READ_CHUNK = 8 * 1024 * 1024;
const CHECK_HISTORY_USAGE = `Usage: replicheck check-history FILE [options]

Checks a history of operations on a register, a compare-and-set register or a key-value store for
linearizability. FILE is the action's JSON history, Jepsen EDN op maps or Jepsen log lines ('-' reads stdin).

Options:
  --model register|cas-register|kv   the model (default: the file's, else inferred from the operations)
  --format auto|json|edn|jepsen-log  the input format (default: auto)
  --initial VALUE                    the value every key holds at the start (JSON: 0, null, "x"; default:
                                     null, or "" for kv histories in EDN)
  --independent                      EDN: values are [key value] tuples (jepsen.independent)
  --timeout S                        give up after S seconds with verdict unknown, reading and parsing
                                     included (default ${DEFAULT_TIMEOUT_S}; 0 = no limit)
  --all-keys                         keep checking the other keys after one fails
  --algorithm auto|search|unique     auto (default): keys whose written values are unique are decided without
                                     search (near-linear time); others by search. search/unique force one.
  --html OUT                         also write the history page (one self-contained HTML file) to OUT
  --max-input SIZE                   the largest input read, e.g. 64M, 2G (default 1G); past it: bad input
  --max-memory SIZE                  memory the parsed history and the search may take, e.g. 512M, 2G
                                     (default 1G); past it: unknown
  --json                             print the result as JSON
  -h, --help                         show this help

A value that starts with '-' is written with '=': --initial=-1.

Exit status: 0 linearizable, 1 not linearizable, 2 unknown (time or memory budget ran out), 3 bad usage or input.
See docs/history-format.md for the formats and the semantics of :fail, :info and nil reads.
`;
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
    help: { type: 'boolean', short: 'h' },
};
function parseCheckHistoryArgs(argv) {
    const { values, positionals } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandLine */ .Du)('check-history', argv, OPTIONS, true);
    if (values.help)
        return 'help';
    const args = {
        format: oneOf('format', values.format ?? 'auto', FORMATS, 'a format'),
        independent: values.independent ?? false,
        timeoutS: values.timeout === undefined ? DEFAULT_TIMEOUT_S : seconds(values.timeout),
        allKeys: values['all-keys'] ?? false,
        json: values.json ?? false,
        algorithm: oneOf('algorithm', values.algorithm ?? 'auto', ALGORITHMS, 'an algorithm'),
        maxMemoryBytes: values['max-memory'] === undefined ? _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_MAX_MEMORY_BYTES */ .df : size(values['max-memory']),
        maxInputBytes: values['max-input'] === undefined ? DEFAULT_MAX_INPUT_BYTES : inputSize(values['max-input']),
        ...(values.model !== undefined ? { model: oneOf('model', values.model, _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .MODEL_NAMES */ .BQ, 'a model') } : {}),
        ...(values.initial !== undefined ? { initialValue: parseInitial(values.initial) } : {}),
        ...(values.html !== undefined ? { html: values.html } : {}),
    };
    const [file, extra] = positionals;
    if (file === undefined)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb('A history FILE is required: replicheck check-history FILE [options].');
    if (extra !== undefined)
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`Unexpected argument '${extra}': check-history checks one FILE at a time.`);
    return { ...args, file };
}
function oneOf(flag, value, choices, what) {
    if (choices.includes(value))
        return value;
    throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .badValue */ .tm)(flag, value, `is not ${what}`, `use one of ${choices.join(', ')}`);
}
function seconds(text) {
    const v = Number(text);
    // Number('') is 0, which would quietly mean "no limit".
    if (text.trim() === '' || !Number.isFinite(v) || v < 0) {
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .badValue */ .tm)('timeout', text, 'is not a number of seconds', 'use e.g. --timeout 30, or 0 for no limit');
    }
    return v;
}
function size(text) {
    const v = (0,_inputs_values_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSize */ .DB)(text);
    if (v === undefined)
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .badValue */ .tm)('max-memory', text, 'is not a size', 'use e.g. 512M or 2G (at least 16M)');
    return v;
}
/** A byte count for --max-input: any size from one byte (tests and small pipes) to what one buffer can hold. */
function inputSize(text) {
    const m = /^(\d{1,12}(?:\.\d{1,6})?) ?([KMGT]?)(?:i?B)?$/i.exec(text.trim());
    const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[(m?.[2] ?? '').toUpperCase()] ?? 1;
    const v = m ? Math.floor(Number(m[1]) * unit) : NaN;
    const most = node_buffer__WEBPACK_IMPORTED_MODULE_0__.constants.MAX_LENGTH;
    if (!(v >= 1 && v <= most)) {
        throw (0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .badValue */ .tm)('max-input', text, 'is not a size', `use e.g. 64M or 2G (from 1 byte to ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(most)})`);
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
    const what = size === undefined ? `more than ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(maxBytes)}` : `${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(size)}`;
    return new InputTooLarge(`the input is ${what}, over --max-input (${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(maxBytes)}); raise --max-input to check it`);
}
/** The input's bytes, never more than `maxBytes`; a regular file over the cap is refused before it is read. */
async function readInput(file, maxBytes, budget, stdin) {
    if (file === '-')
        return readStream(stdin, maxBytes, budget);
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
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
    const buffer = node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
        const { bytesRead } = await handle.read(buffer, at, Math.min(READ_CHUNK, size - at), at);
        if (bytesRead === 0)
            break;
        at += bytesRead;
        budget.checkTime('reading the history');
    }
    const rest = await readStream(handle.createReadStream({ start: at, autoClose: false }), maxBytes - at, budget);
    return rest.length === 0 ? buffer.subarray(0, at) : node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.concat([buffer.subarray(0, at), rest]);
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
                throw new _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .BudgetExceeded */ .L$('timeout', 'the time budget (--timeout) ran out while reading the history');
            if (next.done === true)
                break;
            const chunk = typeof next.value === 'string' ? node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(next.value) : next.value;
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
    return chunks.length === 1 ? chunks[0] : node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.concat(chunks, total);
}
async function checkHistoryCommand(args, io) {
    let parsed;
    try {
        parsed = parseCheckHistoryArgs(args);
    }
    catch (err) {
        if (!(err instanceof _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb))
            throw err;
        io.stderr((0,_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .usageLine */ .U0)('check-history', err.message));
        return _usage_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT_USAGE */ .Ri;
    }
    if (parsed === 'help') {
        io.stdout(CHECK_HISTORY_USAGE);
        return EXIT_LINEARIZABLE;
    }
    const opts = parsed;
    const started = performance.now();
    const outcome = await readAndCheck(opts, io);
    const file = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(opts.file);
    if (outcome.kind === 'bad-input') {
        io.stderr(`replicheck check-history: ${file}: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(outcome.message)}\n`);
        return EXIT_BAD_INPUT;
    }
    if (outcome.kind === 'budget') {
        const elapsedMs = performance.now() - started;
        if (opts.json) {
            const out = { file: opts.file, verdict: 'unknown', reason: outcome.reason, message: outcome.message, keys: [], steps: 0, elapsedMs };
            io.stdout(JSON.stringify(out, null, 2) + '\n');
        }
        else
            io.stdout(`${file}: not checked: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(outcome.message)}.\nUNKNOWN (after ${elapsedMs.toFixed(1)} ms)\n`);
        return EXIT_UNKNOWN;
    }
    const { history, format, result } = outcome;
    if (opts.html !== undefined && !(await writePage(opts.file, opts.html, history, result, io)))
        return EXIT_BAD_INPUT;
    if (opts.json) {
        io.stdout(JSON.stringify({ file: opts.file, format, operations: history.operations.length, ...result }, null, 2) + '\n');
    }
    else {
        io.stdout(renderHuman(opts.file, format, history.operations.length, result));
    }
    if (result.verdict === 'linearizable')
        return EXIT_LINEARIZABLE;
    return result.verdict === 'not-linearizable' ? EXIT_NOT_LINEARIZABLE : EXIT_UNKNOWN;
}
/** Reads, parses and checks under one budget; the input's bytes are let go as soon as they are parsed. */
async function readAndCheck(opts, io) {
    const budget = new _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .Budget */ .__({ timeoutMs: opts.timeoutS * 1000, maxMemoryBytes: opts.maxMemoryBytes });
    let input;
    try {
        input = await readInput(opts.file, opts.maxInputBytes, budget, io.stdin ?? process.stdin);
    }
    catch (err) {
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .BudgetExceeded */ .L$)
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
        const { history, format } = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHistoryText */ .H4)(input, parseOptions);
        input = undefined;
        const result = (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .checkHistory */ .X3)(history, { checkAllKeys: opts.allKeys, algorithm: opts.algorithm, budget });
        if (result.reason === 'memory') {
            return {
                kind: 'budget',
                reason: 'memory',
                message: `the check would take more memory than --max-memory (${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z3)(budget.maxBytes)}) allows`,
            };
        }
        return { kind: 'checked', history, format, result };
    }
    catch (err) {
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .HistoryError */ .tx)
            return { kind: 'bad-input', message: err.message };
        if (err instanceof _linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .BudgetExceeded */ .L$)
            return { kind: 'budget', reason: err.reason, message: err.message };
        throw err;
    }
}
async function writePage(file, out, history, result, io) {
    const page = (0,_report_page_history_page_js__WEBPACK_IMPORTED_MODULE_2__/* .renderHistoryPage */ .cZ)({
        title: `${file}: ${result.verdict}`,
        history,
        consistency: 'linearizable',
        results: result.keys.map((k) => ({
            key: k.key,
            verdict: k.verdict,
            passed: k.verdict === 'linearizable',
            detail: k.witness?.explanation ?? k.verdict,
            ...(k.witness ? { witness: k.witness } : {}),
        })),
    });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(out, page);
    }
    catch (err) {
        io.stderr(`replicheck check-history: cannot write ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(out)}: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(err.message)}\n`);
        return false;
    }
    io.stderr(`history page: ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(out)}\n`);
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
    const initial = typeof result.initialValue === 'string' ? (0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteText */ .ol)(result.initialValue, 200) : JSON.stringify(result.initialValue);
    out.push(`${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(file)}: ${operations} operations, ${result.keys.length} key(s), format ${format}, model ${result.model}, ` +
        `initial value ${initial}`);
    const interesting = result.keys.filter((k) => k.verdict !== 'linearizable');
    const fine = result.keys.filter((k) => k.verdict === 'linearizable');
    const shown = [...interesting, ...fine.slice(0, Math.max(0, MAX_KEYS_SHOWN - interesting.length))];
    const order = new Map(result.keys.map((k, i) => [k, i]));
    shown.sort((a, b) => order.get(a) - order.get(b));
    for (const k of shown) {
        const reason = k.reason !== undefined ? ` (${REASONS[k.reason]})` : '';
        const by = k.algorithm === 'unique-values' ? 'unique values (no search)' : 'search';
        out.push(`  key ${(0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .quoteText */ .ol)(k.key, 200)}: ${k.verdict}${reason} - ${countsText(k)}, ${k.elapsedMs.toFixed(1)} ms, by ${by}`);
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
        out.push((0,_linearizability_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatWitness */ .Zm)(k.witness));
    }
    if (result.verdict === 'unknown') {
        out.push(result.keys.some((k) => k.reason === 'memory')
            ? 'The check would need more memory than --max-memory allows.'
            : 'The search did not finish within the budget; try a larger --timeout.');
    }
    return out.join('\n') + '\n';
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


/***/ }),

/***/ 4146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cZ: () => (/* binding */ renderHistoryPage)
});

// UNUSED EXPORTS: pageData, scriptJson

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/consistency/eventual.ts
var eventual = __webpack_require__(7176);
;// CONCATENATED MODULE: ./src/report/page/history-page-assets.ts
// The inline style of the history page (history-page.ts), kept as text here so the page stays one self-contained
// file. Its script is TypeScript in browser/, inlined from page-script.generated.ts.
const PAGE_STYLE = `
:root { font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh; }
header { padding: 8px 12px; border-bottom: 1px solid #d0d7de; }
h1 { font-size: 15px; margin: 0 0 6px; }
#controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.hint, .muted { color: #656d76; }
#verdict.bad { color: #cf222e; font-weight: 600; } #verdict.good { color: #1a7f37; font-weight: 600; }
#why { padding: 8px 12px; background: #fff8c5; border-bottom: 1px solid #d4a72c; white-space: pre-wrap; }
main { flex: 1; display: flex; min-height: 0; }
canvas { flex: 1; min-width: 0; height: 100%; cursor: grab; outline: none; }
aside {
  width: 300px; padding: 8px 12px; border-left: 1px solid #d0d7de; overflow: auto;
  font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all;
}
#legend { padding: 6px 12px; border-top: 1px solid #d0d7de; color: #656d76; }
.sw { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 10px; vertical-align: middle; border: 1px solid #888; }
.sw.ok { background: #2da44e; } .sw.fail { background: #8c959f; } .sw.info { background: #d4a72c; }
.sw.fault { background: rgba(207, 34, 46, 0.15); } .sw.witness { border: 2px solid #cf222e; } .sw.prefix { background: #0969da; }
#final { padding: 8px 12px; border-top: 1px solid #d0d7de; max-height: 30vh; overflow: auto; }
table { border-collapse: collapse; }
td, th { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; font-family: ui-monospace, monospace; font-size: 12px; }
`;

;// CONCATENATED MODULE: ./src/report/page/page-script.generated.ts
// Generated from browser/history-page.ts by scripts/page-script.ts (`npm run build` rewrites it): do not edit.
// test/unit/history-page.test.ts fails when this is not a fresh bundle of that source. esbuild joins a wrapped
// expression into one line, so the bundle's lines may be longer than the source's.
/* eslint-disable max-len */
const PAGE_SCRIPT = `"use strict";
(() => {
  // src/report/page/browser/history-page.ts
  function $(id, type) {
    const element = document.getElementById(id);
    if (!(element instanceof type)) throw new Error(\`the page has no #\${id}\`);
    return element;
  }
  var D = JSON.parse($("data", HTMLScriptElement).textContent ?? "");
  var O = D.ops;
  var n = O.i.length;
  var canvas = $("chart", HTMLCanvasElement);
  var g = canvas.getContext("2d") ?? fail("no 2d canvas");
  var LANE = 22;
  var TOP = 24;
  var LEFT = 70;
  var FN = ["R", "W", "C"];
  var COLOR = ["#2da44e", "#8c959f", "#d4a72c"];
  var lanes = D.processes.length;
  document.body.dataset.lanes = String(lanes);
  document.body.dataset.operations = String(n);
  $("title", HTMLElement).textContent = D.title;
  var bands = faultBands();
  document.body.dataset.faultBands = String(bands.length);
  var results = new Map(D.results.map((r) => [r.key, r]));
  var byKey = D.keys.map(() => []);
  for (let i = 0; i < n; i++) byKey[O.k[i]].push(i);
  var select = $("key", HTMLSelectElement);
  D.keys.forEach((k, i) => {
    const o = document.createElement("option");
    const r = results.get(k);
    o.value = String(i);
    o.textContent = k + " (" + byKey[i].length + " ops" + (r ? ", " + r.verdict : "") + ")";
    select.appendChild(o);
  });
  var firstBad = D.keys.findIndex((k) => results.get(k)?.passed === false);
  var key = firstBad >= 0 ? firstBad : 0;
  select.value = String(key);
  var x0 = 0;
  var x1 = D.end;
  var hover = -1;
  var pinned = -1;
  var witness = /* @__PURE__ */ new Set();
  var prefix = /* @__PURE__ */ new Set();
  var W = () => canvas.clientWidth;
  var H = () => canvas.clientHeight;
  var sx = (t) => LEFT + (t - x0) / (x1 - x0) * (W() - LEFT - 8);
  var tx = (px) => x0 + (px - LEFT) / (W() - LEFT - 8) * (x1 - x0);
  var endOf = (i) => O.c[i] < 0 ? D.end : O.c[i];
  function fail(message) {
    throw new Error(message);
  }
  function faultBands() {
    const found = [];
    const open = /* @__PURE__ */ new Map();
    for (const e of D.nemesis) {
      const id = e.fault + " " + e.target;
      const start = open.get(id);
      if (e.f === "start") open.set(id, e.time);
      else if (start !== void 0) {
        found.push({ label: id, start, end: e.time });
        open.delete(id);
      }
    }
    for (const [id, start] of open) found.push({ label: id, start, end: D.end });
    return found;
  }
  function showKey() {
    const r = results.get(D.keys[key]);
    witness = new Set(r?.witness ? r.witness.ops : []);
    prefix = new Set(r?.witness ? r.witness.prefix : []);
    document.body.dataset.witness = String(witness.size);
    const v = $("verdict", HTMLElement);
    v.textContent = r ? r.verdict : "";
    v.className = r ? r.passed ? "good" : "bad" : "";
    showWhy(r);
    showFinal(r);
    if (r?.witness) {
      let a = Infinity;
      let b = -Infinity;
      for (const i of witness) {
        a = Math.min(a, O.i[i]);
        b = Math.max(b, endOf(i));
      }
      const pad = Math.max((b - a) * 0.5, 1);
      x0 = Math.max(0, a - pad);
      x1 = Math.min(D.end, b + pad);
    }
    draw();
  }
  function showWhy(r) {
    const why = $("why", HTMLElement);
    if (r && !r.passed) {
      why.hidden = false;
      const w = r.witness;
      why.textContent = w ? w.explanation + (w.placed ? "\\nThe longest order found placed " + w.placed + " operation(s) (its end is marked in blue) before it got stuck." : "") : r.detail;
    } else why.hidden = true;
  }
  function showFinal(r) {
    const fin = $("final", HTMLElement);
    fin.replaceChildren();
    if (r?.nodeValues) {
      fin.hidden = false;
      const t = document.createElement("table");
      const row = (cells, th) => {
        const tr = document.createElement("tr");
        for (const c of cells) {
          const td = document.createElement(th ? "th" : "td");
          td.textContent = c;
          tr.appendChild(td);
        }
        t.appendChild(tr);
      };
      row(["node", "final value"], true);
      for (const nv of r.nodeValues) row([nv.node, nv.value]);
      const p = document.createElement("p");
      p.textContent = "Values that could legally be last: " + (r.legal && r.legal.length ? r.legal.join(", ") : "(none)");
      fin.append(t, p);
    } else fin.hidden = true;
  }
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W() * dpr;
    canvas.height = H() * dpr;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, W(), H());
    g.font = "11px system-ui, sans-serif";
    for (const b of bands) {
      const a = Math.max(sx(b.start), LEFT);
      const e = Math.min(sx(b.end), W());
      if (e < LEFT || a > W()) continue;
      g.fillStyle = "rgba(207, 34, 46, 0.12)";
      g.fillRect(a, TOP, Math.max(1, e - a), lanes * LANE);
      g.fillStyle = "#cf222e";
      g.fillText(b.label, a + 3, TOP - 6);
    }
    g.fillStyle = "#656d76";
    for (let l = 0; l < lanes; l++) g.fillText("client " + D.processes[l], 4, TOP + l * LANE + 15);
    const pxPerMs = (W() - LEFT - 8) / (x1 - x0);
    for (const i of byKey[key]) drawOperation(i, pxPerMs);
    g.fillStyle = "#656d76";
    g.fillText(x0.toFixed(1) + " ms", LEFT, TOP + lanes * LANE + 14);
    const r = x1.toFixed(1) + " ms";
    g.fillText(r, W() - 8 - g.measureText(r).width, TOP + lanes * LANE + 14);
  }
  function drawOperation(i, pxPerMs) {
    const s = O.i[i];
    const e = endOf(i);
    if (e < x0 || s > x1) return;
    const a = Math.max(sx(s), LEFT);
    const b = Math.min(sx(e), W());
    const y = TOP + O.p[i] * LANE + 3;
    const h = LANE - 6;
    const w = Math.max(2, b - a);
    g.fillStyle = COLOR[O.t[i]];
    if (O.c[i] < 0) {
      g.fillRect(a, y, Math.min(w, 10), h);
      g.fillRect(a, y + h / 2 - 1, w, 2);
    } else g.fillRect(a, y, w, h);
    if (O.f[i] === 2 && !O.s[i]) {
      g.fillStyle = "rgba(255,255,255,0.5)";
      g.fillRect(a, y + h / 2, w, h / 2);
    }
    if (prefix.has(i)) {
      g.fillStyle = "#0969da";
      g.fillRect(a, y + h - 3, w, 3);
    }
    if (witness.has(i)) {
      g.strokeStyle = "#cf222e";
      g.lineWidth = 2;
      g.strokeRect(a - 1, y - 1, w + 2, h + 2);
    }
    if (i === hover || i === pinned) {
      g.strokeStyle = "#1f2328";
      g.lineWidth = 1;
      g.strokeRect(a - 2, y - 2, w + 4, h + 4);
    }
    if (w > 14) {
      g.fillStyle = "#fff";
      g.fillText(FN[O.f[i]], a + 3, y + h - 4);
    }
    if (w > 60 && pxPerMs > 0) {
      g.fillStyle = "#fff";
      g.fillText(D.values[O.v[i]].slice(0, Math.floor((w - 18) / 6)), a + 14, y + h - 4);
    }
  }
  function at(px, py) {
    const lane = Math.floor((py - TOP) / LANE);
    if (lane < 0 || lane >= lanes) return -1;
    const t = tx(px);
    const slack = 3 * (x1 - x0) / (W() - LEFT);
    let best = -1;
    for (const i of byKey[key]) if (O.p[i] === lane && O.i[i] - slack <= t && t <= endOf(i) + slack) best = i;
    return best;
  }
  function show(i) {
    const d = $("detail", HTMLElement);
    if (i < 0) {
      d.textContent = "Point at an operation to see it.";
      return;
    }
    const F = ["read", "write", "cas"][O.f[i]];
    const T = ["ok", "fail", "info (unknown)"][O.t[i]];
    const lines = [
      "operation #" + i,
      "client   " + D.processes[O.p[i]],
      "node     " + (O.n[i] >= 0 ? D.nodes[O.n[i]] : "?"),
      "key      " + D.keys[O.k[i]],
      "function " + F + (O.f[i] === 2 ? O.s[i] ? " (swapped)" : " (no match)" : ""),
      "value    " + D.values[O.v[i]],
      "outcome  " + T,
      "invoked  " + O.i[i] + " ms",
      "returned " + (O.c[i] < 0 ? "never" : O.c[i] + " ms")
    ];
    if (O.e[i] >= 0) lines.push("error    " + D.errors[O.e[i]]);
    if (witness.has(i)) lines.push("", "part of the witness");
    d.textContent = lines.join("\\n");
  }
  var drag = null;
  canvas.addEventListener("mousedown", (e) => {
    drag = { x: e.offsetX, x0, x1, moved: false };
    canvas.style.cursor = "grabbing";
  });
  window.addEventListener("mouseup", (e) => {
    if (drag && !drag.moved && e.target === canvas) {
      pinned = at(e.offsetX, e.offsetY);
      show(pinned);
      draw();
    }
    drag = null;
    canvas.style.cursor = "grab";
  });
  canvas.addEventListener("mousemove", (e) => {
    if (drag) {
      const dt = (e.offsetX - drag.x) / (W() - LEFT - 8) * (drag.x1 - drag.x0);
      if (Math.abs(e.offsetX - drag.x) > 2) drag.moved = true;
      x0 = drag.x0 - dt;
      x1 = drag.x1 - dt;
      draw();
      return;
    }
    const i = at(e.offsetX, e.offsetY);
    if (i !== hover) {
      hover = i;
      if (pinned < 0) show(i);
      draw();
    }
  });
  canvas.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const t = tx(e.offsetX);
      const k = Math.exp(e.deltaY * 2e-3);
      x0 = t - (t - x0) * k;
      x1 = t + (x1 - t) * k;
      if (x1 - x0 < 0.01) x1 = x0 + 0.01;
      draw();
    },
    { passive: false }
  );
  select.addEventListener("change", () => {
    key = Number(select.value);
    x0 = 0;
    x1 = D.end;
    pinned = -1;
    show(-1);
    showKey();
  });
  $("reset", HTMLElement).addEventListener("click", () => {
    x0 = 0;
    x1 = D.end;
    draw();
  });
  window.addEventListener("resize", draw);
  showKey();
  document.body.dataset.firstDrawMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
})();
`;

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/report/page/history-page.ts
// The history page: one self-contained HTML file (script and style inline, no network, no external fonts) that
// shows a workload history as a person wants to see it: clients as lanes, operations as bars from invoke to
// completion coloured by outcome and marked by function, faults as shaded bands, a key selector, zoom and pan, the
// operation under the pointer, and for a key that failed its check the witness highlighted with the sentence
// that explains it. Drawn on a canvas, so 100,000 operations open and pan smoothly. Everything from outside
// (values, errors, node names) travels as JSON in a script element with '<' escaped, and is only ever put into
// the page as text, never as markup. The script that draws it is browser/history-page.ts, inlined as bundled text
// (page-script.generated.ts; scripts/page-script.ts says why it is built that way).





/** How many legal last values a key lists at most (a long tail of concurrent writes adds nothing to read). */
const MAX_LEGAL = 20;
const FUNCTION_CODE = { read: 0, get: 0, write: 1, put: 1, append: 1, cas: 2 };
const TYPE_CODE = { ok: 0, fail: 1, info: 2 };
/** A table of strings each stored once; the columns hold their indices, so a large history stays compact. */
class Table {
    values = [];
    map = new Map();
    index(value) {
        let i = this.map.get(value);
        if (i === undefined)
            this.map.set(value, (i = this.values.push(value) - 1));
        return i;
    }
}
/** A value as the page shows it. */
function valueText(x) {
    return x === null || x === undefined ? 'nil' : typeof x === 'string' ? x : JSON.stringify(x);
}
/**
 * The lane of an operation: its client. A client whose operation was indeterminate goes on as a new process
 * (process + clients, as Jepsen numbers them), so with the history's client count known a process's lane is its
 * client; otherwise (histories from elsewhere) each process is a lane.
 */
function laneOf(clients) {
    return (op) => (clients !== undefined && typeof op.process === 'number' ? String(op.process % clients) : String(op.process));
}
/** Lanes in the clients' own order (numbers as numbers), not in order of first appearance. */
function laneTable(ops, lane) {
    const names = [...new Set(ops.map(lane))];
    names.sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    const lanes = new Table();
    for (const name of names)
        lanes.index(name);
    return lanes;
}
function columnsOf(ops, tables, lane) {
    const columns = { p: [], k: [], n: [], f: [], t: [], s: [], i: [], c: [], v: [], e: [] };
    for (const op of ops) {
        columns.p.push(tables.processes.index(lane(op)));
        columns.k.push(tables.keys.index(op.key ?? ''));
        columns.n.push(op.node !== undefined ? tables.nodes.index(op.node) : -1);
        columns.f.push(FUNCTION_CODE[op.f]);
        columns.t.push(TYPE_CODE[op.type]);
        columns.s.push(op.f === 'cas' && op.succeeded === false ? 0 : 1);
        columns.i.push(op.invoke);
        columns.c.push(op.complete ?? -1);
        const cas = op.f === 'cas' ? op.value : undefined;
        columns.v.push(tables.values.index(cas ? `${valueText(cas[0])} → ${valueText(cas[1])}` : valueText(op.value)));
        columns.e.push(op.error !== undefined ? tables.errors.index(op.error) : -1);
    }
    return columns;
}
function witnessOf(w) {
    return {
        explanation: w.explanation,
        ops: w.window.map((o) => o.index),
        failing: w.failing.index,
        prefix: w.lastLinearized.map((o) => o.index),
        placed: w.linearizedBefore,
    };
}
function resultOf(r, input) {
    const legal = input.consistency === 'eventual'
        ? [...(0,eventual/* legalFinalValues */.o)(input.history.operations, r.key, input.history.initialValue ?? null)]
            .slice(0, MAX_LEGAL)
            .map((x) => (x === null ? null : String(x)))
        : undefined;
    return {
        key: r.key,
        verdict: r.verdict,
        passed: r.passed,
        detail: r.detail,
        ...(r.witness ? { witness: witnessOf(r.witness) } : {}),
        ...(r.nodeValues
            ? {
                nodeValues: r.nodeValues.map((n) => ({
                    node: n.node,
                    value: n.value === undefined ? '(no answer)' : n.value === null ? 'nil (missing)' : n.value,
                })),
            }
            : {}),
        ...(legal ? { legal: legal.map((x) => (x === null ? 'nil (missing)' : x)) } : {}),
    };
}
/** The page's data: columns of small integers plus tables of strings, so a large history stays compact. */
function pageData(input) {
    const ops = input.history.operations;
    const clients = input.history.meta?.clients;
    const lane = laneOf(typeof clients === 'number' && Number.isInteger(clients) && clients > 0 ? clients : undefined);
    const tables = {
        processes: laneTable(ops, lane),
        keys: new Table(),
        nodes: new Table(),
        values: new Table(),
        errors: new Table(),
    };
    let end = 0;
    for (const op of ops)
        end = Math.max(end, op.invoke, op.complete ?? op.invoke);
    const columns = columnsOf(ops, tables, lane);
    return {
        title: input.title,
        consistency: input.consistency ?? null,
        end: end > 0 ? end : 1,
        processes: tables.processes.values,
        keys: tables.keys.values,
        nodes: tables.nodes.values,
        values: tables.values.values,
        errors: tables.errors.values,
        ops: columns,
        nemesis: (input.history.nemesis ?? []).map((e) => ({ time: e.time, f: e.f, fault: e.fault, target: e.target })),
        results: input.results.map((r) => resultOf(r, input)),
    };
}
/** JSON that is safe inside a script element: no '<' (so no `</script>`), no U+2028/9. */
function scriptJson(data) {
    return JSON.stringify(data)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** A CSP source that allows exactly this inline element text (CSP hashes the text between the tags as UTF-8). */
function cspHash(text) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
}
function renderHistoryPage(input) {
    // The page runs its own script and style and nothing else: no 'unsafe-inline', so markup that got into the page
    // anyway could not run a script. The data element is JSON, which the browser never executes.
    const csp = `default-src 'none'; script-src ${cspHash(PAGE_SCRIPT)}; style-src ${cspHash(PAGE_STYLE)}; img-src data:`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${(0,report_escape/* escapeHtml */.ZD)(input.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <div id="controls">
    <label>Key <select id="key"></select></label>
    <span id="verdict"></span>
    <button id="reset" type="button">Whole history</button>
    <span class="hint">wheel: zoom · drag: pan · click: pin an operation</span>
  </div>
</header>
<section id="why" hidden></section>
<main>
  <canvas id="chart" tabindex="0" aria-label="operations by client over time"></canvas>
  <aside id="detail"><p class="muted">Point at an operation to see it.</p></aside>
</main>
<section id="legend">
  <span class="sw ok"></span>ok <span class="sw fail"></span>fail <span class="sw info"></span>unknown (info)
  <span class="sw fault"></span>fault held · R read · W write · C compare-and-set
  <span class="sw witness"></span>in the witness <span class="sw prefix"></span>end of the longest order found
</section>
<section id="final" hidden></section>
<script id="data" type="application/json">${scriptJson(pageData(input))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}


/***/ })

};
