export const id = 171;
export const ids = [171,384];
export const modules = {

/***/ 1384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPOSE_DEFAULT_NAMES: () => (/* binding */ COMPOSE_DEFAULT_NAMES),
  locateServices: () => (/* binding */ locateServices),
  nodeFiles: () => (/* binding */ nodeFiles),
  resolveComposeFiles: () => (/* binding */ resolveComposeFiles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/config/options.ts + 4 modules
var config_options = __webpack_require__(6225);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/compose/lines.ts
// Finds the line of each service in a compose file, so an annotation about a service lands on its definition
// in the pull request diff. The yaml parser gives positions; Compose itself stays the authority on meaning.

function serviceLines(text) {
    const lines = new Map();
    const counter = new dist/* LineCounter */.HN();
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, uniqueKeys: false });
    }
    catch {
        return lines;
    }
    const services = doc.get('services', true);
    if (!(0,dist/* isMap */.jh)(services))
        return lines;
    for (const pair of services.items) {
        const key = pair.key;
        if ((0,dist/* isScalar */.jn)(key) && key.range) {
            lines.set(String(key.value), counter.linePos(key.range[0]).line);
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/engine/files.ts
// Resolves compose files as Compose would, and reads where each service is defined. Runs before anything starts.




/** Compose's own order of default file names. */
const COMPOSE_DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const nodeFiles = {
    exists: (path) => (0,promises_.access)(path, promises_.constants.R_OK).then(() => true, () => false),
    readText: (path) => (0,promises_.readFile)(path, 'utf8'),
};
async function resolveComposeFiles(options, files, cwd) {
    const directory = (0,external_node_path_.isAbsolute)(options.workingDirectory) ? options.workingDirectory : (0,external_node_path_.resolve)(cwd, options.workingDirectory);
    if (!(await files.exists(directory))) {
        throw new config_options/* InputError */.dz([{ input: 'working-directory', message: `'${options.workingDirectory}' does not exist.`, fix: 'Point it at the folder that holds the compose file.' }]);
    }
    if (options.composeFileDefaulted) {
        const primary = (0,external_node_path_.resolve)(directory, options.composeFiles[0]);
        if (await files.exists(primary))
            return { directory, files: [primary] };
        for (const name of COMPOSE_DEFAULT_NAMES) {
            const candidate = (0,external_node_path_.resolve)(directory, name);
            if (await files.exists(candidate))
                return { directory, files: [candidate] };
        }
        throw new config_options/* InputError */.dz([
            {
                input: 'compose-file',
                message: `no compose file found in ${directory} (looked for ${COMPOSE_DEFAULT_NAMES.join(', ')}).`,
                fix: "Set 'compose-file' to your compose file, or 'working-directory' to the folder that holds it.",
            },
        ]);
    }
    const out = [];
    const missing = [];
    for (const f of options.composeFiles) {
        const path = (0,external_node_path_.resolve)(directory, f);
        if (await files.exists(path))
            out.push(path);
        else
            missing.push(f);
    }
    if (missing.length > 0) {
        throw new config_options/* InputError */.dz([
            {
                input: 'compose-file',
                message: `${missing.map((m) => `'${m}'`).join(', ')} not found or not readable in ${directory}.`,
                fix: "Check the path (it is relative to 'working-directory') and that the file is checked out.",
            },
        ]);
    }
    return { directory, files: out };
}
/** The first file that defines each service (an override file usually repeats services; the base defines them). */
async function locateServices(files, paths) {
    const out = {};
    for (const file of paths) {
        const text = await files.readText(file).catch(() => '');
        for (const [service, line] of serviceLines(text)) {
            if (!(service in out))
                out[service] = { file, line };
        }
    }
    return out;
}


/***/ }),

/***/ 171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEngine: () => (/* binding */ runEngine),
  toRunErrors: () => (/* binding */ toRunErrors)
});

// EXTERNAL MODULE: ./src/config/options.ts + 4 modules
var config_options = __webpack_require__(6225);
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
    const which = { auto: 'neither `docker compose` nor `docker-compose` answered', v2: '`docker compose` (v2) did not answer', v1: '`docker-compose` (v1) did not answer' }[wanted];
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
    return r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
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

;// CONCATENATED MODULE: ./src/compose/ports.ts
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', 'ip6-localhost']);
const WILDCARDS = new Set(['0.0.0.0', '::', '']);
function hostMatches(urlHost, hostIp) {
    const host = urlHost.toLowerCase();
    if (WILDCARDS.has(hostIp))
        return true;
    if (host === hostIp)
        return true;
    // A binding to any loopback address is what a URL naming localhost reaches.
    return LOOPBACK_NAMES.has(host) && (hostIp.startsWith('127.') || hostIp === '::1');
}
function mapServers(servers, bindings) {
    return servers.map((server) => {
        const matches = [...new Set(bindings.filter((b) => b.hostPort === server.port && hostMatches(server.host, b.hostIp)).map((b) => b.service))];
        if (matches.length === 1) {
            return { url: server.url, service: matches[0], reason: `published port ${server.port}` };
        }
        if (matches.length > 1) {
            return { url: server.url, service: undefined, reason: `port ${server.port} is published by ${matches.join(', ')}` };
        }
        return { url: server.url, service: undefined, reason: `no service of the project publishes port ${server.port}` };
    });
}
/** Extracts port bindings from `docker inspect` output of the project's containers. */
function bindingsFromInspect(containers) {
    const out = [];
    for (const c of containers) {
        const service = c.Config?.Labels?.['com.docker.compose.service'];
        if (!service)
            continue;
        for (const [key, hostBindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
            const containerPort = Number.parseInt(key, 10);
            for (const hb of hostBindings ?? []) {
                out.push({ service, containerPort, hostIp: hb.HostIp ?? '', hostPort: Number(hb.HostPort) });
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/model/result.ts
var model_result = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/engine/files.ts + 1 modules
var files = __webpack_require__(1384);
// EXTERNAL MODULE: ./src/checks/kv-api.ts
var kv_api = __webpack_require__(5293);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/checks/poll.ts
async function pollUntil(attempt, options) {
    const { clock } = options;
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    let delay = options.minDelayMs ?? 5;
    const maxDelay = options.maxDelayMs ?? 200;
    let last;
    let attempts = 0;
    // The count bound is a backstop against a clock that does not advance; the deadline is the real limit.
    while (attempts < 1_000_000) {
        attempts++;
        const r = await attempt();
        last = r.value;
        const now = clock.now();
        if (r.done)
            return { done: true, last, elapsedMs: now - start, doneAt: now, attempts };
        if (now >= deadline || options.signal?.aborted)
            break;
        await clock.sleep(Math.min(delay, Math.max(0, deadline - now)), options.signal);
        delay = Math.min(maxDelay, delay * 1.5);
    }
    return { done: false, last, elapsedMs: clock.now() - start, attempts };
}

;// CONCATENATED MODULE: ./src/checks/context.ts



function newRunId() {
    return (0,external_node_crypto_.randomBytes)(4).toString('hex');
}
/** A value no other write in any run produces: run id, writer, time and randomness. */
function uniqueValue(ctx, writer, purpose) {
    return `rc-${ctx.runId}-${purpose}-${writer}-${Date.now()}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}
function freshKey(ctx, purpose) {
    return `replicheck-${ctx.runId}-${purpose}-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`;
}
/**
 * Polls every reader in parallel until it returns exactly `expected` (byte for byte) or the timeout passes.
 * Times are measured from `since` (normally the write's acknowledgement).
 */
async function awaitValue(ctx, readers, key, expected, since, timeoutMs = ctx.options.convergenceTimeoutMs) {
    const want = Buffer.from(expected, 'utf8');
    return Promise.all(readers.map(async (node) => {
        const r = await pollUntil(async () => {
            const read = await ctx.api.read(node.url, key, ctx.signal);
            return { done: read.value != null && read.value.equals(want), value: read.outcome };
        }, { timeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 2, maxDelayMs: 100 });
        const last = (0,kv_api/* observe */.lB)(r.last);
        return {
            node,
            converged: r.done,
            ms: r.done && r.doneAt !== undefined ? Math.max(0, r.doneAt - since) : null,
            last,
            waitedMs: ctx.clock.now() - since,
        };
    }));
}
/** A check of one reader's convergence, worded for the report. */
function convergenceCheck(kind, id, title, outcome, expected, context) {
    const { node } = outcome;
    return {
        id,
        kind,
        title,
        status: outcome.converged ? 'passed' : 'failed',
        durationMs: outcome.ms ?? outcome.waitedMs,
        detail: outcome.converged
            ? `${node.label} returned the value ${context} after ${Math.round(outcome.ms ?? 0)} ms.`
            : `${node.label} never returned the value ${context} within ${Math.round(outcome.waitedMs)} ms.`,
        ...(node.service ? { service: node.service } : {}),
        node: node.label,
        expected,
        actual: outcome.last,
        waitedMs: outcome.waitedMs,
    };
}
/** A check that failed before it could measure anything (a plan that cannot work, a command that failed). */
function failedCheck(id, kind, title, detail, service) {
    return { id, kind, title, status: 'failed', durationMs: 0, detail, ...(service ? { service } : {}) };
}

;// CONCATENATED MODULE: ./src/checks/serving.ts

function isServing(outcome) {
    return outcome.ok && outcome.status < 500;
}
/** Polls one node until it serves, or `timeoutMs` passes; the result's last value is its last answer. */
function untilServing(ctx, node, timeoutMs, delays = { minDelayMs: 10, maxDelayMs: 200 }) {
    return pollUntil(async () => {
        const outcome = await ctx.api.probe(node.url, ctx.signal);
        return { done: isServing(outcome), value: outcome };
    }, { timeoutMs, clock: ctx.clock, signal: ctx.signal, ...delays });
}
/**
 * Polls (tightly: a restart takes well under a second) until one of `nodes` stops serving, or `over()` says the
 * fault is already over. True when a node was seen down before that.
 */
async function untilOneIsDown(ctx, nodes, over) {
    const r = await pollUntil(async () => {
        const answers = await Promise.all(nodes.map((n) => ctx.api.probe(n.url, ctx.signal)));
        return { done: over() || answers.some((a) => !isServing(a)), value: undefined };
    }, { timeoutMs: 60_000, clock: ctx.clock, signal: ctx.signal, minDelayMs: 5, maxDelayMs: 20 });
    return r.done && !over();
}

;// CONCATENATED MODULE: ./src/checks/readiness.ts


async function waitForReady(ctx, nodes, since, timeoutMs) {
    const readyMs = new Map();
    const checks = await Promise.all(nodes.map(async (node) => {
        const r = await untilServing(ctx, node, timeoutMs, { minDelayMs: 20, maxDelayMs: 250 });
        const ms = r.doneAt !== undefined ? r.doneAt - since : undefined;
        if (r.done && ms !== undefined)
            readyMs.set(node.url, ms);
        const last = (0,kv_api/* observe */.lB)(r.last);
        return {
            id: `readiness:${node.label}`,
            kind: 'readiness',
            title: r.done ? `Readiness: ${node.label} is serving` : `Readiness: ${node.label} never answered below 500`,
            status: r.done ? 'passed' : 'failed',
            durationMs: ms ?? r.elapsedMs,
            detail: r.done
                ? `${node.label} (${node.url}) answered HTTP ${last.status} after ${Math.round(ms ?? 0)} ms.`
                : `${node.label} (${node.url}) did not answer below 500 within ${Math.round(r.elapsedMs / 1000)} s; last: ${(0,kv_api/* describeObservation */.C3)(last)}.`,
            ...(node.service ? { service: node.service } : {}),
            node: node.label,
            actual: last,
            waitedMs: r.elapsedMs,
        };
    }));
    return { checks, readyMs };
}

;// CONCATENATED MODULE: ./src/checks/replication.ts


async function checkReplication(ctx) {
    const checks = [];
    const labels = ctx.nodes.map((n) => n.label);
    const ms = [];
    const written = [];
    for (const writer of ctx.nodes) {
        if (ctx.signal.aborted)
            break;
        const key = freshKey(ctx, 'rep');
        const value = uniqueValue(ctx, writer.label, 'rep');
        const started = ctx.clock.now();
        const write = await ctx.api.write(writer.url, key, value, ctx.signal);
        const ackAt = ctx.clock.now();
        if (!write.acked) {
            const actual = (0,kv_api/* observe */.lB)(write.outcome);
            checks.push({
                id: `write:${writer.label}`,
                kind: 'replication',
                title: `Replication: ${writer.label} refused a write`,
                status: 'failed',
                durationMs: ackAt - started,
                detail: `Writing key ${key} on ${writer.label} failed: ${(0,kv_api/* describeObservation */.C3)(actual)}.`,
                ...(writer.service ? { service: writer.service } : {}),
                node: writer.label,
                expected: value,
                actual,
            });
            ms.push(ctx.nodes.map(() => null));
            continue;
        }
        const outcomes = await awaitValue(ctx, ctx.nodes, key, value, ackAt);
        written.push({ key, value, writer: writer.label, seenBy: outcomes.filter((o) => o.converged).map((o) => o.node.label) });
        ms.push(outcomes.map((o) => o.ms));
        for (const o of outcomes) {
            checks.push(convergenceCheck('replication', `replication:${writer.label}->${o.node.label}`, o.converged
                ? `Replication: ${o.node.label} returned the value written on ${writer.label}`
                : `Replication: ${o.node.label} never returned the value written on ${writer.label}`, o, value, `written on ${writer.label}`));
        }
    }
    return { checks, matrix: { writers: labels, readers: labels, ms }, written };
}

;// CONCATENATED MODULE: ./src/checks/restart.ts




/** Pure: which nodes are the target, and which stay up to take writes. URLs that map to no service are "not the target". */
function planRestart(nodes, target) {
    return { target, targets: nodes.filter((n) => n.service === target), others: nodes.filter((n) => n.service !== target) };
}
async function checkRestart(ctx, plan, restart, earlier) {
    const checks = [];
    const { target } = plan;
    if (plan.others.length === 0) {
        checks.push(failedCheck('restart:plan', 'restart', `Restart: no server outside ${target} to write through`, `Every server maps to ${target}; list at least one server of another service.`, target));
        return { checks };
    }
    if (plan.targets.length === 0) {
        checks.push(failedCheck('restart:plan', 'restart', `Restart: no server maps to ${target}`, `None of the servers is published by ${target}, so its catch-up cannot be checked. Check the servers' ports against the compose file.`, target));
    }
    const started = ctx.clock.now();
    const restarting = restart();
    let restartDone = false;
    const restartResult = restarting.finally(() => {
        restartDone = true;
    });
    // Write while the target is down: wait (bounded by the restart itself) until it stops answering.
    let observedDown = plan.targets.length === 0;
    if (!observedDown)
        observedDown = await untilOneIsDown(ctx, plan.targets, () => restartDone);
    const key = freshKey(ctx, 'restart');
    const writer = plan.others[0];
    const value = uniqueValue(ctx, writer.label, 'restart');
    const write = await writeWithRetry(ctx, plan.others, key, value);
    const ackAt = ctx.clock.now();
    if (!write.acked) {
        checks.push(failedCheck('restart:write', 'restart', `Restart: no node accepted a write while ${target} restarted`, `Writing key ${key} through ${plan.others.map((n) => n.label).join(', ')} failed: ${(0,kv_api/* describeObservation */.C3)((0,kv_api/* observe */.lB)(write.last))}.`, writer.service));
    }
    else {
        const outcomes = await awaitValue(ctx, plan.others, key, value, ackAt);
        for (const o of outcomes) {
            checks.push(convergenceCheck('restart', `restart:converge:${o.node.label}`, o.converged
                ? `Restart: ${o.node.label} returned the value written while ${target} restarted`
                : `Restart: ${o.node.label} never returned the value written while ${target} restarted`, o, value, `written on ${write.node.label} while ${target} restarted${observedDown ? '' : ' (the restart finished before the write)'}`));
        }
    }
    const result = await restartResult;
    const restartMs = ctx.clock.now() - started;
    if (result.code !== 0) {
        checks.push(failedCheck('restart:compose', 'restart', `Restart: compose restart ${target} failed`, `Compose exited with ${result.code ?? 'a signal'}${result.timedOut ? ' (timed out)' : ''}.`, target));
        return { checks };
    }
    let recoveryMs;
    let catchUpMs;
    for (const node of plan.targets) {
        const back = await untilServing(ctx, node, ctx.options.startupTimeoutMs);
        const backMs = back.doneAt !== undefined ? back.doneAt - started : undefined;
        if (backMs !== undefined)
            recoveryMs = Math.max(recoveryMs ?? 0, backMs);
        checks.push({
            id: `restart:recovery:${node.label}`,
            kind: 'recovery',
            title: back.done ? `Recovery: ${node.label} answers again after the restart` : `Recovery: ${node.label} did not answer after the restart`,
            status: back.done ? 'passed' : 'failed',
            durationMs: backMs ?? back.elapsedMs,
            detail: back.done
                ? `${node.label} answered ${Math.round(backMs ?? 0)} ms after the restart began (compose restart took ${Math.round(restartMs)} ms).`
                : `${node.label} did not answer below 500 within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after the restart; last: ${(0,kv_api/* describeObservation */.C3)((0,kv_api/* observe */.lB)(back.last))}.`,
            ...(node.service ? { service: node.service } : {}),
            node: node.label,
            actual: (0,kv_api/* observe */.lB)(back.last),
        });
        if (!back.done)
            continue;
        if (write.acked) {
            const since = ctx.clock.now();
            const [o] = await awaitValue(ctx, [node], key, value, since);
            if (o) {
                if (o.ms !== null)
                    catchUpMs = Math.max(catchUpMs ?? 0, o.ms);
                checks.push(convergenceCheck('catch-up', `restart:catch-up:${node.label}`, o.converged ? `Catch-up: ${node.label} has the value written while it was down` : `Catch-up: ${node.label} never returned the value written while it was down`, o, value, `written on ${write.node.label} while it restarted`));
            }
        }
        // Durability: what the node had acknowledged or received before the restart must still be there.
        if (earlier.length > 0) {
            const since = ctx.clock.now();
            const reads = await Promise.all(earlier.map(async (w) => ({ key: w.key, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0] })));
            const missing = reads.filter((r) => r.o && !r.o.converged);
            // A value the node returned before the restart and not after is lost; one it never had is a replication
            // failure already reported, but it is still not there, so durability cannot pass either.
            const seen = new Set(earlier.filter((w) => w.seenBy.includes(node.label)).map((w) => w.key));
            const lost = missing.filter((r) => seen.has(r.key)).map((r) => r.key);
            const neverHad = missing.filter((r) => !seen.has(r.key)).map((r) => r.key);
            const last = missing[0]?.o?.last;
            const problems = [
                ...(lost.length > 0 ? [`it returned these before the restart and no longer does: ${lost.join(', ')}`] : []),
                ...(neverHad.length > 0 ? [`it never returned these, before or after: ${neverHad.join(', ')}`] : []),
            ];
            checks.push({
                id: `restart:durability:${node.label}`,
                kind: 'durability',
                title: missing.length === 0
                    ? `Durability: ${node.label} kept every earlier write`
                    : lost.length > 0
                        ? `Durability: ${node.label} lost ${lost.length} earlier write(s) after the restart`
                        : `Durability: ${node.label} is missing ${neverHad.length} earlier write(s) after the restart`,
                status: missing.length === 0 ? 'passed' : 'failed',
                durationMs: ctx.clock.now() - since,
                detail: missing.length === 0
                    ? `${node.label} still returns all ${earlier.length} values written before the restart.`
                    : `${node.label} does not return ${missing.length} key(s) written before the restart: ${problems.join('; ')}.`,
                ...(node.service ? { service: node.service } : {}),
                node: node.label,
                ...(last ? { actual: last } : {}),
            });
        }
    }
    return { checks, ...(recoveryMs !== undefined ? { recoveryMs } : {}), ...(catchUpMs !== undefined ? { catchUpMs } : {}) };
}
async function writeWithRetry(ctx, nodes, key, value) {
    let i = 0;
    let node = nodes[0];
    const r = await pollUntil(async () => {
        node = nodes[i++ % nodes.length];
        const w = await ctx.api.write(node.url, key, value, ctx.signal);
        return { done: w.acked, value: w.outcome };
    }, { timeoutMs: ctx.options.convergenceTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 20, maxDelayMs: 250 });
    return { acked: r.done, node, last: r.last };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/http/port-probe.ts
// Is something already listening on a port? Asked before `compose up`, so a port taken by another program is
// reported as that, instead of as a cluster that answers with somebody else's data.

function isListening(host, port, timeoutMs = 500) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host, port });
        const done = (answer) => {
            socket.destroy();
            resolve(answer);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}

;// CONCATENATED MODULE: ./src/workload/outcome.ts

// Errors raised before a single byte of the request could reach the node: nothing was applied.
const NOT_SENT = new Set(['connection refused', 'host not found', 'host unreachable']);
/**
 * Write answers:
 * - 2xx: ok.
 * - 3xx, 4xx: fail. The node answered that it did not do it (redirects are not followed; 408 is the server giving
 *   up on a request it had not processed; 409/429 refuse).
 * - 503: fail. Service Unavailable is a refusal; the example service answers it only when the write was not and
 *   will not be applied (isolated, catching up, leader unreachable and the late request refused).
 * - any other 5xx (500, 502, 504, ...): info. A proxy or a replica may have passed the write on before failing.
 * - connection refused, host not found/unreachable: fail (nothing was sent).
 * - timeouts, resets, aborts, anything else: info.
 */
function classifyWrite(w) {
    if (w.acked)
        return { type: 'ok' };
    return classifyFailure(w.outcome);
}
function classifyFailure(o) {
    if (!o.ok)
        return { type: NOT_SENT.has(o.error) ? 'fail' : 'info', error: o.error };
    const error = `HTTP ${o.status}`;
    if (o.status < 500 || o.status === 503)
        return { type: 'fail', error };
    return { type: 'info', error };
}
/** Longest value kept verbatim in a history; the workload's own values are far shorter. */
const MAX_VALUE_CHARS = 200;
/**
 * Read answers: a value (200) or "missing" (404, null) is `ok`; everything else says nothing about the state, so
 * the read is `info` and the checker leaves it out. A value too long to be one the workload wrote is replaced by
 * a bounded preview (it is wrong either way, and a hostile node must not bloat the history).
 */
function classifyRead(r) {
    if (r.value === null)
        return { type: 'ok', value: null };
    if (r.value !== undefined) {
        const text = r.value.length <= MAX_VALUE_CHARS ? r.value.toString('utf8') : `${(0,util_text/* previewBytes */.Qc)(r.value, 60)} (${r.value.length} bytes)`;
        return { type: 'ok', value: text };
    }
    const failed = classifyFailure(r.outcome);
    return { type: 'info', value: null, ...(failed.error !== undefined ? { error: failed.error } : {}) };
}

;// CONCATENATED MODULE: ./src/workload/prng.ts
// A small seeded generator (mulberry32): the same seed gives every client the same sequence of choices, so a
// run's plan (which node, key and operation each client picks) can be replayed. Not for anything secret.
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

;// CONCATENATED MODULE: ./src/workload/generator.ts


const DEFAULT_MAX_OPERATIONS = 20_000;
// Times in the history are milliseconds since the workload started, kept to microseconds.
const round = (ms) => Math.round(ms * 1000) / 1000;
/**
 * Collects the operations of one workload, possibly over several runs of the clients (one per fault window):
 * one clock origin, one operation cap and one value counter per client, so values stay unique across runs.
 */
class WorkloadRecorder {
    clock;
    t0;
    records = [];
    started = 0;
    capped = false;
    counters = new Map();
    constructor(clock) {
        this.clock = clock;
        this.t0 = clock.now();
    }
    nextValue(prefix, client) {
        const n = (this.counters.get(client) ?? 0) + 1;
        this.counters.set(client, n);
        return `${prefix}-c${client}-${n}`;
    }
    /** The history so far, operations in invocation order and numbered in that order. */
    finish() {
        const sorted = [...this.records].sort((a, b) => a.op.invoke - b.op.invoke);
        const numbered = sorted.map((r, i) => ({ op: { id: i, ...r.op }, endedAt: r.endedAt }));
        return {
            history: { schemaVersion: 1, model: 'register', initialValue: null, operations: numbered.map((r) => r.op) },
            records: numbered,
            startedAt: this.t0,
            endedAt: this.clock.now(),
            capped: this.capped,
        };
    }
}
/** Runs the clients once, for the plan's duration or until `signal` aborts, recording into `recorder`. */
async function runClients(recorder, api, nodes, plan, signal, round0 = 0) {
    if (nodes.length === 0 || plan.keys.length === 0 || plan.clients < 1)
        throw new Error('a workload needs nodes, keys and clients');
    const { clock, t0 } = recorder;
    const end = clock.now() + plan.durationMs;
    const maxOps = plan.maxOperations ?? DEFAULT_MAX_OPERATIONS;
    const readRatio = plan.readRatio ?? 0.5;
    const client = async (id) => {
        // A different stream per run (round) of the same client, so fault windows do not replay each other's choices.
        const random = clientRandom(plan.seed + round0 * 7919, id);
        // Bounded by time, by the shared operation cap and by cancellation.
        while (clock.now() < end && !signal.aborted) {
            if (recorder.started >= maxOps) {
                recorder.capped = true;
                return;
            }
            recorder.started++;
            const node = pick(random, nodes);
            const key = pick(random, plan.keys);
            const isRead = random() < readRatio;
            const written = isRead ? undefined : recorder.nextValue(plan.valuePrefix, id);
            const invoke = clock.now();
            const outcome = written === undefined
                ? { f: 'read', ...classifyRead(await api.read(node.url, key, signal)) }
                : { f: 'write', value: written, ...classifyWrite(await api.write(node.url, key, written, signal)) };
            const done = clock.now();
            recorder.records.push({
                op: {
                    process: id,
                    node: node.label,
                    key,
                    f: outcome.f,
                    value: outcome.value,
                    type: outcome.type,
                    invoke: round(invoke - t0),
                    complete: outcome.type === 'info' ? null : round(done - t0),
                    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
                },
                endedAt: round(done - t0),
            });
        }
    };
    await Promise.all(Array.from({ length: plan.clients }, (_, i) => client(i)));
}
/** One run of the clients from a fresh recorder: the plain workload. */
async function runWorkload(api, nodes, clock, plan, signal) {
    const recorder = new WorkloadRecorder(clock);
    await runClients(recorder, api, nodes, plan, signal);
    return recorder.finish();
}

// EXTERNAL MODULE: ./src/linearizability/index.ts + 6 modules
var linearizability = __webpack_require__(7425);
;// CONCATENATED MODULE: ./src/workload/eventual.ts
function legalFinalValues(operations, key, initialValue = null) {
    const writes = operations.filter((op) => op.key === key && op.f === 'write' && (op.type === 'ok' || op.type === 'info'));
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
    const writes = operations.filter((op) => op.key === key && op.f === 'write');
    const own = writes.find((w) => w.value === value);
    if (value === initialValue && own === undefined) {
        return { legal: false, reason: `the key is ${value === null ? 'missing' : JSON.stringify(value)} everywhere, although writes to it were acknowledged` };
    }
    if (own === undefined)
        return { legal: false, reason: `${JSON.stringify(value)} was never written to this key` };
    if (own.type === 'fail')
        return { legal: false, reason: `${JSON.stringify(value)} comes from a write that was refused (${own.error ?? 'failed'})` };
    const later = writes.find((w) => w.type === 'ok' && own.complete !== null && w.invoke > own.complete);
    const by = later ? ` (e.g. ${JSON.stringify(later.value)} by client ${String(later.process)} via ${later.node ?? '?'})` : '';
    return {
        legal: false,
        reason: `${JSON.stringify(value)} was acknowledged at ${own.complete ?? '?'} ms, but a write invoked after that was acknowledged too${by}: an acknowledged later write was lost`,
    };
}

;// CONCATENATED MODULE: ./src/workload/analyse.ts
// Pure summaries of a recorded workload: counts per node, latency quantiles, and the per-key verdicts turned into
// checks for the report. The I/O (running clients, polling for convergence, saving files) is in phase.ts.


/** Nearest-rank quantiles of completed operations; null when there is none. */
function quantiles(samples) {
    if (samples.length === 0)
        return null;
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q) => analyse_round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]);
    return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: analyse_round(sorted[sorted.length - 1]) };
}
const analyse_round = (ms) => Math.round(ms * 100) / 100;
const zero = () => ({ ok: 0, fail: 0, info: 0 });
function countOperations(records, nodeOrder) {
    const total = zero();
    const perNode = new Map();
    for (const n of nodeOrder)
        perNode.set(n, { read: zero(), write: zero() });
    for (const { op } of records) {
        const node = op.node ?? '?';
        if (!perNode.has(node))
            perNode.set(node, { read: zero(), write: zero() });
        const entry = perNode.get(node);
        (op.f === 'write' ? entry.write : entry.read)[op.type]++;
        total[op.type]++;
    }
    return {
        operations: { total: records.length, ...total },
        perNode: [...perNode].map(([node, c]) => ({ node, read: c.read, write: c.write })),
    };
}
/** Latency of the operations that got an answer (ok or fail); indeterminate ones have no meaningful end. */
function latencies(records) {
    const of = (f) => records.filter((r) => r.op.f === f && r.op.type !== 'info').map((r) => r.endedAt - r.op.invoke);
    return { read: quantiles(of('read')), write: quantiles(of('write')) };
}
const CHECK_BUDGET_MS = 30_000;
/** Per-key linearizability verdicts. `unknown` (budget spent) does not pass: nothing was proven. */
function linearizabilityResults(history, budgetMs = CHECK_BUDGET_MS, maxSteps) {
    const checked = (0,linearizability/* checkHistory */.X3)(history, {
        model: 'register',
        initialValue: null,
        timeoutMs: budgetMs,
        checkAllKeys: true,
        ...(maxSteps !== undefined ? { maxSteps } : {}),
    });
    const results = checked.keys.map((k) => keyResult(k, budgetMs));
    return { results, elapsedMs: checked.elapsedMs };
}
function keyResult(k, budgetMs) {
    const base = { key: k.key, operations: k.operations.total, verdict: k.verdict };
    if (k.verdict === 'linearizable') {
        return { ...base, passed: true, detail: `${k.operations.total} operations (${k.operations.open} indeterminate writes) are linearizable.` };
    }
    if (k.verdict === 'unknown') {
        const why = k.reason === 'step-budget' ? 'the search step budget ran out' : `the search did not finish within ${Math.round(budgetMs / 1000)} s`;
        return {
            ...base,
            passed: false,
            detail: `Could not decide whether the ${k.operations.total} operations are linearizable: ${why}. Nothing was proven; check the history file offline with \`replicheck check-history FILE --timeout 0\`, or run a shorter workload with fewer clients.`,
        };
    }
    const w = k.witness;
    return {
        ...base,
        passed: false,
        detail: w ? `Not linearizable: ${w.explanation}` : 'Not linearizable.',
        ...(w ? { witness: w, witnessText: (0,linearizability/* formatWitness */.Zm)(w, '') } : {}),
    };
}
function eventualResults(history, convergence) {
    return convergence.map((c) => {
        const operations = history.operations.filter((op) => op.key === c.key).length;
        const show = (v, error) => (v === undefined ? `no answer (${error ?? 'error'})` : v === null ? 'missing' : JSON.stringify(v));
        if (!c.converged) {
            return {
                key: c.key,
                operations,
                verdict: 'not-converged',
                passed: false,
                detail: `The nodes did not agree within ${Math.round(c.waitedMs)} ms: ${c.values.map((v) => `${v.node} ${show(v.value, v.error)}`).join(', ')}.`,
            };
        }
        const value = c.values[0]?.value ?? null;
        const judged = judgeFinalValue(history.operations, c.key, value, history.initialValue ?? null);
        return {
            key: c.key,
            operations,
            verdict: judged.legal ? 'converged' : 'illegal-final-value',
            passed: judged.legal,
            finalValue: value,
            detail: judged.legal
                ? `Every node holds ${show(value)} (${Math.round(c.waitedMs)} ms after the workload), a value that can legally be last.`
                : `Every node holds ${show(value)}, which cannot be the last value: ${judged.reason}.`,
        };
    });
}
const FAILED_TITLE = {
    'not-linearizable': 'is not linearizable',
    unknown: 'could not be decided',
    'not-converged': 'did not converge',
    'illegal-final-value': 'converged to a value that cannot be last',
};
/** The report's checks: one per key, plus one when no operation succeeded (a workload that proves nothing). */
function workloadChecks(results, consistency, nodes, okOperations, checkMs) {
    const checks = [];
    if (okOperations === 0) {
        checks.push({
            id: 'workload:progress',
            kind: 'workload',
            title: 'Workload: no operation succeeded',
            status: 'failed',
            durationMs: 0,
            detail: 'Every read and write of the workload failed or timed out, so nothing could be checked. See the operation counts per node.',
        });
    }
    results.forEach((r, i) => {
        const failingNode = r.witness?.failing.node;
        const node = failingNode !== undefined ? nodes.find((n) => n.label === failingNode) : undefined;
        const what = consistency === 'linearizable' ? 'Linearizability' : 'Eventual consistency';
        checks.push({
            id: `workload:${consistency}:${i}`,
            kind: 'workload',
            title: `${what}: key ${r.key}${r.passed ? '' : ` ${FAILED_TITLE[r.verdict] ?? r.verdict}`}`,
            status: r.passed ? 'passed' : 'failed',
            durationMs: checkMs,
            detail: r.witnessText ? `Not linearizable. Witness:\n${r.witnessText}` : r.detail,
            ...(node ? { node: node.label, ...(node.service ? { service: node.service } : {}) } : {}),
        });
    });
    return checks;
}

;// CONCATENATED MODULE: ./src/workload/phase.ts
// The workload phase of a run: run the clients (once, or while each fault of the fault suite holds), then judge
// the history by the chosen consistency model, save the history files, and return the report section and checks.





function newSeed() {
    return (0,external_node_crypto_.randomInt)(0, 2 ** 31);
}
/**
 * One workload of a run. Plain runs call `run()` once; with the fault suite, `duringFault` runs the clients while
 * each fault holds (until its healing is due), all into one history, and `finish()` judges the whole of it.
 */
class WorkloadSession {
    ctx;
    wl;
    seed;
    keys;
    recorder;
    rounds = 0;
    constructor(ctx, wl) {
        this.ctx = ctx;
        this.wl = wl;
        this.seed = wl.seed ?? newSeed();
        this.keys = Array.from({ length: wl.keys }, (_, i) => `replicheck-${ctx.runId}-wl-${i}`);
        this.recorder = new WorkloadRecorder(ctx.clock);
    }
    get operations() {
        return this.recorder.records.length;
    }
    plan() {
        return { clients: this.wl.clients, durationMs: this.wl.durationMs, keys: this.keys, seed: this.seed, valuePrefix: `rc-${this.ctx.runId}` };
    }
    /** The clients for the workload duration (or until the run is cancelled). */
    run() {
        return runClients(this.recorder, this.ctx.api, this.ctx.nodes, this.plan(), this.ctx.signal, this.rounds++);
    }
    /** The fault suite's hook: the clients run while the fault holds, at most the workload duration. */
    duringFault = (fault) => runClients(this.recorder, this.ctx.api, this.ctx.nodes, this.plan(), AbortSignal.any([this.ctx.signal, fault.signal]), this.rounds++);
    async finish(sink, warn) {
        const { ctx, wl, seed, keys } = this;
        const run = this.recorder.finish();
        const history = { ...run.history, meta: { tool: 'replicheck', runId: ctx.runId, seed, clients: wl.clients, consistency: wl.consistency } };
        const checkStart = ctx.clock.now();
        const results = wl.consistency === 'linearizable'
            ? linearizabilityResults(history).results
            : eventualResults(history, await awaitConvergence(ctx, keys));
        const checkMs = ctx.clock.now() - checkStart;
        let files;
        if (sink) {
            try {
                files = await sink(history);
            }
            catch (error) {
                warn(`Could not write the workload history: ${error.message}`);
            }
        }
        const counts = countOperations(run.records, ctx.nodes.map((n) => n.label));
        const section = {
            model: 'register',
            consistency: wl.consistency,
            clients: wl.clients,
            durationMs: wl.durationMs,
            elapsedMs: run.endedAt - run.startedAt,
            seed,
            keys,
            capped: run.capped,
            ...(this.rounds > 1 ? { runs: this.rounds } : {}),
            operations: counts.operations,
            perNode: counts.perNode,
            latency: latencies(run.records),
            keyResults: results,
            checkMs,
            ...(files ? { history: files } : {}),
        };
        return { section, checks: workloadChecks(results, wl.consistency, ctx.nodes, counts.operations.ok, checkMs) };
    }
}
/** A plain workload: run the clients once, then judge the history. */
async function runWorkloadPhase(ctx, wl, sink, warn) {
    const session = new WorkloadSession(ctx, wl);
    await session.run();
    return session.finish(sink, warn);
}
/** Polls every node for every key until all nodes return the same value, or the convergence timeout passes. */
async function awaitConvergence(ctx, keys) {
    return Promise.all(keys.map(async (key) => {
        const start = ctx.clock.now();
        const r = await pollUntil(async () => {
            const values = await Promise.all(ctx.nodes.map(async (node) => {
                const read = classifyRead(await ctx.api.read(node.url, key, ctx.signal));
                return read.type === 'ok'
                    ? { node: node.label, value: read.value }
                    : { node: node.label, value: undefined, ...(read.error !== undefined ? { error: read.error } : {}) };
            }));
            const first = values[0]?.value;
            const done = first !== undefined && values.every((v) => v.value === first);
            return { done, value: values };
        }, { timeoutMs: ctx.options.convergenceTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 5, maxDelayMs: 200 });
        return { key, converged: r.done, values: r.last ?? [], waitedMs: ctx.clock.now() - start };
    }));
}

;// CONCATENATED MODULE: ./src/faults/active.ts
// Faults that hold right now. Each fault cycle heals its own fault in a finally; the engine also heals whatever is
// still registered before it collects logs and tears down, so a throw, a hang cut short or a cancel can never
// leave a paused container or a disconnected network behind.
/** Turns a thrown apply or heal into a failed outcome, so one service's error cannot skip healing the others. */
function threw(what) {
    return (error) => ({ ok: false, detail: `${what} threw: ${error?.message ?? String(error)}` });
}
class ActiveFaults {
    held = new Map();
    next = 0;
    /** Registers a held fault; returns a heal that runs at most once, whoever calls it first. */
    add(label, heal) {
        const id = this.next++;
        let running;
        const once = () => {
            running ??= heal()
                .catch(threw('healing'))
                .finally(() => this.held.delete(id));
            return running;
        };
        this.held.set(id, { label, heal: once });
        return once;
    }
    get size() {
        return this.held.size;
    }
    /** Heals everything still held; returns one line per fault healed here. */
    async healAll() {
        const all = [...this.held.values()];
        return Promise.all(all.map(async (f) => ({ label: f.label, outcome: await f.heal() })));
    }
}

// EXTERNAL MODULE: ./src/faults/plan.ts
var faults_plan = __webpack_require__(3010);
;// CONCATENATED MODULE: ./src/faults/docker.ts


const docker_SECOND = 1000;
function said(r) {
    return (0,util_text/* tailText */.QR)(`${r.stderr}\n${r.stdout}`.trim(), 5) || `exit ${r.code ?? 'signal'}${r.timedOut ? ' (timed out)' : ''}`;
}
function dockerFaultActions(compose, exec, partitionNetworks) {
    const verb = async (v, service) => {
        const r = await compose.serviceCommand(v, service);
        return { ok: r.code === 0, detail: r.code === 0 ? `compose ${v} ${service}` : `compose ${v} ${service} failed: ${said(r)}` };
    };
    const simple = async (service, apply, heal) => {
        const a = await verb(apply, service);
        // Even a failed apply may have half-worked (one of two replicas paused): heal anyway.
        if (!a.ok) {
            await verb(heal, service);
            return { ok: false, detail: a.detail };
        }
        return { ok: true, fault: { description: `compose ${apply} ${service}, then compose ${heal}`, heal: () => verb(heal, service) } };
    };
    return {
        async apply(kind, service) {
            switch (kind) {
                case 'restart': {
                    const running = compose.restart(service);
                    return {
                        ok: true,
                        fault: {
                            description: `compose restart ${service}`,
                            heal: async () => {
                                const r = await running;
                                return { ok: r.code === 0, detail: r.code === 0 ? `compose restart ${service}` : `compose restart ${service} failed: ${said(r)}` };
                            },
                        },
                    };
                }
                case 'stop':
                    return simple(service, 'stop', 'start');
                case 'kill':
                    return simple(service, 'kill', 'start');
                case 'pause':
                    return simple(service, 'pause', 'unpause');
                case 'partition':
                    return partition(compose, exec, service, partitionNetworks);
            }
        },
    };
}
async function serviceContainers(compose, service) {
    return (await compose.inspect()).filter((c) => c.Config?.Labels?.['com.docker.compose.service'] === service);
}
async function partition(compose, exec, service, wanted) {
    const containers = await serviceContainers(compose, service);
    if (containers.length === 0)
        return { ok: false, detail: `no container of ${service} was found` };
    const plan = [];
    for (const c of containers) {
        const networks = c.NetworkSettings?.Networks ?? {};
        const { cut, missing } = (0,faults_plan/* networksToCut */.ZU)(Object.keys(networks), wanted, compose.project.name);
        if (missing.length > 0) {
            return {
                ok: false,
                input: 'partition-networks',
                detail: `${service} is not attached to ${missing.join(', ')} (it is on ${Object.keys(networks).join(', ') || 'no network'})`,
            };
        }
        for (const network of cut)
            plan.push({ container: c.Id, network, aliases: (0,faults_plan/* aliasesToRestore */.gV)(networks[network]?.Aliases, c.Id) });
    }
    if (plan.length === 0)
        return { ok: false, detail: `${service} is attached to no network` };
    const done = [];
    const heal = async () => {
        const problems = [];
        for (const cut of done) {
            const args = ['network', 'connect', ...cut.aliases.flatMap((a) => ['--alias', a]), cut.network, cut.container];
            const r = await exec.run('docker', args, { timeoutMs: 30 * docker_SECOND });
            // "already exists": someone (an earlier heal) reconnected it; the verification below decides.
            if (r.code !== 0 && !/already exists/i.test(r.stderr))
                problems.push(`connect ${cut.network}: ${said(r)}`);
        }
        // Verify: every cut network is back with every alias, so peers find the node by name again.
        const now = await serviceContainers(compose, service);
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
        return problems.length === 0 ? { ok: true, detail: `reconnected ${service} to ${names} with its aliases` } : { ok: false, detail: problems.join('; ') };
    };
    for (const cut of plan) {
        const r = await exec.run('docker', ['network', 'disconnect', cut.network, cut.container], { timeoutMs: 30 * docker_SECOND });
        if (r.code !== 0) {
            await heal();
            return { ok: false, detail: `docker network disconnect ${cut.network} failed: ${said(r)}` };
        }
        done.push(cut);
    }
    const names = [...new Set(plan.map((d) => d.network))].join(', ');
    return { ok: true, fault: { description: `docker network disconnect ${service} from ${names}, then reconnect with its aliases`, heal } };
}

;// CONCATENATED MODULE: ./src/faults/group.ts
// A fault applied to several services together: each service's fault is applied at the same time, and healing
// heals all of them. Built over FaultActions only, so the unit tests drive it with an in-memory cluster.

async function applyTogether(actions, kind, services) {
    if (services.length === 1)
        return actions.apply(kind, services[0]);
    // At once, not in turn: with a quorum store, faulting one member and then the next would let a leader change
    // happen in between, and the group would not be lost together.
    const results = await Promise.all(services.map(async (service) => ({ service, r: await actions.apply(kind, service).catch(threw('applying')) })));
    const applied = results.flatMap(({ service, r }) => (r.ok ? [{ service, fault: r.fault }] : []));
    const healAll = async () => {
        const outcomes = await Promise.all(applied.map(async ({ service, fault }) => ({
            service,
            o: await fault.heal().catch(threw('healing')),
        })));
        const bad = outcomes.filter((x) => !x.o.ok);
        return bad.length === 0
            ? { ok: true, detail: outcomes.map((x) => x.o.detail).join('; ') }
            : { ok: false, detail: bad.map((x) => `${x.service}: ${x.o.detail}`).join('; ') };
    };
    const failures = results.filter((x) => !x.r.ok);
    if (failures.length > 0) {
        // The services whose fault did apply must not stay faulted.
        const healed = applied.length > 0 ? await healAll() : undefined;
        const input = failures.find((f) => f.r.input !== undefined)?.r.input;
        const detail = failures.map((f) => `${f.service}: ${f.r.detail}`).join('; ') + (healed && !healed.ok ? `; healing the others failed too: ${healed.detail}` : '');
        return { ok: false, detail, ...(input !== undefined ? { input } : {}) };
    }
    return { ok: true, fault: { description: applied.map((a) => a.fault.description).join('; '), heal: healAll } };
}

;// CONCATENATED MODULE: ./src/faults/cycle.ts






const WORDS = {
    restart: ['restarted', 'restart'],
    stop: ['stopped', 'stop'],
    kill: ['killed', 'kill'],
    pause: ['paused', 'pause'],
    partition: ['partitioned', 'partition'],
};
async function runFaultCycle(ctx, step, opts) {
    const { clock } = ctx;
    const p = step.idPrefix;
    const [done, noun] = WORDS[step.kind] ?? [step.kind, step.kind];
    const what = `${listed(step.services)} ${step.services.length > 1 ? 'were' : 'was'} ${done}`;
    const service = step.services[0];
    const checks = [];
    const acked = [];
    const refusedBy = new Set();
    const stale = new Set();
    let accepted = 0;
    let refused = 0;
    let beganMs = undefined;
    let healedMs;
    let recoveryMs;
    let catchUpMs;
    let convergenceMs;
    let action = `${noun} ${step.target}`;
    let lost = [];
    let inputProblem;
    const title = (text) => `${cap(noun)} ${step.target}: ${text}`;
    const finish = () => ({
        checks,
        acked,
        lost,
        ...(inputProblem ? { inputProblem } : {}),
        report: {
            kind: step.kind,
            target: step.target,
            action,
            ...(beganMs !== undefined ? { beganMs } : {}),
            ...(healedMs !== undefined ? { healedMs } : {}),
            ...(beganMs !== undefined && healedMs !== undefined ? { heldMs: healedMs - beganMs } : {}),
            writesAccepted: accepted,
            writesRefused: refused,
            refusedBy: [...refusedBy],
            availability: (0,faults_plan/* availability */.Op)(accepted, refused),
            ...(convergenceMs !== undefined ? { convergenceMs } : {}),
            ...(recoveryMs !== undefined ? { recoveryMs } : {}),
            ...(catchUpMs !== undefined ? { catchUpMs } : {}),
            staleNodes: [...stale],
            lostKeys: lost,
            verdict: (0,faults_plan/* faultVerdict */.Yj)(checks),
            checkIds: checks.map((c) => c.id),
        },
    });
    const problem = (0,faults_plan/* planProblem */.XJ)(step);
    if (problem) {
        checks.push(failedCheck(`${p}:plan`, 'fault', title('cannot be checked'), problem, service));
        return finish();
    }
    // Just before the fault: a fresh write on every node (the target too), so a node that acknowledges and then
    // loses a write on the way down (kill right after an ack) is caught by the durability check.
    const before = [];
    for (const node of ctx.nodes) {
        const w = await write(ctx, node, 'pre');
        if (w.acked)
            before.push(w.write);
    }
    acked.push(...before);
    const mustKeep = (0,faults_plan/* carryForward */.DN)([...opts.earlier, ...before], new Set());
    const applied = await applyTogether(opts.actions, step.kind, step.services);
    // The fault holds from when the command that applies it returned (Compose v1 alone takes about a second).
    const began = clock.now();
    beganMs = opts.sinceStart();
    if (!applied.ok) {
        healedMs = beganMs;
        if (applied.input)
            inputProblem = { input: applied.input, message: applied.detail };
        checks.push(failedCheck(`${p}:apply`, 'fault', title(`could not be applied`), `${cap(noun)} of ${step.target} failed: ${applied.detail}.`, service));
        return finish();
    }
    action = applied.fault.description;
    const heal = opts.active.add(`${noun} ${step.target}`, () => applied.fault.heal());
    let healStart = began;
    let healOutcome;
    const during = [];
    const byTarget = [];
    try {
        // A restart heals itself: the "hold" is the restart, and writes go out once the target stopped answering.
        if (step.kind === 'restart') {
            let settled = false;
            void heal().finally(() => (settled = true));
            await untilOneIsDown(ctx, step.targets, () => settled);
        }
        const hookAbort = new AbortController();
        const stopHook = () => hookAbort.abort();
        ctx.signal.addEventListener('abort', stopHook, { once: true });
        const hook = opts.duringFault
            ? opts.duringFault({ kind: step.kind, target: step.target, idPrefix: p, heldForMs: opts.durationMs, signal: hookAbort.signal }).catch(() => undefined)
            : Promise.resolve();
        try {
            // Availability: one write on every node that may still answer.
            const writes = await Promise.all(step.writeTo.map(async (node) => ({ node, w: await write(ctx, node, step.kind) })));
            for (const { node, w } of writes) {
                if (w.acked) {
                    accepted++;
                    during.push(w.write);
                    (step.targets.includes(node) ? byTarget : []).push(w.write);
                }
                else {
                    refused++;
                    refusedBy.add(node.label);
                }
            }
            acked.push(...during);
            // Convergence while the fault holds: writes acknowledged on the live side must reach every node that still
            // serves reads. A partitioned node cannot be expected to pass its own writes across the cut, so those are
            // checked after healing.
            const fromLive = during.filter((w) => !byTarget.includes(w));
            if (fromLive.length > 0) {
                const reads = await Promise.all(step.readFrom.flatMap((node) => fromLive.map((w) => readWhileHeld(ctx, node, w))));
                let slowest = 0;
                for (const node of step.readFrom) {
                    const mine = reads.filter((r) => r.node === node);
                    const staleReads = mine.filter((r) => r.state === 'stale');
                    const refusedReads = mine.filter((r) => r.state === 'refused');
                    for (const r of mine)
                        if (r.ms !== null)
                            slowest = Math.max(slowest, r.ms);
                    const base = { kind: 'convergence', ...(node.service ? { service: node.service } : {}), node: node.label };
                    if (staleReads.length > 0) {
                        stale.add(node.label);
                        const first = staleReads[0];
                        checks.push({
                            ...base,
                            id: `${p}:converge:${node.label}`,
                            title: title(`${node.label} kept serving stale data while ${what}`),
                            status: 'failed',
                            durationMs: first.waitedMs,
                            detail: `${node.label} answered without the acknowledged value of ${staleReads.map((r) => r.key).join(', ')} for ${Math.round(first.waitedMs)} ms while ${what} (convergence timeout ${Math.round(ctx.options.convergenceTimeoutMs)} ms); a node that cannot get new writes must refuse reads, not serve old data.`,
                            expected: fromLive.find((w) => w.key === first.key).value,
                            actual: first.last,
                            waitedMs: first.waitedMs,
                        });
                    }
                    else if (refusedReads.length > 0) {
                        refusedBy.add(node.label);
                        checks.push({
                            ...base,
                            id: `${p}:converge:${node.label}`,
                            title: title(`${node.label} refused reads while ${what}`),
                            status: 'skipped',
                            durationMs: refusedReads[0].waitedMs,
                            detail: `${node.label} refused reads while ${what} (${(0,kv_api/* describeObservation */.C3)(refusedReads[0].last)}): availability loss, not data loss.`,
                            actual: refusedReads[0].last,
                        });
                    }
                    else {
                        const ms = Math.max(...mine.map((r) => r.ms ?? 0));
                        checks.push({
                            ...base,
                            id: `${p}:converge:${node.label}`,
                            title: title(`${node.label} returned every write made while ${what}`),
                            status: 'passed',
                            durationMs: ms,
                            detail: `${node.label} returned all ${mine.length} value(s) written while ${what}, the slowest after ${Math.round(ms)} ms.`,
                        });
                    }
                }
                convergenceMs = stale.size > 0 ? null : slowest;
            }
            // Hold for at least the fault duration (a restart holds as long as it takes).
            if (step.kind !== 'restart') {
                const left = began + opts.durationMs - clock.now();
                if (left > 0)
                    await clock.sleep(left, ctx.signal);
            }
        }
        finally {
            hookAbort.abort();
            ctx.signal.removeEventListener('abort', stopHook);
            await hook;
        }
    }
    finally {
        healStart = clock.now();
        healOutcome = await heal();
        healedMs = opts.sinceStart();
    }
    if (!healOutcome.ok) {
        checks.push(failedCheck(`${p}:heal`, 'fault', title('could not be healed'), `Healing ${step.target} failed: ${healOutcome.detail}.`, service));
        return finish();
    }
    if (ctx.signal.aborted)
        return finish();
    // Recovery: every node of the target answers again. A restart counts from its start, other faults from healing.
    const recoverFrom = step.kind === 'restart' ? began : healStart;
    const recovered = [];
    for (const node of step.targets) {
        const back = await untilServing(ctx, node, ctx.options.startupTimeoutMs);
        const ms = back.doneAt !== undefined ? back.doneAt - recoverFrom : undefined;
        if (back.done) {
            recovered.push(node);
            recoveryMs = Math.max(recoveryMs ?? 0, ms ?? 0);
        }
        checks.push({
            id: `${p}:recovery:${node.label}`,
            kind: 'recovery',
            title: back.done ? title(`${node.label} answers again`) : title(`${node.label} did not answer again`),
            status: back.done ? 'passed' : 'failed',
            durationMs: ms ?? back.elapsedMs,
            detail: back.done
                ? `${node.label} answered ${Math.round(ms ?? 0)} ms after ${step.kind === 'restart' ? 'the restart began' : 'the fault was healed'}.`
                : `${node.label} did not answer below 500 within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after the fault was healed; last: ${(0,kv_api/* describeObservation */.C3)((0,kv_api/* observe */.lB)(back.last))}.`,
            ...(node.service ? { service: node.service } : {}),
            node: node.label,
            actual: (0,kv_api/* observe */.lB)(back.last),
        });
    }
    // Every write refused while the fault held (a quorum store that lost its quorum): the store must take writes
    // again once healed, and the faulted nodes must get them; that write stands in for the missed ones below.
    let afterHeal = [];
    if (during.length === 0 && refused > 0 && recovered.length > 0) {
        const again = await writableAgain(ctx, [...step.others, ...recovered], healStart);
        const node = again.node;
        if (again.write) {
            afterHeal = [again.write];
            acked.push(again.write);
        }
        checks.push({
            id: `${p}:writable`,
            kind: 'recovery',
            title: again.write ? title(`writes are accepted again after healing`) : title(`writes are still refused after healing`),
            status: again.write ? 'passed' : 'failed',
            durationMs: again.ms,
            detail: again.write
                ? `Every write was refused while ${what} (availability loss); ${node.label} acknowledged one ${Math.round(again.ms)} ms after the fault was healed (${again.attempts} attempt(s)).`
                : `Every write was refused while ${what}, and still none of ${[...step.others, ...recovered].map((n) => n.label).join(', ')} acknowledged one within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after healing (${again.attempts} attempt(s)); last: ${(0,kv_api/* describeObservation */.C3)(again.last)}.`,
            ...(node?.service ? { service: node.service } : service ? { service } : {}),
            ...(node ? { node: node.label } : {}),
            ...(again.write ? {} : { actual: again.last }),
        });
    }
    // Catch-up: the faulted nodes get every write acknowledged while they were away (or, when none was, the first
    // one after healing); the others get what the partitioned side acknowledged.
    const missed = during.length > 0 ? during : afterHeal;
    const whileAway = during.length > 0 ? `written while ${what}` : 'acknowledged after healing';
    for (const node of recovered) {
        const since = clock.now();
        if (missed.length === 0) {
            checks.push({ id: `${p}:catch-up:${node.label}`, kind: 'catch-up', title: title(`nothing to catch up on for ${node.label}`), status: 'skipped', durationMs: 0, detail: `No node acknowledged a write while ${what}.`, ...(node.service ? { service: node.service } : {}), node: node.label });
            continue;
        }
        const missing = await missingOn(ctx, node, missed, since);
        const ms = clock.now() - since;
        if (missing.length === 0)
            catchUpMs = Math.max(catchUpMs ?? 0, missing.slowest);
        checks.push(keysCheck(`${p}:catch-up:${node.label}`, 'catch-up', node, missing, missing.length === 0
            ? title(during.length > 0 ? `${node.label} caught up with every write made while it was away` : `${node.label} caught up after healing`)
            : title(during.length > 0 ? `${node.label} never caught up with ${missing.length} write(s) made while it was away` : `${node.label} never got the write acknowledged after healing`), missing.length === 0 ? `${node.label} returned all ${missed.length} value(s) ${whileAway}, ${Math.round(missing.slowest)} ms after it answered again.` : `${node.label} never returned keys ${whileAway}: ${missing.keys.join(', ')} (waited ${Math.round(ms)} ms).`, missing.length === 0 ? missing.slowest : ms));
    }
    if (byTarget.length > 0) {
        for (const node of step.others) {
            const since = clock.now();
            const missing = await missingOn(ctx, node, byTarget, since);
            checks.push(keysCheck(`${p}:after-heal:${node.label}`, 'catch-up', node, missing, missing.length === 0 ? title(`${node.label} got the writes ${step.target} acknowledged while cut off`) : title(`${node.label} never got ${missing.length} write(s) ${step.target} acknowledged while cut off`), missing.length === 0 ? `${node.label} returned all ${byTarget.length} value(s) ${step.target} acknowledged while cut off.` : `${node.label} never returned keys ${step.target} acknowledged while cut off: ${missing.keys.join(', ')}.`, missing.length === 0 ? missing.slowest : clock.now() - since));
        }
    }
    // Durability: what was acknowledged before the fault is still there, on every node.
    const lostSet = new Set();
    const readers = [...step.others, ...recovered];
    const results = await Promise.all(readers.map(async (node) => ({ node, since: clock.now(), missing: await missingOn(ctx, node, mustKeep, clock.now()) })));
    for (const { node, since, missing } of ctx.nodes.flatMap((n) => results.filter((r) => r.node === n))) {
        for (const k of missing.keys)
            lostSet.add(k);
        checks.push(keysCheck(`${p}:durability:${node.label}`, 'durability', node, missing, missing.length === 0 ? title(`${node.label} kept every earlier write`) : title(`${node.label} lost ${missing.length} acknowledged write(s)`), missing.length === 0
            ? `${node.label} still returns all ${mustKeep.length} value(s) acknowledged before the ${noun}.`
            : `${node.label} does not return keys acknowledged before the ${noun}: ${missing.keys.join(', ')}.`, clock.now() - since));
    }
    lost = [...lostSet];
    return finish();
}
/** `a`, `a and b`, `a, b and c`. */
function listed(names) {
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
/**
 * Writes, node after node, until one is acknowledged or startup-timeout passes. Each attempt uses a fresh key: an
 * attempt that timed out may still be committed later, and must not be mistaken for the one expected back.
 */
async function writableAgain(ctx, nodes, from) {
    let i = 0;
    let hit;
    const r = await pollUntil(async () => {
        const node = nodes[i++ % nodes.length];
        const w = await write(ctx, node, 'healed');
        if (w.acked)
            hit = { write: w.write, node };
        return { done: w.acked, value: w.last };
    }, { timeoutMs: ctx.options.startupTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 20, maxDelayMs: 250 });
    return { ...(hit ? hit : {}), ms: (r.doneAt ?? ctx.clock.now()) - from, attempts: r.attempts, last: r.last ?? { error: 'no attempt was made' } };
}
function cap(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
async function write(ctx, node, purpose) {
    const key = freshKey(ctx, purpose);
    const value = uniqueValue(ctx, node.label, purpose);
    const w = await ctx.api.write(node.url, key, value, ctx.signal);
    return { acked: w.acked, write: { key, value, writer: node.label }, last: (0,kv_api/* observe */.lB)(w.outcome) };
}
/** Polls one node for one value until it is returned, refused, or the convergence timeout passes (stale). */
async function readWhileHeld(ctx, node, w) {
    const since = ctx.clock.now();
    const want = Buffer.from(w.value, 'utf8');
    let state = 'stale';
    const r = await pollUntil(async () => {
        const read = await ctx.api.read(node.url, w.key, ctx.signal);
        const o = read.outcome;
        state = (0,faults_plan/* classifyRead */.NB)({ ok: o.ok, ...(o.ok ? { status: o.status } : {}), matches: read.value != null && read.value.equals(want) });
        return { done: state !== 'stale', value: o };
    }, { timeoutMs: ctx.options.convergenceTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 2, maxDelayMs: 100 });
    return {
        node,
        key: w.key,
        state: r.done ? state : 'stale',
        ms: r.done && state === 'converged' && r.doneAt !== undefined ? r.doneAt - since : null,
        last: (0,kv_api/* observe */.lB)(r.last),
        waitedMs: ctx.clock.now() - since,
    };
}
async function missingOn(ctx, node, writes, since) {
    const outcomes = await Promise.all(writes.map(async (w) => ({ w, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0] })));
    const missing = outcomes.filter((x) => !x.o.converged);
    return {
        length: missing.length,
        keys: missing.map((x) => x.w.key),
        slowest: Math.max(0, ...outcomes.map((x) => x.o.ms ?? 0)),
        ...(missing[0] ? { last: missing[0].o.last, firstMissing: missing[0].w } : {}),
    };
}
function keysCheck(id, kind, node, missing, title, detail, durationMs) {
    return {
        id,
        kind,
        title,
        status: missing.length === 0 ? 'passed' : 'failed',
        durationMs,
        detail,
        ...(node.service ? { service: node.service } : {}),
        node: node.label,
        ...(missing.firstMissing ? { expected: missing.firstMissing.value } : {}),
        ...(missing.last ? { actual: missing.last } : {}),
    };
}

;// CONCATENATED MODULE: ./src/faults/suite.ts




async function runFaultSuite(ctx, deps) {
    const f = ctx.options.faults;
    const steps = (0,faults_plan/* planFaults */.hf)({ kinds: f.kinds, groups: f.groups, nodes: ctx.nodes });
    let allPassed = true;
    let known = [...deps.earlier];
    const lost = new Set();
    for (const step of steps) {
        if (ctx.signal.aborted)
            break;
        deps.info(`Fault ${step.index}/${steps.length}: ${step.kind} ${step.target} (${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
        const out = await deps.phase(step.phase, () => runFaultCycle(ctx, step, { actions: deps.actions, active: deps.active, durationMs: f.durationMs, earlier: known, sinceStart: deps.sinceStart, ...(deps.duringFault ? { duringFault: deps.duringFault } : {}) }), (r) => r.report.verdict === 'passed');
        deps.record(out.checks, out.report);
        if (out.report.verdict === 'failed')
            allPassed = false;
        const r = out.report;
        if (r.beganMs !== undefined && r.healedMs !== undefined) {
            deps.addPhase({
                name: `${step.phase} held`,
                startMs: r.beganMs,
                endMs: r.healedMs,
                status: r.verdict === 'passed' ? 'ok' : 'failed',
                note: `${step.kind} began at ${(0,util_text/* formatMs */._V)(r.beganMs)}, healed at ${(0,util_text/* formatMs */._V)(r.healedMs)}`,
            });
        }
        for (const k of out.lost)
            lost.add(k);
        known = (0,faults_plan/* carryForward */.DN)([...known, ...out.acked], lost);
        if (out.inputProblem) {
            throw new config_options/* InputError */.dz([{ input: out.inputProblem.input, message: out.inputProblem.message, fix: 'Name networks the service is attached to (as in the compose file), or leave partition-networks empty to cut all of them.' }]);
        }
    }
    return allPassed;
}

;// CONCATENATED MODULE: ./src/engine/run.ts
















const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i;
class Cancelled extends Error {
    constructor() {
        super('The run was cancelled; the cluster was torn down.');
    }
}
async function runEngine(options, deps, cwd = process.cwd(), extras = {}) {
    const { clock, log, exec, signal } = deps;
    const t0 = clock.now();
    const startedAt = new Date().toISOString();
    const phases = [];
    const checks = [];
    const errors = [];
    const logs = [];
    let nodes = options.servers.map((s) => ({ url: s.url, label: `${s.host}:${s.port}`, mapping: 'not mapped' }));
    let convergence = { writers: [], readers: [], ms: [] };
    let directory = cwd;
    let composeFiles = [];
    let serviceLocations = {};
    let compose;
    let services = [];
    let created = false;
    let teardown = { policy: options.teardown, performed: false };
    let workload;
    let faultReports;
    // Faults that hold right now: healed by their own cycle, and again here before logs and teardown.
    const activeFaults = new ActiveFaults();
    const since = () => clock.now() - t0;
    const phase = async (name, fn, ok = () => true) => {
        const start = since();
        log.phase?.(name, 'start');
        try {
            const value = await fn();
            const good = ok(value);
            phases.push({ name, startMs: start, endMs: since(), status: good ? 'ok' : 'failed' });
            log.phase?.(name, good ? 'ok' : 'failed');
            return value;
        }
        catch (error) {
            phases.push({ name, startMs: start, endMs: since(), status: 'failed' });
            log.phase?.(name, 'failed');
            throw error;
        }
    };
    const throwIfCancelled = () => {
        if (signal.aborted)
            throw new Cancelled();
    };
    const allPassed = (list) => (0,model_result/* decideVerdict */.AU)(list, []) === 'passed';
    try {
        // 1. Everything that can be checked before a container exists.
        const project = await phase('validate', async () => {
            const located = await (0,files.resolveComposeFiles)(options, deps.files, cwd);
            directory = located.directory;
            composeFiles = located.files;
            const dockerVersion = await checkDocker(exec);
            const command = await detectCompose(exec, options.composeVersion);
            log.info(`Docker engine ${dockerVersion}; using Compose ${command.kind} (${command.kind === 'v2' ? 'docker compose' : 'docker-compose'} ${command.version}).`);
            compose = new Compose(exec, command, { name: options.projectName, files: composeFiles, directory });
            const resolved = await compose.resolve();
            services = resolved.services;
            const targets = { 'restart-target': options.restartTarget === undefined ? [] : [options.restartTarget], 'fault-targets': options.faults.kinds.length > 0 ? options.faults.targets : [] };
            const unknown = Object.entries(targets).flatMap(([input, names]) => {
                const missing = names.filter((n) => !services.includes(n));
                if (missing.length === 0)
                    return [];
                const what = missing.length === 1 ? 'is not a service' : 'are not services';
                return [{ input: input, message: `${missing.map((t) => `'${t}'`).join(', ')} ${what} of the compose project.`, fix: `Use one of: ${services.join(', ')}.` }];
            });
            if (unknown.length > 0)
                throw new config_options/* InputError */.dz(unknown);
            checkPartitionNetworks(options, resolved);
            serviceLocations = await (0,files.locateServices)(deps.files, composeFiles);
            checkServersArePublished(options, resolved, log);
            const taken = [];
            for (const s of options.servers) {
                if (LOOPBACK.test(s.host) && (await isListening(s.host, s.port)))
                    taken.push(`${s.host}:${s.port}`);
            }
            if (taken.length > 0) {
                throw new SetupError(`Port(s) ${taken.join(', ')} are already in use by something else before the cluster started.`, 'Stop whatever listens there (an earlier run, another service), or publish the cluster on free ports and list those.', 'servers');
            }
            return command;
        });
        throwIfCancelled();
        deps.onProjectKnown?.({
            project: options.projectName,
            composeFile: project.file,
            composePrefix: project.prefix,
            files: composeFiles,
            directory,
            teardown: options.teardown,
        });
        // 2. Start the cluster.
        const c = compose;
        created = true;
        await phase('up', async () => {
            const r = await c.up(options.build, signal);
            throwIfCancelled();
            if (r.code !== 0) {
                throw new SetupError(`compose up failed (exit ${r.code ?? 'signal'}${r.timedOut ? ', timed out' : ''}).`, 'Read the Compose output and service logs below; the cluster must start with `docker compose up` on its own.', undefined, (0,util_text/* tailText */.QR)((0,util_text/* stripAnsi */.aJ)(`${r.stderr}\n${r.stdout}`.trim()), 40));
            }
        });
        // 3. Which URL is which service.
        const upAt = clock.now();
        const bindings = bindingsFromInspect(await c.inspect());
        nodes = labelNodes(mapServers(options.servers, bindings), options);
        for (const n of nodes)
            if (!n.service)
                log.warn(`${n.url} could not be mapped to a service (${n.mapping}); it is treated as not the restart target.`);
        const api = (0,kv_api/* httpKvApi */.Yt)(deps.http, options);
        const ctx = { api, clock, signal, options, runId: newRunId(), nodes };
        // 4. Readiness.
        const ready = await phase('ready', () => waitForReady(ctx, nodes, upAt, options.startupTimeoutMs), (r) => allPassed(r.checks));
        nodes = nodes.map((n) => (ready.readyMs.has(n.url) ? { ...n, readyMs: ready.readyMs.get(n.url) } : n));
        checks.push(...ready.checks);
        throwIfCancelled();
        if (allPassed(ready.checks)) {
            // 5. Replication.
            const rep = await phase('replication', () => checkReplication(ctx), (r) => allPassed(r.checks));
            checks.push(...rep.checks);
            convergence = rep.matrix;
            throwIfCancelled();
            // With faults, the workload's clients run while each fault holds; the workload phase judges it all.
            const session = options.workload !== undefined ? new WorkloadSession(ctx, options.workload) : undefined;
            // 6. Faults: the fault suite when `faults` is set, else the restart check of restart-target as before.
            if (options.faults.kinds.length > 0) {
                const reports = (faultReports = []);
                await runFaultSuite(ctx, {
                    actions: dockerFaultActions(c, exec, options.faults.partitionNetworks),
                    active: activeFaults,
                    phase,
                    addPhase: (p) => phases.push(p),
                    sinceStart: since,
                    info: (m) => log.info(m),
                    earlier: rep.written,
                    ...(session ? { duringFault: session.duringFault } : {}),
                    record: (found, report) => {
                        checks.push(...found);
                        reports.push(report);
                    },
                });
                throwIfCancelled();
            }
            else if (options.restartTarget !== undefined) {
                const target = options.restartTarget;
                const plan = planRestart(nodes, target);
                log.info(`Restarting ${target} (${plan.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
                const restart = await phase('restart', () => checkRestart(ctx, plan, () => c.restart(target), rep.written), (r) => allPassed(r.checks));
                checks.push(...restart.checks);
                throwIfCancelled();
            }
            // 7. Concurrent workload, judged by the chosen consistency model.
            if (session && options.workload) {
                const wl = options.workload;
                const ranDuringFaults = session.operations > 0;
                log.info(ranDuringFaults
                    ? `Workload: ${session.operations} operations recorded while the faults held; checking ${wl.consistency} consistency.`
                    : `Workload: ${wl.clients} clients for ${wl.durationMs / 1000} s on ${wl.keys} key(s); checking ${wl.consistency} consistency.`);
                const w = await phase('workload', async () => {
                    if (!ranDuringFaults)
                        await session.run();
                    return session.finish(extras.saveHistory, (m) => log.warn(m));
                }, (r) => allPassed(r.checks));
                checks.push(...w.checks);
                workload = w.section;
                throwIfCancelled();
            }
        }
    }
    catch (error) {
        errors.push(...toRunErrors(error));
    }
    finally {
        for (const { label, outcome } of await activeFaults.healAll()) {
            log.warn(`Healed ${label} before teardown: ${outcome.detail}.`);
            if (!outcome.ok)
                errors.push({ message: `Could not heal ${label}: ${outcome.detail}.`, fix: 'Check the containers of the project by hand (docker ps, docker network inspect).' });
        }
        const failed = (0,model_result/* decideVerdict */.AU)(checks, errors) === 'failed';
        if (created && compose && failed && options.logLines > 0 && !signal.aborted) {
            const c = compose;
            await phase('logs', async () => {
                for (const service of services) {
                    const text = (0,util_text/* stripAnsi */.aJ)(await c.logs(service, options.logLines));
                    logs.push({ service, text });
                    log.untrusted(`Last ${options.logLines} log lines of ${service}`, text);
                }
            }).catch(() => undefined);
        }
        const wanted = options.teardown === 'always' || (options.teardown === 'on-success' && (!failed || signal.aborted));
        if (created && compose && wanted) {
            const c = compose;
            await phase('down', async () => {
                // Everything is about to be deleted, so a long graceful stop buys nothing (etcd's leader hand-off alone
                // holds `down` for its whole grace period); on cancel the runner kills us 10 s after SIGINT, so be quicker.
                const r = await c.down(signal.aborted ? 1 : 2);
                let left = await findLeftovers(exec, options.projectName);
                if (r.code !== 0 || left.containers.length + left.networks.length + left.volumes.length > 0) {
                    left = await removeByLabel(exec, options.projectName);
                }
                const leftovers = [...left.containers, ...left.networks, ...left.volumes];
                teardown = { policy: options.teardown, performed: true, ...(leftovers.length > 0 ? { leftovers } : {}) };
                if (leftovers.length > 0)
                    log.warn(`Teardown left ${leftovers.length} object(s) of project ${options.projectName}.`);
            }).catch((error) => errors.push(...toRunErrors(error)));
        }
        else if (created) {
            log.info(`Teardown '${options.teardown}': leaving project ${options.projectName} running.`);
        }
    }
    const result = {
        schemaVersion: model_result/* SCHEMA_VERSION */.f$,
        tool: { name: 'replicheck', version: deps.version },
        verdict: (0,model_result/* decideVerdict */.AU)(checks, errors),
        startedAt,
        durationMs: since(),
        project: {
            name: options.projectName,
            directory,
            composeFiles,
            ...(compose ? { compose: { kind: compose.command.kind, version: compose.command.version } } : {}),
        },
        serviceLocations,
        nodes,
        phases,
        checks,
        convergence,
        maxConvergenceMs: (0,model_result/* maxConvergence */.Ao)(convergence),
        logs,
        errors,
        teardown,
        ...(workload ? { workload } : {}),
        ...(faultReports ? { faults: faultReports } : {}),
    };
    return result;
}
/**
 * A loopback URL whose port no service will publish can never answer with the cluster's data: say so now rather
 * than after the startup timeout. With ports Docker picks at random the list is incomplete, so only warn then.
 */
function checkServersArePublished(options, resolved, log) {
    const mapped = mapServers(options.servers, resolved.published);
    const missing = mapped.filter((m, i) => m.service === undefined && LOOPBACK.test(options.servers[i].host) && !m.reason.includes('published by'));
    if (missing.length === 0)
        return;
    const ports = resolved.published.map((b) => `${b.hostPort} (${b.service})`).join(', ') || 'none';
    const message = `${missing.map((m) => m.url).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not published by any service of the project (published ports: ${ports}).`;
    if (resolved.hasRandomPorts) {
        log.warn(message);
        return;
    }
    throw new config_options/* InputError */.dz([{ input: 'servers', message, fix: 'List the URLs of the ports the compose file publishes, or publish the port in the compose file.' }]);
}
/** Every network `partition-networks` names must be one each fault target is on: found now, not mid-run. */
function checkPartitionNetworks(options, resolved) {
    const wanted = options.faults.partitionNetworks;
    if (!options.faults.kinds.includes('partition') || wanted.length === 0)
        return;
    const problems = options.faults.targets.flatMap((service) => {
        const on = resolved.networks[service] ?? [];
        // Docker's full name of a compose network is `<project>_<name>`; both spellings are accepted.
        const missing = wanted.filter((n) => !on.some((a) => a === n || `${options.projectName}_${a}` === n));
        if (missing.length === 0)
            return [];
        return [
            {
                input: 'partition-networks',
                message: `${service} is not attached to ${missing.join(', ')} (it is on ${on.join(', ') || 'no network'}).`,
                fix: 'Name networks the service is attached to, as in the compose file, or leave partition-networks empty to cut all of them.',
            },
        ];
    });
    if (problems.length > 0)
        throw new config_options/* InputError */.dz(problems);
}
/** Labels are service names where the mapping is unique, else host:port; duplicates get a suffix. */
function labelNodes(mappings, options) {
    const seen = new Map();
    return mappings.map((m, i) => {
        const s = options.servers[i];
        let label = m.service ?? `${s.host}:${s.port}`;
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        if (n > 1)
            label = `${label}#${n}`;
        return { url: m.url, label, ...(m.service ? { service: m.service } : {}), mapping: m.reason };
    });
}
/** One RunError per problem, so each bad input gets its own annotation. */
function toRunErrors(error) {
    if (error instanceof config_options/* InputError */.dz) {
        return error.problems.map((p) => ({ message: `Input '${p.input}': ${p.message}`, fix: p.fix, input: p.input }));
    }
    if (error instanceof SetupError) {
        return [{ message: error.message, fix: error.fix, ...(error.input ? { input: error.input } : {}), ...(error.detail ? { detail: error.detail } : {}) }];
    }
    if (error instanceof Cancelled)
        return [{ message: error.message }];
    const e = error;
    return [{ message: `Unexpected error: ${e?.message ?? String(error)}` }];
}


/***/ })

};
