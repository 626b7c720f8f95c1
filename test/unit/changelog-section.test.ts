// scripts/changelog-section.mjs gives a release its notes: the tag's section of CHANGELOG.md, nothing more or less.
// The release workflow is checked here too, so it cannot lose its checks without a test failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts', 'changelog-section.mjs');

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const changelog = `# Changelog

Intro text that belongs to no version.

## [Unreleased]

### Added
- Something not yet released.

## [0.2.0] - 2026-12-01

### Changed
- Middle section, with a date.

\`\`\`sh
## not a heading: inside a fence
\`\`\`

## [0.1.10]

- Ten.

## [0.1.2]

## [0.1.1]

- One.
  ### A deeper heading stays in the section

## [0.1.0] - 2026-01-01

- First release.

[unreleased]: https://example.test/compare/v0.2.0...HEAD
[0.2.0]: https://example.test/compare/v0.1.10...v0.2.0
`;

function withChangelog(body: (file: string) => void, text = changelog) {
  const dir = mkdtempSync(join(tmpdir(), 'changelog-section-'));
  try {
    const file = join(dir, 'CHANGELOG.md');
    writeFileSync(file, text);
    body(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function notes(version: string, file: string): string {
  const r = run([version, file]);
  assert.equal(r.code, 0, `exit code for ${version}; stderr: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return r.stdout;
}

test('the first section runs up to the next heading, trimmed', () => {
  withChangelog((file) => assert.equal(notes('Unreleased', file), '### Added\n- Something not yet released.\n'));
});

test('a middle section with a date in its heading; a ## inside a code fence is not a heading', () => {
  withChangelog((file) =>
    assert.equal(notes('0.2.0', file), '### Changed\n- Middle section, with a date.\n\n```sh\n## not a heading: inside a fence\n```\n'),
  );
});

test('a version that is a prefix of another finds only its own section', () => {
  withChangelog((file) => {
    assert.equal(notes('0.1.1', file), '- One.\n  ### A deeper heading stays in the section\n');
    assert.equal(notes('0.1.10', file), '- Ten.\n');
    const r = run(['0.1', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no section "## \[0\.1\]"/);
  });
});

test('the last section leaves out the link reference definitions that end the file', () => {
  withChangelog((file) => assert.equal(notes('0.1.0', file), '- First release.\n'));
});

test('a missing or empty section exits 1 with the reason on stderr and nothing on stdout', () => {
  withChangelog((file) => {
    for (const [version, reason] of [
      ['0.3.0', /no section "## \[0\.3\.0\]" in .*CHANGELOG\.md/],
      ['0.1.2', /section "## \[0\.1\.2\]" is empty/],
      ['0.2', /no section/],
    ] as const) {
      const r = run([version, file]);
      assert.equal(r.code, 1, version);
      assert.equal(r.stdout, '', version);
      assert.match(r.stderr, reason, version);
    }
  });
});

test('dots in the version are literal and a section there twice is refused', () => {
  withChangelog((file) => {
    assert.equal(run(['1x0x0', file]).code, 1);
    const r = run(['1.0.0', file]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 times/);
  }, '## [1.0.0]\n- a\n## [1.0.0]\n- b\n');
});

test('CRLF line ends are read', () => {
  withChangelog((file) => assert.equal(notes('1.0.0', file), '- a\n- b\n'), '## [1.0.0]\r\n- a\r\n- b\r\n## [0.9.0]\r\n- c\r\n');
});

test('an unreadable file exits 1; bad usage exits 2', () => {
  const missing = run(['1.0.0', join(tmpdir(), 'no-such-dir-changelog-section', 'CHANGELOG.md')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read/);
  for (const args of [[], ['1.0.0', 'CHANGELOG.md', 'extra']]) {
    const r = run(args);
    assert.equal(r.code, 2, JSON.stringify(args));
    assert.match(r.stderr, /usage: node scripts\/changelog-section\.mjs <version>/);
  }
});

test("the repository's CHANGELOG.md has an Unreleased section, found from the default path", () => {
  const r = run(['Unreleased']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.trim().length > 0);
  assert.ok(!/^## /m.test(r.stdout), 'no other section is included');
});

test('the release workflow keeps its checks', () => {
  const file = join(root, '.github', 'workflows', 'release.yml');
  assert.ok(existsSync(file), 'release.yml exists');
  const text = readFileSync(file, 'utf8');
  for (const needle of ['changelog-section.mjs', 'gh release create', 'git status --porcelain dist']) {
    assert.ok(text.includes(needle), `release.yml mentions ${needle}`);
  }
});
