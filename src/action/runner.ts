// The GitHub runner edge: logging that cannot be hijacked by untrusted text, and the file commands (outputs,
// state, step summary, annotations) written through @actions/core.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../engine/deps.js';
import { inertText } from '../util/text.js';
import type { Annotation } from '../report/annotations.js';

/**
 * Prints text that the action did not write. The runner parses every line for `::command::` (after leading
 * whitespace) and the legacy `##[command]` form anywhere, so the text is wrapped in stop-commands with a fresh
 * unguessable token, and the two patterns are also defused line by line in case a runner ignores the wrapper.
 */
export function printUntrusted(text: string, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const token = `rc${randomBytes(16).toString('hex')}`;
  write(`::stop-commands::${token}`);
  for (const line of text.split(/\r\n|\r|\n/)) write(defuse(line));
  write(`::${token}::`);
}

export function defuse(line: string): string {
  return inertText(line)
    .replace(/^(\s*)::/, '$1:\u200b:')
    .replace(/##\[/g, '##\u200b[');
}

export function actionLogger(): Logger {
  return {
    info: (m) => core.info(defuse(m)),
    warn: (m) => core.warning(m),
    untrusted(title, text) {
      core.startGroup(defuse(title));
      printUntrusted(text);
      core.endGroup();
    },
  };
}

export function emitAnnotations(list: readonly Annotation[]): void {
  // @actions/core escapes line breaks, so a message stays one line; a legacy `##[` inside it (from a server body
  // or Compose output) is broken too, in case a runner looks for that form anywhere in the line.
  const inert = (text: string): string => text.replace(/##\[/g, '##\u200b[');
  for (const a of list) {
    const props = { title: inert(a.title), ...(a.file ? { file: a.file, startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(inert(a.message), props);
    else if (a.level === 'warning') core.warning(inert(a.message), props);
    else core.notice(inert(a.message), props);
  }
}

/** State keys of the main step: `isPost` tells the bundle which step it is; the rest is one record (post-state). */
export const State = {
  isPost: 'isPost',
} as const;
