// The end-to-end files run side by side, each publishing its clusters on ports of its own. Those ports must lie
// below Linux's ephemeral range (32768-60999 by default): a port in it can be taken at any moment as the source
// port of some outgoing connection, and then `compose up` fails to publish it (CI saw three runs fail that way
// once the suite made more connections). And no two files may share one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('../e2e/', import.meta.url);
const EPHEMERAL_FROM = 32768;

test('every published port of the end-to-end files is below the ephemeral range and owned by one file', () => {
  const owner = new Map<number, string>();
  let seen = 0;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.test.ts'))) {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    // Port constants: `KV_PORT_0: '26080'`, `ETCD_PORT_0 ?? '22379'`, `REDIS_PORT_0: '27379'`, and URLs of them.
    const found = new Set<number>();
    for (const m of text.matchAll(/_PORT_\d+[^'\n]*'(\d{4,5})'/g)) found.add(Number(m[1]));
    for (const m of text.matchAll(/localhost:(\d{4,5})/g)) found.add(Number(m[1]));
    for (const port of found) {
      seen++;
      assert.ok(port < EPHEMERAL_FROM, `${file} publishes ${port}, inside the ephemeral range: pick one below ${EPHEMERAL_FROM}`);
      const other = owner.get(port);
      assert.ok(other === undefined || other === file, `${file} and ${other} both use port ${port}`);
      owner.set(port, file);
    }
  }
  assert.ok(seen > 30, `found ${seen} ports: the patterns still match the files`);
});
