// Removing secrets from what Replicheck records of a node's answers. Bodies are up to the client's 1 MiB cap and a
// run has tens to hundreds of secret strings (every part of every header, in seven encodings), so each body is
// scanned once, byte by byte, by one automaton of all of them (Aho-Corasick): the time is linear in the body
// whatever the number of secrets. A RegExp of alternatives was the simpler pass, but V8 slows to a third of a
// second per MiB once there are a few hundred of them.

/** What replaces each secret. */
export const REDACTED = '***';

/** Shortest secret redacted, in bytes (headers.ts leaves shorter parts out already; this guards other callers). */
const MIN_REDACTED_BYTES = 4;

export interface Redactor {
  /** The bytes with every secret replaced; the same Buffer when there was none. */
  bytes(body: Buffer): Buffer;
  /** The text with every secret replaced; the same string when there was none. */
  text(text: string): string;
}

const NONE: Redactor = { bytes: (b) => b, text: (t) => t };

/**
 * A redactor for these secrets (strings, or their UTF-8 bytes). Matching is on bytes, so a body that is not UTF-8
 * is redacted and otherwise given back byte for byte. Overlapping secrets (a password inside `user:password`, two
 * echoes run together) become one REDACTED; secrets that merely touch stay two.
 */
export function redactor(secrets: readonly (string | Uint8Array)[]): Redactor {
  const patterns = secrets
    .map((s) => Buffer.from(typeof s === 'string' ? Buffer.from(s, 'utf8') : s))
    .filter((b) => b.length >= MIN_REDACTED_BYTES);
  if (patterns.length === 0) return NONE;
  const automaton = build(patterns);
  const bytes = (body: Buffer): Buffer => {
    const spans = scan(automaton, body);
    return spans.length === 0 ? body : splice(body, spans);
  };
  return {
    bytes,
    text(text) {
      const before = Buffer.from(text, 'utf8');
      const after = bytes(before);
      return after === before ? text : after.toString('utf8');
    },
  };
}

interface Automaton {
  /** Byte to its column: 0 for every byte no secret has. */
  readonly column: Uint8Array;
  readonly columns: number;
  /** Complete transitions: the state after `state` reads a byte of `column` is next[state × columns + column]. */
  readonly next: Int32Array;
  /** Per state: the longest secret ending there, 0 for none. */
  readonly longest: Int32Array;
}

function build(patterns: readonly Buffer[]): Automaton {
  const column = new Uint8Array(256);
  let columns = 1;
  for (const p of patterns) for (const b of p) if (column[b] === 0) column[b] = columns++;
  const goto: number[] = new Array<number>(columns).fill(-1);
  const longest: number[] = [0];
  for (const p of patterns) {
    let s = 0;
    for (const b of p) {
      const at = s * columns + column[b]!;
      if (goto[at] === -1) {
        goto[at] = longest.length;
        longest.push(0);
        for (let c = 0; c < columns; c++) goto.push(-1);
      }
      s = goto[at]!;
    }
    longest[s] = Math.max(longest[s]!, p.length);
  }
  complete(goto, longest, columns);
  return { column, columns, next: Int32Array.from(goto), longest: Int32Array.from(longest) };
}

/** Fills every missing transition from the failure links, breadth first, and folds the links' outputs in. */
function complete(goto: number[], longest: number[], columns: number): void {
  const fail = new Array<number>(longest.length).fill(0);
  const queue: number[] = [];
  for (let c = 0; c < columns; c++) {
    const t = goto[c]!;
    if (t === -1) goto[c] = 0;
    else queue.push(t);
  }
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (let c = 0; c < columns; c++) {
      const t = goto[s * columns + c]!;
      const viaFail = goto[fail[s]! * columns + c]!;
      if (t === -1) {
        goto[s * columns + c] = viaFail;
      } else {
        fail[t] = viaFail;
        longest[t] = Math.max(longest[t]!, longest[viaFail]!);
        queue.push(t);
      }
    }
  }
}

/** Where secrets are, as merged [start, end) spans in order. */
function scan(a: Automaton, body: Uint8Array): [number, number][] {
  const { column, columns, next, longest } = a;
  const spans: [number, number][] = [];
  let state = 0;
  for (let i = 0; i < body.length; i++) {
    state = next[state * columns + column[body[i]!]!]!;
    const length = longest[state]!;
    if (length > 0) addSpan(spans, i + 1 - length, i + 1);
  }
  return spans;
}

/** Spans arrive by end; a later, longer secret may reach back over earlier spans, which it then swallows. */
function addSpan(spans: [number, number][], start: number, end: number): void {
  let s = start;
  while (spans.length > 0 && s < spans[spans.length - 1]![1]) s = Math.min(s, spans.pop()![0]);
  spans.push([s, end]);
}

function splice(body: Buffer, spans: readonly [number, number][]): Buffer {
  const mark = Buffer.from(REDACTED);
  const parts: Buffer[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(body.subarray(at, start), mark);
    at = end;
  }
  parts.push(body.subarray(at));
  return Buffer.concat(parts);
}
