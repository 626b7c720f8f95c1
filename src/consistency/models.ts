// The consistency models Replicheck knows: one home for their names, their order on the ladder, what each one
// requires of the models below it, and the words reports use. Everything else (the input parser, the judges, the
// reporters) reads them from here, so adding a model is one entry here and one checker.
//
// The ladder is read as a chain: a run "climbs" to the highest model that held together with every model below it
// in this list. Some neighbours are incomparable in theory (the four session guarantees); reading the list as a
// chain keeps the headline honest ("you can rely on everything up to X") at the price of sometimes naming a weaker
// model than the strongest one that held on its own. Every model's own verdict is reported beside the headline.

export const CONSISTENCY_MODELS = [
  'eventual',
  'read-your-writes',
  'monotonic-reads',
  'monotonic-writes',
  'writes-follow-reads',
  'pram',
  'causal',
  'sequential',
  'linearizable',
] as const;

export type ConsistencyModel = (typeof CONSISTENCY_MODELS)[number];

export interface ModelInfo {
  readonly name: ConsistencyModel;
  /** As a title says it: `Read-your-writes`, `Causal consistency`. */
  readonly title: string;
  /** One sentence: what the model promises a client, in plain words. */
  readonly promise: string;
  /**
   * Models whose guarantees this one includes by definition (direct ones only). A model's reported verdict is
   * `violated` when any of them is violated, whatever its own checker says, so the verdicts never contradict the
   * lattice (e.g. `pram` has no checker of its own: it is exactly these three).
   */
  readonly includes: readonly ConsistencyModel[];
}

const INFO: Readonly<Record<ConsistencyModel, ModelInfo>> = {
  eventual: {
    name: 'eventual',
    title: 'Eventual consistency',
    promise: 'once writes stop and faults heal, every node returns the same value for each key, a value that was written and can be last',
    includes: [],
  },
  'read-your-writes': {
    name: 'read-your-writes',
    title: 'Read-your-writes',
    promise: "a client's read returns its own latest write of the key, or a write that did not precede it causally",
    includes: [],
  },
  'monotonic-reads': {
    name: 'monotonic-reads',
    title: 'Monotonic reads',
    promise: 'a client never reads a key back in time: no value that causally precedes one it already read of that key',
    includes: [],
  },
  'monotonic-writes': {
    name: 'monotonic-writes',
    title: 'Monotonic writes',
    promise: "a client's writes are seen in the order it made them: a reader that saw a later one sees the earlier ones too",
    includes: [],
  },
  'writes-follow-reads': {
    name: 'writes-follow-reads',
    title: 'Writes-follow-reads',
    promise: 'a write is seen after the writes its client had read: a reader that saw it sees what it followed',
    includes: [],
  },
  pram: {
    name: 'pram',
    title: 'PRAM',
    promise: 'read-your-writes, monotonic reads and monotonic writes together (pipelined RAM)',
    includes: ['read-your-writes', 'monotonic-reads', 'monotonic-writes'],
  },
  causal: {
    name: 'causal',
    title: 'Causal consistency',
    promise: 'every client sees causally related writes in causal order (causal consistency, CC)',
    includes: ['pram', 'writes-follow-reads'],
  },
  sequential: {
    name: 'sequential',
    title: 'Sequential consistency (per key)',
    promise: "causal, and each key's operations fit one order that keeps every client's order (no real-time bound)",
    includes: ['causal'],
  },
  linearizable: {
    name: 'linearizable',
    title: 'Linearizability',
    promise: "each key's operations fit one order that keeps real time: every read returns the latest write",
    includes: ['sequential'],
  },
};

export function modelInfo(model: ConsistencyModel): ModelInfo {
  return INFO[model];
}

/** Position on the ladder, 0 = eventual. */
export function rankOf(model: ConsistencyModel): number {
  return CONSISTENCY_MODELS.indexOf(model);
}

export function isConsistencyModel(value: string): value is ConsistencyModel {
  return (CONSISTENCY_MODELS as readonly string[]).includes(value);
}

/** Every model `model` includes, directly or through others (not itself). */
export function includedBy(model: ConsistencyModel): Set<ConsistencyModel> {
  const out = new Set<ConsistencyModel>();
  const walk = (m: ConsistencyModel): void => {
    for (const i of INFO[m].includes) {
      if (!out.has(i)) {
        out.add(i);
        walk(i);
      }
    }
  };
  walk(model);
  return out;
}

/**
 * Whether a claim allows a node to answer reads from its own copy while a fault cuts it off from the others. Only
 * linearizability forbids it (a read must return the latest write, which the cut-off node may not have); every
 * weaker model lets the node serve what it has, as long as it converges once healed.
 */
export function allowsStaleWhileCut(claim: ConsistencyModel): boolean {
  return claim !== 'linearizable';
}
