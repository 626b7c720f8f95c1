// pause: the target's processes are frozen (cgroup freezer); connections stay open and requests hang.
import { verbKind } from '../lifecycle.js';

export const pause = verbKind('pause', { done: 'paused', stillState: 'paused', heal: 'unpause', racesWrites: false });
