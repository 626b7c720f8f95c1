export const id = 362;
export const ids = [362];
export const modules = {

/***/ 6362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// UNUSED EXPORTS: EXIT_FAILED, EXIT_INTERRUPTED, EXIT_NOT_CARRIED_OUT, EXIT_PASSED, cleanupHint, exitCodeFor, unhealedHint

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/inputs/list.ts
var list = __webpack_require__(4233);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(8640);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/inputs/servers.ts
var inputs_servers = __webpack_require__(8697);
// EXTERNAL MODULE: ./src/inputs/writers.ts
var writers = __webpack_require__(1693);
// EXTERNAL MODULE: ./src/inputs/values.ts
var values = __webpack_require__(8463);
// EXTERNAL MODULE: ./src/checks/api-options.ts
var api_options = __webpack_require__(1566);
// EXTERNAL MODULE: ./src/core/values.ts
var core_values = __webpack_require__(4101);
// EXTERNAL MODULE: ./src/faults/commands.ts
var commands = __webpack_require__(4127);
// EXTERNAL MODULE: ./src/faults/kinds/partition.ts
var partition = __webpack_require__(5827);
// EXTERNAL MODULE: ./src/http/template.ts
var template = __webpack_require__(6708);
// EXTERNAL MODULE: ./src/consistency/models.ts
var models = __webpack_require__(5744);
;// CONCATENATED MODULE: ./src/workload/options.ts


/** Input consistency: the claim of the whole run (replication, faults, workload, sweep). */
function parseClaim(raw, fail) {
    const claim = raw.consistency.trim().toLowerCase();
    if ((0,models/* isConsistencyModel */.qQ)(claim))
        return claim;
    fail('consistency', `'${raw.consistency}' is not a consistency model.`, `Use one of ${models/* CONSISTENCY_MODELS */.EC.map((m) => `'${m}'`).join(', ')} (weakest first).`);
    return 'eventual';
}
/** roaming: each operation to a random node; sticky: each client keeps to one node. */
const SESSION_MODES = ['roaming', 'sticky'];
const MAX_CLIENTS = 64;
const MAX_KEYS = 100;
const MAX_DURATION_S = 600;
/** The workload to run, or undefined for `workload: none`; problems go to `fail`. */
function parseWorkloadOptions(raw, fail) {
    const kind = raw.workload.toLowerCase();
    if (kind !== 'none' && kind !== 'register' && kind !== 'cas-register')
        fail('workload', `'${raw.workload}' is not a workload.`, "Use 'none', 'register' or 'cas-register'.");
    const consistency = parseClaim(raw, fail);
    const sessions = raw['workload-sessions'].toLowerCase();
    if (!SESSION_MODES.includes(sessions)) {
        fail('workload-sessions', `'${raw['workload-sessions']}' is not a session mode.`, "Use 'roaming' or 'sticky'.");
    }
    const clients = (0,values/* wholeInput */.IX)(raw, 'workload-clients', 1, MAX_CLIENTS, fail);
    const keys = (0,values/* wholeInput */.IX)(raw, 'workload-keys', 1, MAX_KEYS, fail);
    const durationMs = (0,values/* secondsInput */.oA)(raw, 'workload-duration', MAX_DURATION_S, fail);
    const timeoutMs = (0,values/* secondsInput */.oA)(raw, 'workload-timeout', 300, fail);
    const maxMemoryBytes = (0,values/* parseSize */.DB)(raw['max-memory'] || '1G');
    if (maxMemoryBytes === undefined)
        fail('max-memory', `'${raw['max-memory']}' is not a size of at least 16 MiB.`, "Write e.g. '512M' or '2G'.");
    if (kind !== 'register' && kind !== 'cas-register')
        return undefined;
    return {
        model: kind,
        clients,
        keys,
        durationMs,
        timeoutMs,
        consistency,
        sessions: sessions,
        ...(maxMemoryBytes !== undefined ? { maxMemoryBytes } : {}),
    };
}

// EXTERNAL MODULE: ./src/faults/kinds/index.ts + 8 modules
var kinds = __webpack_require__(577);
// EXTERNAL MODULE: ./src/faults/schedule.ts
var faults_schedule = __webpack_require__(7580);
;// CONCATENATED MODULE: ./src/faults/options.ts




const MAX_FAULT_DURATION_S = 600;
/** The most reruns `shrink` may ask for, and the longest budget: bounds on what one job may spend shrinking. */
const MAX_SHRINK_RUNS = 500;
const MAX_SHRINK_BUDGET_S = 6 * 3600;
const MAX_LIVENESS_TIMEOUT_S = 600;
const FAULT_SCHEDULES = ['sequence', 'random'];
function parseFaultOptions(raw, restartTarget, fail) {
    const explicit = (0,faults_schedule/* isExplicitSchedule */.W0)(raw['fault-schedule']);
    const parsed = explicit ? fromTimeline(raw, fail) : fromFaultList(raw, restartTarget, fail);
    const durationMs = (0,values/* secondsInput */.oA)(raw, 'fault-duration', MAX_FAULT_DURATION_S, fail);
    const schedule = explicit ? 'explicit' : (raw['fault-schedule'] || 'sequence').toLowerCase();
    if (!explicit && !FAULT_SCHEDULES.includes(schedule)) {
        fail('fault-schedule', `'${raw['fault-schedule']}' is not a fault schedule.`, "Use 'sequence', 'random', or lines 'at <T>s <fault> <target> for <D>s', e.g. 'at 1s pause kv_2 for 5s'.");
    }
    const partitionNetworks = [...new Set((0,values/* splitList */.ry)(raw['partition-networks']))];
    if (partitionNetworks.length > 0 && parsed.specs.length > 0 && !parsed.specs.some((s) => (0,kinds/* describeKind */.SB)(s.kind).cutsNetworks)) {
        fail('partition-networks', 'applies to the disconnect fault only, and faults has none.', 'partition cuts a node off from its peers inside its network namespace, whatever its networks; ' +
            "use 'disconnect' to cut networks with Docker, or leave partition-networks empty.");
    }
    const shrink = (0,values/* wholeInput */.IX)(raw, 'shrink', 0, MAX_SHRINK_RUNS, fail, '20');
    if (shrink > 0 && schedule !== 'random' && schedule !== 'explicit') {
        fail('shrink', 'shrinks a fault schedule that runs against the workload clock, and fault-schedule is sequence.', "Use fault-schedule 'random' (or explicit 'at <T>s ...' lines) with a workload, or set shrink to 0.");
    }
    return {
        ...parsed,
        schedule,
        targets: [...new Set(parsed.groups.flat())],
        durationMs,
        partitionNetworks,
        shrink: Number.isNaN(shrink) ? 0 : shrink,
        shrinkBudgetMs: (0,values/* secondsInput */.oA)(raw, 'shrink-budget', MAX_SHRINK_BUDGET_S, fail),
        livenessTimeoutMs: livenessTimeout(raw, fail),
    };
}
/** `faults` × `fault-targets` (sequence, random). */
function fromFaultList(raw, restartTarget, fail) {
    const { specs, problems } = (0,kinds/* parseFaultSpecs */.G)((0,values/* splitList */.ry)(raw.faults));
    for (const problem of problems) {
        fail('faults', `${problem}.`, `Use any of: ${(0,kinds/* faultSyntax */.cV)()}; e.g. partition:halves, loss:30%, latency:200, clock:-30s.`);
    }
    const groups = parseTargetGroups((0,values/* splitList */.ry)(raw['fault-targets']), fail);
    const needTargets = specs.some((s) => !(0,partition/* isClusterWide */.O9)(s));
    if (needTargets && groups.length === 0 && restartTarget === undefined) {
        fail('fault-targets', 'is empty, and so is restart-target, so the faults have no service to act on.', 'Name the compose service(s) to fault, e.g. kv_4.');
    }
    const chosen = groups.length > 0 ? groups : restartTarget !== undefined ? [[restartTarget]] : [];
    return { specs, groups: chosen, timeline: [] };
}
/**
 * An explicit schedule names each fault and its target on its own line, so `faults` and `fault-targets` would
 * only say it twice (and could disagree): they must be empty. Its services join `targets`, which the engine checks
 * against the project's services like any fault target.
 */
function fromTimeline(raw, fail) {
    const { entries, problems } = (0,faults_schedule/* parseSchedule */.nP)(raw['fault-schedule']);
    for (const p of problems)
        fail('fault-schedule', `line '${p.line}' ${p.message}`, p.fix);
    for (const name of ['faults', 'fault-targets']) {
        if (raw[name] !== '') {
            fail(name, `is set ('${raw[name]}'), and fault-schedule lists its faults line by line.`, `Leave ${name} empty: each schedule line names its fault and target (at 1s pause kv_2 for 5s).`);
        }
    }
    const specs = [...new Map(entries.map((e) => [e.spec.name, e.spec])).values()];
    const groups = [...new Map(entries.filter((e) => e.services.length > 0).map((e) => [e.services.join('+'), e.services])).values()];
    return { specs, groups, timeline: entries };
}
/** Seconds, 0 allowed (no liveness phase). */
function livenessTimeout(raw, fail) {
    const text = raw['liveness-timeout'];
    if (text === '0')
        return 0;
    return (0,values/* secondsInput */.oA)(raw, 'liveness-timeout', MAX_LIVENESS_TIMEOUT_S, fail);
}
/**
 * Each `fault-targets` entry is a group of services joined by `+`, faulted together. The same group twice runs
 * once (as a repeated single service always has); a service may still appear in several groups.
 */
function parseTargetGroups(entries, fail) {
    const groups = [];
    const seen = new Set();
    for (const entry of entries) {
        const services = entry.split('+').map((s) => s.trim());
        if (services.some((s) => s === '')) {
            fail('fault-targets', `'${entry}' has an empty name beside a '+'.`, "Join two or more services with '+', e.g. etcd_1+etcd_2; separate groups with commas or newlines.");
            continue;
        }
        const twice = [...new Set(services.filter((s, i) => services.indexOf(s) !== i))];
        if (twice.length > 0) {
            fail('fault-targets', `'${entry}' names ${twice.join(', ')} more than once.`, `Name each service once per group, e.g. ${[...new Set(services)].join('+')}.`);
            continue;
        }
        const key = services.join('+');
        if (seen.has(key))
            continue;
        seen.add(key);
        groups.push(services);
    }
    return groups;
}

;// CONCATENATED MODULE: ./src/model/post-state.ts
// What the main step hands to the post step, as one record encoded once (JSON under one state key), and the pure
// decision the post step takes from it. The post step may run after a crash or a SIGKILL of the main step, so the
// record is saved before anything is created and again with the verdict at the end.
const TEARDOWNS = ['always', 'on-success', 'never', 'post'];
/** The single state key the record travels under. */
const POST_STATE_KEY = 'replicheck';
function encodePostState(state) {
    return JSON.stringify(state);
}
/**
 * Undefined for anything but a record of this shape (empty, truncated, or from elsewhere). The shape only: whether
 * the post step may act on what it names is checked against its own inputs (src/action/post-trust.ts).
 */
function decodePostState(text) {
    if (text === '')
        return undefined;
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (typeof v !== 'object' || v === null)
        return undefined;
    const s = v;
    const c = s.compose;
    const strings = (x) => Array.isArray(x) && x.every((y) => typeof y === 'string');
    if (typeof s.project !== 'string' || !TEARDOWNS.includes(s.teardown))
        return undefined;
    if (s.verdict !== undefined && s.verdict !== 'passed' && s.verdict !== 'failed')
        return undefined;
    if (s.cluster === 'external') {
        const heals = s.heals;
        if (!Array.isArray(heals) ||
            !heals.every((h) => typeof h?.label === 'string' && typeof h?.command === 'string') ||
            typeof s.cwd !== 'string')
            return undefined;
        return s;
    }
    if (s.project === '' || !c || typeof c.file !== 'string' || typeof c.directory !== 'string' || !strings(c.prefix) || !strings(c.files))
        return undefined;
    const f = s.faults;
    if (f !== undefined &&
        (typeof f !== 'object' ||
            f === null ||
            (f.netns !== undefined && typeof f.netns !== 'boolean') ||
            (f.clockDir !== undefined && typeof f.clockDir !== 'string')))
        return undefined;
    return s;
}
/** What the post step does with the project the main step left. */
function planPost(state) {
    if (!state)
        return { remove: false, why: 'no project was created; nothing to tear down' };
    if (state.cluster === 'external')
        return { remove: false, why: 'cluster: external: Replicheck started nothing and tears nothing down' };
    const { project, teardown, verdict } = state;
    switch (teardown) {
        case 'never':
            return { remove: false, why: `teardown 'never': leaving project ${project} running` };
        case 'on-success':
            // A main step that was killed has no verdict: nothing passed, but nobody asked to look at it either, and
            // a cancelled run is torn down by the engine too. Only a verdict of failure keeps the project.
            return verdict === 'failed'
                ? { remove: false, why: `teardown 'on-success' and the run failed: leaving project ${project} for inspection` }
                : { remove: true, why: `teardown 'on-success' and the run ${verdict ?? 'did not finish'}`, project };
        case 'post':
            return { remove: true, why: `teardown 'post': the job's steps are over`, project };
        case 'always':
            return { remove: true, why: `teardown 'always': removing whatever the main step left`, project };
    }
}

;// CONCATENATED MODULE: ./src/config/options.ts














const DEFAULT_COMPOSE_FILE = 'docker-compose.yml';
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
function parseOptions(raw, ctx) {
    const problems = [];
    const fail = (input, message, fix) => {
        problems.push({ input, message, fix });
        return undefined;
    };
    // With an adapter module the servers may speak any protocol; without one they must be HTTP(S).
    const cluster = parseCluster(raw, ctx, fail, raw.adapter !== '');
    const kv = (0,api_options/* parseAdapter */.be)(raw, fail);
    const valueFormat = parseValueFormat(raw['value-format'], kv, fail);
    const restartTarget = raw['restart-target'] === '' ? undefined : raw['restart-target'];
    const workload = parseWorkloadOptions(raw, fail);
    const consistency = workload?.consistency ?? parseClaim(raw, () => undefined);
    const faults = parseFaultOptions(raw, restartTarget, fail);
    if ((faults.schedule === 'random' || faults.schedule === 'explicit') && faults.specs.length > 0 && workload === undefined) {
        const what = faults.schedule === 'random' ? 'random runs' : 'an explicit schedule runs';
        fail('fault-schedule', `${what} the faults against the workload clock, and workload is none.`, "Set workload (e.g. register) and workload-duration, or use fault-schedule 'sequence'.");
    }
    // Whether a module has a cas is known once it is loaded (before anything starts); a preset says it now.
    if (workload?.model === 'cas-register' && kv.module === undefined && !kv.cas) {
        fail('workload', `cas-register needs a compare-and-set, and the '${kv.preset}' API${kv.preset === 'kv' ? '' : ' as configured'} has none.`, "Use api 'etcd-v3' or 'etcd-v2' (without custom write inputs), an adapter module that exports cas, or workload 'register'.");
    }
    const parsedCommands = (0,commands/* parseFaultCommands */.gs)(raw['fault-commands']);
    for (const p of parsedCommands.problems) {
        fail('fault-commands', `${p}.`, 'Write a mapping such as pause: { apply: "kubectl exec {target} -- kill -STOP 1", heal: "kubectl exec {target} -- kill -CONT 1" }.');
    }
    const faultCommandTimeoutMs = (0,values/* secondsInput */.oA)(raw, 'fault-command-timeout', 3600, fail);
    if (cluster.cluster === 'external')
        checkExternal(raw, cluster.servers, faults, restartTarget, parsedCommands.commands, fail);
    const seed = parseSeed(raw, fail);
    const logLines = (0,values/* wholeInput */.IX)(raw, 'log-lines', 0, 10_000, fail);
    if (problems.length > 0)
        throw new errors/* InputError */.d(problems);
    return {
        ...cluster,
        faultCommands: parsedCommands.commands,
        faultCommandTimeoutMs,
        restartTarget,
        kv,
        valueFormat,
        logLines,
        reportFile: raw['report-file'] === '' ? undefined : raw['report-file'],
        consistency,
        workload,
        faults,
        ...(seed !== undefined ? { seed } : {}),
    };
}
/** The cluster group: which cluster, where its compose files are, how long to wait for it, how to tear it down. */
function parseCluster(raw, ctx, fail, anyScheme) {
    const composeFiles = (0,values/* splitList */.ry)(raw['compose-file']);
    if (composeFiles.length === 0)
        fail('compose-file', 'is empty.', `Name a compose file, e.g. '${DEFAULT_COMPOSE_FILE}'.`);
    const readyPath = raw['ready-path'] === '' ? undefined : raw['ready-path'];
    if (readyPath !== undefined && !readyPath.startsWith('/')) {
        fail('ready-path', `'${readyPath}' is not a path.`, "Start it with '/', e.g. '/health'.");
    }
    const build = parseBoolean(raw.build);
    if (build === undefined)
        fail('build', `'${raw.build}' is not a boolean.`, "Use 'true' or 'false'.");
    const teardown = raw.teardown;
    if (!TEARDOWNS.includes(teardown)) {
        fail('teardown', `'${raw.teardown}' is not a teardown policy.`, "Use 'always', 'on-success', 'never' or 'post'.");
    }
    const projectName = raw['project-name'] === '' ? defaultProjectName(ctx) : raw['project-name'];
    if (!PROJECT_NAME.test(projectName)) {
        fail('project-name', `'${projectName}' is not a valid Compose project name.`, 'Use lowercase letters, digits, dashes and underscores, starting with a letter or digit.');
    }
    const composeVersion = raw['compose-version'].toLowerCase();
    if (!['auto', 'v2', 'v1'].includes(composeVersion)) {
        fail('compose-version', `'${raw['compose-version']}' is not a Compose version.`, "Use 'auto', 'v2' or 'v1'.");
    }
    const cluster = raw.cluster.toLowerCase();
    if (cluster !== 'compose' && cluster !== 'external') {
        const fix = "Use 'compose' (Replicheck starts the project) or 'external' (a cluster already running).";
        fail('cluster', `'${raw.cluster}' is not a kind of cluster.`, fix);
    }
    const servers = (0,inputs_servers/* parseServers */._)(raw.servers, (m, f) => fail('servers', m, f), { anyScheme });
    return {
        cluster: cluster,
        composeFiles,
        composeFileDefaulted: composeFiles.length === 1 && composeFiles[0] === DEFAULT_COMPOSE_FILE,
        servers,
        writers: (0,writers/* parseWriters */.yy)(raw.writers, servers, cluster === 'external' ? 'external' : 'compose', (m, f) => fail('writers', m, f)),
        readyPath,
        limits: {
            startupTimeoutMs: (0,values/* secondsInput */.oA)(raw, 'startup-timeout', 3600, fail),
            convergenceTimeoutMs: (0,values/* secondsInput */.oA)(raw, 'convergence-timeout', 600, fail),
        },
        requestTimeoutMs: (0,values/* secondsInput */.oA)(raw, 'request-timeout', 300, fail),
        composeVersion: composeVersion,
        workingDirectory: raw['working-directory'] === '' ? '.' : raw['working-directory'],
        projectName,
        build: build ?? true,
        teardown,
    };
}
/** `seed`, or its older name `workload-seed`; undefined when neither is set (the run draws one). */
function parseSeed(raw, fail) {
    const max = random/* SEED_RANGE */.Cr - 1;
    const seed = raw.seed !== '' ? (0,values/* wholeInput */.IX)(raw, 'seed', 0, max, fail, '12345') : undefined;
    const older = raw['workload-seed'] !== '' ? (0,values/* wholeInput */.IX)(raw, 'workload-seed', 0, max, fail, '12345') : undefined;
    if (seed !== undefined && older !== undefined && seed !== older && !Number.isNaN(seed) && !Number.isNaN(older)) {
        fail('workload-seed', `is ${older}, and seed is ${seed}.`, 'Set only seed (workload-seed is its older name).');
    }
    return seed ?? older;
}
function parseValueFormat(text, kv, fail) {
    const format = text.toLowerCase();
    if (!core_values/* VALUE_FORMATS */.H7.includes(format)) {
        fail('value-format', `'${text}' is not a value format.`, "Use 'text', 'token' or 'bytes'.");
        return 'text';
    }
    // An adapter module gets the bytes as a Uint8Array and sends them as it likes.
    if (format === 'bytes' && kv.module === undefined) {
        // JSON strings carry text, not bytes: a value with invalid UTF-8 cannot go into one, nor come out of one.
        if (!(0,template/* carriesBytes */.nS)(kv.writeBody, kv.writeContentType)) {
            fail('value-format', `bytes cannot travel in the JSON write body '${kv.writeBody}'.`, "Send the value as the whole body (write-body '{value}') or in a form body, or use value-format 'text'.");
        }
        if (kv.readValue.kind !== 'body' && kv.readValueEncoding !== 'base64') {
            fail('value-format', `bytes cannot be read from a JSON value (read-value '${kv.readValue.pointer}') that is not base64.`, "Read the value from the whole body (read-value 'body') or as base64 (read-value-encoding 'base64'), or use value-format 'text'.");
        }
    }
    return format;
}
/** Inputs that only mean something when Replicheck runs the project: refused unless left at their defaults. */
const COMPOSE_ONLY = ['compose-file', 'build', 'project-name', 'compose-version', 'teardown', 'partition-networks', 'log-lines'];
function checkExternal(raw, servers, faults, restartTarget, commands, fail) {
    for (const name of COMPOSE_ONLY) {
        const spec = list/* INPUTS */.mc.find((i) => i.name === name);
        if (raw[name] !== (spec?.default ?? ''))
            fail(name, `only means something with cluster: compose, and it is set ('${raw[name]}').`, `Remove ${name}: with cluster: external Replicheck runs no compose command and tears nothing down.`);
    }
    const names = servers.flatMap((s) => (s.name ? [s.name] : []));
    const named = [...faults.targets, ...(restartTarget ? [restartTarget] : [])];
    const unknown = [...new Set(named.filter((t) => !names.includes(t)))];
    if (unknown.length > 0) {
        fail(faults.specs.length > 0 ? (faults.schedule === 'explicit' ? 'fault-schedule' : 'fault-targets') : 'restart-target', `${unknown.map((t) => `'${t}'`).join(', ')} ${unknown.length === 1 ? 'is not the name of a server' : 'are not names of servers'}.`, `Name the servers (name=url in servers) and use those names${names.length > 0 ? `: ${names.join(', ')}` : ''}.`);
    }
    const kinds = [
        ...new Set([...faults.specs.map((s) => s.kind), ...(restartTarget && faults.specs.length === 0 ? ['restart'] : [])]),
    ];
    const wide = faults.specs.filter((s) => (0,partition/* isClusterWide */.O9)(s));
    if (wide.length > 0)
        fail('faults', `${wide.map((s) => s.name).join(', ')} split the whole cluster, which Replicheck can only do to a compose project.`, 'Partition single nodes with your own partition commands, or use cluster: compose.');
    const missing = kinds.filter((k) => !commands[k]);
    if (missing.length > 0) {
        fail('fault-commands', `has no entry for ${missing.join(', ')}, and with cluster: external every fault runs through your commands.`, `Add e.g. ${missing[0]}: { apply: "...", heal: "..." } with {target} and {url} where the node goes.`);
    }
}
function parseBoolean(text) {
    if (/^true$/i.test(text))
        return true;
    if (/^false$/i.test(text))
        return false;
    return undefined;
}
/** A Compose-legal project name unique to this run, so parallel jobs and matrix legs never share containers. */
function defaultProjectName(ctx) {
    const parts = ['replicheck', ctx.env.GITHUB_RUN_ID, ctx.env.GITHUB_RUN_ATTEMPT, ctx.env.GITHUB_JOB, ctx.randomSuffix];
    return parts
        .filter((p) => p !== undefined && p !== '')
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/-+/g, '-')
        .slice(0, 60)
        .replace(/-$/, '');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/clock.ts
// Time and chance as the engine's dependencies: deep code never reads the wall clock or a random source itself,
// so the engine can run under a virtual clock and a seeded source in unit tests.

const systemClock = {
    now: () => performance.now(),
    wallMs: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    }),
};
const systemRandom = {
    hex: (n) => (0,external_node_crypto_.randomBytes)(n).toString('hex'),
    int: (max) => (0,external_node_crypto_.randomInt)(0, max),
};

// EXTERNAL MODULE: ./src/engine/errors.ts
var engine_errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/model/result.ts
var result = __webpack_require__(2960);
;// CONCATENATED MODULE: ./src/model/empty.ts

/** The result of a run that stopped before it had a project: bad inputs. */
function emptyResult(version, errors, startedAt) {
    return {
        schemaVersion: result/* SCHEMA_VERSION */.f$,
        tool: { name: 'replicheck', version },
        verdict: 'failed',
        startedAt,
        durationMs: 0,
        project: { name: '', directory: '', composeFiles: [] },
        serviceLocations: {},
        nodes: [],
        phases: [],
        checks: [],
        convergence: { writers: [], readers: [], ms: [] },
        maxConvergenceMs: null,
        logs: [],
        errors,
        teardown: { policy: 'never', performed: false },
    };
}

;// CONCATENATED MODULE: ./src/report/paths.ts

/**
 * Where the JSON report goes: `report-file` (relative to `cwd`), else a file named after the project in the
 * runner's temp folder (or the system's). The workload history is written next to it.
 */
function reportPath(reportFile, cwd, project, tempDir) {
    return reportFile ? (0,external_node_path_.resolve)(cwd, reportFile) : (0,external_node_path_.join)(tempDir, `replicheck-${project || 'run'}.json`);
}

;// CONCATENATED MODULE: ./src/host/replay.ts
// The command line that replays a run (pure): `replicheck run --seed N` with every input the run set to something
// other than its default, the schedule as explicit lines in place of faults × targets, and no secret. The host
// adds it to the result, since only the host knows the raw inputs: the engine stays pure of them.

/**
 * Inputs a replay does not pass on: the config file (its inputs are in `raw` already), the seed (given once, as
 * --seed), and shrinking (a replay reruns the run; shrinking it again is a choice of its own).
 */
const NOT_REPLAYED = new Set(['config', 'seed', 'workload-seed', 'shrink', 'shrink-budget']);
/** With the schedule given as lines, these would only repeat it (and an explicit schedule refuses them). */
const SCHEDULE_PARTS = new Set(['faults', 'fault-targets', 'fault-duration', 'fault-schedule']);
function replayRecord(raw, seed, schedule) {
    const args = ['replicheck', 'run', '--no-config', '--seed', String(seed)];
    const omitted = [];
    for (const spec of list/* INPUTS */.mc) {
        const name = spec.name;
        const value = raw[name] ?? '';
        if (NOT_REPLAYED.has(name) || value === (spec.default ?? ''))
            continue;
        if (schedule !== undefined && SCHEDULE_PARTS.has(name))
            continue;
        if (spec.secret) {
            omitted.push(name);
            continue;
        }
        // A flag given twice is a list (its values joined by newlines), so a value of several lines is one flag a line.
        for (const line of value.split('\n'))
            args.push(`--${name}`, shellQuote(line));
    }
    if (schedule !== undefined && schedule !== '')
        args.push('--fault-schedule', shellQuote(schedule));
    return {
        seed,
        ...(schedule !== undefined ? { schedule } : {}),
        command: args.join(' '),
        ...(omitted.length > 0 ? { omitted } : {}),
    };
}
/** POSIX shell quoting: bare when only safe characters, else in single quotes (a quote inside as '\''). */
function shellQuote(text) {
    if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text))
        return text;
    return `'${text.replaceAll("'", "'\\''")}'`;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/host/run.ts
// The one run host: Replicheck from raw inputs to a result and a report file, the same for the action and the
// CLI. It parses the inputs (bad ones become a result, before anything starts), owns the HTTP client's lifetime,
// assembles the engine's dependencies and writes the JSON report. Front ends only read inputs and publish.










async function runReplicheck(raw, host) {
    const random = host.deps?.random ?? systemRandom;
    let options;
    try {
        if (host.inputProblems !== undefined && host.inputProblems.length > 0)
            throw new errors/* InputError */.d(host.inputProblems);
        options = parseOptions(raw, { env: host.env, randomSuffix: random.hex(3) });
    }
    catch (error) {
        if (!(error instanceof errors/* InputError */.d))
            throw error;
        const problems = whereFrom(error.problems, host.fromFile);
        const result = emptyResult(version/* VERSION */.x, (0,engine_errors/* toRunErrors */.Wj)(new errors/* InputError */.d(problems)), new Date(systemClock.wallMs()).toISOString());
        if (!host.reportBadInputs)
            return { kind: 'bad-input', result, problems };
        const path = reportPath(raw['report-file'] || undefined, host.cwd, '', host.tempDir);
        await writeReport(path, result);
        return { kind: 'bad-input', result, problems, reportPath: path };
    }
    const path = reportPath(options.reportFile, host.cwd, options.projectName, host.tempDir);
    host.onStart?.(options, path);
    // The engine pulls in the HTTP client and the Docker edge: loaded only now, so a CLI --help stays fast.
    const [{ runEngine }, { nodeFiles }, { processExec }, { createHttpClient }, { fileHistorySink }, { isListening }, engineApi] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(731), __webpack_require__.e(851), __webpack_require__.e(931)]).then(__webpack_require__.bind(__webpack_require__, 6931)),
        __webpack_require__.e(/* import() */ 384).then(__webpack_require__.bind(__webpack_require__, 1384)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6868)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(329)]).then(__webpack_require__.bind(__webpack_require__, 3329)),
        Promise.all(/* import() */[__webpack_require__.e(731), __webpack_require__.e(146), __webpack_require__.e(404)]).then(__webpack_require__.bind(__webpack_require__, 9404)),
        __webpack_require__.e(/* import() */ 242).then(__webpack_require__.bind(__webpack_require__, 2242)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(125)]).then(__webpack_require__.bind(__webpack_require__, 8125)),
    ]);
    const http = host.deps?.http ?? createHttpClient();
    let result;
    try {
        const deps = {
            exec: processExec,
            http,
            clock: systemClock,
            random,
            log: host.log,
            files: nodeFiles,
            isListening,
            isRoot: () => process.getuid?.() === 0,
            connectDocker: () => engineApi.connectEngineApi(engineApi.engineSocket(host.env)),
            signal: host.signal,
            version: version/* VERSION */.x,
            ...(host.onProjectKnown ? { onProjectKnown: host.onProjectKnown } : {}),
            ...host.deps,
        };
        result = await runEngine(options, deps, host.cwd, { saveHistory: fileHistorySink(path) });
    }
    finally {
        if (!host.deps?.http)
            await http.close();
    }
    // Only here are the raw inputs known: the replay's command line is made from them, never from the options.
    if (result.replay)
        result = { ...result, replay: replayRecord(raw, result.replay.seed, result.replay.schedule) };
    await writeReport(path, result);
    return { kind: 'ran', result, options, reportPath: path };
}
/** Problems with inputs the config file set name the file: that is where the value to mend is written. */
function whereFrom(problems, fromFile) {
    if (!fromFile)
        return [...problems];
    return problems.map((p) => (fromFile.inputs.includes(p.input) ? { ...p, message: `${p.message} Set in ${fromFile.file}.` } : p));
}
async function writeReport(path, result) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, `${JSON.stringify(result, null, 2)}\n`);
}

// EXTERNAL MODULE: ./src/checks/kv-api.ts + 1 modules
var kv_api = __webpack_require__(8895);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/report/format.ts



const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function headline(result) {
    const failed = failedChecks(result).length;
    if (result.verdict === 'passed') {
        return `Replicheck passed: ${result.checks.length} checks on ${result.nodes.length} nodes`;
    }
    if (result.errors.length > 0 && failed === 0)
        return `Replicheck failed: ${result.errors[0].message}`;
    return `Replicheck failed: ${failed} of ${result.checks.length} checks failed`;
}
/** A run that stopped at its inputs: the engine never made a project (model/empty.ts), so nothing ran. */
function isBadInput(result) {
    return result.project.name === '' && result.phases.length === 0 && result.checks.length === 0 && result.errors.length > 0;
}
/** The verdict of a bad-input run: that nothing ran, and how many things were wrong (each error says what). */
function badInputHeadline(result) {
    const n = result.errors.length;
    const what = result.errors.every((e) => e.input !== undefined)
        ? `${n === 1 ? 'an input is' : `${n} inputs are`} not valid`
        : `${n === 1 ? 'a problem' : `${n} problems`} with the setup`;
    return `Replicheck did not run: ${what}`;
}
/** Expected vs actual and the time waited, for a failed check. */
function failureDetail(check) {
    return [check.detail, ...failureEvidence(check)].join(' ');
}
/** What a failed check saw, past its own sentence: the value expected, the last answer, where they differ, the wait. */
function failureEvidence(check, o = {}) {
    const parts = [];
    if (check.expected !== undefined)
        parts.push(`Expected: "${check.expected}".`);
    // Said once: not when the check's own sentence quotes the answer already, nor when the caller shows it elsewhere.
    const answer = check.actual ? (0,kv_api/* describeObservation */.C3)(check.actual) : undefined;
    if (answer !== undefined && o.answer !== false && !check.detail.includes(answer))
        parts.push(`Last answer: ${answer}.`);
    if (check.actual?.difference)
        parts.push(`${cap((0,core_values/* describeDifference */.hF)(check.actual.difference))}.`);
    if (check.waitedMs !== undefined)
        parts.push(`Waited ${(0,util_text/* formatMs */._V)(check.waitedMs)}.`);
    return parts;
}
/** The request and its answer as lines of plain text (the caller escapes them for where they go). */
function guidanceLines(g) {
    const r = g.request;
    const lines = [`sent:     ${r.method} ${r.url}`];
    if (r.headers && r.headers.length > 0)
        lines.push(`headers:  ${r.headers.map((h) => `${h}: ***`).join(', ')}`);
    if (r.bodyPreview !== undefined)
        lines.push(`body:     ${r.bodyPreview === '' ? '(empty)' : r.bodyPreview}`);
    lines.push(`answered: ${(0,kv_api/* describeObservation */.C3)(g.answer)}`);
    return lines;
}
function failedChecks(result) {
    return result.checks.filter((c) => c.status === 'failed');
}
const STATUS_ICON = { passed: '✅', failed: '❌', skipped: '⏭️' };

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/report/markdown.ts
// The one way the step summary builds a table. Every cell given as text is escaped here, so a node name, a value
// or an error a server sent can never add a cell, end the table or become a link; only Markdown the reporter
// writes itself, built with `strong` or `markup`, passes as it is.

function markup(markdown) {
    return { markdown };
}
/** Bold text, escaped inside the emphasis. */
function markdown_strong(text) {
    return markup(`**${escapeInline(text)}**`);
}
function markdown_right(header) {
    return { header, align: 'right' };
}
function render(cell) {
    if (typeof cell === 'number')
        return String(cell);
    if (typeof cell === 'string')
        return escapeInline(cell);
    return cell.markdown;
}
/**
 * The lines of a GitHub-flavoured Markdown table (no blank line around it: the caller places it). A column given
 * as text is a left-aligned column with that header.
 */
function markdown_markdownTable(columns, rows) {
    const cols = columns.map((c) => (typeof c === 'string' ? { header: c } : c));
    // GFM quietly drops surplus cells and pads missing ones, which would hide a reporter's mistake in a report.
    const wrong = rows.findIndex((r) => r.length !== cols.length);
    if (wrong >= 0)
        throw new Error(`Table row ${wrong} has ${rows[wrong].length} cells for ${cols.length} columns.`);
    // An empty cell is one space between its pipes, in the header as in the rows.
    const line = (cells) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
    return [
        line(cols.map((c) => render(c.header))),
        `|${cols.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
        ...rows.map((r) => line(r.map(render))),
    ];
}

;// CONCATENATED MODULE: ./src/report/workload.ts




const MAX_WITNESS_CHARS = 20_000;
function counts(c) {
    return `${c.ok} / ${c.fail} / ${c.info}`;
}
function latencyRow(name, q) {
    return q ? [name, q.count, q.p50, q.p90, q.p99, q.max] : [name, 0, '–', '–', '–', '–'];
}
const VERDICT_ICON = { held: '✅', violated: '❌', unknown: '❔' };
/**
 * The ladder in one sentence: the strongest model that held with every weaker one, the claim, the session mode,
 * and the models above it that did not hold. The headline of the summary and the terminal.
 */
function ladderHeadline(m) {
    const strongest = m.strongest === null ? 'not even eventual consistency held' : `strongest model that held: ${m.strongest}`;
    const above = m.models.filter((v) => v.verdict !== 'held').map((v) => `${v.model} ${v.verdict}`);
    const rest = above.length > 0 ? `; ${above.join(', ')}` : '; every model held';
    return `Consistency: ${strongest} (claim: ${m.claim}, ${m.sessions} sessions)${rest}.`;
}
/**
 * One row per model: its verdict and, when it did not hold, the witness or the reason. A model violated only
 * because a model it includes was says so in a word (the witness is on that model's row), and the claim's witness
 * is named, not repeated, when the failed checks above show it.
 */
function ladderRows(m, witnessAbove) {
    return m.models.map((v) => {
        const inherited = v.witness ? /\((\S+) includes (\S+)\)$/.exec(v.witness.explanation) : null;
        const why = inherited && inherited[1] === v.model
            ? `violated with ${inherited[2]}, which it includes`
            : witnessAbove && v.model === m.claim && v.verdict === 'violated'
                ? 'the witness is under Failed checks above'
                : (v.witness?.explanation ?? v.reason ?? modelInfo(v.model).promise);
        return [VERDICT_ICON[v.verdict], v.model === m.claim ? strong(v.model) : v.model, v.verdict, why, `${Math.round(v.elapsedMs)} ms`];
    });
}
function workloadHeadline(w) {
    const failed = w.keyResults.filter((k) => !k.passed).length;
    const verdict = failed === 0
        ? `${w.consistency} on all ${w.keyResults.length} keys`
        : `${failed} of ${w.keyResults.length} keys failed the ${w.consistency} check`;
    return `${w.operations.total} operations by ${w.clients} clients in ${(0,util_text/* formatMs */._V)(w.elapsedMs)} (seed ${w.seed}): ${verdict}`;
}
function sum(list) {
    return list.reduce((a, c) => ({ ok: a.ok + c.ok, fail: a.fail + c.fail, info: a.info + c.info }), { ok: 0, fail: 0, info: 0 });
}
/** A row per node, then the sum of each column, so the last row reads like the others. */
function perNodeRows(w) {
    const all = [strong('all'), counts(sum(w.perNode.map((n) => n.read))), counts(sum(w.perNode.map((n) => n.write)))];
    return [...w.perNode.map((n) => [n.node, counts(n.read), counts(n.write)]), all];
}
/**
 * The workload section. `witnessAbove`: the failed checks at the top of the summary already show each witness, so
 * here it is named, not repeated (a witness is long, and three copies of it buried the rest).
 */
function renderWorkloadSummary(w, o = {}) {
    const out = [];
    out.push(`### Workload (${md(w.model)}, ${md(w.consistency)})`, '', md(workloadHeadline(w)), '');
    if (w.capped)
        out.push('_The operation cap ended the workload before its duration; the history is complete up to there._', '');
    if (w.models) {
        out.push(`Consistency models (claim in bold, ${md(w.models.sessions)} sessions):`, '');
        out.push(...markdownTable(['', 'Model', 'Verdict', 'Witness, reason or promise', right('Check')], ladderRows(w.models, o.witnessAbove === true)), '');
    }
    const detail = (k) => o.witnessAbove && k.witnessText ? 'The witness is under Failed checks above.' : k.detail;
    const verdicts = w.keyResults.map((k) => [k.passed ? '✅' : '❌', k.key, k.operations, k.verdict, detail(k)]);
    out.push(...markdownTable(['', 'Key', right('Operations'), 'Verdict', 'Detail'], verdicts), '');
    for (const k of w.keyResults) {
        if (!k.witnessText || o.witnessAbove)
            continue;
        const text = k.witnessText.length > MAX_WITNESS_CHARS ? `${k.witnessText.slice(0, MAX_WITNESS_CHARS)}\n…` : k.witnessText;
        out.push(`<details open><summary>Witness for key ${escapePre(k.key)}</summary>`, '', '<pre>', escapePre(text), '</pre>', '', '</details>', '');
    }
    out.push('Operations per node: ok / failed / indeterminate', '', ...markdownTable(['Node', right('Reads'), right('Writes')], perNodeRows(w)), '');
    const latency = [latencyRow('read', w.latency.read), latencyRow('write', w.latency.write)];
    const quantiles = ['p50', 'p90', 'p99', 'max'].map(right);
    out.push('Latency (ms) of answered operations', '', ...markdownTable(['Operation', right('Count'), ...quantiles], latency), '');
    if (w.history) {
        out.push(`History: ${md(w.history.json)} (JSON) and ${md(w.history.edn)} (Jepsen EDN). Re-check it with \`replicheck check-history FILE\`.`, '');
        if (w.history.html) {
            out.push(`**See it:** the history page ${md(w.history.html)} shows every operation by client over time, the faults as bands, ` +
                'and the witness of a failed key. Upload it with `actions/upload-artifact` (docs/reports.md shows how) and open it in a browser.', '');
        }
    }
    return out.join('\n');
}
/** Lines for the terminal renderer; the caller keeps them on one line each and prints them untrusted. */
function renderWorkloadText(w, o = {}) {
    const lines = [`Workload: ${workloadHeadline(w)}`];
    if (w.models) {
        // The ladder's headline leads the whole text (text.ts); here, each model.
        for (const v of w.models.models) {
            const why = v.witness?.explanation ?? v.reason;
            lines.push(`    ${v.verdict === 'held' ? '✓' : v.verdict === 'violated' ? '✗' : '?'} ${v.model}${why ? `: ${why}` : ''}`);
        }
    }
    for (const k of w.keyResults) {
        lines.push(`  ${k.passed ? '✓' : '✗'} ${k.key}: ${k.verdict} (${k.operations} ops)`);
        // Shown once: under the failed check when there is one.
        if (k.witnessText && !o.witnessAbove)
            for (const l of k.witnessText.split('\n').slice(0, 60))
                lines.push(`      ${l}`);
    }
    for (const n of w.perNode)
        lines.push(`  ${n.node}: reads ${counts(n.read)}, writes ${counts(n.write)} (ok / failed / indeterminate)`);
    const q = (name, l) => l ? `${name} p50 ${l.p50} p90 ${l.p90} p99 ${l.p99} max ${l.max} ms` : `${name} –`;
    lines.push(`  latency: ${q('read', w.latency.read)}; ${q('write', w.latency.write)}`);
    if (w.history)
        lines.push(`  history: ${w.history.json} (EDN: ${w.history.edn})`);
    if (w.history?.html)
        lines.push(`  history page: ${w.history.html}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/report/faults.ts



const AVAILABILITY = {
    full: 'every write accepted',
    partial: 'some writes refused',
    none: 'every write refused (availability loss, not data loss)',
    'n/a': 'nothing written',
};
function faultConvergence(f) {
    if (f.staleNodes.length > 0)
        return `stale on ${f.staleNodes.join(', ')}`;
    if (f.convergenceMs === undefined)
        return f.writesAccepted === 0 ? 'n/a (no write accepted)' : 'n/a';
    if (f.convergenceMs === null)
        return 'never';
    return `${Math.round(f.convergenceMs)} ms`;
}
const COLUMNS = [
    'Kind',
    'Target',
    markdown_right('Held for'),
    markdown_right('Writes accepted / refused'),
    'Convergence while held',
    markdown_right('Recovery'),
    markdown_right('Catch-up'),
    'Verdict',
];
function ms(v) {
    return v === undefined ? '–' : (0,util_text/* formatMs */._V)(v);
}
/** Markdown lines for the summary; empty when no fault ran. */
function renderFaultTables(result) {
    const faults = result.faults ?? [];
    if (faults.length === 0)
        return [];
    const out = ['### Faults', ''];
    faults.forEach((f, i) => {
        const verdict = f.verdict === 'passed' ? '✅ passed' : '❌ failed';
        const writes = `${f.writesAccepted} / ${f.writesRefused}`;
        const row = [f.kind, f.target, ms(f.heldMs), writes, faultConvergence(f), ms(f.recoveryMs), ms(f.catchUpMs), verdict];
        out.push(`#### ${i + 1}. ${md(f.kind)} ${md(f.target)}`, '', ...markdownTable(COLUMNS, [row]), '');
        const refused = f.refusedBy.length > 0 ? `; refused writes or reads while held: ${f.refusedBy.join(', ')}` : '';
        const notes = [`How: ${f.action}.`, `Availability: ${AVAILABILITY[f.availability] ?? f.availability}${refused}.`];
        if (f.beganMs !== undefined)
            notes.push(`Began at ${formatMs(f.beganMs)}${f.healedMs !== undefined ? `, healed at ${formatMs(f.healedMs)}` : ''}.`);
        if (f.race)
            notes.push(raceNote(f.race));
        if (f.lostKeys.length > 0)
            notes.push(`Lost acknowledged keys: ${f.lostKeys.join(', ')}.`);
        out.push(md(notes.join(' ')), '');
    });
    return out;
}
/** How close the writes that raced the fault came to it. */
function raceNote(r) {
    const gap = r.lastAckGapMs !== undefined ? `, the last ${formatMs(r.lastAckGapMs)} before the target stopped answering` : ', none before it struck';
    return `Writes racing it: ${r.sent} sent, ${r.acked} acknowledged${gap}.`;
}
/** One line per fault for the terminal. */
function faultLines(result) {
    return (result.faults ?? []).map((f) => {
        const lost = f.lostKeys.length > 0 ? `, lost ${f.lostKeys.join(', ')}` : '';
        const race = f.race?.lastAckGapMs !== undefined
            ? `, last racing write acknowledged ${(0,util_text/* formatMs */._V)(f.race.lastAckGapMs)} before the target stopped`
            : '';
        return (`${f.verdict === 'passed' ? '✓' : '✗'} ${f.kind} ${f.target}: held ${ms(f.heldMs)}, ` +
            `writes ${f.writesAccepted} accepted / ${f.writesRefused} refused, convergence ${faultConvergence(f)}, ` +
            `recovery ${ms(f.recoveryMs)}, catch-up ${ms(f.catchUpMs)}${race}${lost}`);
    });
}

;// CONCATENATED MODULE: ./src/report/replay.ts


const LIVENESS_LABEL = 'Liveness';
function livenessFailures(result) {
    return result.checks.filter((c) => c.status === 'failed' && c.kind === 'liveness');
}
/** One sentence: what a liveness failure is, so no one reads it as data lost. */
function livenessNote(failed) {
    const sweep = failed.filter((c) => c.id.startsWith('sweep:')).length;
    const hold = failed.length - sweep;
    const parts = [
        ...(hold > 0
            ? [`${hold} node${hold === 1 ? '' : 's'} up after the faults healed did not take or return a fresh write in time (liveness-timeout)`]
            : []),
        ...(sweep > 0 ? [`${sweep} node${sweep === 1 ? '' : 's'} gave no answer to the final reads in time (convergence-timeout)`] : []),
    ];
    return `${parts.join('; ')}. That is unavailability, not lost or stale data: the safety checks say whether data was lost.`;
}
/** The lines of a `; `-separated schedule, one a line. */
function scheduleLines(schedule) {
    return schedule
        .split(';')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
function rateText(s) {
    return s.rate ? `reproduced in ${s.rate.failed} of ${s.rate.runs} extra reruns` : 'reproduction rate not measured (budget spent)';
}
function minimalityText(s) {
    if (s.minimalFaults === 0)
        return 'it fails even with no fault: the workload alone shows it';
    if (s.oneMinimal)
        return (`1-minimal, proven: with any one fault left out it passed ${s.reproduce.m} reruns ` +
            `(a candidate counted when ${s.reproduce.k} of ${s.reproduce.m} failed)`);
    const what = s.stoppedBy === 'runs' ? 'reruns (shrink)' : s.stoppedBy === 'budget' ? 'time (shrink-budget)' : 'run';
    return `not proven 1-minimal: the ${what} ran out first`;
}
/** The shrink in one paragraph of facts: faults before and after, reruns, time, rate, minimality. */
function shrinkFacts(s) {
    return (`${s.originalFaults} fault(s) down to ${s.minimalFaults} in ${s.reruns} of at most ${s.maxReruns} reruns ` +
        `(${(0,util_text/* formatMs */._V)(s.elapsedMs)} of ${(0,util_text/* formatMs */._V)(s.budgetMs)}), each held to failing ${s.family}; ${rateText(s)}; ${minimalityText(s)}.`);
}
/** Markdown: the schedule and the replay command, after the line that says where the run ran. */
function renderReplayMarkdown(result) {
    const r = result.replay;
    if (!r)
        return [];
    const out = [];
    if (r.schedule !== undefined) {
        out.push('<details><summary>Fault schedule as it ran</summary>', '', '<pre>', escapePre(scheduleLines(r.schedule).join('\n') || '(no fault placed)'), '</pre>', '', '</details>', '');
    }
    if (r.command) {
        out.push(`**Replay** (seed ${r.seed}):`, '', '<pre>', escapePre(r.command), '</pre>', '');
        if (r.omitted?.length)
            out.push(md(`Secret inputs left out of it, to set yourself: ${r.omitted.join(', ')}.`), '');
    }
    return out;
}
/** Markdown: the shrink, before and after, right under the failures it reproduces. */
function renderShrinkMarkdown(result) {
    const s = result.shrink;
    if (!s)
        return [];
    return [
        '### 🔎 Minimal failing schedule',
        '',
        md(shrinkFacts(s)),
        '',
        `Before (${s.originalFaults} faults):`,
        '',
        '<pre>',
        escapePre(scheduleLines(s.original).join('\n')),
        '</pre>',
        '',
        `After (${s.minimalFaults} fault${s.minimalFaults === 1 ? '' : 's'}), the \`minimal-schedule\` output, to paste as \`fault-schedule\`:`,
        '',
        '<pre>',
        escapePre(scheduleLines(s.minimal).join('\n') || '(no fault)'),
        '</pre>',
        '',
    ];
}
/** Plain lines for the terminal: schedule, replay command, shrink. The caller styles and one-lines them. */
function replayTextLines(result) {
    const lines = [];
    const r = result.replay;
    if (r?.schedule !== undefined) {
        lines.push('Fault schedule');
        for (const l of scheduleLines(r.schedule))
            lines.push(`  ${l}`);
    }
    const s = result.shrink;
    if (s) {
        lines.push('Minimal failing schedule', `  ${shrinkFacts(s)}`, '  before:');
        for (const l of scheduleLines(s.original))
            lines.push(`    ${l}`);
        lines.push('  after:');
        for (const l of scheduleLines(s.minimal))
            lines.push(`    ${l}`);
        if (s.minimal === '')
            lines.push('    (no fault)');
    }
    if (r?.command) {
        lines.push(`Replay: ${r.command}`);
        if (r.omitted?.length)
            lines.push(`  (secret inputs left out: ${r.omitted.join(', ')})`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/report/text.ts





const identity = (s) => s;
const plainStyle = { green: identity, red: identity, dim: identity, bold: identity };
function pad(text, width) {
    const len = [...text].length;
    return len >= width ? text : text + ' '.repeat(width - len);
}
/**
 * The run for a terminal, in the step summary's order: the verdict and the consistency headline, what was wrong,
 * each failed check with its cause (and the request and answer, for a setup that does not fit the API), then what
 * passed and how the run went; the verdict again last, where a terminal leaves the eye.
 */
function renderText(result, style = plainStyle) {
    const verdict = isBadInput(result) ? badInputHeadline(result) : headline(result);
    const paint = (s) => (result.verdict === 'passed' ? style.green(style.bold(s)) : style.red(style.bold(s)));
    const lines = [paint(verdict)];
    if (result.workload?.models)
        lines.push(`  ${(0,util_text/* oneLine */.TN)(ladderHeadline(result.workload.models))}`);
    for (const e of result.errors) {
        lines.push(style.red(`✗ ${(0,util_text/* oneLine */.TN)(e.message)}`));
        if (e.fix)
            lines.push(`  ${(0,util_text/* oneLine */.TN)(e.fix)}`);
        // The failing program's own words (e.g. compose up's error), bounded by the engine; one line per line.
        if (e.detail)
            for (const l of e.detail.split('\n').slice(-40))
                lines.push(style.dim(`  │ ${(0,util_text/* oneLine */.TN)(l)}`));
    }
    lines.push(...failedLines(result, style), ...passedLines(result, style));
    const m = result.convergence;
    if (m.writers.length > 0) {
        lines.push(style.bold('Convergence (ms), writer → reader'));
        const w = Math.max(8, ...m.writers.map((x) => [...x].length), ...m.readers.map((x) => [...x].length)) + 2;
        lines.push(`  ${pad('', w)}${m.readers.map((r) => pad(r, w)).join('')}`.trimEnd());
        m.writers.forEach((writer, i) => {
            const row = m.ms[i] ?? [];
            const cells = m.readers.map((_, j) => pad(row[j] === null || row[j] === undefined ? 'never' : String(Math.round(row[j])), w));
            lines.push(`  ${pad(writer, w)}${cells.join('')}`.trimEnd());
        });
    }
    const witnessAbove = failedChecks(result).some((c) => c.kind === 'workload');
    if (result.workload)
        for (const l of renderWorkloadText(result.workload, { witnessAbove }))
            lines.push((0,util_text/* oneLine */.TN)(l));
    if (result.faults?.length) {
        lines.push(style.bold('Faults'));
        for (const l of faultLines(result))
            lines.push(`  ${(0,util_text/* oneLine */.TN)(l)}`);
    }
    // The one number that replays the run's random choices (input seed, CLI --seed), the schedule as it ran, the
    // shrunk one, and the command that replays the run; a run stopped before any check has nothing to replay.
    if (result.checks.length > 0) {
        if (result.seed !== undefined)
            lines.push(style.dim(`Seed ${result.seed}: rerun with --seed ${result.seed} for the same choices.`));
        for (const l of replayTextLines(result))
            lines.push(/^\S/.test(l) ? style.bold((0,util_text/* oneLine */.TN)(l)) : (0,util_text/* oneLine */.TN)(l));
    }
    if (result.checks.length > 0 || result.errors.length === 0)
        lines.push(paint(verdict));
    return lines.join('\n');
}
/** Each failed check, its cause on the next line, a witness's lines under it, and the request and answer if any. */
function failedLines(result, style) {
    const all = failedChecks(result);
    if (all.length === 0)
        return [];
    // Liveness failures last, under their own label: a node unavailable in time, not data lost or stale.
    const live = livenessFailures(result);
    const failed = [...all.filter((c) => c.kind !== 'liveness'), ...live];
    const lines = [style.bold(`Failed (${all.length} of ${result.checks.length})`)];
    for (const c of failed) {
        if (c === live[0])
            lines.push(style.bold(`  ${LIVENESS_LABEL}: ${(0,util_text/* oneLine */.TN)(livenessNote(live))}`));
        lines.push(`  ${style.red('✗')} ${(0,util_text/* oneLine */.TN)(c.title)}  ${style.dim((0,util_text/* formatMs */._V)(c.durationMs))}`);
        const [first = '', ...more] = c.detail.split('\n');
        lines.push(`      ${(0,util_text/* oneLine */.TN)([first, ...failureEvidence(c, { answer: !c.guidance })].join(' '))}`);
        for (const l of more.slice(0, 60))
            lines.push(`        ${(0,util_text/* oneLine */.TN)(l)}`);
        if (c.guidance) {
            lines.push(`      ${(0,util_text/* oneLine */.TN)(c.guidance.hint)}`);
            for (const l of guidanceLines(c.guidance))
                lines.push(style.dim(`        ${(0,util_text/* oneLine */.TN)(l)}`));
            lines.push(`      Inputs to look at: ${c.guidance.inputs.join(', ')}`);
        }
    }
    return lines;
}
/** The checks that did not fail, one line each. */
function passedLines(result, style) {
    const rest = result.checks.filter((c) => c.status !== 'failed');
    if (rest.length === 0)
        return [];
    const width = Math.min(70, Math.max(...rest.map((c) => [...c.title].length)));
    const lines = [style.bold(result.checks.length === rest.length ? 'Checks' : 'Passed')];
    for (const c of rest) {
        const mark = c.status === 'passed' ? style.green('✓') : style.dim('-');
        lines.push(`  ${mark} ${pad((0,util_text/* oneLine */.TN)(c.title), width)}  ${style.dim((0,util_text/* formatMs */._V)(c.durationMs))}`);
        if (c.guidance)
            lines.push(style.dim(`      ${(0,util_text/* oneLine */.TN)(c.guidance.hint)}`));
    }
    return lines;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/config/file.ts
var config_file = __webpack_require__(1974);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/config-file.ts
// The config file on the command line: the shared reader (src/config/file.ts), its refusals made usage errors so
// that a bad file fails like a bad flag.



function asUsage(error) {
    if (error instanceof config_file/* ConfigFileError */.x)
        throw new usage/* UsageError */.eb(`${error.message} ${error.fix}`);
    throw error;
}
async function findDefaultConfig(cwd) {
    return config_file/* findDefaultConfig */.BE(cwd).catch(asUsage);
}
async function loadConfigFile(path, cwd) {
    return config_file/* loadConfigFile */.HT(path, cwd).catch(asUsage);
}
function configInputs(data, path) {
    try {
        return file.configInputs(data, path);
    }
    catch (error) {
        return asUsage(error);
    }
}

// EXTERNAL MODULE: ./src/cli/layout.ts
var layout = __webpack_require__(3578);
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __webpack_require__(7911);
;// CONCATENATED MODULE: ./src/cli/terminal.ts



/**
 * FORCE_COLOR first, as Node itself reads it: 0 or false turns colour off, any other non-empty value on, even in
 * a pipe (a CI log that shows colours). Then NO_COLOR (any non-empty value): off. Otherwise colour only when the
 * stream is a terminal that is not dumb. Empty values count as unset, as no-color.org has it.
 */
function wantsColour(out, env) {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return !/^(0|false)$/i.test(force.trim());
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return out.isTTY === true && env.TERM !== 'dumb';
}
function cliStyle(colour) {
    if (!colour)
        return { ...plainStyle, yellow: (s) => s };
    const sgr = (open, close) => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
    return { green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** `prefix` and a message wrapped to `width`, its later lines indented under its first word. */
function hanging(prefix, message, width) {
    if (width === Infinity)
        return `${prefix}${message}`;
    return `${prefix}${(0,layout/* paragraph */.FY)(message, width - prefix.length).replace(/\n/g, `\n${' '.repeat(prefix.length)}`)}`;
}
/** Text from outside (a service's log) under its title, each line inert and marked as quoted; never wrapped. */
function logBlock(style, title, text) {
    const body = (0,util_text/* inertText */.UJ)(text).replace(/\n+$/, '');
    const lines = body === ''
        ? style.dim('  │ (empty)')
        : body
            .split('\n')
            .map((l) => `${style.dim('  │')} ${l}`)
            .join('\n');
    return `${style.bold((0,util_text/* oneLine */.TN)(title))}\n${lines}`;
}
function createProgress(out, options) {
    const { interactive, style } = options;
    const width = options.width ?? Infinity;
    // The live line must fit one row, or the carriage return redraws only its last part and the rest piles up.
    const liveRoom = Math.max(10, (out.columns ?? 80) - 12);
    const now = options.now ?? (() => performance.now());
    const active = [];
    let frame = 0;
    let timer;
    let shown = false;
    const clear = () => {
        if (shown)
            out.write('\r\u001b[2K');
        shown = false;
    };
    const draw = () => {
        const current = active[active.length - 1];
        if (!interactive || !current)
            return;
        clear();
        const name = current.name.length > liveRoom ? `${current.name.slice(0, liveRoom - 1)}…` : current.name;
        out.write(`${style.dim(FRAMES[frame++ % FRAMES.length])} ${name} ${style.dim((0,util_text/* formatMs */._V)(now() - current.start))}`);
        shown = true;
    };
    const print = (text) => {
        clear();
        out.write(`${text}\n`);
        draw();
    };
    const ensureTimer = () => {
        if (!interactive || timer)
            return;
        timer = setInterval(draw, 100);
        timer.unref();
    };
    const wrapped = (prefix, message) => hanging(prefix, message, width);
    return {
        line: (text) => print(text.includes('\n') || text.includes('\u001b') ? text : wrapped('', text)),
        info: (message) => print(style.dim(wrapped('  ', (0,util_text/* oneLine */.TN)(message)))),
        warn: (message) => print(style.yellow(wrapped('! ', (0,util_text/* oneLine */.TN)(message)))),
        untrusted: (title, text) => print(logBlock(style, title, text)),
        phase(name, state) {
            if (state === 'start') {
                active.push({ name, start: now() });
                if (interactive) {
                    ensureTimer();
                    draw();
                }
                else {
                    print(`▸ ${name}`);
                }
                return;
            }
            const index = active.map((a) => a.name).lastIndexOf(name);
            const started = index >= 0 ? active.splice(index, 1)[0].start : now();
            const took = style.dim((0,util_text/* formatMs */._V)(now() - started));
            print(state === 'ok' ? `${style.green('✓')} ${name} ${took}` : `${style.red('✗')} ${name} ${took}`);
            if (active.length === 0 && timer) {
                clearInterval(timer);
                timer = undefined;
            }
        },
        stop() {
            if (timer)
                clearInterval(timer);
            timer = undefined;
            clear();
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/run.ts
// `replicheck run`: the action's engine behind a command line. Inputs come from flags over a config file over the
// declared defaults; the verdict and the JSON report are the same objects the action produces.














const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_NOT_CARRIED_OUT = 2;
const EXIT_INTERRUPTED = 130;
/**
 * 1 when a check failed: the cluster misbehaved, whatever else went wrong. EXIT_USAGE when an input was bad (the
 * engine found it: the parser's refusals never get this far). 2 when the run could not be carried out (Docker or
 * Compose missing, compose up failed, a busy port) and no check failed. 0 otherwise.
 */
function exitCodeFor(result) {
    if (failedChecks(result).length > 0)
        return EXIT_FAILED;
    // A bad input found once the engine looked (a target that is not a service, a missing adapter module) is as bad
    // an input as one the parser refused: one status for bad input, whichever part found it.
    if (result.errors.some(engine_errors/* isBadInput */.QN))
        return usage/* EXIT_USAGE */.Ri;
    if (result.errors.length > 0 || result.verdict === 'failed')
        return EXIT_NOT_CARRIED_OUT;
    return EXIT_PASSED;
}
/** What to run by hand when the CLI was made to quit before it could tear the project down. */
function cleanupHint(project) {
    const label = `label=com.docker.compose.project=${project}`;
    return [
        `  docker compose -p ${project} down --volumes --remove-orphans`,
        `or, with any Compose version, by label:`,
        `  docker rm -f -v $(docker ps -aq --filter ${label})`,
        `  docker network rm $(docker network ls -q --filter ${label})`,
        `  docker volume rm $(docker volume ls -q --filter ${label})`,
    ].join('\n');
}
/** On an external cluster: which faults may still hold and the commands that heal them, or that none does. */
function unhealedHint(state) {
    const heals = state.heals ?? [];
    if (heals.length === 0)
        return "No fault of Replicheck's holds; the cluster was left running, as Replicheck found it.";
    const commands = heals.map((h) => `  ${h.command}    # ${h.label}`).join('\n');
    return `${heals.length} fault(s) may still hold. Heal them by hand (in ${state.cwd ?? 'the working directory'}):\n${commands}`;
}
async function runCommand(argv, io) {
    let json;
    let config;
    let merged;
    let fromFile;
    try {
        const args = (0,cli_args/* parseRunArgs */.ug)(argv);
        if (args.help) {
            io.stdout.write((0,help/* runUsage */.l_)((0,layout/* textWidth */.sc)(io.stdout, io.env), args.briefHelp));
            return EXIT_PASSED;
        }
        json = args.json;
        const configPath = args.config ?? (args.noConfig ? undefined : await findDefaultConfig(io.cwd));
        config = configPath === undefined ? undefined : await loadConfigFile(configPath, io.cwd);
        merged = (0,config_file/* mergeInputs */.sg)(args.inputs, config, io.cwd);
        fromFile = (0,config_file/* inputsFromFile */.id)(args.inputs, config);
    }
    catch (error) {
        if (!(error instanceof usage/* UsageError */.eb))
            throw error;
        io.stderr.write((0,usage/* usageLine */.U0)('run', error.message));
        return usage/* EXIT_USAGE */.Ri;
    }
    return execute((0,list/* readRawInputs */.yI)((name) => merged[name]), json, config, io, fromFile);
}
async function execute(raw, json, config, io, fromFile) {
    // stdout carries only the result (the table, or the JSON report), so `> result.txt` or `| jq` gets just that;
    // everything said on the way goes to stderr.
    const progressOut = io.stderr;
    const style = cliStyle(wantsColour(progressOut, io.env));
    const progress = createProgress(progressOut, {
        interactive: progressOut.isTTY === true && io.env.TERM !== 'dumb',
        style,
        // Wrapped to a terminal (or a COLUMNS the user set); a pipe or a CI log keeps each message on one line, to grep.
        ...(progressOut.isTTY === true || io.env.COLUMNS !== undefined ? { width: (0,layout/* textWidth */.sc)(progressOut, io.env) } : {}),
    });
    const session = { controller: new AbortController(), progress, style, project: '' };
    const onSignal = interruptHandler(session, io);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let run;
    try {
        run = await runReplicheck(raw, {
            env: io.env,
            cwd: io.cwd,
            tempDir: io.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
            log: progress,
            signal: session.controller.signal,
            reportBadInputs: false,
            ...(config ? { fromFile: { file: config.path, inputs: fromFile } } : {}),
            onStart: (options) => {
                session.project = options.projectName;
                const what = options.cluster === 'external' ? 'an external cluster' : `project ${session.project}`;
                const nodes = `${options.servers.length} node${options.servers.length === 1 ? '' : 's'}`;
                progress.line(style.bold(`replicheck ${version/* VERSION */.x}: ${what}, ${nodes}`));
            },
            onProjectKnown: (known) => {
                session.state = known;
            },
        });
    }
    finally {
        progress.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
    if (run.kind === 'bad-input')
        return reportBadInputs(run, json, io);
    printResult(run, json, cliStyle(wantsColour(io.stdout, io.env)), io);
    if (session.controller.signal.aborted) {
        io.stderr.write(`${interruptedMessage(session, run)}\n`);
        return EXIT_INTERRUPTED;
    }
    return exitCodeFor(run.result);
}
/** The first Ctrl-C asks the run to stop and clean up; the second quits at once and says what may be left. */
function interruptHandler(session, io) {
    let interrupts = 0;
    return (signal) => {
        interrupts++;
        const what = signal === 'SIGINT' ? 'Ctrl-C' : signal;
        if (interrupts === 1) {
            const doing = session.state?.cluster === 'external'
                ? 'stopping the checks and healing faults (the cluster itself is left running)'
                : `stopping the checks, healing faults and tearing down project ${session.project}`;
            session.progress.line(session.style.yellow(`${what}: ${doing}… (${what} again quits at once)`));
            session.controller.abort();
            return;
        }
        session.progress.stop();
        io.stderr.write(`${what} again: ${quitMessage(session)}\n`);
        process.exit(EXIT_INTERRUPTED);
    };
}
function quitMessage({ state, project }) {
    if (state?.cluster === 'external')
        return `quitting. ${unhealedHint(state)}`;
    if (!state)
        return `quitting. Nothing of project ${project} had been created yet.`;
    return (`quitting without finishing the teardown. Project ${project} may be left behind (containers, network, volumes). ` +
        `Remove it with:\n${cleanupHint(project)}`);
}
function reportBadInputs(run, json, io) {
    if (json)
        io.stdout.write(`${(0,util_text/* inertJson */.nl)(run.result, 2)}\n`);
    // A problem with an input the config file set says so itself (host: whereFrom).
    const lines = run.problems.map((p) => `  --${p.input}: ${p.message} ${p.fix}`);
    io.stderr.write((0,usage/* usageLine */.U0)('run', `Bad input${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`));
    return usage/* EXIT_USAGE */.Ri;
}
function printResult(run, json, style, io) {
    // A blank line between the progress and the table where both share a terminal; on stderr, so stdout stays the result.
    if (!json)
        io.stderr.write('\n');
    io.stdout.write(json ? `${(0,util_text/* inertJson */.nl)(run.result, 2)}\n` : `${renderText(run.result, style)}\n`);
    io.stderr.write(`JSON report: ${run.reportPath}\n`);
}
function interruptedMessage({ state, project }, run) {
    const { teardown } = run.result;
    const left = teardown.leftovers ?? [];
    if (!state)
        return 'Interrupted before anything was created.';
    if (state.cluster === 'external')
        return `Interrupted. ${unhealedHint(state)}`;
    if (!teardown.performed) {
        return `Interrupted; teardown '${run.options.teardown}' left project ${project} running. Remove it with:\n${cleanupHint(project)}`;
    }
    if (left.length > 0)
        return `Interrupted; ${left.length} object(s) of project ${project} could not be removed:\n${cleanupHint(project)}`;
    return `Interrupted; project ${project} was torn down, nothing is left.`;
}


/***/ }),

/***/ 2641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Lo: () => (/* binding */ Compose),
  w3: () => (/* binding */ SetupError),
  dN: () => (/* binding */ checkDocker),
  ib: () => (/* binding */ detectCompose),
  Q_: () => (/* binding */ findLeftovers),
  _N: () => (/* binding */ removeByLabel)
});

;// CONCATENATED MODULE: ./src/compose/args.ts
// Pure builders of Compose command lines. Both Compose generations take the same global flags used here
// (--project-name, --file, --project-directory), so only the program and its prefix differ.
function globalArgs(cmd, project) {
    const args = [...cmd.prefix, '--project-name', project.name];
    for (const f of project.files)
        args.push('--file', f);
    args.push('--project-directory', project.directory);
    return args;
}
function upArgs(build) {
    return ['up', '--detach', ...(build ? ['--build'] : []), '--force-recreate', '--remove-orphans'];
}
/** `down` that also removes volumes and orphans; a short stop timeout keeps teardown inside a cancel window. */
function downArgs(stopTimeoutSeconds) {
    return ['down', '--volumes', '--remove-orphans', '--timeout', String(stopTimeoutSeconds)];
}
function restartArgs(service) {
    return ['restart', service];
}
/** The resolved, interpolated configuration (YAML in both Compose generations). */
function configArgs() {
    return ['config'];
}
function logsArgs(service, tail) {
    return ['logs', '--no-color', '--tail', String(tail), service];
}
function serviceCommandArgs(verb, service) {
    return [verb, service];
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/compose/config.ts
// Reads what Compose itself resolved (`config` output: files merged, variables interpolated, normalised) to learn
// the services and the ports they will publish, before anything starts. The text is Compose's, so parsing its
// YAML is reading Compose's answer, not second-guessing the user's file.

function expand(range) {
    const [a, b] = range.split('-').map((x) => Number.parseInt(x, 10));
    if (a === undefined || Number.isNaN(a))
        return [];
    if (b === undefined || Number.isNaN(b))
        return [a];
    const out = [];
    for (let p = a; p <= b && out.length < 1000; p++)
        out.push(p);
    return out;
}
/** Short syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO], HOST_IP may be [IPv6]. */
function parseShort(spec) {
    const noProto = spec.replace(/\/(tcp|udp|sctp)$/, '');
    let hostIp = '';
    let rest = noProto;
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(noProto);
    if (v6) {
        hostIp = v6[1];
        rest = v6[2];
    }
    const parts = rest.split(':');
    if (!v6 && parts.length === 3)
        hostIp = parts.shift();
    if (parts.length === 1)
        return { hostIp, published: [], target: expand(parts[0]) };
    return { hostIp, published: expand(parts[0]), target: expand(parts[1]) };
}
function parseResolvedConfig(text) {
    const doc = ((0,dist.parse)(text) ?? {});
    const services = Object.keys(doc.services ?? {});
    const published = [];
    let hasRandomPorts = false;
    const networks = {};
    for (const [service, def] of Object.entries(doc.services ?? {})) {
        const named = Array.isArray(def?.networks) ? def.networks.map(String) : Object.keys(def?.networks ?? {});
        networks[service] = named.length > 0 ? named : def?.network_mode ? [] : ['default'];
        for (const port of def?.ports ?? []) {
            if (typeof port === 'object' && port !== null) {
                if (port.published === undefined || port.published === '') {
                    hasRandomPorts = true;
                    continue;
                }
                const targets = expand(String(port.target ?? ''));
                expand(String(port.published)).forEach((hostPort, i) => published.push({ service, containerPort: targets[i] ?? targets[0] ?? 0, hostIp: port.host_ip ?? '', hostPort }));
                continue;
            }
            const short = parseShort(String(port));
            if (short.published.length === 0) {
                hasRandomPorts = true;
                continue;
            }
            short.published.forEach((hostPort, i) => published.push({ service, containerPort: short.target[i] ?? short.target[0] ?? 0, hostIp: short.hostIp, hostPort }));
        }
    }
    return { services, published, hasRandomPorts, networks };
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/compose/driver.ts



/** A problem with the machine rather than the service under test: Docker or Compose missing or broken. */
class SetupError extends Error {
    fix;
    input;
    detail;
    constructor(message, fix, 
    /** The input this problem belongs to, when there is one. */
    input, 
    /** Bounded text from the failing program (untrusted: print it escaped). */
    detail) {
        super(message);
        this.fix = fix;
        this.input = input;
        this.detail = detail;
        this.name = 'SetupError';
    }
}
const SECOND = 1000;
const PROJECT_LABEL = 'com.docker.compose.project';
function firstLines(result, lines = 20) {
    return (0,util_text/* tailText */.QR)(`${result.stderr}\n${result.stdout}`.trim(), lines);
}
async function checkDocker(exec) {
    const r = await exec.run('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20 * SECOND });
    if (r.startError === 'ENOENT') {
        throw new SetupError('Docker is not installed: the docker command was not found.', 'Install Docker (the engine and its CLI) on the runner.');
    }
    if (r.code !== 0 || r.stdout.trim() === '') {
        throw new SetupError(r.timedOut ? 'The Docker daemon did not answer within 20 s.' : 'The Docker daemon is not running or not reachable.', 'Start dockerd (or Docker Desktop) and check that `docker info` works for this user.', undefined, firstLines(r, 5));
    }
    return r.stdout.trim();
}
/** `docker compose` (v2) first, as hosted runners have it, then the standalone v1 `docker-compose`. */
async function detectCompose(exec, wanted = 'auto') {
    if (wanted !== 'v1') {
        const v2 = await exec.run('docker', ['compose', 'version', '--short'], { timeoutMs: 20 * SECOND });
        if (v2.code === 0 && v2.stdout.trim() !== '') {
            return { kind: 'v2', file: 'docker', prefix: ['compose'], version: v2.stdout.trim().replace(/^v/, '') };
        }
    }
    if (wanted !== 'v2') {
        const v1 = await exec.run('docker-compose', ['version', '--short'], { timeoutMs: 20 * SECOND });
        if (v1.code === 0 && v1.stdout.trim() !== '') {
            return { kind: 'v1', file: 'docker-compose', prefix: [], version: v1.stdout.trim().replace(/^v/, '') };
        }
    }
    const which = {
        auto: 'neither `docker compose` nor `docker-compose` answered',
        v2: '`docker compose` (v2) did not answer',
        v1: '`docker-compose` (v1) did not answer',
    }[wanted];
    throw new SetupError(`Docker Compose is not installed: ${which}.`, 'Install the Compose v2 plugin (docker-compose-plugin) or the standalone docker-compose, or change compose-version.', wanted === 'auto' ? undefined : 'compose-version');
}
class Compose {
    exec;
    command;
    project;
    constructor(exec, command, project) {
        this.exec = exec;
        this.command = command;
        this.project = project;
    }
    run(args, timeoutMs, signal) {
        return this.exec.run(this.command.file, [...globalArgs(this.command, this.project), ...args], {
            cwd: this.project.directory,
            timeoutMs,
            // Plain output: no progress bars or colour codes in what we capture and show.
            env: { COMPOSE_ANSI: 'never', NO_COLOR: '1', COMPOSE_STATUS_STDOUT: '0', COMPOSE_PROJECT_NAME: undefined },
            ...(signal ? { signal } : {}),
        });
    }
    /** The project as Compose resolves it; also proves Compose can read the files (its own message when it cannot). */
    async resolve() {
        const r = await this.run(configArgs(), 60 * SECOND);
        if (r.code !== 0) {
            throw new SetupError('Compose could not read the compose file(s).', "Fix the file so that `docker compose config` accepts it; Compose's message is shown below.", 'compose-file', firstLines(r));
        }
        try {
            return parseResolvedConfig(r.stdout);
        }
        catch (error) {
            throw new SetupError('Compose printed a configuration Replicheck could not read.', 'Report this with the output of `docker compose config`.', 'compose-file', String(error).slice(0, 500));
        }
    }
    up(build, signal) {
        return this.run(upArgs(build), 30 * 60 * SECOND, signal);
    }
    down(stopTimeoutSeconds = 5) {
        return this.run(downArgs(stopTimeoutSeconds), 120 * SECOND);
    }
    restart(service) {
        return this.run(restartArgs(service), 120 * SECOND);
    }
    serviceCommand(verb, service) {
        return this.run(serviceCommandArgs(verb, service), 120 * SECOND);
    }
    /** The last `tail` lines of a service's log, capped in bytes. */
    async logs(service, tail) {
        const r = await this.run(logsArgs(service, tail), 30 * SECOND);
        return (0,util_text/* tailText */.QR)(`${r.stdout}${r.stderr ? `\n${r.stderr}` : ''}`.trim(), tail);
    }
    /** IDs of the project's containers, found by label, so this works whichever Compose created them. */
    async containerIds() {
        return listByLabel(this.exec, ['ps', '-a'], this.project.name);
    }
    async inspect() {
        const ids = await this.containerIds();
        if (ids.length === 0)
            return [];
        const r = await this.exec.run('docker', ['inspect', ...ids], { timeoutMs: 30 * SECOND });
        if (r.code !== 0)
            return [];
        try {
            return JSON.parse(r.stdout);
        }
        catch {
            return [];
        }
    }
}
async function listByLabel(exec, verb, project) {
    const r = await exec.run('docker', [...verb, '--quiet', '--filter', `label=${PROJECT_LABEL}=${project}`], {
        timeoutMs: 30 * SECOND,
    });
    if (r.code !== 0)
        return [];
    return r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}
/** What of a project still exists, by label: the proof that teardown removed everything. */
async function findLeftovers(exec, project) {
    const [containers, networks, volumes] = await Promise.all([
        listByLabel(exec, ['ps', '-a'], project),
        listByLabel(exec, ['network', 'ls'], project),
        listByLabel(exec, ['volume', 'ls'], project),
    ]);
    return { containers, networks, volumes };
}
/**
 * Removes whatever is left of a project by label, without needing its compose files: the last line of defence
 * when `down` failed or the files are gone. Paused containers are unpaused first (rm -f cannot kill them on
 * every engine version).
 */
async function removeByLabel(exec, project) {
    const found = await findLeftovers(exec, project);
    if (found.containers.length > 0) {
        await exec.run('docker', ['unpause', ...found.containers], { timeoutMs: 30 * SECOND });
        await exec.run('docker', ['rm', '--force', '--volumes', ...found.containers], { timeoutMs: 60 * SECOND });
    }
    if (found.networks.length > 0)
        await exec.run('docker', ['network', 'rm', ...found.networks], { timeoutMs: 30 * SECOND });
    if (found.volumes.length > 0)
        await exec.run('docker', ['volume', 'rm', '--force', ...found.volumes], { timeoutMs: 30 * SECOND });
    return findLeftovers(exec, project);
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

/***/ 8640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ SEED_RANGE),
/* harmony export */   Is: () => (/* binding */ seededRandom),
/* harmony export */   LX: () => (/* binding */ clientRandom),
/* harmony export */   Up: () => (/* binding */ pick),
/* harmony export */   ns: () => (/* binding */ runStreams)
/* harmony export */ });
/* unused harmony exports deriveSeed, seededSource */
/** Seeds are whole numbers in [0, 2^31): what the `seed` input accepts and what a run draws when none is given. */
const SEED_RANGE = 2 ** 31;
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** One independent stream per client, derived from the run's seed. */
function clientRandom(seed, client) {
    return seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(client + 1, 0x85ebca6b)) >>> 0);
}
function pick(random, items) {
    return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}
/** A copy of `items` in an order drawn from `random` (Fisher-Yates). */
function shuffleWith(random, items) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}
/**
 * An independent seed for one purpose, derived from the run's seed (FNV-1a over the purpose, mixed with the seed),
 * so the workload's choices and the partition's sides do not come from one shared sequence.
 */
function deriveSeed(seed, purpose) {
    let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < purpose.length; i++)
        h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193) >>> 0;
    return h % SEED_RANGE;
}
/** A seeded source of hex strings and whole numbers, the engine's kind of random source. */
function seededSource(seed) {
    const random = seededRandom(seed);
    return {
        hex: (n) => Array.from({ length: n }, () => Math.floor(random() * 256)
            .toString(16)
            .padStart(2, '0')).join(''),
        int: (max) => Math.min(max - 1, Math.floor(random() * max)),
    };
}
function runStreams(seed) {
    const values = new Map();
    // One generator for every partition of the run: each draws its own order (a fresh one per call would give every
    // partition of the run the same sides).
    const partition = seededRandom(deriveSeed(seed, 'partition'));
    return {
        seed,
        values: (stream) => {
            let source = values.get(stream);
            if (!source)
                values.set(stream, (source = seededSource(deriveSeed(seed, `values:${stream}`))));
            return source;
        },
        partition: (items) => shuffleWith(partition, items),
        schedule: deriveSeed(seed, 'schedule'),
        workload: deriveSeed(seed, 'workload'),
    };
}


/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QN: () => (/* binding */ isBadInput),
/* harmony export */   Wj: () => (/* binding */ toRunErrors),
/* harmony export */   cJ: () => (/* binding */ Cancelled)
/* harmony export */ });
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1318);
/* harmony import */ var _compose_driver_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2641);
// How whatever stopped a run becomes the result's errors: one per bad input, so each gets its own annotation.


class Cancelled extends Error {
    constructor() {
        super('The run was cancelled; the cluster was torn down.');
    }
}
function toRunErrors(error) {
    if (error instanceof _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d) {
        return error.problems.map((p) => ({ message: `${inputPrefix(p.input)}${p.message}`, fix: p.fix, input: p.input }));
    }
    if (error instanceof _compose_driver_js__WEBPACK_IMPORTED_MODULE_1__/* .SetupError */ .w3) {
        return [
            {
                message: error.message,
                fix: error.fix,
                ...(error.input ? { input: error.input } : {}),
                ...(error.detail ? { detail: error.detail } : {}),
            },
        ];
    }
    if (error instanceof Cancelled)
        return [{ message: error.message }];
    const e = error;
    return [{ message: `Unexpected error: ${e?.message ?? String(error)}` }];
}
function inputPrefix(input) {
    return `Input '${input}': `;
}
/**
 * Whether an error of a result is a bad input (an InputError, found before anything started or by a fault that could
 * not apply its input), not a setup problem that merely names an input (a busy port). Read off the shape made above,
 * so the report needs no field of its own for it; the CLI exits with its bad-input status on one.
 */
function isBadInput(error) {
    return error.input !== undefined && error.message.startsWith(inputPrefix(error.input));
}


/***/ }),

/***/ 6868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exitText: () => (/* binding */ exitText),
/* harmony export */   processExec: () => (/* binding */ processExec),
/* harmony export */   resultText: () => (/* binding */ resultText)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
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
// After SIGTERM, what a process group has to finish before SIGKILL: Compose stops its own work on SIGTERM, a
// program that ignores it gets no longer than this.
const KILL_GRACE_MS = 2000;
// A program may exit while something it started in the background still holds its stdout or stderr open; then
// 'close' would wait for that child. Output already written is read within milliseconds, so after the exit the
// run waits only while output keeps arriving (quiet for QUIET_MS), and never longer than AFTER_EXIT_MS.
const QUIET_MS = 200;
const AFTER_EXIT_MS = 2000;
// After SIGKILL the program's exit normally follows at once; one that cannot be reaped does not hold the run.
const AFTER_KILL_MS = 1000;
/** Sends `signal` to the whole process group of `pid`; false when the group is gone. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch (error) {
        if (error.code === 'ESRCH')
            return false;
        // No process groups here (not POSIX): the program itself at least.
        try {
            process.kill(pid, signal);
            return true;
        }
        catch {
            return false;
        }
    }
}
/** One started program: its output, its deadline, and how it is ended. */
class Running {
    child;
    options;
    resolve;
    out;
    err;
    started = performance.now();
    timers = [];
    quiet;
    kill;
    timedOut = false;
    stopping = false;
    settled = false;
    exit;
    onAbort = () => this.stop();
    constructor(child, options, resolve) {
        this.child = child;
        this.options = options;
        this.resolve = resolve;
        this.out = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
        this.err = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
    }
    watch() {
        const { child, options } = this;
        child.stdout.on('data', (c) => this.output(this.out, c));
        child.stderr.on('data', (c) => this.output(this.err, c));
        // Streams destroyed early may still report an error (EPIPE, reset): the result is already decided.
        child.stdout.on('error', () => undefined);
        child.stderr.on('error', () => undefined);
        child.on('error', (e) => this.finish(null, e.code ?? e.message));
        child.on('exit', (code) => this.exited(code));
        child.on('close', (code) => this.finish(this.exit?.code ?? code));
        if (options.timeoutMs) {
            this.later(options.timeoutMs, () => {
                this.timedOut = true;
                this.stop();
            });
        }
        options.signal?.addEventListener('abort', this.onAbort, { once: true });
        if (options.signal?.aborted)
            this.stop();
    }
    later(ms, fn) {
        this.timers.push(setTimeout(fn, ms));
    }
    output(buffer, chunk) {
        buffer.push(chunk);
        if (this.exit)
            this.quiet?.refresh();
    }
    exited(code) {
        this.exit = { code };
        this.quiet = setTimeout(() => this.finish(code), QUIET_MS);
        this.later(AFTER_EXIT_MS, () => this.finish(code));
    }
    /** Ends the whole group: children a shell or Compose started would otherwise outlive the deadline. */
    stop() {
        const pid = this.child.pid;
        if (this.stopping || pid === undefined)
            return;
        this.stopping = true;
        signalGroup(pid, 'SIGTERM');
        const grace = this.options.killGraceMs ?? KILL_GRACE_MS;
        // Not one of this.timers: it must still fire when the result was given before the group was gone.
        this.kill = setTimeout(() => signalGroup(pid, 0) && signalGroup(pid, 'SIGKILL'), grace);
        this.later(grace + AFTER_KILL_MS, () => this.finish(null));
    }
    finish(code, startError) {
        if (this.settled)
            return;
        this.settled = true;
        for (const t of this.timers)
            clearTimeout(t);
        clearTimeout(this.quiet);
        // Nothing left to kill: the pending SIGKILL would only hold Replicheck up.
        if (this.kill && this.child.pid !== undefined && !signalGroup(this.child.pid, 0))
            clearTimeout(this.kill);
        this.options.signal?.removeEventListener('abort', this.onAbort);
        // A grandchild may hold the pipes open for as long as it lives: stop reading rather than wait for it.
        this.child.stdout.destroy();
        this.child.stderr.destroy();
        this.resolve({
            code,
            stdout: this.out.text(),
            stderr: this.err.text(),
            truncated: this.out.truncated || this.err.truncated,
            timedOut: this.timedOut,
            ...(startError ? { startError } : {}),
            durationMs: performance.now() - this.started,
        });
    }
}
const processExec = {
    run(file, args, options = {}) {
        return new Promise((resolve) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], {
                cwd: options.cwd,
                env: options.env ? { ...process.env, ...options.env } : process.env,
                stdio: ['ignore', 'pipe', 'pipe'],
                // Its own process group: a Ctrl-C in a terminal reaches only Replicheck, which then stops what it started
                // in order (heal, then tear down) instead of Compose being interrupted halfway through; and a deadline or
                // a cancel can end the program together with everything it started.
                detached: true,
            });
            new Running(child, options, resolve).watch();
        });
    },
};
/** How a command ended: `exit 1`, `exit signal (timed out)`. */
function exitText(r) {
    return `exit ${r.code ?? 'signal'}${r.timedOut ? ' (timed out)' : ''}`;
}
/** The last `lines` lines of what a command printed (untrusted), or how it ended when it printed nothing. */
function resultText(r, lines = 5) {
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .tailText */ .QR)(`${r.stderr}\n${r.stdout}`.trim(), lines) || exitText(r);
}


/***/ }),

/***/ 3239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ FAKETIME_LIB),
/* harmony export */   FG: () => (/* binding */ clockOverride),
/* harmony export */   Io: () => (/* binding */ findFaketime),
/* harmony export */   RB: () => (/* binding */ resetClocks),
/* harmony export */   VU: () => (/* binding */ offsetText),
/* harmony export */   oK: () => (/* binding */ FAKETIME_DIRS),
/* harmony export */   sG: () => (/* binding */ resetClock),
/* harmony export */   sf: () => (/* binding */ setOffset)
/* harmony export */ });
/* unused harmony export readOffset */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
// Clock skew through libfaketime: the library from the host is mounted into the target's containers and preloaded
// (a compose override Replicheck adds before `up`), reading its offset from a file on the host that the fault
// rewrites: "+0" normally, "-30s" while the fault holds. It shifts the wall clock of dynamically linked glibc
// programs only (not static binaries such as most Go programs, nor musl images such as Alpine's); monotonic
// clocks and timers are left alone.



/** Where Debian, Ubuntu and others install the library (multiarch directories first). */
const FAKETIME_DIRS = [
    '/usr/lib/x86_64-linux-gnu/faketime',
    '/usr/lib/aarch64-linux-gnu/faketime',
    '/usr/lib64/faketime',
    '/usr/lib/faketime',
];
const FAKETIME_LIB = 'libfaketimeMT.so.1';
const IN_CONTAINER_LIB = '/replicheck-faketime';
const IN_CONTAINER_CLOCK = '/replicheck-clock';
async function findFaketime(exists) {
    for (const dir of FAKETIME_DIRS)
        if (await exists((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, FAKETIME_LIB)))
            return dir;
    return undefined;
}
/** The compose override that preloads libfaketime into `services`, each reading its own offset file. */
function clockOverride(services, libDir, clockDir) {
    const entries = Object.fromEntries(services.map((s) => [
        s,
        {
            volumes: [`${libDir}:${IN_CONTAINER_LIB}:ro`, `${clockDir}:${IN_CONTAINER_CLOCK}:ro`],
            environment: {
                LD_PRELOAD: `${IN_CONTAINER_LIB}/${FAKETIME_LIB}`,
                FAKETIME_TIMESTAMP_FILE: `${IN_CONTAINER_CLOCK}/${s}`,
                FAKETIME_NO_CACHE: '1',
                FAKETIME_DONT_FAKE_MONOTONIC: '1',
            },
        },
    ]));
    return `# Written by Replicheck for the clock fault; removed with the project.\n${(0,yaml__WEBPACK_IMPORTED_MODULE_2__.stringify)({ services: entries })}`;
}
/** `-30s`, `+5s`, `+0`: the offset as libfaketime reads it. */
function offsetText(seconds) {
    if (seconds === 0)
        return '+0';
    return `${seconds < 0 ? '-' : '+'}${Math.abs(seconds)}s`;
}
/** Writes a service's offset atomically (a rename), so the library never reads half a file. */
async function setOffset(clockDir, service, seconds) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(clockDir, { recursive: true });
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(clockDir, `.${service}.tmp`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tmp, `${offsetText(seconds)}\n`, { mode: 0o644 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(clockDir, service));
}
/** Puts every offset file back to +0; one line per file that would not. */
async function resetClocks(clockDir) {
    let names;
    try {
        names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(clockDir)).filter((n) => !n.startsWith('.') && !n.endsWith('.yml'));
    }
    catch {
        return [];
    }
    const problems = [];
    for (const service of names) {
        const problem = await resetClock(clockDir, service);
        if (problem)
            problems.push(problem);
    }
    return problems;
}
/** Puts one service's offset back to +0 and reads it back; what is wrong when it does not read +0. */
async function resetClock(clockDir, service) {
    await setOffset(clockDir, service, 0).catch(() => undefined);
    const now = await readOffset(clockDir, service);
    return now === '+0' ? undefined : `${service}'s clock offset file reads ${now ?? 'nothing'}`;
}
async function readOffset(clockDir, service) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(clockDir, service), 'utf8')).trim();
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PX: () => (/* binding */ commandFaultActions),
/* harmony export */   gs: () => (/* binding */ parseFaultCommands),
/* harmony export */   u3: () => (/* binding */ COMMAND_OUTPUT_LINES)
/* harmony export */ });
/* unused harmony exports shellQuote, fillCommand */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _exec_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6868);
/* harmony import */ var _kinds_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(577);
// Faults through the user's own commands (`fault-commands`), for clusters Replicheck does not start: a YAML mapping
// from fault kind to shell command templates, `{ apply: "...", heal: "..." }`, with `{target}` (the node's name)
// and `{url}` (its base URL) shell-quoted into place. A kind keeps its meaning for the checks (a stopped node does
// not answer, a partitioned one may), whatever the commands do.



/** Longest output kept of one command, in lines (the rest is cut). */
const COMMAND_OUTPUT_LINES = 40;
/** Parses the input; every problem is one sentence naming the kind. */
function parseFaultCommands(text) {
    if (text.trim() === '')
        return { commands: {}, problems: [] };
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parse)(text, { maxAliasCount: 10 });
    }
    catch (error) {
        return { commands: {}, problems: [`is not YAML: ${error.message.split('\n')[0]}`] };
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        return { commands: {}, problems: ['must be a mapping from fault kind to { apply, heal }'] };
    const commands = {};
    const problems = [];
    for (const [kind, entry] of Object.entries(doc)) {
        if (!(0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .isFaultKind */ .JI)(kind)) {
            problems.push(`'${kind}' is not a fault kind (${_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FAULT_KINDS */ .ln.join(', ')})`);
            continue;
        }
        const e = entry;
        if (typeof e !== 'object' || e === null || typeof e.apply !== 'string' || e.apply.trim() === '') {
            problems.push(`${kind} needs an apply command, e.g. ${kind}: { apply: "...", heal: "..." }`);
            continue;
        }
        if (e.heal !== undefined && typeof e.heal !== 'string') {
            problems.push(`${kind}: heal must be a command (a string)`);
            continue;
        }
        if (!(0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeKind */ .SB)(kind).healsItself && (e.heal === undefined || e.heal.trim() === '')) {
            const selfHealing = _kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FAULT_KINDS */ .ln.filter((k) => (0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeKind */ .SB)(k).healsItself).join(' and ');
            problems.push(`${kind} needs a heal command: every fault but ${selfHealing} must be undone`);
            continue;
        }
        const stray = [...`${e.apply} ${e.heal ?? ''}`.matchAll(/\{([A-Za-z_][\w-]*)\}/g)]
            .map((m) => m[1])
            .filter((n) => n !== 'target' && n !== 'url');
        if (stray.length > 0) {
            problems.push(`${kind} uses unknown placeholder(s) ${[...new Set(stray)].map((n) => `{${n}}`).join(', ')}; only {target} and {url} are filled in`);
            continue;
        }
        commands[kind] = { apply: e.apply, ...(typeof e.heal === 'string' && e.heal.trim() !== '' ? { heal: e.heal } : {}) };
    }
    return { commands, problems };
}
/** POSIX shell quoting: the value as one word, whatever it holds. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** A command line with `{target}` and `{url}` replaced by quoted values. */
function fillCommand(template, fill) {
    return template.replace(/\{(target|url)\}/g, (_, name) => shellQuote(fill[name]));
}
/** The exit always, then what it printed: a user reads it to see which of their commands went wrong. */
function said(r) {
    if (r.startError)
        return `could not start: ${r.startError}`;
    const printed = (0,_exec_process_js__WEBPACK_IMPORTED_MODULE_1__.resultText)(r);
    const exit = (0,_exec_process_js__WEBPACK_IMPORTED_MODULE_1__.exitText)(r);
    return printed === exit ? exit : `${exit}: ${printed}`;
}
function commandFaultActions(o) {
    let pending = 0;
    const run = async (command) => {
        const result = await o.exec.run('sh', ['-c', command], { cwd: o.cwd, timeoutMs: o.timeoutMs, maxBytes: 64 * 1024 });
        o.onRun({ command, result });
        return result;
    };
    return {
        async apply(spec, target) {
            const entry = o.commands[spec.kind];
            const url = o.urls.get(target);
            if (!entry)
                return { ok: false, detail: `fault-commands has no ${spec.kind} entry` };
            if (url === undefined)
                return { ok: false, detail: `no server is named ${target}` };
            const fill = { target, url };
            const heal = entry.heal ? fillCommand(entry.heal, fill) : undefined;
            const key = `${spec.kind}:${target}:${pending++}`;
            if (heal)
                o.onPending?.(key, { label: `${spec.name} ${target}`, command: heal });
            const applied = await run(fillCommand(entry.apply, fill));
            const healing = async () => {
                if (!heal)
                    return { ok: true, detail: `${spec.kind} ${target} needs no heal` };
                const r = await run(heal);
                if (r.code === 0)
                    o.onPending?.(key, undefined);
                return r.code === 0
                    ? { ok: true, detail: `ran the ${spec.kind} heal command for ${target}` }
                    : {
                        ok: false,
                        detail: `the ${spec.kind} heal command for ${target} failed (${said(r)}); ${target} may still be ` +
                            `${(0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeKind */ .SB)(spec.kind).words.stillState}: run it by hand: ${heal}`,
                    };
            };
            if (applied.code !== 0) {
                // It may have half-worked: undo what it may have done.
                if (heal)
                    await healing();
                return { ok: false, detail: `the ${spec.kind} apply command for ${target} failed (${said(applied)})` };
            }
            return {
                ok: true,
                fault: { description: `ran the ${spec.kind} command for ${target}${heal ? ', then its heal command' : ''}`, heal: healing },
            };
        },
        async applyGrudges(spec) {
            return { ok: false, detail: `${spec.name} needs Docker and is not available with cluster: external` };
        },
    };
}


/***/ }),

/***/ 2245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ netContainers),
/* harmony export */   Io: () => (/* binding */ healFilters),
/* harmony export */   Oz: () => (/* binding */ healEach),
/* harmony export */   gd: () => (/* binding */ serviceContainers),
/* harmony export */   s$: () => (/* binding */ cutFromPeers),
/* harmony export */   sc: () => (/* binding */ withPeers)
/* harmony export */ });
/* harmony import */ var _netns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5565);

async function netContainers(compose) {
    return (await compose.inspect()).flatMap((c) => {
        const service = c.Config?.Labels?.['com.docker.compose.service'];
        const pid = c.State?.Pid ?? 0;
        if (!service || pid <= 0)
            return [];
        const ips = Object.values(c.NetworkSettings?.Networks ?? {})
            .map((n) => n.IPAddress ?? '')
            .filter((ip) => ip !== '');
        return [{ id: c.Id, service, pid, ips }];
    });
}
async function serviceContainers(compose, service) {
    return (await compose.inspect()).filter((c) => c.Config?.Labels?.['com.docker.compose.service'] === service);
}
/** Undoes a namespace fault on every container given (each proving its namespace is back as it was). */
function healEach(ns, targets, undo, done) {
    return async () => {
        const outcomes = await Promise.all(targets.map(async (t) => ({ t, r: await undo(ns, t.pid) })));
        const bad = outcomes.filter((x) => !x.r.ok);
        return bad.length === 0
            ? { ok: true, detail: done }
            : { ok: false, detail: bad.map((x) => `${x.t.service}: ${x.r.detail}`).join('; ') };
    };
}
const healFilters = (ns, targets, what) => healEach(ns, targets, _netns_js__WEBPACK_IMPORTED_MODULE_0__/* .unfilter */ .wr, `${what}: packet filter rules removed`);
/** The service's containers, and the addresses of every other container of the project (its peers). */
async function withPeers(compose, service) {
    const all = await netContainers(compose);
    const mine = all.filter((c) => c.service === service);
    return mine.length === 0 ? undefined : { mine, peers: all.filter((c) => c.service !== service).flatMap((c) => c.ips) };
}
/** Drops between the service's containers and every other container: all of it, one way, or a share (`loss`). */
async function cutFromPeers(compose, ns, spec, service, how) {
    const found = await withPeers(compose, service);
    if (!found)
        return { ok: false, detail: `no running container of ${service} was found` };
    const { mine, peers } = found;
    const directions = spec.topology === 'one-way' ? ['in'] : ['in', 'out'];
    const drops = peers.flatMap((ip) => directions.map((direction) => ({ ip, direction })));
    const done = [];
    for (const c of mine) {
        const r = await (0,_netns_js__WEBPACK_IMPORTED_MODULE_0__/* .applyFilter */ .$h)(ns, c.pid, drops, spec.loss);
        if (!r.ok) {
            await healFilters(ns, done, service)();
            return { ok: false, detail: r.detail };
        }
        done.push(c);
    }
    return {
        ok: true,
        fault: { description: `${how(peers.length)} (iptables in its network namespace)`, heal: healFilters(ns, done, service) },
    };
}


/***/ }),

/***/ 577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ln: () => (/* binding */ FAULT_KINDS),
  SB: () => (/* binding */ describeKind),
  cV: () => (/* binding */ faultSyntax),
  JI: () => (/* binding */ isFaultKind),
  Nd: () => (/* binding */ parseFaultSpec),
  G: () => (/* binding */ parseFaultSpecs)
});

// UNUSED EXPORTS: KINDS, TOPOLOGIES, needsOf

// EXTERNAL MODULE: ./src/faults/clock.ts
var clock = __webpack_require__(3239);
;// CONCATENATED MODULE: ./src/faults/kinds/clock.ts

const DEFAULT_CLOCK_OFFSET_S = -30;
const MAX_CLOCK_OFFSET_S = 10 * 365 * 24 * 3600;
const clock_clock = {
    kind: 'clock',
    syntax: 'clock[:±Ns]',
    parse(param, item) {
        if (param === '')
            return { spec: { kind: 'clock', name: 'clock', clockOffsetS: DEFAULT_CLOCK_OFFSET_S } };
        const m = /^([+-])(\d+(?:\.\d+)?)s$/.exec(param);
        const s = m ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : NaN;
        if (!m || s === 0 || Math.abs(s) > MAX_CLOCK_OFFSET_S)
            return { problem: `'${item}': give a signed offset in seconds, e.g. clock:-30s or clock:+5s` };
        return { spec: { kind: 'clock', name: `clock:${m[1]}${m[2]}s`, clockOffsetS: s } };
    },
    words: { done: 'skewed', noun: 'clock skew', stillState: 'skewed' },
    answersWhileHeld: true,
    measuresOnly: false,
    healsItself: false,
    needs: ['faketime'],
    targetWritesLast: true,
    async apply({ clockDir }, spec, service) {
        if (!clockDir)
            return { ok: false, detail: 'the clock fault was not prepared before the cluster started' };
        const heal = async () => {
            const problem = await (0,clock/* resetClock */.sG)(clockDir, service);
            return problem ? { ok: false, detail: problem } : { ok: true, detail: `${service}'s clock offset back to +0` };
        };
        try {
            await (0,clock/* setOffset */.sf)(clockDir, service, spec.clockOffsetS ?? 0);
        }
        catch (error) {
            await heal().catch(() => undefined);
            return { ok: false, detail: `could not write the clock offset: ${error.message}` };
        }
        const description = `shifted ${service}'s wall clock by ${(0,clock/* offsetText */.VU)(spec.clockOffsetS ?? 0)} (libfaketime)`;
        return { ok: true, fault: { description, heal } };
    },
};

// EXTERNAL MODULE: ./src/exec/process.ts
var process = __webpack_require__(6868);
// EXTERNAL MODULE: ./src/faults/containers.ts
var faults_containers = __webpack_require__(2245);
// EXTERNAL MODULE: ./src/faults/kinds/types.ts
var types = __webpack_require__(6860);
;// CONCATENATED MODULE: ./src/faults/kinds/disconnect.ts



const SECOND = 1000;
const disconnect = {
    kind: 'disconnect',
    syntax: 'disconnect',
    parse: (0,types/* noParameter */.L)('disconnect'),
    words: { done: 'disconnected', noun: 'disconnect', stillState: 'disconnected' },
    answersWhileHeld: true,
    cutsPeers: true,
    measuresOnly: false,
    healsItself: false,
    needs: [],
    cutsNetworks: true,
    apply: ({ compose, exec, partitionNetworks }, _spec, service) => disconnectNetworks(compose, exec, service, partitionNetworks),
};
async function disconnectNetworks(compose, exec, service, wanted) {
    const containers = await (0,faults_containers/* serviceContainers */.gd)(compose, service);
    if (containers.length === 0)
        return { ok: false, detail: `no container of ${service} was found` };
    const plan = [];
    for (const c of containers) {
        const networks = c.NetworkSettings?.Networks ?? {};
        const { cut, missing } = networksToCut(Object.keys(networks), wanted, compose.project.name);
        if (missing.length > 0) {
            return {
                ok: false,
                input: 'partition-networks',
                detail: `${service} is not attached to ${missing.join(', ')} (it is on ${Object.keys(networks).join(', ') || 'no network'})`,
            };
        }
        for (const network of cut)
            plan.push({ container: c.Id, network, aliases: aliasesToRestore(networks[network]?.Aliases, c.Id) });
    }
    if (plan.length === 0)
        return { ok: false, detail: `${service} is attached to no network` };
    const done = [];
    const heal = async () => {
        const problems = [];
        for (const cut of done) {
            const args = ['network', 'connect', ...cut.aliases.flatMap((a) => ['--alias', a]), cut.network, cut.container];
            const r = await exec.run('docker', args, { timeoutMs: 30 * SECOND });
            // "already exists": someone (an earlier heal) reconnected it; the verification below decides.
            if (r.code !== 0 && !/already exists/i.test(r.stderr))
                problems.push(`connect ${cut.network}: ${(0,process.resultText)(r)}`);
        }
        // Verify: every cut network is back with every alias, so peers find the node by name again.
        const now = await (0,faults_containers/* serviceContainers */.gd)(compose, service);
        for (const cut of done) {
            const c = now.find((x) => x.Id === cut.container);
            const net = c?.NetworkSettings?.Networks?.[cut.network];
            if (!c)
                problems.push(`container ${cut.container.slice(0, 12)} is gone`);
            else if (!net)
                problems.push(`${cut.network} is still disconnected`);
            else {
                const missing = cut.aliases.filter((a) => !(net.Aliases ?? []).includes(a));
                if (missing.length > 0)
                    problems.push(`${cut.network} lacks alias(es) ${missing.join(', ')}`);
            }
        }
        const names = [...new Set(done.map((d) => d.network))].join(', ');
        return problems.length === 0
            ? { ok: true, detail: `reconnected ${service} to ${names} with its aliases` }
            : { ok: false, detail: problems.join('; ') };
    };
    for (const cut of plan) {
        const r = await exec.run('docker', ['network', 'disconnect', cut.network, cut.container], { timeoutMs: 30 * SECOND });
        if (r.code !== 0) {
            await heal();
            return { ok: false, detail: `docker network disconnect ${cut.network} failed: ${(0,process.resultText)(r)}` };
        }
        done.push(cut);
    }
    const names = [...new Set(plan.map((d) => d.network))].join(', ');
    return { ok: true, fault: { description: `docker network disconnect ${service} from ${names}, then reconnect with its aliases`, heal } };
}
/**
 * Which of a container's networks disconnect cuts. `wanted` empty: all of them. Names match the full network
 * name or the Compose name (`<project>_<name>`).
 */
function networksToCut(attached, wanted, project) {
    if (wanted.length === 0)
        return { cut: [...attached], missing: [] };
    const cut = [];
    const missing = [];
    for (const name of wanted) {
        const hit = attached.find((a) => a === name || a === `${project}_${name}`);
        if (hit === undefined)
            missing.push(name);
        else if (!cut.includes(hit))
            cut.push(hit);
    }
    return { cut, missing };
}
/** Aliases to restore on reconnect: what the container had, minus the short container id Docker adds itself. */
function aliasesToRestore(aliases, containerId) {
    const shortId = containerId.slice(0, 12);
    return [...new Set((aliases ?? []).filter((a) => a !== shortId && a !== containerId))];
}

// EXTERNAL MODULE: ./src/faults/lifecycle.ts
var lifecycle = __webpack_require__(4293);
;// CONCATENATED MODULE: ./src/faults/kinds/kill.ts
// kill: SIGKILL, with no time to flush or hand over leadership; `compose start` brings the target back.

const kill = (0,lifecycle/* verbKind */.I_)('kill', { done: 'killed', stillState: 'down', heal: 'start', racesWrites: true });

// EXTERNAL MODULE: ./src/faults/netns.ts
var faults_netns = __webpack_require__(5565);
;// CONCATENATED MODULE: ./src/faults/kinds/latency.ts
// latency:MS[/JITTER]: what the target sends to its peers is delayed (tc netem in its network namespace); clients'
// traffic is not. The link still works, only slower, so slow convergence is measured, not judged.


const MAX_DELAY_MS = 60_000;
const latency = {
    kind: 'latency',
    syntax: 'latency:MS[/JITTER]',
    parse(param, item) {
        const m = /^(\d+)(?:ms)?(?:\/(\d+)(?:ms)?)?$/.exec(param);
        const delay = m ? Number(m[1]) : NaN;
        const jitter = m?.[2] !== undefined ? Number(m[2]) : 0;
        if (!(delay > 0 && delay <= MAX_DELAY_MS) || jitter > delay) {
            return {
                problem: `'${item}': give the delay in ms (1 to ${MAX_DELAY_MS}) and optionally a jitter no larger than it, ` +
                    'e.g. latency:200 or latency:200/50',
            };
        }
        const name = `latency:${delay}${jitter ? `/${jitter}` : ''}`;
        return { spec: { kind: 'latency', name, delayMs: delay, ...(jitter ? { jitterMs: jitter } : {}) } };
    },
    words: { done: 'slowed down', noun: 'latency', stillState: 'slowed down' },
    answersWhileHeld: true,
    measuresOnly: true,
    healsItself: false,
    needs: ['netns', 'netem'],
    async apply({ compose, netns }, spec, service) {
        const found = await (0,faults_containers/* withPeers */.sc)(compose, service);
        if (!found)
            return { ok: false, detail: `no running container of ${service} was found` };
        const { mine, peers } = found;
        // undelay on a container the delay never reached finds nothing to remove, so a failed apply heals them all.
        const heal = (0,faults_containers/* healEach */.Oz)(netns, mine, faults_netns/* undelay */.xG, `${service}: queueing disciplines removed`);
        for (const c of mine) {
            const r = await (0,faults_netns/* applyDelay */.wm)(netns, c.pid, peers, spec.delayMs ?? 0, spec.jitterMs);
            if (!r.ok) {
                await heal();
                return { ok: false, detail: r.detail };
            }
        }
        const jitter = spec.jitterMs ? ` ± ${spec.jitterMs} ms` : '';
        return {
            ok: true,
            fault: { description: `delayed ${service}'s packets to its peers by ${spec.delayMs} ms${jitter} (tc netem)`, heal },
        };
    },
};

;// CONCATENATED MODULE: ./src/faults/kinds/loss.ts
// loss[:P%]: a share of the packets between the target and its peers dropped (iptables' statistic match), both ways.
// The link still works, only worse, so slow convergence is measured, not judged.

const DEFAULT_LOSS = 0.3;
const loss = {
    kind: 'loss',
    syntax: 'loss[:P%]',
    parse(param, item) {
        if (param === '')
            return { spec: { kind: 'loss', name: 'loss', loss: DEFAULT_LOSS } };
        const m = /^(\d+(?:\.\d+)?)%?$/.exec(param);
        const p = m ? Number(m[1]) : NaN;
        if (!(p > 0 && p < 100))
            return { problem: `'${item}': the loss must be a percentage above 0 and below 100, e.g. loss:30%` };
        return { spec: { kind: 'loss', name: `loss:${p}%`, loss: p / 100 } };
    },
    words: { done: 'losing packets', noun: 'loss', stillState: 'losing packets' },
    answersWhileHeld: true,
    measuresOnly: true,
    healsItself: false,
    needs: ['netns'],
    apply: ({ compose, netns }, spec, service) => (0,faults_containers/* cutFromPeers */.s$)(compose, netns, spec, service, (peers) => `dropped ${Math.round((spec.loss ?? 0) * 100)}% of ${service}'s packets to and from its ${peers} peer address(es)`),
};

// EXTERNAL MODULE: ./src/faults/kinds/partition.ts
var partition = __webpack_require__(5827);
;// CONCATENATED MODULE: ./src/faults/kinds/pause.ts
// pause: the target's processes are frozen (cgroup freezer); connections stay open and requests hang.

const pause = (0,lifecycle/* verbKind */.I_)('pause', { done: 'paused', stillState: 'paused', heal: 'unpause', racesWrites: false });

;// CONCATENATED MODULE: ./src/faults/kinds/restart.ts
// restart: the target's containers restarted. It heals itself: the fault holds for as long as the restart takes.

const restart = {
    kind: 'restart',
    syntax: 'restart',
    parse: (0,types/* noParameter */.L)('restart'),
    words: { done: 'restarted', noun: 'restart', stillState: 'restarting' },
    answersWhileHeld: false,
    measuresOnly: false,
    healsItself: true,
    racesWrites: false,
    needs: [],
    async apply({ lifecycle }, _spec, service) {
        const running = lifecycle.verb('restart', service);
        return { ok: true, fault: { description: `${lifecycle.via} restart ${service}`, heal: () => running } };
    },
};

;// CONCATENATED MODULE: ./src/faults/kinds/stop.ts
// stop: the target's processes get SIGTERM and time to stop cleanly; `compose start` brings them back.

const stop = (0,lifecycle/* verbKind */.I_)('stop', { done: 'stopped', stillState: 'down', heal: 'start', racesWrites: true });

;// CONCATENATED MODULE: ./src/faults/kinds/index.ts
// The registry of fault kinds: one line a kind. A descriptor's `kind` must equal its key (the compiler checks), the
// list of kinds `faults` accepts is this registry's keys, and everything that differs between kinds is asked of
// the descriptor, so adding a kind is its file in this folder and its line here.










function registry(kinds) {
    return kinds;
}
const KINDS = registry({ restart: restart, stop: stop, kill: kill, pause: pause, partition: partition/* partition */.jB, disconnect: disconnect, loss: loss, latency: latency, clock: clock_clock });
const FAULT_KINDS = Object.keys(KINDS);
function describeKind(kind) {
    return KINDS[kind];
}
function isFaultKind(name) {
    return Object.hasOwn(KINDS, name);
}
/** Parses `faults` entries in order (repeats kept); every entry that is not a fault is one problem sentence. */
function parseFaultSpecs(items) {
    const specs = [];
    const problems = [];
    for (const item of items) {
        const r = parseFaultSpec(item);
        if ('problem' in r)
            problems.push(r.problem);
        else
            specs.push(r.spec);
    }
    return { specs, problems };
}
function parseFaultSpec(item) {
    const [rawKind, ...rest] = item.split(':');
    const kind = (rawKind ?? '').trim().toLowerCase();
    if (!isFaultKind(kind))
        return { problem: `'${item}' is not a fault` };
    return describeKind(kind).parse(rest.join(':').trim(), item);
}
/** How `faults` may write each kind, for an input error's fix. */
function faultSyntax() {
    return FAULT_KINDS.map((k) => KINDS[k].syntax).join(', ');
}
/** Everything the given faults need of the machine, each need once. */
function needsOf(specs) {
    return new Set(specs.flatMap((s) => KINDS[s.kind].needs));
}


/***/ }),

/***/ 5827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ topologyGrudges),
/* harmony export */   O9: () => (/* binding */ isClusterWide),
/* harmony export */   gl: () => (/* binding */ applyGrudges),
/* harmony export */   jB: () => (/* binding */ partition)
/* harmony export */ });
/* harmony import */ var _containers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2245);
/* harmony import */ var _netns_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5565);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6860);



const partition = {
    kind: 'partition',
    syntax: `partition[:${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .TOPOLOGIES */ .Q.join('|')}]`,
    parse(param, item) {
        if (param === '')
            return { spec: { kind: 'partition', name: 'partition' } };
        const topology = param.toLowerCase();
        if (!_types_js__WEBPACK_IMPORTED_MODULE_2__/* .TOPOLOGIES */ .Q.includes(topology)) {
            return { problem: `'${item}': '${param}' is not a partition topology (${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .TOPOLOGIES */ .Q.join(', ')})` };
        }
        return { spec: { kind: 'partition', name: `partition:${topology}`, topology } };
    },
    words: { done: 'partitioned', noun: 'partition', stillState: 'partitioned' },
    answersWhileHeld: true,
    cutsPeers: true,
    measuresOnly: false,
    healsItself: false,
    needs: ['netns'],
    apply: ({ compose, netns }, spec, service) => (0,_containers_js__WEBPACK_IMPORTED_MODULE_0__/* .cutFromPeers */ .s$)(compose, netns, spec, service, (peers) => spec.topology === 'one-way'
        ? `${service} receives nothing from its ${peers} peer address(es); what it sends still arrives`
        : `cut ${service} off from its ${peers} peer address(es), both ways; clients still reach it`),
};
/** Topologies that cut the whole cluster rather than one target. */
function isClusterWide(spec) {
    return spec.topology !== undefined && spec.topology !== 'one-way';
}
function topologyGrudges(topology, n) {
    const all = Array.from({ length: n }, (_, i) => i);
    const both = (a, b) => a.flatMap((x) => b.flatMap((y) => [
        [x, y],
        [y, x],
    ]));
    switch (topology) {
        case 'halves': {
            const cut = Math.floor(n / 2);
            const [a, b] = [all.slice(0, cut), all.slice(cut)];
            return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}]` };
        }
        case 'bridge': {
            // Two halves that cannot talk, and one node (the last) that talks to both.
            const rest = all.slice(0, n - 1);
            const cut = Math.floor(rest.length / 2);
            const [a, b] = [rest.slice(0, cut), rest.slice(cut)];
            return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}], bridged by ${n - 1}` };
        }
        case 'majorities-ring': {
            // In a ring every node hears from the nodes closest to it, just enough for a majority, and no two nodes
            // hear from the same set. With symmetric links that needs five nodes or more; below that (three or four)
            // each node hears only from the nodes after it, which keeps every heard set a majority and all different.
            const majority = Math.floor(n / 2) + 1;
            const reach = Math.ceil((majority - 1) / 2);
            const symmetric = 2 * reach + 1 < n && n >= 5;
            const drops = [];
            for (const i of all) {
                for (const j of all) {
                    if (i === j)
                        continue;
                    const d = symmetric ? Math.min((j - i + n) % n, (i - j + n) % n) : (j - i + n) % n;
                    if (d > (symmetric ? reach : majority - 1))
                        drops.push([i, j]);
                }
            }
            return {
                drops,
                sides: symmetric
                    ? `each node hears its ${reach} neighbour(s) on each side`
                    : `each node hears the ${majority - 1} node(s) after it`,
            };
        }
    }
}
/** Cluster-wide partitions: each service drops what it receives from the services it holds a grudge against. */
async function applyGrudges(compose, ns, spec, grudges) {
    const all = await (0,_containers_js__WEBPACK_IMPORTED_MODULE_0__/* .netContainers */ .GY)(compose);
    const touched = [];
    for (const c of all) {
        const from = grudges.filter(([a]) => a === c.service).map(([, b]) => b);
        if (from.length === 0)
            continue;
        const drops = all.filter((x) => from.includes(x.service)).flatMap((x) => x.ips.map((ip) => ({ ip, direction: 'in' })));
        const r = await (0,_netns_js__WEBPACK_IMPORTED_MODULE_1__/* .applyFilter */ .$h)(ns, c.pid, drops);
        if (!r.ok) {
            await (0,_containers_js__WEBPACK_IMPORTED_MODULE_0__/* .healFilters */ .Io)(ns, touched, spec.name)();
            return { ok: false, detail: `${c.service}: ${r.detail}` };
        }
        touched.push(c);
    }
    const text = grudges.map(([a, b]) => `${a}<-${b}`).join(', ');
    return {
        ok: true,
        fault: { description: `${spec.name}: dropped ${text} (iptables in each network namespace)`, heal: (0,_containers_js__WEBPACK_IMPORTED_MODULE_0__/* .healFilters */ .Io)(ns, touched, spec.name) },
    };
}


/***/ }),

/***/ 6860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ noParameter),
/* harmony export */   Q: () => (/* binding */ TOPOLOGIES)
/* harmony export */ });
/** Partitions over all of the project's nodes (fault-targets ignored), and the one-way cut of a target. */
const TOPOLOGIES = ['halves', 'majorities-ring', 'bridge', 'one-way'];
/** The parse of a kind that takes no parameter. */
function noParameter(kind) {
    return (param, item) => (param === '' ? { spec: { kind, name: kind } } : { problem: `'${item}': ${kind} takes no parameter` });
}


/***/ }),

/***/ 4293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I_: () => (/* binding */ verbKind),
/* harmony export */   Lh: () => (/* binding */ composeLifecycle),
/* harmony export */   Z_: () => (/* binding */ engineLifecycle)
/* harmony export */ });
/* unused harmony export verbFault */
/* harmony import */ var _exec_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6868);
/* harmony import */ var _kinds_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6860);


function composeLifecycle(compose) {
    return {
        via: 'compose',
        async verb(verb, service) {
            const r = await (verb === 'restart' ? compose.restart(service) : compose.serviceCommand(verb, service));
            return {
                ok: r.code === 0,
                detail: r.code === 0 ? `compose ${verb} ${service}` : `compose ${verb} ${service} failed: ${(0,_exec_process_js__WEBPACK_IMPORTED_MODULE_0__.resultText)(r)}`,
            };
        },
        prepare: async () => undefined,
    };
}
/**
 * Every container of the service at once; ids come from Compose's labels (one-off `run` containers left out), looked
 * up ahead, again when none was found, and again for the ones the engine no longer knows (recreated: 404).
 */
function engineLifecycle(api, compose) {
    const ids = new Map();
    const lookUp = async (service) => {
        const found = (await compose.inspect())
            .filter((c) => c.Config?.Labels?.['com.docker.compose.service'] === service && c.Config?.Labels?.['com.docker.compose.oneoff'] !== 'True')
            .map((c) => c.Id);
        if (found.length > 0)
            ids.set(service, found);
        return found;
    };
    return {
        via: 'docker engine API',
        async verb(verb, service) {
            const containers = ids.get(service) ?? (await lookUp(service));
            if (containers.length === 0)
                return { ok: false, detail: `no container of ${service} was found` };
            let outcomes = await Promise.all(containers.map(async (id) => ({ id, o: await api.containerVerb(id, verb) })));
            const stale = outcomes.filter((x) => !x.o.ok && / 404: /.test(x.o.detail));
            if (stale.length > 0) {
                // Only the stale ones again, under their new ids: the others already did it.
                const fresh = (await lookUp(service)).filter((id) => !containers.includes(id));
                const retried = await Promise.all(fresh.map(async (id) => ({ id, o: await api.containerVerb(id, verb) })));
                outcomes = [...outcomes.filter((x) => !stale.includes(x)), ...retried];
            }
            if (outcomes.length === 0)
                return { ok: false, detail: `no container of ${service} is left` };
            const bad = outcomes.filter((x) => !x.o.ok);
            return bad.length === 0
                ? { ok: true, detail: `docker engine API ${verb} ${service}` }
                : { ok: false, detail: bad.map((x) => x.o.detail).join('; ') };
        },
        prepare: async (service) => void (await lookUp(service)),
    };
}
async function verbFault(lifecycle, service, apply, heal) {
    const a = await lifecycle.verb(apply, service);
    // Even a failed apply may have half-worked (one of two replicas paused): heal anyway.
    if (!a.ok) {
        await lifecycle.verb(heal, service);
        return { ok: false, detail: a.detail };
    }
    const description = `${lifecycle.via} ${apply} ${service}, then ${heal}`;
    return { ok: true, fault: { description, heal: () => lifecycle.verb(heal, service) } };
}
/** A kind that one verb applies and another undoes; clients cannot reach the target while it holds. */
function verbKind(kind, o) {
    return {
        kind,
        syntax: kind,
        parse: (0,_kinds_types_js__WEBPACK_IMPORTED_MODULE_1__/* .noParameter */ .L)(kind),
        words: { done: o.done, noun: kind, stillState: o.stillState },
        answersWhileHeld: false,
        measuresOnly: false,
        healsItself: false,
        racesWrites: o.racesWrites,
        needs: [],
        apply: ({ lifecycle }, _spec, service) => verbFault(lifecycle, service, kind, o.heal),
    };
}


/***/ }),

/***/ 5565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ applyFilter),
/* harmony export */   Sl: () => (/* binding */ probeNetem),
/* harmony export */   Vs: () => (/* binding */ netnsRunner),
/* harmony export */   wm: () => (/* binding */ applyDelay),
/* harmony export */   wr: () => (/* binding */ unfilter),
/* harmony export */   xG: () => (/* binding */ undelay)
/* harmony export */ });
/* unused harmony exports CHAIN, filterCommands, unfilterCommands, delayCommands, interfaces */
/* harmony import */ var _exec_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6868);
// Faults inside a container's network namespace, entered from the host with nsenter: packet filters (iptables) for
// partitions and loss, queueing disciplines (tc netem) for latency. Everything Replicheck adds lives in one chain
// (REPLICHECK) hooked first into INPUT and OUTPUT, and one root qdisc, so healing removes exactly that and the
// namespace can be proven back as it was. Root runs the tools directly; anyone else through `sudo -n` (GitHub's
// hosted runners give the runner user passwordless sudo).

const CHAIN = 'REPLICHECK';
const SECOND = 1000;
function netnsRunner(exec, asRoot) {
    const wrap = (argv) => (asRoot ? [argv[0], argv.slice(1)] : ['sudo', ['-n', ...argv]]);
    return {
        run: (pid, argv) => {
            const [file, args] = wrap(['nsenter', '-t', String(pid), '-n', ...argv]);
            return exec.run(file, args, { timeoutMs: 20 * SECOND });
        },
        root: (argv) => {
            const [file, args] = wrap(argv);
            return exec.run(file, args, { timeoutMs: 20 * SECOND });
        },
    };
}
/** The iptables commands that set up the chain with these drops (pure, so the exact rules are tested). */
function filterCommands(drops, loss) {
    const chance = loss !== undefined ? ['-m', 'statistic', '--mode', 'random', '--probability', String(loss)] : [];
    return [
        ['iptables', '-w', '-N', CHAIN],
        ['iptables', '-w', '-I', 'INPUT', '1', '-j', CHAIN],
        ['iptables', '-w', '-I', 'OUTPUT', '1', '-j', CHAIN],
        ...drops.map((d) => ['iptables', '-w', '-A', CHAIN, d.direction === 'in' ? '-s' : '-d', `${d.ip}/32`, ...chance, '-j', 'DROP']),
    ];
}
/** The commands that remove the chain again, in an order that works from any partial state. */
function unfilterCommands() {
    return [
        ['iptables', '-w', '-D', 'INPUT', '-j', CHAIN],
        ['iptables', '-w', '-D', 'OUTPUT', '-j', CHAIN],
        ['iptables', '-w', '-F', CHAIN],
        ['iptables', '-w', '-X', CHAIN],
    ];
}
/** Delay (and jitter) on what the namespace sends to these addresses: a prio qdisc whose 4th band is netem. */
function delayCommands(iface, peers, delayMs, jitterMs = 0) {
    return [
        [
            'tc',
            'qdisc',
            'add',
            'dev',
            iface,
            'root',
            'handle',
            '1:',
            'prio',
            'bands',
            '4',
            'priomap',
            '1',
            '2',
            '2',
            '2',
            '1',
            '2',
            '0',
            '0',
            '1',
            '1',
            '1',
            '1',
            '1',
            '1',
            '1',
            '1',
        ],
        [
            'tc',
            'qdisc',
            'add',
            'dev',
            iface,
            'parent',
            '1:4',
            'handle',
            '40:',
            'netem',
            'delay',
            `${delayMs}ms`,
            ...(jitterMs ? [`${jitterMs}ms`] : []),
        ],
        ...peers.map((ip) => [
            'tc',
            'filter',
            'add',
            'dev',
            iface,
            'parent',
            '1:',
            'protocol',
            'ip',
            'prio',
            '1',
            'u32',
            'match',
            'ip',
            'dst',
            `${ip}/32`,
            'flowid',
            '1:4',
        ]),
    ];
}
/** Runs the commands in order; at the first that fails, undoes whatever they added and says which failed. */
async function runOrUndo(ns, pid, commands, undo) {
    for (const argv of commands) {
        const r = await ns.run(pid, argv);
        if (r.code !== 0) {
            await undo(ns, pid);
            return { ok: false, detail: `${argv.join(' ')} failed: ${(0,_exec_process_js__WEBPACK_IMPORTED_MODULE_0__.resultText)(r, 3)}` };
        }
    }
    return { ok: true };
}
/** Applies the drops; on any failure removes what it added and says why. */
async function applyFilter(ns, pid, drops, loss) {
    await unfilter(ns, pid); // a leftover chain from a killed run must not make -N fail
    return runOrUndo(ns, pid, filterCommands(drops, loss), unfilter);
}
/** Removes the chain (each step may fail when that part is already gone), then proves it is gone. */
async function unfilter(ns, pid) {
    for (const argv of unfilterCommands()) {
        // A hook may have been added twice by a retried apply: delete until it is not there (bounded).
        for (let i = 0; i < (argv[2] === '-D' ? 4 : 1); i++)
            if ((await ns.run(pid, argv)).code !== 0)
                break;
    }
    const left = await ns.run(pid, ['iptables', '-w', '-S']);
    if (left.code !== 0)
        return { ok: false, detail: `iptables -S failed: ${(0,_exec_process_js__WEBPACK_IMPORTED_MODULE_0__.resultText)(left, 3)}` };
    return left.stdout.includes(CHAIN)
        ? { ok: false, detail: `rules of ${CHAIN} are still there` }
        : { ok: true, detail: 'packet filter rules removed' };
}
/** Network interfaces of the namespace other than loopback. */
async function interfaces(ns, pid) {
    const r = await ns.run(pid, ['ip', '-o', 'link', 'show']);
    if (r.code !== 0)
        return [];
    return [...r.stdout.matchAll(/^\d+:\s+([^:@\s]+)/gm)].map((m) => m[1]).filter((n) => n !== 'lo');
}
async function applyDelay(ns, pid, peers, delayMs, jitterMs) {
    const commands = (await interfaces(ns, pid)).flatMap((iface) => delayCommands(iface, peers, delayMs, jitterMs));
    return runOrUndo(ns, pid, commands, undelay);
}
async function undelay(ns, pid) {
    const problems = [];
    for (const iface of await interfaces(ns, pid)) {
        await ns.run(pid, ['tc', 'qdisc', 'del', 'dev', iface, 'root']);
        const left = await ns.run(pid, ['tc', 'qdisc', 'show', 'dev', iface]);
        if (/netem|prio 1:/.test(left.stdout))
            problems.push(`${iface} still has ${left.stdout.trim()}`);
    }
    return problems.length === 0 ? { ok: true, detail: 'queueing disciplines removed' } : { ok: false, detail: problems.join('; ') };
}
/**
 * Whether this kernel has the netem queueing discipline: tried in a network namespace of its own that is gone
 * with the command (`unshare -n`), so nothing on the machine changes.
 */
async function probeNetem(ns) {
    const r = await ns.root(['unshare', '-n', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
    return r.code === 0 ? { ok: true, detail: 'netem is available' } : { ok: false, detail: (0,_exec_process_js__WEBPACK_IMPORTED_MODULE_0__.resultText)(r, 3) };
}


/***/ }),

/***/ 7580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DC: () => (/* binding */ formatSchedule),
/* harmony export */   R3: () => (/* binding */ sortEntries),
/* harmony export */   W0: () => (/* binding */ isExplicitSchedule),
/* harmony export */   nP: () => (/* binding */ parseSchedule)
/* harmony export */ });
/* unused harmony exports MAX_SCHEDULE_S, MAX_SCHEDULE_LINES, CLUSTER_TARGET, entryTarget, formatSeconds, formatEntry */
/* harmony import */ var _kinds_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(577);
/* harmony import */ var _kinds_partition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5827);
// Explicit fault schedules (pure): `fault-schedule` as lines `at <T>s <fault> <target> for <D>s`, parsed and
// printed here, so a random schedule can print itself in the form a user pastes back, and a shrunk one can be
// handed out as an output. parse(format(x)) gives x back for every schedule this module accepts.


/** The longest a scheduled fault may start after the workload began, or hold: an hour, as other time inputs. */
const MAX_SCHEDULE_S = 3600;
/** Past this many lines a schedule is refused: every line is a window the run holds open. */
const MAX_SCHEDULE_LINES = 200;
/** The target of a fault that splits the whole cluster (partition:halves, :majorities-ring, :bridge). */
const CLUSTER_TARGET = 'cluster';
const EXAMPLE = 'at 1s pause kv_2 for 5s';
const FIX = `Write each line as 'at <T>s <fault> <target> for <D>s', e.g. '${EXAMPLE}'; separate lines with newlines or ';'.`;
/** True when the input is a list of schedule lines rather than the name of a schedule (sequence, random). */
function isExplicitSchedule(text) {
    return /^\s*at\s/i.test(text);
}
/** How the schedule's target is written: `cluster`, one service, or services joined by `+`. */
function entryTarget(entry) {
    return entry.services.length === 0 ? CLUSTER_TARGET : entry.services.join('+');
}
/** Seconds as the schedule writes them: up to three decimals, no trailing zeros (1500 ms is `1.5s`). */
function formatSeconds(ms) {
    return `${Math.round(ms) / 1000}s`;
}
function formatEntry(e) {
    return `at ${formatSeconds(e.atMs)} ${e.spec.name} ${entryTarget(e)} for ${formatSeconds(e.forMs)}`;
}
/** One line per fault, in start order (ties: as given), joined by `separator` (`; ` fits a command line). */
function formatSchedule(entries, separator = '\n') {
    return sortEntries(entries).map(formatEntry).join(separator);
}
function sortEntries(entries) {
    return entries
        .map((e, i) => ({ e, i }))
        .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
        .map((x) => x.e);
}
/** Parses every line (newline- or `;`-separated; blank ones skipped); each bad line is one problem naming it. */
function parseSchedule(text) {
    const lines = text
        .split(/[\n;]/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const entries = [];
    const problems = [];
    if (lines.length > MAX_SCHEDULE_LINES) {
        const fix = `Keep the schedule to at most ${MAX_SCHEDULE_LINES} faults, or use fault-schedule 'random'.`;
        return { entries, problems: [{ line: lines[MAX_SCHEDULE_LINES], message: `has ${lines.length} lines.`, fix }] };
    }
    for (const line of lines) {
        const r = parseLine(line);
        if ('problem' in r)
            problems.push({ line, ...r.problem });
        else
            entries.push(r.entry);
    }
    return { entries, problems };
}
function parseLine(line) {
    const words = line.split(/\s+/);
    if (words.length !== 6 || words[0].toLowerCase() !== 'at' || words[4].toLowerCase() !== 'for') {
        return { problem: { message: 'is not a schedule line.', fix: FIX } };
    }
    const [, at, fault, target, , hold] = words;
    const atMs = seconds(at, true);
    if (atMs === undefined) {
        return {
            problem: { message: `'${at}' is not a start time.`, fix: `Give seconds from 0 to ${MAX_SCHEDULE_S} with an s, e.g. 'at 1.5s'.` },
        };
    }
    const forMs = seconds(hold, false);
    if (forMs === undefined) {
        const fix = `Give a positive number of seconds up to ${MAX_SCHEDULE_S} with an s, e.g. 'for 5s'.`;
        return { problem: { message: `'${hold}' is not a duration.`, fix } };
    }
    const parsed = (0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFaultSpec */ .Nd)(fault);
    if ('problem' in parsed) {
        return { problem: { message: `${parsed.problem}.`, fix: `Use any of: ${(0,_kinds_index_js__WEBPACK_IMPORTED_MODULE_0__/* .faultSyntax */ .cV)()}; e.g. '${EXAMPLE}'.` } };
    }
    const services = parseTarget(target, parsed.spec);
    if ('problem' in services)
        return { problem: services.problem };
    return { entry: { atMs, spec: parsed.spec, services: services.services, forMs } };
}
function parseTarget(target, spec) {
    const wide = (0,_kinds_partition_js__WEBPACK_IMPORTED_MODULE_1__/* .isClusterWide */ .O9)(spec);
    if (target.toLowerCase() === CLUSTER_TARGET) {
        if (wide)
            return { services: [] };
        const fix = `Name the service(s) to fault, e.g. 'at 1s ${spec.name} kv_2 for 5s'; ` +
            "only partition:halves, :majorities-ring and :bridge take 'cluster'.";
        return { problem: { message: `${spec.name} acts on services, not on the whole cluster.`, fix } };
    }
    if (wide) {
        const fix = `Write 'cluster' as its target, e.g. 'at 1s ${spec.name} cluster for 5s'.`;
        return { problem: { message: `${spec.name} splits the whole cluster, so it takes no service ('${target}').`, fix } };
    }
    const services = target.split('+');
    if (services.some((s) => s === '')) {
        return { problem: { message: `'${target}' has an empty name beside a '+'.`, fix: "Join services with '+', e.g. kv_0+kv_2." } };
    }
    const twice = [...new Set(services.filter((s, i) => services.indexOf(s) !== i))];
    if (twice.length > 0) {
        const fix = `Name each service once, e.g. ${[...new Set(services)].join('+')}.`;
        return { problem: { message: `'${target}' names ${twice.join(', ')} more than once.`, fix } };
    }
    return { services };
}
/** `1.5s` as 1500 ms; undefined unless it is a number of seconds with an `s`, in range (0 allowed for a start). */
function seconds(text, zeroAllowed) {
    const m = /^(\d+(?:\.\d+)?)s$/i.exec(text);
    if (!m)
        return undefined;
    const ms = Math.round(Number(m[1]) * 1000);
    if (!Number.isFinite(ms) || ms > MAX_SCHEDULE_S * 1000 || (!zeroAllowed && ms <= 0))
        return undefined;
    return ms;
}


/***/ }),

/***/ 1318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** Every problem found in the inputs, so the user can fix them all in one go. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.map((p) => `Input '${p.input}': ${p.message} ${p.fix}`).join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}


/***/ }),

/***/ 1693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pu: () => (/* binding */ resolveWriters),
/* harmony export */   yy: () => (/* binding */ parseWriters)
/* harmony export */ });
/* unused harmony export namesNode */
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8463);

/** undefined: the input is empty, and every node takes writes. */
function parseWriters(value, servers, cluster, fail) {
    const items = [...new Set((0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .ry)(value))];
    if (items.length === 0)
        return undefined;
    const entries = [];
    const unknown = [];
    for (const text of items) {
        if (text.includes('://')) {
            const url = serverUrl(text, servers);
            if (url === undefined)
                unknown.push(text);
            else
                entries.push({ text, url });
            continue;
        }
        // With cluster: compose, a name may be a service that an unnamed server maps to: known once the project is.
        if (cluster === 'external' && !servers.some((s) => s.name === text))
            unknown.push(text);
        else
            entries.push({ text });
    }
    if (unknown.length > 0) {
        const names = servers.flatMap((s) => (s.name ? [s.name] : []));
        fail(`${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'names no node' : 'name no node'} of servers.`, cluster === 'external'
            ? `Name a server (name=url in servers) or give its URL as listed${names.length > 0 ? `: ${names.join(', ')}` : ''}.`
            : 'Give the service of a server (e.g. primary), a server name (name=url in servers), or a URL as listed in servers.');
    }
    return entries;
}
/** The listed server a URL entry names, compared as servers.ts normalises them; undefined when none. */
function serverUrl(text, servers) {
    const plain = text.replace(/\/+$/, '');
    const hit = servers.find((s) => s.url === text || s.url === plain || sameUrl(s.url, text));
    return hit?.url;
}
function sameUrl(a, b) {
    try {
        const x = new URL(a);
        const y = new URL(b);
        const norm = (u) => `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
        return norm(x) === norm(y);
    }
    catch {
        return false;
    }
}
/** Whether an entry names this node: by URL, by its name or label, or by its service. */
function namesNode(entry, node) {
    if (entry.url !== undefined)
        return node.url === entry.url;
    return node.label === entry.text || node.service === entry.text;
}
/**
 * The writers among the nodes, in the nodes' order, and the entries that name none of them. Without entries every
 * node is a writer.
 */
function resolveWriters(entries, nodes) {
    if (entries === undefined)
        return { writers: [...nodes], unmatched: [] };
    const writers = nodes.filter((n) => entries.some((e) => namesNode(e, n)));
    const unmatched = entries.filter((e) => !nodes.some((n) => namesNode(e, n))).map((e) => e.text);
    return { writers, unmatched };
}


/***/ }),

/***/ 2960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ decideVerdict),
/* harmony export */   Ao: () => (/* binding */ maxConvergence),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION)
/* harmony export */ });
// The one result model. The engine fills it; every reporter (step summary, annotations, outputs, JSON report,
// terminal) only reads it. Plain data, so it serialises as the JSON report unchanged.
const SCHEMA_VERSION = 1;
/** The run fails when any check failed or the run could not be carried out; skipped checks do not fail it. */
function decideVerdict(checks, errors) {
    if (errors.length > 0)
        return 'failed';
    return checks.some((c) => c.status === 'failed') ? 'failed' : 'passed';
}
function maxConvergence(matrix) {
    let max = null;
    for (const row of matrix.ms)
        for (const v of row)
            if (v !== null && (max === null || v > max))
                max = v;
    return max;
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
