// fault-commands: parsing, quoting, and the actions they become (apply, heal, a failed heal that says what may be
// left broken, the pending heals handed to the post step), with a scripted process runner.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { commandFaultActions, fillCommand, parseFaultCommands, shellQuote } from '../../src/faults/commands.js';
import { FAULT_KINDS } from '../../src/faults/kinds/index.js';
import type { Exec, ExecResult } from '../../src/exec/process.js';
import { decodePostState, encodePostState, planPost } from '../../src/model/post-state.js';
import { optionsFrom } from '../support/options.js';

const result = (code: number, stdout = ''): ExecResult => ({ code, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 1 });

describe('fault-commands', () => {
  test('a mapping of kinds to apply and heal; every problem named', () => {
    const ok = parseFaultCommands(
      'pause: { apply: "kill -STOP {target}", heal: "kill -CONT {target}" }\nrestart: { apply: "systemctl restart {target}" }',
    );
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.commands.restart, { apply: 'systemctl restart {target}' });
    const bad = parseFaultCommands(
      'nuke: { apply: "x" }\nstop: { apply: "x" }\nkill: { heal: "y" }\npause: { apply: "{node}", heal: "{url}" }',
    );
    assert.deepEqual(bad.problems, [
      // Every kind of the registry, whatever it holds.
      `'nuke' is not a fault kind (${FAULT_KINDS.join(', ')})`,
      'stop needs a heal command: every fault but restart must be undone',
      'kill needs an apply command, e.g. kill: { apply: "...", heal: "..." }',
      'pause uses unknown placeholder(s) {node}; only {target} and {url} are filled in',
    ]);
    assert.match(parseFaultCommands('[1, 2]').problems[0]!, /must be a mapping/);
    assert.match(parseFaultCommands('a: [').problems[0]!, /is not YAML/);
  });

  test('placeholders are shell-quoted, whatever they hold', () => {
    assert.equal(shellQuote("it's; rm -rf /"), `'it'\\''s; rm -rf /'`);
    assert.equal(fillCommand('ssh {target} curl {url}', { target: 'db-1', url: 'http://x/$(id)' }), "ssh 'db-1' curl 'http://x/$(id)'");
  });

  test('external: every fault needs a command; compose-only inputs and node names are checked', () => {
    const servers = 'a=http://127.0.0.1:1,b=http://127.0.0.1:2';
    assert.throws(
      () => optionsFrom({ servers, cluster: 'external', faults: 'pause', 'fault-targets': 'b' }),
      /fault-commands.*has no entry for pause/s,
    );
    assert.throws(
      () =>
        optionsFrom({
          servers,
          cluster: 'external',
          faults: 'pause',
          'fault-targets': 'c',
          'fault-commands': 'pause: { apply: "x", heal: "y" }',
        }),
      /'c' is not the name of a server.*: a, b/s,
    );
    assert.throws(
      () => optionsFrom({ servers, cluster: 'external', build: 'false' }),
      /build.*only means something with cluster: compose/s,
    );
    assert.throws(
      () =>
        optionsFrom({ servers, cluster: 'external', faults: 'partition:halves', 'fault-commands': 'partition: { apply: "x", heal: "y" }' }),
      /split the whole cluster/,
    );
    assert.throws(() => optionsFrom({ servers: 'a=http://x:1,a=http://y:2' }), /the name 'a' is given to two servers/);
    const o = optionsFrom({
      servers,
      cluster: 'external',
      faults: 'pause',
      'fault-targets': 'b',
      'fault-commands': 'pause: { apply: "x", heal: "y" }',
    });
    assert.deepEqual(
      o.servers.map((s) => s.name),
      ['a', 'b'],
    );
  });

  test('apply, heal, pending heals for the post step, and a heal that fails says what may be left broken', async () => {
    const ran: string[] = [];
    const codes = new Map<string, number>([["kill -CONT 'b'", 1]]);
    const exec: Exec = { run: async (_file, args) => (ran.push(args[1]!), result(codes.get(args[1]!) ?? 0, 'out')) };
    const pending: (string | undefined)[] = [];
    const actions = commandFaultActions({
      exec,
      commands: parseFaultCommands(
        'pause: { apply: "kill -STOP {target}", heal: "kill -CONT {target}" }\nstop: { apply: "stop {target}", heal: "start {target}" }',
      ).commands,
      urls: new Map([['b', 'http://127.0.0.1:2']]),
      cwd: '/tmp',
      timeoutMs: 1000,
      onRun: () => undefined,
      onPending: (_key, heal) => pending.push(heal?.command),
    });
    const stop = await actions.apply({ kind: 'stop', name: 'stop' }, 'b');
    assert.ok(stop.ok);
    assert.deepEqual(await stop.fault.heal(), { ok: true, detail: 'ran the stop heal command for b' });
    const pause = await actions.apply({ kind: 'pause', name: 'pause' }, 'b');
    assert.ok(pause.ok);
    const healed = await pause.fault.heal();
    assert.equal(healed.ok, false);
    assert.match(
      healed.detail,
      /the pause heal command for b failed \(exit 1: out\); b may still be paused: run it by hand: kill -CONT 'b'/,
    );
    assert.deepEqual(ran, ["stop 'b'", "start 'b'", "kill -STOP 'b'", "kill -CONT 'b'"]);
    assert.deepEqual(pending, ["start 'b'", undefined, "kill -CONT 'b'"], 'a heal that failed stays pending for the post step');
    assert.deepEqual(await actions.apply({ kind: 'kill', name: 'kill' }, 'b'), { ok: false, detail: 'fault-commands has no kill entry' });
  });

  test('the post step of an external cluster tears nothing down and knows the heals', () => {
    const state = {
      project: '',
      teardown: 'never' as const,
      cluster: 'external' as const,
      heals: [{ label: 'pause b', command: "kill -CONT 'b'" }],
      cwd: '/w',
    };
    assert.deepEqual(decodePostState(encodePostState(state)), state);
    assert.deepEqual(planPost(state), { remove: false, why: 'cluster: external: Replicheck started nothing and tears nothing down' });
    assert.equal(decodePostState(JSON.stringify({ ...state, heals: [{ label: 1 }] })), undefined);
  });
});

test('every fault kind of the registry is documented: in the faults input and in the fault table of docs/faults.md', async () => {
  const { INPUTS } = await import('../../src/inputs/list.js');
  const { readFileSync } = await import('node:fs');
  const description = INPUTS.find((i) => i.name === 'faults')!.description;
  const page = readFileSync(new URL('../../docs/faults.md', import.meta.url), 'utf8');
  for (const kind of FAULT_KINDS) {
    assert.ok(description.includes(`\`${kind}`), `the faults input names ${kind}`);
    assert.ok(page.includes(`| \`${kind}`), `the fault table of docs/faults.md has a row for ${kind}`);
  }
});
