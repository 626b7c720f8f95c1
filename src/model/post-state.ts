// What the main step hands to the post step, as one record encoded once (JSON under one state key), and the pure
// decision the post step takes from it. The post step may run after a crash or a SIGKILL of the main step, so the
// record is saved before anything is created and again with the verdict at the end.

export type Teardown = 'always' | 'on-success' | 'never' | 'post';
export const TEARDOWNS: readonly Teardown[] = ['always', 'on-success', 'never', 'post'];

export interface PostState {
  readonly project: string;
  readonly teardown: Teardown;
  /** How to call Compose again: its program and prefix (`docker` + `compose` for v2), files and directory. */
  readonly compose?: {
    readonly file: string;
    readonly prefix: readonly string[];
    readonly files: readonly string[];
    readonly directory: string;
  };
  /** A cluster Replicheck did not start: nothing to tear down, only the heal commands of faults that may hold. */
  readonly cluster?: 'external';
  readonly heals?: readonly { readonly label: string; readonly command: string }[];
  /** Where the heal commands run. */
  readonly cwd?: string;
  /** Set when the main step finished; absent after a crash or a kill. */
  readonly verdict?: 'passed' | 'failed';
  /** Faults the post step must make sure are undone: network namespace rules, clock offset files. */
  readonly faults?: { readonly netns?: boolean; readonly clockDir?: string };
}

/** The single state key the record travels under. */
export const POST_STATE_KEY = 'replicheck';

export function encodePostState(state: PostState): string {
  return JSON.stringify(state);
}

/**
 * Undefined for anything but a record of this shape (empty, truncated, or from elsewhere). The shape only: whether
 * the post step may act on what it names is checked against its own inputs (src/action/post-trust.ts).
 */
export function decodePostState(text: string): PostState | undefined {
  if (text === '') return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Partial<PostState>;
  const c = s.compose as Partial<PostState['compose']> | undefined;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (typeof s.project !== 'string' || !TEARDOWNS.includes(s.teardown as Teardown)) return undefined;
  if (s.verdict !== undefined && s.verdict !== 'passed' && s.verdict !== 'failed') return undefined;
  if (s.cluster === 'external') {
    const heals = s.heals as unknown;
    if (
      !Array.isArray(heals) ||
      !heals.every((h: { label?: unknown; command?: unknown }) => typeof h?.label === 'string' && typeof h?.command === 'string') ||
      typeof s.cwd !== 'string'
    )
      return undefined;
    return s as PostState;
  }
  if (s.project === '' || !c || typeof c.file !== 'string' || typeof c.directory !== 'string' || !strings(c.prefix) || !strings(c.files))
    return undefined;
  const f = s.faults as { netns?: unknown; clockDir?: unknown } | undefined;
  if (
    f !== undefined &&
    (typeof f !== 'object' ||
      f === null ||
      (f.netns !== undefined && typeof f.netns !== 'boolean') ||
      (f.clockDir !== undefined && typeof f.clockDir !== 'string'))
  )
    return undefined;
  return s as PostState;
}

export type PostPlan =
  { readonly remove: false; readonly why: string } | { readonly remove: true; readonly why: string; readonly project: string };

/** What the post step does with the project the main step left. */
export function planPost(state: PostState | undefined): PostPlan {
  if (!state) return { remove: false, why: 'no project was created; nothing to tear down' };
  if (state.cluster === 'external') return { remove: false, why: 'cluster: external: Replicheck started nothing and tears nothing down' };
  const { project, teardown, verdict } = state;
  switch (teardown) {
    case 'never':
      return { remove: false, why: `teardown 'never': leaving project ${project} running` };
    case 'on-success':
      // A main step that was killed has no verdict: nothing passed, but nobody asked to look at it either, and
      // a cancelled run is torn down by the engine too. Only a verdict of failure keeps the project.
      return verdict === 'failed'
        ? { remove: false, why: `teardown 'on-success' and the run failed: leaving project ${project} for inspection` }
        : { remove: true, why: `teardown 'on-success' and the run ${verdict ?? 'did not finish'}`, project };
    case 'post':
      return { remove: true, why: `teardown 'post': the job's steps are over`, project };
    case 'always':
      return { remove: true, why: `teardown 'always': removing whatever the main step left`, project };
  }
}
