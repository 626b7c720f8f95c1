// Help texts. The `run` flags are generated from INPUTS, so `run --help` lists every input with its own
// description and default and cannot fall behind the action.
import { INPUTS, plainDescription, type InputSpec } from '../inputs/list.js';
import { isBooleanInput } from './args.js';
import { DEFAULT_CONFIG_FILES } from './config-file.js';

const WIDTH = 100;

export const EXIT_CODES = `Exit status:
  0    passed: every check passed
  1    failed: at least one check failed (the cluster does not replicate as it should)
  2    could not check: a setup problem (Docker, Compose, compose up, ports) before any check failed
  3    bad usage: an unknown flag, a missing value, a stray argument, a bad input or config file;
       nothing was started
  130  interrupted (Ctrl-C); the cluster was torn down unless Ctrl-C was pressed twice`;

export function mainUsage(version: string): string {
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

export function runUsage(): string {
  const rows: [string, string][] = [];
  for (const spec of INPUTS as readonly InputSpec[]) {
    const flag = isBooleanInput(spec) ? `--${spec.name}[=true|false], --no-${spec.name}` : `--${spec.name} VALUE`;
    const notes: string[] = [];
    if (spec.required) notes.push('required');
    if (spec.secret) notes.push('secret: a command line is visible to other users, prefer the config file');
    if (spec.default !== undefined && spec.default !== '') notes.push(`default: ${spec.default}`);
    rows.push([flag, `${plainDescription(spec)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`]);
  }
  const other: [string, string][] = [
    [
      '--config FILE',
      `Read inputs from FILE (.json, .yml or .yaml; keys are the input names). Without it, ${DEFAULT_CONFIG_FILES.join(', ')} ` +
        'in the current directory is read if present. Flags override the file; paths in the file are relative to its folder.',
    ],
    ['--no-config', 'Do not read a config file from the current directory.'],
    ['--json', 'Print the JSON report on stdout instead of the table (progress goes to stderr).'],
    ['-h, --help', 'This help.'],
  ];
  return `Usage: replicheck run [options]

${paragraph(
  'Starts the cluster with docker compose, waits until every node answers, writes on every node and reads back from every node, ' +
    'runs the configured restart and faults, then tears everything down and prints the checks, the convergence matrix, the verdict ' +
    "and the path of the JSON report. The flags are the action's inputs.",
)}

Inputs:
${table(rows)}

Options:
${table(other)}

${paragraph(
  'A flag given twice is a list (its values are joined with newlines), as for --servers or --compose-file. ' +
    "A value that starts with '-' is written with '=': --name=-value.",
)}
${paragraph(
  'Output: progress while it runs (a live line on a terminal, plain lines otherwise; no colour when NO_COLOR is set), then the result. ' +
    'Ctrl-C heals faults and tears the cluster down; a second Ctrl-C quits at once and prints what may be left and how to remove it.',
)}

${EXIT_CODES}

Example:
  replicheck run --working-directory examples/kv \\
    --servers http://localhost:8080,http://localhost:8082,http://localhost:8084 \\
    --restart-target kv_4
`;
}

function paragraph(text: string): string {
  return wrap(text, WIDTH).join('\n');
}

function table(rows: readonly [string, string][]): string {
  const left = 34;
  const lines: string[] = [];
  for (const [flag, text] of rows) {
    const wrapped = wrap(text, WIDTH - left);
    const first = flag.length + 2 < left ? `  ${flag.padEnd(left - 2)}${wrapped[0] ?? ''}` : undefined;
    if (first !== undefined) {
      lines.push(first);
    } else {
      lines.push(`  ${flag}`, `${' '.repeat(left)}${wrapped[0] ?? ''}`);
    }
    for (const more of wrapped.slice(1)) lines.push(`${' '.repeat(left)}${more}`);
  }
  return lines.join('\n');
}

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
