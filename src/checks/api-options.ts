// How Replicheck talks to a node's key-value API: a preset for a known store (presets/), with every part overridable
// by an explicit input. Pure, like the rest of the option parsing: a bad template fails before any container starts.
import type { GroupInputs, InputName } from '../inputs/list.js';
import type { Fail } from '../inputs/values.js';
import { parsePointer } from '../http/json-pointer.js';
import { templateProblems, usesPlaceholder, type Placeholder } from '../http/template.js';
import { parseHeaders, type HttpHeader } from './headers.js';
import { PRESETS, PRESET_NAMES, isPreset, type ApiPreset, type CasRequest, type Preset } from './presets/index.js';

export type { ApiPreset, CasRequest, HttpHeader };

export type ReadValue = { readonly kind: 'body' } | { readonly kind: 'json'; readonly pointer: string; readonly tokens: readonly string[] };

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
  /** Statuses that mean a write certainly did not take effect (input refusal-statuses); see isRefusal. */
  readonly refusalStatuses: StatusSet;
  /** The API's compare-and-set, when the preset has one (workload cas-register needs it). */
  readonly cas?: CasRequest;
  /** Path of a user's ES module that speaks to the nodes instead of the templates (input `adapter`). */
  readonly module?: string;
}

type ApiInputs = GroupInputs<'api'>;

/** What the parts of the parse share: the inputs, the preset they override, and where problems go. */
interface Parse {
  readonly raw: ApiInputs;
  readonly preset: Preset;
  readonly fail: Fail;
  /** The input, or the preset's value when the input is empty. */
  pick(input: keyof ApiInputs, fallback: string): string;
  /** An explicit key-path wins over the paths a preset names of its own (etcd v3 sends the key in the body). */
  readonly ownPaths: boolean;
  readonly keyPath: string;
}

/** Inputs that shape requests: an adapter module replaces them, so with one they would silently do nothing. */
const SHAPING = [
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
  'refusal-statuses',
] as const;

/** Explicit write inputs make the preset's compare-and-set unsafe to assume. */
const CUSTOM_WRITES = ['key-path', 'write-path', 'write-body', 'write-content-type', 'write-method'] as const;

export function parseAdapter(raw: ApiInputs, fail: Fail): KvAdapter {
  const name = raw.api.toLowerCase();
  if (!isPreset(name)) {
    const known = PRESET_NAMES.map((p) => `'${p}'`).join(', ');
    fail(
      'api',
      `'${raw.api}' is not a known API preset.`,
      `Use one of ${known}, or 'kv' with explicit write-path, read-path, write-body and read-value inputs.`,
    );
  }
  const preset = isPreset(name) ? PRESETS[name] : PRESETS.kv;
  const pick = (input: keyof ApiInputs, fallback: string): string => (raw[input] === '' ? fallback : raw[input]);
  const ownPaths = raw['key-path'] === '' && preset.writePath !== undefined;
  const keyPath = pick('key-path', preset.keyPath);
  if (!ownPaths) checkPath('key-path', keyPath, ['key'], fail);
  const p: Parse = { raw, preset, fail, pick, ownPaths, keyPath };
  const module = parseModule(raw, fail);
  const custom = CUSTOM_WRITES.some((input) => raw[input] !== '');
  const cas = isPreset(name) && !custom && module === undefined ? preset.cas : undefined;
  return {
    preset: isPreset(name) ? name : 'kv',
    ...parseWrites(p),
    ...parseReads(p),
    headers: parseHeaders(raw.headers, fail),
    refusalStatuses: parseRefusals(pick('refusal-statuses', preset.refusalStatuses), fail),
    ...(cas ? { cas } : {}),
    ...(module !== undefined ? { module } : {}),
  };
}

function parseWrites(p: Parse): Pick<KvAdapter, 'writeMethod' | 'writePath' | 'writeBody' | 'writeContentType'> {
  const { raw, preset, fail, pick } = p;
  const writePath = pick('write-path', p.ownPaths ? preset.writePath! : p.keyPath);
  const writeBody = pick('write-body', preset.writeBody);
  // A write may name its key in the body instead (e.g. POST /set with k={key}&v={value}).
  if (raw['write-path'] !== '') checkPath('write-path', writePath, ['key', 'value'], fail, usesPlaceholder(writeBody, 'key'));
  const method = pick('write-method', preset.writeMethod).toUpperCase();
  if (method !== 'POST' && method !== 'PUT') fail('write-method', `'${raw['write-method']}' is not supported.`, 'Use POST or PUT.');
  const bodyProblems = templateProblems(writeBody, ['key', 'value']);
  for (const problem of bodyProblems) {
    fail('write-body', `${problem}.`, 'Only {key} and {value} are filled in, e.g. value={value} or {"v":"{value:base64}"}.');
  }
  if (bodyProblems.length === 0 && !usesPlaceholder(writeBody, 'value') && !usesPlaceholder(writePath, 'value')) {
    fail(
      'write-body',
      `'${writeBody}' does not contain {value}, and neither does the write path.`,
      "Put {value} where the value goes, e.g. '{value}' (the raw value) or 'value={value}' (a form field).",
    );
  }
  const writeContentType = pick('write-content-type', preset.writeContentType);
  checkMediaType('write-content-type', writeContentType, fail);
  return { writeMethod: method as 'POST' | 'PUT', writePath, writeBody, writeContentType };
}

/** Inclusive ranges of HTTP statuses. */
export type StatusSet = readonly (readonly [number, number])[];

export function inStatusSet(set: StatusSet, status: number): boolean {
  return set.some(([lo, hi]) => status >= lo && status <= hi);
}

/** `409`, `400-499` and `4xx`, comma- or space-separated; undefined when any part is none of them. */
export function parseStatusSet(text: string): StatusSet | undefined {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const set: [number, number][] = [];
  for (const part of parts) {
    const cls = /^([1-5])xx$/i.exec(part);
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    if (cls) set.push([Number(cls[1]) * 100, Number(cls[1]) * 100 + 99]);
    else if (range) set.push([Number(range[1]), Number(range[2] ?? range[1])]);
    else return undefined;
  }
  const bad = set.some(([lo, hi]) => lo < 100 || hi > 599 || lo > hi || (lo <= 299 && hi >= 200));
  return parts.length === 0 || bad ? undefined : set;
}

function parseRefusals(text: string, fail: Fail): StatusSet {
  const set = parseStatusSet(text);
  if (set === undefined) {
    fail(
      'refusal-statuses',
      `'${text}' is not a list of HTTP statuses outside 2xx.`,
      "Give the statuses that mean a write was not applied, e.g. '4xx', '400-499,503' or '409,412'.",
    );
  }
  return set ?? [];
}

type ReadParts = 'readMethod' | 'readPath' | 'readBody' | 'readContentType' | 'readValue' | 'readValueEncoding' | 'missingStatus';

function parseReads(p: Parse): Pick<KvAdapter, ReadParts> {
  const { raw, preset, fail, pick, keyPath } = p;
  const readMethod = pick('read-method', preset.readMethod).toUpperCase();
  if (readMethod !== 'GET' && readMethod !== 'POST') fail('read-method', `'${raw['read-method']}' is not supported.`, 'Use GET or POST.');
  const readBody = pick('read-body', preset.readBody);
  for (const problem of templateProblems(readBody, ['key'])) {
    fail('read-body', `'${readBody}' ${problem}.`, `Write it like '{"key":"{key:base64}"}'.`);
  }
  if (readMethod === 'GET' && readBody !== '') {
    fail('read-body', 'is set, but reads are GET requests, which carry no body.', "Set read-method to 'POST', or leave read-body empty.");
  }
  const keyRead = `${keyPath}${keyPath.includes('?') ? preset.readQuery.replace('?', '&') : preset.readQuery}`;
  const readPath = pick('read-path', p.ownPaths && preset.readPath !== undefined ? preset.readPath : keyRead);
  if (raw['read-path'] !== '') checkPath('read-path', readPath, ['key'], fail, usesPlaceholder(readBody, 'key'));
  const readContentType = pick('read-content-type', preset.readContentType || (readBody !== '' ? 'application/json' : ''));
  if (readContentType !== '') checkMediaType('read-content-type', readContentType, fail);
  const encoding = pick('read-value-encoding', preset.readValueEncoding).toLowerCase();
  if (encoding !== 'none' && encoding !== 'base64') {
    fail('read-value-encoding', `'${raw['read-value-encoding']}' is not an encoding.`, "Use 'none' or 'base64'.");
  }
  return {
    readMethod: readMethod as 'GET' | 'POST',
    readPath,
    readBody,
    readContentType,
    readValue: parseReadValue(pick('read-value', preset.readValue), fail),
    readValueEncoding: encoding as 'none' | 'base64',
    missingStatus: parseMissingStatus(pick('missing-status', preset.missingStatus), fail),
  };
}

function parseReadValue(text: string, fail: Fail): ReadValue {
  if (text.toLowerCase() === 'body') return { kind: 'body' };
  const parsed = parsePointer(text);
  if ('error' in parsed || text === '') {
    fail(
      'read-value',
      `${'error' in parsed ? parsed.error : 'is empty'}: it is neither 'body' nor a JSON pointer.`,
      "Use 'body' for the whole answer, or a JSON pointer (RFC 6901) such as '/node/value'; " +
        "write '~1' for a '/' and '~0' for a '~' inside a name.",
    );
    return { kind: 'body' };
  }
  return { kind: 'json', pointer: text, tokens: parsed.tokens };
}

function parseMissingStatus(text: string, fail: Fail): number[] {
  const statuses = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599 || s === 200)) {
    fail(
      'missing-status',
      `'${text}' is not a list of HTTP statuses (100-599, not 200).`,
      "Give the status a node answers for a key that does not exist, e.g. '404' or '404,410'.",
    );
  }
  return statuses;
}

function parseModule(raw: ApiInputs, fail: Fail): string | undefined {
  if (raw.adapter === '') return undefined;
  const module = raw.adapter;
  const shaping = SHAPING.filter((name) => raw[name] !== '' && !(name === 'api' && raw.api.toLowerCase() === 'kv'));
  if (shaping.length > 0) {
    fail(
      'adapter',
      `replaces the request templates, but ${shaping.join(', ')} ${shaping.length === 1 ? 'is' : 'are'} set too.`,
      `Leave ${shaping.join(', ')} empty: the module decides how requests look (headers still apply).`,
    );
  }
  if (!/\.(mjs|js)$/.test(module)) {
    fail(
      'adapter',
      `'${module}' is not an ES module file.`,
      "Name a .mjs (or .js in an ES module package) file, relative to working-directory, e.g. 'replicheck-adapter.mjs'.",
    );
  }
  return module;
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
    const orBody = input === 'write-path' ? ' (or the write body must)' : input === 'read-path' ? ' (or the read body must)' : '';
    fail(
      input,
      `'${template}' must start with '/' and contain '{key}'${orBody}.`,
      "Use a template such as '/key/{key}' or '/v2/keys/{key}?quorum=true'.",
    );
  } else if (problems.length > 0) {
    for (const p of problems)
      fail(input, `${p}.`, `Only ${allowed.map((x) => `{${x}}`).join(' and ')} ${allowed.length > 1 ? 'are' : 'is'} filled in here.`);
  } else if (/[\s#]/.test(template)) {
    fail(input, `'${template}' contains whitespace or '#'.`, 'Percent-encode them (%20, %23); the key itself is encoded for you.');
  }
}
