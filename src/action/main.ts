// The action's main step: read the inputs, mask secrets, run, publish through every channel of the runner.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { readRawInputs } from '../inputs/list.js';
import { readActionInputs } from './inputs.js';
import { secretValues } from '../checks/headers.js';
import { runReplicheck } from '../host/run.js';
import { outputsOf } from '../host/outputs.js';
import { POST_STATE_KEY, encodePostState, type PostState } from '../model/post-state.js';
import type { RunResult } from '../model/result.js';
import { buildAnnotations } from '../report/annotations.js';
import { renderSummary } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { State, actionLogger, emitAnnotations, fail, printUntrusted, say } from './runner.js';

export async function main(): Promise<void> {
  core.saveState(State.isPost, 'true');
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    say(`Received ${signal}: stopping the checks and tearing the cluster down.`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const workspace = process.env.GITHUB_WORKSPACE;
  const cwd = workspace ?? process.cwd();
  // Masked before parsing, so not even a problem found in another input (or in the config file) can print a header
  // value: those of `with:` before the file is read, those of the file once it is.
  const withInputs = readRawInputs((name) => core.getInput(name));
  const masked = new Set(secretValues(withInputs));
  for (const secret of masked) core.setSecret(secret);
  const inputs = await readActionInputs((name) => withInputs[name], cwd);
  const raw = inputs.raw;
  // Each value once: the file's, where it adds any.
  for (const secret of secretValues(raw)) if (!masked.has(secret)) core.setSecret(secret);
  if (inputs.fromFile) {
    const { file, inputs: names } = inputs.fromFile;
    say(`Inputs from ${file}: ${names.length > 0 ? names.join(', ') : 'none (with: sets every one it holds)'}.`);
  }
  let known: PostState | undefined;
  const run = await runReplicheck(raw, {
    env: process.env,
    cwd,
    inputProblems: inputs.problems,
    ...(inputs.fromFile ? { fromFile: inputs.fromFile } : {}),
    tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
    log: actionLogger(),
    signal: controller.signal,
    reportBadInputs: true,
    // Saved before anything is created, so the post step can clean up even after a SIGKILL of this one.
    onProjectKnown: (state) => core.saveState(POST_STATE_KEY, encodePostState((known = state))),
  });
  if (known) core.saveState(POST_STATE_KEY, encodePostState({ ...known, verdict: run.result.verdict }));
  await publish(run.result, run.reportPath, workspace);
}

async function publish(result: RunResult, reportPath: string | undefined, workspace: string | undefined): Promise<void> {
  core.startGroup('Result');
  printUntrusted(renderText(result));
  core.endGroup();

  emitAnnotations(buildAnnotations(result, workspace));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(result)).write();

  const outputs = outputsOf(result, reportPath ?? '');
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  if (reportPath) say(`JSON report: ${reportPath}`);
  if (result.workload?.history) say(`Workload history: ${result.workload.history.json} (EDN: ${result.workload.history.edn})`);
  if (result.workload?.history?.html) say(`History page: ${result.workload.history.html}`);
  if (result.verdict === 'failed') fail(`Replicheck failed: see the annotations and the step summary.`);
}
