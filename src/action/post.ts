// The post step: runs after the main step however it ended (failure, cancel, crash, SIGKILL) and at the end of the
// job, and does what planPost decides from the one state record: remove what is left of the project, or leave it.
// The record is checked against the step's own inputs first (post-trust): only what this run could have saved is
// acted on, and each part refused is one warning. Idempotent and quiet when there is nothing to remove.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { processExec } from '../exec/process.js';
import { Compose, findLeftovers, removeByLabel } from '../compose/driver.js';
import { POST_STATE_KEY, decodePostState, planPost, type PostState } from '../model/post-state.js';
import { undoLeftoverFaults } from '../faults/docker.js';
import { netnsRunner } from '../faults/netns.js';
import { checkPostState, clockDirOnDisk, shown, type PostTrust } from './post-trust.js';
import { readRawInputs } from '../inputs/list.js';
import { readActionInputs } from './inputs.js';
import { say, warn } from './runner.js';

export async function post(): Promise<void> {
  const state = await trustedState();
  if (state === 'refused') return;
  const compose = state ? composeOf(state) : undefined;
  // Whatever the teardown policy, nothing stays partitioned or skewed after the job.
  if (state?.faults) await undoFaults(state, compose);
  if (state?.cluster === 'external') await runHeals(state);
  const plan = planPost(state);
  if (!plan.remove || !state) {
    say(`Replicheck post: ${plan.why}.`);
    return;
  }
  const project = plan.project;
  const before = await findLeftovers(processExec, project);
  const count = before.containers.length + before.networks.length + before.volumes.length;
  if (count === 0) {
    say(`Replicheck post: nothing of project ${project} is left.`);
  } else {
    say(`Replicheck post: ${plan.why}; removing ${count} object(s) left by project ${project}.`);
    // Compose first, so it stops services in order; when the files are gone, removal by label still works.
    if (compose && compose.project.files.every((f) => existsSync(f)) && existsSync(compose.project.directory)) await compose.down(1);
    const left = await removeByLabel(processExec, project);
    const remaining = left.containers.length + left.networks.length + left.volumes.length;
    if (remaining > 0) warn(`Replicheck post: ${remaining} object(s) of project ${project} could not be removed.`);
    else say(`Replicheck post: project ${project} removed.`);
  }
  if (state.faults?.clockDir) await rm(state.faults.clockDir, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * The post step's own inputs (with its config file, as the main step read them) and this job's names, which the
 * saved state is checked against. A config file that no longer reads leaves `with:` alone to check against.
 */
async function postTrust(): Promise<PostTrust> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const withInputs = readRawInputs((name) => core.getInput(name));
  const inputs = await readActionInputs((name) => withInputs[name], cwd);
  for (const p of inputs.problems) warn(`Replicheck post: ${p.message} Only the inputs of with: are used.`);
  return { inputs: inputs.raw, env: process.env, cwd, tempDir: tmpdir() };
}

/** The saved state cut down to what checks out, each refusal a warning; 'refused' when none of it is this run's. */
async function trustedState(): Promise<PostState | undefined | 'refused'> {
  const text = core.getState(POST_STATE_KEY);
  const saved = decodePostState(text);
  if (text !== '' && !saved) {
    warn('Replicheck post: refused the saved state: it is not a record this version of Replicheck writes; nothing is removed or undone.');
    return 'refused';
  }
  const checked = checkPostState(saved, await postTrust());
  const refused = [...checked.refused];
  let state = checked.state;
  const clockDir = state?.faults?.clockDir;
  if (state && clockDir !== undefined) {
    const onDisk = await clockDirOnDisk(clockDir);
    if (onDisk !== 'ok') {
      if (onDisk !== 'absent')
        refused.push(`the saved clock folder ${shown(clockDir)}: ${onDisk}; its files are neither reset nor deleted`);
      state = withoutClockDir(state, clockDir);
    }
  }
  for (const why of refused) warn(`Replicheck post: refused ${why}.`);
  return saved && !state ? 'refused' : state;
}

/** The state without its clock folder, and without the override in it among the compose files. */
function withoutClockDir(state: PostState, clockDir: string): PostState {
  const { faults, compose, ...rest } = state;
  return {
    ...rest,
    ...(compose ? { compose: { ...compose, files: compose.files.filter((f) => dirname(f) !== clockDir) } } : {}),
    ...(faults?.netns ? { faults: { netns: true } } : {}),
  };
}

/**
 * The heal commands of faults that may still hold on an external cluster (the main step did not get to them): only
 * those the inputs make. Their labels are the one part of the state printed as saved: inert, and cut short.
 */
async function runHeals(state: PostState): Promise<void> {
  for (const h of state.heals ?? []) {
    const label = h.label.length > 200 ? `${h.label.slice(0, 199)}…` : h.label;
    const r = await processExec.run('sh', ['-c', h.command], { ...(state.cwd ? { cwd: state.cwd } : {}), timeoutMs: 120_000 });
    if (r.code === 0) say(`Replicheck post: healed ${label}.`);
    else warn(`Replicheck post: healing ${label} failed (exit ${r.code ?? 'signal'}); it may still be faulted. Run by hand: ${h.command}`);
  }
}

/** Compose as the main step called it (its program, prefix, files and directory), for the project in the state. */
function composeOf(state: PostState): Compose | undefined {
  if (!state.compose) return undefined;
  const { file, prefix, files, directory } = state.compose;
  return new Compose(
    processExec,
    { kind: prefix.length > 0 ? 'v2' : 'v1', file, prefix, version: '' },
    { name: state.project, files, directory },
  );
}

async function undoFaults(state: PostState, compose: Compose | undefined): Promise<void> {
  const faults = state.faults!;
  // Undoing reaches the containers by the project's label through `docker` itself, so without a Compose call that
  // checked out this one runs no Compose program and names no file.
  const docker = { kind: 'v2', file: 'docker', prefix: ['compose'], version: '' } as const;
  const byLabel = compose ?? new Compose(processExec, docker, { name: state.project, files: [], directory: process.cwd() });
  const netns = faults.netns ? netnsRunner(processExec, process.getuid?.() === 0) : undefined;
  for (const p of await undoLeftoverFaults(byLabel, { netns, clockDir: faults.clockDir }))
    warn(`Replicheck post: could not undo a fault: ${p}.`);
}
