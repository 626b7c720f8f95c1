// The post step: runs after the main step however it ended (failure, cancel, crash, SIGKILL) and at the end of the
// job, and does what planPost decides from the one state record: remove what is left of the project, or leave it.
// Idempotent and quiet when there is nothing to remove.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { processExec } from '../exec/process.js';
import { Compose, findLeftovers, removeByLabel } from '../compose/driver.js';
import { POST_STATE_KEY, decodePostState, planPost, type PostState } from '../model/post-state.js';
import { undoLeftoverFaults } from '../faults/docker.js';
import { netnsRunner } from '../faults/netns.js';
import { rm } from 'node:fs/promises';

export async function post(): Promise<void> {
  const state = decodePostState(core.getState(POST_STATE_KEY));
  const compose = state ? composeOf(state) : undefined;
  // Whatever the teardown policy, nothing stays partitioned or skewed after the job.
  if (state?.faults && compose) await undoFaults(state.faults, compose);
  if (state?.cluster === 'external') await runHeals(state);
  const plan = planPost(state);
  if (!plan.remove || !state) {
    core.info(`Replicheck post: ${plan.why}.`);
    return;
  }
  const project = plan.project;
  const before = await findLeftovers(processExec, project);
  const count = before.containers.length + before.networks.length + before.volumes.length;
  if (count === 0) {
    core.info(`Replicheck post: nothing of project ${project} is left.`);
    return;
  }
  core.info(`Replicheck post: ${plan.why}; removing ${count} object(s) left by project ${project}.`);
  // Compose first, so it stops services in order; when the files are gone, removal by label still works.
  if (compose && compose.project.files.every((f) => existsSync(f)) && existsSync(compose.project.directory)) await compose.down(1);
  const left = await removeByLabel(processExec, project);
  const remaining = left.containers.length + left.networks.length + left.volumes.length;
  if (remaining > 0) core.warning(`Replicheck post: ${remaining} object(s) of project ${project} could not be removed.`);
  else core.info(`Replicheck post: project ${project} removed.`);
  if (state.faults?.clockDir) await rm(state.faults.clockDir, { recursive: true, force: true }).catch(() => undefined);
}

/** The heal commands of faults that may still hold on an external cluster (the main step did not get to them). */
async function runHeals(state: PostState): Promise<void> {
  for (const h of state.heals ?? []) {
    const r = await processExec.run('sh', ['-c', h.command], { ...(state.cwd ? { cwd: state.cwd } : {}), timeoutMs: 120_000 });
    if (r.code === 0) core.info(`Replicheck post: healed ${h.label}.`);
    else
      core.warning(
        `Replicheck post: healing ${h.label} failed (exit ${r.code ?? 'signal'}); it may still be faulted. Run by hand: ${h.command}`,
      );
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

async function undoFaults(faults: NonNullable<PostState['faults']>, compose: Compose): Promise<void> {
  const netns = faults.netns ? netnsRunner(processExec, process.getuid?.() === 0) : undefined;
  for (const p of await undoLeftoverFaults(compose, { netns, clockDir: faults.clockDir }))
    core.warning(`Replicheck post: could not undo a fault: ${p}.`);
}
