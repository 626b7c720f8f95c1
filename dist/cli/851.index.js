export const id = 851;
export const ids = [851];
export const modules = {

/***/ 3851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A1: () => (/* binding */ judgeLadder),
  g7: () => (/* binding */ linearizableVerdict)
});

// UNUSED EXPORTS: strongestOf

// EXTERNAL MODULE: ./src/consistency/models.ts
var consistency_models = __webpack_require__(5744);
// EXTERNAL MODULE: ./src/linearizability/index.ts + 13 modules
var linearizability = __webpack_require__(4944);
;// CONCATENATED MODULE: ./src/consistency/ops.ts
// The history as the session and causal checkers read it (docs/consistency.md, "The history the checkers read"):
// one node per read or write that took effect, grouped in chains (one per client), with read-from resolved by
// unique values. Everything lives in typed arrays indexed by node, so a million operations cost a few dozen
// megabytes and the checkers' loops touch no per-operation objects.
//
// Node ids: the events of `ok` operations come first, client by client in session order, so a client's chain is
// the id range [chainStart[c], chainStart[c+1]) and an event's position is its offset in it. An `ok` compare-and-set
// is two consecutive events (its read, then its write). Indeterminate writes and compare-and-sets that some read
// proved applied come after all chains (ids >= nChain): they are on no chain because they precede nothing in
// session order; an indeterminate compare-and-set is one node, a write that also reads its expected value.

const K_READ = 0;
const K_WRITE = 1;
/** The read half of an `ok` compare-and-set (the write half is the next node). */
const K_CAS_READ = 2;
const K_CAS_WRITE = 3;
/** An indeterminate write that some read returned. */
const K_INFO_WRITE = 4;
/** An indeterminate compare-and-set that some read proved applied: it read its expected value and wrote its new one. */
const K_INFO_CAS = 5;
/** rf of a read that returned the initial state. */
const INIT = -1;
/** rf of a read whose value no write of its key wrote (or only a refused one). */
const THIN_AIR = -2;
/** rf of a node that reads nothing (a write). */
const NO_READ = -3;
const DEFAULT_BUDGET_MS = 60_000;
function isReading(kind) {
    return kind === K_READ || kind === K_CAS_READ || kind === K_INFO_CAS;
}
function isWriting(kind) {
    return kind === K_WRITE || kind === K_CAS_WRITE || kind === K_INFO_WRITE || kind === K_INFO_CAS;
}
/** The history cannot be checked by these checkers at all (not a budget): the verdict is `unknown` with this reason. */
class NotCheckable extends Error {
    constructor(message) {
        super(message);
        this.name = 'NotCheckable';
    }
}
/** A budget's clock looked at once every few thousand steps, so hot loops pay one increment per step. */
class ops_Ticker {
    budget;
    doing;
    count = 0;
    constructor(budget, doing) {
        this.budget = budget;
        this.doing = doing;
    }
    tick() {
        if ((++this.count & 4095) === 0)
            this.budget.checkTime(this.doing);
    }
    /** The same budget, another activity named in the timeout message. */
    as(doing) {
        return new ops_Ticker(this.budget, doing);
    }
}
function ops_budgetOf(opts, start) {
    return new linearizability/* Budget */.__({
        timeoutMs: opts.budgetMs ?? DEFAULT_BUDGET_MS,
        maxMemoryBytes: opts.maxMemoryBytes ?? linearizability/* DEFAULT_MAX_MEMORY_BYTES */.df,
        start,
    });
}
/** What each operation is to the checkers, decided in a first pass. */
const R_DROP = 0;
const R_READ = 1;
const R_WRITE = 2;
const R_CAS = 3;
const R_INFO_WRITE = 4;
const R_INFO_CAS = 5;
function casPair(op) {
    return op.value;
}
/** The value an operation writes (its new value for a compare-and-set). */
function written(op) {
    return op.f === 'cas' ? casPair(op)[1] : op.value;
}
/** The value an operation read (its expected value for a compare-and-set). */
function readValue(op) {
    return op.f === 'cas' ? casPair(op)[0] : op.value;
}
function roleOf(op) {
    switch (op.f) {
        case 'read':
        case 'get':
            return op.type === 'ok' ? R_READ : R_DROP;
        case 'write':
        case 'put':
            return op.type === 'ok' ? R_WRITE : op.type === 'info' ? R_INFO_WRITE : R_DROP;
        case 'cas':
            if (op.type === 'ok')
                return op.succeeded === false ? R_DROP : R_CAS;
            return op.type === 'info' ? R_INFO_CAS : R_DROP;
        default:
            throw new NotCheckable(`the history has ${op.f} operations; these checkers read registers (read, write, compare-and-set) with unique values`);
    }
}
function show(v) {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
function classify(history, initialValue, ticker) {
    const ops = history.operations;
    const role = new Uint8Array(ops.length);
    const invoke = new Float64Array(ops.length);
    const keyOf = new Int32Array(ops.length);
    const keyIds = new Map();
    const keys = [];
    // At most one writer per operation.
    const writers = new linearizability/* ValueTable */.GF(ops.length, (w) => written(ops[w]), (w) => keyOf[w]);
    const refused = [];
    for (let i = 0; i < ops.length; i++) {
        ticker.tick();
        const op = ops[i];
        const name = op.key ?? '';
        let k = keyIds.get(name);
        if (k === undefined) {
            keyIds.set(name, (k = keys.length));
            keys.push(name);
            refused.push(new Map());
        }
        keyOf[i] = k;
        invoke[i] = op.invoke;
        const r = roleOf(op);
        role[i] = r;
        const writes = op.f !== 'read' && op.f !== 'get';
        if (writes && op.type === 'fail')
            refused[k].set(written(op), i);
        if (r >= R_WRITE)
            addWriter(writers, k, ops, i, name, initialValue);
    }
    return { role, invoke, keyOf, keys, writers, refused, readFrom: new Int32Array(ops.length).fill(-1) };
}
function addWriter(writers, k, ops, i, key, initialValue) {
    const v = written(ops[i]);
    // One lookup in the common case: a new value is added.
    if (writers.add(k, v, i) && v !== initialValue)
        return;
    if (v === initialValue) {
        throw new NotCheckable(`operation ${i} writes ${show(v)} to key ${show(key)}, the initial value, so a read of it does not tell whether it read the write`);
    }
    const first = ops.findIndex((op, j) => j < i && (op.key ?? '') === key && roleOf(op) >= R_WRITE && written(op) === v);
    throw new NotCheckable(`written values are not unique: ${show(v)} is written to key ${show(key)} by operations ${first} and ${i}, so a read of it ` +
        'does not tell which write it read');
}
/**
 * Which operations took effect: every `ok` one, and every indeterminate write some read proved applied (a read of
 * an applied indeterminate compare-and-set's expected value proves its writer applied too, hence the work list).
 */
function applied(history, c, ticker) {
    const ops = history.operations;
    const keep = new Uint8Array(ops.length);
    const work = [];
    const mark = (i, k, v) => {
        const w = c.writers.get(k, v);
        c.readFrom[i] = w;
        if (w < 0 || keep[w] === 1)
            return;
        keep[w] = 1;
        if (c.role[w] === R_INFO_CAS)
            work.push(w);
    };
    for (let i = 0; i < ops.length; i++) {
        ticker.tick();
        const r = c.role[i];
        if (r === R_READ || r === R_WRITE || r === R_CAS)
            keep[i] = 1;
        if (r === R_READ || r === R_CAS)
            mark(i, c.keyOf[i], readValue(ops[i]));
    }
    while (work.length > 0) {
        ticker.tick();
        const w = work.pop();
        mark(w, c.keyOf[w], readValue(ops[w]));
    }
    return keep;
}
function sessions(history, keep, invoke, opts, ticker) {
    const ops = history.operations;
    const clientOf = opts.clientOf ?? ((op) => op.process);
    const ids = new Map();
    const names = [];
    const clientId = new Int32Array(ops.length).fill(-1);
    // Counted, then filled into one typed array: a million operations in per-client arrays that grow by pushes are
    // garbage the old generation collects in a full collection, with the whole history live.
    const counts = [];
    for (let i = 0; i < ops.length; i++) {
        ticker.tick();
        if (keep[i] !== 1)
            continue;
        const name = clientOf(ops[i]);
        let c = ids.get(name);
        if (c === undefined) {
            ids.set(name, (c = names.length));
            names.push(name);
            counts.push(0);
        }
        counts[c]++;
        clientId[i] = c;
    }
    const all = new Int32Array(counts.reduce((a, b) => a + b, 0));
    const lists = [];
    for (let c = 0, at = 0; c < counts.length; at += counts[c++])
        lists.push(all.subarray(at, at + counts[c]));
    const fill = new Int32Array(counts.length);
    for (let i = 0; i < ops.length; i++)
        if (clientId[i] >= 0)
            lists[clientId[i]][fill[clientId[i]]++] = i;
    for (const list of lists)
        inSessionOrder(list, invoke);
    return { names, ids, clientId, lists };
}
/** Sorts a client's operations (in history order) by invocation, stably; most clients' come in that order already. */
function inSessionOrder(list, invoke) {
    let sorted = true;
    for (let j = 1; j < list.length && sorted; j++)
        sorted = invoke[list[j - 1]] <= invoke[list[j]];
    if (sorted)
        return;
    // Array sort is stable: operations invoked at the same instant keep the history's order.
    list.set(Array.from(list).sort((a, b) => invoke[a] - invoke[b]));
}
/** Bytes the normalised form takes per operation (typed arrays and maps), on the high side. */
const NORMALISED_BYTES_PER_OP = 200;
/**
 * The checkers' form of a history. Throws NotCheckable (values not unique, append operations) or BudgetExceeded.
 */
function normalise(history, opts, ticker) {
    ticker.budget.reserve(history.operations.length * NORMALISED_BYTES_PER_OP, 'the history in the checkers’ form');
    const initialValue = history.initialValue ?? null;
    const c = classify(history, initialValue, ticker);
    const keep = applied(history, c, ticker);
    const s = sessions(history, keep, c.invoke, opts, ticker);
    return build(history, initialValue, c, s, ticker);
}
function build(history, initialValue, c, s, ticker) {
    const C = s.lists.length;
    const chainStart = new Int32Array(C + 1);
    const offStart = new Int32Array(C + 1);
    for (let cl = 0; cl < C; cl++) {
        let chain = 0;
        let off = 0;
        for (const i of s.lists[cl]) {
            const r = c.role[i];
            if (r === R_CAS)
                chain += 2;
            else if (r === R_INFO_WRITE || r === R_INFO_CAS)
                off++;
            else
                chain++;
        }
        chainStart[cl + 1] = chainStart[cl] + chain;
        offStart[cl + 1] = offStart[cl] + off;
    }
    const nChain = chainStart[C];
    const n = nChain + offStart[C];
    const norm = {
        history,
        initialValue,
        n,
        nChain,
        clients: C,
        clientNames: s.names,
        keys: c.keys,
        op: new Int32Array(n),
        kind: new Uint8Array(n),
        key: new Int32Array(n),
        client: new Int32Array(n),
        pos: new Int32Array(n),
        rf: new Int32Array(n).fill(NO_READ),
        chainStart,
        offStart,
        thinAir: -1,
        refusedOp: -1,
        values: {
            keys: c.keys,
            keyOf: c.keyOf,
            readFrom: c.readFrom,
            writers: c.writers,
            role: c.role,
            invoke: c.invoke,
            clientId: s.clientId,
            clientIds: s.ids,
            clientNames: s.names,
        },
    };
    const writeNode = new Int32Array(history.operations.length).fill(-1);
    for (let cl = 0; cl < C; cl++)
        fillClient(norm, c, s.lists[cl], cl, writeNode, ticker);
    return resolveReads(norm, c, writeNode, ticker);
}
function fillClient(norm, c, list, cl, writeNode, ticker) {
    let x = norm.chainStart[cl];
    let y = norm.nChain + norm.offStart[cl];
    const base = x;
    const put = (id, i, kind, pos) => {
        norm.op[id] = i;
        norm.kind[id] = kind;
        norm.key[id] = c.keyOf[i];
        norm.client[id] = cl;
        norm.pos[id] = pos;
        if (isWriting(kind))
            writeNode[i] = id;
    };
    for (const i of list) {
        ticker.tick();
        const r = c.role[i];
        if (r === R_INFO_WRITE || r === R_INFO_CAS) {
            put(y++, i, r === R_INFO_WRITE ? K_INFO_WRITE : K_INFO_CAS, x - base - 1);
        }
        else if (r === R_CAS) {
            put(x, i, K_CAS_READ, x - base);
            x++;
            put(x, i, K_CAS_WRITE, x - base);
            x++;
        }
        else {
            put(x, i, r === R_READ ? K_READ : K_WRITE, x - base);
            x++;
        }
    }
}
function resolveReads(norm, c, writeNode, ticker) {
    const ops = norm.history.operations;
    for (let x = 0; x < norm.n; x++) {
        ticker.tick();
        if (!isReading(norm.kind[x]))
            continue;
        const i = norm.op[x];
        const w = c.readFrom[i];
        if (w >= 0 && writeNode[w] >= 0) {
            norm.rf[x] = writeNode[w];
            continue;
        }
        const k = norm.key[x];
        const v = readValue(ops[i]);
        if (v === norm.initialValue)
            norm.rf[x] = INIT;
        else {
            norm.rf[x] = THIN_AIR;
            if (norm.thinAir < 0 || i < norm.op[norm.thinAir]) {
                norm.thinAir = x;
                norm.refusedOp = c.refused[k].get(v) ?? -1;
            }
        }
    }
    return norm;
}

;// CONCATENATED MODULE: ./src/consistency/causal-order.ts
// Causal order co = (so ∪ rf)+ answered without its closure. Every node has at most two predecessors (the one
// before it in its client's chain, or for an off-chain node the client's last chain event before it; and the write
// it read from), so strongly connected components come from Tarjan's algorithm over those edges reversed, in
// topological order, and each component gets a vector clock over the chains: clock[S][c] = the highest position
// on chain c whose event reaches S (or is in it). A chain event (c, p) is causally before y iff clock[y][c] >= p.
//
// Off-chain nodes (indeterminate writes that were read) have no clock entry of their own, because nothing after
// them on their client's chain follows them. What follows one is what follows its readers, so each keeps its
// frontier: per chain, the lowest position it reaches through its readers, plus the few off-chain nodes it reaches
// directly (an indeterminate compare-and-set that read it).
//
// For the checkers' "latest write of key k on chain c up to position b" and "some write read on chain c up to b
// that v precedes" the order also keeps, per (chain, key), the positions of the chain's writes and of its reads
// with, per read, the running top two of the clocks of the writes read so far (top two so that the write a query
// is about can be left out of its own question).



// Read once: imported bindings cost a lookup on every use in the hot loops.
const WRITE = K_WRITE;
const CAS_WRITE = K_CAS_WRITE;
const READ = K_READ;
const CAS_READ = K_CAS_READ;
const INFO_CAS = K_INFO_CAS;
const INITIAL = INIT;
const NEVER = 0x7fffffff;
/** Position bound of what precedes x in session order on its own chain. */
function soBound(norm, x) {
    return x < norm.nChain ? norm.pos[x] - 1 : norm.pos[x];
}
/** The chain or off-chain node before x in session order, -1 when none. */
function soPred(norm, x) {
    const c = norm.client[x];
    if (x < norm.nChain)
        return x > norm.chainStart[c] ? x - 1 : -1;
    const q = norm.pos[x];
    return q >= 0 ? norm.chainStart[c] + q : -1;
}
function pred(norm, x, e) {
    if (e === 0)
        return soPred(norm, x);
    const r = norm.rf[x];
    return r >= 0 ? r : -1;
}
/** Tarjan over the reversed edges: components come out sources first. */
function components(norm, ticker) {
    const n = norm.n;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const stack = new Int32Array(n);
    const call = new Int32Array(n);
    const iter = new Uint8Array(n);
    const on = new Uint8Array(n);
    const scc = new Int32Array(n);
    const order = new Int32Array(n);
    const cyclic = new Uint8Array(n);
    let counter = 0;
    let sp = 0;
    let cp = 0;
    let count = 0;
    let out = 0;
    let firstCycle = -1;
    const open = (w) => {
        index[w] = low[w] = counter++;
        stack[sp++] = w;
        on[w] = 1;
        call[cp++] = w;
    };
    for (let s = 0; s < n; s++) {
        if (index[s] !== -1)
            continue;
        open(s);
        while (cp > 0) {
            ticker.tick();
            const v = call[cp - 1];
            const e = iter[v];
            if (e < 2) {
                iter[v] = e + 1;
                const w = pred(norm, v, e);
                if (w < 0)
                    continue;
                if (index[w] === -1)
                    open(w);
                else if (on[w] === 1 && index[w] < low[v])
                    low[v] = index[w];
                continue;
            }
            cp--;
            if (low[v] === index[v]) {
                let size = 0;
                let w;
                do {
                    w = stack[--sp];
                    on[w] = 0;
                    scc[w] = count;
                    order[out++] = w;
                    size++;
                } while (w !== v);
                if (size > 1 || norm.rf[v] === v) {
                    cyclic[count] = 1;
                    if (firstCycle < 0)
                        firstCycle = count;
                }
                count++;
            }
            if (cp > 0) {
                const u = call[cp - 1];
                if (low[v] < low[u])
                    low[u] = low[v];
            }
        }
    }
    return { scc, order, count, cyclic: cyclic.subarray(0, count), firstCycle };
}
function clocks(norm, comp, ticker) {
    const C = norm.clients;
    const clock = new Int32Array(comp.count * C).fill(-1);
    const { scc, order } = comp;
    for (let i = 0; i < norm.n; i++) {
        ticker.tick();
        const m = order[i];
        const s = scc[m];
        const base = s * C;
        if (m < norm.nChain) {
            const c = norm.client[m];
            if (norm.pos[m] > clock[base + c])
                clock[base + c] = norm.pos[m];
        }
        for (let e = 0; e < 2; e++) {
            const p = pred(norm, m, e);
            if (p < 0 || scc[p] === s)
                continue;
            const from = scc[p] * C;
            for (let c = 0; c < C; c++)
                if (clock[from + c] > clock[base + c])
                    clock[base + c] = clock[from + c];
        }
    }
    return clock;
}
function readersOf(norm) {
    const readerStart = new Int32Array(norm.n + 1);
    for (let x = 0; x < norm.n; x++)
        if (norm.rf[x] >= 0)
            readerStart[norm.rf[x] + 1]++;
    for (let x = 0; x < norm.n; x++)
        readerStart[x + 1] += readerStart[x];
    const readers = new Int32Array(readerStart[norm.n]);
    const fill = readerStart.slice(0, norm.n);
    for (let x = 0; x < norm.n; x++)
        if (norm.rf[x] >= 0)
            readers[fill[norm.rf[x]]++] = x;
    return { readerStart, readers };
}
/** Each off-chain node's frontier on the chains and the off-chain nodes it reaches through off-chain nodes only. */
function fronts(norm, rd, budget, ticker) {
    const C = norm.clients;
    const nOff = norm.n - norm.nChain;
    const front = new Int32Array(nOff * C).fill(NEVER);
    const reachStart = new Int32Array(nOff + 1);
    const reach = [];
    const stamp = new Int32Array(nOff);
    const stack = [];
    for (let i = 0; i < nOff; i++) {
        stack.push(norm.nChain + i);
        while (stack.length > 0) {
            const z = stack.pop();
            for (let j = rd.readerStart[z]; j < rd.readerStart[z + 1]; j++) {
                ticker.tick();
                const y = rd.readers[j];
                if (y < norm.nChain) {
                    const at = i * C + norm.client[y];
                    if (norm.pos[y] < front[at])
                        front[at] = norm.pos[y];
                }
                else if (stamp[y - norm.nChain] !== i + 1) {
                    stamp[y - norm.nChain] = i + 1;
                    reach.push(y);
                    stack.push(y);
                    if ((reach.length & 65535) === 0)
                        budget.reserve(65536 * 12, 'the causal order’s indeterminate writes');
                }
            }
        }
        reachStart[i + 1] = reach.length;
    }
    return { front, reachStart, reach: Int32Array.from(reach) };
}
function isChainWrite(kind) {
    return kind === WRITE || kind === CAS_WRITE;
}
function isChainRead(norm, x) {
    const kind = norm.kind[x];
    return (kind === READ || kind === CAS_READ) && norm.rf[x] >= 0;
}
function slotLists(norm, only = () => true) {
    const K = norm.keys.length;
    const slots = norm.clients * K;
    const wlStart = new Int32Array(slots + 1);
    const rlStart = new Int32Array(slots + 1);
    for (let x = 0; x < norm.nChain; x++) {
        const slot = norm.client[x] * K + norm.key[x];
        if (isChainWrite(norm.kind[x]))
            wlStart[slot + 1]++;
        else if (isChainRead(norm, x) && only(x))
            rlStart[slot + 1]++;
    }
    for (let i = 0; i < slots; i++) {
        wlStart[i + 1] += wlStart[i];
        rlStart[i + 1] += rlStart[i];
    }
    const wl = new Int32Array(wlStart[slots]);
    const rlPos = new Int32Array(rlStart[slots]);
    const wf = wlStart.slice(0, slots);
    const rf = rlStart.slice(0, slots);
    for (let x = 0; x < norm.nChain; x++) {
        const slot = norm.client[x] * K + norm.key[x];
        if (isChainWrite(norm.kind[x]))
            wl[wf[slot]++] = norm.pos[x];
        else if (isChainRead(norm, x) && only(x))
            rlPos[rf[slot]++] = norm.pos[x];
    }
    return { wlStart, wl, rlStart, rlPos };
}
/**
 * One slot's running top two (with the first's write) of the clocks of the writes read up to each entry, chain by
 * chain, interleaved: entry e (counted from the slot's first) and chain c at ((e * C) + c) * 3 hold max1, arg1, max2.
 */
function slotTops(norm, scc, clock, lists, slot, ticker) {
    const C = norm.clients;
    const lo = lists.starts[slot];
    const hi = lists.starts[slot + 1];
    const t = new Int32Array((hi - lo) * C * 3);
    const chain = norm.chainStart[Math.floor(slot / norm.keys.length)];
    for (let j = lo; j < hi; j++) {
        ticker.tick();
        const w = norm.rf[chain + lists.positions[j]];
        const from = scc[w] * C;
        const at = (j - lo) * C * 3;
        for (let c = 0; c < C; c++) {
            const p = at + 3 * c;
            const first = j === lo;
            let m1 = first ? -1 : t[p - 3 * C];
            let a1 = first ? -1 : t[p - 3 * C + 1];
            let m2 = first ? -1 : t[p - 3 * C + 2];
            const val = clock[from + c];
            if (w !== a1) {
                if (val > m1) {
                    m2 = m1;
                    m1 = val;
                    a1 = w;
                }
                else if (val > m2)
                    m2 = val;
            }
            t[p] = m1;
            t[p + 1] = a1;
            t[p + 2] = m2;
        }
    }
    return t;
}
/**
 * The running tops of every chain read (entries × clients, three times), a slot at a time on first use: a check
 * that stops at its first violation asks few slots, and the table for them all is the order's largest.
 */
class ReadTops {
    norm;
    scc;
    clock;
    lists;
    built;
    constructor(norm, scc, clock, lists) {
        this.norm = norm;
        this.scc = scc;
        this.clock = clock;
        this.lists = lists;
        this.built = new Array(lists.starts.length - 1);
    }
    of(slot, ticker) {
        let t = this.built[slot];
        if (t === undefined) {
            const entries = this.lists.starts[slot + 1] - this.lists.starts[slot];
            ticker.budget.reserve(entries * 12 * this.norm.clients, 'the causal order’s running tops of the reads');
            this.built[slot] = t = slotTops(this.norm, this.scc, this.clock, this.lists, slot, ticker);
        }
        return t;
    }
}
/** Bytes the order will take, counted before any of it is allocated. */
function orderBytes(norm) {
    const C = norm.clients;
    const slots = C * norm.keys.length;
    let reads = 0;
    for (let x = 0; x < norm.nChain; x++)
        if (isReading(norm.kind[x]))
            reads++;
    const perNode = 4 * 11 + 3;
    return norm.n * (perNode + 4 * C) + (norm.n - norm.nChain) * 4 * C + slots * 56 + norm.nChain * 12 + reads * 12 * C;
}
function buildCausalOrder(norm, ticker) {
    ticker.budget.reserve(orderBytes(norm), 'the causal order (vector clocks over the clients)');
    const comp = components(norm, ticker);
    const clock = clocks(norm, comp, ticker);
    const rd = readersOf(norm);
    const f = fronts(norm, rd, ticker.budget, ticker);
    const lists = slotLists(norm);
    // Causal needs the running tops only of the reads of indeterminate writes (a chain write another read returned
    // is before the read on its own chain too, found there by its latest write): a small table, built now.
    const off = slotLists(norm, (x) => norm.rf[x] >= norm.nChain);
    const offList = { starts: off.rlStart, positions: off.rlPos };
    const orlTops = [];
    for (let slot = 0; slot + 1 < off.rlStart.length; slot++)
        orlTops.push(slotTops(norm, comp.scc, clock, offList, slot, ticker));
    return {
        norm,
        scc: comp.scc,
        cyclic: comp.cyclic,
        firstCycle: comp.firstCycle,
        clock,
        ...f,
        ...rd,
        ...lists,
        tops: new ReadTops(norm, comp.scc, clock, { starts: lists.rlStart, positions: lists.rlPos }),
        orlStart: off.rlStart,
        orlPos: off.rlPos,
        orlTops,
    };
}
/** a co< b: a happened before b (a path of at least one edge). */
function coBefore(o, a, b) {
    const norm = o.norm;
    const C = norm.clients;
    if (a < norm.nChain) {
        if (a === b)
            return o.cyclic[o.scc[a]] === 1;
        return o.clock[o.scc[b] * C + norm.client[a]] >= norm.pos[a];
    }
    const base = (a - norm.nChain) * C;
    const to = o.scc[b] * C;
    for (let c = 0; c < C; c++)
        if (o.front[base + c] <= o.clock[to + c])
            return true;
    const i = a - norm.nChain;
    for (let j = o.reachStart[i]; j < o.reachStart[i + 1]; j++)
        if (o.reach[j] === b)
            return true;
    return false;
}
/** Index in [lo, hi) of the last position <= bound, lo - 1 when none. */
function lastAtOrBefore(positions, lo, hi, bound) {
    let a = lo;
    let b = hi;
    while (a < b) {
        const mid = (a + b) >>> 1;
        if (positions[mid] <= bound)
            a = mid + 1;
        else
            b = mid;
    }
    return a - 1;
}
/** The node of chain c at position p. */
function nodeAt(norm, c, p) {
    return norm.chainStart[c] + p;
}
/**
 * Whether an off-chain write v precedes some write among those a slot's tops (entry e × C of `t`) summarise: by a
 * clock that reaches v's frontier on some chain (v itself left out of its own question).
 */
function topsReachOff(o, t, e, v) {
    const C = o.norm.clients;
    const base = (v - o.norm.nChain) * C;
    for (let c = 0; c < C; c++) {
        const at = (e + c) * 3;
        if ((t[at + 1] === v ? t[at + 2] : t[at]) >= o.front[base + c])
            return true;
    }
    return false;
}
/** Whether a write v reaches without passing a chain was read among the slot's entries up to j. */
function reachedReadIn(o, slot, j, v) {
    const norm = o.norm;
    const chain = Math.floor(slot / norm.keys.length);
    return reachedReadUpTo(o, chain, o.rlPos[j], v);
}
/** Whether a write v reaches without passing a chain was read on chain c at position <= b. */
function reachedReadUpTo(o, c, b, v) {
    const norm = o.norm;
    const last = nodeAt(norm, c, b);
    const i = v - norm.nChain;
    for (let r = o.reachStart[i]; r < o.reachStart[i + 1]; r++) {
        const w = o.reach[r];
        if (w === v)
            continue;
        for (let y = o.readerStart[w]; y < o.readerStart[w + 1]; y++) {
            const reader = o.readers[y];
            if (reader < norm.nChain && norm.client[reader] === c && reader <= last)
                return true;
        }
    }
    return false;
}
/** The first entry of a slot up to j that returned a write w other than v with v co< w (any, for v < 0); -1: none. */
function findReadAfter(o, slot, j, v, ticker) {
    const norm = o.norm;
    const chain = norm.chainStart[Math.floor(slot / norm.keys.length)];
    for (let e = o.rlStart[slot]; e <= j; e++) {
        ticker.tick();
        const w = norm.rf[chain + o.rlPos[e]];
        if (w !== v && (v < 0 || coBefore(o, v, w)))
            return e;
    }
    return -1;
}
/** The latest write of key k on chain c at position <= bound other than v, -1 when none. */
function latestWrite(o, c, k, bound, v) {
    const norm = o.norm;
    const slot = c * norm.keys.length + k;
    const lo = o.wlStart[slot];
    let i = lastAtOrBefore(o.wl, lo, o.wlStart[slot + 1], bound);
    const base = norm.chainStart[c];
    if (i >= lo && base + o.wl[i] === v)
        i--;
    return i >= lo ? base + o.wl[i] : -1;
}
/** Whether r, which returned v, missed the required write u (u replaced v, or r returned the initial state). */
function misses(o, v, u) {
    return u >= 0 && (v === INITIAL || coBefore(o, v, u));
}
/**
 * The entry of a chain's reads of k up to bound whose write v precedes (the last one, when v is the initial state);
 * -1: none. For witnesses only (a scan of the slot): the hot loops ask a Probe, which reads the running tops.
 */
function readAfter(o, c, k, bound, v, ticker) {
    const slot = c * o.norm.keys.length + k;
    const lo = o.rlStart[slot];
    const j = lastAtOrBefore(o.rlPos, lo, o.rlStart[slot + 1], bound);
    if (j < lo)
        return -1;
    if (v === INITIAL)
        return j;
    return findReadAfter(o, slot, j, v, ticker);
}
/** Normalises the history and builds its causal order, or says in words why it cannot be checked. */
function causal_order_prepare(history, opts, ticker) {
    try {
        const norm = normalise(history, opts, ticker.as('reading the history'));
        return { order: buildCausalOrder(norm, ticker.as('building the causal order')) };
    }
    catch (error) {
        if (error instanceof NotCheckable || error instanceof linearizability/* BudgetExceeded */.L$)
            return { reason: error.message };
        throw error;
    }
}
/**
 * The verdict alone of `latestWrite` + `misses` and of `readAfter`, for the session checkers' hot loops: cursors
 * per slot for one scan in chain order (`next` starts another; a slot's first question binary searches), the
 * arrays held in fields and the common case (v on a chain) answered inline, so a question costs a few typed-array
 * reads. A checker asks the full functions only for a read this says violates, to name the same witness as before.
 */
class Probe {
    o;
    ticker;
    wAt;
    rAt;
    wStamp;
    rStamp;
    round = 1;
    nChain;
    C;
    constructor(o, ticker) {
        this.o = o;
        this.ticker = ticker;
        const slots = o.wlStart.length - 1;
        this.wAt = new Int32Array(slots);
        this.rAt = new Int32Array(slots);
        this.wStamp = new Int32Array(slots);
        this.rStamp = new Int32Array(slots);
        this.nChain = o.norm.nChain;
        this.C = o.norm.clients;
    }
    next() {
        this.round++;
    }
    /** v co< u for a chain write u != v. */
    precedes(v, u) {
        const o = this.o;
        if (v < this.nChain)
            return o.clock[o.scc[u] * this.C + o.norm.client[v]] >= o.norm.pos[v];
        return coBefore(o, v, u);
    }
    /** The last entry of [starts[slot], starts[slot+1]) at position <= b, moving at[slot] forward. */
    upTo(starts, positions, at, stamp, slot, b) {
        const lo = starts[slot];
        const hi = starts[slot + 1];
        let i;
        if (stamp[slot] === this.round) {
            i = at[slot];
            while (i + 1 < hi && positions[i + 1] <= b)
                i++;
        }
        else {
            i = lastAtOrBefore(positions, lo, hi, b);
            stamp[slot] = this.round;
        }
        at[slot] = i;
        return i;
    }
    /** misses(v, latestWrite(c, k, b, v)) for slot c × keys + k and base chainStart[c]. */
    writeMissed(slot, base, b, v) {
        const o = this.o;
        let i = this.upTo(o.wlStart, o.wl, this.wAt, this.wStamp, slot, b);
        if (i >= o.wlStart[slot] && base + o.wl[i] === v)
            i--;
        if (i < o.wlStart[slot])
            return false;
        return v === INITIAL || this.precedes(v, base + o.wl[i]);
    }
    /**
     * readAfter(c, k, b, v) >= 0 for slot c × keys + k: whether some read among the slot's entries up to b returned
     * a write w other than v with v co< w, by the running tops (built for the slot on its first question).
     */
    readMissed(slot, b, v) {
        const o = this.o;
        const lo = o.rlStart[slot];
        const j = this.upTo(o.rlStart, o.rlPos, this.rAt, this.rStamp, slot, b);
        if (j < lo)
            return false;
        if (v === INITIAL)
            return true;
        const t = o.tops.of(slot, this.ticker);
        const e = (j - lo) * this.C;
        if (v >= this.nChain)
            return topsReachOff(o, t, e, v) || reachedReadIn(o, slot, j, v);
        const at = (e + o.norm.client[v]) * 3;
        return (t[at + 1] === v ? t[at + 2] : t[at]) >= o.norm.pos[v];
    }
}
function bounds(o, ticker) {
    const norm = o.norm;
    const C = norm.clients;
    const K = norm.keys.length;
    const { wlStart, wl } = o;
    ticker.budget.reserve(wl.length * 4 * C + norm.nChain * 4 + K * C * 4, 'the causal check’s bounds per write');
    const entry = new Int32Array(norm.nChain);
    const write = new Int32Array(wl.length * C).fill(NEVER);
    const init = new Int32Array(K * C).fill(NEVER);
    for (let slot = 0; slot < C * K; slot++) {
        const base = norm.chainStart[Math.floor(slot / K)];
        for (let i = wlStart[slot]; i < wlStart[slot + 1]; i++)
            entry[base + wl[i]] = i;
    }
    const next = new Int32Array(C);
    for (let k = 0; k < K; k++) {
        for (let c = 0; c < C; c++) {
            const slot = c * K + k;
            if (wlStart[slot] < wlStart[slot + 1])
                init[k * C + c] = wl[wlStart[slot]];
            if (o.orlStart[slot] < o.orlStart[slot + 1])
                init[k * C + c] = Math.min(init[k * C + c], o.orlPos[o.orlStart[slot]]);
            writeBounds(o, write, next, c, k, ticker);
        }
    }
    for (let k = 0; k < K; k++)
        for (let c = 0; c < C; c++)
            offReadBounds(o, write, next, c, k, ticker);
    return { entry, write, init };
}
/**
 * The bounds on chain c from its writes of key k: the writes u of k on c in order know ever more of each chain cv
 * (clock[u][cv] only grows), so each write v of k on cv gets the first u that knows it, and a pointer per cv does.
 * On v's own chain u must come after v, not be v.
 */
function writeBounds(o, write, next, c, k, ticker) {
    const C = o.norm.clients;
    const K = o.norm.keys.length;
    const { wlStart, wl, clock, scc } = o;
    const base = o.norm.chainStart[c];
    for (let cv = 0; cv < C; cv++)
        next[cv] = wlStart[cv * K + k];
    const slot = c * K + k;
    for (let j = wlStart[slot]; j < wlStart[slot + 1]; j++) {
        ticker.tick();
        const q = wl[j];
        const row = scc[base + q] * C;
        for (let cv = 0; cv < C; cv++) {
            const end = wlStart[cv * K + k + 1];
            const known = cv === c ? q - 1 : clock[row + cv];
            let p = next[cv];
            for (; p < end && wl[p] <= known; p++)
                write[p * C + c] = q;
            next[cv] = p;
        }
    }
}
/**
 * The bounds on chain c from its reads of indeterminate writes of key k (few): each write v gets the first such
 * read whose write it precedes, by the running top of those writes' clocks, again one pointer per chain cv.
 */
function offReadBounds(o, write, next, c, k, ticker) {
    const C = o.norm.clients;
    const K = o.norm.keys.length;
    const { wlStart, wl, orlStart, orlPos } = o;
    const slot = c * K + k;
    const lo = orlStart[slot];
    if (lo === orlStart[slot + 1])
        return;
    const t = o.orlTops[slot];
    for (let cv = 0; cv < C; cv++)
        next[cv] = wlStart[cv * K + k];
    for (let e = lo; e < orlStart[slot + 1]; e++) {
        ticker.tick();
        const q = orlPos[e];
        for (let cv = 0; cv < C; cv++) {
            const end = wlStart[cv * K + k + 1];
            // The entry's running top on cv (its write is off-chain, never a chain v).
            const known = t[((e - lo) * C + cv) * 3];
            let p = next[cv];
            for (; p < end && wl[p] <= known; p++)
                if (q < write[p * C + c])
                    write[p * C + c] = q;
            next[cv] = p;
        }
    }
}
/** Whether causal's check of read x (causal.ts, causalRead) finds a witness, without naming it (co acyclic). */
function readViolates(o, bd, x) {
    const norm = o.norm;
    const C = norm.clients;
    const clock = o.clock;
    const v = norm.rf[x];
    const at = o.scc[x] * C;
    let row;
    let need;
    if (v >= 0 && v < norm.nChain) {
        row = bd.entry[v] * C;
        need = bd.write;
    }
    else if (v === INITIAL) {
        row = norm.key[x] * C;
        need = bd.init;
    }
    else
        return offReadViolates(o, x, v);
    for (let c = 0; c < C; c++)
        if (clock[at + c] >= need[row + c])
            return true;
    return false;
}
/** readViolates for a read of an indeterminate write v (few): per chain, its latest write and its reads of such writes. */
function offReadViolates(o, x, v) {
    const norm = o.norm;
    const C = norm.clients;
    const K = norm.keys.length;
    const at = o.scc[x] * C;
    for (let c = 0, slot = norm.key[x]; c < C; c++, slot += K) {
        const b = o.clock[at + c];
        if (b < 0)
            continue;
        const i = lastAtOrBefore(o.wl, o.wlStart[slot], o.wlStart[slot + 1], b);
        if (i >= o.wlStart[slot] && coBefore(o, v, norm.chainStart[c] + o.wl[i]))
            return true;
        const olo = o.orlStart[slot];
        const j = lastAtOrBefore(o.orlPos, olo, o.orlStart[slot + 1], b);
        if (j >= olo && (topsReachOff(o, o.orlTops[slot], (j - olo) * C, v) || reachedReadUpTo(o, c, b, v)))
            return true;
    }
    return false;
}
const FINE = 1;
const BAD = 2;
/**
 * Causal's verdict on each read of an acyclic order, judged on demand and kept: causal asks in node order and stops
 * at its first violating read; the session guarantees, which need to ask only the reads causal flags, ask the
 * reads their own walks reach. The bounds are built on the first question (inside a checker's budget).
 */
class causal_order_CausalScan {
    o;
    /** Per node: 0 not judged yet, FINE, or BAD. */
    state;
    bd;
    /** Every node below `next` is judged and none of them violates. */
    next = 0;
    firstBad = -2;
    constructor(o) {
        this.o = o;
        this.state = new Uint8Array(o.norm.n);
    }
    /** Whether causal's bad patterns catch reading node x (CyclicCO aside). */
    violates(x, ticker) {
        if (this.state[x] === 0)
            this.judge(x, ticker);
        return this.state[x] === BAD;
    }
    /** The first reading node in node order that causal's bad patterns catch, -1 when none does. */
    first(ticker) {
        if (this.firstBad !== -2)
            return this.firstBad;
        const n = this.o.norm.n;
        const state = this.state;
        for (let x = this.next; x < n; x++) {
            ticker.tick();
            if (state[x] === 0)
                this.judge(x, ticker);
            if (state[x] === BAD)
                return (this.firstBad = x);
            this.next = x + 1;
        }
        return (this.firstBad = -1);
    }
    judge(x, ticker) {
        const kind = this.o.norm.kind[x];
        const reading = kind === READ || kind === CAS_READ || kind === INFO_CAS;
        this.bd ??= bounds(this.o, ticker);
        this.state[x] = reading && readViolates(this.o, this.bd, x) ? BAD : FINE;
    }
}

// EXTERNAL MODULE: ./src/linearizability/display.ts
var display = __webpack_require__(4318);
;// CONCATENATED MODULE: ./src/consistency/words.ts
// Witnesses in plain words: which client did what, on which node, when (seconds, two decimals), and what it got.
// Everything shown from the history (clients, keys, nodes, values) goes through clipText, so a hostile history
// cannot reach a terminal unescaped, and a long value stays a short line.


const VALUE_CHARS = 60;
function shown(v) {
    return (0,display/* clipText */.gL)(JSON.stringify(v), VALUE_CHARS);
}
function seconds(t) {
    return `${(t / 1000).toFixed(2)} s`;
}
function clientName(norm, x) {
    return `client ${(0,display/* clipText */.gL)(String(norm.clientNames[norm.client[x]]), VALUE_CHARS)}`;
}
function keyOf(norm, x) {
    return shown(norm.keys[norm.key[x]]);
}
function where(norm, x) {
    const op = norm.history.operations[norm.op[x]];
    const node = op.node === undefined ? '' : ` on ${(0,display/* clipText */.gL)(op.node, VALUE_CHARS)}`;
    return `${node} at ${seconds(op.invoke)}`;
}
function writtenValue(norm, w) {
    const op = norm.history.operations[norm.op[w]];
    return op.f === 'cas' ? op.value[1] : op.value;
}
/** What a read got: a value, or the initial state. */
function got(norm, x) {
    if (norm.rf[x] === INIT) {
        return norm.initialValue === null ? 'found it missing (the initial state)' : `got ${shown(norm.initialValue)}, the initial value`;
    }
    return `got ${shown(readValue(norm.history.operations[norm.op[x]]))}`;
}
/** "wrote "v" to "k" on n1 at 1.20 s", told from the writer's side (without its client). */
function wroteText(norm, w) {
    const op = norm.history.operations[norm.op[w]];
    const kind = norm.kind[w];
    const verb = kind === K_CAS_WRITE || kind === K_INFO_CAS
        ? `swapped ${keyOf(norm, w)} from ${shown(readValue(op))} to ${shown(writtenValue(norm, w))}`
        : `wrote ${shown(writtenValue(norm, w))} to ${keyOf(norm, w)}`;
    const open = kind === K_INFO_WRITE || kind === K_INFO_CAS ? ' (no reply; a read shows it took effect)' : '';
    return `${verb}${where(norm, w)}${open}`;
}
/** "read "k" on n2 at 1.31 s and got "v"" (without its client). */
function readText(norm, r) {
    const kind = norm.kind[r];
    const what = kind === K_CAS_READ || kind === K_INFO_CAS ? 'compared-and-set' : 'read';
    return `${what} ${keyOf(norm, r)}${where(norm, r)} and ${got(norm, r)}`;
}
function ops(norm, nodes) {
    const out = [];
    for (const x of nodes)
        if (x >= 0 && !out.includes(norm.op[x]))
            out.push(norm.op[x]);
    return out;
}
function witness(norm, key, nodes, explanation) {
    return { operations: ops(norm, nodes), key: norm.keys[norm.key[key]], explanation };
}
/** "v", the value a node wrote, for "which "v" had replaced". */
function words_valueOf(norm, w) {
    return shown(writtenValue(norm, w));
}
function thinAirWitness(norm, model) {
    const r = norm.thinAir;
    const refused = norm.refusedOp;
    let why = `which no write of ${keyOf(norm, r)} wrote`;
    if (refused >= 0) {
        const op = norm.history.operations[refused];
        const node = op.node === undefined ? '' : ` on ${(0,display/* clipText */.gL)(op.node, VALUE_CHARS)}`;
        const error = op.error === undefined ? '' : ` (${(0,display/* clipText */.gL)(op.error, VALUE_CHARS)})`;
        why = `which only a refused write wrote (client ${(0,display/* clipText */.gL)(String(op.process), VALUE_CHARS)}${node} at ${seconds(op.invoke)}${error})`;
    }
    const explanation = `${clientName(norm, r)} ${readText(norm, r)}, ${why}: a value out of thin air, which ${model} forbids`;
    const operations = refused >= 0 ? [norm.op[r], refused] : [norm.op[r]];
    return { operations, key: norm.keys[norm.key[r]], explanation };
}
function rywWitness(norm, r, u) {
    const v = norm.rf[r];
    const after = v === INIT ? 'as if its write had never happened' : `which its write had replaced`;
    const text = `${clientName(norm, u)} ${wroteText(norm, u)}, then ${readText(norm, r)}, ${after}: read-your-writes`;
    return witness(norm, r, [u, v, r], text);
}
function mrWitness(norm, r1, r) {
    const v = norm.rf[r];
    const u = norm.rf[r1];
    const after = v === INIT ? 'as if it had never been written' : `which ${words_valueOf(norm, u)} had replaced`;
    const text = `${clientName(norm, r)} ${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: monotonic-reads`;
    return witness(norm, r, [u, r1, v, r], text);
}
function mwWitness(norm, r, u, r1) {
    const v = norm.rf[r];
    const w2 = norm.rf[r1];
    const after = v === INIT ? `as if ${words_valueOf(norm, u)} had never been written` : `which ${words_valueOf(norm, u)} had replaced`;
    const text = `${clientName(norm, u)} ${wroteText(norm, u)} and later ${wroteText(norm, w2)}; ${clientName(norm, r)} ` +
        `${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: monotonic-writes`;
    return witness(norm, r, [u, w2, r1, v, r], text);
}
/** r2 is the read (or the indeterminate compare-and-set's read) that came before the write w2 that r1 returned. */
function wfrWitness(norm, r, r2, r1) {
    const v = norm.rf[r];
    const w1 = norm.rf[r2];
    const w2 = norm.rf[r1];
    const first = r2 === w2 ? `${clientName(norm, w2)} ${wroteText(norm, w2)}` : `${clientName(norm, r2)} ${readText(norm, r2)}`;
    const then = r2 === w2 ? '' : ` before it ${wroteText(norm, w2)}`;
    const after = v === INIT ? `as if ${words_valueOf(norm, w1)} had never been written` : `which ${words_valueOf(norm, w1)} had replaced`;
    const text = `${first}${then}; ${clientName(norm, r)} ${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: writes-follow-reads`;
    return witness(norm, r, [w1, r2, w2, r1, v, r], text);
}
function stepText(norm, x) {
    return `${clientName(norm, x)} ${isWriting(norm.kind[x]) ? wroteText(norm, x) : readText(norm, x)}`;
}
/** The operations along a causal path, oldest first, as one line. */
function pathText(norm, path) {
    const steps = [];
    let last = -1;
    for (const x of path) {
        if (norm.op[x] === last)
            continue;
        last = norm.op[x];
        steps.push(stepText(norm, x));
    }
    const shownSteps = steps.length > 6 ? [...steps.slice(0, 3), `… ${steps.length - 5} more …`, ...steps.slice(-2)] : steps;
    return shownSteps.join(' → ');
}
function causalReadWitness(o, r, u, path) {
    const norm = o.norm;
    const v = norm.rf[r];
    const via = path.length > 0 ? ` (${pathText(norm, path)})` : '';
    const text = v === INIT
        ? `${clientName(norm, r)} ${readText(norm, r)}, though ${words_valueOf(norm, u)} (${clientName(norm, u)} ${wroteText(norm, u)}) ` +
            `causally preceded the read${via}: causal (WriteCOInitRead)`
        : `${clientName(norm, r)} ${readText(norm, r)}, though ${words_valueOf(norm, u)} (${clientName(norm, u)} ${wroteText(norm, u)}) had ` +
            `replaced it and causally preceded the read${via}: causal (WriteCORead)`;
    return witness(norm, r, v >= 0 ? [v, u, ...path, r] : [u, ...path, r], text);
}
function cycleWitness(norm, cycle) {
    const steps = pathText(norm, cycle);
    const text = `causal order has a cycle, each step happened before the next and the last before the first: ${steps}: causal (CyclicCO)`;
    return witness(norm, cycle[0], cycle, text);
}

;// CONCATENATED MODULE: ./src/consistency/session.ts



const session_INFO_CAS = K_INFO_CAS;
const THIN = THIN_AIR;

const SESSION_MODELS = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads'];
/**
 * Each client's chain in session order, and its off-chain compare-and-sets right after the last chain event
 * before them (what precedes them in session order is then exactly what the hooks have seen).
 */
function walk(o, ticker, hooks, only) {
    const norm = o.norm;
    if (only && only.first(ticker) < 0)
        return undefined;
    const ask = (x) => (only && !only.violates(x, ticker) ? undefined : hooks.read(x));
    for (let c = 0; c < norm.clients; c++) {
        hooks.start(c);
        let off = norm.nChain + norm.offStart[c];
        const offEnd = norm.nChain + norm.offStart[c + 1];
        const offUpTo = (p) => {
            for (; off < offEnd && norm.pos[off] <= p; off++) {
                ticker.tick();
                const found = norm.kind[off] === session_INFO_CAS && norm.rf[off] !== THIN ? ask(off) : undefined;
                if (found)
                    return found;
            }
            return undefined;
        };
        let found = offUpTo(-1);
        for (let x = norm.chainStart[c]; found === undefined && x < norm.chainStart[c + 1]; x++) {
            ticker.tick();
            if (!isReading(norm.kind[x])) {
                found = offUpTo(norm.pos[x]);
                continue;
            }
            if (norm.rf[x] !== THIN)
                found = ask(x);
            hooks.after(x);
            found ??= offUpTo(norm.pos[x]);
        }
        if (found)
            return found;
    }
    return undefined;
}
// Each read is decided by a Probe (its cursors reset per client, whose bounds only grow); only a read it finds
// violating is asked again in full, to name the same witness as a full question would.
function readYourWrites(o, ticker, only) {
    const norm = o.norm;
    const K = norm.keys.length;
    const p = new Probe(o, ticker);
    return walk(o, ticker, {
        start: () => p.next(),
        after: () => { },
        read: (x) => {
            const c = norm.client[x];
            const v = norm.rf[x];
            if (!p.writeMissed(c * K + norm.key[x], norm.chainStart[c], soBound(norm, x), v))
                return undefined;
            const u = latestWrite(o, c, norm.key[x], soBound(norm, x), v);
            return misses(o, v, u) ? rywWitness(norm, x, u) : undefined;
        },
    }, only);
}
function monotonicReads(o, ticker, only) {
    const norm = o.norm;
    const K = norm.keys.length;
    const p = new Probe(o, ticker);
    return walk(o, ticker, {
        start: () => p.next(),
        after: () => { },
        read: (x) => {
            const c = norm.client[x];
            if (!p.readMissed(c * K + norm.key[x], soBound(norm, x), norm.rf[x]))
                return undefined;
            const e = readAfter(o, c, norm.key[x], soBound(norm, x), norm.rf[x], ticker);
            return e >= 0 ? mrWitness(norm, nodeAt(norm, c, o.rlPos[e]), x) : undefined;
        },
    }, only);
}
/**
 * What a client's earlier reads make it depend on: per chain, the highest position that precedes a write some
 * earlier read returned (and the read), shared by monotonic writes and writes-follow-reads.
 */
class Horizon {
    o;
    bound;
    by;
    /** Writes read by indeterminate compare-and-sets an earlier read returned, with that read. */
    extra = [];
    constructor(o) {
        this.o = o;
        this.bound = new Int32Array(o.norm.clients);
        this.by = new Int32Array(o.norm.clients);
    }
    reset() {
        this.bound.fill(-1);
        this.extra.length = 0;
    }
    add(x) {
        const norm = this.o.norm;
        const w2 = norm.rf[x];
        if (w2 < 0)
            return;
        const c1 = norm.client[w2];
        const b = soBound(norm, w2);
        if (b > this.bound[c1]) {
            this.bound[c1] = b;
            this.by[c1] = x;
        }
        if (norm.kind[w2] === session_INFO_CAS && norm.rf[w2] >= 0)
            this.extra.push(norm.rf[w2], x);
    }
}
function monotonicWrites(o, ticker, only) {
    const norm = o.norm;
    const K = norm.keys.length;
    const h = new Horizon(o);
    const p = new Probe(o, ticker);
    const witness = (x, c1) => {
        const u = latestWrite(o, c1, norm.key[x], h.bound[c1], norm.rf[x]);
        return misses(o, norm.rf[x], u) ? mwWitness(norm, x, u, h.by[c1]) : undefined;
    };
    return walk(o, ticker, {
        start: () => {
            h.reset();
            p.next();
        },
        after: (x) => h.add(x),
        read: (x) => {
            const k = norm.key[x];
            const v = norm.rf[x];
            const bound = h.bound;
            for (let c1 = 0; c1 < norm.clients; c1++) {
                const b = bound[c1];
                if (b >= 0 && p.writeMissed(c1 * K + k, norm.chainStart[c1], b, v))
                    return witness(x, c1);
            }
            return undefined;
        },
    }, only);
}
function writesFollowReads(o, ticker, only) {
    const norm = o.norm;
    const K = norm.keys.length;
    const h = new Horizon(o);
    const p = new Probe(o, ticker);
    const witness = (x, c1) => {
        const e = readAfter(o, c1, norm.key[x], h.bound[c1], norm.rf[x], ticker);
        return e >= 0 ? wfrWitness(norm, x, nodeAt(norm, c1, o.rlPos[e]), h.by[c1]) : undefined;
    };
    return walk(o, ticker, {
        start: () => {
            h.reset();
            p.next();
        },
        after: (x) => h.add(x),
        read: (x) => {
            const k = norm.key[x];
            const v = norm.rf[x];
            const bound = h.bound;
            for (let c1 = 0; c1 < norm.clients; c1++) {
                const b = bound[c1];
                if (b >= 0 && p.readMissed(c1 * K + k, b, v))
                    return witness(x, c1);
            }
            for (let i = 0; i < h.extra.length; i += 2) {
                ticker.tick();
                const w1 = h.extra[i];
                if (norm.key[w1] === k && w1 !== v && misses(o, v, w1))
                    return wfrWitness(norm, x, norm.rf[h.extra[i + 1]], h.extra[i + 1]);
            }
            return undefined;
        },
    }, only);
}
const SESSION_CHECKS = {
    'read-your-writes': readYourWrites,
    'monotonic-reads': monotonicReads,
    'monotonic-writes': monotonicWrites,
    'writes-follow-reads': writesFollowReads,
};
function unknown(model, start, reason) {
    return { model, verdict: 'unknown', elapsedMs: performance.now() - start, reason };
}
/** One checker run on a prepared order: its verdict, `unknown` when the budget ran out on the way. */
function session_judge(model, o, ticker, start, check) {
    if (o.norm.thinAir >= 0)
        return { model, verdict: 'violated', elapsedMs: performance.now() - start, witness: thinAirWitness(o.norm, model) };
    try {
        const witness = check(o, ticker.as(`checking ${model}`));
        const elapsedMs = performance.now() - start;
        return witness ? { model, verdict: 'violated', elapsedMs, witness } : { model, verdict: 'held', elapsedMs };
    }
    catch (error) {
        if (error instanceof linearizability/* BudgetExceeded */.L$)
            return unknown(model, start, error.message);
        throw error;
    }
}
/**
 * Read-your-writes, monotonic reads, monotonic writes and writes-follow-reads, one verdict each (in that order).
 * They share one normalisation and one causal order, and one budget (`budgetMs`, `maxMemoryBytes`).
 */
function checkSessionGuarantees(history, opts = {}) {
    const start = performance.now();
    const ticker = new Ticker(budgetOf(opts, start), 'checking the session guarantees');
    const prep = prepare(history, opts, ticker);
    if ('reason' in prep)
        return SESSION_MODELS.map((m) => unknown(m, start, prep.reason));
    const prepMs = performance.now() - start;
    const bad = suspects(prep.order);
    return SESSION_MODELS.map((model) => session_judge(model, prep.order, ticker, performance.now() - prepMs, (o, t) => SESSION_CHECKS[model](o, t, bad)));
}
/** Causal's scan, to be asked which reads it flags, when the order is acyclic and read nothing out of thin air. */
function suspects(o) {
    return o.firstCycle >= 0 || o.norm.thinAir >= 0 ? undefined : new CausalScan(o);
}

;// CONCATENATED MODULE: ./src/consistency/causal.ts




/** Nodes strictly between `from` and `to` on a causal path, oldest first (empty when none is found in bounds). */
function causalPath(o, from, to, ticker, maxSteps = 200_000) {
    const norm = o.norm;
    const parent = new Map([[to, -1]]);
    const queue = [to];
    for (let head = 0; head < queue.length && head < maxSteps; head++) {
        ticker.tick();
        const x = queue[head];
        for (const p of [soPred(norm, x), norm.rf[x]]) {
            if (p < 0 || parent.has(p))
                continue;
            parent.set(p, x);
            if (p === from) {
                const path = [];
                for (let y = x; y !== to; y = parent.get(y))
                    path.push(y);
                return path;
            }
            queue.push(p);
        }
    }
    return [];
}
/** A cycle through the first cyclic component, each node before the next. */
function findCycle(o, ticker) {
    const norm = o.norm;
    let start = 0;
    while (o.scc[start] !== o.firstCycle)
        start++;
    if (norm.rf[start] === start)
        return [start];
    // Backwards from start along predecessors inside the component, until start comes round again.
    const parent = new Map();
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        ticker.tick();
        const x = queue[head];
        for (const p of [soPred(norm, x), norm.rf[x]]) {
            if (p < 0 || o.scc[p] !== o.firstCycle)
                continue;
            if (p === start) {
                const cycle = [start];
                for (let y = x; y !== start; y = parent.get(y))
                    cycle.push(y);
                return cycle;
            }
            if (parent.has(p))
                continue;
            parent.set(p, x);
            queue.push(p);
        }
    }
    return [start];
}
function causalRead(o, x, ticker) {
    const norm = o.norm;
    const C = norm.clients;
    const k = norm.key[x];
    const v = norm.rf[x];
    const at = o.scc[x] * C;
    for (let c = 0; c < C; c++) {
        const b = o.clock[at + c];
        if (b < 0)
            continue;
        let u = latestWrite(o, c, k, b, v);
        if (!misses(o, v, u)) {
            const e = readAfter(o, c, k, b, v, ticker);
            u = e >= 0 ? norm.rf[nodeAt(norm, c, o.rlPos[e])] : -1;
        }
        if (u >= 0)
            return causalReadWitness(o, x, u, causalPath(o, u, x, ticker));
    }
    return undefined;
}
/** Causal's verdict, its scan of the reads shared with the session checks when given (none when co has a cycle). */
function causalWith(o, ticker, scan) {
    const norm = o.norm;
    if (o.firstCycle >= 0)
        return cycleWitness(norm, findCycle(o, ticker));
    // The first violating read in node order is named by causalRead, as if every read had been asked in full.
    const found = (scan ?? new causal_order_CausalScan(o)).first(ticker);
    return found >= 0 ? causalRead(o, found, ticker) : undefined;
}
function causal(o, ticker) {
    return causalWith(o, ticker, undefined);
}
/** Causal consistency (CC): ThinAirRead, CyclicCO, WriteCOInitRead, WriteCORead, within one budget. */
function checkCausal(history, opts = {}) {
    const start = performance.now();
    const ticker = new Ticker(budgetOf(opts, start), 'checking causal consistency');
    const prep = prepare(history, opts, ticker);
    if ('reason' in prep)
        return { model: 'causal', verdict: 'unknown', elapsedMs: performance.now() - start, reason: prep.reason };
    return judge('causal', prep.order, ticker, start, causal);
}
/**
 * The four session guarantees (in SESSION_MODELS order) and causal consistency, last: five verdicts over one
 * normalisation and one causal order, which is most of the work, so this costs little more than one checker.
 * Each verdict's elapsedMs counts the shared preparation and its own check; the budget covers all five together.
 */
function checkSessionAndCausal(history, opts = {}, out) {
    const start = performance.now();
    const ticker = new ops_Ticker(ops_budgetOf(opts, start), 'checking the session guarantees and causal consistency');
    const prep = causal_order_prepare(history, opts, ticker);
    // `out` (the ladder's): the normalisation's value numbering, for the sequential checker to reuse.
    if (out !== undefined && 'order' in prep)
        out.values = prep.order.norm.values;
    const models = [...SESSION_MODELS, 'causal'];
    if ('reason' in prep)
        return models.map((model) => ({ model, verdict: 'unknown', elapsedMs: performance.now() - start, reason: prep.reason }));
    const prepMs = performance.now() - start;
    // Causal first: every session guarantee requires a subset of the writes causal does, so a read causal finds no
    // fault with is fine for all four, and they need to look only at the reads causal flags. Causal stops at its
    // first violating read; the session checks carry its scan on as far as their own walks go.
    const o = prep.order;
    const scan = o.firstCycle < 0 ? new causal_order_CausalScan(o) : undefined;
    const own = session_judge('causal', o, ticker, performance.now() - prepMs, (order, t) => causalWith(order, t, scan));
    const sessions = SESSION_MODELS.map((model) => session_judge(model, o, ticker, performance.now() - prepMs, (order, t) => SESSION_CHECKS[model](order, t, scan)));
    return [...sessions, own];
}

;// CONCATENATED MODULE: ./src/consistency/sequential-search.ts
// The search behind the per-key sequential check (sequential.ts): one key's operations normalised as
// docs/consistency.md says, then one of two deciders.
//
// - Unique values (every value is written by at most one operation, and never the initial one) are decided by a
//   greedy pass that is exact, not a heuristic. Each read names its write, so in any valid order a write `w` of `x`
//   is followed at once by every read of `x` (they can go nowhere else) and, if some compare-and-set expects `x`,
//   by that cas and then the same for the value it writes: a "block" of operations that sits contiguously in every
//   valid order. Whenever the current block is complete and some block's operations have all their session
//   predecessors already placed or inside the block ("viable"), moving that block to the front of any valid
//   completion keeps it valid (the block ends where the next plain write begins, which does not care what it
//   overwrites). So placing any viable block is safe, and finding none means no order exists: the pass never
//   backtracks and costs about a block's requirements per write.
// - Anything else goes to a depth-first search over the sessions' positions (plus which indeterminate writes were
//   placed, plus the register's value), with a memo of the states already explored. Reads of the current value are
//   placed at once (a read changes nothing, so placing it early never hurts); a state with a head read whose value
//   no write left can produce is dead. Moves are tried in invocation order, so a history close to its real-time
//   order (most are) is walked through with little backtracking. The memo's memory is reserved before it grows.
//
// Both run as generators that yield every few thousand steps, so the caller can share one deadline among keys.

const sequential_search_READ = 0;
const sequential_search_WRITE = 1;
const CAS = 2;
/** Steps between two yields (a look at the clock by the caller): a step is well under a microsecond. */
const YIELD_STEPS = 2048;
/** Memory or time ran out; the key's verdict is then unknown. */
class LimitExceeded extends Error {
    why;
    constructor(why) {
        super(why === 'time' ? 'out of time' : 'out of memory');
        this.why = why;
        this.name = 'LimitExceeded';
    }
}
/** One deadline and one memory cap for a whole check; memory is reserved before it is allocated. */
class Limits {
    deadline;
    maxBytes;
    used = 0;
    peak = 0;
    constructor(deadline, maxBytes) {
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }
    reserve(bytes) {
        if (this.used + bytes > this.maxBytes)
            throw new LimitExceeded('memory');
        this.used += bytes;
        if (this.used > this.peak)
            this.peak = this.used;
    }
    release(bytes) {
        this.used = Math.max(0, this.used - bytes);
    }
    expired() {
        return performance.now() >= this.deadline;
    }
}
/** What one part of the check holds, given back at once when it ends. */
class Account {
    limits;
    held = 0;
    constructor(limits) {
        this.limits = limits;
    }
    take(bytes) {
        this.limits.reserve(bytes);
        this.held += bytes;
    }
    close() {
        this.limits.release(this.held);
        this.held = 0;
    }
}
// Per operation: six typed-array slots, the sort's and the interning's share (a Map entry per distinct value).
const PREPARED_BYTES_PER_OP = 40 + 96;
/** Whether the operation constrains the order at all (see docs/consistency.md, "The history the checkers read"). */
function normalisedKind(op) {
    if (op.type === 'fail')
        return -1;
    if (op.f === 'read' || op.f === 'get')
        return op.type === 'ok' ? sequential_search_READ : -1;
    if (op.f === 'write' || op.f === 'put')
        return sequential_search_WRITE;
    if (op.f === 'cas')
        return op.type === 'ok' && op.succeeded === false ? -1 : CAS;
    return -1;
}
function prepareKey(key, operations, indexes, clientOf, initial, account, shared) {
    account.take(PREPARED_BYTES_PER_OP * indexes.length + 256);
    const kept = shared === undefined ? inInvocationOrder(operations, indexes) : shared.inInvocationOrder(operations, indexes);
    const n = kept.length;
    const ops = {
        key,
        n,
        hist: kept,
        kind: new Uint8Array(n),
        a: new Int32Array(n),
        b: new Int32Array(n),
        client: new Int32Array(n),
        info: new Uint8Array(n),
    };
    const valueIds = new Map([[initial, 0]]);
    const values = [initial];
    // The id of v, which operation w wrote (-1: no write wrote it, or no shared numbering); ids in order of first use.
    const intern = (v, w) => {
        if (w >= 0)
            return shared.idOf(w, values, v);
        let id = valueIds.get(v);
        if (id === undefined)
            valueIds.set(v, (id = values.push(v) - 1));
        return id;
    };
    const clientIds = new Map();
    const clientNames = [];
    // With a shared numbering: the key's client number per shared client number, in order of first appearance too.
    const local = [];
    for (let i = 0; i < n; i++) {
        const h = kept[i];
        const op = operations[h];
        const k = shared === undefined ? normalisedKind(op) : shared.kindOf(h, op);
        ops.kind[i] = k;
        if (k === CAS) {
            const [from, to] = op.value;
            ops.a[i] = intern(from, shared?.expectedWriter(h, op, from) ?? -1);
            ops.b[i] = intern(to, shared?.writerOf(h, op, sequential_search_WRITE) ?? -1);
        }
        else
            ops.a[i] = intern(op.value, shared?.writerOf(h, op, k) ?? -1);
        let c;
        if (shared === undefined) {
            const name = clientOf(op);
            c = clientIds.get(name);
            if (c === undefined)
                clientIds.set(name, (c = clientNames.push(name) - 1));
        }
        else {
            const g = shared.clientOf(h, op, clientOf);
            c = local[g];
            if (c === undefined)
                local[g] = c = clientNames.push(shared.clientName(g)) - 1;
        }
        ops.client[i] = c;
        ops.info[i] = op.type === 'info' ? 1 : 0;
    }
    return { ...ops, clients: clientNames.length, clientNames, values };
}
/**
 * Value numbering from the normalisation's (ops.ts, handed over by the ladder): values are unique there, so a
 * written value is told apart by the one operation that wrote it, and interning it costs a typed-array slot per
 * writer instead of a map entry per value; values no write wrote (the initial one, thin air) still go through the
 * map. The ids come out exactly as the map alone numbers them: in order of first use, the initial value 0.
 */
class SharedInterning {
    shared;
    /** Writer operation -> its value's id in its key's numbering (-1: not used yet); a writer belongs to one key. */
    ids;
    constructor(shared, operations) {
        this.shared = shared;
        this.ids = new Int32Array(operations).fill(-1);
        this.names = [...shared.clientNames];
    }
    /** Shared client numbers beyond the normalisation's: operations that took no effect (it numbers only the others). */
    extra = new Map();
    names;
    /** Operation h's client, numbered by the normalisation when it took effect (clientOf: the same function). */
    clientOf(h, op, clientOf) {
        const g = this.shared.clientId[h];
        if (g >= 0)
            return g;
        const name = clientOf(op);
        let id = this.shared.clientIds.get(name) ?? this.extra.get(name);
        if (id === undefined)
            this.extra.set(name, (id = this.names.push(name) - 1));
        return id;
    }
    clientName(g) {
        return this.names[g];
    }
    /** normalisedKind(op) from the normalisation's roles, which already decided it for every operation that took effect. */
    kindOf(h, op) {
        const r = this.shared.role[h];
        if (r === R_READ)
            return sequential_search_READ;
        if (r === R_WRITE || r === R_INFO_WRITE)
            return sequential_search_WRITE;
        if (r === R_CAS || r === R_INFO_CAS)
            return CAS;
        return normalisedKind(op);
    }
    /** inInvocationOrder from the normalisation's roles and times: the operations themselves are not read. */
    inInvocationOrder(operations, indexes) {
        const kept = new Int32Array(indexes.length);
        const invoke = this.shared.invoke;
        let n = 0;
        let sorted = true;
        let last = -Infinity;
        for (const i of indexes) {
            if (this.shared.role[i] === R_DROP && normalisedKind(operations[i]) < 0)
                continue;
            if (invoke[i] < last)
                sorted = false;
            last = invoke[i];
            kept[n++] = i;
        }
        // A view, not a copy: the few operations left out do not pay for another array.
        const out = kept.subarray(0, n);
        return sorted
            ? out
            : sortByTime(out, Float64Array.from(out, (i) => invoke[i]));
    }
    /** The id of the value operation w wrote, numbered next in `values` on its first use. */
    idOf(w, values, v) {
        let id = this.ids[w];
        if (id < 0)
            this.ids[w] = id = values.push(v) - 1;
        return id;
    }
    /** The writer of what operation h (a read or a write, of kind k) reads or writes; -1 when no write wrote it. */
    writerOf(h, op, k) {
        if (k === sequential_search_READ)
            return this.shared.readFrom[h];
        // Only `ok` and `info` writes are the normalisation's writers (and each one's value is its own).
        return op.type === 'ok' || op.type === 'info' ? h : -1;
    }
    /** The writer of a compare-and-set's expected value (an `ok` one's read is resolved already); -1: none. */
    expectedWriter(h, op, from) {
        if (op.type === 'ok')
            return this.shared.readFrom[h];
        return this.shared.writers.get(this.shared.keyOf[h], from);
    }
}
/** The operations that constrain the order, by invocation time then index; histories mostly come in that order. */
function inInvocationOrder(operations, indexes) {
    const kept = new Int32Array(indexes.length);
    let n = 0;
    let sorted = true;
    let last = -Infinity;
    for (const i of indexes) {
        const op = operations[i];
        if (normalisedKind(op) < 0)
            continue;
        if (op.invoke < last)
            sorted = false;
        last = op.invoke;
        kept[n++] = i;
    }
    const out = kept.slice(0, n);
    if (sorted)
        return out;
    return sortByTime(out, Float64Array.from(out, (i) => operations[i].invoke));
}
/**
 * Operations (in history order, so ascending) by time, then by index, sorted in place (both arrays): fresh arrays
 * for each key's million-operation share are typed-array memory whose every 64 MB costs a full collection.
 */
function sortByTime(out, times) {
    for (let i = 0; i < times.length; i++)
        if (times[i] !== times[i])
            return sortByComparator(out, times);
    if (nearlySorted(out, times))
        return out;
    return sortByComparator(out, times);
}
/** The comparator sort, which orders a NaN time by index alone (as it always has: the result is what it says). */
function sortByComparator(out, times) {
    const order = Int32Array.from(out.keys()).sort((x, y) => times[x] - times[y] || out[x] - out[y]);
    return Int32Array.from(order, (x) => out[x]);
}
/**
 * The comparator sort's order (by time, then by index) by an insertion sort in place, when that is cheap:
 * operations invoked close together arrive slightly out of order, a few places each, and an insertion sort costs a
 * step per place where the comparator sort calls a function per comparison. false past a few steps per operation,
 * the arrays then still the same pairs (the comparator sort, by index on ties, finishes them). No NaN times.
 */
function nearlySorted(res, t) {
    let budget = 8 * res.length + 1024;
    for (let i = 1; i < res.length; i++) {
        const x = t[i];
        const r = res[i];
        let j = i - 1;
        // Strictly later only: equal times keep their order, which is by index, as the comparator's tie-break is.
        for (; j >= 0 && t[j] > x; j--) {
            t[j + 1] = t[j];
            res[j + 1] = res[j];
            if (--budget < 0) {
                t[j] = x;
                res[j] = r;
                return false;
            }
        }
        t[j + 1] = x;
        res[j + 1] = r;
    }
    return true;
}
/** The value an operation writes, or -1 for a read. */
function sequential_search_written(ops, o) {
    const k = ops.kind[o];
    return k === sequential_search_WRITE ? ops.a[o] : k === CAS ? ops.b[o] : -1;
}
const INSTANCE_BYTES_PER_OP = 24;
function buildInstance(ops, keep, account) {
    const { n, clients } = ops;
    account.take(INSTANCE_BYTES_PER_OP * n + 8 * ops.values.length + 8 * clients + 64);
    const laneStart = new Int32Array(clients + 1);
    const slot = new Int32Array(n);
    const candidates = [];
    for (let o = 0; o < n; o++) {
        if (keep !== undefined && keep[o] === 0)
            continue;
        const c = ops.client[o];
        // Counting each lane's length as it goes gives an indeterminate operation its position: after every
        // completed operation its client invoked before it.
        if (ops.info[o] === 1) {
            slot[o] = laneStart[c + 1];
            candidates.push(o);
        }
        else
            slot[o] = laneStart[c + 1]++;
    }
    for (let c = 0; c < clients; c++)
        laneStart[c + 1] += laneStart[c];
    const chainCount = laneStart[clients];
    const laneOps = new Int32Array(chainCount);
    for (let o = 0; o < n; o++) {
        if ((keep === undefined || keep[o] === 1) && ops.info[o] === 0)
            laneOps[laneStart[ops.client[o]] + slot[o]] = o;
    }
    const floaters = usefulFloaters(ops, keep, candidates);
    return { ops, keep, laneStart, laneOps, slot, floaters, chainCount, unique: isUnique(ops, keep, floaters) };
}
/**
 * Indeterminate writes whose value nobody reads are left out: placing one only installs a value no operation
 * needs (and a cas among them also consumes the value it expected, so dropping it may make others unread too).
 */
function usefulFloaters(ops, keep, candidates) {
    const readCount = new Int32Array(ops.values.length);
    for (let o = 0; o < ops.n; o++) {
        if (keep !== undefined && keep[o] === 0)
            continue;
        if (ops.kind[o] === sequential_search_READ || ops.kind[o] === CAS)
            readCount[ops.a[o]]++;
    }
    const byValue = new Map();
    for (const f of candidates) {
        const v = sequential_search_written(ops, f);
        const list = byValue.get(v);
        if (list === undefined)
            byValue.set(v, [f]);
        else
            list.push(f);
    }
    const dropped = new Set();
    const work = [...byValue.keys()].filter((v) => readCount[v] === 0);
    while (work.length > 0) {
        const v = work.pop();
        for (const f of byValue.get(v) ?? []) {
            if (dropped.has(f))
                continue;
            dropped.add(f);
            if (ops.kind[f] === CAS && --readCount[ops.a[f]] === 0)
                work.push(ops.a[f]);
        }
    }
    return Int32Array.from(candidates.filter((f) => !dropped.has(f)));
}
function isUnique(ops, keep, floaters) {
    const writers = new Uint8Array(ops.values.length);
    const count = (o) => {
        const v = sequential_search_written(ops, o);
        return v !== -1 && (v === 0 || writers[v]++ > 0);
    };
    for (let o = 0; o < ops.n; o++) {
        if ((keep === undefined || keep[o] === 1) && ops.info[o] === 0 && count(o))
            return false;
    }
    for (const f of floaters)
        if (count(f))
            return false;
    return true;
}
/** Decides an instance: true when some order exists, false when none does. Yields every few thousand steps. */
function solve(inst, account) {
    return inst.unique ? solveUnique(inst, account) : solveGeneral(inst, account);
}
/** Drives a solver to its end; undefined when time or memory ran out. */
function runToEnd(gen, limits) {
    try {
        for (;;) {
            const r = gen.next();
            if (r.done === true)
                return r.value;
            if (limits.expired())
                return undefined;
        }
    }
    catch (e) {
        if (e instanceof LimitExceeded)
            return undefined;
        throw e;
    }
}
// ---- Unique values: the greedy pass over blocks ----
/** The state of the greedy pass, with the static tables it reads. */
class Greedy {
    inst;
    ops;
    pos;
    placedFloater;
    isFloater;
    readsLeft;
    casLeft;
    casOf;
    readsStart = new Int32Array(0);
    readsList = new Int32Array(0);
    reqStart = new Int32Array(0);
    reqData = new Int32Array(0);
    placedChain = 0;
    /** The indeterminate plain writes not placed yet (the first `openCount`). */
    openWrites;
    openCount;
    constructor(inst, account) {
        this.inst = inst;
        const { ops } = inst;
        const V = ops.values.length;
        this.openWrites = inst.floaters.filter((f) => ops.kind[f] === sequential_search_WRITE);
        this.openCount = this.openWrites.length;
        account.take(24 * V + 24 * ops.n + 8 * ops.clients);
        this.ops = ops;
        this.pos = new Int32Array(ops.clients);
        this.placedFloater = new Uint8Array(ops.n);
        this.isFloater = new Uint8Array(ops.n);
        this.readsLeft = new Int32Array(V);
        this.casLeft = new Int32Array(V);
        this.casOf = new Int32Array(V).fill(-1);
        for (const f of inst.floaters)
            this.isFloater[f] = 1;
        this.indexReads();
        this.indexBlocks(account);
    }
    inPlay(o) {
        const { keep } = this.inst;
        if (keep !== undefined && keep[o] === 0)
            return false;
        return this.ops.info[o] === 0 || this.isFloater[o] === 1;
    }
    /** Each value's plain reads in lane order (ops are in invocation order, so each lane's are in its order). */
    indexReads() {
        const { ops } = this;
        const V = ops.values.length;
        const start = new Int32Array(V + 1);
        for (let o = 0; o < ops.n; o++) {
            if (!this.inPlay(o))
                continue;
            if (ops.kind[o] === sequential_search_READ)
                start[ops.a[o] + 1]++;
            else if (ops.kind[o] === CAS) {
                this.casLeft[ops.a[o]]++;
                this.casOf[ops.a[o]] = o;
            }
        }
        for (let v = 0; v < V; v++) {
            this.readsLeft[v] = start[v + 1];
            start[v + 1] += start[v];
        }
        const list = new Int32Array(start[V]);
        const fill = start.slice(0, V);
        for (let o = 0; o < ops.n; o++)
            if (this.inPlay(o) && ops.kind[o] === sequential_search_READ)
                list[fill[ops.a[o]]++] = o;
        this.readsStart = start;
        this.readsList = list;
    }
    /** For each plain write, the (lane, position) pairs its block needs: the lane must be past that position. */
    indexBlocks(account) {
        const { ops } = this;
        const stamp = new Int32Array(ops.n);
        const need = new Int32Array(ops.clients).fill(-2);
        const touched = [];
        const data = [];
        this.reqStart = new Int32Array(ops.n + 1);
        for (let o = 0; o < ops.n; o++) {
            this.reqStart[o] = data.length;
            if (!this.inPlay(o) || ops.kind[o] !== sequential_search_WRITE)
                continue;
            const block = this.blockOf(o, stamp, o + 1);
            for (const x of block)
                this.require(x, stamp, o + 1, need, touched);
            for (const c of touched) {
                if (need[c] >= 0)
                    data.push(c, need[c]);
                need[c] = -2;
            }
            touched.length = 0;
        }
        this.reqStart[ops.n] = data.length;
        account.take(4 * data.length);
        this.reqData = Int32Array.from(data);
    }
    /** The write, the reads of its value, and the cas that expects it with the block of the value that one writes. */
    blockOf(w, stamp, mark) {
        const { ops } = this;
        const block = [w];
        stamp[w] = mark;
        let v = ops.a[w];
        // Values are unique, so the chain of cas cannot come back to a value; the bound is for malformed input only.
        for (let guard = 0; guard <= ops.n; guard++) {
            for (let i = this.readsStart[v]; i < this.readsStart[v + 1]; i++) {
                const r = this.readsList[i];
                stamp[r] = mark;
                block.push(r);
            }
            const c = this.casOf[v];
            if (this.casLeft[v] !== 1 || stamp[c] === mark)
                break;
            stamp[c] = mark;
            block.push(c);
            v = ops.b[c];
        }
        return block;
    }
    /**
     * Raises `need` of the operation's lane to the last operation before it (for an indeterminate one: before its
     * slot) that is not in the block. The block's own order is left to the closure that places it.
     */
    require(x, stamp, mark, need, touched) {
        const { inst } = this;
        const c = this.ops.client[x];
        const base = inst.laneStart[c];
        let j = inst.slot[x] - 1;
        // Walking back over block operations only, and no further than the lane's need so far: cheap in total.
        while (j > need[c] && stamp[inst.laneOps[base + j]] === mark)
            j--;
        if (need[c] === -2)
            touched.push(c);
        if (j > need[c])
            need[c] = j;
    }
    head(c) {
        const { laneStart, laneOps } = this.inst;
        const p = laneStart[c] + this.pos[c];
        return p < laneStart[c + 1] ? laneOps[p] : -1;
    }
    available(o) {
        const c = this.ops.client[o];
        if (this.isFloater[o] === 1)
            return this.placedFloater[o] === 0 && this.pos[c] >= this.inst.slot[o];
        return this.inst.slot[o] === this.pos[c];
    }
    place(o) {
        const { ops } = this;
        if (this.isFloater[o] === 1)
            this.placedFloater[o] = 1;
        else {
            this.pos[ops.client[o]]++;
            this.placedChain++;
        }
        if (ops.kind[o] === sequential_search_READ)
            this.readsLeft[ops.a[o]]--;
        else if (ops.kind[o] === CAS)
            this.casLeft[ops.a[o]]--;
    }
    viable(w) {
        for (let i = this.reqStart[w]; i < this.reqStart[w + 1]; i += 2) {
            if (this.pos[this.reqData[i]] <= this.reqData[i + 1])
                return false;
        }
        return true;
    }
    /** Places what must follow at once: the reads of the current value, then the cas expecting it; the new value. */
    closure(value) {
        let cur = value;
        for (let guard = 0; guard <= this.ops.n; guard++) {
            if (this.readsLeft[cur] > 0) {
                for (let i = this.readsStart[cur]; i < this.readsStart[cur + 1]; i++) {
                    const r = this.readsList[i];
                    if (this.available(r))
                        this.place(r);
                }
            }
            const c = this.casOf[cur];
            if (this.readsLeft[cur] !== 0 || this.casLeft[cur] !== 1 || !this.available(c))
                break;
            this.place(c);
            cur = this.ops.b[c];
        }
        return cur;
    }
    /** A plain write whose block can go next, or -1. An indeterminate one chosen leaves the list of open ones. */
    candidate() {
        const { ops, openWrites } = this;
        for (let c = 0; c < ops.clients; c++) {
            const h = this.head(c);
            if (h >= 0 && ops.kind[h] === sequential_search_WRITE && this.viable(h))
                return h;
        }
        for (let i = 0; i < this.openCount; i++) {
            const f = openWrites[i];
            if (this.available(f) && this.viable(f)) {
                openWrites[i] = openWrites[--this.openCount];
                return f;
            }
        }
        return -1;
    }
}
function* solveUnique(inst, account) {
    const g = new Greedy(inst, account);
    yield;
    let cur = g.closure(0);
    for (let steps = 1;; steps++) {
        if (steps % YIELD_STEPS === 0)
            yield;
        if (g.placedChain === inst.chainCount)
            return true;
        // The current value still has a reader (or a cas) that cannot go now: any write would make it impossible.
        if (g.readsLeft[cur] !== 0 || g.casLeft[cur] !== 0)
            return false;
        const w = g.candidate();
        if (w < 0)
            return false;
        g.place(w);
        cur = g.closure(inst.ops.a[w]);
    }
}
// ---- Anything else: depth-first search with a memo ----
/** Visited states (value, lane positions, placed indeterminate writes) in an open-addressing table. */
class StateMemo {
    words;
    account;
    pool;
    hashes;
    table;
    count = 0;
    constructor(words, account) {
        this.words = words;
        this.account = account;
        const capacity = 256;
        account.take(4 * (capacity * words + capacity + capacity * 2));
        this.pool = new Uint32Array(capacity * words);
        this.hashes = new Int32Array(capacity);
        this.table = new Int32Array(capacity * 2);
    }
    /** Adds the state; false when it was there already. */
    add(rec, hash) {
        const { words, pool, hashes, table } = this;
        const mask = table.length - 1;
        let slot = hash & mask;
        for (;;) {
            const r = table[slot];
            if (r === 0)
                break;
            if (hashes[r - 1] === hash) {
                const base = (r - 1) * words;
                let same = true;
                for (let w = 0; w < words && same; w++)
                    same = pool[base + w] === rec[w];
                if (same)
                    return false;
            }
            slot = (slot + 1) & mask;
        }
        if (this.count === hashes.length)
            this.growPool();
        this.pool.set(rec, this.count * words);
        this.hashes[this.count] = hash;
        table[slot] = ++this.count;
        if (this.count * 2 > table.length)
            this.growTable();
        return true;
    }
    // The new arrays are reserved before they are allocated; the old ones stay counted (they are garbage soon).
    growPool() {
        this.account.take(8 * (this.pool.length + this.hashes.length));
        const pool = new Uint32Array(this.pool.length * 2);
        pool.set(this.pool);
        this.pool = pool;
        const hashes = new Int32Array(this.hashes.length * 2);
        hashes.set(this.hashes);
        this.hashes = hashes;
    }
    growTable() {
        this.account.take(8 * this.table.length);
        const table = new Int32Array(this.table.length * 2);
        const mask = table.length - 1;
        for (let r = 0; r < this.count; r++) {
            let slot = this.hashes[r] & mask;
            while (table[slot] !== 0)
                slot = (slot + 1) & mask;
            table[slot] = r + 1;
        }
        this.table = table;
    }
}
function mix(setHash, cur) {
    let h = setHash ^ Math.imul(cur + 0x632be5ab, 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
/** The search's state; placing and undoing operations keep the positions, counts and hash in step. */
class Explorer {
    inst;
    ops;
    lanes;
    pos;
    floaterIndex;
    placedFloater;
    writersLeft;
    zobrist;
    trail;
    rec;
    trailLen = 0;
    setHash = 0;
    placedChain = 0;
    constructor(inst, account) {
        this.inst = inst;
        const { ops } = inst;
        this.ops = ops;
        this.lanes = ops.clients;
        const F = inst.floaters.length;
        const words = 1 + this.lanes + ((F + 31) >>> 5);
        account.take(16 * ops.n + 4 * ops.values.length + 8 * words + 4 * this.lanes);
        this.pos = new Int32Array(this.lanes);
        this.floaterIndex = new Int32Array(ops.n).fill(-1);
        inst.floaters.forEach((f, i) => (this.floaterIndex[f] = i));
        this.placedFloater = new Uint8Array(F);
        this.writersLeft = new Int32Array(ops.values.length);
        this.zobrist = new Int32Array(ops.n);
        this.trail = new Int32Array(ops.n + 1);
        this.rec = new Uint32Array(words);
        let x = 0x9e3779b9 | 0;
        for (let o = 0; o < ops.n; o++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            this.zobrist[o] = x;
            if (this.floaterIndex[o] >= 0 || (ops.info[o] === 0 && (inst.keep === undefined || inst.keep[o] === 1))) {
                const v = sequential_search_written(ops, o);
                if (v >= 0)
                    this.writersLeft[v]++;
            }
        }
    }
    head(c) {
        const { laneStart, laneOps } = this.inst;
        const p = laneStart[c] + this.pos[c];
        return p < laneStart[c + 1] ? laneOps[p] : -1;
    }
    place(o) {
        const f = this.floaterIndex[o];
        if (f >= 0)
            this.placedFloater[f] = 1;
        else {
            this.pos[this.ops.client[o]]++;
            this.placedChain++;
        }
        const v = sequential_search_written(this.ops, o);
        if (v >= 0)
            this.writersLeft[v]--;
        this.setHash ^= this.zobrist[o];
        this.trail[this.trailLen++] = o;
    }
    undoTo(len) {
        while (this.trailLen > len) {
            const o = this.trail[--this.trailLen];
            const f = this.floaterIndex[o];
            if (f >= 0)
                this.placedFloater[f] = 0;
            else {
                this.pos[this.ops.client[o]]--;
                this.placedChain--;
            }
            const v = sequential_search_written(this.ops, o);
            if (v >= 0)
                this.writersLeft[v]++;
            this.setHash ^= this.zobrist[o];
        }
    }
    /** Places every head read of the current value (one pass: a lane's reads are consecutive heads). */
    closure(cur) {
        const { ops } = this;
        for (let c = 0; c < this.lanes; c++) {
            for (let h = this.head(c); h >= 0 && ops.kind[h] === sequential_search_READ && ops.a[h] === cur; h = this.head(c))
                this.place(h);
        }
    }
    /** Some lane waits on a value that no write left can produce. */
    dead(cur) {
        const { ops } = this;
        for (let c = 0; c < this.lanes; c++) {
            const h = this.head(c);
            if (h >= 0 && ops.kind[h] !== sequential_search_WRITE && ops.a[h] !== cur && this.writersLeft[ops.a[h]] === 0)
                return true;
        }
        return false;
    }
    /** The operation move `m` places (lane heads first, then indeterminate writes), or -1 when it cannot go now. */
    move(m, cur) {
        const { ops } = this;
        let o;
        if (m < this.lanes) {
            o = this.head(m);
            if (o < 0)
                return -1;
        }
        else {
            const f = m - this.lanes;
            o = this.inst.floaters[f];
            if (this.placedFloater[f] === 1 || this.pos[ops.client[o]] < this.inst.slot[o])
                return -1;
        }
        const k = ops.kind[o];
        return k === sequential_search_WRITE || (k === CAS && ops.a[o] === cur) ? o : -1;
    }
    record(cur) {
        const { rec, lanes } = this;
        rec.fill(0);
        rec[0] = cur;
        rec.set(this.pos, 1);
        this.placedFloater.forEach((p, f) => {
            if (p === 1)
                rec[1 + lanes + (f >>> 5)] |= 1 << (f & 31);
        });
        return rec;
    }
}
function* solveGeneral(inst, account) {
    const e = new Explorer(inst, account);
    const memo = new StateMemo(e.rec.length, account);
    const moves = e.lanes + inst.floaters.length;
    account.take(12 * (inst.ops.n + 1));
    // Per depth: the trail length and value of the state, and the last operation tried from it. Operations are tried
    // in invocation order (their numbering): a history that is nearly in order then needs little backtracking.
    const frames = new Int32Array(3 * (inst.ops.n + 1));
    frames[2] = -1;
    e.closure(0);
    if (e.placedChain === inst.chainCount)
        return true;
    if (e.dead(0))
        return false;
    memo.add(e.record(0), mix(e.setHash, 0));
    frames[0] = e.trailLen;
    let depth = 1;
    for (let steps = 1;; steps++) {
        if (steps % YIELD_STEPS === 0)
            yield;
        const f = 3 * (depth - 1);
        const cur = frames[f + 1];
        const last = frames[f + 2];
        let o = -1;
        for (let m = 0; m < moves; m++) {
            const x = e.move(m, cur);
            if (x > last && (o < 0 || x < o))
                o = x;
        }
        if (o < 0) {
            if (--depth === 0)
                return false;
            e.undoTo(frames[f - 3]);
            continue;
        }
        frames[f + 2] = o;
        e.place(o);
        const next = sequential_search_written(inst.ops, o);
        e.closure(next);
        if (e.placedChain === inst.chainCount)
            return true;
        if (e.dead(next) || !memo.add(e.record(next), mix(e.setHash, next))) {
            e.undoTo(frames[f]);
            continue;
        }
        frames[f + 3] = e.trailLen;
        frames[f + 4] = next;
        frames[f + 5] = -1;
        depth++;
    }
}

;// CONCATENATED MODULE: ./src/consistency/sequential.ts
// The per-key sequential check (docs/consistency.md, "Sequential (per key)"): for each key, is there one order of
// its operations that keeps every client's session order and in which every read returns the latest write before
// it? Real time plays no part. This checker decides only that; the ladder composes it with causal.
//
// Keys are independent. Keys whose values are unique are decided exactly in about linear time (see
// sequential-search.ts); the others by a bounded search, the keys taking turns in slices so that one hard key does
// not starve the rest. One deadline and one memory cap cover the whole check. A violated key settles the verdict:
// its operations are then shrunk to a few that are still violated on their own, and explained.


const DEFAULT_SEQUENTIAL_BUDGET_MS = 10_000;
const DEFAULT_SEQUENTIAL_MAX_MEMORY_BYTES = 256 * 1024 * 1024;
/** Yields (of about 2,000 steps each) one key runs before the next key's turn. */
const SLICE_YIELDS = 64;
// The split per key: an index in its key's list and the list's share of the map.
const SPLIT_BYTES_PER_OP = 16;
const MAX_TOLD = 12;
/** Sequential consistency per key, bounded by `budgetMs` (default 10 s) and `maxMemoryBytes` (default 256 MiB). */
function checkSequential(history, opts = {}, shared) {
    const started = performance.now();
    const budgetMs = opts.budgetMs ?? DEFAULT_SEQUENTIAL_BUDGET_MS;
    const maxBytes = opts.maxMemoryBytes ?? DEFAULT_SEQUENTIAL_MAX_MEMORY_BYTES;
    const limits = new Limits(started + budgetMs, maxBytes);
    const clientOf = opts.clientOf ?? ((op) => op.process);
    const initial = history.initialValue ?? null;
    const done = (v) => ({
        model: 'sequential',
        elapsedMs: performance.now() - started,
        ...v,
    });
    const split = new Account(limits);
    let keys;
    try {
        split.take(SPLIT_BYTES_PER_OP * history.operations.length);
        keys = shared === undefined ? splitByKey(history.operations) : splitByKnownKey(shared);
    }
    catch (e) {
        if (!(e instanceof LimitExceeded))
            throw e;
        return done({ verdict: 'unknown', reason: `splitting the history per key would take more memory than ${mib(maxBytes)} allows` });
    }
    const problems = [];
    const values = shared === undefined ? undefined : new SharedInterning(shared, history.operations.length);
    const found = decideKeys(history.operations, keys, { clientOf, initial, limits, values }, problems);
    if (found !== undefined) {
        const small = shrink(found.ops, limits);
        const witness = explain(history.operations, small.ops, small.keep, initial);
        found.account.close();
        split.close();
        return done({ verdict: 'violated', witness });
    }
    split.close();
    if (problems.length === 0)
        return done({ verdict: 'held' });
    return done({ verdict: 'unknown', reason: describeProblems(problems, budgetMs, maxBytes) });
}
/** Each key's operations (history indexes), and the keys with an append among them. */
function splitByKey(operations) {
    const keys = new Map();
    const appended = new Set();
    for (let i = 0; i < operations.length; i++) {
        const op = operations[i];
        const k = op.key ?? '';
        let list = keys.get(k);
        if (list === undefined)
            keys.set(k, (list = []));
        list.push(i);
        if (op.f === 'append')
            appended.add(k);
    }
    return { keys, appended };
}
/**
 * splitByKey from the normalisation's key numbering: the same keys in the same order (first appearance), no lookup
 * by name per operation, and no appends (the normalisation refuses histories with any).
 */
function splitByKnownKey(shared) {
    const keyOf = shared.keyOf;
    // Counted, then filled into one typed array: lists that grow by pushes are old-generation garbage.
    const start = new Int32Array(shared.keys.length + 1);
    for (let i = 0; i < keyOf.length; i++)
        start[keyOf[i] + 1]++;
    for (let k = 0; k < shared.keys.length; k++)
        start[k + 1] += start[k];
    const all = new Int32Array(keyOf.length);
    const fill = start.slice(0, shared.keys.length);
    for (let i = 0; i < keyOf.length; i++)
        all[fill[keyOf[i]]++] = i;
    return { keys: new Map(shared.keys.map((k, i) => [k, all.subarray(start[i], start[i + 1])])), appended: new Set() };
}
/**
 * Decides every key, or stops at the first violated one and returns it (its account still open). Keys with unique
 * values are decided as they come (they are fast); the others take turns afterwards. `problems` gets the keys left
 * unknown.
 */
function decideKeys(operations, { keys, appended }, ctx, problems) {
    const turns = [];
    let found;
    for (const [key, indexes] of keys) {
        if (found !== undefined || ctx.limits.expired()) {
            if (found === undefined)
                problems.push({ key, why: 'time' });
            continue;
        }
        if (appended.has(key)) {
            problems.push({ key, why: 'append' });
            continue;
        }
        const task = startTask(operations, key, indexes, ctx, problems);
        if (task === undefined)
            continue;
        if (task.unique) {
            if (runTurn(task, Infinity, ctx.limits, problems) === 'violated')
                found = task;
        }
        else
            turns.push(task);
    }
    if (found === undefined)
        return takeTurns(turns, ctx.limits, problems);
    for (const t of turns)
        t.account.close();
    return found;
}
function startTask(operations, key, indexes, ctx, problems) {
    const account = new Account(ctx.limits);
    try {
        const ops = prepareKey(key, operations, indexes, ctx.clientOf, ctx.initial, account, ctx.values);
        const inst = buildInstance(ops, undefined, account);
        return { ops, account, gen: solve(inst, account), unique: inst.unique };
    }
    catch (e) {
        if (!(e instanceof LimitExceeded))
            throw e;
        account.close();
        problems.push({ key, why: 'memory' });
        return undefined;
    }
}
/**
 * Runs a task for at most `yields` yields; undefined when it has not finished. A task that held, or ran out of
 * time or memory (then named in `problems`), gives its memory back; a violated one keeps it for the witness.
 */
function runTurn(task, yields, limits, problems) {
    try {
        for (let i = 0; i < yields; i++) {
            const r = task.gen.next();
            if (r.done === true) {
                if (r.value)
                    task.account.close();
                return r.value ? 'held' : 'violated';
            }
            if (limits.expired())
                throw new LimitExceeded('time');
        }
        return undefined;
    }
    catch (e) {
        if (!(e instanceof LimitExceeded))
            throw e;
        task.account.close();
        problems.push({ key: task.ops.key, why: e.why });
        return 'unknown';
    }
}
/** The keys that need a search take turns until each is decided, one is violated, or the budget runs out. */
function takeTurns(turns, limits, problems) {
    let open = turns;
    while (open.length > 0) {
        const still = [];
        for (const task of open) {
            const verdict = runTurn(task, SLICE_YIELDS, limits, problems);
            if (verdict === undefined)
                still.push(task);
            else if (verdict === 'violated') {
                for (const t of open)
                    if (t !== task)
                        t.account.close();
                return task;
            }
        }
        open = still;
    }
    return undefined;
}
function describeProblems(problems, budgetMs, maxBytes) {
    const named = (list) => {
        const first = `key ${(0,display/* quoteText */.ol)(list[0].key, 60)}`;
        return list.length === 1 ? first : `${first} and ${list.length - 1} other key${list.length > 2 ? 's' : ''}`;
    };
    const parts = [];
    const time = problems.filter((p) => p.why === 'time');
    const memory = problems.filter((p) => p.why === 'memory');
    const append = problems.filter((p) => p.why === 'append');
    if (time.length > 0)
        parts.push(`the time budget (${(budgetMs / 1000).toFixed(2)} s) ran out before ${named(time)} was decided`);
    if (memory.length > 0)
        parts.push(`deciding ${named(memory)} would take more memory than ${mib(maxBytes)} allows`);
    if (append.length > 0)
        parts.push(`${named(append)} has append operations, which the sequential check does not model`);
    return parts.join('; ');
}
function mib(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 3 : 0)} MiB`;
}
// ---- Shrinking a violated key ----
/** Whether the subset `keep` of the key's operations is still violated on its own (unknown counts as not). */
function violatedOn(ops, keep, limits) {
    const account = new Account(limits);
    try {
        const inst = buildInstance(ops, keep, account);
        return runToEnd(solve(inst, account), limits) === false;
    }
    catch (e) {
        if (!(e instanceof LimitExceeded))
            throw e;
        return false;
    }
    finally {
        account.close();
    }
}
/** For each value, the operations that read or write it: what removing the value removes. */
function touching(ops) {
    const touch = ops.values.map(() => []);
    for (let o = 0; o < ops.n; o++) {
        touch[ops.a[o]].push(o);
        if (ops.kind[o] === CAS)
            touch[ops.b[o]].push(o);
    }
    return touch;
}
/**
 * Removes `start` from `keep` together with what it makes meaningless, so that a subset still violated proves the
 * whole history is: removing a read never makes an order invalid, and removing a write is safe once every operation
 * that reads or writes its value goes too (with the values the removed compare-and-sets wrote).
 */
function removeClosed(ops, touch, keep, start) {
    const gone = new Set();
    const work = [];
    for (const o of start) {
        if (keep[o] === 1) {
            keep[o] = 0;
            work.push(o);
        }
    }
    while (work.length > 0) {
        const o = work.pop();
        const v = sequential_search_written(ops, o);
        if (v < 0 || gone.has(v))
            continue;
        gone.add(v);
        for (const x of touch[v]) {
            if (keep[x] === 1) {
                keep[x] = 0;
                if (ops.kind[x] === CAS && ops.a[x] === v)
                    work.push(x);
            }
        }
    }
}
/** A copy of `keep` without `remove` (closed), or undefined when that is no longer violated. */
function without(ops, touch, keep, remove, limits) {
    const next = keep.slice();
    removeClosed(ops, touch, next, remove);
    return violatedOn(ops, next, limits) ? next : undefined;
}
/**
 * A small subset of a violated key's operations that is still violated: first a window of the history (cut from
 * the end, then from the start, by binary search), then whole sessions, a session's suffix, and chunks down to
 * single operations, each kept out while the rest stays violated. Bounded by the remaining budget: when it runs
 * out, the smallest subset found so far is the witness. Returns the operations of that window with the subset.
 */
function shrink(all, limits) {
    const range = (from, to) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    let touch = touching(all);
    let keep = new Uint8Array(all.n).fill(1);
    // The longest cut from the end, then from the start, that keeps it violated.
    let lo = 0;
    let hi = all.n;
    while (lo < hi && !limits.expired()) {
        const mid = (lo + hi) >>> 1;
        if (without(all, touch, keep, range(mid, all.n), limits) !== undefined)
            hi = mid;
        else
            lo = mid + 1;
    }
    keep = without(all, touch, keep, range(hi, all.n), limits) ?? keep;
    let from = 0;
    let to = hi;
    while (from < to && !limits.expired()) {
        const mid = (from + to + 1) >>> 1;
        if (without(all, touch, keep, range(0, mid), limits) !== undefined)
            from = mid;
        else
            to = mid - 1;
    }
    keep = without(all, touch, keep, range(0, from), limits) ?? keep;
    // The rest works on the window alone, so that each try costs what the window holds, not the whole key.
    const ops = restrict(all, keep);
    touch = touching(ops);
    keep = dropSessions(ops, touch, new Uint8Array(ops.n).fill(1), limits);
    const live = () => range(0, ops.n).filter((o) => keep[o] === 1);
    for (let size = Math.max(1, live().length >>> 1); !limits.expired(); size = Math.max(1, size >>> 1)) {
        const ids = live();
        for (let i = ids.length - size; i > -size && !limits.expired(); i -= size) {
            keep = without(ops, touch, keep, ids.slice(Math.max(0, i), i + size), limits) ?? keep;
        }
        if (size === 1)
            break;
    }
    return { ops, keep };
}
/** The operations of `keep` alone, with their values numbered again (the initial value stays 0). */
function restrict(ops, keep) {
    const ids = [];
    for (let o = 0; o < ops.n; o++)
        if (keep[o] === 1)
            ids.push(o);
    const renumber = new Map([[0, 0]]);
    const values = [ops.values[0]];
    const id = (v) => {
        let r = renumber.get(v);
        if (r === undefined)
            renumber.set(v, (r = values.push(ops.values[v]) - 1));
        return r;
    };
    const pick = (arr) => arr.constructor === Int32Array ? Int32Array.from(ids, (o) => arr[o]) : Uint8Array.from(ids, (o) => arr[o]);
    return {
        ...ops,
        n: ids.length,
        hist: pick(ops.hist),
        kind: pick(ops.kind),
        a: Int32Array.from(ids, (o) => id(ops.a[o])),
        b: Int32Array.from(ids, (o) => (ops.kind[o] === CAS ? id(ops.b[o]) : 0)),
        client: pick(ops.client),
        info: pick(ops.info),
        values,
    };
}
/** Each whole session out, then the longest suffix of each session, while the rest stays violated. */
function dropSessions(ops, touch, start, limits) {
    let keep = start;
    for (let c = 0; c < ops.clients && !limits.expired(); c++) {
        const mine = () => {
            const out = [];
            for (let o = 0; o < ops.n; o++)
                if (keep[o] === 1 && ops.client[o] === c)
                    out.push(o);
            return out;
        };
        const ids = mine();
        if (ids.length === 0)
            continue;
        let lo = 0;
        let hi = ids.length;
        while (lo < hi && !limits.expired()) {
            const mid = (lo + hi) >>> 1;
            if (without(ops, touch, keep, ids.slice(mid), limits) !== undefined)
                hi = mid;
            else
                lo = mid + 1;
        }
        if (hi < ids.length)
            keep = without(ops, touch, keep, ids.slice(hi), limits) ?? keep;
    }
    return keep;
}
// ---- Explaining it ----
function valueText(v) {
    if (v === null)
        return 'missing';
    return typeof v === 'string' ? (0,display/* quoteText */.ol)(v, 60) : String(v);
}
function clientText(name) {
    return `client ${typeof name === 'number' ? name : (0,display/* quoteText */.ol)(name, 40)}`;
}
function sequential_seconds(ms) {
    return `${(ms / 1000).toFixed(2)} s`;
}
function verb(ops, o) {
    const v = (id) => valueText(ops.values[id]);
    const open = ops.info[o] === 1;
    if (ops.kind[o] === sequential_search_READ)
        return `read ${v(ops.a[o])}`;
    if (ops.kind[o] === sequential_search_WRITE)
        return open ? `tried to write ${v(ops.a[o])} (no answer)` : `wrote ${v(ops.a[o])}`;
    const swap = `${v(ops.a[o])} to ${v(ops.b[o])}`;
    return open ? `tried to change ${swap} (no answer)` : `changed ${swap}`;
}
/** The witness: the subset's operations told client by client, each client's in its order. */
function explain(operations, ops, keep, initial) {
    const byClient = new Map();
    for (let o = 0; o < ops.n; o++) {
        if (keep[o] !== 1)
            continue;
        const list = byClient.get(ops.client[o]);
        if (list === undefined)
            byClient.set(ops.client[o], [o]);
        else
            list.push(o);
    }
    const told = [...byClient.values()].flat();
    const key = (0,display/* quoteText */.ol)(ops.key, 60);
    const single = told.length === 1 ? unwrittenRead(operations, ops, told[0], initial) : undefined;
    let text;
    if (single !== undefined)
        text = single;
    else {
        let budget = MAX_TOLD;
        const parts = [];
        for (const [c, list] of byClient) {
            if (budget <= 0)
                break;
            const shown = list.slice(0, budget);
            budget -= shown.length;
            parts.push(clientPart(operations, ops, c, shown));
        }
        const more = told.length > MAX_TOLD ? ` (and ${told.length - MAX_TOLD} more operations)` : '';
        const claim = `no order of key ${key}'s operations keeps each client's order and has every read return the latest write`;
        text = `${claim}: ${parts.join('; ')}${more}`;
    }
    return { operations: told.map((o) => ops.hist[o]), key: ops.key, explanation: text };
}
function clientPart(operations, ops, c, list) {
    let node;
    const said = list.map((o, i) => {
        const op = operations[ops.hist[o]];
        const where = op.node !== undefined && op.node !== node ? ` on ${quoteNode(op.node)}` : '';
        node = op.node;
        return `${i === 0 ? '' : 'then '}${verb(ops, o)}${where} at ${sequential_seconds(op.invoke)}`;
    });
    return `${clientText(ops.clientNames[c])} ${said.join(', ')}`;
}
function quoteNode(node) {
    return /^[\w.:-]{1,60}$/.test(node) ? node : (0,display/* quoteText */.ol)(node, 60);
}
/** A single operation that needs a value nothing wrote: said as such. */
function unwrittenRead(operations, ops, o, initial) {
    if (ops.kind[o] === sequential_search_WRITE)
        return undefined;
    const value = ops.values[ops.a[o]];
    if (value === initial)
        return undefined;
    const op = operations[ops.hist[o]];
    const refused = operations.some((x) => (x.key ?? '') === ops.key &&
        x.type === 'fail' &&
        (((x.f === 'write' || x.f === 'put') && x.value === value) || (x.f === 'cas' && x.value[1] === value)));
    const where = op.node !== undefined ? ` on ${quoteNode(op.node)}` : '';
    const whose = refused ? 'only a refused write wrote' : 'no write of the key wrote';
    const did = ops.kind[o] === sequential_search_READ ? `read ${valueText(value)}` : `changed ${valueText(value)} to ${valueText(ops.values[ops.b[o]])}`;
    const who = clientText(ops.clientNames[ops.client[o]]);
    return `${who} ${did}${where} at ${sequential_seconds(op.invoke)} on key ${(0,display/* quoteText */.ol)(ops.key, 60)}, a value ${whose}`;
}

;// CONCATENATED MODULE: ./src/consistency/ladder.ts



function judgeLadder(history, o) {
    const own = new Map();
    own.set('eventual', o.eventual);
    // One preparation (the causal order) serves the four session guarantees and causal consistency; its numbering of
    // keys and values serves the sequential checker too (each checker alone numbers them itself).
    const shared = {};
    for (const v of checkSessionAndCausal(history, o, shared))
        own.set(v.model, v);
    own.set('sequential', checkSequential(history, o, shared.values));
    own.set('linearizable', o.linearizable);
    const models = consistency_models/* CONSISTENCY_MODELS */.EC.map((m) => combine(m, own));
    return { strongest: strongestOf(models), models };
}
/**
 * A model's verdict as reported: its own checker's, unless a model it includes was violated (then it is violated
 * too, with that witness) or could not be decided (then nothing is proven of it either). `pram` has no checker of
 * its own: it is exactly its three session guarantees.
 */
function combine(model, own) {
    const mine = own.get(model);
    const below = [...(0,consistency_models/* includedBy */.Gm)(model)].map((m) => own.get(m)).filter((v) => v !== undefined);
    const violated = below.find((v) => v.verdict === 'violated');
    const elapsedMs = mine?.elapsedMs ?? 0;
    if (mine?.verdict === 'violated')
        return mine;
    if (violated) {
        return {
            model,
            verdict: 'violated',
            elapsedMs,
            ...(violated.witness
                ? { witness: { ...violated.witness, explanation: `${violated.witness.explanation} (${model} includes ${violated.model})` } }
                : {}),
        };
    }
    const unknown = mine?.verdict === 'unknown' ? mine : below.find((v) => v.verdict === 'unknown');
    if (unknown) {
        const reason = unknown === mine ? (mine.reason ?? 'a budget ran out') : `${unknown.model} could not be decided: ${unknown.reason ?? ''}`;
        return { model, verdict: 'unknown', elapsedMs, reason };
    }
    if (mine === undefined && (0,consistency_models/* modelInfo */.gi)(model).includes.length === 0) {
        return { model, verdict: 'unknown', elapsedMs, reason: 'no checker decided it' };
    }
    return { model, verdict: 'held', elapsedMs };
}
/** The highest model that held with every model before it; null when the first one did not. */
function strongestOf(models) {
    let strongest = null;
    for (const m of consistency_models/* CONSISTENCY_MODELS */.EC) {
        if (models.find((v) => v.model === m)?.verdict !== 'held')
            break;
        strongest = m;
    }
    return strongest;
}
/** The `linearizable` rung from per-key results: violated by any key, unknown when some key is undecided. */
function linearizableVerdict(keys, elapsedMs) {
    const failed = keys.find((k) => k.verdict === 'not-linearizable');
    if (failed) {
        const w = failed.witness;
        const operations = w ? w.window.map((o) => o.index) : [];
        const explanation = w ? `key ${failed.key}: ${w.explanation}` : (failed.detail ?? `key ${failed.key} is not linearizable`);
        return { model: 'linearizable', verdict: 'violated', elapsedMs, witness: { operations, key: failed.key, explanation } };
    }
    const unknown = keys.find((k) => k.verdict === 'unknown');
    if (unknown) {
        const reason = `key ${unknown.key}: ${unknown.detail ?? 'the linearizability check did not finish'}`;
        return { model: 'linearizable', verdict: 'unknown', elapsedMs, reason };
    }
    return { model: 'linearizable', verdict: 'held', elapsedMs };
}


/***/ })

};
