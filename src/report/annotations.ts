// Annotations from the result: one error per failed check or run error, pointed at the service's definition in
// the compose file where there is one. The runner shows only 10 annotations per type and step, so the rest are
// folded into the tenth.
import { relative, isAbsolute } from 'node:path';
import type { RunResult } from '../model/result.js';
import { failedChecks, failureDetail } from './format.js';

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  readonly file?: string;
  readonly startLine?: number;
}

export const MAX_ANNOTATIONS = 10;
const MAX_MESSAGE = 4000;

export function buildAnnotations(result: RunResult, workspace: string | undefined): Annotation[] {
  const all: Annotation[] = [];
  for (const e of result.errors) {
    const message = [e.message, e.fix, e.detail ? `\n${e.detail}` : ''].filter(Boolean).join(' ');
    all.push({ level: 'error', title: e.input ? `Replicheck: input '${e.input}'` : 'Replicheck', message: cut(message) });
  }
  for (const c of failedChecks(result)) {
    const where = c.service ? result.serviceLocations[c.service] : undefined;
    const file = where ? toRepoPath(where.file, workspace) : undefined;
    all.push({
      level: 'error',
      title: c.title,
      message: cut(failureDetail(c)),
      ...(file && where ? { file, startLine: where.line } : {}),
    });
  }
  if (all.length <= MAX_ANNOTATIONS) return all;
  const shown = all.slice(0, MAX_ANNOTATIONS - 1);
  const rest = all.slice(MAX_ANNOTATIONS - 1);
  shown.push({
    level: 'error',
    title: `Replicheck: ${rest.length} more failures`,
    message: cut(`${rest.map((a) => `- ${a.title}`).join('\n')}\nSee the step summary for details.`),
  });
  return shown;
}

/** Annotations only attach to files given relative to the repository; outside it, leave the file off. */
function toRepoPath(file: string, workspace: string | undefined): string | undefined {
  if (!workspace) return undefined;
  const rel = relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}

function cut(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
