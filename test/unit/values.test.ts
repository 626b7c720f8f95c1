// The values Replicheck writes: every format unique and carrying what it promises, bytes that survive the trip
// through every template encoding, and the byte diff shown when a node returns something else.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeDifference,
  escapeBytes,
  firstDifference,
  formatValue,
  unescapeBytes,
  valueCodec,
  VALUE_FORMATS,
} from '../../src/core/values.js';
import { runIds } from '../../src/core/ids.js';
import { systemClock, systemRandom } from '../../src/core/clock.js';
import { expandBody, expandPath, carriesBytes } from '../../src/http/template.js';
import { optionsFrom } from '../support/options.js';

const BREAKERS = [' ', '+', '&', '=', '/', '?', '#', '"', "'", '\\', 'é', '✓'];

describe('value formats', () => {
  test('text: unique, starts with the run id, carries every byte that commonly breaks an API', () => {
    const ids = runIds(systemRandom, systemClock, 'text', 'r1');
    const values = Array.from({ length: 2000 }, (_, i) => ids.value(`kv_${i % 3}`, 'rep'));
    assert.equal(new Set(values).size, values.length, 'unique');
    for (const v of values.slice(0, 20)) {
      assert.ok(v.startsWith('rc-r1-rep-kv_'), v);
      for (const b of BREAKERS) assert.ok(v.includes(b), `${JSON.stringify(b)} in ${v}`);
      assert.match(v, /%[0-9A-Fa-f]{2}/, '% followed by hex digits');
      assert.ok(Buffer.from(v, 'utf8').toString('utf8') === v, 'valid UTF-8');
    }
  });

  test('token: letters, digits and - only, still unique', () => {
    const ids = runIds(systemRandom, systemClock, 'token', 'r1');
    const values = Array.from({ length: 2000 }, () => ids.value('kv_0', 'pre'));
    assert.equal(new Set(values).size, values.length);
    for (const v of values) assert.match(v, /^[A-Za-z0-9-]+$/);
  });

  test('bytes: NUL, CR/LF and invalid UTF-8 on the wire; the escaped form round-trips exactly', () => {
    const ids = runIds(systemRandom, systemClock, 'bytes', 'r1');
    const codec = valueCodec('bytes');
    const values = Array.from({ length: 500 }, () => ids.value('kv_0', 'rep'));
    assert.equal(new Set(values).size, values.length);
    for (const v of values.slice(0, 50)) {
      const wire = codec.toBytes(v);
      for (const b of [0x00, 0x0d, 0x0a, 0xff]) assert.ok(wire.includes(b), `byte ${b}`);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(wire), 'not valid UTF-8');
      assert.equal(codec.fromBytes(wire), v, 'fromBytes(toBytes(v)) = v');
      assert.match(v, /^[\x20-\x7e]+$/, 'the escaped form is printable ASCII');
    }
  });

  test('escapeBytes is injective: every byte string has its own escaped form', () => {
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(Array.from({ length: i % 17 }, () => Math.floor(Math.random() * 256)));
      assert.deepEqual(unescapeBytes(escapeBytes(bytes)), bytes);
    }
    // A literal backslash followed by "x41" is not the byte 0x41.
    assert.notEqual(escapeBytes(Buffer.from('\\x41')), escapeBytes(Buffer.from('A')));
  });

  test('every format is unique across formats and readable by its own codec', () => {
    for (const f of VALUE_FORMATS) {
      const v = formatValue(f, 'rc-x-rep-kv_0-1-abcd', () => Buffer.from([1, 2]));
      const codec = valueCodec(f);
      assert.equal(codec.fromBytes(codec.toBytes(v)), v, f);
    }
  });
});

describe('values through request templates', () => {
  const text = runIds(systemRandom, systemClock, 'text').value('kv_0', 'rep');
  const bytes = valueCodec('bytes').toBytes(runIds(systemRandom, systemClock, 'bytes').value('kv_0', 'rep'));
  const formDecode = (s: string): Buffer => {
    // What a form parser does: '+' is a space, %XX a byte.
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '+') out.push(0x20);
      else if (s[i] === '%') {
        out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(s.charCodeAt(i));
    }
    return Buffer.from(out);
  };
  test('a whole-body placeholder sends the bytes as they are', () => {
    assert.deepEqual(expandBody('{value}', 'application/x-www-form-urlencoded', { value: bytes }), bytes);
    assert.equal(expandBody('{value}', 'text/plain', { value: text }).toString('utf8'), text);
  });
  test('a form field carries any bytes: decoding it gives them back exactly', () => {
    for (const v of [Buffer.from(text, 'utf8'), bytes]) {
      const body = expandBody('value={value}', 'application/x-www-form-urlencoded', { value: v }).toString('latin1');
      assert.match(body, /^value=[A-Za-z0-9%+*._~-]*$/);
      assert.deepEqual(formDecode(body.slice('value='.length)), v);
    }
  });
  test('a JSON body carries text values escaped', () => {
    const body = expandBody('{"v":"{value}"}', 'application/json', { value: text }).toString('utf8');
    assert.equal(JSON.parse(body).v, text);
  });
  test('a path keeps every byte inside its segment', () => {
    const path = expandPath('/k/{value}', { value: bytes });
    assert.match(path, /^\/k\/[A-Za-z0-9%._~-]+$/);
    // In a path '+' is itself; only %XX is decoded.
    assert.ok(!path.includes('+'));
    assert.deepEqual(formDecode(path.slice('/k/'.length)), bytes);
  });
  test('bytes are refused where they cannot travel, naming value-format', () => {
    assert.equal(carriesBytes('{"v":"{value}"}', 'application/json'), false);
    assert.equal(carriesBytes('v={value}', 'application/x-www-form-urlencoded'), true);
    assert.throws(
      () =>
        optionsFrom({
          servers: 'http://a:1',
          'value-format': 'bytes',
          'write-body': '{"v":"{value}"}',
          'write-content-type': 'application/json',
        }),
      /value-format.*JSON write body/s,
    );
    assert.throws(
      () => optionsFrom({ servers: 'http://a:1', 'value-format': 'bytes', api: 'etcd-v2' }),
      /value-format.*read-value '\/node\/value'\) that is not base64/s,
    );
    assert.throws(() => optionsFrom({ servers: 'http://a:1', 'value-format': 'binary' }), /'binary' is not a value format/);
    assert.equal(optionsFrom({ servers: 'http://a:1' }).valueFormat, 'text');
  });
});

describe('byte diff', () => {
  const table: [string, string, string | undefined][] = [
    ['a+b', 'a b', "first difference at byte 1: expected 0x2b '+', got 0x20 ' ' (expected 3 bytes, got 3)"],
    ['abc', 'ab', "first difference at byte 2: expected 0x63 'c', got the end (expected 3 bytes, got 2)"],
    ['ab', 'abc', "first difference at byte 2: expected the end, got 0x63 'c' (expected 2 bytes, got 3)"],
    ['é', 'e', "first difference at byte 0: expected 0xc3, got 0x65 'e' (expected 2 bytes, got 1)"],
    ['same', 'same', undefined],
  ];
  for (const [expected, actual, said] of table) {
    test(`${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`, () => {
      const d = firstDifference(Buffer.from(expected), Buffer.from(actual));
      assert.equal(d === undefined ? undefined : describeDifference(d), said);
    });
  }
  test('NUL and high bytes are shown as hex, never raw', () => {
    const d = firstDifference(Buffer.from([0x61, 0x00]), Buffer.from([0x61, 0xff]))!;
    assert.equal(describeDifference(d), 'first difference at byte 1: expected 0x00, got 0xff (expected 2 bytes, got 2)');
  });
});
