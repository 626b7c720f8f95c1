export const id = 731;
export const ids = [731];
export const modules = {

/***/ 7176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ judgeFinalValue),
/* harmony export */   o: () => (/* binding */ legalFinalValues)
/* harmony export */ });
/**
 * The writes of a key: plain writes, and compare-and-sets that swapped (or may have) as writes of their new value.
 * A cas that certainly did not swap wrote nothing.
 */
function writesOf(operations, key) {
    return operations.flatMap((op) => {
        if (op.key !== key)
            return [];
        if (op.f === 'write')
            return [op];
        if (op.f === 'cas' && op.succeeded !== false)
            return [{ ...op, f: 'write', value: op.value[1] }];
        return [];
    });
}
function legalFinalValues(operations, key, initialValue = null) {
    const writes = writesOf(operations, key).filter((op) => op.type === 'ok' || op.type === 'info');
    // The latest invocation of an ok write is all that matters: W is superseded iff it completed before that.
    let lastOkInvoke = -Infinity;
    for (const w of writes)
        if (w.type === 'ok' && w.invoke > lastOkInvoke)
            lastOkInvoke = w.invoke;
    const legal = new Set();
    if (lastOkInvoke === -Infinity)
        legal.add(initialValue);
    for (const w of writes) {
        const end = w.type === 'ok' && w.complete !== null ? w.complete : Infinity;
        if (!(lastOkInvoke > end))
            legal.add(w.value);
    }
    return legal;
}
function judgeFinalValue(operations, key, value, initialValue = null) {
    if (legalFinalValues(operations, key, initialValue).has(value))
        return { legal: true };
    const writes = writesOf(operations, key);
    const own = writes.find((w) => w.value === value);
    if (value === initialValue && own === undefined) {
        return {
            legal: false,
            reason: `the key is ${value === null ? 'missing' : JSON.stringify(value)} everywhere, although writes to it were acknowledged`,
        };
    }
    if (own === undefined)
        return { legal: false, reason: `${JSON.stringify(value)} was never written to this key` };
    if (own.type === 'fail')
        return { legal: false, reason: `${JSON.stringify(value)} comes from a write that was refused (${own.error ?? 'failed'})` };
    const later = writes.find((w) => w.type === 'ok' && own.complete !== null && w.invoke > own.complete);
    const by = later ? ` (e.g. ${JSON.stringify(later.value)} by client ${String(later.process)} via ${later.node ?? '?'})` : '';
    return {
        legal: false,
        reason: `${JSON.stringify(value)} was acknowledged at ${own.complete ?? '?'} ms, but a write invoked after that was ` +
            `acknowledged too${by}: an acknowledged later write was lost`,
    };
}


/***/ }),

/***/ 4318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   gL: () => (/* binding */ clipText),
/* harmony export */   ol: () => (/* binding */ quoteText)
/* harmony export */ });
// The one way text from a history (processes, keys, nodes, values, errors, file names) is shown: on one line, with
// every control character and every invisible or reordering one escaped, so a history cannot move the cursor,
// recolour a terminal, hide text, or start a line a CI runner reads as a command (`::cmd::` or `##[cmd]`).
function hex(code, width) {
    return (width === 2 ? '\\x' : '\\u') + code.toString(16).padStart(width, '0');
}
/** C0/C1 controls, line and paragraph separators, bidi controls, zero-width and BOM characters. */
function isUnsafe(c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true;
    if (c < 0x200b)
        return c === 0x061c || c === 0x180e;
    return c <= 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
}
function escapeCodeUnit(s, i, out) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
            out.push(s.slice(i, i + 2));
            return 2;
        }
    }
    // A lone surrogate is no character at all; shown as its code it cannot pair with a neighbour.
    if ((c >= 0xd800 && c <= 0xdfff) || isUnsafe(c))
        out.push(hex(c, c <= 0xff ? 2 : 4));
    else
        out.push(s[i]);
    return 1;
}
const NEEDS_WORK = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]|##\[|^::/;
/**
 * Untrusted text made safe to print: controls as \xHH, other invisible or reordering characters and lone surrogates
 * as \uHHHH, `##[` as `##\x5b`, a leading `::` as `\x3a:`. Printable text (any script) is left as it is.
 */
function escapeText(s) {
    if (!NEEDS_WORK.test(s))
        return s;
    const out = [];
    let i = 0;
    if (s.startsWith('::')) {
        out.push('\\x3a');
        i = 1;
    }
    while (i < s.length) {
        if (s.charCodeAt(i) === 0x5b && i >= 2 && s.charCodeAt(i - 1) === 0x23 && s.charCodeAt(i - 2) === 0x23) {
            out.push('\\x5b');
            i++;
            continue;
        }
        i += escapeCodeUnit(s, i, out);
    }
    return out.join('');
}
/** A string shown in quotes: `escapeText` with `\` and `"` escaped too, so the quotes always end where it ends. */
function quoteText(s, maxChars = Infinity) {
    const cut = s.length > maxChars ? s.slice(0, maxChars) : s;
    const body = escapeText(cut.replace(/[\\"]/g, (c) => '\\' + c));
    return `"${body}"${cut.length < s.length ? `…(${s.length - cut.length} more characters)` : ''}`;
}
/** A bounded rendering of text for an error message. */
function clipText(s, maxChars = 200) {
    return escapeText(s.length > maxChars ? `${s.slice(0, maxChars)}…` : s);
}


/***/ }),

/***/ 4944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  __: () => (/* reexport */ Budget),
  L$: () => (/* reexport */ BudgetExceeded),
  df: () => (/* reexport */ DEFAULT_MAX_MEMORY_BYTES),
  tx: () => (/* reexport */ HistoryError),
  BQ: () => (/* reexport */ MODEL_NAMES),
  GF: () => (/* reexport */ value_table_ValueTable),
  X3: () => (/* reexport */ checkHistory),
  X1: () => (/* reexport */ display/* escapeText */.X1),
  z3: () => (/* reexport */ formatBytes),
  Zm: () => (/* reexport */ formatWitness),
  Ad: () => (/* reexport */ historyToJson),
  H4: () => (/* reexport */ parseHistoryText),
  ol: () => (/* reexport */ display/* quoteText */.ol),
  D5: () => (/* reexport */ toEdn)
});

// UNUSED EXPORTS: HISTORY_SCHEMA_VERSION, MODEL_FUNCTIONS, OP_FUNCTIONS, appendValue, defaultInitialValue, detectFormat, formatOperation, inferModel, isModelName, parseEdnHistory, parseJepsenLog, parseJsonHistory, readEdn, readEdnForms, step, validateHistory

// EXTERNAL MODULE: ./src/linearizability/display.ts
var display = __webpack_require__(4318);
;// CONCATENATED MODULE: ./src/linearizability/history.ts
// The history types shared by the parsers, the checker and the action's recorder, and the validator of the
// project's own versioned JSON form (documented in docs/history-format.md).

const HISTORY_SCHEMA_VERSION = 1;
const MODEL_NAMES = ['register', 'cas-register', 'kv'];
const OP_FUNCTIONS = ['read', 'write', 'cas', 'get', 'put', 'append'];
class HistoryError extends Error {
    /** 1-based line of the input that is wrong, when known. */
    line;
    constructor(message, line) {
        super(line === undefined ? message : `line ${line}: ${message}`);
        this.name = 'HistoryError';
        this.line = line;
    }
}
function isValue(v) {
    return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}
function isModelName(v) {
    return typeof v === 'string' && MODEL_NAMES.includes(v);
}
function isOpFunction(v) {
    return typeof v === 'string' && OP_FUNCTIONS.includes(v);
}
function isReadFunction(f) {
    return f === 'read' || f === 'get';
}
/** Functions each model accepts; kv also takes read/write (as get/put) so one recorder can serve all. */
const MODEL_FUNCTIONS = {
    register: ['read', 'write'],
    'cas-register': ['read', 'write', 'cas'],
    kv: ['get', 'put', 'append', 'read', 'write', 'cas'],
};
/** Picks the least powerful model that accepts every function in the history. */
function inferModel(operations) {
    let model = 'register';
    for (const op of operations) {
        if (op.f === 'get' || op.f === 'put' || op.f === 'append')
            return 'kv';
        if (op.f === 'cas')
            model = 'cas-register';
    }
    return model;
}
/**
 * Checks a parsed JSON value against the own history form and returns it typed. `lineOf` maps an operation's
 * index to its line in the source text so that errors can name it.
 */
function validateHistory(input, lineOf = () => undefined) {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw new HistoryError(NOT_AN_OBJECT);
    const obj = input;
    const history = validateHead(obj);
    if (!Array.isArray(obj.operations))
        throw new HistoryError('"operations" must be an array');
    obj.operations.forEach((raw, i) => {
        history.operations.push(validateOperation(raw, i, lineOf(i)));
    });
    return history;
}
const NOT_AN_OBJECT = 'a history must be a JSON object with "schemaVersion" and "operations"';
/** Everything of the own form but its operations: the history it describes, with no operations yet. */
function validateHead(obj) {
    if (obj.schemaVersion !== HISTORY_SCHEMA_VERSION) {
        throw new HistoryError(`unsupported schemaVersion ${shortJson(obj.schemaVersion)} (expected ${HISTORY_SCHEMA_VERSION})`);
    }
    if (obj.model !== undefined && !isModelName(obj.model)) {
        throw new HistoryError(`unknown model ${shortJson(obj.model)} (expected one of ${MODEL_NAMES.join(', ')})`);
    }
    if (obj.initialValue !== undefined && !isValue(obj.initialValue)) {
        throw new HistoryError('initialValue must be a string, a number or null');
    }
    const history = { schemaVersion: 1, operations: [] };
    if (obj.model !== undefined)
        history.model = obj.model;
    if (obj.initialValue !== undefined)
        history.initialValue = obj.initialValue;
    if (obj.nemesis !== undefined)
        history.nemesis = validateNemesis(obj.nemesis);
    if (obj.meta !== undefined) {
        if (typeof obj.meta !== 'object' || obj.meta === null || Array.isArray(obj.meta))
            throw new HistoryError('"meta" must be an object');
        history.meta = obj.meta;
    }
    return history;
}
function validateNemesis(nemesis) {
    if (!Array.isArray(nemesis))
        throw new HistoryError('"nemesis" must be an array');
    return nemesis.map((e, i) => {
        const x = e;
        if (typeof x !== 'object' ||
            x === null ||
            typeof x.time !== 'number' ||
            !Number.isFinite(x.time) ||
            (x.f !== 'start' && x.f !== 'stop') ||
            typeof x.fault !== 'string' ||
            typeof x.target !== 'string') {
            throw new HistoryError(`nemesis[${i}] must be { time, f: "start" | "stop", fault, target }`);
        }
        return { time: x.time, f: x.f, fault: x.fault, target: x.target };
    });
}
/** A value as a bounded, escaped line of JSON for an error message (it may be anything, of any size or depth). */
function shortJson(v) {
    if (v === undefined)
        return 'undefined';
    if (typeof v === 'object' && v !== null)
        return Array.isArray(v) ? 'an array' : 'an object';
    return (0,display/* clipText */.gL)(JSON.stringify(v), 100);
}
/**
 * What is wrong with an operation's times, the same rule for every format: finite, an `ok` operation completes,
 * and never before it was invoked. Undefined when nothing is.
 */
function timeProblem(type, invoke, complete) {
    if (!Number.isFinite(invoke))
        return 'invoke';
    if (complete === null)
        return type === 'ok' ? 'missing' : undefined;
    if (!Number.isFinite(complete))
        return 'complete';
    return complete < invoke ? 'order' : undefined;
}
/** One operation of the own form, typed; errors name it by index and line. */
function bad(i, line, msg) {
    throw new HistoryError(`operations[${i}]: ${msg}`, line);
}
function validateOperation(raw, i, line) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        bad(i, line, 'must be an object');
    const o = raw;
    if (!isOpFunction(o.f))
        bad(i, line, `"f" must be one of ${OP_FUNCTIONS.join(', ')}`);
    const f = o.f;
    if (o.type !== 'ok' && o.type !== 'fail' && o.type !== 'info')
        bad(i, line, '"type" must be "ok", "fail" or "info"');
    const type = o.type;
    if (typeof o.process !== 'number' && typeof o.process !== 'string')
        bad(i, line, '"process" must be a number or a string');
    if (typeof o.invoke !== 'number')
        bad(i, line, '"invoke" must be a finite number');
    if (o.complete !== null && o.complete !== undefined && typeof o.complete !== 'number')
        bad(i, line, '"complete" must be a finite number or null');
    const invoke = o.invoke;
    const complete = (o.complete ?? null);
    const problem = timeProblem(type, invoke, complete);
    if (problem === 'invoke')
        bad(i, line, '"invoke" must be a finite number');
    if (problem === 'complete')
        bad(i, line, '"complete" must be a finite number or null');
    if (problem === 'missing')
        bad(i, line, 'an "ok" operation needs a "complete" time');
    if (problem === 'order')
        bad(i, line, `"complete" (${complete}) is before "invoke" (${invoke})`);
    let value;
    if (f === 'cas') {
        if (!Array.isArray(o.value) || o.value.length !== 2 || !isValue(o.value[0]) || !isValue(o.value[1])) {
            bad(i, line, 'a cas value must be [from, to]');
        }
        value = [o.value[0], o.value[1]];
    }
    else {
        const v = o.value === undefined && isReadFunction(f) && type !== 'ok' ? null : o.value;
        if (!isValue(v))
            bad(i, line, '"value" must be a string, a number or null');
        value = v;
    }
    const op = { process: o.process, f, value, type, invoke, complete };
    if (o.id !== undefined) {
        if (typeof o.id !== 'number')
            bad(i, line, '"id" must be a number');
        op.id = o.id;
    }
    if (o.node !== undefined) {
        if (typeof o.node !== 'string')
            bad(i, line, '"node" must be a string');
        op.node = o.node;
    }
    if (o.key !== undefined) {
        if (typeof o.key !== 'string')
            bad(i, line, '"key" must be a string');
        op.key = o.key;
    }
    if (o.succeeded !== undefined) {
        if (typeof o.succeeded !== 'boolean')
            bad(i, line, '"succeeded" must be a boolean');
        if (f !== 'cas')
            bad(i, line, '"succeeded" is only meaningful for cas');
        op.succeeded = o.succeeded;
    }
    if (o.error !== undefined) {
        if (typeof o.error !== 'string')
            bad(i, line, '"error" must be a string');
        op.error = o.error;
    }
    return op;
}
/** Renders a history as JSON with one operation per line, so that error messages and diffs stay readable. */
function historyToJson(history) {
    const { operations, ...head } = history;
    const headJson = JSON.stringify(head);
    const body = operations.map((op) => '  ' + JSON.stringify(op)).join(',\n');
    return `${headJson.slice(0, -1)}${headJson.length > 2 ? ',' : ''}"operations":[\n${body}\n]}\n`;
}

;// CONCATENATED MODULE: ./src/linearizability/budget.ts
// The limits of one check, shared by the readers and the search: a deadline and a memory cap. The memory is an
// account of what the check holds (the parsed history, the search's arrays, memo and values), reserved before it
// is allocated, so the cap is never crossed first and noticed later. Sizes are estimates of V8's layout on a
// 64-bit machine, on the high side.
/** The budget ran out: past the deadline, or an allocation would pass the memory cap. */
class BudgetExceeded extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'BudgetExceeded';
    }
}
const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;
class Budget {
    /** performance.now() past which the work stops; Infinity for none. */
    deadline;
    maxBytes;
    used = 0;
    peak = 0;
    constructor(options = {}) {
        const start = options.start ?? performance.now();
        const t = options.timeoutMs;
        this.deadline = t !== undefined && Number.isFinite(t) && t > 0 ? start + t : Infinity;
        this.maxBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
    }
    /** Bytes reserved now. */
    get usedBytes() {
        return this.used;
    }
    /** The most ever reserved at once. */
    get peakBytes() {
        return this.peak;
    }
    /** Whether `bytes` more would still fit under the cap. */
    fits(bytes) {
        return this.used + bytes <= this.maxBytes;
    }
    /** Reserves `bytes` before they are allocated; throws (reason memory) when that would pass the cap. */
    reserve(bytes, what) {
        if (this.used + bytes > this.maxBytes) {
            throw new BudgetExceeded('memory', `${what} would take more memory than --max-memory (${formatBytes(this.maxBytes)}) allows`);
        }
        this.used += bytes;
        if (this.used > this.peak)
            this.peak = this.used;
    }
    release(bytes) {
        this.used = Math.max(0, this.used - bytes);
    }
    expired() {
        return this.deadline !== Infinity && performance.now() >= this.deadline;
    }
    /** Throws (reason timeout) once the deadline has passed. */
    checkTime(what) {
        if (this.expired())
            throw new BudgetExceeded('timeout', `the time budget (--timeout) ran out while ${what}`);
    }
}
function formatBytes(n) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return u === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}
/**
 * Reservations in batches: a reader that holds many small things reserves a slab at a time, so the account is
 * consulted once per slab, not per value, and stays ahead of what is held by at most one slab.
 */
class Meter {
    budget;
    what;
    doing;
    slab;
    held = 0;
    reserved = 0;
    constructor(budget, 
    /** What holds the bytes, and what is being done meanwhile, for the messages. */
    what, doing = 'reading the history', slab = 1 << 20) {
        this.budget = budget;
        this.what = what;
        this.doing = doing;
        this.slab = slab;
    }
    /** Counts `bytes` as held; reserves another slab (and looks at the clock) when the last one is used up. */
    add(bytes) {
        this.held += bytes;
        if (this.held > this.reserved)
            this.refill();
    }
    refill() {
        if (this.budget === undefined) {
            this.reserved = this.held + this.slab;
            return;
        }
        const more = this.held - this.reserved + this.slab;
        // Near the cap a full slab would refuse what still fits; the last reservation is exact.
        const step = this.budget.fits(more) ? more : this.held - this.reserved;
        this.budget.reserve(step, this.what);
        this.reserved += step;
        this.budget.checkTime(this.doing);
    }
    /** Stops holding `bytes` (they were freed or handed over). */
    drop(bytes) {
        this.held = Math.max(0, this.held - bytes);
    }
    get heldBytes() {
        return this.held;
    }
    /** Gives back everything reserved. */
    close() {
        this.budget?.release(this.reserved);
        this.held = 0;
        this.reserved = 0;
    }
    /** Keeps the bytes held as a reservation of the budget's own (e.g. the parsed history), returning their number. */
    keep() {
        const kept = this.held;
        this.budget?.release(this.reserved - kept);
        this.held = 0;
        this.reserved = 0;
        return kept;
    }
}
/** What one part of the check holds (a key's search), reserved in the budget and given back at once when it ends. */
class Account {
    budget;
    what;
    held = 0;
    constructor(budget, what) {
        this.budget = budget;
        this.what = what;
    }
    take(bytes) {
        this.budget.reserve(bytes, this.what);
        this.held += bytes;
    }
    give(bytes) {
        this.budget.release(bytes);
        this.held -= bytes;
    }
    get heldBytes() {
        return this.held;
    }
    close() {
        this.budget.release(this.held);
        this.held = 0;
    }
}

;// CONCATENATED MODULE: ./src/linearizability/model.ts
// The sequential specifications: a register (read/write), a compare-and-set register, and a key-value store
// (get/put/append per key). The checker runs a compiled integer form of the same rules (see search.ts); the
// value-level `step` here is the reference the tests and the witness use.


/** How an operation enters the search. */
const OpKind = {
    /** Returned a value: legal only when the state equals it. */
    Read: 0,
    Write: 1,
    /** A cas that matched: legal only when the state equals `from`; then the state becomes `to`. */
    CasOk: 2,
    /** A cas that ran and did not match: legal only when the state differs from `from`; no change. */
    CasFalse: 3,
    /** A cas whose outcome is unknown: any state is legal; it sets `to` when the state equals `from`. */
    CasOpen: 4,
    Append: 5,
};
/**
 * Whether an operation constrains the search at all. `fail` operations did not happen; a read that did not
 * complete (or whose result is unknown) neither changes the state nor says anything about it.
 */
function isIgnored(op) {
    if (op.type === 'fail')
        return true;
    return op.type === 'info' && isReadFunction(op.f);
}
function opKind(op) {
    switch (op.f) {
        case 'read':
        case 'get':
            return OpKind.Read;
        case 'write':
        case 'put':
            return OpKind.Write;
        case 'append':
            return OpKind.Append;
        case 'cas':
            if (op.type === 'info')
                return OpKind.CasOpen;
            return op.succeeded === false ? OpKind.CasFalse : OpKind.CasOk;
    }
}
/** Append concatenates text; appending to an absent key starts from the empty string. */
function appendValue(state, arg) {
    return (state === null ? '' : String(state)) + (arg === null ? '' : String(arg));
}
/** One step of the sequential specification, on plain values. */
function step(state, op) {
    switch (opKind(op)) {
        case OpKind.Read:
            return { ok: state === op.value, state };
        case OpKind.Write:
            return { ok: true, state: op.value };
        case OpKind.Append:
            return { ok: true, state: appendValue(state, op.value) };
        case OpKind.CasOk: {
            const [from, to] = op.value;
            return state === from ? { ok: true, state: to } : { ok: false, state };
        }
        case OpKind.CasFalse: {
            const [from] = op.value;
            return { ok: state !== from, state };
        }
        case OpKind.CasOpen: {
            const [from, to] = op.value;
            return { ok: true, state: state === from ? to : state };
        }
    }
}
/** Throws a message naming the first operation the model does not support. */
function unsupportedOperation(model, operations) {
    const allowed = MODEL_FUNCTIONS[model];
    const i = operations.findIndex((op) => !allowed.includes(op.f));
    if (i < 0)
        return undefined;
    const op = operations[i];
    return `operation ${i} (${op.f}) is not supported by the ${model} model (it takes ${allowed.join(', ')})`;
}
/**
 * The initial value each key holds when neither the history nor the caller says: null (absent) everywhere, except
 * kv histories in EDN, which follow Porcupine's kv tests (a key that was never written reads as "").
 */
function defaultInitialValue(model, format) {
    return model === 'kv' && format === 'edn' ? '' : null;
}
/** A value as a person reads it; a string is quoted and escaped (it comes from the history). */
function describeValue(v) {
    if (v === null)
        return 'nothing (absent)';
    return typeof v === 'string' ? (0,display/* quoteText */.ol)(v) : String(v);
}
/** A process or node name from the history, escaped. */
function nameText(name) {
    return typeof name === 'number' ? String(name) : (0,display/* escapeText */.X1)(name);
}
function modelNoun(model) {
    return model === 'kv' ? 'the key' : 'the register';
}

;// CONCATENATED MODULE: ./src/linearizability/values.ts
// The values of one key's search, interned to small integers so a state is one integer. Short values are found by a
// Map, as V8 hashes them. A value longer than 16,383 characters V8 hashes by its length alone, so long values of
// one length would all collide in a Map; they are found instead by a polynomial hash kept for each, which an append
// updates in constant time (h(s + a) follows from h(s) and a). A long value made by `+` then stays a rope (a few
// dozen bytes) unless it must be compared with an equal-looking one, which is when V8 copies it flat; the memory
// and the time of that are counted, as is the copy a Map makes of a short one.

// Estimated bytes per interned value: its slot and numbers here, a bucket entry, and a rope's node.
const VALUE_BYTES = 96;
const MAX_STRING_LENGTH = 0x1fffffe8;
// Polynomial hashing modulo the prime 2^31 - 1: modulo a power of two, texts built of repeated blocks (which appends
// make) collide by the thousand.
const PRIME = 0x7fffffff;
const BASE = 0x2545f491;
/** a * b modulo PRIME, for a and b below 2^31: b is split so that no product passes 2^53. */
function mulmod(a, b) {
    return ((((a * (b >>> 16)) % PRIME) * 0x10000 + a * (b & 0xffff)) % PRIME) | 0;
}
function textOf(v) {
    return v === null ? '' : String(v);
}
function textHash(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++)
        h = (mulmod(h, BASE) + s.charCodeAt(i)) % PRIME;
    return h;
}
/** BASE to the power `n`, modulo PRIME. */
function basePower(n) {
    let result = 1;
    let b = BASE;
    for (let e = n; e > 0; e = Math.floor(e / 2)) {
        if (e % 2 === 1)
            result = mulmod(result, b);
        b = mulmod(b, b);
    }
    return result;
}
/** Past this length V8 hashes a string by its length only. */
const LONG = 16_384;
class ValueTable {
    account;
    values = [];
    /** Numbers, null and short strings. */
    ids = new Map();
    /** Long strings by the hash of their text (one id, or several that share it). */
    byHash = new Map();
    /** Each value's polynomial hash once needed (-1 before), and its text's length. */
    hashes = [];
    lengths = [];
    /** Work beyond a constant done since the caller last took it (long comparisons and copies), in search steps. */
    debt = 0;
    constructor(account) {
        this.account = account;
    }
    /** The id of a value from the history (the strings the history already holds, so no copy is made). */
    intern(v) {
        if (typeof v === 'string' && v.length >= LONG) {
            const hash = textHash(v);
            const found = this.findLong(hash, v);
            return found >= 0 ? found : this.add(v, hash, v.length);
        }
        const id = this.ids.get(v);
        return id !== undefined ? id : this.addShort(v);
    }
    addShort(v) {
        const id = this.add(v, -1, textOf(v).length);
        this.ids.set(v, id);
        return id;
    }
    add(v, hash, length) {
        this.account.take(VALUE_BYTES);
        const id = this.values.length;
        this.values.push(v);
        this.hashes.push(hash);
        this.lengths.push(length);
        if (length >= LONG) {
            const bucket = this.byHash.get(hash);
            if (bucket === undefined)
                this.byHash.set(hash, id);
            else if (typeof bucket === 'number')
                this.byHash.set(hash, [bucket, id]);
            else
                bucket.push(id);
        }
        return id;
    }
    /** The id of the long string `text` (whose hash is `hash`), or -1; equal-looking candidates are compared. */
    findLong(hash, text) {
        const bucket = this.byHash.get(hash);
        if (bucket === undefined)
            return -1;
        for (const id of typeof bucket === 'number' ? [bucket] : bucket) {
            if (this.lengths[id] !== text.length)
                continue;
            // Comparing flattens both ropes: that memory and that time are real.
            this.account.take(2 * (24 + 2 * text.length));
            this.debt += text.length >>> 6;
            if (this.values[id] === text)
                return id;
        }
        return -1;
    }
    hashOf(id) {
        let h = this.hashes[id];
        if (h < 0) {
            h = textHash(textOf(this.values[id]));
            this.hashes[id] = h;
            this.debt += this.lengths[id] >>> 6;
        }
        return h;
    }
    /** What appending does with an argument, worked out once per operation. */
    appendArgument(arg) {
        const text = textOf(arg);
        return { text, length: text.length, hash: textHash(text), power: basePower(text.length) };
    }
    /** The id of `state`'s text followed by the argument's (appendValue), made once per distinct text. */
    append(state, arg) {
        const length = this.lengths[state] + arg.length;
        if (length > MAX_STRING_LENGTH)
            throw new BudgetExceeded('memory', 'an appended value would be longer than a string can be');
        if (length < LONG) {
            // A Map hashes the new text whole, which makes it flat: a copy of its own.
            this.account.take(24 + 2 * length);
            this.debt += length >>> 6;
            const text = textOf(this.values[state]) + arg.text;
            const id = this.ids.get(text);
            return id !== undefined ? id : this.addShort(text);
        }
        const hash = (mulmod(this.hashOf(state), arg.power) + arg.hash) % PRIME;
        const text = textOf(this.values[state]) + arg.text;
        const found = this.findLong(hash, text);
        return found >= 0 ? found : this.add(text, hash, length);
    }
}

;// CONCATENATED MODULE: ./src/linearizability/search.ts
// The search over one key: Wing & Gong's algorithm with Lowe's memo of visited configurations, in the shape
// Porcupine uses (a doubly linked list of call/return entries; linearizing an operation lifts its two entries out,
// backtracking puts them back). Values are interned to small integers so a configuration is a bitset of linearized
// operations plus one integer state, and the memo is an open-addressing hash table over typed arrays so the hot
// loop does not allocate. Everything the search holds is reserved in the budget before it is allocated, and the
// clock is read by the work done, not by the number of steps: a step costs more the more operations the key has.


// The clock is read after about this much work, in steps of the cheapest kind (~20 ns): about every 0.3 ms.
const CLOCK_WORK = 0x3fff;
// A memo lookup compares or copies the whole bitset: a word costs about this fraction of a step.
const WORDS_PER_STEP = 16;
const MAX_FRONTIER_STATES = 16;
const PREFIX_KEPT = 6;
// Reserved per operation: the arrays the search keeps (PER_OP) and those only its construction needs (BUILD_PER_OP).
const PER_OP_BYTES = 72;
const BUILD_PER_OP_BYTES = 80;
// An append's remembered transition (a Map entry).
const TRANSITION_BYTES = 48;
const MEMO_START_BYTES = 1 << 16;
// Deterministic per-operation random words for Zobrist hashing of the linearized set: setting or clearing a bit
// updates the hash with one xor, so the memo never rehashes a whole bitset.
function zobristWords(n) {
    const out = new Int32Array(n);
    let x = 0x9e3779b9 | 0;
    for (let i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out[i] = x;
    }
    return out;
}
function mixHash(setHash, state) {
    let h = setHash ^ Math.imul(state + 0x632be5ab, 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h;
}
/** A set of (linearized bitset, state) configurations, reserved in the budget before each allocation. */
class Memo {
    words;
    account;
    stride;
    pool;
    hashes;
    table;
    mask;
    count = 0;
    /** Work in steps beyond the lookup itself (a growth's copy) since the search last took it. */
    debt = 0;
    constructor(words, account) {
        this.words = words;
        this.account = account;
        this.stride = words + 1;
        // A few records to start with when a record is large: the first allocation is bounded too.
        let capacity = 1024;
        while (capacity > 2 && capacity * this.stride * 4 > MEMO_START_BYTES)
            capacity >>>= 1;
        this.take(Memo.bytes(capacity * this.stride, capacity, capacity * 2));
        this.pool = new Uint32Array(capacity * this.stride);
        this.hashes = new Int32Array(capacity);
        this.table = new Int32Array(capacity * 2);
        this.mask = this.table.length - 1;
    }
    static bytes(pool, hashes, table) {
        return (pool + hashes + table) * 4;
    }
    take(bytes) {
        this.account.take(bytes);
    }
    give(bytes) {
        this.account.give(bytes);
    }
    /** Adds the configuration; false when it was already present. */
    add(bits, state, hash) {
        const words = this.words;
        const stride = this.stride;
        const table = this.table;
        const pool = this.pool;
        const hashes = this.hashes;
        let slot = hash & this.mask;
        // Linear probing ends at an empty slot: the table is never more than half full.
        for (;;) {
            const r = table[slot];
            if (r === 0)
                break;
            const rec = r - 1;
            if (hashes[rec] === hash) {
                const base = rec * stride;
                if (pool[base] === state) {
                    let same = true;
                    for (let w = 0; w < words; w++) {
                        if (pool[base + 1 + w] !== bits[w]) {
                            same = false;
                            break;
                        }
                    }
                    if (same)
                        return false;
                }
            }
            slot = (slot + 1) & this.mask;
        }
        if (this.count === hashes.length)
            this.growPool();
        const rec = this.count++;
        const base = rec * stride;
        this.pool[base] = state;
        for (let w = 0; w < words; w++)
            this.pool[base + 1 + w] = bits[w];
        this.hashes[rec] = hash;
        table[slot] = rec + 1;
        if (this.count * 2 > table.length)
            this.growTable();
        return true;
    }
    // Both grow by doubling: the new array is reserved first, and the old one given back once copied.
    growPool() {
        const old = Memo.bytes(this.pool.length, this.hashes.length, 0);
        this.take(2 * old);
        const pool = new Uint32Array(this.pool.length * 2);
        pool.set(this.pool);
        this.pool = pool;
        const hashes = new Int32Array(this.hashes.length * 2);
        hashes.set(this.hashes);
        this.hashes = hashes;
        this.give(old);
        this.debt += old >>> 8;
    }
    growTable() {
        const old = Memo.bytes(0, 0, this.table.length);
        this.take(2 * old);
        const table = new Int32Array(this.table.length * 2);
        const mask = table.length - 1;
        for (let rec = 0; rec < this.count; rec++) {
            let slot = this.hashes[rec] & mask;
            while (table[slot] !== 0)
                slot = (slot + 1) & mask;
            table[slot] = rec + 1;
        }
        this.table = table;
        this.mask = mask;
        this.give(old);
        this.debt += this.count >>> 2;
    }
}
/** Lifts entry `e` out of the list; `e` keeps its own links, so `relink` can put it back. */
function unlink(next, prev, e) {
    const p = prev[e];
    const q = next[e];
    next[p] = q;
    if (q !== -1)
        prev[q] = p;
}
/** Puts back an entry `unlink` lifted out; entries go back in the reverse order they were lifted. */
function relink(next, prev, e) {
    const p = prev[e];
    const q = next[e];
    next[p] = e;
    if (q !== -1)
        prev[q] = e;
}
/** Indices 0..n-1 by time, then index; the common case of times already in order costs one pass. */
function argsort(times) {
    const order = new Int32Array(times.length);
    let inOrder = true;
    for (let i = 0; i < times.length; i++) {
        order[i] = i;
        if (i > 0 && times[i] < times[i - 1])
            inOrder = false;
    }
    // Infinity - Infinity is NaN, which sort reads as equal; the index then decides.
    if (!inOrder)
        order.sort((x, y) => times[x] - times[y] || x - y);
    return order;
}
/**
 * Entries 1..2n in time order (0 is the head): calls are 0..n-1, returns n..2n-1. At equal times calls go first
 * (touching intervals overlap, the permissive reading for clocks of limited resolution), then lower entries. Calls
 * and returns are sorted apart and merged: histories come with their calls in order and their returns nearly so.
 */
function entryOrder(n, callTime, returnTime) {
    const calls = argsort(callTime);
    const returns = argsort(returnTime);
    const order = new Int32Array(2 * n);
    let i = 0;
    let j = 0;
    for (let pos = 0; pos < 2 * n; pos++) {
        const c = calls[i];
        const r = returns[j];
        if (j >= n || (i < n && callTime[c] <= returnTime[r])) {
            order[pos] = c;
            i++;
        }
        else {
            order[pos] = n + r;
            j++;
        }
    }
    return order;
}
/**
 * The search over one key's operations. It runs in slices (`run`) so that the keys of a history can share the
 * budget fairly and the check can stop as soon as one key settles the verdict. What it holds is in its account.
 */
class KeySearch {
    checked;
    account;
    steps = 0;
    n;
    values;
    kind;
    argA;
    argB;
    appendArgs;
    appendMemo;
    entryOp;
    match;
    next;
    prev;
    bits;
    zobrist;
    memo;
    stackEntry;
    stackState;
    lookupCost;
    depth = 0;
    setHash = 0;
    state;
    entry;
    frontier = -1;
    frontierStates = [];
    prefix = [];
    prefixLength = 0;
    constructor(operations, checked, initialValue, account) {
        this.checked = checked;
        this.account = account;
        const n = checked.length;
        this.n = n;
        account.take((PER_OP_BYTES + BUILD_PER_OP_BYTES) * n);
        this.values = new ValueTable(account);
        this.state = this.values.intern(initialValue);
        this.kind = new Uint8Array(n);
        this.argA = new Int32Array(n);
        this.argB = new Int32Array(n);
        this.appendArgs = new Array(n);
        this.appendMemo = new Array(n);
        const callTime = new Float64Array(n);
        const returnTime = new Float64Array(n);
        // Building takes about a microsecond per operation: the clock is read as it goes, not only once it is built.
        const budget = account.budget;
        for (let i = 0; i < n; i++) {
            if ((i & 0xffff) === 0xffff)
                budget.checkTime('building the search');
            const op = operations[checked[i]];
            this.compile(i, op);
            callTime[i] = op.invoke;
            // An operation that may or may not have happened can take effect at any time after its call.
            returnTime[i] = op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
        }
        budget.checkTime('building the search');
        const sorted = entryOrder(n, callTime, returnTime);
        budget.checkTime('building the search');
        const size = 2 * n + 1;
        this.entryOp = new Int32Array(size);
        this.match = new Int32Array(size); // call entry -> its return entry; 0 on return entries
        this.next = new Int32Array(size);
        this.prev = new Int32Array(size);
        this.link(sorted);
        this.entry = this.next[0];
        account.give(BUILD_PER_OP_BYTES * n);
        const words = (n + 31) >>> 5;
        this.lookupCost = Math.floor(words / WORDS_PER_STEP);
        this.bits = new Uint32Array(words);
        this.zobrist = zobristWords(n);
        this.memo = new Memo(words, account);
        this.stackEntry = new Int32Array(n);
        this.stackState = new Int32Array(n);
    }
    compile(i, op) {
        const k = opKind(op);
        this.kind[i] = k;
        if (k === OpKind.CasOk || k === OpKind.CasFalse || k === OpKind.CasOpen) {
            const [from, to] = op.value;
            this.argA[i] = this.values.intern(from);
            this.argB[i] = this.values.intern(to);
        }
        else {
            this.argA[i] = this.values.intern(op.value);
            if (k === OpKind.Append)
                this.appendArgs[i] = this.values.appendArgument(op.value);
        }
    }
    link(sorted) {
        const n = this.n;
        const callEntry = new Int32Array(n);
        const returnEntry = new Int32Array(n);
        sorted.forEach((raw, pos) => {
            const e = pos + 1;
            if (raw < n) {
                this.entryOp[e] = raw;
                callEntry[raw] = e;
            }
            else {
                this.entryOp[e] = raw - n;
                returnEntry[raw - n] = e;
            }
        });
        for (let i = 0; i < n; i++)
            this.match[callEntry[i]] = returnEntry[i];
        const size = 2 * n + 1;
        for (let e = 0; e < size; e++) {
            this.next[e] = e + 1 < size ? e + 1 : -1;
            this.prev[e] = e - 1;
        }
    }
    // Appends create new values; each append remembers its transitions so each (state, append) concatenates once.
    appendStep(state, op) {
        let memo = this.appendMemo[op];
        if (memo === undefined)
            this.appendMemo[op] = memo = new Map();
        let next = memo.get(state);
        if (next === undefined) {
            this.account.take(TRANSITION_BYTES);
            next = this.values.append(state, this.appendArgs[op]);
            memo.set(state, next);
            this.memo.debt += 4 + this.values.debt;
            this.values.debt = 0;
        }
        return next;
    }
    /**
     * Runs at most `maxSteps` steps (one per entry visited) or until the deadline; returns the verdict, or undefined
     * when the slice ran out first (call again to continue). The clock is read by work, and once at the start.
     */
    run(maxSteps) {
        if (this.n === 0)
            return { verdict: 'linearizable', frontierStates: [], prefix: [], prefixLength: 0 };
        // The hot loop works on locals; they are written back when the slice ends.
        const { entryOp, match, next, prev, bits, zobrist, memo, stackEntry, stackState, lookupCost } = this;
        const deadline = this.account.budget.deadline;
        let { depth, setHash, state, entry, steps } = this;
        const stepLimit = steps + maxSteps;
        let checkAt = steps + 1;
        let outcome;
        // Each iteration linearizes an operation, skips an entry or backtracks; the memo bounds the configurations
        // and the slice bounds the iterations. A memo lookup moves the next look at the clock closer by its cost.
        for (;;) {
            if (next[0] === -1) {
                outcome = { verdict: 'linearizable', frontierStates: [], prefix: [], prefixLength: 0 };
                break;
            }
            if (++steps >= checkAt) {
                if (steps >= stepLimit || performance.now() >= deadline)
                    break;
                checkAt = Math.min(steps + CLOCK_WORK, stepLimit);
            }
            const ret = match[entry];
            if (ret !== 0) {
                const op = entryOp[entry];
                const ns = this.transition(op, state);
                if (ns >= 0) {
                    const w = op >>> 5;
                    const bit = 1 << (op & 31);
                    bits[w] = bits[w] | bit;
                    const newSetHash = setHash ^ zobrist[op];
                    const added = memo.add(bits, ns, mixHash(newSetHash, ns));
                    checkAt -= lookupCost;
                    if (memo.debt !== 0) {
                        checkAt -= memo.debt;
                        memo.debt = 0;
                    }
                    if (added) {
                        stackEntry[depth] = entry;
                        stackState[depth] = state;
                        depth++;
                        state = ns;
                        setHash = newSetHash;
                        unlink(next, prev, entry);
                        unlink(next, prev, ret);
                        entry = next[0];
                        continue;
                    }
                    bits[w] = bits[w] & ~bit;
                }
                entry = next[entry];
                continue;
            }
            // A return entry whose operation is still pending: nothing placed so far lets it in, so undo the last choice.
            if (entry >= this.frontier)
                this.recordFrontier(entry, state, depth);
            if (depth === 0) {
                outcome = this.failure();
                break;
            }
            depth--;
            entry = stackEntry[depth];
            state = stackState[depth];
            const op = entryOp[entry];
            bits[op >>> 5] = bits[op >>> 5] & ~(1 << (op & 31));
            setHash ^= zobrist[op];
            // The reverse of lifting: the return goes back first, then the call.
            relink(next, prev, match[entry]);
            relink(next, prev, entry);
            entry = next[entry];
        }
        this.depth = depth;
        this.setHash = setHash;
        this.state = state;
        this.entry = entry;
        this.steps = steps;
        return outcome;
    }
    /** The state after linearizing `op` in `state`, or -1 when `op` cannot take effect there. */
    transition(op, state) {
        switch (this.kind[op]) {
            case OpKind.Read:
                return state === this.argA[op] ? state : -1;
            case OpKind.Write:
                return this.argA[op];
            case OpKind.CasOk:
                return state === this.argA[op] ? this.argB[op] : -1;
            case OpKind.CasFalse:
                return state !== this.argA[op] ? state : -1;
            case OpKind.CasOpen:
                return state === this.argA[op] ? this.argB[op] : state;
            default:
                return this.appendStep(state, op);
        }
    }
    /** The verdict once backtracking has nothing left to undo: the frontier's operation can never be placed. */
    failure() {
        return {
            verdict: 'not-linearizable',
            failing: this.checked[this.entryOp[this.frontier]],
            frontierStates: this.frontierStates.map((s) => this.values.values[s]),
            prefix: this.prefix,
            prefixLength: this.prefixLength,
        };
    }
    // Only the end of the partial order is kept (what the witness shows), so a new frontier costs the same at any depth.
    recordFrontier(entry, state, depth) {
        if (entry > this.frontier) {
            this.frontier = entry;
            this.frontierStates.length = 0;
            this.prefixLength = depth;
            const from = Math.max(0, depth - PREFIX_KEPT);
            this.prefix = Array.from(this.stackEntry.subarray(from, depth), (e) => this.checked[this.entryOp[e]]);
        }
        if (this.frontierStates.length < MAX_FRONTIER_STATES && !this.frontierStates.includes(state))
            this.frontierStates.push(state);
    }
}

;// CONCATENATED MODULE: ./src/linearizability/witness.ts
// Explanations of a not-linearizable verdict. The search records the furthest point it ever reached: the first
// return entry that no order of the operations could get past. The operation that returns there is the one that
// can never be linearized; the states the search was in at that point are the values the key could hold when it
// would have had to take effect. The window shown around it is the operations that overlap it plus the last ones
// to complete before it started (the ones that decide what it should have seen).



const MAX_WINDOW = 40;
const LAST_LINEARIZED = 6;
function buildWitness(input) {
    const { operations, checked, failing: failingIndex } = input;
    const x = operations[failingIndex];
    const xEnd = x.complete ?? Infinity;
    const end = (op) => (op.type === 'ok' && op.complete !== null ? op.complete : Infinity);
    let settled = -Infinity;
    for (const i of checked) {
        const e = end(operations[i]);
        if (e < x.invoke && e > settled)
            settled = e;
    }
    const roles = new Map();
    for (const i of checked) {
        const op = operations[i];
        if (op.invoke > xEnd || end(op) < settled)
            continue;
        roles.set(i, i === failingIndex ? 'failing' : end(op) < x.invoke ? 'preceding' : 'concurrent');
    }
    // The last write of each value the key could hold explains where that value came from.
    for (const s of input.states) {
        let last = -1;
        for (const i of checked) {
            const op = operations[i];
            if (op.invoke > xEnd || isIgnored(op))
                continue;
            const writes = ((op.f === 'write' || op.f === 'put') && op.value === s) || (op.f === 'cas' && op.value[1] === s);
            if (writes && (last < 0 || op.invoke >= operations[last].invoke))
                last = i;
        }
        if (last >= 0 && !roles.has(last))
            roles.set(last, 'preceding');
    }
    let windowIndices = [...roles.keys()];
    if (windowIndices.length > MAX_WINDOW) {
        windowIndices.sort((a, b) => Math.abs(operations[a].invoke - x.invoke) - Math.abs(operations[b].invoke - x.invoke));
        windowIndices = windowIndices.slice(0, MAX_WINDOW);
        if (!windowIndices.includes(failingIndex))
            windowIndices[MAX_WINDOW - 1] = failingIndex;
    }
    windowIndices.sort((a, b) => operations[a].invoke - operations[b].invoke || a - b);
    const withRole = (i, role) => ({ ...operations[i], index: i, role });
    const window = windowIndices.map((i) => withRole(i, roles.get(i)));
    const failing = withRole(failingIndex, 'failing');
    return {
        key: input.key,
        failing,
        window,
        possibleStates: input.states,
        linearizedBefore: input.prefixLength,
        lastLinearized: input.prefix.slice(-LAST_LINEARIZED).map((i) => withRole(i, roles.get(i) ?? 'preceding')),
        explanation: explain(input.model, x, input.states),
    };
}
function statesText(states) {
    if (states.length === 0)
        return 'no value at all';
    if (states.length === 1)
        return describeValue(states[0]);
    return 'one of ' + states.map(describeValue).join(', ');
}
function explain(model, op, states) {
    const noun = modelNoun(model);
    const who = `process ${nameText(op.process)}${op.node !== undefined ? ` (node ${nameText(op.node)})` : ''}`;
    const holds = `every order of the operations before and during it leaves ${noun} holding ${statesText(states)}`;
    if (op.f === 'read' || op.f === 'get') {
        return `${op.f} by ${who} returned ${describeValue(op.value)}, but ${holds}.`;
    }
    if (op.f === 'cas') {
        const [from, to] = op.value;
        const what = `cas ${describeValue(from)} -> ${describeValue(to)} by ${who}`;
        if (op.succeeded === false) {
            return `${what} reported that the value did not match, but ${noun} must hold ${describeValue(from)} whenever it could have run.`;
        }
        return `${what} succeeded, but ${holds}, never ${describeValue(from)}.`;
    }
    return `${op.f} by ${who} cannot be placed: ${holds}.`;
}
function fmtTime(t) {
    if (t === null || !Number.isFinite(t))
        return 'open';
    return Number.isInteger(t) ? String(t) : t.toFixed(3);
}
/** One operation as a line of text, e.g. `p3 (kv_2) read -> 3  ok  [12.500, 14.100]`. */
function formatOperation(op) {
    let what;
    if (op.f === 'read' || op.f === 'get') {
        what = op.type === 'ok' ? `${op.f} -> ${describeValue(op.value)}` : `${op.f} -> ?`;
    }
    else if (op.f === 'cas') {
        const [from, to] = op.value;
        const outcome = op.type === 'info' ? ' (outcome unknown)' : op.succeeded === false ? ' (no match)' : '';
        what = `cas ${describeValue(from)} -> ${describeValue(to)}${outcome}`;
    }
    else {
        what = `${op.f} ${describeValue(op.value)}`;
    }
    const node = op.node !== undefined ? ` (${nameText(op.node)})` : '';
    const complete = op.type === 'ok' ? fmtTime(op.complete) : op.type === 'info' ? 'open' : fmtTime(op.complete);
    return `p${nameText(op.process)}${node} ${what}  ${op.type}  [${fmtTime(op.invoke)}, ${complete}]`;
}
/** A readable multi-line rendering of a witness. */
function formatWitness(w, indent = '  ') {
    const lines = [];
    lines.push(`${indent}key ${(0,display/* quoteText */.ol)(w.key)}: ${w.explanation}`);
    lines.push(`${indent}operations around it (#index, by invoke time):`);
    for (const op of w.window) {
        const mark = op.role === 'failing' ? '  <-- cannot be linearized' : op.role === 'preceding' ? '  (before)' : '';
        lines.push(`${indent}  #${op.index} ${formatOperation(op)}${mark}`);
    }
    if (w.linearizedBefore > 0) {
        lines.push(`${indent}the longest partial order placed ${w.linearizedBefore} operation(s); it ended with:`);
        for (const op of w.lastLinearized)
            lines.push(`${indent}  #${op.index} ${formatOperation(op)}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/linearizability/value-table.ts
class value_table_ValueTable {
    valueOf;
    groupOf;
    /** The number + 1 per slot; 0: empty. */
    table;
    mask;
    others = [];
    /**
     * `capacity`: how many values at most (the table stays at most half full); `valueOf` and `groupOf` say what a
     * number stands for (one group when there is no `groupOf`).
     */
    constructor(capacity, valueOf, groupOf = () => 0) {
        this.valueOf = valueOf;
        this.groupOf = groupOf;
        let size = 16;
        while (size < 2 * capacity)
            size *= 2;
        this.table = new Int32Array(size);
        this.mask = size - 1;
    }
    /** The number v is kept under in group g, -1 when it is not there. */
    get(g, v) {
        if (typeof v !== 'string')
            return this.others[g]?.get(v) ?? -1;
        const { table, mask } = this;
        for (let slot = hash(g, v) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
            const n = table[slot] - 1;
            if (this.groupOf(n) === g && this.valueOf(n) === v)
                return n;
        }
        return -1;
    }
    /** Keeps v under number n in group g; false (nothing kept) when v is there already. */
    add(g, v, n) {
        if (typeof v !== 'string') {
            const map = (this.others[g] ??= new Map());
            const size = map.size;
            map.set(v, n);
            return map.size !== size;
        }
        const { table, mask } = this;
        let slot = hash(g, v) & mask;
        for (; table[slot] !== 0; slot = (slot + 1) & mask) {
            const m = table[slot] - 1;
            if (this.groupOf(m) === g && this.valueOf(m) === v)
                return false;
        }
        table[slot] = n + 1;
        return true;
    }
}
/** FNV-1a over the group number and the string's code units, then mixed so that the low bits depend on all of them. */
function hash(g, s) {
    let h = Math.imul(0x811c9dc5 ^ g, 0x01000193);
    for (let j = 0; j < s.length; j++)
        h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d);
    return h ^ (h >>> 15);
}

;// CONCATENATED MODULE: ./src/linearizability/unique.ts



const INITIAL = -1;
/**
 * The verdict; 'does-not-qualify' when the key has an operation other than a read or a write, or a value written
 * twice (the search decides it then); 'expired' when `expired` said so between two phases (each is at most
 * O(n log n), so the time budget is looked at after every linear pass).
 */
function checkUnique(operations, indices, initialValue, expired = () => false) {
    const c = writeClusters(operations, indices, initialValue);
    if (c === undefined)
        return 'does-not-qualify';
    if (expired())
        return 'expired';
    const misread = addReads(operations, indices, c);
    if (misread)
        return misread;
    if (expired())
        return 'expired';
    const forward = [];
    const backward = [];
    for (let k = 0; k < c.size; k++) {
        const w = c.write[k];
        // An indeterminate write nobody read may not have happened: it constrains nothing. The initial value's "write"
        // ends before everything; its zone is forward up to its last read's invocation, and nothing without reads.
        if (c.reads[k] === 0 && (w === INITIAL || operations[w].type === 'info'))
            continue;
        (c.f[k] < c.s[k] ? forward : backward).push(k);
    }
    // Ties in order of cluster number, as a stable sort of the clusters in history order would leave them.
    forward.sort((a, b) => c.f[a] - c.f[b] || a - b);
    if (expired())
        return 'expired';
    const overlap = forwardOverlap(operations, c, forward);
    if (overlap !== undefined)
        return overlap;
    if (expired())
        return 'expired';
    return backwardInside(operations, c, forward, backward) ?? { verdict: 'linearizable' };
}
/** When an operation ends: never, for one that may still take effect. */
function end(op) {
    return op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
}
/**
 * One cluster per value written (failed writes did not happen), and the initial value's, each with no reads yet;
 * undefined when the key does not qualify: an operation that is neither a read nor a write, or a value written twice
 * (or the initial value written).
 */
function writeClusters(operations, indices, initialValue) {
    const n = indices.length + 1;
    const value = [initialValue];
    const c = {
        id: new value_table_ValueTable(n, (k) => value[k]),
        value,
        write: new Int32Array(n),
        reads: new Int32Array(n),
        f: new Float64Array(n),
        fOp: new Int32Array(n),
        s: new Float64Array(n),
        sOp: new Int32Array(n),
        size: 1,
    };
    c.write[0] = c.fOp[0] = c.sOp[0] = INITIAL;
    c.f[0] = c.s[0] = -Infinity;
    for (const i of indices) {
        const op = operations[i];
        if (op.f === 'read' || op.f === 'get')
            continue;
        if (op.f !== 'write' && op.f !== 'put')
            return undefined;
        if (op.type === 'fail')
            continue;
        const v = op.value;
        const k = c.size;
        value.push(v);
        if (v === initialValue || !c.id.add(0, v, k))
            return undefined; // written before, or the initial value
        c.write[k] = c.fOp[k] = c.sOp[k] = i;
        c.f[k] = end(op);
        c.s[k] = op.invoke;
        c.size = k + 1;
    }
    return c;
}
/** Puts each completed read in its value's cluster, widening the cluster's zone; the failure when rule 1 breaks. */
function addReads(operations, indices, c) {
    for (const i of indices) {
        const op = operations[i];
        if ((op.f !== 'read' && op.f !== 'get') || op.type !== 'ok')
            continue;
        const v = op.value;
        const k = v === c.value[0] ? 0 : c.id.get(0, v);
        if (k < 0)
            return unwritten(operations, i);
        const w = c.write[k];
        const e = end(op);
        if (w !== INITIAL && e < operations[w].invoke) {
            return fail(operations, `read ${label(op)} ended before the write of its value began (${label(operations[w])})`, [i, w], i);
        }
        c.reads[k]++;
        if (e < c.f[k]) {
            c.f[k] = e;
            c.fOp[k] = i;
        }
        if (op.invoke > c.s[k]) {
            c.s[k] = op.invoke;
            c.sOp[k] = i;
        }
    }
    return undefined;
}
/** Read `i` returned a value no checked write wrote. */
function unwritten(operations, i) {
    const op = operations[i];
    // A failed write is not among the operations checked (it did not happen), but it says where the value came from.
    const failed = operations.findIndex((w) => w.type === 'fail' && (w.f === 'write' || w.f === 'put') && w.value === op.value && (w.key ?? '') === (op.key ?? ''));
    return fail(operations, failed >= 0
        ? `read ${label(op)} returned a value whose write failed (${label(operations[failed])}), so it never happened`
        : `read ${label(op)} returned ${shown(op.value)}, which no write wrote`, failed >= 0 ? [i, failed] : [i], i);
}
/** 2. Forward zones, sorted by start: each must end before the next begins. */
function forwardOverlap(operations, c, forward) {
    for (let k = 1; k < forward.length; k++) {
        const a = forward[k - 1];
        const b = forward[k];
        if (c.f[b] < c.s[a]) {
            // With the initial value this is a read of it after a write was in place: say it as the stale read it is.
            if (a === 0 || b === 0)
                return staleInitial(operations, c, a === 0 ? b : a);
            const [fa, sa, fb, sb] = [
                opText(operations, c.fOp[a]),
                opText(operations, c.sOp[a]),
                opText(operations, c.fOp[b]),
                opText(operations, c.sOp[b]),
            ];
            return fail(operations, `${describe(operations, c, a)} and ${describe(operations, c, b)}: ` +
                `${fa} ended before ${sb} began, so ${val(c, a)} was written before ${val(c, b)}; ` +
                `but ${fb} ended before ${sa} began, so ${val(c, b)} was written before ${val(c, a)}. ` +
                'No order satisfies both', ops(c, a, b), c.sOp[a]);
        }
    }
    return undefined;
}
/**
 * 3. A backward zone inside a forward one: the value would have to be written and read entirely while another
 *    value is known to be in place. Forward zones are disjoint and sorted, so a binary search finds the one.
 */
function backwardInside(operations, c, forward, backward) {
    for (const b of backward) {
        let lo = 0;
        let hi = forward.length - 1;
        let host = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const a = forward[mid];
            if (c.f[a] < c.s[b]) {
                host = a;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        if (host >= 0 && host !== b && c.f[b] < c.s[host] && c.f[host] < c.s[b]) {
            if (host === 0)
                return staleInitial(operations, c, b);
            // The late operation of the host cluster (a read, in practice a stale one) is the one no order can place.
            return fail(operations, `${opText(operations, c.sOp[host])} returned ${val(c, host)}, but ${describe(operations, c, b)} happened entirely ` +
                `after ${val(c, host)} was in place (${opText(operations, c.fOp[host])} ended before it) and before that read ` +
                `began, so the read should have seen ${val(c, b)} or a later value`, ops(c, host, b), c.sOp[host]);
        }
    }
    return undefined;
}
/** A read of the initial value (cluster 0) after some write was in place: a stale read of "nothing yet". */
function staleInitial(operations, c, other) {
    return fail(operations, `${opText(operations, c.sOp[0])} returned ${val(c, 0)}, but ${describe(operations, c, other)} was already in place: ` +
        `${opText(operations, c.fOp[other])} ended before that read began`, ops(c, 0, other), c.sOp[0]);
}
function fail(operations, why, indices, failing) {
    return { verdict: 'not-linearizable', witness: witnessOf(operations, why, indices, failing) };
}
function ops(c, ...ks) {
    return [...new Set(ks.flatMap((k) => [c.fOp[k], c.sOp[k], c.write[k]]).filter((i) => i !== INITIAL))];
}
function val(c, k) {
    const v = c.value[k];
    return k === 0 ? `the initial value (${v === null ? 'absent' : shown(v)})` : shown(v);
}
function describe(operations, c, k) {
    return k === 0 ? 'the initial value' : `the write of ${shown(c.value[k])} (by client ${nameText(operations[c.write[k]].process)})`;
}
/** A value as JSON would show it, a string escaped (it comes from the history). */
function shown(v) {
    return typeof v === 'string' ? (0,display/* quoteText */.ol)(v) : JSON.stringify(v);
}
/** Times to the microsecond at most: what the recorder keeps, and all a person can use. */
const ms = (t) => (t === null ? '?' : String(Math.round(t * 1000) / 1000));
function label(op) {
    return `by client ${nameText(op.process)}${op.node ? ` via ${nameText(op.node)}` : ''} at ${ms(op.invoke)}–${ms(op.complete)} ms`;
}
function opText(operations, i) {
    if (i === INITIAL)
        return 'the initial state';
    const op = operations[i];
    return `the ${op.f === 'get' ? 'read' : op.f === 'put' ? 'write' : op.f} ${label(op)}`;
}
function witnessOf(operations, explanation, indices, failing) {
    const window = [...new Set(indices)]
        .sort((a, b) => operations[a].invoke - operations[b].invoke)
        .map((i) => ({ ...operations[i], index: i, role: i === failing ? 'failing' : 'concurrent' }));
    return {
        failing: window.find((w) => w.role === 'failing') ?? window[0],
        window,
        possibleStates: [],
        linearizedBefore: 0,
        lastLinearized: [],
        explanation: `${explanation}.`,
    };
}

;// CONCATENATED MODULE: ./src/linearizability/check.ts
// The linearizability check of a history: split per key first (P-compositionality: a history is linearizable iff
// each key's sub-history is); keys whose written values are unique are decided without search (unique.ts), the
// others by the search (search.ts), in slices that share one budget: one deadline and one memory cap for the whole
// check, and for the parsing before it when the caller passes the same budget.







const DEFAULT_TIMEOUT_MS = 60_000;
const FIRST_SLICE = 1 << 15;
const MAX_SLICE = 1 << 24;
// Reserved per operation: the split per key (an index and its key's lists), and what the unique-values check holds
// (its clusters' typed arrays and value slot, 8 + 32 + 8-16 bytes, and the zone lists, up to 8).
const SPLIT_BYTES_PER_OP = 24;
const UNIQUE_BYTES_PER_OP = 72;
/** Checks a history; synchronous, bounded by the time, memory and step budgets. */
function checkHistory(history, options = {}) {
    const started = performance.now();
    const model = options.model ?? history.model ?? inferModel(history.operations);
    const problem = unsupportedOperation(model, history.operations);
    if (problem !== undefined)
        throw new HistoryError(problem);
    const initialValue = options.initialValue !== undefined ? options.initialValue : (history.initialValue ?? null);
    const budget = options.budget ??
        new Budget({
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
            start: started,
        });
    const run = {
        operations: history.operations,
        model,
        initialValue,
        budget,
        stepsLeft: options.maxSteps !== undefined && options.maxSteps > 0 ? options.maxSteps : Infinity,
        stopAtFirstFailure: options.checkAllKeys !== true,
        failed: false,
        stopReason: undefined,
    };
    const split = new Account(budget, 'splitting the history per key');
    try {
        split.take(SPLIT_BYTES_PER_OP * history.operations.length);
    }
    catch (error) {
        if (!(error instanceof BudgetExceeded))
            throw error;
        return { verdict: 'unknown', model, initialValue, keys: [], steps: 0, elapsedMs: performance.now() - started, reason: 'memory' };
    }
    const all = keyTasks(history.operations);
    const algorithm = options.algorithm ?? 'auto';
    const pending = algorithm !== 'search' && model !== 'cas-register' ? decideUniqueKeys(run, all) : all;
    searchKeys(run, pending);
    split.close();
    const keys = all.map((p) => p.result);
    let verdict = 'linearizable';
    if (run.failed)
        verdict = 'not-linearizable';
    else if (keys.some((k) => k.verdict === 'unknown'))
        verdict = 'unknown';
    const steps = keys.reduce((sum, k) => sum + k.steps, 0);
    return { verdict, model, initialValue, keys, steps, elapsedMs: performance.now() - started };
}
/** The history split per key, in key order; every key starts `unknown`. */
function keyTasks(operations) {
    const byKey = new Map();
    for (let i = 0; i < operations.length; i++) {
        const key = operations[i].key ?? '';
        let list = byKey.get(key);
        if (list === undefined)
            byKey.set(key, (list = []));
        list.push(i);
    }
    return [...byKey.keys()].sort().map((key) => {
        const indices = byKey.get(key);
        const checked = [];
        const result = {
            key,
            verdict: 'unknown',
            operations: countOperations(operations, indices, checked),
            steps: 0,
            elapsedMs: 0,
            algorithm: 'search',
        };
        return { result, checked, search: undefined };
    });
}
/**
 * Decides the keys whose written values are unique without search, in O(n log n); returns the keys left for the
 * search (all those after the verdict is settled, too). A key that does not fit in memory or time stays unknown.
 */
function decideUniqueKeys(run, all) {
    const pending = [];
    for (const p of all) {
        if (run.stopReason !== undefined) {
            pending.push(p);
            continue;
        }
        const t0 = performance.now();
        const account = new Account(run.budget, 'the unique-values check');
        // Whether a key qualifies is learnt while its clusters are built, so the reservation comes first. It is less
        // than half what the search reserves per operation: a key it does not fit could not be searched either.
        let searched = false;
        try {
            account.take(UNIQUE_BYTES_PER_OP * p.checked.length);
            const u = checkUnique(run.operations, p.checked, run.initialValue, () => run.budget.expired());
            if (u === 'does-not-qualify') {
                searched = true;
                pending.push(p);
                continue;
            }
            p.result.algorithm = 'unique-values';
            if (u === 'expired') {
                run.stopReason = 'timeout';
                pending.push(p);
                continue;
            }
            p.result.verdict = u.verdict;
            if (u.witness) {
                p.result.witness = { key: p.result.key, ...u.witness };
                run.failed = true;
                if (run.stopAtFirstFailure)
                    run.stopReason = 'stopped';
            }
        }
        catch (error) {
            if (!(error instanceof BudgetExceeded))
                throw error;
            p.result.algorithm = 'unique-values';
            p.result.reason = 'memory';
        }
        finally {
            account.close();
            // A key handed to the search is timed by the search alone, as before it was tried here.
            if (!searched)
                p.result.elapsedMs = performance.now() - t0;
        }
    }
    return pending;
}
/**
 * Searches the keys in rounds until each has a verdict or the budget ends; the keys left over get the reason.
 * Keys share the budget in slices that double each round, the way parallel searches would: a key that fails
 * quickly settles the verdict without waiting for a hard key to finish, and slicing costs at most a factor of
 * two over running each key alone.
 */
function searchKeys(run, keys) {
    let pending = keys;
    let slice = FIRST_SLICE;
    while (pending.length > 0 && run.stopReason === undefined) {
        const still = [];
        for (const p of pending) {
            if (run.stopReason !== undefined || searchSlice(run, p, slice))
                still.push(p);
        }
        pending = still;
        slice = Math.min(slice * 2, MAX_SLICE);
    }
    for (const p of pending) {
        p.search?.account.close();
        p.search = undefined;
        if (p.result.reason === undefined)
            p.result.reason = run.stopReason ?? 'timeout';
    }
}
/** Runs one slice of a key's search; true when the key is still undecided and wants another turn. */
function searchSlice(run, p, slice) {
    const t0 = performance.now();
    let outcome;
    let search = p.search;
    try {
        if (search === undefined) {
            if (run.budget.expired()) {
                run.stopReason = 'timeout';
                return true;
            }
            const account = new Account(run.budget, 'the search');
            p.search = search = { keySearch: undefined, account };
            search.keySearch = new KeySearch(run.operations, p.checked, run.initialValue, account);
        }
        const before = search.keySearch.steps;
        outcome = search.keySearch.run(Math.min(slice, run.stepsLeft));
        run.stepsLeft -= search.keySearch.steps - before;
        p.result.steps = search.keySearch.steps;
    }
    catch (error) {
        if (!(error instanceof BudgetExceeded))
            throw error;
        // Out of memory, this key alone is given up (what it held goes; the other keys still get their turn); out of
        // time while it was being built, every key is.
        p.search?.account.close();
        p.search = undefined;
        p.result.reason = error.reason;
        if (error.reason === 'timeout')
            run.stopReason = 'timeout';
        p.result.elapsedMs += performance.now() - t0;
        return false;
    }
    p.result.elapsedMs += performance.now() - t0;
    if (outcome === undefined) {
        if (run.budget.expired())
            run.stopReason = 'timeout';
        else if (run.stepsLeft <= 0)
            run.stopReason = 'step-budget';
        return true;
    }
    p.result.verdict = outcome.verdict;
    search.account.close();
    p.search = undefined; // releases the memo
    if (outcome.verdict === 'not-linearizable' && outcome.failing !== undefined) {
        run.failed = true;
        p.result.witness = buildWitness({
            model: run.model,
            key: p.result.key,
            operations: run.operations,
            checked: p.checked,
            failing: outcome.failing,
            states: outcome.frontierStates,
            prefix: outcome.prefix,
            prefixLength: outcome.prefixLength,
        });
        if (run.stopAtFirstFailure)
            run.stopReason = 'stopped';
    }
    return false;
}
/** A key's operations counted by kind; those the check places go to `checked`, in history order. */
function countOperations(operations, indices, checked) {
    const counts = { total: indices.length, checked: 0, ok: 0, failed: 0, open: 0, unknownReads: 0 };
    for (const i of indices) {
        const op = operations[i];
        if (op.type === 'fail')
            counts.failed++;
        else if (isIgnored(op))
            counts.unknownReads++;
        else {
            if (op.type === 'ok')
                counts.ok++;
            else
                counts.open++;
            checked.push(i);
        }
    }
    counts.checked = checked.length;
    return counts;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/linearizability/edn.ts
// A small EDN reader (enough for Jepsen op maps and log values) and a writer that renders a history as Jepsen
// op maps, one per line, for Knossos, Elle or Porcupine's kv tests to read.
//
// The reader works on the input's bytes, so the history never exists as one big string: a string value is one
// allocation of its own size, keywords are shared, nesting is bounded (no input can exhaust the stack), and what it
// builds is counted against the check's memory budget (a `Meter`) while the clock is looked at as it goes.




class Keyword {
    name;
    constructor(name) {
        this.name = name;
    }
    toString() {
        return ':' + this.name;
    }
}
class EdnSymbol {
    name;
    constructor(name) {
        this.name = name;
    }
    toString() {
        return this.name;
    }
}
class EdnMap {
    items;
    line;
    constructor(
    /** Keys and values in turn: k0, v0, k1, v1, ... (one array, not one per entry). */
    items, 
    /** 1-based line where the map starts, so that errors about an op map can name it. */
    line = 0) {
        this.items = items;
        this.line = line;
    }
    /** Looks up a keyword key, e.g. `get('type')` for `:type`. */
    get(name) {
        const items = this.items;
        for (let i = 0; i < items.length; i += 2) {
            const k = items[i];
            if (k instanceof Keyword && k.name === name)
                return items[i + 1];
        }
        return undefined;
    }
    /** Looks up a key by identity: a keyword shared by the reader (EdnContext.names), found without comparing names. */
    at(key) {
        const items = this.items;
        for (let i = 0; i < items.length; i += 2)
            if (items[i] === key)
                return items[i + 1];
        return undefined;
    }
    has(name) {
        return this.get(name) !== undefined;
    }
    get entries() {
        const out = [];
        for (let i = 0; i < this.items.length; i += 2)
            out.push([this.items[i], this.items[i + 1]]);
        return out;
    }
}
class EdnSet {
    items;
    constructor(items) {
        this.items = items;
    }
}
class EdnTagged {
    tag;
    value;
    constructor(tag, value) {
        this.tag = tag;
        this.value = value;
    }
}
/** How deep collections may nest; op maps need three levels, and recursion this deep is far from the stack's end. */
const MAX_NESTING = 256;
// Estimated heap bytes of what the reader builds (V8, 64-bit): one slot per element, a header per object.
const SLOT_BYTES = 8;
const OBJECT_BYTES = 40;
const STRING_BYTES = 24;
const NUMBER_BYTES = 16;
// The clock is looked at after this many bytes of input, so one long string or run of spaces cannot outlast it.
const TICK_BYTES = 1 << 22;
const MAX_SHARED_NAMES = 1 << 16;
var C;
(function (C) {
    C[C["Tab"] = 9] = "Tab";
    C[C["Newline"] = 10] = "Newline";
    C[C["Return"] = 13] = "Return";
    C[C["Space"] = 32] = "Space";
    C[C["Quote"] = 34] = "Quote";
    C[C["Hash"] = 35] = "Hash";
    C[C["LParen"] = 40] = "LParen";
    C[C["RParen"] = 41] = "RParen";
    C[C["Plus"] = 43] = "Plus";
    C[C["Comma"] = 44] = "Comma";
    C[C["Minus"] = 45] = "Minus";
    C[C["Colon"] = 58] = "Colon";
    C[C["Semicolon"] = 59] = "Semicolon";
    C[C["LBracket"] = 91] = "LBracket";
    C[C["Backslash"] = 92] = "Backslash";
    C[C["RBracket"] = 93] = "RBracket";
    C[C["Underscore"] = 95] = "Underscore";
    C[C["LBrace"] = 123] = "LBrace";
    C[C["RBrace"] = 125] = "RBrace";
})(C || (C = {}));
const WHITESPACE = new Uint8Array(256);
for (const c of ' \t\n\r\f,')
    WHITESPACE[c.charCodeAt(0)] = 1;
/** Bytes that end a token: whitespace and the delimiters (`#` may appear inside a token). */
const ENDS_TOKEN = new Uint8Array(WHITESPACE);
for (const c of '{}[]()";\\')
    ENDS_TOKEN[c.charCodeAt(0)] = 1;
const SIMPLE_ESCAPES = [];
for (const [c, v] of Object.entries({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }))
    SIMPLE_ESCAPES[c.charCodeAt(0)] = v;
const isDigit = (c) => c !== undefined && c >= 0x30 && c <= 0x39;
/** Keywords shared by name, found from their bytes without building a string per occurrence. */
class Names {
    buckets = new Map();
    // The keyword last found for each short hash: an op map's few keywords are found without the Map.
    recent = new Array(256);
    size = 0;
    /** The shared keyword of a name (for lookups by identity, e.g. `:process`). */
    named(name) {
        const b = external_node_buffer_.Buffer.from(name, 'utf8');
        return this.keyword(b, 0, b.length, undefined);
    }
    keyword(b, start, end, meter) {
        let h = 0x811c9dc5;
        for (let i = start; i < end; i++)
            h = Math.imul(h ^ b[i], 0x01000193);
        const hit = this.recent[h & 0xff];
        if (hit !== undefined && sameBytes(hit.bytes, b, start, end))
            return hit.keyword;
        const bucket = this.buckets.get(h);
        if (bucket !== undefined) {
            for (const e of bucket) {
                if (!sameBytes(e.bytes, b, start, end))
                    continue;
                this.recent[h & 0xff] = e;
                return e.keyword;
            }
        }
        meter?.add(OBJECT_BYTES + STRING_BYTES + 2 * (end - start));
        const keyword = new Keyword(decode(b, start, end, false));
        // Past this many names (a history of made-up keywords) they are no longer shared: the table stays bounded.
        if (this.size < MAX_SHARED_NAMES && end - start <= 64) {
            this.size++;
            const entry = { bytes: Uint8Array.from(b.subarray(start, end)), keyword };
            if (bucket === undefined)
                this.buckets.set(h, [entry]);
            else if (bucket.length < 8)
                bucket.push(entry);
        }
        return keyword;
    }
}
function sameBytes(a, b, start, end) {
    if (a.length !== end - start)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[start + i])
            return false;
    return true;
}
function decode(b, start, end, ascii) {
    return b.toString(ascii ? 'latin1' : 'utf8', start, end);
}
/** What the readers of one input share: the memory meter, the budget's clock and the table of keywords. */
class EdnContext {
    budget;
    names = new Names();
    meter;
    constructor(budget) {
        this.budget = budget;
        this.meter = new Meter(budget, 'reading the history');
    }
}
function toBuffer(input) {
    if (typeof input === 'string')
        return external_node_buffer_.Buffer.from(input, 'utf8');
    return external_node_buffer_.Buffer.isBuffer(input) ? input : external_node_buffer_.Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}
// A sentinel object so that `#_ form` disappears from its collection.
const DISCARDED = new EdnSymbol('#_');
class Reader {
    b;
    end;
    ctx;
    pos;
    line;
    depth = 0;
    tickAt;
    meter;
    constructor(b, start, end, line, ctx) {
        this.b = b;
        this.end = end;
        this.ctx = ctx;
        this.pos = start;
        this.line = line;
        this.tickAt = start + TICK_BYTES;
        this.meter = ctx.meter;
    }
    error(message, line = this.line) {
        throw new HistoryError(`EDN: ${message}`, line);
    }
    tick() {
        this.tickAt = this.pos + TICK_BYTES;
        this.ctx.budget?.checkTime('reading the history');
    }
    /** Skips whitespace, commas and comments; returns false at the end of the input. */
    skip() {
        const b = this.b;
        for (;;) {
            const stop = Math.min(this.end, this.tickAt);
            let pos = this.pos;
            while (pos < stop) {
                const c = b[pos];
                if (c === C.Newline)
                    this.line++;
                else if (c === C.Semicolon) {
                    const nl = b.indexOf(C.Newline, pos);
                    pos = nl < 0 || nl >= this.end ? this.end : nl;
                    continue;
                }
                else if (WHITESPACE[c] === 0)
                    break;
                pos++;
            }
            this.pos = pos;
            if (pos < this.tickAt || pos >= this.end)
                return pos < this.end;
            this.tick();
        }
    }
    peek() {
        return this.pos < this.end ? this.b[this.pos] : undefined;
    }
    read() {
        if (!this.skip())
            this.error('unexpected end of input');
        const c = this.b[this.pos];
        const startLine = this.line;
        let value;
        switch (c) {
            case C.Quote:
                return this.readString(startLine);
            case C.Backslash:
                return this.readCharacter();
            case C.RBrace:
            case C.RBracket:
            case C.RParen:
                return this.error(`unexpected '${String.fromCharCode(c)}'`);
            case C.LBrace:
            case C.LBracket:
            case C.LParen:
            case C.Hash:
                break;
            default:
                return this.readAtom();
        }
        if (++this.depth > MAX_NESTING)
            this.error(`forms nested deeper than ${MAX_NESTING} levels`, startLine);
        if (c === C.LBrace)
            value = this.readMap(startLine);
        else if (c === C.Hash)
            value = this.readDispatch(startLine);
        else
            value = this.readSeq(c === C.LBracket ? C.RBracket : C.RParen, startLine);
        this.depth--;
        return value;
    }
    readMap(startLine) {
        const items = this.readSeq(C.RBrace, startLine);
        if (items.length % 2 !== 0)
            this.error('a map needs an even number of forms', startLine);
        this.meter.add(OBJECT_BYTES);
        return new EdnMap(items, startLine);
    }
    /** The forms up to `close`; the opening byte is at `pos`. */
    readSeq(close, startLine, visit) {
        this.pos++;
        const items = [];
        this.meter.add(OBJECT_BYTES);
        for (;;) {
            if (!this.skip())
                this.error(`'${String.fromCharCode(close)}' missing for the form opened here`, startLine);
            if (this.b[this.pos] === close) {
                this.pos++;
                return items;
            }
            const line = this.line;
            const value = this.read();
            if (value === DISCARDED)
                continue;
            if (visit !== undefined) {
                visit(value, line);
            }
            else {
                this.meter.add(SLOT_BYTES);
                items.push(value);
            }
        }
    }
    readString(startLine) {
        const b = this.b;
        let pos = ++this.pos;
        let ascii = true;
        let pieces;
        let pieceChars = 0;
        let segment = pos;
        for (;;) {
            if (pos >= this.end)
                this.error('unterminated string', startLine);
            if (pos >= this.tickAt) {
                this.pos = pos;
                this.tick();
            }
            const c = b[pos];
            if (c === C.Quote)
                break;
            if (c === C.Backslash) {
                pieces ??= [];
                this.meter.add(STRING_BYTES + 2 * (pos - segment) + 2 * SLOT_BYTES);
                pieces.push(decode(b, segment, pos, ascii));
                pieceChars += pos - segment + 1;
                pos = this.escape(pos, pieces);
                segment = pos;
                ascii = true;
                continue;
            }
            if (c === C.Newline)
                this.line++;
            else if (c >= 0x80)
                ascii = false;
            pos++;
        }
        this.meter.add(STRING_BYTES + (ascii ? 1 : 2) * (pos - segment));
        const last = decode(b, segment, pos, ascii);
        this.pos = pos + 1;
        if (pieces === undefined)
            return last;
        pieces.push(last);
        // The pieces are garbage once joined; the joined string is what stays.
        this.meter.add(STRING_BYTES + 2 * (pieceChars + pos - segment));
        return pieces.join('');
    }
    /** The escape at `pos` (a backslash) appended to `pieces`; returns the position after it. */
    escape(pos, pieces) {
        const e = this.b[pos + 1];
        const simple = e === undefined || pos + 1 >= this.end ? undefined : SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
            pieces.push(simple);
            return pos + 2;
        }
        if (e === 0x75) {
            const hex = pos + 6 <= this.end ? this.b.toString('latin1', pos + 2, pos + 6) : '';
            if (!/^[0-9a-fA-F]{4}$/.test(hex))
                this.error('bad \\u escape');
            pieces.push(String.fromCharCode(parseInt(hex, 16)));
            return pos + 6;
        }
        return this.error(`unknown string escape \\${e === undefined || pos + 1 >= this.end ? '' : (0,display/* clipText */.gL)(String.fromCharCode(e))}`);
    }
    readDispatch(startLine) {
        const next = this.b[this.pos + 1];
        if (next === C.LBrace) {
            this.pos++;
            return new EdnSet(this.readSeq(C.RBrace, startLine));
        }
        if (next === C.Underscore) {
            this.pos += 2;
            this.read();
            return DISCARDED;
        }
        this.pos++;
        const start = this.pos;
        const end = this.tokenEnd();
        if (end === start)
            this.error("bad '#' dispatch");
        const tag = this.token(start, end);
        return new EdnTagged(tag, this.read());
    }
    readCharacter() {
        const start = ++this.pos;
        const token = this.token(start, this.tokenEnd());
        const named = { newline: '\n', space: ' ', tab: '\t', return: '\r' };
        return named[token] ?? token.slice(0, 1);
    }
    /** Where the token at `pos` ends. */
    tokenEnd() {
        const b = this.b;
        let pos = this.pos;
        while (pos < this.end && ENDS_TOKEN[b[pos]] === 0)
            pos++;
        return pos;
    }
    /** The token [start, end) as a string (its bytes counted); `pos` moves past it. */
    token(start, end) {
        this.pos = end;
        this.meter.add(STRING_BYTES + 2 * (end - start));
        return decode(this.b, start, end, false);
    }
    readAtom() {
        const b = this.b;
        const start = this.pos;
        const end = this.tokenEnd();
        if (end === start)
            this.error(`unexpected character '${(0,display/* clipText */.gL)(String.fromCharCode(b[start]))}'`);
        const c = b[start];
        const n = end - start;
        if (c === C.Colon) {
            if (n === 1)
                this.error("a keyword needs a name after ':'");
            this.pos = end;
            return this.ctx.names.keyword(b, start + 1, end, this.meter);
        }
        if (isDigit(c) || ((c === C.Plus || c === C.Minus) && isDigit(b[start + 1])))
            return this.readNumber(start, end);
        if (n === 3 && b[start] === 0x6e && b[start + 1] === 0x69 && b[start + 2] === 0x6c) {
            this.pos = end;
            return null;
        }
        const word = this.token(start, end);
        if (word === 'true')
            return true;
        if (word === 'false')
            return false;
        return new EdnSymbol(word);
    }
    readNumber(start, end) {
        const b = this.b;
        this.meter.add(NUMBER_BYTES);
        // Integers that fit a double exactly are read from their digits; anything else goes through Number().
        let i = start;
        const negative = b[i] === C.Minus;
        if (b[i] === C.Plus || b[i] === C.Minus)
            i++;
        if (end - i <= 15) {
            let v = 0;
            for (; i < end; i++) {
                const d = b[i] - 0x30;
                if (d < 0 || d > 9)
                    break;
                v = v * 10 + d;
            }
            if (i === end) {
                this.pos = end;
                return negative ? -v : v;
            }
        }
        const token = this.token(start, end);
        // Clojure's N (bigint) and M (bigdecimal) suffixes only change the precision, not the value.
        const last = token.charCodeAt(token.length - 1);
        const v = Number(last === 0x4e || last === 0x4d ? token.slice(0, -1) : token);
        if (!Number.isFinite(v))
            this.error(`bad number ${(0,display/* clipText */.gL)(token, 40)}`);
        return v;
    }
}
/** Reads every top-level form of an EDN text, with the line each starts on. */
function readEdnForms(input, ctx = new EdnContext()) {
    const b = toBuffer(input);
    const reader = new Reader(b, 0, b.length, 1, ctx);
    const forms = [];
    while (reader.skip()) {
        const line = reader.line;
        const value = reader.read();
        if (value !== DISCARDED)
            forms.push({ value, line });
    }
    return forms;
}
/** Reads exactly one EDN form (e.g. the value column of a Jepsen log line). */
function readEdn(input) {
    const b = toBuffer(input);
    return readEdnSlice(b, 0, b.length, 1, new EdnContext());
}
/** Reads the one form in bytes [start, end). */
function readEdnSlice(b, start, end, line, ctx) {
    const reader = new Reader(b, start, end, line, ctx);
    let value;
    let count = 0;
    while (reader.skip()) {
        const v = reader.read();
        if (v === DISCARDED)
            continue;
        count++;
        value = v;
    }
    if (count !== 1)
        throw new HistoryError(`EDN: expected one form, found ${count}`);
    return value;
}
/**
 * Reads an EDN history one op at a time: `visit` gets each top-level form, or each element of a history written
 * as one vector (or list), as soon as it is read; what a form held is no longer counted once `visit` returns.
 */
function visitEdnHistory(input, visit, ctx) {
    const b = toBuffer(input);
    const reader = new Reader(b, 0, b.length, 1, ctx);
    const meter = ctx.meter;
    const visitForm = (value, line) => {
        visit(value, line);
        meter.drop(meter.heldBytes);
    };
    let first = true;
    while (reader.skip()) {
        const line = reader.line;
        const c = reader.peek();
        if (first && (c === C.LBracket || c === C.LParen)) {
            reader.readSeq(c === C.LBracket ? C.RBracket : C.RParen, line, visitForm);
            if (reader.skip())
                reader.error('a history written as one vector must be the only form', reader.line);
            return;
        }
        first = false;
        const value = reader.read();
        if (value !== DISCARDED)
            visitForm(value, line);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Writer
function ednString(s) {
    return '"' + s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c) + '"';
}
function ednValue(v) {
    if (v === null)
        return 'nil';
    if (typeof v === 'number')
        return Number.isInteger(v) ? String(v) : String(v);
    return ednString(v);
}
function ednProcess(p) {
    return typeof p === 'number' ? String(p) : ednString(p);
}
/**
 * Renders a history as Jepsen op maps, one per line, in time order. Times become `:time` in integer nanoseconds
 * (the history's milliseconds x 1e6). Operations that never completed (`info`) get their `:info` completion at the
 * end of the history. A cas that ran but did not match (`succeeded: false`) is written as `:fail`, which Jepsen
 * reads as "did not take effect": true, though it drops the information that the comparison failed. An `ok` read of
 * null is written as `nil`, which Knossos reads as "value unknown".
 */
function toEdn(history, options = {}) {
    const independent = options.keys === 'independent';
    const events = [];
    let maxTime = 0;
    for (const op of history.operations) {
        maxTime = Math.max(maxTime, op.invoke, op.complete ?? op.invoke);
    }
    const end = maxTime + 1;
    const processes = renumberCrashedProcesses(history.operations);
    history.operations.forEach((op, seq) => {
        const process = processes[seq];
        const keyed = (v) => (independent && op.key !== undefined ? `[${ednString(op.key)} ${v}]` : v);
        const keyField = !independent && op.key !== undefined ? `, :key ${ednString(op.key)}` : '';
        const inputValue = () => {
            if (op.f === 'cas') {
                const [from, to] = op.value;
                return `[${ednValue(from)} ${ednValue(to)}]`;
            }
            if (op.f === 'read' || op.f === 'get')
                return 'nil';
            return ednValue(op.value);
        };
        const outputValue = (type) => {
            if ((op.f === 'read' || op.f === 'get') && type === ':ok')
                return ednValue(op.value);
            return inputValue();
        };
        const map = (index, type, time, value) => `{:index ${index}, :type ${type}, :process ${ednProcess(process)}, :f :${op.f}${keyField}, ` +
            `:value ${keyed(value)}, :time ${Math.round(time * 1e6)}}`;
        events.push({ time: op.invoke, phase: 0, seq, text: (i) => map(i, ':invoke', op.invoke, inputValue()) });
        let type;
        if (op.type === 'info')
            type = ':info';
        else if (op.type === 'fail' || (op.f === 'cas' && op.succeeded === false))
            type = ':fail';
        else
            type = ':ok';
        const completeTime = op.type === 'info' ? end : (op.complete ?? op.invoke);
        events.push({ time: completeTime, phase: 1, seq, text: (i) => map(i, type, completeTime, outputValue(type)) });
    });
    // The nemesis's starts and heals, as Jepsen writes them: info ops of the process :nemesis.
    (history.nemesis ?? []).forEach((e, i) => {
        const seq = history.operations.length + i;
        events.push({
            time: e.time,
            phase: 0,
            seq,
            text: (n) => `{:index ${n}, :type :info, :process :nemesis, :f :${e.f}, ` +
                `:value ${ednString(`${e.fault} ${e.target}`)}, :time ${Math.round(e.time * 1e6)}}`,
        });
    });
    events.sort((a, b) => a.time - b.time || a.phase - b.phase || a.seq - b.seq);
    return events.map((e, i) => e.text(i)).join('\n') + (events.length > 0 ? '\n' : '');
}
/**
 * Jepsen never reuses a process after an `:info` (the client is considered crashed; Knossos would see two open
 * operations on one process). A recorder may reuse it, so later operations of such a process get a fresh number.
 */
function renumberCrashedProcesses(operations) {
    const result = operations.map((op) => op.process);
    let next = 0;
    for (const op of operations)
        if (typeof op.process === 'number')
            next = Math.max(next, op.process + 1);
    const order = operations
        .map((_, i) => i)
        .sort((a, b) => operations[a].invoke - operations[b].invoke || a - b);
    const crashed = new Set();
    const alias = new Map();
    for (const i of order) {
        const op = operations[i];
        let p = alias.get(op.process) ?? op.process;
        if (crashed.has(p)) {
            p = typeof op.process === 'number' ? next++ : `${op.process}#${next++}`;
            alias.set(op.process, p);
        }
        result[i] = p;
        if (op.type === 'info')
            crashed.add(p);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/linearizability/json.ts
// The own JSON form, read from its bytes a batch of operations at a time. JSON.parse only ever sees one slice of the
// "operations" array (a few hundred kilobytes), never the whole text, so the reader holds the operations it has
// validated and little else, and counts them against the memory budget. A light scan over the bytes finds where
// each value ends, counts the lines for the errors, and refuses nesting past a bound before anything is parsed.





const BATCH_BYTES = 1 << 18;
const BATCH_OPERATIONS = 4096;
const json_TICK_BYTES = 1 << 22;
// A value JSON.parse builds costs at most about this many times its text ([], {}, "" and 0 are the worst).
const PARSED_PER_BYTE = 16;
/** The fields of the own form that are kept; any other top-level field is skipped without being parsed. */
const HEAD_FIELDS = new Set(['schemaVersion', 'model', 'initialValue', 'nemesis', 'meta']);
const SCALAR_ENDS = new Uint8Array(256);
for (const c of ' \t\r\n,:]}')
    SCALAR_ENDS[c.charCodeAt(0)] = 1;
/** The bytes a scan for a value's end stops at: strings, brackets and line breaks. */
const STRUCTURE = new Uint8Array(256);
for (const c of '"{}[]\n')
    STRUCTURE[c.charCodeAt(0)] = 1;
function json_text(s) {
    return typeof s === 'string' ? 24 + 2 * s.length : 0;
}
/** Estimated heap bytes of one validated operation (V8, 64-bit): the object, its numbers and its strings. */
function operationBytes(op) {
    let bytes = 160 + json_text(op.process) + json_text(op.key) + json_text(op.node) + json_text(op.error);
    if (Array.isArray(op.value))
        bytes += 64 + json_text(op.value[0]) + json_text(op.value[1]);
    else
        bytes += json_text(op.value);
    return bytes;
}
class Scanner {
    b;
    budget;
    pos = 0;
    line = 1;
    tickAt = json_TICK_BYTES;
    constructor(b, budget) {
        this.b = b;
        this.budget = budget;
    }
    error(message, line = this.line) {
        throw new HistoryError(`invalid JSON: ${message}`, line);
    }
    byte() {
        return this.b[this.pos];
    }
    ws() {
        const b = this.b;
        let pos = this.pos;
        for (;;) {
            const c = b[pos];
            if (c === 0x20 || c === 0x09 || c === 0x0d)
                pos++;
            else if (c === 0x0a) {
                this.line++;
                pos++;
            }
            else
                break;
        }
        this.pos = pos;
        this.tick();
    }
    tick() {
        if (this.pos < this.tickAt)
            return;
        this.tickAt = this.pos + json_TICK_BYTES;
        this.budget?.checkTime('reading the history');
    }
    expect(c, what) {
        if (this.b[this.pos] !== c)
            this.error(`expected ${what}, found ${this.found()}`);
        this.pos++;
    }
    found() {
        const c = this.b[this.pos];
        return c === undefined ? 'the end of the input' : `'${(0,display/* clipText */.gL)(this.b.toString('utf8', this.pos, this.pos + 1))}'`;
    }
    /** Moves past the string that starts at `pos` (a quote). */
    skipString() {
        const b = this.b;
        let pos = this.pos + 1;
        // The closing quote is the first one not escaped: after an even run of backslashes.
        for (;;) {
            const q = b.indexOf(0x22, pos);
            if (q < 0)
                this.error('unterminated string');
            let slashes = 0;
            while (b[q - 1 - slashes] === 0x5c)
                slashes++;
            pos = q + 1;
            if (slashes % 2 === 0)
                break;
        }
        // A raw line break cannot be in a JSON string (JSON.parse refuses it), so lines are not counted here.
        this.pos = pos;
        if (pos >= this.tickAt)
            this.tick();
    }
    /** Moves past one value without building it; nesting past MAX_NESTING is refused at the line it happens. */
    skipValue() {
        const b = this.b;
        const c = b[this.pos];
        if (c === 0x22)
            return this.skipString();
        if (c !== 0x7b && c !== 0x5b) {
            const start = this.pos;
            while (this.pos < b.length && SCALAR_ENDS[b[this.pos]] === 0)
                this.pos++;
            if (this.pos === start)
                this.error(`expected a value, found ${this.found()}`);
            return;
        }
        const startLine = this.line;
        const end = b.length;
        let depth = 0;
        let pos = this.pos;
        for (;;) {
            while (pos < end && STRUCTURE[b[pos]] === 0)
                pos++;
            const d = b[pos];
            if (d === undefined) {
                this.pos = pos;
                this.error(`'${c === 0x7b ? '}' : ']'}' missing for the value opened here`, startLine);
            }
            if (d === 0x22) {
                this.pos = pos;
                this.skipString();
                pos = this.pos;
                continue;
            }
            pos++;
            if (d === 0x0a)
                this.line++;
            else if (d === 0x7b || d === 0x5b) {
                if (++depth > MAX_NESTING)
                    this.error(`values nested deeper than ${MAX_NESTING} levels`);
            }
            else if (--depth === 0)
                break;
        }
        this.pos = pos;
        if (pos >= this.tickAt)
            this.tick();
    }
    /** JSON.parse of bytes [start, end), a value the scan has already delimited. */
    parse(start, end, line) {
        try {
            return JSON.parse(this.b.toString('utf8', start, end));
        }
        catch (err) {
            this.parseError(err, start, end, line);
        }
    }
    parseError(err, start, end, line) {
        const message = err instanceof Error ? err.message : String(err);
        // V8 names the position in some messages (and line and column in newer ones); the line is the value's plus that.
        const lineCol = /\(line (\d+) column \d+\)/.exec(message);
        const pos = /at position (\d+)/.exec(message);
        let at = line;
        if (lineCol)
            at = line + Number(lineCol[1]) - 1;
        else if (pos) {
            const text = this.b.toString('utf8', start, end).slice(0, Number(pos[1]));
            for (let i = 0; i < text.length; i++)
                if (text.charCodeAt(i) === 10)
                    at++;
        }
        throw new HistoryError(`invalid JSON: ${(0,display/* clipText */.gL)(message.replace(/\s*\(line \d+ column \d+\)/, ''), 200)}`, at);
    }
}
/** Reads the own JSON form; the operations' bytes stay reserved in `meter` (they are the history). */
function readJsonHistory(input, budget, meter) {
    const s = new Scanner(toBuffer(input), budget);
    const b = s.b;
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
        s.pos = 3;
    s.ws();
    if (s.byte() !== 0x7b) {
        if (s.byte() === undefined)
            throw new HistoryError('the history is empty');
        throw new HistoryError(NOT_AN_OBJECT, s.line);
    }
    s.pos++;
    const head = {};
    const seen = new Set();
    let operations;
    s.ws();
    if (s.byte() === 0x7d)
        s.pos++;
    else {
        for (;;) {
            s.ws();
            const key = readKey(s);
            if (seen.has(key))
                s.error(`the field ${(0,display/* quoteText */.ol)(key, 40)} appears twice`);
            seen.add(key);
            s.ws();
            s.expect(0x3a, "':' after a field name");
            s.ws();
            if (key === 'operations')
                operations = readOperations(s, budget, meter);
            else if (HEAD_FIELDS.has(key))
                head[key] = readHeadValue(s, meter);
            else
                s.skipValue();
            s.ws();
            if (s.byte() === 0x2c) {
                s.pos++;
                continue;
            }
            s.expect(0x7d, "',' or '}'");
            break;
        }
    }
    s.ws();
    if (s.pos < b.length)
        s.error(`unexpected ${s.found()} after the history`);
    const history = validateHead(head);
    if (operations === undefined)
        throw new HistoryError('"operations" must be an array');
    history.operations = operations;
    return history;
}
function readKey(s) {
    if (s.byte() !== 0x22)
        s.error(`expected a field name in double quotes, found ${s.found()}`);
    const start = s.pos;
    const line = s.line;
    s.skipString();
    return s.parse(start, s.pos, line);
}
function readHeadValue(s, meter) {
    const start = s.pos;
    const line = s.line;
    s.skipValue();
    meter.add(PARSED_PER_BYTE * (s.pos - start));
    return s.parse(start, s.pos, line);
}
/** The "operations" array, validated a batch at a time. */
function readOperations(s, budget, meter) {
    if (s.byte() !== 0x5b)
        throw new HistoryError('"operations" must be an array', s.line);
    s.pos++;
    const operations = [];
    const batch = [];
    const flush = () => {
        if (batch.length > 0)
            parseBatch(s, batch, operations, meter);
        batch.length = 0;
        budget?.checkTime('reading the history');
    };
    s.ws();
    if (s.byte() === 0x5d) {
        s.pos++;
        return operations;
    }
    for (;;) {
        s.ws();
        const line = s.line;
        const start = s.pos;
        s.skipValue();
        batch.push(start, s.pos, line);
        if (s.pos - batch[0] >= BATCH_BYTES || batch.length >= 3 * BATCH_OPERATIONS)
            flush();
        s.ws();
        if (s.byte() === 0x2c) {
            s.pos++;
            continue;
        }
        s.expect(0x5d, "',' or ']' after an operation");
        break;
    }
    flush();
    return operations;
}
/** Parses and validates the operations whose [start, end, line] triples are in `batch`. */
function parseBatch(s, batch, operations, meter) {
    const first = batch[0];
    const last = batch[batch.length - 2];
    // What JSON.parse builds before validation is garbage once the batch is done, but it is held meanwhile.
    const transient = PARSED_PER_BYTE * (last - first);
    meter.add(transient);
    let raws;
    try {
        raws = JSON.parse('[' + s.b.toString('utf8', first, last) + ']');
    }
    catch {
        // One of them is not JSON: parsed alone, it names its own line.
        for (let i = 0; i < batch.length; i += 3)
            s.parse(batch[i], batch[i + 1], batch[i + 2]);
        throw new HistoryError('invalid JSON in the operations', batch[2]);
    }
    for (let i = 0; i < raws.length; i++) {
        const op = validateOperation(raws[i], operations.length, batch[3 * i + 2]);
        meter.add(operationBytes(op));
        operations.push(op);
    }
    meter.drop(transient);
}

;// CONCATENATED MODULE: ./src/linearizability/jepsen.ts
// Readers for Jepsen's two forms: EDN op maps (Knossos semantics) and the log lines of Porcupine's etcd tests
// (etcd-client semantics). Both stream: each event is paired with its process's open invocation as soon as it is
// read, so what is held is the operations (counted against the memory budget) and the invocations still open.
// Every error names the input line.





const KNOSSOS = { nilReadIsUnknown: true, failedCasRan: false, failedReadTimedOut: false };
const ETCD_LOG = { nilReadIsUnknown: false, failedCasRan: true, failedReadTimedOut: true };
// An open invocation holds its event; its value is counted as this much until it completes.
const OPEN_BYTES = 200;
// The per-operation numbers kept until the times are decided (indices, :time and lines of both events).
const PAIRING_BYTES = 64;
function toValue(v, line, what) {
    if (v === null || typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return v;
    if (v instanceof Keyword)
        return ':' + v.name;
    throw new HistoryError(`${what}: unsupported value ${ednText(v)} (expected nil, a number, a string or a keyword)`, line);
}
/** A value for an error message: bounded in depth and length, escaped. */
function ednText(v, depth = 0) {
    let text;
    if (Array.isArray(v))
        text =
            depth > 3
                ? '[...]'
                : '[' +
                    v
                        .slice(0, 10)
                        .map((x) => ednText(x, depth + 1))
                        .join(' ') +
                    (v.length > 10 ? ' ...]' : ']');
    else if (v instanceof EdnMap)
        text = '{...}';
    else
        text = typeof v === 'object' && v !== null && !(v instanceof Keyword) ? '#<...>' : String(v);
    return (0,display/* clipText */.gL)(text, 120);
}
/** Pairs each completion with its process's open invocation as the events arrive; operations in invocation order. */
class Pairing {
    dialect;
    meter;
    operations = [];
    events = 0;
    timed = true;
    open = new Map();
    // Per operation, until the times are decided at the end: each event's index, :time and line.
    at = [[], [], [], [], [], []];
    constructor(dialect, meter) {
        this.dialect = dialect;
        this.meter = meter;
    }
    add(e) {
        const index = this.events++;
        if (e.time === undefined)
            this.timed = false;
        const open = this.open.get(e.process);
        if (e.type === 'invoke') {
            if (open !== undefined) {
                throw new HistoryError(`process ${(0,display/* clipText */.gL)(String(e.process))} invokes again while its operation from line ${open.event.line} has not completed`, e.line);
            }
            const slot = this.operations.length;
            this.meter.add(OPEN_BYTES + PAIRING_BYTES);
            // The slot keeps operations in invocation order.
            this.operations.push(undefined);
            this.record(slot, 0, index, e);
            this.open.set(e.process, { event: e, index, slot });
            return;
        }
        if (open === undefined)
            throw new HistoryError(`process ${(0,display/* clipText */.gL)(String(e.process))} completes an operation it never invoked`, e.line);
        const inv = open.event;
        if (inv.f !== e.f) {
            throw new HistoryError(`process ${(0,display/* clipText */.gL)(String(e.process))} invoked :${inv.f} (line ${inv.line}) but completes :${e.f}`, e.line);
        }
        this.open.delete(e.process);
        this.record(open.slot, 1, index, e);
        this.place(open.slot, makeOperation(inv, e, this.dialect));
    }
    // On invocation every array grows by one (the completion's entries as NaN), so they stay dense.
    record(slot, which, index, e) {
        const at = this.at;
        if (which === 0) {
            at[0].push(index);
            at[1].push(NaN);
            at[2].push(e.time ?? NaN);
            at[3].push(NaN);
            at[4].push(e.line);
            at[5].push(0);
            return;
        }
        at[1][slot] = index;
        at[3][slot] = e.time ?? NaN;
        at[5][slot] = e.line;
    }
    place(slot, op) {
        this.meter.add(operationBytes(op));
        this.meter.drop(OPEN_BYTES);
        this.operations[slot] = op;
    }
    /**
     * The operations with their times: Jepsen's `:time` in milliseconds when every event has one, else the event's
     * position. Checked as the own form's are: a completion never comes before its invocation.
     */
    finish() {
        for (const open of this.open.values())
            this.place(open.slot, makeOperation(open.event, undefined, this.dialect));
        this.open.clear();
        const useTime = this.events > 0 && this.timed;
        const [invokeIndex, completeIndex, invokeTime, completeTime, invokeLine, completeLine] = this.at;
        this.operations.forEach((op, i) => {
            op.invoke = useTime ? invokeTime[i] / 1e6 : invokeIndex[i];
            if (op.type !== 'info')
                op.complete = useTime ? completeTime[i] / 1e6 : completeIndex[i];
            op.id = i;
            const problem = timeProblem(op.type, op.invoke, op.complete);
            if (problem === 'order') {
                throw new HistoryError(`the completion's :time (${completeTime[i]}) is before its invocation's (${invokeTime[i]}, line ${invokeLine[i]})`, completeLine[i]);
            }
            if (problem !== undefined)
                throw new HistoryError(`the operation invoked here has no usable times (${problem})`, invokeLine[i]);
        });
        return this.operations;
    }
}
/** One operation from its invocation and completion (none: it never completed); its times are set by `finish`. */
function makeOperation(inv, done, dialect) {
    const where = `:${inv.f}`;
    let type = done === undefined ? 'info' : done.type;
    let value;
    let succeeded;
    if (inv.f === 'cas') {
        const v = inv.value;
        if (!Array.isArray(v) || v.length !== 2)
            throw new HistoryError(`${where}: a cas value must be [from to]`, inv.line);
        value = [toValue(v[0], inv.line, where), toValue(v[1], inv.line, where)];
        if (type === 'fail' && dialect.failedCasRan) {
            type = 'ok';
            succeeded = false;
        }
    }
    else if (isReadFunction(inv.f)) {
        value = type === 'ok' && done !== undefined ? toValue(done.value, done.line, where) : null;
        if (type === 'fail' && dialect.failedReadTimedOut)
            type = 'info';
        if (type === 'ok' && value === null && dialect.nilReadIsUnknown)
            type = 'info';
    }
    else {
        const v = inv.value === null && done !== undefined ? done.value : inv.value;
        value = toValue(v, inv.line, where);
    }
    const op = { process: inv.process, f: inv.f, value, type, invoke: 0, complete: null };
    if (inv.key !== undefined)
        op.key = inv.key;
    if (succeeded !== undefined)
        op.succeeded = succeeded;
    return op;
}
function opFunction(v, line) {
    const name = v instanceof Keyword ? v.name : typeof v === 'string' ? v : undefined;
    if (name === undefined || !OP_FUNCTIONS.includes(name)) {
        throw new HistoryError(`unsupported :f ${ednText(v ?? null)} (expected one of ${OP_FUNCTIONS.map((f) => ':' + f).join(', ')})`, line);
    }
    return name;
}
function eventType(v, line) {
    const name = v instanceof Keyword ? v.name : typeof v === 'string' ? v : '';
    if (name === 'invoke' || name === 'ok' || name === 'fail' || name === 'info')
        return name;
    throw new HistoryError(`unsupported :type ${ednText(v ?? null)} (expected :invoke, :ok, :fail or :info)`, line);
}
function keyText(v, line) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return String(v);
    if (v instanceof Keyword)
        return ':' + v.name;
    throw new HistoryError(`unsupported key ${ednText(v)} (expected a string, a number or a keyword)`, line);
}
function opKeys(ctx) {
    const k = (name) => ctx.names.named(name);
    return { process: k('process'), type: k('type'), f: k('f'), value: k('value'), key: k('key'), time: k('time') };
}
/** The event an op map records, or undefined for the nemesis and other non-client entries. */
function ednEvent(m, line, independent, keys) {
    if (!(m instanceof EdnMap))
        throw new HistoryError(`expected an op map {:type ... :f ... :value ...}, found ${ednText(m)}`, line);
    const process = m.at(keys.process);
    // Nemesis and other non-client entries take no part in the model.
    if (process instanceof Keyword || process === undefined)
        return undefined;
    if (typeof process !== 'number' && typeof process !== 'string')
        throw new HistoryError(`unsupported :process ${ednText(process)}`, line);
    const type = eventType(m.at(keys.type) ?? null, line);
    const f = opFunction(m.at(keys.f) ?? null, line);
    let value = m.at(keys.value) ?? null;
    let key;
    const rawKey = m.at(keys.key);
    if (rawKey !== undefined && rawKey !== null)
        key = keyText(rawKey, line);
    if (independent) {
        if (!Array.isArray(value) || value.length !== 2)
            throw new HistoryError('with independent keys every :value must be [key value]', line);
        key = keyText(value[0], line);
        value = value[1];
    }
    const time = m.at(keys.time);
    if (time !== undefined && time !== null && typeof time !== 'number') {
        throw new HistoryError(`unsupported :time ${ednText(time)} (expected a number of nanoseconds)`, line);
    }
    return { line, process, type, f, key, value, time: time ?? undefined };
}
function readEdnHistory(input, independent, budget, meter) {
    const ctx = new EdnContext(budget);
    const keys = opKeys(ctx);
    const pairing = new Pairing(KNOSSOS, meter);
    try {
        visitEdnHistory(input, (m, line) => {
            const e = ednEvent(m, line, independent, keys);
            if (e !== undefined)
                pairing.add(e);
        }, ctx);
    }
    finally {
        ctx.meter.close();
    }
    return { schemaVersion: 1, operations: pairing.finish() };
}
// ---------------------------------------------------------------------------------------------------------------
// Jepsen log lines (Porcupine's etcd histories): `INFO jepsen.util - <process> <type> <f> <value>`
const MARKER = external_node_buffer_.Buffer.from('jepsen.util');
const LOG_SHAPE = 'expected "INFO jepsen.util - <process> <type> <f> <value>"';
/** Space, tab, vertical tab, form feed and carriage return: the whitespace a log line may hold. */
const isSpace = (c) => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d && c !== 0x0a);
function skipSpaces(b, pos, end) {
    while (pos < end && isSpace(b[pos]))
        pos++;
    return pos;
}
/** The event on the log line [at, end) whose `jepsen.util` marker is at `at`; undefined for the nemesis. */
function logEvent(b, at, end, line, ctx) {
    // By hand, not a regular expression: a line is read in one pass whatever runs of spaces or digits it holds.
    let p = skipSpaces(b, at + MARKER.length, end);
    if (p === at + MARKER.length || b[p] !== 0x2d)
        throw new HistoryError(LOG_SHAPE, line);
    p++;
    const tokens = [];
    for (let k = 0; k < 3; k++) {
        const start = skipSpaces(b, p, end);
        if (start === p)
            throw new HistoryError(LOG_SHAPE, line);
        p = start;
        while (p < end && !isSpace(b[p]))
            p++;
        if (start === p)
            throw new HistoryError(LOG_SHAPE, line);
        tokens.push([start, p]);
    }
    const [proc, typeToken, fToken] = tokens;
    let valueEnd = end;
    const valueStart = skipSpaces(b, p, end);
    while (valueEnd > valueStart && isSpace(b[valueEnd - 1]))
        valueEnd--;
    const procText = b.toString('utf8', proc[0], proc[1]);
    if (!isInteger(procText)) {
        if (procText.startsWith(':'))
            return undefined; // :nemesis
        throw new HistoryError(`bad process ${(0,display/* clipText */.gL)(procText, 60)}`, line);
    }
    const read = (start, stop) => {
        try {
            return readEdnSlice(b, start, stop, line, ctx);
        }
        catch (err) {
            const text = (0,display/* clipText */.gL)(b.toString('utf8', start, Math.min(stop, start + 200)), 80);
            throw new HistoryError(`cannot read ${text}: ${err instanceof Error ? err.message : String(err)}`, line);
        }
    };
    const value = valueStart < valueEnd ? read(valueStart, valueEnd) : null;
    const type = eventType(read(typeToken[0], typeToken[1]), line);
    const f = opFunction(read(fToken[0], fToken[1]), line);
    return { line, process: Number(procText), type, f, key: undefined, value, time: undefined };
}
function isInteger(s) {
    let i = s.charCodeAt(0) === 0x2d ? 1 : 0;
    if (i >= s.length)
        return false;
    for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x30 || c > 0x39)
            return false;
    }
    return true;
}
function newlinesIn(b, from, to) {
    let n = 0;
    for (let p = b.indexOf(0x0a, from); p >= 0 && p < to; p = b.indexOf(0x0a, p + 1))
        n++;
    return n;
}
function readJepsenLog(input, budget, meter) {
    const b = toBuffer(input);
    const ctx = new EdnContext(budget);
    const pairing = new Pairing(ETCD_LOG, meter);
    let pos = 0;
    let line = 1;
    try {
        // Lines without the marker are other log output: the search jumps from one marker to the next.
        for (let at = b.indexOf(MARKER, 0); at >= 0; at = b.indexOf(MARKER, pos)) {
            line += newlinesIn(b, pos, at);
            let end = b.indexOf(0x0a, at);
            if (end < 0)
                end = b.length;
            const e = logEvent(b, at, end, line, ctx);
            if (e !== undefined)
                pairing.add(e);
            if (pairing.events % 1024 === 0)
                budget?.checkTime('reading the history');
            if (end >= b.length)
                break;
            pos = end + 1;
            line++;
        }
    }
    finally {
        ctx.meter.close();
    }
    if (pairing.events === 0)
        throw new HistoryError('no "jepsen.util -" operation lines found');
    return { schemaVersion: 1, operations: pairing.finish() };
}

;// CONCATENATED MODULE: ./src/linearizability/parse.ts
// Readers for the three history formats: the project's own JSON form (json.ts), Jepsen EDN op maps (Knossos
// semantics) and the Jepsen log lines of Porcupine's etcd tests (etcd-client semantics; both in jepsen.ts). They
// read bytes, hold what they build against the memory budget and look at its clock as they go; every error names
// the input line.






/** Parses a history (text or its UTF-8 bytes); throws HistoryError (with the line when known) on bad input. */
function parseHistoryText(input, options = {}) {
    const bytes = toBuffer(input);
    const format = options.format === undefined || options.format === 'auto' ? detectFormat(bytes) : options.format;
    const history = readHistory(bytes, format, options.independent === true, options.budget);
    const model = options.model ?? history.model ?? inferModel(history.operations);
    history.model = model;
    if (options.initialValue !== undefined)
        history.initialValue = options.initialValue;
    else if (history.initialValue === undefined)
        history.initialValue = defaultInitialValue(model, format);
    return { history, format };
}
/** The history as the format has it (no model or initial value filled in). */
function readHistory(input, format, independent, budget) {
    const bytes = toBuffer(input);
    const meter = new Meter(budget, 'the parsed history');
    let history;
    try {
        if (format === 'json')
            history = readJsonHistory(bytes, budget, meter);
        else if (format === 'edn')
            history = readEdnHistory(bytes, independent, budget, meter);
        else
            history = readJepsenLog(bytes, budget, meter);
    }
    catch (error) {
        meter.close();
        throw error;
    }
    meter.keep();
    return history;
}
const parse_isSpace = (c) => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);
/** Own JSON starts with `{"`; Jepsen logs have `INFO jepsen.util -` lines; anything else that looks like EDN is EDN. */
function detectFormat(input) {
    const b = toBuffer(input);
    let start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    while (start < b.length && parse_isSpace(b[start]))
        start++;
    if (start >= b.length)
        throw new HistoryError('the history is empty');
    if (b[start] === 0x7b) {
        let next = start + 1;
        while (parse_isSpace(b[next]))
            next++;
        if (b[next] === 0x22)
            return 'json';
    }
    if (hasLogMarker(b, Math.min(b.length, 100_000)))
        return 'jepsen-log';
    if ('{[(;#'.includes(String.fromCharCode(b[start])))
        return 'edn';
    let line = 1;
    for (let p = b.indexOf(0x0a); p >= 0 && p < start; p = b.indexOf(0x0a, p + 1))
        line++;
    throw new HistoryError('cannot tell the format (expected own JSON, Jepsen EDN op maps or Jepsen log lines); use --format', line);
}
/** Whether `INFO <spaces> jepsen.util <spaces> - <space>` occurs in the first `limit` bytes. */
function hasLogMarker(b, limit) {
    for (let at = b.indexOf('jepsen.util'); at >= 0 && at < limit; at = b.indexOf('jepsen.util', at + 1)) {
        let p = at - 1;
        while (p >= 0 && parse_isSpace(b[p]))
            p--;
        if (p === at - 1 || b.toString('latin1', p - 3, p + 1) !== 'INFO')
            continue;
        let q = at + 'jepsen.util'.length;
        const spaced = q;
        while (parse_isSpace(b[q]))
            q++;
        if (q > spaced && b[q] === 0x2d && parse_isSpace(b[q + 1]))
            return true;
    }
    return false;
}
function parseJsonHistory(input) {
    return readHistory(input, 'json', false);
}
function parseEdnHistory(input, independent = false) {
    return readHistory(input, 'edn', independent);
}
function parseJepsenLog(input) {
    return readHistory(input, 'jepsen-log', false);
}

;// CONCATENATED MODULE: ./src/linearizability/index.ts
// Public entry points of the linearizability checker.











/***/ })

};
