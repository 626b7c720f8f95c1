// Help texts, examples first, wrapped to the terminal's width. The `run` flags are generated from INPUTS, grouped
// as the inputs are, so `run --help` lists every input with its own description and default and cannot fall
// behind the action.
import { INPUTS, INPUT_GROUPS, plainDescription, type InputGroup, type InputSpec } from '../inputs/list.js';
import { isBooleanInput } from './args.js';
import { DEFAULT_CONFIG_FILES } from '../config/file.js';
import { DEFAULT_WIDTH, paragraph, table } from './layout.js';
import { EXIT_USAGE } from './usage.js';

/** The headings of the input groups; the same titles as action.yml's and the docs' (scripts/inputs.ts, tested). */
export const GROUP_TITLES: Readonly<Record<InputGroup, string>> = {
  cluster: 'Cluster',
  api: 'API',
  faults: 'Faults',
  workload: 'Workload',
  reports: 'Reports',
};

const GROUP_ABOUT: Readonly<Record<InputGroup, string>> = {
  cluster: 'the nodes, and how Replicheck starts, waits for and removes them',
  api: 'how a key is written to and read from a node',
  faults: 'what is done to the nodes while they are checked',
  workload: 'the concurrent workload and the consistency its history must satisfy',
  reports: 'what a run leaves behind',
};

/** One meaning per status for every command, so a script can tell a finding from a mistake whatever it ran. */
export const EXIT_STATUS: readonly (readonly [string, string])[] = [
  ['0', 'passed: every check passed (check-history: linearizable; probe: a preset fits)'],
  ['1', 'failed: a check failed (check-history: not linearizable; probe: no preset fits)'],
  ['2', 'no verdict: run could not check (Docker, Compose, compose up, ports); check-history ran out of time or memory'],
  [
    String(EXIT_USAGE),
    'bad usage or bad input, for every command: an unknown flag, a missing or bad value, a stray argument, a bad input, ' +
      'config file or history file. Found before anything started (an input only a fault could try is found while it ' +
      'runs, and the cluster is torn down first).',
  ],
  ['130', 'interrupted (Ctrl-C); run tears the cluster down unless Ctrl-C is pressed twice'],
];

function exitStatus(width: number): string {
  return `Exit status:\n${table(EXIT_STATUS, width)}`;
}

export function mainUsage(version: string, width = DEFAULT_WIDTH): string {
  return `replicheck ${version}: proves that a multi-node HTTP service replicates.

Usage:
${table(
  [
    ['replicheck run [options]', 'run the cluster and check that it replicates'],
    ['replicheck probe --servers URL', 'find which API preset a running cluster speaks'],
    ['replicheck check-history FILE', 'check a recorded history for linearizability'],
    ['replicheck help COMMAND', "a command's help (also: replicheck COMMAND --help)"],
    ['replicheck --version | -V', 'the version'],
  ],
  width,
  // Wide enough for the commands: they read as one column of their own.
  34,
)}

${paragraph(
  'Exit status, the same for every command: 0 passed, 1 failed (a finding about the cluster or the history), ' +
    `2 no verdict, ${EXIT_USAGE} bad usage or bad input (nothing was started), 130 interrupted.`,
  width,
)}
`;
}

/** What a newcomer types first: a caption (wrapped) and a command (never wrapped: it is for copying). */
const RUN_EXAMPLES: readonly (readonly [string, string])[] = [
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

function examples(width: number): string {
  // Captions as shell comments, so a block copied whole still runs.
  const blocks = RUN_EXAMPLES.map(
    ([caption, command]) => `${paragraph(caption, width - 2, 2).replace(/^ {2}/gm, '  # ')}\n${command.replace(/^/gm, '  ')}`,
  );
  return `Examples:\n${blocks.join('\n')}`;
}

/** The flag of an input as the command line writes it. */
function flagOf(spec: InputSpec, brief: boolean): string {
  if (isBooleanInput(spec)) return `--[no-]${spec.name}`;
  return brief ? `--${spec.name}` : `--${spec.name} VALUE`;
}

/**
 * The first sentence of a description: up to the first full stop before a capital (so "e.g. x" and "etc." stay
 * inside), which every description in the list is written to make a summary of the rest.
 */
export function firstSentence(text: string): string {
  const m = /^(.*?[.)])\s+(?=[A-Z])/.exec(text);
  return m ? m[1]! : text;
}

function inputRow(spec: InputSpec, brief: boolean): [string, string] {
  if (spec.name === 'config' && brief) return ['--config FILE', 'Read inputs from FILE (default: replicheck.yml or .json here).'];
  if (spec.name === 'config') {
    // The CLI's own reading of the same input: it also finds a default file, which the action does not.
    return [
      '--config FILE',
      `Read inputs from FILE (.json, .yml or .yaml; keys are the input names; the action's config input reads the same ` +
        `file). Without it, ${DEFAULT_CONFIG_FILES.join(', ')} in the current directory is read if there is one ` +
        '(--no-config: none). Flags override the file; paths in the file are relative to its folder.',
    ];
  }
  const notes: string[] = [];
  if (spec.required) notes.push('required');
  if (spec.secret) notes.push(brief ? 'secret' : 'secret: a command line is visible to other users, prefer the config file');
  if (spec.default !== undefined && spec.default !== '') notes.push(`default: ${spec.default}`);
  const text = brief ? firstSentence(plainDescription(spec)) : plainDescription(spec);
  return [flagOf(spec, brief), `${text}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`];
}

const CLI_ROWS: readonly [string, string][] = [
  ['--no-config', `Do not read ${DEFAULT_CONFIG_FILES.join(', ')} from the current directory.`],
  ['--json', 'Print the JSON report on stdout instead of the table.'],
  ['-h, --help', "This help: -h with each input's first sentence, --help with the whole text."],
];

/** `brief` (-h): each input's first sentence; otherwise (--help) its whole description. */
export function runUsage(width = DEFAULT_WIDTH, brief = false): string {
  const specs = INPUTS as readonly InputSpec[];
  const groups = INPUT_GROUPS.map((group) => {
    const rows = specs.filter((s) => s.group === group).map((s) => inputRow(s, brief));
    const heading = paragraph(`${GROUP_TITLES[group]}: ${GROUP_ABOUT[group]}.`, width);
    return rows.length === 0 ? '' : `${heading}\n${table(rows, width, brief ? 26 : 30)}\n\n`;
  }).join('');
  return `Usage: replicheck run [options]

${examples(width)}

${paragraph(
  'Starts the cluster with docker compose, waits until every node answers, writes on every node and reads back from every node, ' +
    'runs the configured restart and faults, then tears everything down and prints the checks, the convergence matrix and the ' +
    "verdict. The flags are the action's inputs, in the same groups.",
  width,
)}

${
  brief
    ? `${paragraph("Each input's first sentence; every flag but a --[no-]switch takes a value. --help shows the whole text.", width)}\n\n`
    : ''
}${groups}Command line only:
${table(CLI_ROWS, width)}

${paragraph(
  'A flag given twice is a list (its values are joined with newlines), as for --servers or --compose-file. ' +
    "--[no-]NAME is a switch: --NAME, --NAME=false or --no-NAME. A value that starts with '-' is written with '=': --name=-value.",
  width,
)}

${paragraph(
  'Output: the result on stdout (the table, or the JSON report with --json); progress, the path of the JSON report and errors on ' +
    'stderr (a live line on a terminal, plain lines otherwise). Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR=1 ' +
    `turns it on (in a pipe too) and FORCE_COLOR=0 off. Text is wrapped to the terminal's width (COLUMNS, else ${DEFAULT_WIDTH}, ` +
    'when not a terminal). Ctrl-C heals faults and tears the cluster down; a second Ctrl-C quits at once and prints what may be ' +
    'left and how to remove it.',
  width,
)}

${exitStatus(width)}
`;
}
