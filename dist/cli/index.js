#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   bH: () => (/* binding */ isBooleanInput),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   ug: () => (/* binding */ parseRunArgs)
/* harmony export */ });
/* unused harmony export CLI_FLAGS */
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4389);
// Command-line arguments of `replicheck run`, pure. Every action input is a `--name` flag, derived from the one
// INPUTS list, so an input added for the action is a flag here without touching this file.

/** Bad usage: unknown flag, missing value, stray argument. The CLI exits 2 with this message. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** Flags of `run` that are not inputs. */
const CLI_FLAGS = ['config', 'no-config', 'json', 'help'];
const specs = _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .m;
const INPUT_NAMES = new Set(specs.map((s) => s.name));
/** Inputs whose value is a boolean: they also take `--name` alone (true) and `--no-name` (false). */
function isBooleanInput(spec) {
    return spec.default === 'true' || spec.default === 'false';
}
function parseRunArgs(argv) {
    const inputs = {};
    let config;
    let noConfig = false;
    let json = false;
    let help = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '-h' || arg === '--help') {
            help = true;
            continue;
        }
        if (!arg.startsWith('--') || arg === '--') {
            throw new UsageError(`unexpected argument '${arg}': \`run\` takes only --flags (see replicheck run --help).`);
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq > 0 ? eq : undefined);
        const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
        const next = argv[i + 1];
        const takeValue = () => {
            if (inline !== undefined)
                return inline;
            if (next === undefined || next.startsWith('--'))
                throw new UsageError(`--${name} needs a value.`);
            i++;
            return next;
        };
        const noValue = () => {
            if (inline !== undefined)
                throw new UsageError(`--${name} takes no value.`);
        };
        if (name === 'config') {
            config = takeValue();
        }
        else if (name === 'no-config') {
            noValue();
            noConfig = true;
        }
        else if (name === 'json') {
            noValue();
            json = true;
        }
        else if (INPUT_NAMES.has(name)) {
            const spec = specs.find((s) => s.name === name);
            let value;
            if (isBooleanInput(spec) && inline === undefined && (next === undefined || !/^(true|false)$/i.test(next))) {
                value = 'true';
            }
            else {
                value = takeValue();
            }
            const key = name;
            inputs[key] = inputs[key] === undefined ? value : `${inputs[key]}\n${value}`;
        }
        else if (name.startsWith('no-') && specs.some((s) => s.name === name.slice(3) && isBooleanInput(s))) {
            noValue();
            inputs[name.slice(3)] = 'false';
        }
        else {
            throw new UsageError(`unknown flag --${name}.${suggest(name, [...INPUT_NAMES, ...CLI_FLAGS], (s) => ` Did you mean --${s}?`)}`);
        }
    }
    return { inputs, ...(config !== undefined ? { config } : {}), noConfig, json, help };
}
/** ` Did you mean X?` for the closest known name, or '' when nothing is close. */
function suggest(word, names, phrase) {
    let best;
    let bestDistance = Infinity;
    for (const name of names) {
        const d = name.includes(word) || word.includes(name) ? Math.abs(name.length - word.length) / 2 : distance(word, name);
        if (d < bestDistance) {
            best = name;
            bestDistance = d;
        }
    }
    // Far-off suggestions are noise: allow about one edit in three characters.
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? phrase(best) : '';
}
/** Levenshtein distance. */
function distance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 6309:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ findDefaultConfig),
/* harmony export */   BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
/* harmony export */   HT: () => (/* binding */ loadConfigFile),
/* harmony export */   sg: () => (/* binding */ mergeInputs)
/* harmony export */ });
/* unused harmony export configInputs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4389);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7593);
// The config file of `replicheck run`: the same keys as the action's inputs, in JSON or YAML, so a long command
// line can live in the repository next to the compose file.




/** Looked for in the current directory, in this order, unless --config or --no-config is given. */
const DEFAULT_CONFIG_FILES = ['replicheck.json', 'replicheck.yml', 'replicheck.yaml'];
/** The default config file in `cwd`, if there is exactly one; two of them is an error (which one is meant?). */
async function findDefaultConfig(cwd) {
    const found = [];
    for (const name of DEFAULT_CONFIG_FILES) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, name);
        if (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path).then(() => true, () => false))
            found.push(path);
    }
    if (found.length > 1) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`found ${found.map((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f)).join(' and ')}: keep one, or choose with --config FILE.`);
    }
    return found[0];
}
async function loadConfigFile(file, cwd) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`cannot read the config file ${file}: ${error.message}`);
    }
    const ext = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(path).toLowerCase();
    let data;
    try {
        if (ext === '.json') {
            data = JSON.parse(text);
        }
        else if (ext === '.yml' || ext === '.yaml') {
            // Loaded only here, so commands without a YAML file never pay for the parser.
            const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
            data = parse(text);
        }
        else {
            throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the config file ${file} must end in .json, .yml or .yaml.`);
        }
    }
    catch (error) {
        if (error instanceof _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb)
            throw error;
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the config file ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${error.message}`);
    }
    return { path, directory: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), inputs: configInputs(data, file) };
}
/**
 * Checks the keys and turns values into input strings: numbers and booleans as written, a list of plain values
 * as one item per line (like a multi-line input), anything nested as JSON (which YAML-valued inputs accept).
 */
function configInputs(data, file) {
    if (data === null || data === undefined)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the config file ${file} must hold an object of input names and values.`);
    }
    const names = _config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .m.map((s) => s.name);
    const unknown = Object.keys(data).filter((k) => !names.includes(k));
    if (unknown.length > 0) {
        const list = unknown.map((k) => `'${k}'${(0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .suggest */ .ZA)(k, names, (s) => ` (did you mean '${s}'?)`)}`).join(', ');
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`unknown key${unknown.length > 1 ? 's' : ''} in ${file}: ${list}. Keys are the input names.`);
    }
    const out = {};
    for (const [key, value] of Object.entries(data)) {
        if (value === null || value === undefined)
            continue;
        out[key] = toInputString(value);
    }
    return out;
}
function toInputString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
        return value.join('\n');
    return JSON.stringify(value);
}
/**
 * Flags over the config file over the defaults. Paths written in the file are relative to the file's folder (so
 * `--config deploy/replicheck.yml` works from anywhere); paths given as flags are relative to the current one.
 */
function mergeInputs(flags, config, cwd) {
    const merged = { ...config?.inputs };
    if (config && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory) !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd)) {
        merged['working-directory'] = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory, merged['working-directory'] || '.');
        const report = merged['report-file'];
        if (report)
            merged['report-file'] = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory, report);
    }
    return { ...merged, ...flags };
}


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mainUsage),
/* harmony export */   l_: () => (/* binding */ runUsage)
/* harmony export */ });
/* unused harmony exports EXIT_CODES, wrap */
/* harmony import */ var _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4389);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7593);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6309);
// Help texts. The `run` flags are generated from INPUTS, so `run --help` lists every input with its own
// description and default and cannot fall behind the action.



const WIDTH = 100;
const EXIT_CODES = `Exit status:
  0    passed: every check passed
  1    failed: at least one check failed (the cluster does not replicate as it should)
  2    could not check: bad usage, a bad input or config file, or a setup problem (Docker, Compose,
       compose up, ports) before any check failed
  130  interrupted (Ctrl-C); the cluster was torn down unless Ctrl-C was pressed twice`;
function mainUsage(version) {
    return `replicheck ${version}: proves that a multi-node HTTP service replicates.

Usage:
  replicheck run [options]               run the compose cluster and check replication
  replicheck check-history FILE [opts]   check a recorded history for linearizability
  replicheck --help | -h                 this help
  replicheck --version | -V              the version

'replicheck run --help' lists every option (the GitHub Action's inputs as flags);
'replicheck check-history --help' describes the history checker.
`;
}
function runUsage() {
    const rows = [];
    for (const spec of _config_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .m) {
        const flag = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .isBooleanInput */ .bH)(spec) ? `--${spec.name}[=true|false], --no-${spec.name}` : `--${spec.name} VALUE`;
        const notes = [];
        if (spec.required)
            notes.push('required');
        if (spec.secret)
            notes.push('secret: a command line is visible to other users, prefer the config file');
        if (spec.default !== undefined && spec.default !== '')
            notes.push(`default: ${spec.default}`);
        rows.push([flag, `${spec.description}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`]);
    }
    const other = [
        ['--config FILE', `Read inputs from FILE (.json, .yml or .yaml; keys are the input names). Without it, ${_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILES */ .BY.join(', ')} in the current directory is read if present. Flags override the file; paths in the file are relative to its folder.`],
        ['--no-config', 'Do not read a config file from the current directory.'],
        ['--json', 'Print the JSON report on stdout instead of the table (progress goes to stderr).'],
        ['-h, --help', 'This help.'],
    ];
    return `Usage: replicheck run [options]

${paragraph("Starts the cluster with docker compose, waits until every node answers, writes on every node and reads back from every node, runs the configured restart and faults, then tears everything down and prints the checks, the convergence matrix, the verdict and the path of the JSON report. The flags are the action's inputs.")}

Inputs:
${table(rows)}

Options:
${table(other)}

${paragraph('A flag given twice is a list (its values are joined with newlines), as for --servers or --compose-file.')}
${paragraph('Output: progress while it runs (a live line on a terminal, plain lines otherwise; no colour when NO_COLOR is set), then the result. Ctrl-C heals faults and tears the cluster down; a second Ctrl-C quits at once and prints what may be left and how to remove it.')}

${EXIT_CODES}

Example:
  replicheck run --working-directory examples/kv \\
    --servers http://localhost:8080,http://localhost:8082,http://localhost:8084 \\
    --restart-target kv_4
`;
}
function paragraph(text) {
    return wrap(text, WIDTH).join('\n');
}
function table(rows) {
    const left = 34;
    const lines = [];
    for (const [flag, text] of rows) {
        const wrapped = wrap(text, WIDTH - left);
        const first = flag.length + 2 < left ? `  ${flag.padEnd(left - 2)}${wrapped[0] ?? ''}` : undefined;
        if (first !== undefined) {
            lines.push(first);
        }
        else {
            lines.push(`  ${flag}`, `${' '.repeat(left)}${wrapped[0] ?? ''}`);
        }
        for (const more of wrapped.slice(1))
            lines.push(`${' '.repeat(left)}${more}`);
    }
    return lines.join('\n');
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines;
}


/***/ }),

/***/ 4389:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ INPUTS),
/* harmony export */   y: () => (/* binding */ readRawInputs)
/* harmony export */ });
// The one list of inputs. The action reads exactly these names (and a test holds action.yml to the same list);
// the CLI turns each into a `--name` flag, so the two front ends cannot drift apart.
const INPUTS = [
    {
        name: 'compose-file',
        description: 'Compose file(s), newline- or comma-separated, relative to working-directory. When the default is absent, compose.yaml, compose.yml or docker-compose.yaml is used, as Compose does.',
        default: 'docker-compose.yml',
    },
    {
        name: 'servers',
        description: 'Base URLs of the nodes, newline- or comma-separated (http://localhost:8080, ...); an entry may be named, name=url (with compose the name is a service).',
        required: true,
    },
    { name: 'cluster', description: 'compose (Replicheck starts and tears down the compose project) or external (a cluster already running; faults through fault-commands).', default: 'compose' },
    {
        name: 'fault-commands',
        description: 'YAML mapping from fault kind to { apply, heal } shell command templates with {target} and {url} (shell-quoted), e.g. pause: { apply: "kill -STOP $(cat {target}.pid)", heal: "..." }.',
        default: '',
    },
    { name: 'fault-command-timeout', description: 'Seconds one fault command may take.', default: '60' },
    {
        name: 'restart-target',
        description: 'Compose service to restart during the restart check. Empty: skip the restart check.',
        default: '',
    },
    {
        name: 'faults',
        description: 'Faults, newline- or comma-separated: restart, stop, kill, pause, partition (cut from peers; partition:halves, :majorities-ring, :bridge, :one-way), disconnect, loss[:P%], latency:MS[/JITTER], clock[:±Ns]. Empty: none (restart-target alone runs the restart check).',
        default: '',
    },
    { name: 'fault-targets', description: 'Compose service(s) each fault is applied to, in turn; join services with + to fault them together (etcd_1+etcd_2). Empty: restart-target.', default: '' },
    { name: 'fault-schedule', description: 'sequence (one fault after another) or random (faults start and heal at random moments while the workload runs, from workload-seed).', default: 'sequence' },
    { name: 'max-memory', description: 'Memory the linearizability search may take (e.g. 512M, 2G); past it a key is unknown, never a crash. Histories with unique written values need no search.', default: '1G' },
    { name: 'fault-duration', description: 'Seconds each fault holds (stop, kill, pause, partition) before it is healed.', default: '3' },
    {
        name: 'partition-networks',
        description: "Networks a partition cuts the target off (names as in the compose file). Empty: every network of the service.",
        default: '',
    },
    {
        name: 'api',
        description: "Preset for the nodes' key-value API: kv (the example service), etcd-v3 (etcd's v3 JSON API) or etcd-v2 (etcd's v2 keys API). The inputs below override parts of it.",
        default: 'kv',
    },
    {
        name: 'key-path',
        description: "URL path template for a key; must contain {key}. Default for write-path and read-path. Empty: the preset's (kv: /key/{key}, etcd-v2: /v2/keys/{key}).",
        default: '',
    },
    { name: 'write-method', description: "HTTP method of a write: POST or PUT. Empty: the preset's (kv: POST, etcd-v2: PUT).", default: '' },
    { name: 'write-path', description: 'URL path template of a write ({key}, {value} percent-encoded). Empty: key-path.', default: '' },
    {
        name: 'read-path',
        description: "URL path template of a read, with an optional query ({key} percent-encoded). Empty: key-path (etcd-v2 adds ?quorum=true).",
        default: '',
    },
    {
        name: 'write-body',
        description: "Body template of a write. Exactly {value}: the raw value; otherwise placeholders are form-encoded in a form body, JSON-escaped in a JSON body. Empty: the preset's (kv: {value}, etcd-v2: value={value}).",
        default: '',
    },
    { name: 'write-content-type', description: "Content-Type of a write. Empty: the preset's (application/x-www-form-urlencoded).", default: '' },
    {
        name: 'headers',
        description: "Extra request headers, one 'Name: value' per line (e.g. an Authorization header from a secret). Values are masked in the log and redacted from reports.",
        default: '',
        secret: true,
    },
    {
        name: 'read-value',
        description: "Where a read's answer holds the value: body (the whole body) or a JSON pointer such as /node/value. Empty: the preset's (kv: body, etcd-v2: /node/value).",
        default: '',
    },
    { name: 'read-method', description: "GET or POST (a read with a body, e.g. etcd-v3's range request). Empty: the preset's.", default: '' },
    {
        name: 'read-body',
        description: 'Body template of a read (read-method POST); {key} or {key:base64} / {key:json}. Empty: the preset\'s (etcd-v3: {"key":"{key:base64}"}).',
        default: '',
    },
    { name: 'read-content-type', description: "Content-Type of a read with a body. Empty: the preset's (application/json).", default: '' },
    { name: 'read-value-encoding', description: "How the value at read-value is encoded: none or base64. Empty: the preset's (etcd-v3: base64).", default: '' },
    {
        name: 'adapter',
        description: 'Path of an ES module (relative to working-directory) exporting write, read and optionally cas, for APIs no template can describe. Replaces the request templates.',
        default: '',
    },
    { name: 'missing-status', description: "HTTP status(es) a node answers for a key that does not exist, comma-separated. Empty: the preset's (404).", default: '' },
    {
        name: 'value-format',
        description: "Values written: text (unique, readable, and carrying space, +, %41, &, =, /, ?, #, quotes, a backslash and é✓, which break mis-encoding APIs), token (letters, digits and - only) or bytes (any bytes, NUL, CR/LF and invalid UTF-8 included; needs a raw or form body and read-value body).",
        default: 'text',
    },
    {
        name: 'ready-path',
        description: 'Path polled until a node answers with a status below 500. Empty: a key path of a key that does not exist.',
        default: '',
    },
    { name: 'startup-timeout', description: 'Seconds to wait for every node to answer after compose up.', default: '180' },
    {
        name: 'convergence-timeout',
        description: 'Seconds a written value may take to reach every node.',
        default: '10',
    },
    { name: 'request-timeout', description: 'Seconds one HTTP request may take before it counts as failed.', default: '5' },
    {
        name: 'compose-version',
        description: 'Which Compose to use: auto (docker compose v2, else docker-compose v1), v2 or v1.',
        default: 'auto',
    },
    { name: 'working-directory', description: 'Directory the compose files are relative to.', default: '.' },
    {
        name: 'project-name',
        description: 'Compose project name. Empty: unique per run (run id, attempt, job and a random suffix).',
        default: '',
    },
    { name: 'build', description: 'Build images during compose up (true/false).', default: 'true' },
    { name: 'teardown', description: 'When to remove the cluster: always, on-success, never, or post (keep it for the job\'s later steps and remove it in the post step).', default: 'always' },
    { name: 'log-lines', description: 'Lines of each service log shown when a check fails.', default: '50' },
    {
        name: 'report-file',
        description: 'Where to write the JSON report. Empty: a file in RUNNER_TEMP (or the system temp directory).',
        default: '',
    },
    {
        name: 'workload',
        description: 'Concurrent workload after the checks: none, register (random reads and writes of a few keys on random nodes, recorded as a history) or cas-register (reads, writes and compare-and-set, where the API has one).',
        default: 'none',
    },
    { name: 'workload-clients', description: 'Concurrent clients of the workload (1-64).', default: '8' },
    { name: 'workload-duration', description: 'Seconds the workload runs.', default: '10' },
    { name: 'workload-keys', description: 'How many keys the workload reads and writes (1-100).', default: '3' },
    {
        name: 'workload-seed',
        description: "Seed of the workload clients' random choices (0-2147483647). Empty: a random seed, recorded in the report.",
        default: '',
    },
    {
        name: 'consistency',
        description: 'What the workload history must satisfy: eventual (all nodes converge to a value that can legally be last) or linearizable (checked per key).',
        default: 'eventual',
    },
];
/** Reads every declared input through `get` (trimmed), filling declared defaults for empty values. */
function readRawInputs(get) {
    const raw = {};
    for (const spec of INPUTS) {
        const value = (get(spec.name) ?? '').trim();
        raw[spec.name] = value === '' ? (spec.default ?? '') : value;
    }
    return raw;
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// Kept equal to package.json's version by a unit test (importing package.json would bundle all of it).
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __nccwpck_require__(7593);
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __nccwpck_require__(7911);
;// CONCATENATED MODULE: ./src/cli/main.ts
// The `replicheck` command: dispatch to a subcommand. Subcommands are loaded on demand so `--version` and
// `--help` start in a few tens of milliseconds.



const COMMANDS = ['run', 'check-history', 'help'];
async function cli(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || (command === 'help' && rest.length === 0)) {
        io.stdout.write((0,help/* mainUsage */.D)(version/* VERSION */.x));
        return 0;
    }
    if (command === '-V' || command === '--version' || command === 'version') {
        io.stdout.write(`${version/* VERSION */.x}\n`);
        return 0;
    }
    if (command === 'help')
        return cli([rest[0], '--help'], io);
    if (command === 'run') {
        const { runCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(33)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9033));
        return runCommand(rest, io);
    }
    if (command === 'check-history') {
        const { checkHistoryCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(417), __nccwpck_require__.e(387)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7387));
        return checkHistoryCommand(rest, { stdout: (t) => io.stdout.write(t), stderr: (t) => io.stderr.write(t) });
    }
    const hint = (0,args/* suggest */.ZA)(command.replace(/^-+/, ''), COMMANDS, (s) => ` Did you mean '${s}'?`);
    io.stderr.write(`replicheck: unknown ${command.startsWith('-') ? 'option' : 'command'} '${command}'.${hint}\n\n${(0,help/* mainUsage */.D)(version/* VERSION */.x)}`);
    return 2;
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// Entry of the `replicheck` binary (package.json `bin`, bundled to dist/cli/index.js).

cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`replicheck crashed: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 2;
});

