// Faults that hold right now. Each fault cycle heals its own fault in a finally; the engine also heals whatever is
// still registered before it collects logs and tears down, so a throw, a hang cut short or a cancel can never
// leave a paused container or a disconnected network behind.

export interface HealOutcome {
  readonly ok: boolean;
  /** What was done, or what went wrong (may quote Docker's output: untrusted). */
  readonly detail: string;
}

/** Turns a thrown apply or heal into a failed outcome, so one service's error cannot skip healing the others. */
export function threw(what: string): (error: unknown) => { ok: false; detail: string } {
  return (error) => ({ ok: false, detail: `${what} threw: ${(error as Error)?.message ?? String(error)}` });
}

export class ActiveFaults {
  private readonly held = new Map<number, { label: string; heal: () => Promise<HealOutcome> }>();
  private next = 0;

  /** Registers a held fault; returns a heal that runs at most once, whoever calls it first. */
  add(label: string, heal: () => Promise<HealOutcome>): () => Promise<HealOutcome> {
    const id = this.next++;
    let running: Promise<HealOutcome> | undefined;
    const once = (): Promise<HealOutcome> => {
      running ??= heal()
        .catch(threw('healing'))
        .finally(() => this.held.delete(id));
      return running;
    };
    this.held.set(id, { label, heal: once });
    return once;
  }

  get size(): number {
    return this.held.size;
  }

  /** Heals everything still held; returns one line per fault healed here. */
  async healAll(): Promise<{ label: string; outcome: HealOutcome }[]> {
    const all = [...this.held.values()];
    return Promise.all(all.map(async (f) => ({ label: f.label, outcome: await f.heal() })));
  }
}
