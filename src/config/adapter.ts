// How Replicheck talks to a node's key-value API: a preset for a known store, with every part overridable by an
// explicit input. Pure, like the rest of the option parsing: a bad template fails before any container starts.
import type { InputName, RawInputs } from './inputs.js';
import { INPUTS, type InputSpec } from './inputs.js';
import type { Fail } from './values.js';
import { parsePointer } from '../http/json-pointer.js';
import { unknownPlaceholders, type Placeholder } from '../http/template.js';

export type ApiPreset = 'kv' | 'etcd-v2';

export type ReadValue = { readonly kind: 'body' } | { readonly kind: 'json'; readonly pointer: string; readonly tokens: readonly string[] };

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export interface KvAdapter {
  readonly preset: ApiPreset;
  readonly writeMethod: 'POST' | 'PUT';
  /** Path templates (with an optional query), relative to a server's base URL. */
  readonly writePath: string;
  readonly readPath: string;
  readonly writeBody: string;
  readonly writeContentType: string;
  /** Sent with every request. Values are secret: masked in the log, redacted from recorded answers. */
  readonly headers: readonly HttpHeader[];
  readonly readValue: ReadValue;
  /** Statuses that mean "this key does not exist". */
  readonly missingStatus: readonly number[];
}

interface Preset {
  readonly keyPath: string;
  readonly writeMethod: 'POST' | 'PUT';
  /** Appended to the key path to make the default read path. */
  readonly readQuery: string;
  readonly writeBody: string;
  readonly writeContentType: string;
  readonly readValue: string;
  readonly missingStatus: string;
}

export const PRESETS: Readonly<Record<ApiPreset, Preset>> = {
  // The example service and the shell harness it replaces: the raw value as the body, labelled as a form.
  kv: {
    keyPath: '/key/{key}',
    writeMethod: 'POST',
    readQuery: '',
    writeBody: '{value}',
    writeContentType: 'application/x-www-form-urlencoded',
    readValue: 'body',
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
    readValue: '/node/value',
    missingStatus: '404',
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as ApiPreset[];


/** Header names a client may not set itself: they describe the connection or the body, which the client owns. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export function parseAdapter(raw: RawInputs, fail: Fail): KvAdapter {
  const presetName = raw.api.toLowerCase() as ApiPreset;
  let preset = PRESETS[presetName];
  if (!PRESET_NAMES.includes(presetName)) {
    fail('api', `'${raw.api}' is not a known API preset.`, `Use one of ${PRESET_NAMES.map((p) => `'${p}'`).join(', ')}, or 'kv' with explicit write-path, read-path, write-body and read-value inputs.`);
    preset = PRESETS.kv;
  }
  const pick = (input: InputName, fallback: string): string => (raw[input] === '' ? fallback : raw[input]);

  const keyPath = pick('key-path', preset.keyPath);
  checkPath('key-path', keyPath, ['key'], fail);
  const writePath = pick('write-path', keyPath);
  const writeBody = pick('write-body', preset.writeBody);
  // A write may name its key in the body instead (e.g. POST /set with k={key}&v={value}).
  if (raw['write-path'] !== '') checkPath('write-path', writePath, ['key', 'value'], fail, writeBody.includes('{key}'));
  const readPath = pick('read-path', `${keyPath}${keyPath.includes('?') ? preset.readQuery.replace('?', '&') : preset.readQuery}`);
  if (raw['read-path'] !== '') checkPath('read-path', readPath, ['key'], fail);

  const method = pick('write-method', preset.writeMethod).toUpperCase();
  if (method !== 'POST' && method !== 'PUT') fail('write-method', `'${raw['write-method']}' is not supported.`, 'Use POST or PUT.');

  const strayBody = unknownPlaceholders(writeBody, ['key', 'value']);
  if (strayBody.length > 0) {
    fail('write-body', `has unknown placeholder(s) ${strayBody.map((p) => `{${p}}`).join(', ')}.`, 'Only {key} and {value} are filled in, e.g. value={value}.');
  } else if (!writeBody.includes('{value}') && !writePath.includes('{value}')) {
    fail('write-body', `'${writeBody}' does not contain {value}, and neither does the write path.`, "Put {value} where the value goes, e.g. '{value}' (the raw value) or 'value={value}' (a form field).");
  }

  const writeContentType = pick('write-content-type', preset.writeContentType);
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;.*)?$/.test(writeContentType) || /[\r\n]/.test(writeContentType)) {
    fail('write-content-type', `'${writeContentType}' is not a media type.`, "Use e.g. 'application/x-www-form-urlencoded', 'application/json' or 'text/plain; charset=utf-8'.");
  }

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

  const missingText = pick('missing-status', preset.missingStatus);
  const missingStatus = missingText.split(/[\s,]+/).filter(Boolean).map(Number);
  if (missingStatus.length === 0 || missingStatus.some((s) => !Number.isInteger(s) || s < 100 || s > 599 || s === 200)) {
    fail('missing-status', `'${missingText}' is not a list of HTTP statuses (100-599, not 200).`, "Give the status a node answers for a key that does not exist, e.g. '404' or '404,410'.");
  }

  return {
    preset: presetName in PRESETS ? presetName : 'kv',
    writeMethod: method as 'POST' | 'PUT',
    writePath,
    readPath,
    writeBody,
    writeContentType,
    headers,
    readValue,
    missingStatus,
  };
}

function checkPath(input: InputName, template: string, allowed: Placeholder[], fail: Fail, keyInBody = false): void {
  const stray = unknownPlaceholders(template, allowed);
  if (!template.startsWith('/') || !(keyInBody || template.includes('{key}'))) {
    fail(input, `'${template}' must start with '/' and contain '{key}'${input === 'write-path' ? ' (or the write body must)' : ''}.`, "Use a template such as '/key/{key}' or '/v2/keys/{key}?quorum=true'.");
  } else if (stray.length > 0) {
    fail(input, `has unknown placeholder(s) ${stray.map((p) => `{${p}}`).join(', ')}.`, `Only ${allowed.map((p) => `{${p}}`).join(' and ')} ${allowed.length > 1 ? 'are' : 'is'} filled in here.`);
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
      fail('headers', `line ${n} has no 'Name:' before a colon.`, "Write one header per line as 'Name: value', e.g. 'Authorization: Bearer ${{ secrets.TOKEN }}'.");
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) {
      fail('headers', `line ${n}: the header name is not a valid HTTP token.`, 'Use letters, digits and - only in header names, e.g. X-Api-Key.');
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
