// What the post step may do, decided from its own inputs (the runner gives it the same `with:` as the main step)
// and from names only this run could have made, never from the saved state alone. The state comes back as an
// environment variable (STATE_replicheck), and a record that was crafted or altered must not make the post step
// remove another project, run another program as Compose, write or delete files elsewhere, or run commands of
// someone else's. checkPostState is pure; clockDirOnDisk is the half that must look at the disk.
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { defaultProjectName } from '../config/options.js';
import { fillCommand, parseFaultCommands } from '../faults/commands.js';
import type { RawInputs } from '../inputs/list.js';
import { parseServers } from '../inputs/servers.js';
import { splitList } from '../inputs/values.js';
import { TEARDOWNS, type PostState, type Teardown } from '../model/post-state.js';

export type TrustedInputs = Pick<
  RawInputs,
  'cluster' | 'project-name' | 'teardown' | 'working-directory' | 'compose-file' | 'fault-commands' | 'servers'
>;

export interface PostTrust {
  /** The post step's own inputs. */
  readonly inputs: TrustedInputs;
  /** This job's variables: GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT and GITHUB_JOB are in the default project name. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where a relative working-directory starts (GITHUB_WORKSPACE, else the current directory), as in the main step. */
  readonly cwd: string;
  /** The OS temp folder, where the clock fault makes its folder. */
  readonly tempDir: string;
}

export interface CheckedPost {
  /** The parts of the state that checked out, paths normalised; undefined when the state is not this run's at all. */
  readonly state: PostState | undefined;
  /** One phrase per part refused: what, and why. */
  readonly refused: readonly string[];
}

/** The clock fault's compose override, in its folder (prepareNeeds names it so). */
export const CLOCK_OVERRIDE = 'compose.clock.yml';

/** What the post step may act on of `state`; a part that does not check out is left out and named in `refused`. */
export function checkPostState(state: PostState | undefined, trust: PostTrust): CheckedPost {
  if (!state) return { state: undefined, refused: [] };
  const directory = resolve(trust.cwd, trust.inputs['working-directory'] || '.');
  const external = trust.inputs.cluster.trim().toLowerCase() === 'external';
  if ((state.cluster === 'external') !== external) {
    const saved = state.cluster === 'external' ? 'an external cluster' : `a Compose project (${shown(state.project)})`;
    return refuseAll(`the saved state: it is for ${saved}, and the cluster input is ${shown(trust.inputs.cluster)}`);
  }
  return external ? checkExternal(state, trust, directory) : checkCompose(state, trust, directory);
}

function refuseAll(why: string): CheckedPost {
  return { state: undefined, refused: [`${why}; nothing is removed, undone or run`] };
}

function checkCompose(state: PostState, trust: PostTrust, directory: string): CheckedPost {
  const { project } = state;
  const wrongProject = projectProblem(project, trust);
  if (wrongProject) return refuseAll(`the saved project ${shown(project)}: ${wrongProject}`);
  const refused: string[] = [];
  let teardown = state.teardown;
  const wanted = trust.inputs.teardown as Teardown;
  if (teardown !== wanted) {
    if (!TEARDOWNS.includes(wanted)) return refuseAll(`the saved state: the teardown input ${shown(wanted)} is not a policy`);
    refused.push(`the saved teardown ${shown(teardown)}: the teardown input is ${shown(wanted)}, which applies instead`);
    teardown = wanted;
  }
  let clockDir = state.faults?.clockDir;
  const wrongClock = clockDir === undefined ? undefined : clockDirProblem(clockDir, project, trust.tempDir);
  if (wrongClock) {
    refused.push(`the saved clock folder ${shown(clockDir)}: ${wrongClock}; its files are neither reset nor deleted`);
    clockDir = undefined;
  }
  let compose = state.compose;
  const named = splitList(trust.inputs['compose-file']).map((f) => resolve(directory, f));
  const wrongCompose = compose && composeProblem(compose, directory, [...named, ...(clockDir ? [join(clockDir, CLOCK_OVERRIDE)] : [])]);
  if (compose && wrongCompose) {
    refused.push(`${wrongCompose}; Compose is not run, the project is removed by its label alone`);
    compose = undefined;
  }
  if (state.heals !== undefined && state.heals.length > 0) {
    refused.push(`${state.heals.length} saved heal command(s): a Compose project has none (they are for cluster: external); not run`);
  }
  const faults = { ...(state.faults?.netns === true ? { netns: true } : {}), ...(clockDir !== undefined ? { clockDir } : {}) };
  const checked: PostState = {
    project,
    teardown,
    ...(compose ? { compose: normalisedCompose(compose) } : {}),
    ...(state.verdict !== undefined ? { verdict: state.verdict } : {}),
    ...(Object.keys(faults).length > 0 ? { faults } : {}),
  };
  return { state: checked, refused };
}

/** The project name must be the input's, or one this job's default could have made (only its random part free). */
function projectProblem(project: string, trust: PostTrust): string | undefined {
  const given = trust.inputs['project-name'];
  if (given !== '') return project === given ? undefined : `it is not the project-name input ${shown(given)}`;
  const low = defaultProjectName({ env: trust.env, randomSuffix: '000000' });
  const high = defaultProjectName({ env: trust.env, randomSuffix: 'ffffff' });
  const pattern = [...low].map((c, i) => (c === high[i] ? c : 'X')).join('');
  const fits =
    project.length === low.length &&
    low.length === high.length &&
    [...project].every((c, i) => (low[i] === high[i] ? c === low[i] : /^[0-9a-f]$/.test(c)));
  return fits ? undefined : `it is not a name this job makes (${pattern}, X a hex digit) and no project-name input is set`;
}

/** The clock folder: made by mkdtemp directly in the temp folder, named after the project (see prepareNeeds). */
function clockDirProblem(dir: string, project: string, tempDir: string): string | undefined {
  if (!isPlainPath(dir) || resolve(dir) !== dir) return 'it is not a plain absolute path';
  if (dirname(dir) !== resolve(tempDir)) return `it is not directly in the temp folder ${shown(resolve(tempDir))}`;
  const stem = `replicheck-clock-${project}-`;
  const name = basename(dir);
  // mkdtemp's six random characters are letters and digits.
  if (!name.startsWith(stem) || !/^[A-Za-z0-9]{6}$/.test(name.slice(stem.length))) return `it is not named ${stem}XXXXXX`;
  return undefined;
}

/**
 * Compose as the main step may have run it: one of the two programs, in the working directory, on files in it or
 * named outright (the compose-file input's own files, wherever they are, and the clock fault's override).
 */
function composeProblem(c: NonNullable<PostState['compose']>, directory: string, named: readonly string[]): string | undefined {
  const v2 = c.file === 'docker' && c.prefix.length === 1 && c.prefix[0] === 'compose';
  const v1 = c.file === 'docker-compose' && c.prefix.length === 0;
  if (!v2 && !v1) {
    return `the saved Compose program ${shown([c.file, ...c.prefix].join(' '))}: only docker compose or docker-compose is run`;
  }
  if (!isPlainPath(c.directory) || resolve(c.directory) !== directory) {
    return `the saved project folder ${shown(c.directory)}: it is not the working directory ${shown(directory)}`;
  }
  if (c.files.length === 0) return 'the saved Compose call: it names no compose file';
  const stray = c.files.filter((f) => !isPlainPath(f) || !(isInside(resolve(f), directory) || named.includes(resolve(f))));
  if (stray.length > 0) {
    return `the saved compose file(s) ${listed(stray)}: neither inside the working directory ${shown(directory)} nor named by compose-file`;
  }
  return undefined;
}

function normalisedCompose(c: NonNullable<PostState['compose']>): NonNullable<PostState['compose']> {
  return { file: c.file, prefix: [...c.prefix], files: c.files.map((f) => resolve(f)), directory: resolve(c.directory) };
}

function checkExternal(state: PostState, trust: PostTrust, directory: string): CheckedPost {
  const refused: string[] = [];
  if (state.project !== '' || state.compose || state.faults) {
    refused.push('the project, Compose call or faults saved for an external cluster: such a run saves none; ignored');
  }
  let heals = state.heals ?? [];
  if (heals.length > 0 && (!isPlainPath(state.cwd ?? '') || resolve(state.cwd!) !== directory)) {
    refused.push(
      `the saved folder of the heal commands ${shown(state.cwd)}: it is not the working directory ${shown(directory)}; none is run`,
    );
    heals = [];
  }
  const made = healCommands(trust.inputs);
  const unknown = heals.filter((h) => !made.has(h.command));
  if (unknown.length > 0) {
    const which = unknown.map((h) => `${shown(h.label)}: ${shown(h.command)}`);
    refused.push(
      `${unknown.length} saved heal command(s), not run: ${listed(which, false)}: ` +
        'none is what the fault-commands input makes for a server of the servers input',
    );
  }
  const checked: PostState = {
    project: '',
    teardown: 'never',
    cluster: 'external',
    heals: heals.filter((h) => made.has(h.command)),
    cwd: directory,
    ...(state.verdict !== undefined ? { verdict: state.verdict } : {}),
  };
  return { state: checked, refused };
}

/**
 * Every heal command the main step could have saved: each heal template of fault-commands filled in for each
 * server, named as the engine names an external node (its name, else host:port).
 */
export function healCommands(inputs: Pick<TrustedInputs, 'fault-commands' | 'servers'>): Set<string> {
  const { commands } = parseFaultCommands(inputs['fault-commands']);
  const servers = parseServers(inputs.servers, () => undefined);
  const out = new Set<string>();
  for (const entry of Object.values(commands)) {
    if (!entry?.heal) continue;
    for (const s of servers) out.add(fillCommand(entry.heal, { target: s.name ?? `${s.host}:${s.port}`, url: s.url }));
  }
  return out;
}

// What an offset file (a service's name), its temporary twin or the override may be called; nothing else is ours.
const CLOCK_FILE = /^(?:compose\.clock\.yml|[A-Za-z0-9][A-Za-z0-9._-]*|\.[A-Za-z0-9][A-Za-z0-9._-]*\.tmp)$/;

/**
 * The disk half of the clock folder's check, before anything in it is rewritten or it is deleted: a real folder
 * (not a link) of this user, holding only plain files named as Replicheck names them. 'absent' when it is gone
 * (the main step removed it), else 'ok' or why not.
 */
export async function clockDirOnDisk(dir: string): Promise<'absent' | 'ok' | string> {
  let st;
  try {
    st = await lstat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'absent' : `it cannot be read (${code ?? 'error'})`;
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return 'it belongs to another user';
  for (const name of await readdir(dir)) {
    if (!CLOCK_FILE.test(name)) return `it holds ${shown(name)}, which Replicheck does not write there`;
    if (!(await lstat(join(dir, name))).isFile()) return `${shown(name)} in it is not a plain file`;
  }
  return 'ok';
}

function isPlainPath(p: string): boolean {
  return isAbsolute(p) && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(p);
}

function isInside(path: string, directory: string): boolean {
  const r = relative(directory, path);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}

/**
 * A value from the state as a quoted, bounded string: line breaks, controls and invisible characters written as
 * escapes, so a refusal shows exactly what was there and stays one line.
 */
export function shown(value: unknown): string {
  const text = JSON.stringify(value ?? null).replace(
    /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

function listed(items: readonly string[], quote = true): string {
  const shownItems = items.slice(0, 3).map((i) => (quote ? shown(i) : i));
  return `${shownItems.join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''}`;
}
