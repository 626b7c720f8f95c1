// processExec with real programs (sh, sleep): a deadline or a cancel ends the program and everything it started, and
// the run never waits for a child that keeps the output pipes open. Each test's sleeps carry a unique duration, so
// `pgrep -f` finds exactly them; whatever a test leaves is ended by pid afterwards.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { processExec } from '../../src/exec/process.js';

const marks: string[] = [];

/** Pids of processes whose command line holds `mark` (this test's own unique sleep). */
function pidsOf(mark: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', mark], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Waits (briefly) until no process with `mark` remains; the pids that still do. */
async function leftOver(mark: string, withinMs = 1000): Promise<number[]> {
  const until = performance.now() + withinMs;
  for (;;) {
    const pids = pidsOf(mark);
    if (pids.length === 0 || performance.now() > until) return pids;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function mark(seconds: string): string {
  const m = `sleep ${seconds}`;
  marks.push(m);
  return m;
}

after(() => {
  for (const m of marks) {
    for (const pid of pidsOf(m)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

const timed = async (run: () => Promise<Awaited<ReturnType<typeof processExec.run>>>) => {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
};

// Each bounded on its own: on a run that waits for the sleep, every test fails by itself instead of the suite.
const bounded = { timeout: 5000 };

describe('processExec ends what it started', () => {
  test('a deadline ends the shell and its sleep: the result comes at the deadline, not when the sleep would end', bounded, async () => {
    const m = mark('30.123');
    const { result, ms } = await timed(() => processExec.run('sh', ['-c', `${m}; true`], { timeoutMs: 500 }));
    assert.equal(result.timedOut, true);
    assert.equal(result.code, null);
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
    assert.deepEqual(await leftOver(m), [], 'no sleep remains');
  });

  test('a group that ignores SIGTERM gets SIGKILL after the grace', bounded, async () => {
    const m = mark('30.124');
    const { result, ms } = await timed(() =>
      processExec.run('sh', ['-c', `trap '' TERM; ${m}; true`], { timeoutMs: 300, killGraceMs: 300 }),
    );
    assert.equal(result.timedOut, true);
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
    assert.deepEqual(await leftOver(m), [], 'no sleep remains');
  });

  test(
    'a grandchild that holds the pipes does not hold the result: it comes at once, the grandchild ends at the grace',
    bounded,
    async () => {
      const m = mark('30.125');
      const script = `(trap '' TERM; ${m}) & echo started; wait`;
      const { result, ms } = await timed(() => processExec.run('sh', ['-c', script], { timeoutMs: 300, killGraceMs: 1500 }));
      assert.equal(result.timedOut, true);
      assert.equal(result.stdout, 'started\n');
      assert.ok(ms < 1900, `returned after ${Math.round(ms)} ms, before the grace ended`);
      assert.deepEqual(await leftOver(m, 2500), [], 'SIGKILL reached the grandchild');
    },
  );

  test('a grandchild outside the group that holds the pipes does not hold the result either', bounded, async () => {
    const m = mark('30.126');
    const { result, ms } = await timed(() =>
      processExec.run('sh', ['-c', `setsid ${m} & sleep 30.127`], { timeoutMs: 300, killGraceMs: 300 }),
    );
    marks.push('sleep 30.127');
    assert.equal(result.timedOut, true);
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
    assert.deepEqual(await leftOver('sleep 30.127'), [], 'the group was ended');
  });

  test('a program that exits but leaves a background child on its stdout returns promptly with its output', bounded, async () => {
    const m = mark('30.456');
    const { result, ms } = await timed(() => processExec.run('sh', ['-c', `(${m} &) ; echo hi`]));
    assert.equal(result.code, 0);
    assert.equal(result.timedOut, false);
    assert.equal(result.stdout, 'hi\n');
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
  });

  test('a cancel ends the group like a deadline, without calling it a timeout', bounded, async () => {
    const m = mark('30.789');
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 300);
    const { result, ms } = await timed(() => processExec.run('sh', ['-c', `${m}; true`], { signal: cancel.signal }));
    assert.equal(result.timedOut, false);
    assert.equal(result.code, null);
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
    assert.deepEqual(await leftOver(m), [], 'no sleep remains');
  });

  test('a signal aborted before the start ends the program at once', bounded, async () => {
    const m = mark('30.790');
    const { result, ms } = await timed(() => processExec.run('sh', ['-c', `${m}; true`], { signal: AbortSignal.abort() }));
    assert.equal(result.code, null);
    assert.ok(ms < 8000, `returned after ${Math.round(ms)} ms`);
    assert.deepEqual(await leftOver(m), [], 'no sleep remains');
  });
});

describe('processExec keeps its results', () => {
  test('exit codes, both streams, and a program that cannot start', async () => {
    const r = await processExec.run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    assert.deepEqual([r.code, r.stdout, r.stderr, r.timedOut, r.truncated], [3, 'out\n', 'err\n', false, false]);
    const missing = await processExec.run('/nonexistent/replicheck-no-such-program', []);
    assert.equal(missing.code, null);
    assert.equal(missing.startError, 'ENOENT');
  });

  test('output beyond the cap is counted, not kept; output under it is read to the end', async () => {
    const capped = await processExec.run('sh', ['-c', 'head -c 100000 /dev/zero | tr "\\0" a; echo done >&2'], { maxBytes: 1000 });
    assert.equal(capped.stdout, 'a'.repeat(1000));
    assert.equal(capped.stderr, 'done\n');
    assert.equal(capped.truncated, true);
    const whole = await processExec.run('sh', ['-c', 'head -c 3000000 /dev/zero | tr "\\0" b']);
    assert.equal(whole.stdout.length, 3_000_000);
    assert.equal(whole.truncated, false);
  });
});
