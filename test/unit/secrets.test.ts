// Secrets in `headers` must not leak in pieces: a server that answers `invalid token <token>`, or echoes a header
// JSON-escaped, percent-encoded or in base64, must not get the token, the Basic password or a cookie value into
// anything Replicheck writes (terminal, JSON report, step summary, annotations, history files), and the action must
// mask every one of those forms in the log. The forms are computed here from their definitions, not by the code
// under test.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretValues } from '../../src/checks/headers.js';
import { redact, secretsOf } from '../../src/checks/kv-api.js';
import { redactor } from '../../src/checks/redact.js';
import { runCommand } from '../../src/cli/run.js';
import type { RunResult } from '../../src/model/result.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { optionsFrom } from '../support/options.js';

const base64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const base64url = (s: string): string => base64(s).replace(/\+/g, '-').replace(/\//g, '_');

/**
 * A part as it may come back: as is, JSON-escaped (as JSON.stringify, Python's \u00e9 and PHP's \/ write it),
 * percent-encoded, base64 and base64url with and without padding.
 */
function formsOf(part: string): string[] {
  const json = JSON.stringify(part).slice(1, -1);
  const python = json.replace(/[^\u0000-\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const forms = [part, json, python, json.replace(/\//g, '\\/'), encodeURIComponent(part), base64(part), base64url(part)];
  return [...new Set(forms.flatMap((f) => [f, f.replace(/=+$/, '')]))];
}

// Quotes, a backslash, '/', '+' and ':' make every form of each part differ from the others.
const TOKEN = 'tok/Sx9+Zr"q\\Q7mW4-bearer';
const USER = 'alice';
const PASSWORD = 'hunter2:Pa55/w0rd"+';
const SESSION = 'sess-8c1f0e2d9b+/x';
const HEADERS = [
  `Authorization: Bearer ${TOKEN}`,
  `Proxy-Authorization: Basic ${base64(`${USER}:${PASSWORD}`)}`,
  `Cookie: session=${SESSION}; theme=x`,
];
const PARTS = [`Bearer ${TOKEN}`, TOKEN, `${USER}:${PASSWORD}`, PASSWORD, SESSION];
const FORMS = [...new Set(PARTS.flatMap(formsOf))];
/** Distinctive cores: what an escaping no form lists (HTML in the summary, say) would still leave visible. */
const CORES = ['Sx9+Zr', 'Q7mW4', 'Pa55', '8c1f0e2d9b'];

/** Every output that holds any form or core, with what it holds. */
function leaks(outputs: Readonly<Record<string, string>>): string[] {
  return Object.entries(outputs).flatMap(([where, text]) =>
    [...FORMS, ...CORES].filter((s) => text.includes(s)).map((s) => `${where}: ${JSON.stringify(s)}`),
  );
}

describe('the parts and forms the action masks', () => {
  const masked = (line: string): string[] => secretValues({ headers: line });

  test('Bearer: the whole value and the token, in every form', () => {
    const m = masked(`Authorization: Bearer ${TOKEN}`);
    for (const f of [...formsOf(`Bearer ${TOKEN}`), ...formsOf(TOKEN)]) assert.ok(m.includes(f), `not masked: ${f}`);
  });

  test('Basic: the credential, the decoded user:password and the password, not the user alone', () => {
    const credential = base64(`${USER}:${PASSWORD}`);
    const m = masked(`Authorization: Basic ${credential}`);
    for (const f of [...formsOf(credential), ...formsOf(`${USER}:${PASSWORD}`), ...formsOf(PASSWORD)]) assert.ok(m.includes(f), f);
    assert.ok(!m.includes(USER), 'a user name is no secret; masking it would shred ordinary text');
    assert.ok(masked('Authorization: basic dXNlcjpwYXNzd29yZA==').includes('password'), 'the scheme is case-insensitive');
    assert.ok(!masked('Authorization: Basic not*base64').includes('*base64'), 'no decoding of what is not base64');
  });

  test('Token and other schemes: whatever follows the first space', () => {
    for (const scheme of ['Token', 'token', 'ApiKey', 'SSWS']) {
      const m = masked(`Authorization: ${scheme} ghp_16C7e42F292c6912E7710c838347Ae178B4a`);
      assert.ok(m.includes('ghp_16C7e42F292c6912E7710c838347Ae178B4a'), scheme);
      assert.ok(m.includes(base64('ghp_16C7e42F292c6912E7710c838347Ae178B4a')), scheme);
    }
  });

  test('Digest and cookie-like lists: each value, unquoted; values under four characters left out', () => {
    const digest = masked('Authorization: Digest username="alice", realm="api", response="6629fae49393a05397450978507c4ef1"');
    assert.ok(digest.includes('6629fae49393a05397450978507c4ef1'));
    assert.ok(digest.includes('alice'), 'a Digest user name is a value of the list');
    assert.ok(!digest.includes('api'), 'three characters: not masked');
    const cookie = masked(`Cookie: session=${SESSION}; theme=x; csrf="c5rf-t0k3n"`);
    for (const f of [...formsOf(SESSION), ...formsOf('c5rf-t0k3n')]) assert.ok(cookie.includes(f), f);
    assert.ok(!cookie.includes('x'));
  });

  test('non-ASCII parts: JSON as is and as \\u escapes, percent-encoding and base64 of their UTF-8 bytes', () => {
    const m = masked('X-Api-Key: clé-secrète');
    for (const f of ['clé-secrète', 'cl\\u00e9-secr\\u00e8te', 'cl%C3%A9-secr%C3%A8te', base64('clé-secrète'), base64url('clé-secrète')])
      assert.ok(m.includes(f), f);
  });

  test('parts of four characters and more are masked, shorter ones not; the whole value however short', () => {
    assert.ok(masked('Authorization: Bearer abcd').includes('abcd'), 'four characters: masked');
    const m = masked('Authorization: Bearer abc');
    assert.ok(m.includes('Bearer abc') && !m.includes('abc'), 'three characters: not masked');
    assert.deepEqual(masked('X-Key: k3y'), ['k3y'], 'no base64 of a three-character value');
  });
});

describe('redaction', () => {
  test('every form of every part is redacted from a body and from an error, in one outcome', () => {
    const secrets = secretsOf(optionsFrom({ servers: 'http://localhost:8080', headers: HEADERS.join('\n') }).kv);
    const body = Buffer.from(FORMS.map((f) => `invalid token ${f}`).join('\n'));
    const r = redact({ ok: true, status: 401, body, truncated: false, durationMs: 1 }, secrets);
    assert.ok(r.ok);
    assert.deepEqual(leaks({ body: r.body.toString('latin1') }), []);
    assert.equal(r.body.toString().split('\n')[0], 'invalid token ***');
    const failed = redact({ ok: false, error: `refused ${TOKEN} and ${base64(PASSWORD)}`, durationMs: 1 }, secrets);
    assert.ok(!failed.ok);
    assert.equal(failed.error, 'refused *** and ***');
  });

  test('overlapping secrets become one mark, touching ones stay two; other bytes come back exactly', () => {
    const r = redactor(['user:password', 'password', 'abcd']);
    assert.equal(r.text('x user:password y'), 'x *** y');
    assert.equal(r.text('abcdabcd'), '******');
    assert.equal(r.text('abcabcd'), 'abc***');
    assert.equal(redactor(['abcdef', 'defghi']).text('-abcdefghi-'), '-***-');
    const binary = Buffer.from([0xff, 0x00, 0xc3, 0x28, ...Buffer.from('password'), 0x80, 0xfe]);
    assert.deepEqual([...redactor(['password']).bytes(binary)], [0xff, 0x00, 0xc3, 0x28, ...Buffer.from('***'), 0x80, 0xfe]);
    const clean = Buffer.from('nothing here');
    assert.equal(redactor(['password']).bytes(clean), clean, 'the same Buffer when there is nothing to redact');
  });

  test('matches a naive search on random texts over a small alphabet (every occurrence covered, nothing else)', () => {
    let seed = 42;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const word = (min: number, max: number): string => Array.from({ length: min + next(max - min + 1) }, () => 'abc'[next(3)]).join('');
    for (let round = 0; round < 300; round++) {
      const secrets = Array.from({ length: 1 + next(5) }, () => word(4, 7));
      const text = word(0, 60);
      const covered = new Array<boolean>(text.length).fill(false);
      for (const s of secrets)
        for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + 1)) covered.fill(true, at, at + s.length);
      const kept = [...text].filter((_, i) => !covered[i]).join('');
      const out = redactor(secrets).text(text);
      assert.equal(out.replace(/\*\*\*/g, ''), kept, `${JSON.stringify(secrets)} in ${text}`);
      for (const s of secrets) assert.ok(!out.includes(s), `${s} left in ${out}`);
    }
  });

  test('a 1 MiB body against 50 headers (hundreds of strings) takes milliseconds', () => {
    const headers = Array.from({ length: 50 }, (_, i) =>
      i % 2 ? `X-T${i}: Bearer ${base64url(`token-${i}-${'k'.repeat(20)}`)}` : `X-B${i}: Basic ${base64(`user${i}:password-${i}-xyz`)}`,
    );
    const secrets = secretsOf(optionsFrom({ servers: 'http://localhost:8080', headers: headers.join('\n') }).kv);
    assert.ok(secrets.length > 300, `${secrets.length} secret strings`);
    const body = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = 0x41 + ((i * 7919) % 58);
    const outcome = { ok: true as const, status: 200, body, truncated: false, durationMs: 1 };
    redact(outcome, secrets);
    const started = performance.now();
    for (let i = 0; i < 5; i++) redact(outcome, secrets);
    const ms = (performance.now() - started) / 5;
    console.log(`# redacting 1 MiB against ${secrets.length} secret strings: ${ms.toFixed(1)} ms`);
    // A bound against a pathological (quadratic) pass, with room for a loaded machine; the speed is bench/'s.
    assert.ok(ms < 2000, `${ms} ms`);
  });
});

/** Answers writes `401 invalid token <token>`, and reads 200 with each form of each part in turn. */
async function echoingNode(): Promise<{ url: string; close(): Promise<void> }> {
  let n = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'GET') res.writeHead(401).end(`invalid token ${TOKEN}`);
      else res.writeHead(200).end(`echo ${FORMS[n++ % FORMS.length]}`);
    });
  });
  return listening(server);
}

/** Stores writes and returns them, as a healthy node does. */
async function goodNode(): Promise<{ url: string; close(): Promise<void> }> {
  const store = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'GET') {
        store.set(req.url ?? '', Buffer.concat(chunks));
        res.writeHead(204).end();
      } else {
        const v = store.get(req.url ?? '');
        res.writeHead(v ? 200 : 404).end(v ?? 'not found');
      }
    });
  });
  return listening(server);
}

async function listening(server: ReturnType<typeof createServer>): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ADAPTER = `
export async function write({ key, value, fetch }) {
  const r = await fetch('/key/' + encodeURIComponent(key), { method: 'POST', body: value });
  if (r.status >= 400) throw new Error('refused: ' + r.text());
  return r.status < 300;
}
export async function read({ key, fetch }) {
  const r = await fetch('/key/' + encodeURIComponent(key));
  return r.status === 404 ? null : r.text();
}
`;

describe('a whole run against a node that echoes the secrets', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-secrets-'));
    await writeFile(join(dir, 'adapter.mjs'), ADAPTER);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const via of ['templates', 'adapter module'] as const) {
    test(`${via}: nothing Replicheck writes holds any form of any part`, async () => {
      const good = await goodNode();
      const evil = await echoingNode();
      const report = join(dir, `${via.replace(' ', '-')}.json`);
      let terminal = '';
      const out = { write: (t: string) => void (terminal += t) };
      try {
        const argv = [
          ...['--no-config', '--cluster', 'external', '--servers', `${good.url},${evil.url}`],
          ...HEADERS.flatMap((h) => ['--headers', h]),
          ...['--workload', 'register', '--workload-duration', '1', '--workload-clients', '2', '--seed', '7'],
          ...['--convergence-timeout', '1', '--request-timeout', '1', '--startup-timeout', '5', '--report-file', report],
          ...(via === 'adapter module' ? ['--adapter', join(dir, 'adapter.mjs')] : []),
        ];
        const code = await runCommand(argv, { stdout: out, stderr: out, env: { NO_COLOR: '1' }, cwd: dir });
        assert.equal(code, 1, terminal);
      } finally {
        await evil.close();
        await good.close();
      }
      const json = await readFile(report, 'utf8');
      const result = JSON.parse(json) as RunResult;
      assert.ok(result.workload?.history, 'the workload wrote its history');
      const outputs: Record<string, string> = {
        terminal,
        'JSON report': json,
        'step summary': renderSummary(result),
        'text report': renderText(result),
        annotations: JSON.stringify(buildAnnotations(result, undefined)),
        'history JSON': await readFile(result.workload.history.json, 'utf8'),
        'history EDN': await readFile(result.workload.history.edn, 'utf8'),
        'history page': await readFile(result.workload.history.html!, 'utf8'),
      };
      assert.deepEqual(leaks(outputs), []);
      // The answers were recorded, only without the secrets.
      assert.match(outputs['history JSON']!, /echo \*\*\*/);
      if (via === 'templates') assert.match(json, /"bodyPreview": "invalid token \*\*\*"/);
    });
  }
});
