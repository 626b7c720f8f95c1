// The values of one key's search, interned to small integers so a state is one integer. Short values are found by a
// Map, as V8 hashes them. A value longer than 16,383 characters V8 hashes by its length alone, so long values of
// one length would all collide in a Map; they are found instead by a polynomial hash kept for each, which an append
// updates in constant time (h(s + a) follows from h(s) and a). A long value made by `+` then stays a rope (a few
// dozen bytes) unless it must be compared with an equal-looking one, which is when V8 copies it flat; the memory
// and the time of that are counted, as is the copy a Map makes of a short one.

import { BudgetExceeded, type Account } from './budget.js';
import type { Value } from './history.js';

// Estimated bytes per interned value: its slot and numbers here, a bucket entry, and a rope's node.
const VALUE_BYTES = 96;
const MAX_STRING_LENGTH = 0x1fffffe8;
// Polynomial hashing modulo the prime 2^31 - 1: modulo a power of two, texts built of repeated blocks (which appends
// make) collide by the thousand.
const PRIME = 0x7fffffff;
const BASE = 0x2545f491;

/** a * b modulo PRIME, for a and b below 2^31: b is split so that no product passes 2^53. */
function mulmod(a: number, b: number): number {
  return ((((a * (b >>> 16)) % PRIME) * 0x10000 + a * (b & 0xffff)) % PRIME) | 0;
}

function textOf(v: Value): string {
  return v === null ? '' : String(v);
}

function textHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (mulmod(h, BASE) + s.charCodeAt(i)) % PRIME;
  return h;
}

/** BASE to the power `n`, modulo PRIME. */
function basePower(n: number): number {
  let result = 1;
  let b = BASE;
  for (let e = n; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = mulmod(result, b);
    b = mulmod(b, b);
  }
  return result;
}

/** Past this length V8 hashes a string by its length only. */
const LONG = 16_384;

export interface AppendArgument {
  readonly text: string;
  readonly length: number;
  readonly hash: number;
  readonly power: number;
}

export class ValueTable {
  readonly values: Value[] = [];
  /** Numbers, null and short strings. */
  private readonly ids = new Map<Value, number>();
  /** Long strings by the hash of their text (one id, or several that share it). */
  private readonly byHash = new Map<number, number | number[]>();
  /** Each value's polynomial hash once needed (-1 before), and its text's length. */
  private readonly hashes: number[] = [];
  private readonly lengths: number[] = [];
  /** Work beyond a constant done since the caller last took it (long comparisons and copies), in search steps. */
  debt = 0;

  constructor(private readonly account: Account) {}

  /** The id of a value from the history (the strings the history already holds, so no copy is made). */
  intern(v: Value): number {
    if (typeof v === 'string' && v.length >= LONG) {
      const hash = textHash(v);
      const found = this.findLong(hash, v);
      return found >= 0 ? found : this.add(v, hash, v.length);
    }
    const id = this.ids.get(v);
    return id !== undefined ? id : this.addShort(v);
  }

  private addShort(v: Value): number {
    const id = this.add(v, -1, textOf(v).length);
    this.ids.set(v, id);
    return id;
  }

  private add(v: Value, hash: number, length: number): number {
    this.account.take(VALUE_BYTES);
    const id = this.values.length;
    this.values.push(v);
    this.hashes.push(hash);
    this.lengths.push(length);
    if (length >= LONG) {
      const bucket = this.byHash.get(hash);
      if (bucket === undefined) this.byHash.set(hash, id);
      else if (typeof bucket === 'number') this.byHash.set(hash, [bucket, id]);
      else bucket.push(id);
    }
    return id;
  }

  /** The id of the long string `text` (whose hash is `hash`), or -1; equal-looking candidates are compared. */
  private findLong(hash: number, text: string): number {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return -1;
    for (const id of typeof bucket === 'number' ? [bucket] : bucket) {
      if (this.lengths[id] !== text.length) continue;
      // Comparing flattens both ropes: that memory and that time are real.
      this.account.take(2 * (24 + 2 * text.length));
      this.debt += text.length >>> 6;
      if (this.values[id] === text) return id;
    }
    return -1;
  }

  private hashOf(id: number): number {
    let h = this.hashes[id] as number;
    if (h < 0) {
      h = textHash(textOf(this.values[id] as Value));
      this.hashes[id] = h;
      this.debt += (this.lengths[id] as number) >>> 6;
    }
    return h;
  }

  /** What appending does with an argument, worked out once per operation. */
  appendArgument(arg: Value): AppendArgument {
    const text = textOf(arg);
    return { text, length: text.length, hash: textHash(text), power: basePower(text.length) };
  }

  /** The id of `state`'s text followed by the argument's (appendValue), made once per distinct text. */
  append(state: number, arg: AppendArgument): number {
    const length = (this.lengths[state] as number) + arg.length;
    if (length > MAX_STRING_LENGTH) throw new BudgetExceeded('memory', 'an appended value would be longer than a string can be');
    if (length < LONG) {
      // A Map hashes the new text whole, which makes it flat: a copy of its own.
      this.account.take(24 + 2 * length);
      this.debt += length >>> 6;
      const text = textOf(this.values[state] as Value) + arg.text;
      const id = this.ids.get(text);
      return id !== undefined ? id : this.addShort(text);
    }
    const hash = (mulmod(this.hashOf(state), arg.power) + arg.hash) % PRIME;
    const text = textOf(this.values[state] as Value) + arg.text;
    const found = this.findLong(hash, text);
    return found >= 0 ? found : this.add(text, hash, length);
  }
}
