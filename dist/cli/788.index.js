export const id = 788;
export const ids = [788];
export const modules = {

/***/ 8827:
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

/***/ 8778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  df: () => (/* reexport */ DEFAULT_MAX_MEMORY_BYTES),
  tx: () => (/* reexport */ HistoryError),
  BQ: () => (/* reexport */ MODEL_NAMES),
  X3: () => (/* reexport */ checkHistory),
  Zm: () => (/* reexport */ formatWitness),
  Ad: () => (/* reexport */ historyToJson),
  H4: () => (/* reexport */ parseHistoryText),
  D5: () => (/* reexport */ toEdn)
});

// UNUSED EXPORTS: HISTORY_SCHEMA_VERSION, MODEL_FUNCTIONS, OP_FUNCTIONS, appendValue, defaultInitialValue, detectFormat, formatOperation, inferModel, isModelName, parseEdnHistory, parseJepsenLog, parseJsonHistory, readEdn, readEdnForms, step, validateHistory

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
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new HistoryError('a history must be a JSON object with "schemaVersion" and "operations"');
    }
    const obj = input;
    if (obj.schemaVersion !== HISTORY_SCHEMA_VERSION) {
        throw new HistoryError(`unsupported schemaVersion ${JSON.stringify(obj.schemaVersion)} (expected ${HISTORY_SCHEMA_VERSION})`);
    }
    if (obj.model !== undefined && !isModelName(obj.model)) {
        throw new HistoryError(`unknown model ${JSON.stringify(obj.model)} (expected one of ${MODEL_NAMES.join(', ')})`);
    }
    if (obj.initialValue !== undefined && !isValue(obj.initialValue)) {
        throw new HistoryError('initialValue must be a string, a number or null');
    }
    if (!Array.isArray(obj.operations))
        throw new HistoryError('"operations" must be an array');
    const operations = [];
    obj.operations.forEach((raw, i) => {
        operations.push(validateOperation(raw, i, lineOf(i)));
    });
    const history = { schemaVersion: 1, operations };
    if (obj.model !== undefined)
        history.model = obj.model;
    if (obj.initialValue !== undefined)
        history.initialValue = obj.initialValue;
    if (obj.nemesis !== undefined) {
        if (!Array.isArray(obj.nemesis))
            throw new HistoryError('"nemesis" must be an array');
        history.nemesis = obj.nemesis.map((e, i) => {
            const x = e;
            if (typeof x !== 'object' ||
                x === null ||
                typeof x.time !== 'number' ||
                (x.f !== 'start' && x.f !== 'stop') ||
                typeof x.fault !== 'string' ||
                typeof x.target !== 'string') {
                throw new HistoryError(`nemesis[${i}] must be { time, f: "start" | "stop", fault, target }`);
            }
            return { time: x.time, f: x.f, fault: x.fault, target: x.target };
        });
    }
    if (obj.meta !== undefined) {
        if (typeof obj.meta !== 'object' || obj.meta === null || Array.isArray(obj.meta))
            throw new HistoryError('"meta" must be an object');
        history.meta = obj.meta;
    }
    return history;
}
function validateOperation(raw, i, line) {
    const fail = (msg) => {
        throw new HistoryError(`operations[${i}]: ${msg}`, line);
    };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        fail('must be an object');
    const o = raw;
    if (!isOpFunction(o.f))
        fail(`"f" must be one of ${OP_FUNCTIONS.join(', ')}`);
    const f = o.f;
    if (o.type !== 'ok' && o.type !== 'fail' && o.type !== 'info')
        fail('"type" must be "ok", "fail" or "info"');
    const type = o.type;
    if (typeof o.process !== 'number' && typeof o.process !== 'string')
        fail('"process" must be a number or a string');
    if (typeof o.invoke !== 'number' || !Number.isFinite(o.invoke))
        fail('"invoke" must be a finite number');
    const invoke = o.invoke;
    let complete = null;
    if (o.complete !== null && o.complete !== undefined) {
        if (typeof o.complete !== 'number' || !Number.isFinite(o.complete))
            fail('"complete" must be a finite number or null');
        complete = o.complete;
        if (complete < invoke)
            fail(`"complete" (${complete}) is before "invoke" (${invoke})`);
    }
    else if (type === 'ok') {
        fail('an "ok" operation needs a "complete" time');
    }
    let value;
    if (f === 'cas') {
        if (!Array.isArray(o.value) || o.value.length !== 2 || !isValue(o.value[0]) || !isValue(o.value[1])) {
            fail('a cas value must be [from, to]');
        }
        value = [o.value[0], o.value[1]];
    }
    else {
        const v = o.value === undefined && isReadFunction(f) && type !== 'ok' ? null : o.value;
        if (!isValue(v))
            fail('"value" must be a string, a number or null');
        value = v;
    }
    const op = { process: o.process, f, value, type, invoke, complete };
    if (o.id !== undefined) {
        if (typeof o.id !== 'number')
            fail('"id" must be a number');
        op.id = o.id;
    }
    if (o.node !== undefined) {
        if (typeof o.node !== 'string')
            fail('"node" must be a string');
        op.node = o.node;
    }
    if (o.key !== undefined) {
        if (typeof o.key !== 'string')
            fail('"key" must be a string');
        op.key = o.key;
    }
    if (o.succeeded !== undefined) {
        if (typeof o.succeeded !== 'boolean')
            fail('"succeeded" must be a boolean');
        if (f !== 'cas')
            fail('"succeeded" is only meaningful for cas');
        op.succeeded = o.succeeded;
    }
    if (o.error !== undefined) {
        if (typeof o.error !== 'string')
            fail('"error" must be a string');
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

;// CONCATENATED MODULE: ./src/linearizability/model.ts
// The sequential specifications: a register (read/write), a compare-and-set register, and a key-value store
// (get/put/append per key). The checker runs a compiled integer form of the same rules (see check.ts); the
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
function describeValue(v) {
    if (v === null)
        return 'nothing (absent)';
    return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
function modelNoun(model) {
    return model === 'kv' ? 'the key' : 'the register';
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
        linearizedBefore: input.prefix.length,
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
    const who = `process ${String(op.process)}${op.node !== undefined ? ` (node ${op.node})` : ''}`;
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
    const node = op.node !== undefined ? ` (${op.node})` : '';
    const complete = op.type === 'ok' ? fmtTime(op.complete) : op.type === 'info' ? 'open' : fmtTime(op.complete);
    return `p${String(op.process)}${node} ${what}  ${op.type}  [${fmtTime(op.invoke)}, ${complete}]`;
}
/** A readable multi-line rendering of a witness. */
function formatWitness(w, indent = '  ') {
    const lines = [];
    lines.push(`${indent}key ${JSON.stringify(w.key)}: ${w.explanation}`);
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

;// CONCATENATED MODULE: ./src/linearizability/unique.ts
/** Whether a key's operations qualify: reads and writes only, every write's value written once. */
function qualifies(operations, indices, initialValue) {
    const seen = new Set();
    for (const i of indices) {
        const op = operations[i];
        if (op.f === 'read' || op.f === 'get')
            continue;
        if (op.f !== 'write' && op.f !== 'put')
            return false;
        if (op.type === 'fail')
            continue;
        const v = op.value;
        if (v === initialValue || seen.has(v))
            return false;
        seen.add(v);
    }
    return true;
}
const INITIAL = -1;
function checkUnique(operations, indices, initialValue) {
    const clusters = writeClusters(operations, indices, initialValue);
    const misread = addReads(operations, indices, clusters);
    if (misread)
        return misread;
    // An indeterminate write nobody read may not have happened: it constrains nothing.
    const live = [...clusters.values()].filter((c) => c.write === undefined || operations[c.write].type !== 'info' || c.reads.length > 0);
    // The initial value's "write" ends before everything; its zone is forward up to its last read's invocation.
    const initial = clusters.get(initialValue);
    if (initial.reads.length === 0)
        live.splice(live.indexOf(initial), 1);
    const forward = live.filter((c) => c.f < c.s).sort((a, b) => a.f - b.f);
    const backward = live.filter((c) => !(c.f < c.s));
    return forwardOverlap(operations, forward) ?? backwardInside(operations, forward, backward) ?? { verdict: 'linearizable' };
}
/** When an operation ends: never, for one that may still take effect. */
function end(op) {
    return op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
}
/** One cluster per value written (failed writes did not happen), and the initial value's, each with no reads yet. */
function writeClusters(operations, indices, initialValue) {
    const clusters = new Map();
    clusters.set(initialValue, { value: initialValue, reads: [], f: -Infinity, fOp: INITIAL, s: -Infinity, sOp: INITIAL });
    for (const i of indices) {
        const op = operations[i];
        if ((op.f === 'write' || op.f === 'put') && op.type !== 'fail') {
            clusters.set(op.value, { value: op.value, write: i, reads: [], f: end(op), fOp: i, s: op.invoke, sOp: i });
        }
    }
    return clusters;
}
/** Puts each completed read in its value's cluster, widening the cluster's zone; the failure when rule 1 breaks. */
function addReads(operations, indices, clusters) {
    for (const i of indices) {
        const op = operations[i];
        if ((op.f !== 'read' && op.f !== 'get') || op.type !== 'ok')
            continue;
        const c = clusters.get(op.value);
        if (!c)
            return unwritten(operations, i);
        if (c.write !== undefined && end(op) < operations[c.write].invoke) {
            return fail(operations, `read ${label(op)} ended before the write of its value began (${label(operations[c.write])})`, [i, c.write], i);
        }
        c.reads.push(i);
        const e = end(op);
        if (e < c.f) {
            c.f = e;
            c.fOp = i;
        }
        if (op.invoke > c.s) {
            c.s = op.invoke;
            c.sOp = i;
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
        : `read ${label(op)} returned ${JSON.stringify(op.value)}, which no write wrote`, failed >= 0 ? [i, failed] : [i], i);
}
/** 2. Forward zones, sorted by start: each must end before the next begins. */
function forwardOverlap(operations, forward) {
    for (let k = 1; k < forward.length; k++) {
        const a = forward[k - 1];
        const b = forward[k];
        if (b.f < a.s) {
            // With the initial value this is a read of it after a write was in place: say it as the stale read it is.
            const init = a.write === undefined ? a : b.write === undefined ? b : undefined;
            if (init)
                return staleInitial(operations, init, init === a ? b : a);
            return fail(operations, `${describe(operations, a)} and ${describe(operations, b)}: ` +
                `${opText(operations, a.fOp)} ended before ${opText(operations, b.sOp)} began, so ${val(a)} was written before ${val(b)}; ` +
                `but ${opText(operations, b.fOp)} ended before ${opText(operations, a.sOp)} began, so ${val(b)} was written before ${val(a)}. ` +
                'No order satisfies both', ops(a, b), a.sOp === INITIAL ? b.sOp : a.sOp);
        }
    }
    return undefined;
}
/**
 * 3. A backward zone inside a forward one: the value would have to be written and read entirely while another
 *    value is known to be in place. Forward zones are disjoint and sorted, so a binary search finds the one.
 */
function backwardInside(operations, forward, backward) {
    for (const b of backward) {
        let lo = 0;
        let hi = forward.length - 1;
        let host;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const a = forward[mid];
            if (a.f < b.s) {
                host = a;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        if (host && host !== b && b.f < host.s && host.f < b.s) {
            if (host.write === undefined)
                return staleInitial(operations, host, b);
            // The late operation of the host cluster (a read, in practice a stale one) is the one no order can place.
            return fail(operations, `${opText(operations, host.sOp)} returned ${val(host)}, but ${describe(operations, b)} happened entirely after ${val(host)} ` +
                `was in place (${opText(operations, host.fOp)} ended before it) and before that read began, ` +
                `so the read should have seen ${val(b)} or a later value`, ops(host, b), host.sOp);
        }
    }
    return undefined;
}
/** A read of the initial value after some write was in place: a stale read of "nothing yet". */
function staleInitial(operations, init, other) {
    return fail(operations, `${opText(operations, init.sOp)} returned ${val(init)}, but ${describe(operations, other)} was already in place: ` +
        `${opText(operations, other.fOp)} ended before that read began`, ops(init, other), init.sOp);
}
function fail(operations, why, indices, failing) {
    return { verdict: 'not-linearizable', witness: witnessOf(operations, why, indices, failing) };
}
function ops(...cs) {
    return [...new Set(cs.flatMap((c) => [c.fOp, c.sOp, ...(c.write !== undefined ? [c.write] : [])]).filter((i) => i !== INITIAL))];
}
function val(c) {
    return c.write === undefined ? `the initial value (${c.value === null ? 'absent' : JSON.stringify(c.value)})` : JSON.stringify(c.value);
}
function describe(operations, c) {
    return c.write === undefined
        ? 'the initial value'
        : `the write of ${JSON.stringify(c.value)} (by client ${String(operations[c.write].process)})`;
}
/** Times to the microsecond at most: what the recorder keeps, and all a person can use. */
const ms = (t) => (t === null ? '?' : String(Math.round(t * 1000) / 1000));
function label(op) {
    return `by client ${String(op.process)}${op.node ? ` via ${op.node}` : ''} at ${ms(op.invoke)}–${ms(op.complete)} ms`;
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
// The linearizability search: Wing & Gong's algorithm with Lowe's memo of visited configurations, in the shape
// Porcupine uses (a doubly linked list of call/return entries; linearizing an operation lifts its two entries out,
// backtracking puts them back). Histories are split per key first (P-compositionality: a history is linearizable
// iff each key's sub-history is), values are interned to small integers so a configuration is a bitset of
// linearized operations plus one integer state, and the memo is an open-addressing hash table over typed arrays
// so the hot loop does not allocate.




const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;
// How many loop iterations run between two looks at the clock: often enough to stop within a millisecond or so,
// rarely enough that the clock costs nothing.
const CLOCK_INTERVAL = 0x3fff;
const MAX_FRONTIER_STATES = 16;
const FIRST_SLICE = 1 << 15;
const MAX_SLICE = 1 << 24;
/** Checks a history; synchronous, bounded by the time and step budgets. */
function checkHistory(history, options = {}) {
    const started = performance.now();
    const model = options.model ?? history.model ?? inferModel(history.operations);
    const problem = unsupportedOperation(model, history.operations);
    if (problem !== undefined)
        throw new HistoryError(problem);
    const initialValue = options.initialValue !== undefined ? options.initialValue : (history.initialValue ?? null);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const run = {
        operations: history.operations,
        model,
        initialValue,
        deadline: Number.isFinite(timeoutMs) && timeoutMs > 0 ? started + timeoutMs : Infinity,
        stepsLeft: options.maxSteps !== undefined && options.maxSteps > 0 ? options.maxSteps : Infinity,
        stopAtFirstFailure: options.checkAllKeys !== true,
        maxMemory: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
        failed: false,
        stopReason: undefined,
    };
    const all = keyTasks(history.operations);
    const algorithm = options.algorithm ?? 'auto';
    const pending = algorithm !== 'search' && model !== 'cas-register' ? decideUniqueKeys(run, all) : all;
    searchKeys(run, pending);
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
    operations.forEach((op, i) => {
        const key = op.key ?? '';
        let list = byKey.get(key);
        if (list === undefined)
            byKey.set(key, (list = []));
        list.push(i);
    });
    return [...byKey.keys()].sort().map((key) => {
        const indices = byKey.get(key);
        const checked = indices.filter((i) => !isIgnored(operations[i]));
        const result = {
            key,
            verdict: 'unknown',
            operations: countOperations(operations, indices),
            steps: 0,
            elapsedMs: 0,
            algorithm: 'search',
        };
        return { result, checked, search: undefined };
    });
}
/**
 * Decides the keys whose written values are unique without search, in O(n log n); returns the keys left for the
 * search (all those after the verdict is settled, too).
 */
function decideUniqueKeys(run, all) {
    const pending = [];
    for (const p of all) {
        if (run.stopReason !== undefined || !qualifies(run.operations, p.checked, run.initialValue)) {
            pending.push(p);
            continue;
        }
        const t0 = performance.now();
        const u = checkUnique(run.operations, p.checked, run.initialValue);
        p.result.verdict = u.verdict;
        p.result.algorithm = 'unique-values';
        p.result.elapsedMs = performance.now() - t0;
        if (u.witness) {
            p.result.witness = { key: p.result.key, ...u.witness };
            run.failed = true;
            if (run.stopAtFirstFailure)
                run.stopReason = 'stopped';
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
    for (const p of pending)
        p.result.reason = run.stopReason ?? 'timeout';
}
/** Runs one slice of a key's search; true when the key is still undecided and wants another turn. */
function searchSlice(run, p, slice) {
    const t0 = performance.now();
    if (p.search === undefined)
        p.search = new KeySearch(run.operations, p.checked, run.initialValue, run.maxMemory);
    const before = p.search.steps;
    let outcome;
    try {
        outcome = p.search.run(Math.min(slice, run.stepsLeft), run.deadline);
    }
    catch (error) {
        if (!(error instanceof MemoryCap))
            throw error;
        // This key alone is given up; the memo goes, and the other keys still get their turn.
        p.search = undefined;
        p.result.reason = 'memory';
        p.result.elapsedMs += performance.now() - t0;
        return false;
    }
    run.stepsLeft -= p.search.steps - before;
    p.result.steps = p.search.steps;
    p.result.elapsedMs += performance.now() - t0;
    if (outcome === undefined) {
        if (performance.now() >= run.deadline)
            run.stopReason = 'timeout';
        else if (run.stepsLeft <= 0)
            run.stopReason = 'step-budget';
        return true;
    }
    p.result.verdict = outcome.verdict;
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
        });
        if (run.stopAtFirstFailure)
            run.stopReason = 'stopped';
    }
    return false;
}
function countOperations(operations, indices) {
    const counts = { total: indices.length, checked: 0, ok: 0, failed: 0, open: 0, unknownReads: 0 };
    for (const i of indices) {
        const op = operations[i];
        if (op.type === 'ok')
            counts.ok++;
        else if (op.type === 'fail')
            counts.failed++;
        else if (isIgnored(op))
            counts.unknownReads++;
        else
            counts.open++;
        if (!isIgnored(op))
            counts.checked++;
    }
    return counts;
}
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
/** Thrown when the memo would grow past its memory cap. */
class MemoryCap extends Error {
}
/** A set of (linearized bitset, state) configurations. */
class Memo {
    words;
    maxBytes;
    stride;
    pool;
    hashes;
    table;
    mask;
    count = 0;
    constructor(words, maxBytes = DEFAULT_MAX_MEMORY_BYTES) {
        this.words = words;
        this.maxBytes = maxBytes;
        this.stride = words + 1;
        const capacity = 1024;
        this.pool = new Uint32Array(capacity * this.stride);
        this.hashes = new Int32Array(capacity);
        this.table = new Int32Array(capacity * 2);
        this.mask = this.table.length - 1;
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
    /** Bytes the memo would hold with its pool and table grown as asked. */
    bytesWith(pool, table) {
        return pool * 4 + (pool / this.stride) * 4 + table * 4;
    }
    growPool() {
        if (this.bytesWith(this.pool.length * 2, this.table.length) > this.maxBytes)
            throw new MemoryCap();
        const pool = new Uint32Array(this.pool.length * 2);
        pool.set(this.pool);
        this.pool = pool;
        const hashes = new Int32Array(this.hashes.length * 2);
        hashes.set(this.hashes);
        this.hashes = hashes;
    }
    growTable() {
        if (this.bytesWith(this.pool.length, this.table.length * 2) > this.maxBytes)
            throw new MemoryCap();
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
    }
}
/**
 * The search over one key's operations. It runs in slices (`run`) so that the keys of a history can share the
 * budget fairly and the check can stop as soon as one key settles the verdict.
 */
class KeySearch {
    checked;
    steps = 0;
    n;
    values = [];
    ids = new Map();
    kind;
    argA;
    argB;
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
    depth = 0;
    setHash = 0;
    state;
    entry;
    frontier = -1;
    frontierStates = [];
    prefix = [];
    constructor(operations, checked, initialValue, maxMemoryBytes = DEFAULT_MAX_MEMORY_BYTES) {
        this.checked = checked;
        const n = checked.length;
        this.n = n;
        this.state = this.intern(initialValue);
        this.kind = new Uint8Array(n);
        this.argA = new Int32Array(n);
        this.argB = new Int32Array(n);
        this.appendMemo = new Array(n);
        const callTime = new Float64Array(n);
        const returnTime = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const op = operations[checked[i]];
            const k = opKind(op);
            this.kind[i] = k;
            if (k === OpKind.CasOk || k === OpKind.CasFalse || k === OpKind.CasOpen) {
                const [from, to] = op.value;
                this.argA[i] = this.intern(from);
                this.argB[i] = this.intern(to);
            }
            else {
                this.argA[i] = this.intern(op.value);
            }
            callTime[i] = op.invoke;
            // An operation that may or may not have happened can take effect at any time after its call.
            returnTime[i] = op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
        }
        // Entries 1..2n in time order (0 is the head). At equal times calls go first: touching intervals overlap,
        // the permissive reading for clocks of limited resolution.
        const entryTime = (e) => (e < n ? callTime[e] : returnTime[e - n]);
        const sorted = Array.from({ length: 2 * n }, (_, i) => i).sort((x, y) => {
            const tx = entryTime(x);
            const ty = entryTime(y);
            if (tx !== ty)
                return tx < ty ? -1 : 1;
            return (x < n ? 0 : 1) - (y < n ? 0 : 1) || x - y;
        });
        const size = 2 * n + 1;
        this.entryOp = new Int32Array(size);
        this.match = new Int32Array(size); // call entry -> its return entry; 0 on return entries
        this.next = new Int32Array(size);
        this.prev = new Int32Array(size);
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
        for (let e = 0; e < size; e++) {
            this.next[e] = e + 1 < size ? e + 1 : -1;
            this.prev[e] = e - 1;
        }
        this.entry = this.next[0];
        const words = (n + 31) >>> 5;
        this.bits = new Uint32Array(words);
        this.zobrist = zobristWords(n);
        this.memo = new Memo(words, maxMemoryBytes);
        this.stackEntry = new Int32Array(n);
        this.stackState = new Int32Array(n);
    }
    intern(v) {
        let id = this.ids.get(v);
        if (id === undefined) {
            id = this.values.length;
            this.values.push(v);
            this.ids.set(v, id);
        }
        return id;
    }
    // Appends create new values; each append remembers its transitions so each (state, append) concatenates once.
    appendStep(state, op) {
        let memo = this.appendMemo[op];
        if (memo === undefined)
            this.appendMemo[op] = memo = new Map();
        let next = memo.get(state);
        if (next === undefined) {
            next = this.intern(appendValue(this.values[state], this.values[this.argA[op]]));
            memo.set(state, next);
        }
        return next;
    }
    /**
     * Runs at most `maxSteps` steps (one per entry visited) or until `deadline`; returns the verdict, or undefined
     * when the slice ran out first (call again to continue).
     */
    run(maxSteps, deadline) {
        if (this.n === 0)
            return { verdict: 'linearizable', frontierStates: [], prefix: [] };
        // The hot loop works on locals; they are written back when the slice ends.
        const { entryOp, match, next, prev, bits, zobrist, memo, stackEntry, stackState } = this;
        let { depth, setHash, state, entry, steps } = this;
        const stepLimit = steps + maxSteps;
        let checkAt = Math.min(steps + CLOCK_INTERVAL, stepLimit);
        let outcome;
        // Each iteration linearizes an operation, skips an entry or backtracks; the memo bounds the configurations
        // and the slice bounds the iterations.
        for (;;) {
            if (next[0] === -1) {
                outcome = { verdict: 'linearizable', frontierStates: [], prefix: [] };
                break;
            }
            if (++steps >= checkAt) {
                if (steps >= stepLimit || performance.now() >= deadline)
                    break;
                checkAt = Math.min(steps + CLOCK_INTERVAL, stepLimit);
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
                    if (memo.add(bits, ns, mixHash(newSetHash, ns))) {
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
            frontierStates: this.frontierStates.map((s) => this.values[s]),
            prefix: this.prefix,
        };
    }
    recordFrontier(entry, state, depth) {
        if (entry > this.frontier) {
            this.frontier = entry;
            this.frontierStates.length = 0;
            this.prefix = Array.from(this.stackEntry.subarray(0, depth), (e) => this.checked[this.entryOp[e]]);
        }
        if (this.frontierStates.length < MAX_FRONTIER_STATES && !this.frontierStates.includes(state))
            this.frontierStates.push(state);
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

;// CONCATENATED MODULE: ./src/linearizability/edn.ts
// A small EDN reader (enough for Jepsen op maps and log values) and a writer that renders a history as Jepsen
// op maps, one per line, for Knossos, Elle or Porcupine's kv tests to read.

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
    entries;
    line;
    constructor(entries, 
    /** 1-based line where the map starts, so that errors about an op map can name it. */
    line = 0) {
        this.entries = entries;
        this.line = line;
    }
    /** Looks up a keyword key, e.g. `get('type')` for `:type`. */
    get(name) {
        for (const [k, v] of this.entries)
            if (k instanceof Keyword && k.name === name)
                return v;
        return undefined;
    }
    has(name) {
        return this.entries.some(([k]) => k instanceof Keyword && k.name === name);
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
const DELIMITERS = new Set(['{', '}', '[', ']', '(', ')', '"', ';', ',', '#', '\\']);
function isWhitespace(c) {
    return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\f';
}
class Reader {
    text;
    pos = 0;
    line = 1;
    constructor(text) {
        this.text = text;
    }
    error(message, line = this.line) {
        throw new HistoryError(`EDN: ${message}`, line);
    }
    /** Skips whitespace, commas and comments; returns false at the end of the input. */
    skip() {
        const t = this.text;
        while (this.pos < t.length) {
            const c = t[this.pos];
            if (c === '\n') {
                this.line++;
                this.pos++;
            }
            else if (c !== undefined && isWhitespace(c)) {
                this.pos++;
            }
            else if (c === ';') {
                while (this.pos < t.length && t[this.pos] !== '\n')
                    this.pos++;
            }
            else {
                return true;
            }
        }
        return false;
    }
    peek() {
        return this.text[this.pos];
    }
    read() {
        if (!this.skip())
            this.error('unexpected end of input');
        const t = this.text;
        const c = t[this.pos];
        const startLine = this.line;
        switch (c) {
            case '{':
                return this.readMap(startLine);
            case '[':
                this.pos++;
                return this.readSeq(']', startLine);
            case '(':
                this.pos++;
                return this.readSeq(')', startLine);
            case '"':
                return this.readString(startLine);
            case '}':
            case ']':
            case ')':
                this.error(`unexpected '${c}'`);
                break;
            case '#':
                return this.readDispatch(startLine);
            case '\\':
                return this.readCharacter();
            default:
                break;
        }
        return this.readAtom();
    }
    readMap(startLine) {
        this.pos++;
        const items = this.readSeq('}', startLine);
        if (items.length % 2 !== 0)
            this.error('a map needs an even number of forms', startLine);
        const entries = [];
        for (let i = 0; i < items.length; i += 2)
            entries.push([items[i], items[i + 1]]);
        return new EdnMap(entries, startLine);
    }
    readSeq(close, startLine) {
        const items = [];
        for (;;) {
            if (!this.skip())
                this.error(`'${close}' missing for the form opened here`, startLine);
            if (this.peek() === close) {
                this.pos++;
                return items;
            }
            const value = this.read();
            if (value !== DISCARDED)
                items.push(value);
        }
    }
    readString(startLine) {
        const t = this.text;
        this.pos++;
        let out = '';
        for (;;) {
            if (this.pos >= t.length)
                this.error('unterminated string', startLine);
            const c = t[this.pos++];
            if (c === '"')
                return out;
            if (c === '\n')
                this.line++;
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = t[this.pos++];
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case 'u': {
                    const hex = t.slice(this.pos, this.pos + 4);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        this.error('bad \\u escape');
                    out += String.fromCharCode(parseInt(hex, 16));
                    this.pos += 4;
                    break;
                }
                default:
                    this.error(`unknown string escape \\${e ?? ''}`);
            }
        }
    }
    readDispatch(startLine) {
        const t = this.text;
        const next = t[this.pos + 1];
        if (next === '{') {
            this.pos += 2;
            return new EdnSet(this.readSeq('}', startLine));
        }
        if (next === '_') {
            this.pos += 2;
            this.read();
            return DISCARDED;
        }
        this.pos++;
        const tag = this.readToken();
        if (tag === '')
            this.error("bad '#' dispatch");
        return new EdnTagged(tag, this.read());
    }
    readCharacter() {
        this.pos++;
        const token = this.readToken();
        const named = { newline: '\n', space: ' ', tab: '\t', return: '\r' };
        return named[token] ?? token.slice(0, 1);
    }
    readToken() {
        const t = this.text;
        const start = this.pos;
        while (this.pos < t.length) {
            const c = t[this.pos];
            if (isWhitespace(c) || (DELIMITERS.has(c) && c !== '#'))
                break;
            this.pos++;
        }
        return t.slice(start, this.pos);
    }
    readAtom() {
        const token = this.readToken();
        if (token === '')
            this.error(`unexpected character '${this.peek() ?? ''}'`);
        if (token === 'nil')
            return null;
        if (token === 'true')
            return true;
        if (token === 'false')
            return false;
        if (token.startsWith(':')) {
            if (token.length === 1)
                this.error("a keyword needs a name after ':'");
            return new Keyword(token.slice(1));
        }
        if (/^[+-]?\d/.test(token)) {
            // Clojure's N (bigint) and M (bigdecimal) suffixes only change the precision, not the value.
            const n = Number(token.replace(/[NM]$/, ''));
            if (!Number.isFinite(n))
                this.error(`bad number ${token}`);
            return n;
        }
        return new EdnSymbol(token);
    }
}
// A sentinel object so that `#_ form` disappears from its collection.
const DISCARDED = new EdnSymbol('#_');
/** Reads every top-level form of an EDN text, with the line each starts on. */
function readEdnForms(text) {
    const reader = new Reader(text);
    const forms = [];
    // Each iteration consumes at least one character, so the loop ends with the text.
    while (reader.skip()) {
        const line = reader.line;
        const value = reader.read();
        if (value !== DISCARDED)
            forms.push({ value, line });
    }
    return forms;
}
/** Reads exactly one EDN form (e.g. the value column of a Jepsen log line). */
function readEdn(text) {
    const forms = readEdnForms(text);
    if (forms.length !== 1)
        throw new HistoryError(`EDN: expected one form, found ${forms.length}`);
    return forms[0].value;
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

;// CONCATENATED MODULE: ./src/linearizability/parse.ts
// Readers for the three history formats: the project's own JSON form, Jepsen EDN op maps (Knossos semantics),
// and the Jepsen log lines of Porcupine's etcd tests (etcd-client semantics). Every error names the input line.



/** Parses a history text; throws HistoryError (with the line when known) on bad input. */
function parseHistoryText(text, options = {}) {
    const format = options.format === undefined || options.format === 'auto' ? detectFormat(text) : options.format;
    let history;
    if (format === 'json')
        history = parseJsonHistory(text);
    else if (format === 'edn')
        history = parseEdnHistory(text, options.independent === true);
    else
        history = parseJepsenLog(text);
    const model = options.model ?? history.model ?? inferModel(history.operations);
    history.model = model;
    if (options.initialValue !== undefined)
        history.initialValue = options.initialValue;
    else if (history.initialValue === undefined)
        history.initialValue = defaultInitialValue(model, format);
    return { history, format };
}
/** Own JSON starts with `{"`; Jepsen logs have `jepsen.util -` lines; anything else that looks like EDN is EDN. */
function detectFormat(text) {
    const start = text.search(/\S/);
    if (start < 0)
        throw new HistoryError('the history is empty');
    if (/^\{\s*"/.test(text.slice(start)))
        return 'json';
    if (/INFO\s+jepsen\.util\s+-\s/.test(text.slice(0, 100_000)))
        return 'jepsen-log';
    if ('{[(;#'.includes(text[start]))
        return 'edn';
    throw new HistoryError('cannot tell the format (expected own JSON, Jepsen EDN op maps or Jepsen log lines); use --format', lineAt(text, start));
}
function lineAt(text, position) {
    let line = 1;
    for (let i = 0; i < position && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
// ---------------------------------------------------------------------------------------------------------------
// Own JSON
function parseJsonHistory(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const pos = /position (\d+)/.exec(message);
        const lineCol = /\(line (\d+) column \d+\)/.exec(message);
        const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(text, Number(pos[1])) : undefined;
        throw new HistoryError(`invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, line);
    }
    const lines = operationLines(text);
    return validateHistory(parsed, (i) => lines[i]);
}
/** The line on which each element of the top-level "operations" array starts (a light scan, no second parse). */
function operationLines(text) {
    const lines = [];
    let depth = 0;
    let line = 1;
    let lastTopString = '';
    let opsDepth = -1;
    let expectElement = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') {
            line++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r')
            continue;
        if (depth === opsDepth && expectElement && c !== ']' && c !== ',') {
            lines.push(line);
            expectElement = false;
        }
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            if (depth === 1)
                lastTopString = text.slice(i + 1, j);
            i = j;
        }
        else if (c === '{' || c === '[') {
            depth++;
            if (c === '[' && depth === 2 && lastTopString === 'operations' && opsDepth < 0) {
                opsDepth = 2;
                expectElement = true;
            }
        }
        else if (c === '}' || c === ']') {
            if (depth === opsDepth && c === ']')
                opsDepth = -2;
            depth--;
        }
        else if (c === ',' && depth === opsDepth) {
            expectElement = true;
        }
    }
    return lines;
}
function toValue(v, line, what) {
    if (v === null || typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return v;
    if (v instanceof Keyword)
        return ':' + v.name;
    throw new HistoryError(`${what}: unsupported value ${ednText(v)} (expected nil, a number, a string or a keyword)`, line);
}
function ednText(v) {
    if (Array.isArray(v))
        return '[' + v.map(ednText).join(' ') + ']';
    if (v instanceof EdnMap)
        return '{...}';
    return String(v);
}
function pairEvents(events, dialect) {
    const useTime = events.length > 0 && events.every((e) => e.time !== undefined);
    const timeOf = (e, index) => (useTime ? e.time / 1e6 : index);
    const pending = new Map();
    const operations = [];
    const slotOf = new Map();
    const procKey = (p) => `${typeof p}:${p}`;
    events.forEach((e, index) => {
        const pk = procKey(e.process);
        if (e.type === 'invoke') {
            const open = pending.get(pk);
            if (open !== undefined) {
                throw new HistoryError(`process ${String(e.process)} invokes again while its operation from line ${open.event.line} has not completed`, e.line);
            }
            pending.set(pk, { event: e, index });
            // Reserve the operation's place so that operations stay in invocation order.
            slotOf.set(pk, operations.length);
            operations.push(undefined);
            return;
        }
        const open = pending.get(pk);
        if (open === undefined)
            throw new HistoryError(`process ${String(e.process)} completes an operation it never invoked`, e.line);
        const inv = open.event;
        if (inv.f !== e.f)
            throw new HistoryError(`process ${String(e.process)} invoked :${inv.f} (line ${inv.line}) but completes :${e.f}`, e.line);
        pending.delete(pk);
        operations[slotOf.get(pk)] = makeOperation(inv, e, timeOf(inv, open.index), timeOf(e, index), dialect);
    });
    for (const [pk, open] of pending) {
        operations[slotOf.get(pk)] = makeOperation(open.event, undefined, timeOf(open.event, open.index), null, dialect);
    }
    operations.forEach((op, i) => (op.id = i));
    return operations;
}
function makeOperation(inv, done, invoke, complete, dialect) {
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
    const op = {
        process: inv.process,
        f: inv.f,
        value,
        type,
        invoke,
        complete: type === 'info' ? null : (complete ?? invoke),
    };
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
// ---------------------------------------------------------------------------------------------------------------
// Jepsen EDN op maps (Knossos semantics)
const KNOSSOS = { nilReadIsUnknown: true, failedCasRan: false, failedReadTimedOut: false };
const ETCD_LOG = { nilReadIsUnknown: false, failedCasRan: true, failedReadTimedOut: true };
function parseEdnHistory(text, independent = false) {
    const forms = readEdnForms(text);
    let maps = forms;
    if (forms.length === 1 && Array.isArray(forms[0]?.value)) {
        maps = forms[0].value.map((value) => ({ value, line: value instanceof EdnMap ? value.line : (forms[0]?.line ?? 0) }));
    }
    const events = [];
    for (const { value: m, line } of maps) {
        if (!(m instanceof EdnMap))
            throw new HistoryError(`expected an op map {:type ... :f ... :value ...}, found ${ednText(m)}`, line);
        const process = m.get('process');
        // Nemesis and other non-client entries take no part in the model.
        if (process instanceof Keyword || process === undefined)
            continue;
        if (typeof process !== 'number' && typeof process !== 'string')
            throw new HistoryError(`unsupported :process ${ednText(process)}`, line);
        const type = eventType(m.get('type') ?? null, line);
        const f = opFunction(m.get('f') ?? null, line);
        let value = m.get('value') ?? null;
        let key;
        const rawKey = m.get('key');
        if (rawKey !== undefined && rawKey !== null)
            key = keyText(rawKey, line);
        if (independent) {
            if (!Array.isArray(value) || value.length !== 2)
                throw new HistoryError('with independent keys every :value must be [key value]', line);
            key = keyText(value[0], line);
            value = value[1];
        }
        const time = m.get('time');
        events.push({ line, process, type, f, key, value, time: typeof time === 'number' ? time : undefined });
    }
    return { schemaVersion: 1, operations: pairEvents(events, KNOSSOS) };
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
// ---------------------------------------------------------------------------------------------------------------
// Jepsen log lines (Porcupine's etcd histories)
const LOG_LINE = /jepsen\.util\s+-\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/;
function parseJepsenLog(text) {
    const events = [];
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
        const lineNo = i + 1;
        if (!raw.includes('jepsen.util'))
            return; // other log output
        const m = LOG_LINE.exec(raw);
        if (m === null)
            throw new HistoryError('expected "INFO jepsen.util - <process> <type> <f> <value>"', lineNo);
        const [, proc, typeText, fText, valueText] = m;
        if (!/^-?\d+$/.test(proc)) {
            if (proc.startsWith(':'))
                return; // :nemesis
            throw new HistoryError(`bad process ${proc}`, lineNo);
        }
        const read = (t) => {
            try {
                return readEdn(t);
            }
            catch (err) {
                throw new HistoryError(`cannot read ${t}: ${err instanceof Error ? err.message : String(err)}`, lineNo);
            }
        };
        const value = valueText !== undefined && valueText !== '' ? read(valueText) : null;
        const type = eventType(read(typeText), lineNo);
        const f = opFunction(read(fText), lineNo);
        events.push({ line: lineNo, process: Number(proc), type, f, key: undefined, value, time: undefined });
    });
    if (events.length === 0)
        throw new HistoryError('no "jepsen.util -" operation lines found');
    return { schemaVersion: 1, operations: pairEvents(events, ETCD_LOG) };
}

;// CONCATENATED MODULE: ./src/linearizability/index.ts
// Public entry points of the linearizability checker.








/***/ })

};
