// stop: the target's processes get SIGTERM and time to stop cleanly; `compose start` brings them back.
import { verbKind } from '../lifecycle.js';

export const stop = verbKind('stop', { done: 'stopped', stillState: 'down', heal: 'start', racesWrites: true });
