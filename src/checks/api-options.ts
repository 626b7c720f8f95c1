// How Replicheck talks to a node's key-value API: a preset for a known store, with every part overridable by an
// explicit input. Pure, like the rest of the option parsing: a bad template fails before any container starts.
import type { InputName, GroupInputs } from '../inputs/list.js';
import { INPUTS, type InputSpec } from '../inputs/list.js';
import type { Fail } from '../inputs/values.js';
import { parsePointer } from '../http/json-pointer.js';
import { templateProblems, usesPlaceholder, type Placeholder } from '../http/template.js';

export type ApiPreset = 'kv' | 'etcd-v2' | 'etcd-v3';

export type ReadValue = { readonly kind: 'body' } | { readonly kind: 'json'; readonly pointer: string; readonly tokens: readonly string[] };

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * How a compare-and-set is sent, where an API has one (presets only): `{key}`, `{expected}` (the value the key
 * must hold) and `{value}` (the new one). It swapped when the answer is 2xx and, with `swapped`, the JSON there is
 * true; a 2xx without it, or a status in `notSwapped`, means the comparison did not match (nothing changed).
 */
export interface CasRequest {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: string;
  readonly contentType: string;
  readonly swapped?: readonly string[];
  readonly notSwapped: readonly number[];
}

export interface KvAdapter {
  readonly preset: ApiPreset;
  readonly writeMethod: 'POST' | 'PUT';
  /** Path templates (with an optional query), relative to a server's base URL. */
  readonly writePath: string;
  readonly readPath: string;
  readonly writeBody: string;
  readonly writeContentType: string;
  /** GET (no body), or POST with `readBody` (e.g. etcd's v3 range request). */
  readonly readMethod: 'GET' | 'POST';
  readonly readBody: string;
  readonly readContentType: string;
  /** Sent with every request. Values are secret: masked in the log, redacted from recorded answers. */
  readonly headers: readonly HttpHeader[];
  readonly readValue: ReadValue;
  /** How the value at `readValue` is encoded: as it is, or base64 (etcd v3). */
  readonly readValueEncoding: 'none' | 'base64';
  /** Statuses that mean "this key does not exist". */
  readonly missingStatus: readonly number[];
  /** The API's compare-and-set, when the preset has one (workload cas-register needs it). */
  readonly cas?: CasRequest;
  /** Path of a user's ES module that speaks to the nodes instead of the templates (input `adapter`). */
  readonly module?: string;
}

interface Preset {
  /** Default key path: both the write and the read path unless the preset names its own. */
  readonly keyPath: string;
  /** Paths of APIs that send the key in the body (etcd v3). */
  readonly writePath?: string;
  readonly readPath?: string;
  readonly writeMethod: 'POST' | 'PUT';
  /** Appended to the key path to make the default read path. */
  readonly readQuery: string;
  readonly writeBody: string;
  readonly writeContentType: string;
  readonly readMethod: 'GET' | 'POST';
  readonly readBody: string;
  readonly readContentType: string;
  readonly readValue: string;
  readonly readValueEncoding: 'none' | 'base64';
  readonly missingStatus: string;
  readonly cas?: CasRequest;
}

export const PRESETS: Readonly<Record<ApiPreset, Preset>> = {
  // The example service and the shell harness it replaces: the raw value as the body, labelled as a form.
  kv: {
    keyPath: '/key/{key}',
    writeMethod: 'POST',
    readQuery: '',
    writeBody: '{value}',
    writeContentType: 'application/x-www-form-urlencoded',
    readMethod: 'GET',
    readBody: '',
    readContentType: '',
    readValue: 'body',
    readValueEncoding: 'none',
    missingStatus: '404',
  },
  // etcd's v2 keys API. Reads go through Raft (quorum=true): a member cut off from the majority cannot serve
  // a stale value, which is what makes the reads linearizable.
  'etcd-v2': {
    keyPath: '/v2/keys/{key}',
    writeMethod: 'PUT',
    readQuery: '?quorum=true',
    writeBody: 'value={value}',
    writeContentType: 'application/x-www-form-urlencoded',
    readMethod: 'GET',
    readBody: '',
    readContentType: '',
    readValue: '/node/value',
    readValueEncoding: 'none',
    missingStatus: '404',
    // prevValue: 412 (errorCode 101) when the value differs, 404 when the key does not exist.
    cas: {
      method: 'PUT',
      path: '/v2/keys/{key}?prevValue={expected}',
      body: 'value={value}',
      contentType: 'application/x-www-form-urlencoded',
      notSwapped: [412, 404],
    },
  },
  // etcd's v3 API through its HTTP/JSON gateway (etcd 3.4 and later; the v2 API is gone in 3.6). Keys and values
  // travel base64-encoded; a range request is linearizable unless its body asks for "serializable": true; a
  // missing key answers 200 with no (or an empty) "kvs".
  'etcd-v3': {
    keyPath: '',
    writePath: '/v3/kv/put',
    readPath: '/v3/kv/range',
    writeMethod: 'POST',
    readQuery: '',
    writeBody: '{"key":"{key:base64}","value":"{value:base64}"}',
    writeContentType: 'application/json',
    readMethod: 'POST',
    readBody: '{"key":"{key:base64}"}',
    readContentType: 'application/json',
    readValue: '/kvs/0/value',
    readValueEncoding: 'base64',
    missingStatus: '404',
    // A transaction: put when the value equals the expected one; "succeeded" is true only then.
    cas: {
      method: 'POST',
      path: '/v3/kv/txn',
      body: '{"compare":[{"key":"{key:base64}","result":"EQUAL","target":"VALUE","value":"{expected:base64}"}],"success":[{"requestPut":{"key":"{key:base64}","value":"{value:base64}"}}]}',
      contentType: 'application/json',
      swapped: ['succeeded'],
      notSwapped: [],
    },
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as ApiPreset[];

/** Header names a client may not set itself: they describe the connection or the body, which the client owns. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export function parseAdapter(raw: GroupInputs<'api'>, fail: Fail): KvAdapter {
  const presetName = raw.api.toLowerCase() as ApiPreset;
  let preset = PRESETS[presetName];
  if (!PRESET_NAMES.includes(presetName)) {
    fail(
      'api',
      `'${raw.api}' is not a known API preset.`,
      `Use one of ${PRESET_NAMES.map((p) => `'${p}'`).join(', ')}, or 'kv' with explicit write-path, read-path, write-body and read-value inputs.`,
    );
    preset = PRESETS.kv;
  }
  const pick = (input: keyof GroupInputs<'api'>, fallback: string): string => (raw[input] === '' ? fallback : raw[input]);
  const problem = (input: InputName, template: string, allowed: Placeholder[], example: string): void => {
    for (const p of templateProblems(template, allowed)) fail(input, `'${template}' ${p}.`, `Write it like ${example}.`);
  };

  const keyPath = pick('key-path', preset.keyPath);
  // An explicit key-path wins over the paths a preset names of its own (etcd v3 sends the key in the body).
  const ownPaths = raw['key-path'] === '' && preset.writePath !== undefined;
  if (!ownPaths) checkPath('key-path', keyPath, ['key'], fail);
  const writePath = pick('write-path', ownPaths ? preset.writePath! : keyPath);
  const writeBody = pick('write-body', preset.writeBody);
  // A write may name its key in the body instead (e.g. POST /set with k={key}&v={value}).
  if (raw['write-path'] !== '') checkPath('write-path', writePath, ['key', 'value'], fail, usesPlaceholder(writeBody, 'key'));

  const readMethod = pick('read-method', preset.readMethod).toUpperCase();
  if (readMethod !== 'GET' && readMethod !== 'POST') fail('read-method', `'${raw['read-method']}' is not supported.`, 'Use GET or POST.');
  const readBody = pick('read-body', preset.readBody);
  problem('read-body', readBody, ['key'], `'{"key":"{key:base64}"}'`);
  if (readMethod === 'GET' && readBody !== '')
    fail('read-body', 'is set, but reads are GET requests, which carry no body.', "Set read-method to 'POST', or leave read-body empty.");
  const keyRead = `${keyPath}${keyPath.includes('?') ? preset.readQuery.replace('?', '&') : preset.readQuery}`;
  const readPath = pick('read-path', ownPaths && preset.readPath !== undefined ? preset.readPath : keyRead);
  if (raw['read-path'] !== '') checkPath('read-path', readPath, ['key'], fail, usesPlaceholder(readBody, 'key'));
  const readContentType = pick('read-content-type', preset.readContentType || (readBody !== '' ? 'application/json' : ''));
  if (readContentType !== '') checkMediaType('read-content-type', readContentType, fail);

  const method = pick('write-method', preset.writeMethod).toUpperCase();
  if (method !== 'POST' && method !== 'PUT') fail('write-method', `'${raw['write-method']}' is not supported.`, 'Use POST or PUT.');

  const bodyProblems = templateProblems(writeBody, ['key', 'value']);
  if (bodyProblems.length > 0) {
    for (const p of bodyProblems)
      fail('write-body', `${p}.`, 'Only {key} and {value} are filled in, e.g. value={value} or {"v":"{value:base64}"}.');
  } else if (!usesPlaceholder(writeBody, 'value') && !usesPlaceholder(writePath, 'value')) {
    fail(
      'write-body',
      `'${writeBody}' does not contain {value}, and neither does the write path.`,
      "Put {value} where the value goes, e.g. '{value}' (the raw value) or 'value={value}' (a form field).",
    );
  }

  const writeContentType = pick('write-content-type', preset.writeContentType);
  checkMediaType('write-content-type', writeContentType, fail);

  const headers = parseHeaders(raw.headers, fail);

  const readValueText = pick('read-value', preset.readValue);
  let readValue: ReadValue = { kind: 'body' };
  if (readValueText.toLowerCase() !== 'body') {
    const parsed = parsePointer(readValueText);
    if ('error' in parsed || readValueText === '') {
      fail(
        'read-value',
        `${'error' in parsed ? parsed.error : 'is empty'}: it is neither 'body' nor a JSON pointer.`,
        "Use 'body' for the whole answer, or a JSON pointer (RFC 6901) such as '/node/value'; write '~1' for a '/' and '~0' for a '~' inside a name.",
      );
    } else {
      readValue = { kind: 'json', pointer: readValueText, tokens: parsed.tokens };
    }
  }
  const encodingText = pick('read-value-encoding', preset.readValueEncoding).toLowerCase();
  if (encodingText !== 'none' && encodingText !== 'base64')
    fail('read-value-encoding', `'${raw['read-value-encoding']}' is not an encoding.`, "Use 'none' or 'base64'.");

  const missingText = pick('missing-status', preset.missingStatus);
  const missingStatus = missingText
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (missingStatus.length === 0 || missingStatus.some((s) => !Number.isInteger(s) || s < 100 || s > 599 || s === 200)) {
    fail(
      'missing-status',
      `'${missingText}' is not a list of HTTP statuses (100-599, not 200).`,
      "Give the status a node answers for a key that does not exist, e.g. '404' or '404,410'.",
    );
  }

  const module = raw.adapter === '' ? undefined : raw.adapter;
  if (module !== undefined) {
    // A module replaces the templates: inputs that shape requests would silently do nothing.
    const shaping = (
      [
        'api',
        'key-path',
        'write-path',
        'read-path',
        'write-method',
        'write-body',
        'write-content-type',
        'read-method',
        'read-body',
        'read-content-type',
        'read-value',
        'read-value-encoding',
        'missing-status',
      ] as const
    ).filter((name) => raw[name] !== '' && !(name === 'api' && raw.api.toLowerCase() === 'kv'));
    if (shaping.length > 0)
      fail(
        'adapter',
        `replaces the request templates, but ${shaping.join(', ')} ${shaping.length === 1 ? 'is' : 'are'} set too.`,
        `Leave ${shaping.join(', ')} empty: the module decides how requests look (headers still apply).`,
      );
    if (!/\.(mjs|js)$/.test(module))
      fail(
        'adapter',
        `'${module}' is not an ES module file.`,
        "Name a .mjs (or .js in an ES module package) file, relative to working-directory, e.g. 'replicheck-adapter.mjs'.",
      );
  }

  // Explicit request inputs make the preset's compare-and-set unsafe to assume.
  const custom = (['key-path', 'write-path', 'write-body', 'write-content-type', 'write-method'] as const).some((name) => raw[name] !== '');
  const cas = presetName in PRESETS && !custom && module === undefined ? preset.cas : undefined;
  return {
    preset: presetName in PRESETS ? presetName : 'kv',
    writeMethod: method as 'POST' | 'PUT',
    writePath,
    readPath,
    writeBody,
    writeContentType,
    readMethod: readMethod as 'GET' | 'POST',
    readBody,
    readContentType,
    headers,
    readValue,
    readValueEncoding: encodingText as 'none' | 'base64',
    missingStatus,
    ...(cas ? { cas } : {}),
    ...(module !== undefined ? { module } : {}),
  };
}

function checkMediaType(input: InputName, value: string, fail: Fail): void {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;.*)?$/.test(value) || /[\r\n]/.test(value)) {
    fail(
      input,
      `'${value}' is not a media type.`,
      "Use e.g. 'application/x-www-form-urlencoded', 'application/json' or 'text/plain; charset=utf-8'.",
    );
  }
}

function checkPath(input: InputName, template: string, allowed: Placeholder[], fail: Fail, keyInBody = false): void {
  const problems = templateProblems(template, allowed);
  if (!template.startsWith('/') || !(keyInBody || usesPlaceholder(template, 'key'))) {
    fail(
      input,
      `'${template}' must start with '/' and contain '{key}'${input === 'write-path' ? ' (or the write body must)' : input === 'read-path' ? ' (or the read body must)' : ''}.`,
      "Use a template such as '/key/{key}' or '/v2/keys/{key}?quorum=true'.",
    );
  } else if (problems.length > 0) {
    for (const p of problems)
      fail(input, `${p}.`, `Only ${allowed.map((x) => `{${x}}`).join(' and ')} ${allowed.length > 1 ? 'are' : 'is'} filled in here.`);
  } else if (/[\s#]/.test(template)) {
    fail(input, `'${template}' contains whitespace or '#'.`, 'Percent-encode them (%20, %23); the key itself is encoded for you.');
  }
}

/**
 * `Name: value` lines. Problems name the line, never its text: a malformed line may well hold a token.
 */
export function parseHeaders(text: string, fail: Fail): HttpHeader[] {
  const headers: HttpHeader[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const n = index + 1;
    if (colon <= 0) {
      fail(
        'headers',
        `line ${n} has no 'Name:' before a colon.`,
        "Write one header per line as 'Name: value', e.g. 'Authorization: Bearer ${{ secrets.TOKEN }}'.",
      );
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) {
      fail(
        'headers',
        `line ${n}: the header name is not a valid HTTP token.`,
        'Use letters, digits and - only in header names, e.g. X-Api-Key.',
      );
    } else if (RESERVED_HEADERS.has(lower)) {
      fail('headers', `line ${n}: '${name}' is set by the HTTP client and cannot be given.`, 'Remove that line.');
    } else if (lower === 'content-type') {
      fail('headers', `line ${n}: the content type of writes has its own input.`, 'Use write-content-type instead.');
    } else if (seen.has(lower)) {
      fail('headers', `line ${n}: '${name}' is given twice.`, 'Give each header once (join values with a comma if the API allows it).');
    } else if (CONTROL.test(value)) {
      fail('headers', `line ${n}: the value of '${name}' contains control characters.`, 'Remove them from the value.');
    } else {
      seen.add(lower);
      headers.push({ name, value });
    }
  });
  return headers;
}

/**
 * Values to mask in the log before anything is parsed or printed: every header value (or a whole malformed
 * header line) and every line of any other input declared secret.
 */
export function secretValues(raw: Readonly<Partial<Record<InputName, string>>>): string[] {
  const out = new Set<string>();
  for (const spec of INPUTS as readonly InputSpec[]) {
    if (!spec.secret) continue;
    for (const line of (raw[spec.name as InputName] ?? '').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const secret = (spec.name === 'headers' && colon > 0 ? line.slice(colon + 1) : line).trim();
      if (secret !== '') out.add(secret);
    }
  }
  return [...out];
}
