// kill: SIGKILL, with no time to flush or hand over leadership; `compose start` brings the target back.
import { verbKind } from '../lifecycle.js';

export const kill = verbKind('kill', { done: 'killed', stillState: 'down', heal: 'start', racesWrites: true });
