// Adapter inputs: presets, overrides, JSON pointers and every validation problem naming the input and the fix.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/inputs/errors.js';
import { secretValues } from '../../src/checks/headers.js';
import { parsePointer, resolvePointer } from '../../src/http/json-pointer.js';
import { expandBody, expandPath, unknownPlaceholders } from '../../src/http/template.js';
import { optionsFrom } from '../support/options.js';
import type { InputName } from '../../src/inputs/list.js';

const servers = 'http://localhost:8080';

function problems(inputs: Partial<Record<InputName, string>>) {
  try {
    optionsFrom({ servers, ...inputs });
  } catch (error) {
    assert.ok(error instanceof InputError);
    return [...error.problems];
  }
  assert.fail('expected an InputError');
}

describe('presets', () => {
  test('kv (the default) is the example service: POST the raw value, read the body, 404 missing', () => {
    const o = optionsFrom({ servers });
    assert.equal(o.kv.preset, 'kv');
    assert.deepEqual(
      { ...o.kv },
      {
        preset: 'kv',
        writeMethod: 'POST',
        writePath: '/key/{key}',
        readPath: '/key/{key}',
        writeBody: '{value}',
        writeContentType: 'application/x-www-form-urlencoded',
        readMethod: 'GET',
        readBody: '',
        readContentType: '',
        headers: [],
        readValue: { kind: 'body' },
        readValueEncoding: 'none',
        missingStatus: [404],
        refusalStatuses: [
          [300, 399],
          [400, 499],
        ],
      },
    );
  });

  test('etcd-v2 is six inputs in one: PUT a form field, quorum reads, value at /node/value', () => {
    const o = optionsFrom({ servers, api: 'ETCD-v2' });
    assert.equal(o.kv.preset, 'etcd-v2');
    assert.equal(o.kv.writeMethod, 'PUT');
    assert.equal(o.kv.writePath, '/v2/keys/{key}');
    assert.equal(o.kv.readPath, '/v2/keys/{key}?quorum=true');
    assert.equal(o.kv.writeBody, 'value={value}');
    assert.deepEqual(o.kv.readValue, { kind: 'json', pointer: '/node/value', tokens: ['node', 'value'] });
    assert.deepEqual(o.kv.missingStatus, [404]);
  });

  test('explicit inputs override the preset, and key-path feeds both paths', () => {
    const o = optionsFrom({
      servers,
      api: 'etcd-v2',
      'key-path': '/v2/keys/app/{key}',
      'write-method': 'post',
      'missing-status': '404,410',
    });
    assert.equal(o.kv.writePath, '/v2/keys/app/{key}');
    assert.equal(o.kv.readPath, '/v2/keys/app/{key}?quorum=true');
    assert.equal(o.kv.writeMethod, 'POST');
    assert.deepEqual(o.kv.missingStatus, [404, 410]);
    const plain = optionsFrom({ servers, api: 'etcd-v2', 'read-path': '/v2/keys/{key}', 'read-value': 'body' });
    assert.equal(plain.kv.readPath, '/v2/keys/{key}', 'a stale-read-tolerant read path replaces the quorum one');
    assert.deepEqual(plain.kv.readValue, { kind: 'body' });
    assert.equal(
      optionsFrom({ servers, api: 'etcd-v2', 'key-path': '/v2/keys/{key}?dir=false' }).kv.readPath,
      '/v2/keys/{key}?dir=false&quorum=true',
    );
  });

  test('headers are parsed line by line, trimmed, and their values (with their parts and forms) are what the action masks', () => {
    const raw = 'Authorization: Bearer abc:def\n\n  X-Api-Key :  k3y  \n';
    const o = optionsFrom({ servers, headers: raw });
    assert.deepEqual(o.kv.headers, [
      { name: 'Authorization', value: 'Bearer abc:def' },
      { name: 'X-Api-Key', value: 'k3y' },
    ]);
    const masked = secretValues({ headers: raw });
    for (const s of ['Bearer abc:def', 'abc:def', 'Bearer%20abc%3Adef', 'YWJjOmRlZg==', 'YWJjOmRlZg', 'k3y'])
      assert.ok(masked.includes(s), s);
    assert.ok(!masked.includes('azN5'), 'a value under four characters is masked as it is, in no other form');
    assert.ok(secretValues({ headers: 'no colon token' }).includes('no colon token'), 'a malformed line is masked whole');
    assert.deepEqual(secretValues({ 'key-path': '/secret/{key}' }), [], 'only inputs declared secret');
  });
});

describe('adapter input problems name the input and the fix', () => {
  const bad: [string, Partial<Record<InputName, string>>, InputName, RegExp][] = [
    ['unknown preset', { api: 'redis' }, 'api', /'redis' is not a known API preset/],
    ['write path without {key}', { 'write-path': '/set' }, 'write-path', /contain '\{key\}'/],
    ['read path without {key}', { 'read-path': '/get/all' }, 'read-path', /contain '\{key\}'/],
    ['read path not absolute', { 'read-path': 'get/{key}' }, 'read-path', /start with '\/'/],
    ['placeholder typo in a path', { 'read-path': '/get/{key}/{kye}' }, 'read-path', /unknown placeholder\(s\) \{kye\}/],
    ['{value} in a read path', { 'read-path': '/get/{key}?v={value}' }, 'read-path', /unknown placeholder/],
    ['whitespace in a path', { 'key-path': '/my keys/{key}' }, 'key-path', /whitespace/],
    ['body without {value}', { 'write-body': 'value=' }, 'write-body', /does not contain \{value\}/],
    ['placeholder typo in a body', { 'write-body': 'value={val}' }, 'write-body', /unknown placeholder\(s\) \{val\}/],
    ['content type not a media type', { 'write-content-type': 'form' }, 'write-content-type', /not a media type/],
    ['bad method with a preset', { api: 'etcd-v2', 'write-method': 'PATCH' }, 'write-method', /not supported/],
    ['header line without a colon', { headers: 'Authorization Bearer x' }, 'headers', /line 1 has no 'Name:'/],
    ['header name with spaces', { headers: 'X-Ok: 1\nMy Header: 2' }, 'headers', /line 2: the header name is not a valid HTTP token/],
    ['reserved header', { headers: 'Host: example' }, 'headers', /set by the HTTP client/],
    ['content type as a header', { headers: 'Content-Type: text/plain' }, 'headers', /own input/],
    ['duplicate header', { headers: 'X-A: 1\nx-a: 2' }, 'headers', /given twice/],
    [
      'pointer without a leading slash',
      { 'read-value': 'node/value' },
      'read-value',
      /does not start with '\/'.*neither 'body' nor a JSON pointer/,
    ],
    ['pointer with a bad escape', { 'read-value': '/node/a~2b' }, 'read-value', /'~' that is not '~0' or '~1'/],
    ['missing status not a status', { 'missing-status': 'none' }, 'missing-status', /not a list of HTTP statuses/],
    ['missing status 200', { 'missing-status': '200' }, 'missing-status', /not 200/],
    ['missing status out of range', { 'missing-status': '404,999' }, 'missing-status', /100-599/],
  ];
  for (const [name, inputs, input, pattern] of bad) {
    test(`rejects ${name}`, () => {
      const p = problems(inputs);
      const mine = p.find((x) => x.input === input);
      assert.ok(mine, `no problem for ${input}: ${JSON.stringify(p)}`);
      assert.match(mine.message, pattern);
      assert.ok(mine.fix.length > 10);
    });
  }

  test('a header problem never repeats the header text', () => {
    const p = problems({ headers: 'Authorization Bearer top-secret-value\nX Secret: other-secret-value' });
    assert.equal(p.length, 2);
    assert.ok(!/secret-value/.test(JSON.stringify(p)), JSON.stringify(p));
  });

  test('every adapter problem is reported at once', () => {
    const p = problems({ api: 'nope', 'read-path': '/x', 'read-value': 'x', 'missing-status': '0', headers: 'bad' });
    assert.deepEqual(p.map((x) => x.input).sort(), ['api', 'headers', 'missing-status', 'read-path', 'read-value']);
  });
});

describe('templates and JSON pointers', () => {
  test('placeholders are encoded for their position', () => {
    assert.equal(expandPath('/k/{key}?x={key}', { key: 'a b/&=?#%+' }), '/k/a%20b%2F%26%3D%3F%23%25%2B?x=a%20b%2F%26%3D%3F%23%25%2B');
    assert.equal(
      expandBody('{value}', 'application/x-www-form-urlencoded', { value: 'a b&c' }).toString(),
      'a b&c',
      'a whole-body placeholder is raw',
    );
    assert.equal(expandBody('v={value}', 'application/x-www-form-urlencoded', { value: 'a b&c=d+é' }).toString(), 'v=a+b%26c%3Dd%2B%C3%A9');
    assert.equal(expandBody('{"v":"{value}"}', 'application/merge-patch+json', { value: 'q"\\\n' }).toString(), '{"v":"q\\"\\\\\\n"}');
    assert.equal(expandBody('<v>{value}</v>', 'text/xml', { value: 'a&b' }).toString(), '<v>a&b</v>');
    assert.deepEqual(unknownPlaceholders('/{key}/{Key}/{}', ['key']), ['Key'], 'an identifier in braces is a placeholder; {} is text');
  });

  test('RFC 6901 pointers, escapes and array indices', () => {
    const doc = { 'a/b': { 'm~n': [10, { '': 'empty name' }] }, node: { value: 'v' } };
    const at = (p: string): unknown => {
      const parsed = parsePointer(p);
      assert.ok('tokens' in parsed, p);
      return resolvePointer(doc, parsed.tokens);
    };
    assert.equal(at('/node/value'), 'v');
    assert.equal(at('/a~1b/m~0n/0'), 10);
    assert.equal(at('/a~1b/m~0n/1/'), 'empty name');
    assert.equal(at(''), doc);
    assert.equal(at('/a~1b/m~0n/01'), undefined, 'no leading zeros');
    assert.equal(at('/a~1b/m~0n/-'), undefined);
    assert.equal(at('/node/value/x'), undefined);
    assert.equal(at('/toString'), undefined, 'inherited properties are not members');
    assert.deepEqual(parsePointer('/~01'), { tokens: ['~1'] }, '~01 is "~1", not "/"');
    assert.ok('error' in parsePointer('/a~'));
  });
});
