// The data the history page carries in its JSON element: written by history-page.ts in Node, read by the page's
// script in the browser (browser/history-page.ts). Both halves are type-checked against these types, so this file
// holds types only: it is part of the Node program and of the browser program, and needs neither.

/**
 * One entry per operation in each column, by the operation's index in the history. Strings are indices into the
 * tables of PageData (processes, keys, nodes, values, errors); -1 where there is nothing.
 */
export interface PageColumns {
  /** Client: index into processes, which is also the lane. */
  readonly p: number[];
  /** Key: index into keys. */
  readonly k: number[];
  /** Node: index into nodes, -1 when unknown. */
  readonly n: number[];
  /** Function: 0 read, 1 write, 2 compare-and-set, 3 append. */
  readonly f: number[];
  /** Outcome: 0 ok, 1 fail, 2 info. */
  readonly t: number[];
  /** 0 for a compare-and-set whose comparison did not match, else 1. */
  readonly s: number[];
  /** Invocation time. */
  readonly i: number[];
  /** Completion time, -1 when it never returned. */
  readonly c: number[];
  /** Value as text: index into values. */
  readonly v: number[];
  /** Error: index into errors, -1 when none. */
  readonly e: number[];
}

export interface PageWitness {
  readonly explanation: string;
  /** The operations of the witness. */
  readonly ops: number[];
  readonly failing: number;
  /** The end of the longest order the search could build: it got this far and no further. */
  readonly prefix: number[];
  /** How many operations that order placed. */
  readonly placed: number;
}

export interface PageResult {
  readonly key: string;
  readonly verdict: string;
  readonly passed: boolean;
  readonly detail: string;
  readonly witness?: PageWitness;
  /** eventual: each node's final value, as text. */
  readonly nodeValues?: { readonly node: string; readonly value: string }[];
  /** eventual: the values that could legally be last, as text. */
  readonly legal?: string[];
}

export interface PageFaultEvent {
  readonly time: number;
  readonly f: 'start' | 'stop';
  readonly fault: string;
  readonly target: string;
}

/** One model of the ladder as the page lists it; `ops` are the witness's operations (indexes into the history). */
export interface PageModel {
  readonly model: string;
  readonly verdict: 'held' | 'violated' | 'unknown';
  readonly text?: string;
  readonly key?: string;
  readonly ops?: number[];
}

export interface PageLadder {
  readonly claim: string;
  readonly sessions: string;
  readonly strongest: string | null;
  readonly models: PageModel[];
}

export interface PageData {
  readonly title: string;
  /** The run's claim (input consistency). */
  readonly consistency: string | null;
  /** Every model's verdict on this history, when the run checked the ladder. */
  readonly ladder?: PageLadder;
  /** The end of the history (at least 1): where the time axis ends and unanswered operations' tails stop. */
  readonly end: number;
  readonly processes: string[];
  readonly keys: string[];
  readonly nodes: string[];
  readonly values: string[];
  readonly errors: string[];
  readonly ops: PageColumns;
  readonly nemesis: PageFaultEvent[];
  readonly results: PageResult[];
}
