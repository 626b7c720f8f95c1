// The GitHub runner edge: every line Replicheck prints goes through here, inert whatever it holds, and the file
// commands (outputs, state, step summary, annotations) are written through @actions/core.
import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../engine/deps.js';
import { inertText } from '../util/text.js';
import type { Annotation } from '../report/annotations.js';

// The runner splits stdout at CR and LF; a log viewer may also break at NEL and the Unicode line and paragraph
// separators. Every part between any two of them is a line that must be inert on its own.
const BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/;

/** The lines of `text` as the runner or a viewer may split them, each inert (controls replaced, commands broken). */
export function inertLines(text: string): string[] {
  return text.split(BREAKS).map(inertText);
}

/**
 * Text made inert line by line, the lines joined by LF. As the data of a command (an annotation's message) the LFs
 * become %0A in @actions/core, so the command stays one line, and each line the runner shows after unescaping is
 * inert too.
 */
export function defuse(text: string): string {
  return inertLines(text).join('\n');
}

/** A title (of a group or an annotation): one inert line, breaks shown as ⏎. */
export function inertTitle(text: string): string {
  return inertLines(text).join(' ⏎ ');
}

/** An info line of the log, whatever the message holds. */
export function say(message: string): void {
  core.info(defuse(message));
}

/** A warning annotation of Replicheck's own, whatever the message holds. */
export function warn(message: string): void {
  core.warning(defuse(message));
}

/** Fails the step with an error annotation of Replicheck's own, whatever the message holds. */
export function fail(message: string): void {
  core.setFailed(defuse(message));
}

/**
 * Prints text that the action did not write. The runner parses every line for `::command::` (after leading
 * whitespace) and the legacy `##[command]` form anywhere, so the text is wrapped in stop-commands with a fresh
 * unguessable token, and the two patterns are also defused line by line in case a runner ignores the wrapper.
 */
export function printUntrusted(text: string, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const token = `rc${randomBytes(16).toString('hex')}`;
  write(`::stop-commands::${token}`);
  for (const line of inertLines(text)) write(line);
  write(`::${token}::`);
}

export function actionLogger(): Logger {
  return {
    info: say,
    warn,
    untrusted(title, text) {
      core.startGroup(inertTitle(title));
      printUntrusted(text);
      core.endGroup();
    },
  };
}

export function emitAnnotations(list: readonly Annotation[]): void {
  for (const a of list) {
    // The file is a path Replicheck made from the compose files; made one inert line anyway, as a property it is.
    const props = { title: inertTitle(a.title), ...(a.file ? { file: inertTitle(a.file), startLine: a.startLine } : {}) };
    const message = defuse(a.message);
    if (a.level === 'error') core.error(message, props);
    else if (a.level === 'warning') core.warning(message, props);
    else core.notice(message, props);
  }
}

/** State keys of the main step: `isPost` tells the bundle which step it is; the rest is one record (post-state). */
export const State = {
  isPost: 'isPost',
} as const;
