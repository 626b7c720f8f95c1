// What a run has found so far: the timeline, the checks, the errors, the logs. The engine's phases add to it and
// nothing else holds run state, so however the run ends the result is built from one place.
import type { Check, Phase, RunError, ServiceLog } from '../model/result.js';
import { decideVerdict } from '../model/result.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from './deps.js';

export class RunRecorder {
  readonly phases: Phase[] = [];
  readonly checks: Check[] = [];
  readonly errors: RunError[] = [];
  readonly logs: ServiceLog[] = [];
  private readonly t0: number;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.t0 = clock.now();
  }

  /** Milliseconds since the run started. */
  readonly since = (): number => this.clock.now() - this.t0;

  /** Runs one phase of the timeline; `ok` says from its value whether it passed. A throw fails it and goes on up. */
  readonly phase = async <T>(name: string, fn: () => Promise<T>, ok: (value: T) => boolean = () => true): Promise<T> => {
    const start = this.since();
    this.log.phase?.(name, 'start');
    try {
      const value = await fn();
      const good = ok(value);
      this.phases.push({ name, startMs: start, endMs: this.since(), status: good ? 'ok' : 'failed' });
      this.log.phase?.(name, good ? 'ok' : 'failed');
      return value;
    } catch (error) {
      this.phases.push({ name, startMs: start, endMs: this.since(), status: 'failed' });
      this.log.phase?.(name, 'failed');
      throw error;
    }
  };

  /** A phase whose value carries checks: they are recorded, and the phase passes when none of them failed. */
  readonly checked = async <T extends { readonly checks: readonly Check[] }>(name: string, fn: () => Promise<T>): Promise<T> => {
    const value = await this.phase(name, fn, (v) => passed(v.checks));
    this.checks.push(...value.checks);
    return value;
  };

  get failed(): boolean {
    return decideVerdict(this.checks, this.errors) === 'failed';
  }
}

export function passed(checks: readonly Check[]): boolean {
  return decideVerdict(checks, []) === 'passed';
}
