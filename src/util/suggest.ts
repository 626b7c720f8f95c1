// "Did you mean" for every name a user can mistype: flags, commands, input names and config keys, all with one
// measure of closeness.

/** `phrase(closest)` for the closest known name, or '' when nothing is close. */
export function suggest(word: string, names: readonly string[], phrase: (name: string) => string): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.includes(word) || word.includes(name) ? Math.abs(name.length - word.length) / 2 : distance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  // Far-off suggestions are noise: allow about one edit in three characters.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? phrase(best) : '';
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
