// The registry of API presets (input `api`): one line a preset, each defined in its own file of this folder.
import { etcdV2 } from './etcd-v2.js';
import { etcdV3 } from './etcd-v3.js';
import { kv } from './kv.js';
import type { Preset } from './types.js';

export type { CasRequest, Preset } from './types.js';

export const PRESETS = { kv, 'etcd-v2': etcdV2, 'etcd-v3': etcdV3 } as const satisfies Record<string, Preset>;

export type ApiPreset = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as ApiPreset[];

export function isPreset(name: string): name is ApiPreset {
  return Object.hasOwn(PRESETS, name);
}
