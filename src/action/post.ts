// The post step: runs after the main step however it ended (failure, cancel, crash, SIGKILL) and at the end of the
// job, and does what planPost decides from the one state record: remove what is left of the project, or leave it.
// Idempotent and quiet when there is nothing to remove.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { processExec } from '../exec/process.js';
import { downArgs, globalArgs } from '../compose/args.js';
import { findLeftovers, removeByLabel } from '../compose/driver.js';
import { POST_STATE_KEY, decodePostState, planPost } from '../model/post-state.js';

export async function post(): Promise<void> {
  const state = decodePostState(core.getState(POST_STATE_KEY));
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
  const { file, prefix, files, directory } = state.compose;
  // Compose first, so it stops services in order; when the files are gone, removal by label still works.
  if (files.every((f) => existsSync(f)) && existsSync(directory)) {
    const command = { kind: prefix.length > 0 ? 'v2' : 'v1', file, prefix, version: '' } as const;
    const args = [...globalArgs(command, { name: project, files, directory }), ...downArgs(1)];
    await processExec.run(file, args, { cwd: directory, timeoutMs: 120_000 });
  }
  const left = await removeByLabel(processExec, project);
  const remaining = left.containers.length + left.networks.length + left.volumes.length;
  if (remaining > 0) core.warning(`Replicheck post: ${remaining} object(s) of project ${project} could not be removed.`);
  else core.info(`Replicheck post: project ${project} removed.`);
}
