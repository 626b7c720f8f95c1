#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bH: () => (/* binding */ isBooleanInput),
/* harmony export */   ug: () => (/* binding */ parseRunArgs)
/* harmony export */ });
/* unused harmony export CLI_FLAGS */
/* harmony import */ var _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4233);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7485);


/** Flags of `run` that are not inputs. */
const CLI_FLAGS = (/* unused pure expression or super */ null && (['config', 'no-config', 'json', 'help']));
// The `config` input is the CLI's own --config flag: the same file, which the CLI also finds in the current
// directory by itself (and --no-config stops it from looking).
const specs = _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.filter((s) => s.name !== 'config');
/** Inputs whose value is a boolean: they also take `--name` alone (true) and `--no-name` (false). */
function isBooleanInput(spec) {
    return spec.default === 'true' || spec.default === 'false';
}
const INPUT_NAMES = new Set(specs.map((s) => s.name));
const BOOLEAN_FLAGS = new Set(specs.filter(isBooleanInput).map((s) => `--${s.name}`));
/** `no-build` → `build`, for every boolean input. */
const NEGATIONS = new Map(specs.filter(isBooleanInput).map((s) => [`no-${s.name}`, s.name]));
const OPTIONS = {
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(specs.map((s) => [s.name, { type: 'string', multiple: true }])),
    ...Object.fromEntries([...NEGATIONS.keys()].map((name) => [name, { type: 'boolean' }])),
};
function parseRunArgs(argv) {
    const { values, tokens } = (0,_usage_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommandLine */ .Du)('run', withBareBooleans(argv), OPTIONS, false);
    const inputs = {};
    // Tokens, not values: `--build` and `--no-build` write the same input, so their order on the line counts.
    for (const token of tokens) {
        if (token.kind !== 'option')
            continue;
        const negated = NEGATIONS.get(token.name);
        if (negated !== undefined) {
            inputs[negated] = 'false';
        }
        else if (INPUT_NAMES.has(token.name) && token.value !== undefined) {
            const key = token.name;
            inputs[key] = inputs[key] === undefined ? token.value : `${inputs[key]}\n${token.value}`;
        }
    }
    const config = values.config;
    return {
        inputs,
        ...(config !== undefined ? { config } : {}),
        noConfig: values['no-config'] === true,
        json: values.json === true,
        help: values.help === true,
        briefHelp: values.help === true && tokens.every((t) => t.kind !== 'option' || t.rawName !== '--help'),
    };
}
/**
 * A boolean input takes a value (`--build false`, `--build=false`) or none (`--build`), which parseArgs cannot
 * declare for one option: a bare one, not followed by true or false, is written out as `--build=true` first.
 */
function withBareBooleans(argv) {
    const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
    return argv.map((arg, i) => (i < end && BOOLEAN_FLAGS.has(arg) && !/^(true|false)$/i.test(argv[i + 1] ?? '') ? `${arg}=true` : arg));
}


/***/ }),

/***/ 7911:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mainUsage),
/* harmony export */   l_: () => (/* binding */ runUsage)
/* harmony export */ });
/* unused harmony exports GROUP_TITLES, EXIT_STATUS, firstSentence */
/* harmony import */ var _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4233);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7593);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1974);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3578);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7485);
// Help texts, examples first, wrapped to the terminal's width. The `run` flags are generated from INPUTS, grouped
// as the inputs are, so `run --help` lists every input with its own description and default and cannot fall
// behind the action.





/** The headings of the input groups; the same titles as action.yml's and the docs' (scripts/inputs.ts, tested). */
const GROUP_TITLES = {
    cluster: 'Cluster',
    api: 'API',
    faults: 'Faults',
    workload: 'Workload',
    reports: 'Reports',
};
const GROUP_ABOUT = {
    cluster: 'the nodes, and how Replicheck starts, waits for and removes them',
    api: 'how a key is written to and read from a node',
    faults: 'what is done to the nodes while they are checked',
    workload: 'the concurrent workload and the consistency its history must satisfy',
    reports: 'what a run leaves behind',
};
/** One meaning per status for every command, so a script can tell a finding from a mistake whatever it ran. */
const EXIT_STATUS = [
    ['0', 'passed: every check passed (check-history: linearizable; probe: a preset fits)'],
    ['1', 'failed: a check failed (check-history: not linearizable; probe: no preset fits)'],
    ['2', 'no verdict: run could not check (Docker, Compose, compose up, ports); check-history ran out of time or memory'],
    [
        String(_usage_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT_USAGE */ .Ri),
        'bad usage or bad input, for every command: an unknown flag, a missing or bad value, a stray argument, a bad input, ' +
            'config file or history file. Found before anything started (an input only a fault could try is found while it ' +
            'runs, and the cluster is torn down first).',
    ],
    ['130', 'interrupted (Ctrl-C); run tears the cluster down unless Ctrl-C is pressed twice'],
];
function exitStatus(width) {
    return `Exit status:\n${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(EXIT_STATUS, width)}`;
}
function mainUsage(version, width = _layout_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_WIDTH */ .jz) {
    return `replicheck ${version}: proves that a multi-node HTTP service replicates.

Usage:
${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)([
        ['replicheck run [options]', 'run the cluster and check that it replicates'],
        ['replicheck probe --servers URL', 'find which API preset a running cluster speaks'],
        ['replicheck check-history FILE', 'check a recorded history for linearizability'],
        ['replicheck help COMMAND', "a command's help (also: replicheck COMMAND --help)"],
        ['replicheck --version | -V', 'the version'],
    ], width, 
    // Wide enough for the commands: they read as one column of their own.
    34)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)('Exit status, the same for every command: 0 passed, 1 failed (a finding about the cluster or the history), ' +
        `2 no verdict, ${_usage_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT_USAGE */ .Ri} bad usage or bad input (nothing was started), 130 interrupted.`, width)}
`;
}
/** What a newcomer types first: a caption (wrapped) and a command (never wrapped: it is for copying). */
const RUN_EXAMPLES = [
    [
        'Check the example cluster (examples/kv), restarting one node on the way',
        'replicheck run --working-directory examples/kv --restart-target kv_4 \\\n' +
            '  --servers http://localhost:8080,http://localhost:8082,http://localhost:8084',
    ],
    [
        'Check a cluster that is already running (nothing is started or removed)',
        'replicheck run --cluster external --api etcd-v3 \\\n  --servers http://10.0.0.1:2379,http://10.0.0.2:2379,http://10.0.0.3:2379',
    ],
    [
        "Keep the inputs in a file (the action's config input reads the same file)",
        'replicheck run --config replicheck.yml --json > result.json',
    ],
    ['Not sure which api the nodes speak', 'replicheck probe --servers http://localhost:8080,http://localhost:8082'],
];
function examples(width) {
    // Captions as shell comments, so a block copied whole still runs.
    const blocks = RUN_EXAMPLES.map(([caption, command]) => `${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)(caption, width - 2, 2).replace(/^ {2}/gm, '  # ')}\n${command.replace(/^/gm, '  ')}`);
    return `Examples:\n${blocks.join('\n')}`;
}
/** The flag of an input as the command line writes it. */
function flagOf(spec, brief) {
    if ((0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .isBooleanInput */ .bH)(spec))
        return `--[no-]${spec.name}`;
    return brief ? `--${spec.name}` : `--${spec.name} VALUE`;
}
/**
 * The first sentence of a description: up to the first full stop before a capital (so "e.g. x" and "etc." stay
 * inside), which every description in the list is written to make a summary of the rest.
 */
function firstSentence(text) {
    const m = /^(.*?[.)])\s+(?=[A-Z])/.exec(text);
    return m ? m[1] : text;
}
function inputRow(spec, brief) {
    if (spec.name === 'config' && brief)
        return ['--config FILE', 'Read inputs from FILE (default: replicheck.yml or .json here).'];
    if (spec.name === 'config') {
        // The CLI's own reading of the same input: it also finds a default file, which the action does not.
        return [
            '--config FILE',
            `Read inputs from FILE (.json, .yml or .yaml; keys are the input names; the action's config input reads the same ` +
                `file). Without it, ${_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILES */ .BY.join(', ')} in the current directory is read if there is one ` +
                '(--no-config: none). Flags override the file; paths in the file are relative to its folder.',
        ];
    }
    const notes = [];
    if (spec.required)
        notes.push('required');
    if (spec.secret)
        notes.push(brief ? 'secret' : 'secret: a command line is visible to other users, prefer the config file');
    if (spec.default !== undefined && spec.default !== '')
        notes.push(`default: ${spec.default}`);
    const text = brief ? firstSentence((0,_inputs_list_js__WEBPACK_IMPORTED_MODULE_0__/* .plainDescription */ .$Y)(spec)) : (0,_inputs_list_js__WEBPACK_IMPORTED_MODULE_0__/* .plainDescription */ .$Y)(spec);
    return [flagOf(spec, brief), `${text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`];
}
const CLI_ROWS = [
    ['--no-config', `Do not read ${_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_FILES */ .BY.join(', ')} from the current directory.`],
    ['--json', 'Print the JSON report on stdout instead of the table.'],
    ['-h, --help', "This help: -h with each input's first sentence, --help with the whole text."],
];
/** `brief` (-h): each input's first sentence; otherwise (--help) its whole description. */
function runUsage(width = _layout_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_WIDTH */ .jz, brief = false) {
    const specs = _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc;
    const groups = _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUT_GROUPS */ .ak.map((group) => {
        const rows = specs.filter((s) => s.group === group).map((s) => inputRow(s, brief));
        const heading = (0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)(`${GROUP_TITLES[group]}: ${GROUP_ABOUT[group]}.`, width);
        return rows.length === 0 ? '' : `${heading}\n${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(rows, width, brief ? 26 : 30)}\n\n`;
    }).join('');
    return `Usage: replicheck run [options]

${examples(width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)('Starts the cluster with docker compose, waits until every node answers, writes on every node and reads back from every node, ' +
        'runs the configured restart and faults, then tears everything down and prints the checks, the convergence matrix and the ' +
        "verdict. The flags are the action's inputs, in the same groups.", width)}

${brief
        ? `${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)("Each input's first sentence; every flag but a --[no-]switch takes a value. --help shows the whole text.", width)}\n\n`
        : ''}${groups}Command line only:
${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .table */ .tp)(CLI_ROWS, width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)('A flag given twice is a list (its values are joined with newlines), as for --servers or --compose-file. ' +
        "--[no-]NAME is a switch: --NAME, --NAME=false or --no-NAME. A value that starts with '-' is written with '=': --name=-value.", width)}

${(0,_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .paragraph */ .FY)('Output: the result on stdout (the table, or the JSON report with --json); progress, the path of the JSON report and errors on ' +
        'stderr (a live line on a terminal, plain lines otherwise). Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR=1 ' +
        `turns it on (in a pipe too) and FORCE_COLOR=0 off. Text is wrapped to the terminal's width (COLUMNS, else ${_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_WIDTH */ .jz}, ` +
        'when not a terminal). Ctrl-C heals faults and tears the cluster down; a second Ctrl-C quits at once and prints what may be ' +
        'left and how to remove it.', width)}

${exitStatus(width)}
`;
}


/***/ }),

/***/ 3578:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FY: () => (/* binding */ paragraph),
/* harmony export */   jz: () => (/* binding */ DEFAULT_WIDTH),
/* harmony export */   sc: () => (/* binding */ textWidth),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export wrap */
/** Used when the output is not a terminal and COLUMNS says nothing: what a pager or a file shows comfortably. */
const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;
/** Past this, lines of prose are hard to follow, however wide the terminal. */
const MAX_WIDTH = 120;
/** The width to wrap text written to `out` at: the terminal's, else COLUMNS, else DEFAULT_WIDTH; kept readable. */
function textWidth(out, env) {
    const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
    const columns = out.isTTY === true && out.columns !== undefined && out.columns > 0 ? out.columns : fromEnv || DEFAULT_WIDTH;
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns));
}
/**
 * Words of `text` in lines of at most `width` characters. A longer word gets a line of its own, or, with `hard`
 * (text from outside, where no word is worth keeping whole), is cut into lines of `width`.
 */
function wrap(text, width, hard = false) {
    const lines = [];
    let line = '';
    const words = text.split(/\s+/).filter(Boolean);
    for (const word of hard ? words.flatMap((w) => w.match(new RegExp(`[^]{1,${Math.max(1, width)}}`, 'gu')) ?? []) : words) {
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
/** A wrapped paragraph, every line indented by `indent` spaces. */
function paragraph(text, width, indent = 0, hard = false) {
    const pad = ' '.repeat(indent);
    return wrap(text, width - indent, hard)
        .map((l) => `${pad}${l}`)
        .join('\n');
}
/** The left column of a table: wide enough for most flags; a longer one gets a line of its own. */
const LEFT_COLUMN = 30;
/**
 * Rows of `flag  description`, indented by two. Two columns when the description column keeps at least 40
 * characters; below that, each description goes under its flag, indented by six.
 */
function table(rows, width, left = LEFT_COLUMN) {
    const lines = [];
    const twoColumns = width - left >= 40;
    for (const [flag, text] of rows) {
        if (!twoColumns) {
            lines.push(`  ${flag}`, paragraph(text, width, 6));
            continue;
        }
        const wrapped = wrap(text, width - left);
        if (flag.length + 4 <= left) {
            lines.push(`  ${flag.padEnd(left - 2)}${wrapped[0] ?? ''}`.trimEnd());
        }
        else {
            lines.push(`  ${flag}`, `${' '.repeat(left)}${wrapped[0] ?? ''}`);
        }
        for (const more of wrapped.slice(1))
            lines.push(`${' '.repeat(left)}${more}`);
    }
    return lines.join('\n');
}


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ parseCommandLine),
/* harmony export */   Ri: () => (/* binding */ EXIT_USAGE),
/* harmony export */   U0: () => (/* binding */ usageLine),
/* harmony export */   ZA: () => (/* reexport safe */ _util_suggest_js__WEBPACK_IMPORTED_MODULE_1__.Z),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   tm: () => (/* binding */ badValue)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9997);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7406);
// Bad usage, for every command of the binary: one error class, one exit code and one shape of message, so
// `replicheck run --foo` and `replicheck check-history --foo` fail the same way. The command lines themselves are
// read by node:util's parseArgs in strict mode; this file only puts its refusals into words that name the flag.




/**
 * Exit status of bad usage: an unknown flag, a missing or bad value, a stray argument, a bad config file or input.
 * 3, not 2: check-history's 2 is a verdict (unknown), and run's 2 is a run that could not be carried out.
 */
const EXIT_USAGE = 3;
/** What the user must change on the command line (or in the config file) before anything can run. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** The one line a usage error prints; `command` is '' for the top-level `replicheck`. */
function usageLine(command, message) {
    const name = command === '' ? 'replicheck' : `replicheck ${command}`;
    // The message quotes the command line and the config file, which may hold escape sequences.
    const text = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .inertText */ .UJ)(message).trimEnd();
    // A YAML error quotes the file with a caret under the fault; the hint goes below it, not after the caret.
    return `${name}: ${text}${text.includes('\n') ? '\n' : ' '}See '${name} --help'.\n`;
}
/** `FLAG 'VALUE' is not …; use …` for a value a flag cannot take. */
function badValue(flag, value, what, fix) {
    return new UsageError(`--${flag} '${value}' ${what}; ${fix}.`);
}
/** parseArgs in strict mode; what it refuses becomes a UsageError naming the flag and the fix. */
function parseCommandLine(command, argv, options, allowPositionals) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options, strict: true, allowPositionals, tokens: true });
    }
    catch (error) {
        const code = error.code;
        if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_'))
            throw error;
        throw explain(command, argv, options, allowPositionals) ?? new UsageError(error.message);
    }
}
/**
 * parseArgs says what it refused only in a sentence of its own; the loose pass shows the same command line as
 * tokens, and the first token strict mode stops at is the one to name.
 */
function explain(command, argv, options, allowPositionals) {
    const { tokens } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
    for (const token of tokens) {
        if (token.kind === 'positional' && !allowPositionals) {
            return new UsageError(`Unexpected argument '${token.value}': ${command} takes only flags.`);
        }
        if (token.kind !== 'option')
            continue;
        const flag = token.rawName;
        const spec = options[token.name];
        if (spec === undefined) {
            const known = Object.keys(options);
            return new UsageError(`Unknown flag ${flag}.${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .suggest */ .Z)(token.name, known, (s) => ` Did you mean --${s}?`)}`);
        }
        if (spec.type === 'boolean' && token.value !== undefined)
            return new UsageError(`${flag} takes no value; write ${flag} alone.`);
        if (spec.type === 'string' && token.value === undefined)
            return new UsageError(`${flag} needs a value: ${flag} VALUE.`);
        // Strict mode will not take a value that looks like a flag unless it is written with '='.
        if (spec.type === 'string' && !token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
            return new UsageError(`${flag} needs a value before ${token.value}; a value that starts with '-' is written ${flag}=${token.value}.`);
        }
    }
    return undefined;
}


/***/ }),

/***/ 1974:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ findDefaultConfig),
/* harmony export */   BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
/* harmony export */   HT: () => (/* binding */ loadConfigFile),
/* harmony export */   id: () => (/* binding */ inputsFromFile),
/* harmony export */   sg: () => (/* binding */ mergeInputs),
/* harmony export */   x: () => (/* binding */ ConfigFileError)
/* harmony export */ });
/* unused harmony exports configInputs, givenByRunner, configProblem */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_list_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4233);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7406);
// The config file of both front ends: the same keys as the inputs, in JSON or YAML, so a setup tuned with
// `replicheck run` locally is the setup the action runs (input `config`). Below both front ends, so neither one's
// reading of the file can drift from the other's; each puts a ConfigFileError in its own words (a usage error on
// the command line, an input error of `config` in the action).




/** Looked for in the current directory by the CLI, in this order, unless --config or --no-config is given. */
const DEFAULT_CONFIG_FILES = ['replicheck.json', 'replicheck.yml', 'replicheck.yaml'];
/** A config file that cannot be used: unreadable, not JSON or YAML, not a mapping, or a key that is not an input. */
class ConfigFileError extends Error {
    fix;
    constructor(message, fix) {
        super(message);
        this.fix = fix;
        this.name = 'ConfigFileError';
    }
}
const specs = _inputs_list_js__WEBPACK_IMPORTED_MODULE_2__/* .INPUTS */ .mc;
const NAMES = specs.map((s) => s.name);
/** The default config file in `cwd`, if there is exactly one; two of them is an error (which one is meant?). */
async function findDefaultConfig(cwd) {
    const found = [];
    for (const name of DEFAULT_CONFIG_FILES) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, name);
        if (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path).then(() => true, () => false))
            found.push(path);
    }
    if (found.length > 1) {
        throw new ConfigFileError(`Found ${found.map((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f)).join(' and ')}: which one is meant?`, 'Keep one, or choose with --config FILE.');
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
        throw new ConfigFileError(`Cannot read the config file ${file}: ${error.message}.`, 'Check its path.');
    }
    const ext = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(path).toLowerCase();
    if (ext !== '.json' && ext !== '.yml' && ext !== '.yaml') {
        throw new ConfigFileError(`The config file ${file} must end in .json, .yml or .yaml.`, 'Rename it, e.g. replicheck.yml.');
    }
    let data;
    try {
        // YAML is loaded only here, so commands without a YAML file never pay for the parser.
        data = ext === '.json' ? JSON.parse(text) : (await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19))).parse(text);
    }
    catch (error) {
        throw new ConfigFileError(`The config file ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${error.message}`, 'Mend it where the message points.');
    }
    return { path, directory: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), inputs: configInputs(data, file) };
}
/**
 * Checks the keys and turns values into input strings: numbers and booleans as written, a list of plain values
 * as one item per line (like a multi-line input), anything nested as JSON (which YAML-valued inputs and JSON body
 * templates accept). `config` itself is refused: a file naming another file is a chain nobody can follow.
 */
function configInputs(data, file) {
    if (data === null || data === undefined)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new ConfigFileError(`The config file ${file} must hold an object of input names and values.`, 'Write one key per input, e.g. servers: http://localhost:8080.');
    }
    const keys = Object.keys(data);
    const unknown = keys.filter((k) => !NAMES.includes(k));
    if (unknown.length > 0) {
        const list = unknown.map((k) => `'${k}'${(0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .suggest */ .Z)(k, NAMES, (s) => ` (did you mean '${s}'?)`)}`).join(', ');
        throw new ConfigFileError(`Unknown key${unknown.length > 1 ? 's' : ''} in ${file}: ${list}.`, 'Keys are the input names (those of action.yml and of replicheck run --help).');
    }
    if (keys.includes('config')) {
        throw new ConfigFileError(`The key 'config' in ${file} names another config file.`, 'Remove it: a config file cannot include another.');
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
 * Given inputs over the config file over the defaults. Paths written in the file are relative to the file's folder
 * (so `deploy/replicheck.yml` works from anywhere); paths given directly are relative to `cwd`.
 */
function mergeInputs(given, config, cwd) {
    const merged = { ...config?.inputs };
    if (config && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory) !== (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd)) {
        merged['working-directory'] = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory, merged['working-directory'] || '.');
        const report = merged['report-file'];
        if (report)
            merged['report-file'] = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(config.directory, report);
    }
    return { ...merged, ...given };
}
/** The inputs whose value comes from the file: in it, and not given directly. */
function inputsFromFile(given, config) {
    return Object.keys(config?.inputs ?? {}).filter((k) => given[k] === undefined);
}
/**
 * What the runner's inputs say that the defaults do not. The runner hands every declared input to the action, its
 * default filled in when `with:` leaves it out, so "left out" and "written as the default" look the same: both
 * are taken as not given, and the config file decides. Booleans compare case-insensitively (`True` is `true`).
 */
function givenByRunner(get) {
    const given = {};
    for (const spec of specs) {
        const value = (get(spec.name) ?? '').trim();
        if (value === '' || isDefault(spec, value))
            continue;
        given[spec.name] = value;
    }
    return given;
}
function isDefault(spec, value) {
    const fallback = spec.default ?? '';
    if (fallback === 'true' || fallback === 'false')
        return value.toLowerCase() === fallback;
    return value === fallback;
}
/** A config file's problem as the action reports bad inputs: a problem of the `config` input. */
function configProblem(error) {
    return { input: 'config', message: error.message, fix: error.fix };
}


/***/ }),

/***/ 4233:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Y: () => (/* binding */ plainDescription),
/* harmony export */   ak: () => (/* binding */ INPUT_GROUPS),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   yI: () => (/* binding */ readRawInputs)
/* harmony export */ });
// The one list of inputs. The action reads exactly these names, the CLI turns each into a `--name` flag, and
// action.yml's inputs and the README's tables are written from it (`npm run inputs`; a test fails when they differ),
// so no front end or document can drift apart from the code.
/** The groups inputs are listed in (action.yml, README, `--help`), and the part of the run each feeds. */
const INPUT_GROUPS = ['cluster', 'api', 'faults', 'workload', 'reports'];
const INPUTS = [
    {
        // First: the file is read before every other input, and any of them may come from it.
        name: 'config',
        group: 'cluster',
        description: 'A file of inputs, `replicheck.yml`, `.yaml` or `.json` (keys are the input names), the one `replicheck run` reads; ' +
            'relative to the workspace, and paths in it relative to its folder. Inputs in `with:` override it, except one written ' +
            'as its default (the runner passes every default, so it cannot be told from one left out). Empty: no file.',
        see: 'cli.md: The config file',
        default: '',
    },
    {
        name: 'servers',
        group: 'cluster',
        description: 'Base URLs of the nodes, newline- or comma-separated (`http://localhost:8080`, ...). An entry may be named, `name=url`: ' +
            'the name is the compose service the node is (unnamed ones are matched by published port), or, with `cluster: external`, ' +
            'the name that `fault-targets` and `restart-target` use. Credentials in URLs are refused. Required, here or in `config`. ' +
            'With `adapter`, any scheme with a port (`redis://localhost:6379`, `tcp://10.0.0.5:7000`), handed to the module as written.',
    },
    {
        name: 'writers',
        group: 'cluster',
        description: 'The nodes that take writes (a primary), newline- or comma-separated: service names, server names or server URLs. ' +
            'Replication writes on each writer and reads on every node; faults and the workload send writes to writers only. ' +
            'Empty: every node.',
        see: 'primary-replica.md: Writers',
        default: '',
    },
    {
        name: 'cluster',
        group: 'cluster',
        description: '`compose` (Replicheck starts and tears down the compose project) or `external` (a cluster already running: ' +
            'nothing is started or removed, and faults run through `fault-commands`).',
        see: 'run.md: Clusters Replicheck does not start',
        default: 'compose',
    },
    {
        name: 'compose-file',
        group: 'cluster',
        description: 'Compose file(s), newline- or comma-separated, relative to `working-directory`. When the default is absent, ' +
            '`compose.yaml`, `compose.yml` or `docker-compose.yaml` is used, as Compose does.',
        default: 'docker-compose.yml',
    },
    {
        name: 'working-directory',
        group: 'cluster',
        description: 'Folder the compose files and `adapter` are relative to: the Compose project directory, and the folder `fault-commands` run in.',
        default: '.',
    },
    {
        name: 'project-name',
        group: 'cluster',
        description: 'Compose project name. Empty: unique per run (`replicheck-<run id>-<attempt>-<job>-<random>`), ' +
            'so parallel jobs and matrix legs never collide.',
        default: '',
    },
    {
        name: 'compose-version',
        group: 'cluster',
        description: 'Which Compose to use: `auto` (`docker compose` v2, else `docker-compose` v1), `v2` or `v1`.',
        default: 'auto',
    },
    {
        name: 'build',
        group: 'cluster',
        description: 'Build images during `compose up` (`true` or `false`).',
        default: 'true',
    },
    {
        name: 'teardown',
        group: 'cluster',
        description: 'When to remove the cluster: `always`, `on-success` (keep a failed cluster for debugging), `never`, or `post` ' +
            "(keep it running for the job's later steps and remove it in the post step at the end of the job).",
        default: 'always',
    },
    {
        name: 'ready-path',
        group: 'cluster',
        description: 'Path polled with `GET` until a node answers with a status below 500. ' +
            'Empty: the read request of a key that does not exist (for etcd, a quorum read).',
        default: '',
    },
    {
        name: 'startup-timeout',
        group: 'cluster',
        description: 'Seconds every node may take to answer after `compose up`, and a faulted node after it is healed.',
        default: '180',
    },
    {
        name: 'convergence-timeout',
        group: 'cluster',
        description: 'Seconds a written value may take to reach every node.',
        default: '10',
    },
    {
        name: 'request-timeout',
        group: 'cluster',
        description: 'Seconds one HTTP request may take before it is given up.',
        default: '5',
    },
    {
        name: 'api',
        group: 'api',
        description: "Preset for the nodes' key-value API: `kv` (the example service), `etcd-v3` (etcd's v3 JSON API) " +
            "or `etcd-v2` (etcd's v2 keys API). The inputs below override parts of it.",
        see: 'stores-and-adapters.md: Any HTTP key-value API',
        default: 'kv',
    },
    {
        name: 'key-path',
        group: 'api',
        description: 'URL path template of a key; must contain `{key}` (percent-encoded into place). The default of `write-path` and `read-path`. ' +
            "Empty: the preset's (kv: `/key/{key}`, etcd-v2: `/v2/keys/{key}`; etcd-v3 has none, its key travels in the bodies).",
        default: '',
    },
    {
        name: 'write-method',
        group: 'api',
        description: "HTTP method of a write: `POST` or `PUT`. Empty: the preset's (kv and etcd-v3: `POST`, etcd-v2: `PUT`).",
        default: '',
    },
    {
        name: 'write-path',
        group: 'api',
        description: 'URL path template of a write (`{key}` and `{value}` percent-encoded); may leave `{key}` to `write-body`. ' +
            'Empty: `key-path` (etcd-v3: `/v3/kv/put`).',
        default: '',
    },
    {
        name: 'write-body',
        group: 'api',
        description: 'Body template of a write with `{key}` and `{value}` (or `{value:base64}`, `{value:json}`). Exactly `{value}`: the raw value; ' +
            'otherwise placeholders are form-encoded in a form body, JSON-escaped in a JSON body. ' +
            "Empty: the preset's (kv: `{value}`, etcd-v2: `value={value}`, etcd-v3: JSON with the key and value in base64).",
        default: '',
    },
    {
        name: 'write-content-type',
        group: 'api',
        description: "`Content-Type` of a write. Empty: the preset's (`application/x-www-form-urlencoded`; etcd-v3: `application/json`).",
        default: '',
    },
    {
        name: 'read-method',
        group: 'api',
        description: "HTTP method of a read: `GET`, or `POST` for a read with a body (e.g. etcd-v3's range request). " +
            "Empty: the preset's (`GET`; etcd-v3: `POST`).",
        default: '',
    },
    {
        name: 'read-path',
        group: 'api',
        description: 'URL path template of a read, with an optional query (`{key}` percent-encoded); may leave `{key}` to `read-body`. ' +
            'Empty: `key-path` (etcd-v2 adds `?quorum=true`; etcd-v3: `/v3/kv/range`).',
        default: '',
    },
    {
        name: 'read-body',
        group: 'api',
        description: 'Body template of a read with `read-method: POST`: `{key}`, `{key:base64}` or `{key:json}` where the key goes. ' +
            'Empty: the preset\'s (etcd-v3: `{"key":"{key:base64}"}`; none for a `GET`).',
        default: '',
    },
    {
        name: 'read-content-type',
        group: 'api',
        description: '`Content-Type` of a read with a body. Empty: `application/json`.',
        default: '',
    },
    {
        name: 'read-value',
        group: 'api',
        description: "Where a read's answer holds the value: `body` (the whole body) or a JSON pointer such as `/node/value`. " +
            "Empty: the preset's (kv: `body`, etcd-v2: `/node/value`, etcd-v3: `/kvs/0/value`).",
        default: '',
    },
    {
        name: 'read-value-encoding',
        group: 'api',
        description: "How the value at `read-value` is encoded: `none` or `base64`. Empty: the preset's (`none`; etcd-v3: `base64`).",
        default: '',
    },
    {
        name: 'missing-status',
        group: 'api',
        description: 'HTTP status(es) a node answers for a key that does not exist, comma-separated (100-599, not 200). ' + "Empty: the preset's (`404`).",
        default: '',
    },
    {
        name: 'refusal-statuses',
        group: 'api',
        description: 'HTTP statuses that mean a write certainly did not take effect, comma-separated: single statuses (`409`), ranges ' +
            '(`400-499`) or classes (`4xx`). Any other failed answer (another 5xx, a timeout, a connection lost after sending) is ' +
            "indeterminate: the write may or may not have happened, and no judge counts it either way. Empty: the preset's (`3xx,4xx`).",
        default: '',
    },
    {
        name: 'headers',
        group: 'api',
        description: 'Extra request headers, one `Name: value` line per header, sent with every request (e.g. an `Authorization` header ' +
            'from a secret). Values are masked in the log and redacted from reports.',
        default: '',
        secret: true,
    },
    {
        name: 'adapter',
        group: 'api',
        description: 'Path of an ES module (relative to `working-directory`) exporting `write`, `read` and optionally `cas` and `ready`, ' +
            'for APIs no template can describe, over HTTP or any other protocol. Replaces the request templates (`headers` still apply).',
        see: 'stores-and-adapters.md: Any API through an adapter module',
        default: '',
    },
    {
        name: 'value-format',
        group: 'api',
        description: 'Values written: `text` (unique, readable, and carrying space, `+`, `%41`, `&`, `=`, `/`, `?`, `#`, quotes, a backslash ' +
            'and `é✓`, which break mis-encoding APIs), `token` (letters, digits and `-` only) or `bytes` (any bytes, NUL, CR/LF ' +
            'and invalid UTF-8 included; needs a raw or form write body, and `read-value: body` or `read-value-encoding: base64`, ' +
            'unless an `adapter` sends them).',
        see: 'stores-and-adapters.md: Values that exercise encodings',
        default: 'text',
    },
    {
        name: 'restart-target',
        group: 'faults',
        description: 'Compose service to restart during the restart check (with `cluster: external`, a server name, restarted through ' +
            '`fault-commands`). Empty: no restart check. With `faults` set, it is only the default of `fault-targets`.',
        default: '',
    },
    {
        name: 'faults',
        group: 'faults',
        description: 'Faults, newline- or comma-separated: `restart`, `stop`, `kill`, `pause`, `partition` (cut from its peers; ' +
            '`partition:halves`, `:majorities-ring` and `:bridge` split the whole cluster, `:one-way` cuts what the target receives), ' +
            '`disconnect`, `loss[:P%]`, `latency:MS[/JITTER]`, `clock[:±Ns]`. Empty: none (`restart-target` alone runs the restart check).',
        see: 'faults.md: Fault kinds',
        default: '',
    },
    {
        name: 'fault-targets',
        group: 'faults',
        description: 'Compose service(s) each fault is applied to, in turn, newline- or comma-separated (with `cluster: external`, server names); ' +
            'join services with `+` to fault them together (`etcd_1+etcd_2`). Empty: `restart-target`.',
        see: 'faults.md: Several services at once',
        default: '',
    },
    {
        name: 'fault-duration',
        group: 'faults',
        description: 'Seconds each fault holds before it is healed (not `restart`, which holds as long as the restart takes).',
        default: '3',
    },
    {
        name: 'fault-schedule',
        group: 'faults',
        description: '`sequence` (one fault after another), `random` (faults start and heal at random moments while the workload runs, ' +
            'placed from `seed`; needs a `workload`), or an explicit schedule: lines `at <T>s <fault> <target> for <D>s`, ' +
            'newline- or `;`-separated (`at 1s pause kv_2 for 5s; at 2s kill kv_4 for 1s`; `<fault>` as in `faults`, `<target>` ' +
            'a service, `a+b`, or `cluster` for `partition:halves` and the like), run against the workload clock (needs a ' +
            '`workload`; `faults` and `fault-targets` stay empty).',
        see: 'schedules-and-shrinking.md: Explicit schedules',
        default: 'sequence',
    },
    {
        name: 'shrink',
        group: 'faults',
        description: 'After a failed run with a `random` or explicit schedule: at most this many reruns, on the same cluster, of smaller ' +
            'schedules (fewer faults, shorter, closer together) that fail the same way; the smallest is the `minimal-schedule` ' +
            'output. 0: no shrinking.',
        see: 'schedules-and-shrinking.md: Shrinking a failing schedule',
        default: '0',
    },
    {
        name: 'shrink-budget',
        group: 'faults',
        description: 'Seconds the shrinking reruns may take in all; no rerun starts once it is spent.',
        default: '600',
    },
    {
        name: 'liveness-timeout',
        group: 'faults',
        description: 'Seconds each node that is up has, once the faults of faults or fault-schedule healed, to acknowledge a fresh ' +
            'write and return it; a node that does not fails a liveness check, reported apart from lost or stale data. 0: no ' +
            'liveness phase.',
        see: 'schedules-and-shrinking.md: Liveness apart from safety',
        default: '10',
    },
    {
        name: 'partition-networks',
        group: 'faults',
        description: 'Networks the `disconnect` fault cuts the target from, as named in the compose file (or full names). ' +
            'Empty: every network of the service.',
        default: '',
    },
    {
        name: 'fault-commands',
        group: 'faults',
        description: 'With `cluster: external`: a YAML mapping from fault kind to `{ apply, heal }` shell command templates with `{target}` ' +
            '(the server name) and `{url}` (its base URL), shell-quoted, e.g. ' +
            '`pause: { apply: "kill -STOP $(cat {target}.pid)", heal: "..." }`. Every fault used needs an entry.',
        see: 'run.md: Clusters Replicheck does not start',
        default: '',
    },
    {
        name: 'fault-command-timeout',
        group: 'faults',
        description: 'Seconds one fault command may take.',
        default: '60',
    },
    {
        name: 'workload',
        group: 'workload',
        description: 'Concurrent workload, recorded as a history: `none`, `register` (random reads and writes of a few keys on random nodes) ' +
            'or `cas-register` (reads, writes and compare-and-set, where the API has one). ' +
            'It runs after the replication checks, with the faults (or the restart check) inside it: the clients go on for the whole ' +
            'duration and for as long as the faults take.',
        see: 'workload.md: The register workload',
        default: 'none',
    },
    {
        name: 'workload-clients',
        group: 'workload',
        description: 'Concurrent clients of the workload (1-64).',
        default: '8',
    },
    {
        name: 'workload-duration',
        group: 'workload',
        description: 'Seconds the workload runs at least (with faults inside it, it goes on until the last fault has healed).',
        default: '10',
    },
    {
        name: 'workload-keys',
        group: 'workload',
        description: 'How many keys the workload reads and writes (1-100).',
        default: '3',
    },
    {
        name: 'workload-timeout',
        group: 'workload',
        description: 'Seconds one workload operation may take. Past it the operation is indeterminate (it may or may not have taken ' +
            'effect) and its client goes on as a new process, so a node that hangs costs a client little and the other nodes ' +
            'stay busy. Every other request has `request-timeout`.',
        default: '1',
    },
    {
        name: 'seed',
        group: 'workload',
        description: "Seed of every random choice of the run (0-2147483647): the workload clients' operations, nodes and keys, the random " +
            'part of every value, where `fault-schedule: random` places the faults, and how a cluster-wide partition splits the ' +
            'nodes. The report and the `seed` output record it; the same seed and inputs make the same choices. ' +
            'Empty: `workload-seed` when set, else a random seed.',
        default: '',
    },
    {
        name: 'workload-seed',
        group: 'workload',
        description: 'The older name of `seed`, still read: used when `seed` is empty (both set must agree).',
        default: '',
    },
    {
        name: 'consistency',
        group: 'workload',
        description: 'The claim the whole run is judged by: the replication checks, every fault, the workload and the sweep. Weakest first: ' +
            '`eventual`, `read-your-writes`, `monotonic-reads`, `monotonic-writes`, `writes-follow-reads`, `pram`, `causal`, ' +
            '`sequential` (per key) or `linearizable`. Under anything below `linearizable` a node that answers from its own copy ' +
            'while a fault cuts it off is reported, not failed, and must converge once healed. Every workload history is also ' +
            'checked against every model; the strongest that held is the `strongest-model` output.',
        see: 'consistency.md: The ladder',
        default: 'eventual',
    },
    {
        name: 'workload-sessions',
        group: 'workload',
        description: '`roaming`: each workload operation goes to a random node; `sticky`: each client stays on one node, as an application ' +
            'client does through one connection. Session guarantees are judged per client either way.',
        see: 'consistency.md: Sessions',
        default: 'roaming',
    },
    {
        name: 'max-memory',
        group: 'workload',
        description: 'Memory the linearizability check may take, all keys together (e.g. `512M`, `2G`; at least 16 MiB); past it a key is ' +
            '`unknown`, never a crash. Histories with unique written values need no search.',
        default: '1G',
    },
    {
        name: 'report-file',
        group: 'reports',
        description: 'Where to write the JSON report. Empty: a file in `RUNNER_TEMP` (or the system temp directory).',
        default: '',
    },
    {
        name: 'log-lines',
        group: 'reports',
        description: "Lines of each service's log shown when a check fails (0: none).",
        default: '50',
    },
];
/** A description as places without Markdown show it (action.yml in the GitHub UI, `--help`): code marks dropped. */
function plainDescription(spec) {
    return spec.description.replaceAll('`', '');
}
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

/***/ 7406:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ suggest)
/* harmony export */ });
// "Did you mean" for every name a user can mistype: flags, commands, input names and config keys, all with one
// measure of closeness.
/** `phrase(closest)` for the closest known name, or '' when nothing is close. */
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

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QR: () => (/* binding */ tailText),
/* harmony export */   Qc: () => (/* binding */ previewBytes),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   UJ: () => (/* binding */ inertText),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   nl: () => (/* binding */ inertJson)
/* harmony export */ });
// Small pure helpers for text that came from outside (servers, containers) and must be shown bounded.
/** The last `lines` lines of `text`, each cut to `maxLineChars`. */
function tailText(text, lines, maxLineChars = 2000) {
    if (lines <= 0)
        return '';
    const all = text.split('\n');
    return all
        .slice(-lines)
        .map((l) => (l.length > maxLineChars ? `${l.slice(0, maxLineChars)}…` : l))
        .join('\n');
}
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
/** Removes terminal escape sequences, which have no meaning in a log viewer or a summary. */
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
// C0/C1 controls other than tab and newline (a lone CR can overwrite a line; U+009B is a CSI on some terminals),
// and bidi overrides (which reorder what is shown).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Breaks other than LF that a terminal or a log viewer may honour (NEL, the Unicode line and paragraph separators):
// shown as breaks, so each line after one is made inert as a line too.
const OTHER_BREAKS = /[\u0085\u2028\u2029]/g;
function controlsReplaced(text) {
    return stripAnsi(text).replace(/\r\n/g, '\n').replace(OTHER_BREAKS, '\n').replace(UNSAFE, '\uFFFD');
}
/**
 * One line that no GitHub runner takes for a workflow command, whatever printed it: the runner reads `::name::` at
 * the start of a line after whitespace (invisible format characters are taken as whitespace too, in case a runner
 * or a viewer skips them) and the legacy `##[name]` anywhere. A zero-width space breaks each; the text reads the same.
 */
function commandsBroken(line) {
    return line.replace(/^([\s\p{Cf}]*):(?=:)/u, '$1:\u200b').replace(/##\[/g, '##\u200b[');
}
/**
 * Text from outside made inert for a terminal or a log: escape sequences removed, other controls replaced, and no
 * line of it a workflow command when a runner reads it.
 */
function inertText(text) {
    return controlsReplaced(text).split('\n').map(commandsBroken).join('\n');
}
/** `inertText` on one line: newlines shown as ⏎ (so only the start of the whole can look like a command). */
function oneLine(text) {
    return commandsBroken(controlsReplaced(text).replace(/\n+/g, ' ⏎ '));
}
/** A bounded, printable preview of bytes from a server: invalid UTF-8 becomes U+FFFD, controls are shown escaped. */
function previewBytes(bytes, maxChars = 200) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, maxChars * 4));
    let shown = [...text].slice(0, maxChars).join('');
    shown = shown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    const more = bytes.length > Buffer.byteLength(shown, 'utf8') || [...text].length > maxChars;
    return more ? `${shown}…` : shown;
}
function formatMs(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
/**
 * JSON printed where a runner reads the lines: the same value, with the legacy `##[` command form and the line
 * separators a runner may split on (NEL, U+2028, U+2029) written as escapes. No line of JSON can start with `::`:
 * every line break inside a string is already an escape.
 */
function inertJson(value, space) {
    return JSON.stringify(value, null, space)
        .replace(/##\[/g, '#\\u0023[')
        .replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
// EXTERNAL MODULE: ./src/cli/help.ts
var help = __nccwpck_require__(7911);
// EXTERNAL MODULE: ./src/cli/layout.ts
var layout = __nccwpck_require__(3578);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __nccwpck_require__(7485);
;// CONCATENATED MODULE: ./src/cli/main.ts
// The `replicheck` command: dispatch to a subcommand. Subcommands are loaded on demand so `--version` and
// `--help` start in a few tens of milliseconds.




const COMMANDS = ['run', 'probe', 'check-history', 'help'];
async function cli(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || (command === 'help' && rest.length === 0)) {
        io.stdout.write((0,help/* mainUsage */.D)(version/* VERSION */.x, (0,layout/* textWidth */.sc)(io.stdout, io.env)));
        return 0;
    }
    if (command === '-V' || command === '--version' || command === 'version') {
        io.stdout.write(`${version/* VERSION */.x}\n`);
        return 0;
    }
    if (command === 'help')
        return cli([rest[0], '--help'], io);
    if (command === 'run') {
        const { runCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(27), __nccwpck_require__.e(362)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6362));
        return runCommand(rest, io);
    }
    if (command === 'probe') {
        const { probeCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(27), __nccwpck_require__.e(380)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3380));
        return probeCommand(rest, io);
    }
    if (command === 'check-history') {
        const { checkHistoryCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(731), __nccwpck_require__.e(851), __nccwpck_require__.e(146), __nccwpck_require__.e(352)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7387));
        return checkHistoryCommand(rest, {
            stdout: (t) => io.stdout.write(t),
            stderr: (t) => io.stderr.write(t),
            width: (0,layout/* textWidth */.sc)(io.stdout, io.env),
        });
    }
    const hint = (0,usage/* suggest */.ZA)(command.replace(/^-+/, ''), COMMANDS, (s) => ` Did you mean '${s}'?`);
    const what = command.startsWith('-') ? `Unknown flag ${command}` : `Unknown command '${command}'`;
    io.stderr.write((0,usage/* usageLine */.U0)('', `${what}.${hint}`));
    return usage/* EXIT_USAGE */.Ri;
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// Entry of the `replicheck` binary (package.json `bin`, bundled to dist/cli/index.js).

cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`replicheck crashed: ${error?.stack ?? String(error)}\n`);
    process.exitCode = 2;
});

