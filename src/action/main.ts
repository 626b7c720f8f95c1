// The action's main step: read inputs, run the engine, report through every channel, fail the step on failure.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { readRawInputs } from '../config/inputs.js';
import { InputError, parseOptions } from '../config/options.js';
import { secretValues } from '../config/adapter.js';
import { runEngine, toRunErrors } from '../engine/run.js';
import { systemClock } from '../engine/deps.js';
import { nodeFiles } from '../engine/files.js';
import { processExec } from '../exec/process.js';
import { createHttpClient } from '../http/client.js';
import { buildAnnotations } from '../report/annotations.js';
import { reportPath } from '../report/paths.js';
import { renderSummary } from '../report/summary.js';
import { renderText } from '../report/text.js';
import { emptyResult } from '../model/empty.js';
import type { RunResult } from '../model/result.js';
import { VERSION } from '../version.js';
import { fileHistorySink } from '../workload/files.js';
import { State, actionLogger, emitAnnotations, printUntrusted } from './runner.js';

export async function main(): Promise<void> {
  core.saveState(State.isPost, 'true');
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    core.info(`Received ${signal}: stopping the checks and tearing the cluster down.`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const workspace = process.env.GITHUB_WORKSPACE;
  const cwd = workspace ?? process.cwd();
  let result: RunResult;
  let reportFile: string | undefined;
  const http = createHttpClient();
  try {
    const raw = readRawInputs((name) => core.getInput(name));
    // Masked before parsing, so not even a problem found in another input can print a header value.
    for (const secret of secretValues(raw)) core.setSecret(secret);
    const options = parseOptions(raw, { env: process.env, randomSuffix: randomBytes(3).toString('hex') });
    reportFile = options.reportFile;
    core.saveState(State.teardown, options.teardown);
    result = await runEngine(
      options,
      {
        exec: processExec,
        http,
        clock: systemClock,
        log: actionLogger(),
        files: nodeFiles,
        signal: controller.signal,
        version: VERSION,
        // Saved before anything is created, so the post step can clean up even after a SIGKILL of this one.
        onProjectKnown: (state) => {
          for (const [key, value] of Object.entries(state)) core.saveState(key, JSON.stringify(value));
        },
      },
      cwd,
      { saveHistory: fileHistorySink(reportPath(options.reportFile, cwd, options.projectName, tempDir())) },
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    result = emptyResult(VERSION, toRunErrors(error));
  } finally {
    await http.close();
  }
  core.saveState(State.verdict, result.verdict);
  await report(result, reportFile, cwd, workspace);
}

async function report(result: RunResult, reportFile: string | undefined, cwd: string, workspace: string | undefined): Promise<void> {
  const path = reportPath(reportFile, cwd, result.project.name, tempDir());
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);

  core.startGroup('Result');
  printUntrusted(renderText(result));
  core.endGroup();

  emitAnnotations(buildAnnotations(result, workspace));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(result)).write();

  core.setOutput('result', result.verdict);
  core.setOutput('report', path);
  core.setOutput('max-convergence-ms', result.maxConvergenceMs === null ? '' : String(Math.round(result.maxConvergenceMs)));
  core.setOutput('history', result.workload?.history?.json ?? '');
  core.info(`JSON report: ${path}`);
  if (result.workload?.history) core.info(`Workload history: ${result.workload.history.json} (EDN: ${result.workload.history.edn})`);
  if (result.verdict === 'failed') core.setFailed(`Replicheck failed: see the annotations and the step summary.`);
}

const tempDir = (): string => process.env.RUNNER_TEMP ?? tmpdir();
