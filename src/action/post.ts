// The post step: runs after the main step however it ended (failure, cancel, crash, SIGKILL) and removes what
// is left of the project. Idempotent and quiet when there is nothing to remove.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { processExec } from '../exec/process.js';
import { downArgs, globalArgs } from '../compose/args.js';
import { findLeftovers, removeByLabel } from '../compose/driver.js';
import { State } from './runner.js';

function state<T>(key: string): T | undefined {
  const raw = core.getState(key);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export async function post(): Promise<void> {
  const project = state<string>('project');
  if (!project) {
    core.info('Replicheck post: no project was created; nothing to tear down.');
    return;
  }
  const policy = core.getState(State.teardown) || 'always';
  const verdict = core.getState(State.verdict);
  if (policy === 'never' || (policy === 'on-success' && verdict === 'failed')) {
    core.info(`Replicheck post: teardown '${policy}', leaving project ${project} as it is.`);
    return;
  }
  const before = await findLeftovers(processExec, project);
  const count = before.containers.length + before.networks.length + before.volumes.length;
  if (count === 0) {
    core.info(`Replicheck post: nothing of project ${project} is left.`);
    return;
  }
  core.info(`Replicheck post: removing ${count} object(s) left by project ${project}.`);
  const file = state<string>('composeFile');
  const prefix = state<string[]>('composePrefix') ?? [];
  const files = state<string[]>('files') ?? [];
  const directory = state<string>('directory');
  if (file && directory && files.every((f) => existsSync(f))) {
    const command = { kind: prefix.length > 0 ? 'v2' : 'v1', file, prefix, version: '' } as const;
    const args = [...globalArgs(command, { name: project, files, directory }), ...downArgs(1)];
    await processExec.run(file, args, { cwd: directory, timeoutMs: 120_000 });
  }
  const left = await removeByLabel(processExec, project);
  const remaining = left.containers.length + left.networks.length + left.volumes.length;
  if (remaining > 0) core.warning(`Replicheck post: ${remaining} object(s) of project ${project} could not be removed.`);
  else core.info(`Replicheck post: project ${project} removed.`);
}
