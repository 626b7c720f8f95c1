export const id = 27;
export const ids = [27];
export const modules = {

/***/ 1566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   be: () => (/* binding */ parseAdapter),
/* harmony export */   g3: () => (/* binding */ inStatusSet)
/* harmony export */ });
/* unused harmony export parseStatusSet */
/* harmony import */ var _http_json_pointer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4600);
/* harmony import */ var _http_template_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6708);
/* harmony import */ var _headers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1215);
/* harmony import */ var _presets_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3576);




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
];
/** Explicit write inputs make the preset's compare-and-set unsafe to assume. */
const CUSTOM_WRITES = ['key-path', 'write-path', 'write-body', 'write-content-type', 'write-method'];
function parseAdapter(raw, fail) {
    const name = raw.api.toLowerCase();
    if (!(0,_presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isPreset */ .S1)(name)) {
        const known = _presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .PRESET_NAMES */ .dO.map((p) => `'${p}'`).join(', ');
        fail('api', `'${raw.api}' is not a known API preset.`, `Use one of ${known}, or 'kv' with explicit write-path, read-path, write-body and read-value inputs.`);
    }
    const preset = (0,_presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isPreset */ .S1)(name) ? _presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .PRESETS */ .fG[name] : _presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .PRESETS */ .fG.kv;
    const pick = (input, fallback) => (raw[input] === '' ? fallback : raw[input]);
    const ownPaths = raw['key-path'] === '' && preset.writePath !== undefined;
    const keyPath = pick('key-path', preset.keyPath);
    if (!ownPaths)
        checkPath('key-path', keyPath, ['key'], fail);
    const p = { raw, preset, fail, pick, ownPaths, keyPath };
    const module = parseModule(raw, fail);
    const custom = CUSTOM_WRITES.some((input) => raw[input] !== '');
    const cas = (0,_presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isPreset */ .S1)(name) && !custom && module === undefined ? preset.cas : undefined;
    return {
        preset: (0,_presets_index_js__WEBPACK_IMPORTED_MODULE_1__/* .isPreset */ .S1)(name) ? name : 'kv',
        ...parseWrites(p),
        ...parseReads(p),
        headers: (0,_headers_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHeaders */ .QG)(raw.headers, fail),
        refusalStatuses: parseRefusals(pick('refusal-statuses', preset.refusalStatuses), fail),
        ...(cas ? { cas } : {}),
        ...(module !== undefined ? { module } : {}),
    };
}
function parseWrites(p) {
    const { raw, preset, fail, pick } = p;
    const writePath = pick('write-path', p.ownPaths ? preset.writePath : p.keyPath);
    const writeBody = pick('write-body', preset.writeBody);
    // A write may name its key in the body instead (e.g. POST /set with k={key}&v={value}).
    if (raw['write-path'] !== '')
        checkPath('write-path', writePath, ['key', 'value'], fail, (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .usesPlaceholder */ .U4)(writeBody, 'key'));
    const method = pick('write-method', preset.writeMethod).toUpperCase();
    if (method !== 'POST' && method !== 'PUT')
        fail('write-method', `'${raw['write-method']}' is not supported.`, 'Use POST or PUT.');
    const bodyProblems = (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .templateProblems */ .bi)(writeBody, ['key', 'value']);
    for (const problem of bodyProblems) {
        fail('write-body', `${problem}.`, 'Only {key} and {value} are filled in, e.g. value={value} or {"v":"{value:base64}"}.');
    }
    if (bodyProblems.length === 0 && !(0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .usesPlaceholder */ .U4)(writeBody, 'value') && !(0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .usesPlaceholder */ .U4)(writePath, 'value')) {
        fail('write-body', `'${writeBody}' does not contain {value}, and neither does the write path.`, "Put {value} where the value goes, e.g. '{value}' (the raw value) or 'value={value}' (a form field).");
    }
    const writeContentType = pick('write-content-type', preset.writeContentType);
    checkMediaType('write-content-type', writeContentType, fail);
    return { writeMethod: method, writePath, writeBody, writeContentType };
}
function inStatusSet(set, status) {
    return set.some(([lo, hi]) => status >= lo && status <= hi);
}
/** `409`, `400-499` and `4xx`, comma- or space-separated; undefined when any part is none of them. */
function parseStatusSet(text) {
    const parts = text.split(/[\s,]+/).filter(Boolean);
    const set = [];
    for (const part of parts) {
        const cls = /^([1-5])xx$/i.exec(part);
        const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        if (cls)
            set.push([Number(cls[1]) * 100, Number(cls[1]) * 100 + 99]);
        else if (range)
            set.push([Number(range[1]), Number(range[2] ?? range[1])]);
        else
            return undefined;
    }
    const bad = set.some(([lo, hi]) => lo < 100 || hi > 599 || lo > hi || (lo <= 299 && hi >= 200));
    return parts.length === 0 || bad ? undefined : set;
}
function parseRefusals(text, fail) {
    const set = parseStatusSet(text);
    if (set === undefined) {
        fail('refusal-statuses', `'${text}' is not a list of HTTP statuses outside 2xx.`, "Give the statuses that mean a write was not applied, e.g. '4xx', '400-499,503' or '409,412'.");
    }
    return set ?? [];
}
function parseReads(p) {
    const { raw, preset, fail, pick, keyPath } = p;
    const readMethod = pick('read-method', preset.readMethod).toUpperCase();
    if (readMethod !== 'GET' && readMethod !== 'POST')
        fail('read-method', `'${raw['read-method']}' is not supported.`, 'Use GET or POST.');
    const readBody = pick('read-body', preset.readBody);
    for (const problem of (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .templateProblems */ .bi)(readBody, ['key'])) {
        fail('read-body', `'${readBody}' ${problem}.`, `Write it like '{"key":"{key:base64}"}'.`);
    }
    if (readMethod === 'GET' && readBody !== '') {
        fail('read-body', 'is set, but reads are GET requests, which carry no body.', "Set read-method to 'POST', or leave read-body empty.");
    }
    const keyRead = `${keyPath}${keyPath.includes('?') ? preset.readQuery.replace('?', '&') : preset.readQuery}`;
    const readPath = pick('read-path', p.ownPaths && preset.readPath !== undefined ? preset.readPath : keyRead);
    if (raw['read-path'] !== '')
        checkPath('read-path', readPath, ['key'], fail, (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .usesPlaceholder */ .U4)(readBody, 'key'));
    const readContentType = pick('read-content-type', preset.readContentType || (readBody !== '' ? 'application/json' : ''));
    if (readContentType !== '')
        checkMediaType('read-content-type', readContentType, fail);
    const encoding = pick('read-value-encoding', preset.readValueEncoding).toLowerCase();
    if (encoding !== 'none' && encoding !== 'base64') {
        fail('read-value-encoding', `'${raw['read-value-encoding']}' is not an encoding.`, "Use 'none' or 'base64'.");
    }
    return {
        readMethod: readMethod,
        readPath,
        readBody,
        readContentType,
        readValue: parseReadValue(pick('read-value', preset.readValue), fail),
        readValueEncoding: encoding,
        missingStatus: parseMissingStatus(pick('missing-status', preset.missingStatus), fail),
    };
}
function parseReadValue(text, fail) {
    if (text.toLowerCase() === 'body')
        return { kind: 'body' };
    const parsed = (0,_http_json_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePointer */ .vp)(text);
    if ('error' in parsed || text === '') {
        fail('read-value', `${'error' in parsed ? parsed.error : 'is empty'}: it is neither 'body' nor a JSON pointer.`, "Use 'body' for the whole answer, or a JSON pointer (RFC 6901) such as '/node/value'; " +
            "write '~1' for a '/' and '~0' for a '~' inside a name.");
        return { kind: 'body' };
    }
    return { kind: 'json', pointer: text, tokens: parsed.tokens };
}
function parseMissingStatus(text, fail) {
    const statuses = text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
    if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599 || s === 200)) {
        fail('missing-status', `'${text}' is not a list of HTTP statuses (100-599, not 200).`, "Give the status a node answers for a key that does not exist, e.g. '404' or '404,410'.");
    }
    return statuses;
}
function parseModule(raw, fail) {
    if (raw.adapter === '')
        return undefined;
    const module = raw.adapter;
    const shaping = SHAPING.filter((name) => raw[name] !== '' && !(name === 'api' && raw.api.toLowerCase() === 'kv'));
    if (shaping.length > 0) {
        fail('adapter', `replaces the request templates, but ${shaping.join(', ')} ${shaping.length === 1 ? 'is' : 'are'} set too.`, `Leave ${shaping.join(', ')} empty: the module decides how requests look (headers still apply).`);
    }
    if (!/\.(mjs|js)$/.test(module)) {
        fail('adapter', `'${module}' is not an ES module file.`, "Name a .mjs (or .js in an ES module package) file, relative to working-directory, e.g. 'replicheck-adapter.mjs'.");
    }
    return module;
}
function checkMediaType(input, value, fail) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;.*)?$/.test(value) || /[\r\n]/.test(value)) {
        fail(input, `'${value}' is not a media type.`, "Use e.g. 'application/x-www-form-urlencoded', 'application/json' or 'text/plain; charset=utf-8'.");
    }
}
function checkPath(input, template, allowed, fail, keyInBody = false) {
    const problems = (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .templateProblems */ .bi)(template, allowed);
    if (!template.startsWith('/') || !(keyInBody || (0,_http_template_js__WEBPACK_IMPORTED_MODULE_2__/* .usesPlaceholder */ .U4)(template, 'key'))) {
        const orBody = input === 'write-path' ? ' (or the write body must)' : input === 'read-path' ? ' (or the read body must)' : '';
        fail(input, `'${template}' must start with '/' and contain '{key}'${orBody}.`, "Use a template such as '/key/{key}' or '/v2/keys/{key}?quorum=true'.");
    }
    else if (problems.length > 0) {
        for (const p of problems)
            fail(input, `${p}.`, `Only ${allowed.map((x) => `{${x}}`).join(' and ')} ${allowed.length > 1 ? 'are' : 'is'} filled in here.`);
    }
    else if (/[\s#]/.test(template)) {
        fail(input, `'${template}' contains whitespace or '#'.`, 'Percent-encode them (%20, %23); the key itself is encoded for you.');
    }
}


/***/ }),

/***/ 1215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   n3: () => (/* binding */ headerSecrets)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_CHARS, secretParts, secretForms, secretStrings, secretValues */
/* harmony import */ var _inputs_list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4233);
// The `headers` input: extra request headers, whose values are secret. Parsed here, and every part and encoding
// of a value listed, so the front ends can mask them before anything is printed and recorded answers lose them.

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
/**
 * `Name: value` lines. Problems name the line, never its text: a malformed line may well hold a token.
 */
function parseHeaders(text, fail) {
    const headers = [];
    const seen = new Set();
    text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '')
            return;
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
        }
        else if (RESERVED_HEADERS.has(lower)) {
            fail('headers', `line ${n}: '${name}' is set by the HTTP client and cannot be given.`, 'Remove that line.');
        }
        else if (lower === 'content-type') {
            fail('headers', `line ${n}: the content type of writes has its own input.`, 'Use write-content-type instead.');
        }
        else if (seen.has(lower)) {
            fail('headers', `line ${n}: '${name}' is given twice.`, 'Give each header once (join values with a comma if the API allows it).');
        }
        else if (CONTROL.test(value)) {
            fail('headers', `line ${n}: the value of '${name}' contains control characters.`, 'Remove them from the value.');
        }
        else {
            seen.add(lower);
            headers.push({ name, value });
        }
    });
    return headers;
}
/**
 * Shortest part of a secret acted on. A part of one to three characters (a cookie flag `a=1`, `on`, `yes`) guards
 * nothing anyone could not guess, while masking it would star out those letters in every log line and report
 * ("on" in "connection"); from four characters on, a part is rare in ordinary text.
 */
const MIN_SECRET_CHARS = 4;
/**
 * Every piece of a header value that a server may give back on its own: the whole value; the credential after an
 * auth scheme (`Bearer x`, `Token x`, `Basic x`, `Digest ...`: whatever follows the first space); for `Basic` the
 * decoded `user:password` and the password; and each value of a `key=value` list (cookies, Digest parameters).
 * Pieces shorter than MIN_SECRET_CHARS are left out.
 */
function secretParts(value) {
    const parts = new Set([value.trim()]);
    const scheme = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +(\S.*)$/.exec(value.trim());
    const credential = scheme?.[2]?.trim();
    if (credential !== undefined) {
        parts.add(credential);
        if (scheme[1].toLowerCase() === 'basic')
            for (const p of basicParts(credential))
                parts.add(p);
        for (const p of listValues(credential))
            parts.add(p);
    }
    for (const p of listValues(value))
        parts.add(p);
    return [...parts].filter((p) => p.length >= MIN_SECRET_CHARS);
}
/** `user:password` and `password` of a Basic credential; nothing when it is not base64 of text with a colon. */
function basicParts(credential) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential))
        return [];
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || decoded.includes('\uFFFD'))
        return [];
    return [decoded, decoded.slice(colon + 1)];
}
/** The values of `a=1; b="2"` or `a=1, b=2`, unquoted; a base64 padding `=` has no key before it, so it yields none. */
function listValues(text) {
    const out = [];
    for (const item of text.split(/[;,]/)) {
        const m = /^\s*[^=\s]+\s*=\s*(.*?)\s*$/.exec(item);
        const v = m?.[1]?.replace(/^"(.*)"$/, '$1');
        if (v)
            out.push(v);
    }
    return out;
}
/**
 * The forms a part travels in when a server echoes it: as is, JSON-escaped (inside the quotes; also the way Python
 * writes non-ASCII, `\u00e9`, and PHP a slash, `\/`), percent-encoded (encodeURIComponent), base64 and base64url,
 * each with and without padding.
 */
function secretForms(part) {
    const json = JSON.stringify(part).slice(1, -1);
    const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const bytes = Buffer.from(part, 'utf8');
    const base64 = bytes.toString('base64');
    const base64url = bytes.toString('base64url');
    let percent = part;
    try {
        percent = encodeURIComponent(part);
    }
    catch {
        // A lone surrogate cannot be percent-encoded; no server can have echoed it that way either.
    }
    const padded = base64url.padEnd(Math.ceil(base64url.length / 4) * 4, '=');
    const jsons = [json, jsonAscii, json.replace(/\//g, '\\/')];
    return [...new Set([part, ...jsons, percent, base64, base64.replace(/=+$/, ''), base64url, padded])];
}
/** Every form of every part of a secret value: what is masked in the log and redacted from what is recorded. */
function secretStrings(value) {
    return [...new Set(secretParts(value).flatMap(secretForms))];
}
/** The secret strings of parsed headers, for redaction. */
function headerSecrets(headers) {
    return [...new Set(headers.flatMap((h) => secretStrings(h.value)))];
}
/**
 * Values to mask in the log before anything is parsed or printed: every header value (or a whole malformed
 * header line) and every line of any other input declared secret, each with every part and form of secretStrings.
 * The whole value is masked even when short: the runner masks it anyway, and that is what it always did.
 */
function secretValues(raw) {
    const out = new Set();
    for (const spec of INPUTS) {
        if (!spec.secret)
            continue;
        for (const line of (raw[spec.name] ?? '').split(/\r?\n/)) {
            const colon = line.indexOf(':');
            const secret = (spec.name === 'headers' && colon > 0 ? line.slice(colon + 1) : line).trim();
            if (secret === '')
                continue;
            out.add(secret);
            for (const form of secretStrings(secret))
                out.add(form);
        }
    }
    return [...out];
}


/***/ }),

/***/ 8895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B8: () => (/* binding */ PROBE_KEY),
  C3: () => (/* binding */ describeObservation),
  Yt: () => (/* binding */ httpKvApi),
  Tg: () => (/* binding */ moduleApiOptions),
  lB: () => (/* binding */ observe),
  E$: () => (/* binding */ redact),
  Rd: () => (/* binding */ redactText),
  Fj: () => (/* binding */ secretsOf)
});

// UNUSED EXPORTS: casResult, decodeBase64, failedWrite, keyUrl, readValue, redactorOf, writeOutcome

// EXTERNAL MODULE: ./src/checks/api-options.ts
var api_options = __webpack_require__(1566);
// EXTERNAL MODULE: ./src/http/template.ts
var http_template = __webpack_require__(6708);
// EXTERNAL MODULE: ./src/http/json-pointer.ts
var json_pointer = __webpack_require__(4600);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(4101);
// EXTERNAL MODULE: ./src/checks/headers.ts
var headers = __webpack_require__(1215);
;// CONCATENATED MODULE: ./src/checks/redact.ts
// Removing secrets from what Replicheck records of a node's answers. Bodies are up to the client's 1 MiB cap and a
// run has tens to hundreds of secret strings (every part of every header, in seven encodings), so each body is
// scanned once, byte by byte, by one automaton of all of them (Aho-Corasick): the time is linear in the body
// whatever the number of secrets. A RegExp of alternatives was the simpler pass, but V8 slows to a third of a
// second per MiB once there are a few hundred of them.
/** What replaces each secret. */
const REDACTED = '***';
/** Shortest secret redacted, in bytes (headers.ts leaves shorter parts out already; this guards other callers). */
const MIN_REDACTED_BYTES = 4;
const NONE = { bytes: (b) => b, text: (t) => t };
/**
 * A redactor for these secrets (strings, or their UTF-8 bytes). Matching is on bytes, so a body that is not UTF-8
 * is redacted and otherwise given back byte for byte. Overlapping secrets (a password inside `user:password`, two
 * echoes run together) become one REDACTED; secrets that merely touch stay two.
 */
function redactor(secrets) {
    const patterns = secrets
        .map((s) => Buffer.from(typeof s === 'string' ? Buffer.from(s, 'utf8') : s))
        .filter((b) => b.length >= MIN_REDACTED_BYTES);
    if (patterns.length === 0)
        return NONE;
    const automaton = build(patterns);
    const bytes = (body) => {
        const spans = scan(automaton, body);
        return spans.length === 0 ? body : splice(body, spans);
    };
    return {
        bytes,
        text(text) {
            const before = Buffer.from(text, 'utf8');
            const after = bytes(before);
            return after === before ? text : after.toString('utf8');
        },
    };
}
function build(patterns) {
    const column = new Uint8Array(256);
    let columns = 1;
    for (const p of patterns)
        for (const b of p)
            if (column[b] === 0)
                column[b] = columns++;
    const goto = new Array(columns).fill(-1);
    const longest = [0];
    for (const p of patterns) {
        let s = 0;
        for (const b of p) {
            const at = s * columns + column[b];
            if (goto[at] === -1) {
                goto[at] = longest.length;
                longest.push(0);
                for (let c = 0; c < columns; c++)
                    goto.push(-1);
            }
            s = goto[at];
        }
        longest[s] = Math.max(longest[s], p.length);
    }
    complete(goto, longest, columns);
    return { column, columns, next: Int32Array.from(goto), longest: Int32Array.from(longest) };
}
/** Fills every missing transition from the failure links, breadth first, and folds the links' outputs in. */
function complete(goto, longest, columns) {
    const fail = new Array(longest.length).fill(0);
    const queue = [];
    for (let c = 0; c < columns; c++) {
        const t = goto[c];
        if (t === -1)
            goto[c] = 0;
        else
            queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
        const s = queue[head];
        for (let c = 0; c < columns; c++) {
            const t = goto[s * columns + c];
            const viaFail = goto[fail[s] * columns + c];
            if (t === -1) {
                goto[s * columns + c] = viaFail;
            }
            else {
                fail[t] = viaFail;
                longest[t] = Math.max(longest[t], longest[viaFail]);
                queue.push(t);
            }
        }
    }
}
/** Where secrets are, as merged [start, end) spans in order. */
function scan(a, body) {
    const { column, columns, next, longest } = a;
    const spans = [];
    let state = 0;
    for (let i = 0; i < body.length; i++) {
        state = next[state * columns + column[body[i]]];
        const length = longest[state];
        if (length > 0)
            addSpan(spans, i + 1 - length, i + 1);
    }
    return spans;
}
/** Spans arrive by end; a later, longer secret may reach back over earlier spans, which it then swallows. */
function addSpan(spans, start, end) {
    let s = start;
    while (spans.length > 0 && s < spans[spans.length - 1][1])
        s = Math.min(s, spans.pop()[0]);
    spans.push([s, end]);
}
function splice(body, spans) {
    const mark = Buffer.from(REDACTED);
    const parts = [];
    let at = 0;
    for (const [start, end] of spans) {
        parts.push(body.subarray(at, start), mark);
        at = end;
    }
    parts.push(body.subarray(at));
    return Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./src/checks/kv-api.ts







// Errors raised before a single byte of the request could reach the node: nothing was applied.
const NOT_SENT = new Set(['connection refused', 'host not found', 'host unreachable']);
/** How a failed answer (not 2xx) reads: refused when the API says so or nothing was sent, else indeterminate. */
function failedWrite(outcome, refusals) {
    if (!outcome.ok)
        return NOT_SENT.has(outcome.error) ? 'refused' : 'indeterminate';
    return (0,api_options/* inStatusSet */.g3)(refusals, outcome.status) ? 'refused' : 'indeterminate';
}
function writeOutcome(outcome, refusals) {
    const acked = outcome.ok && outcome.status >= 200 && outcome.status < 300;
    return { acked, result: acked ? 'acked' : failedWrite(outcome, refusals), outcome };
}
function keyUrl(baseUrl, template, key) {
    return `${baseUrl}${(0,http_template/* expandPath */.aD)(template, { key })}`;
}
/** The key the default readiness probe reads: it never exists, so a serving node answers "missing" (< 500). */
const PROBE_KEY = 'replicheck-readiness-probe';
/**
 * A KvApi for any HTTP key-value API, configured by the adapter options (a preset such as kv or etcd-v2, with
 * explicit inputs on top): write with a method, path and body template; read with a path template and take the
 * value from the body or a JSON pointer; a configured status means "missing".
 */
function httpKvApi(http, options) {
    const { kv, requestTimeoutMs: timeoutMs } = options;
    const codec = (0,values/* valueCodec */.cB)(options.valueFormat ?? 'text');
    const headers = Object.fromEntries(kv.headers.map((h) => [h.name, h.value]));
    const writeHeaders = { ...headers, 'content-type': kv.writeContentType };
    const readHeaders = kv.readBody !== '' ? { ...headers, 'content-type': kv.readContentType || 'application/json' } : headers;
    const readRequest = (baseUrl, key) => ({
        method: kv.readMethod,
        url: keyUrl(baseUrl, kv.readPath, key),
        headers: readHeaders,
        ...(kv.readBody !== '' ? { body: (0,http_template/* expandBody */.B0)(kv.readBody, readHeaders['content-type'] ?? 'application/json', { key }) } : {}),
    });
    // A server may echo a request header (an error page, a debug endpoint); what we record must not carry it.
    const secrets = secretsOf(kv);
    return {
        codec,
        async write(baseUrl, key, value, signal) {
            const fill = { key, value: codec.toBytes(value) };
            const outcome = await http.send({
                method: kv.writeMethod,
                url: `${baseUrl}${(0,http_template/* expandPath */.aD)(kv.writePath, fill)}`,
                body: (0,http_template/* expandBody */.B0)(kv.writeBody, kv.writeContentType, fill),
                headers: writeHeaders,
                timeoutMs,
                ...(signal ? { signal } : {}),
            });
            return writeOutcome(redact(outcome, secrets), kv.refusalStatuses);
        },
        async read(baseUrl, key, signal) {
            const outcome = await http.send({ ...readRequest(baseUrl, key), timeoutMs, ...(signal ? { signal } : {}) });
            // Taken from the answer as sent (a redacted body could hide a value or break its JSON), then redacted itself:
            // the workload records values in its history. A value with a secret in it is not one Replicheck wrote.
            const value = readValue(outcome, kv);
            return { outcome: redact(outcome, secrets), value: value ? redactorOf(secrets).bytes(value) : value };
        },
        async probe(baseUrl, signal) {
            const request = options.readyPath !== undefined
                ? { method: 'GET', url: `${baseUrl}${options.readyPath}`, headers }
                : readRequest(baseUrl, PROBE_KEY);
            return redact(await http.send({ ...request, timeoutMs, ...(signal ? { signal } : {}) }), secrets);
        },
        ...(kv.cas ? { cas: casRequest(http, { ...kv.cas, refusals: kv.refusalStatuses }, headers, codec, timeoutMs, secrets) } : {}),
        describe: describer(kv, options.readyPath, codec, secrets),
    };
}
/** The same requests as httpKvApi sends, as text for a report: secrets redacted, bodies bounded, header names only. */
function describer(kv, readyPath, codec, secrets) {
    const r = redactorOf(secrets);
    const names = kv.headers.map((h) => h.name);
    const shown = (method, url, body) => ({
        method,
        url: r.text(url),
        ...(body !== undefined ? { bodyPreview: (0,util_text/* previewBytes */.Qc)(r.bytes(Buffer.from(body))) } : {}),
        ...(names.length > 0 ? { headers: names } : {}),
    });
    const read = (baseUrl, key) => {
        const contentType = kv.readContentType || 'application/json';
        const body = kv.readBody !== '' ? (0,http_template/* expandBody */.B0)(kv.readBody, contentType, { key }) : undefined;
        return shown(kv.readMethod, keyUrl(baseUrl, kv.readPath, key), body);
    };
    return {
        write(baseUrl, key, value) {
            const fill = { key, value: codec.toBytes(value) };
            return shown(kv.writeMethod, `${baseUrl}${(0,http_template/* expandPath */.aD)(kv.writePath, fill)}`, (0,http_template/* expandBody */.B0)(kv.writeBody, kv.writeContentType, fill));
        },
        read,
        probe: (baseUrl) => (readyPath !== undefined ? shown('GET', `${baseUrl}${readyPath}`, undefined) : read(baseUrl, PROBE_KEY)),
        missingStatus: kv.missingStatus,
        ...(readyPath !== undefined ? { readyPath } : {}),
    };
}
/**
 * The value an answer holds: bytes, null for "missing", undefined when the answer says neither. A JSON answer
 * with nothing at the pointer (etcd v3: no "kvs", or an empty one) means missing, like the missing status.
 */
function readValue(outcome, kv) {
    if (!outcome.ok)
        return undefined;
    if (kv.missingStatus.includes(outcome.status))
        return null;
    if (outcome.status < 200 || outcome.status >= 300 || outcome.truncated)
        return undefined;
    const raw = kv.readValue.kind === 'body' ? outcome.body : (0,json_pointer/* extractJsonValue */.fj)(outcome.body, kv.readValue.tokens);
    if (raw == null || kv.readValueEncoding !== 'base64')
        return raw;
    return decodeBase64(raw.toString('latin1'));
}
/** Strict base64: what a store sends is either exactly that or an answer that says nothing (undefined). */
function decodeBase64(text) {
    if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        return undefined;
    return Buffer.from(text, 'base64');
}
function casRequest(http, cas, headers, codec, timeoutMs, secrets) {
    const h = { ...headers, 'content-type': cas.contentType };
    return async (baseUrl, key, expected, value, signal) => {
        const fill = { key, expected: codec.toBytes(expected), value: codec.toBytes(value) };
        const outcome = redact(await http.send({
            method: cas.method,
            url: `${baseUrl}${(0,http_template/* expandPath */.aD)(cas.path, fill)}`,
            body: (0,http_template/* expandBody */.B0)(cas.body, cas.contentType, fill),
            headers: h,
            timeoutMs,
            ...(signal ? { signal } : {}),
        }), secrets);
        return { result: casResult(outcome, cas), outcome };
    };
}
/**
 * Swapped only on a 2xx that says so; a definite "no" only where the API says the comparison failed; refused only
 * on a refusal status (or nothing sent).
 */
function casResult(outcome, cas) {
    if (outcome.ok && cas.notSwapped.includes(outcome.status))
        return 'not-swapped';
    if (!outcome.ok || outcome.status < 200 || outcome.status >= 300) {
        return failedWrite(outcome, cas.refusals ?? []) === 'refused' ? 'refused' : 'unknown';
    }
    if (outcome.truncated)
        return 'unknown';
    if (!cas.swapped)
        return 'swapped';
    const at = (0,json_pointer/* extractJsonValue */.fj)(outcome.body, cas.swapped);
    if (at === undefined)
        return 'unknown';
    // etcd leaves `false` out of its JSON: a well-formed answer without the field is a comparison that failed.
    return at !== null && at.toString('utf8') === 'true' ? 'swapped' : 'not-swapped';
}
/**
 * Every part and encoding of every header value (headers.ts), as the bytes to redact from what servers answer:
 * a server may echo a header, whole or in pieces, in an error page or a debug endpoint.
 */
function secretsOf(kv) {
    return (0,headers/* headerSecrets */.n3)(kv.headers).map((s) => Buffer.from(s, 'utf8'));
}
/** What an adapter module's API needs of the options: the same headers, secrets, timeout and value format. */
function moduleApiOptions(options) {
    return {
        headers: Object.fromEntries(options.kv.headers.map((h) => [h.name, h.value])),
        secrets: secretsOf(options.kv),
        requestTimeoutMs: options.requestTimeoutMs,
        codec: (0,values/* valueCodec */.cB)(options.valueFormat ?? 'text'),
    };
}
// One automaton per list of secrets: an API's list lives as long as the API, so it is built once per run.
const redactors = new WeakMap();
/** The redactor of a list of secrets, built on first use. */
function redactorOf(secrets) {
    let r = redactors.get(secrets);
    if (!r)
        redactors.set(secrets, (r = redactor(secrets)));
    return r;
}
/**
 * The outcome with every secret in its body (or its error) replaced by `***`; the same object when there is none.
 * Every answer recorded from a node goes through here: the templates' API above and an adapter module's fetch.
 */
function redact(outcome, secrets) {
    if (secrets.length === 0)
        return outcome;
    const r = redactorOf(secrets);
    if (!outcome.ok) {
        const error = r.text(outcome.error);
        return error === outcome.error ? outcome : { ...outcome, error };
    }
    const body = r.bytes(outcome.body);
    return body === outcome.body ? outcome : { ...outcome, body };
}
/** Text from a node (a log, a command's output) with every secret replaced by `***`. */
function redactText(text, secrets) {
    return secrets.length === 0 ? text : redactorOf(secrets).text(text);
}
/** A bounded, report-safe description of an HTTP outcome. */
function observe(outcome) {
    if (!outcome)
        return { error: 'no request was made' };
    if (!outcome.ok)
        return { error: outcome.error };
    return { status: outcome.status, bodyPreview: (0,util_text/* previewBytes */.Qc)(outcome.body), bodyBytes: outcome.body.length, truncated: outcome.truncated };
}
function describeObservation(o) {
    if (o.error)
        return o.error;
    const body = o.bodyBytes === 0 ? 'empty body' : `body "${o.bodyPreview ?? ''}"${o.truncated ? ' (cut at the size cap)' : ''}`;
    return `HTTP ${o.status ?? '?'} with ${body}`;
}


/***/ }),

/***/ 3576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fG: () => (/* binding */ PRESETS),
  dO: () => (/* binding */ PRESET_NAMES),
  S1: () => (/* binding */ isPreset)
});

;// CONCATENATED MODULE: ./src/checks/presets/etcd-v2.ts
const etcdV2 = {
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
    refusalStatuses: '3xx,4xx',
    // prevValue: 412 (errorCode 101) when the value differs, 404 when the key does not exist.
    cas: {
        method: 'PUT',
        path: '/v2/keys/{key}?prevValue={expected}',
        body: 'value={value}',
        contentType: 'application/x-www-form-urlencoded',
        notSwapped: [412, 404],
    },
};

;// CONCATENATED MODULE: ./src/checks/presets/etcd-v3.ts
/** A transaction: put when the value equals the expected one; "succeeded" is true only then. */
const txn = {
    compare: [{ key: '{key:base64}', result: 'EQUAL', target: 'VALUE', value: '{expected:base64}' }],
    success: [{ requestPut: { key: '{key:base64}', value: '{value:base64}' } }],
};
const etcdV3 = {
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
    refusalStatuses: '3xx,4xx',
    cas: {
        method: 'POST',
        path: '/v3/kv/txn',
        body: JSON.stringify(txn),
        contentType: 'application/json',
        swapped: ['succeeded'],
        notSwapped: [],
    },
};

;// CONCATENATED MODULE: ./src/checks/presets/kv.ts
const kv = {
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
    refusalStatuses: '3xx,4xx',
};

;// CONCATENATED MODULE: ./src/checks/presets/index.ts
// The registry of API presets (input `api`): one line a preset, each defined in its own file of this folder.



const PRESETS = { kv: kv, 'etcd-v2': etcdV2, 'etcd-v3': etcdV3 };
const PRESET_NAMES = Object.keys(PRESETS);
function isPreset(name) {
    return Object.hasOwn(PRESETS, name);
}


/***/ }),

/***/ 4101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   H7: () => (/* binding */ VALUE_FORMATS),
/* harmony export */   at: () => (/* binding */ firstDifference),
/* harmony export */   cB: () => (/* binding */ valueCodec),
/* harmony export */   hF: () => (/* binding */ describeDifference)
/* harmony export */ });
/* unused harmony exports TEXT_TAIL, escapeBytes, unescapeBytes, describeByte */
// The values Replicheck writes, in three formats, and how they travel as bytes.
//   text  (default): unique and readable, and carrying the bytes that commonly break an API: space, '+', '%'
//         followed by hex digits, '&', '=', '/', '?', '#', quotes, a backslash and non-ASCII UTF-8. A service that
//         form-decodes bodies, or mangles anything else, no longer passes by accident.
//   token: letters, digits and '-' only, for APIs that cannot carry more.
//   bytes: arbitrary bytes, NUL, CR/LF and invalid UTF-8 included, for stores that promise binary safety. Such a
//         value is handled as an escaped string (printable ASCII as is, `\\` for a backslash, `\xHH` for any
//         other byte), which is what histories and reports show; on the wire it is the raw bytes.
// Every comparison with what a node returned is byte for byte.
const VALUE_FORMATS = ['text', 'token', 'bytes'];
/** Every byte a text value carries after its unique head. */
const TEXT_TAIL = ` a+b%41&c=d/e?f#g"h'i\\j é✓`;
/** The raw bytes a bytes value carries besides the text tail: NUL, CR, LF, and sequences that are not UTF-8. */
const BINARY_TAIL = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x80]);
function valueCodec(format) {
    if (format === 'bytes')
        return { format, toBytes: unescapeBytes, fromBytes: escapeBytes };
    return { format, toBytes: (v) => Buffer.from(v, 'utf8'), fromBytes: (b) => b.toString('utf8') };
}
/**
 * A value of `format` from a unique head (run id, writer, time, randomness). `random` gives raw bytes for the
 * bytes format, so not even the binary part repeats.
 */
function formatValue(format, head, randomBytes) {
    switch (format) {
        case 'token':
            return head.replace(/[^A-Za-z0-9-]/g, '-');
        case 'text':
            return `${head}${TEXT_TAIL}`;
        case 'bytes':
            return escapeBytes(Buffer.concat([Buffer.from(`${head}${TEXT_TAIL}`, 'utf8'), BINARY_TAIL, randomBytes()]));
    }
}
/** Printable ASCII as is, a backslash doubled, every other byte as `\xHH`. */
function escapeBytes(bytes) {
    let out = '';
    for (const b of bytes) {
        if (b === 0x5c)
            out += '\\\\';
        else if (b >= 0x20 && b < 0x7f)
            out += String.fromCharCode(b);
        else
            out += `\\x${b.toString(16).padStart(2, '0')}`;
    }
    return out;
}
/** The inverse of escapeBytes; anything else in the text is taken as UTF-8. */
function unescapeBytes(text) {
    const parts = [];
    let plain = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && text[i + 1] === '\\') {
            plain += '\\';
            i++;
        }
        else if (c === '\\' && text[i + 1] === 'x' && /^[0-9a-f]{2}$/i.test(text.slice(i + 2, i + 4))) {
            parts.push(Buffer.from(plain, 'utf8'), Buffer.from([Number.parseInt(text.slice(i + 2, i + 4), 16)]));
            plain = '';
            i += 3;
        }
        else {
            plain += c;
        }
    }
    parts.push(Buffer.from(plain, 'utf8'));
    return Buffer.concat(parts);
}
function firstDifference(expected, actual) {
    const n = Math.min(expected.length, actual.length);
    let i = 0;
    while (i < n && expected[i] === actual[i])
        i++;
    if (i === n && expected.length === actual.length)
        return undefined;
    return {
        offset: i,
        expected: expected[i] ?? null,
        actual: actual[i] ?? null,
        expectedLength: expected.length,
        actualLength: actual.length,
    };
}
/** `0x2b '+'`, `0x00`, or `the end`: one byte as a person reads it. */
function describeByte(b) {
    if (b === null)
        return 'the end';
    const hex = `0x${b.toString(16).padStart(2, '0')}`;
    return b >= 0x20 && b < 0x7f ? `${hex} '${b === 0x27 ? "\\'" : String.fromCharCode(b)}'` : hex;
}
/** One sentence: where the value a node returned first differs from the one expected. */
function describeDifference(d) {
    return (`first difference at byte ${d.offset}: expected ${describeByte(d.expected)}, got ${describeByte(d.actual)} (expected ` +
        `${d.expectedLength} bytes, got ${d.actualLength})`);
}


/***/ }),

/***/ 4600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fj: () => (/* binding */ extractJsonValue),
/* harmony export */   vp: () => (/* binding */ parsePointer)
/* harmony export */ });
/* unused harmony export resolvePointer */
// JSON pointers (RFC 6901) for reading a value out of a JSON answer, e.g. `/node/value` in etcd's v2 API.
/** The reference tokens of a pointer, or an error text. `''` is the whole document. */
function parsePointer(pointer) {
    if (pointer === '')
        return { tokens: [] };
    if (!pointer.startsWith('/'))
        return { error: `'${pointer}' does not start with '/'` };
    const tokens = [];
    for (const raw of pointer.slice(1).split('/')) {
        // '~' is the escape character and may only start '~0' ('~') or '~1' ('/').
        if (/~(?![01])/.test(raw))
            return { error: `'${pointer}' has a '~' that is not '~0' or '~1'` };
        tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    return { tokens };
}
/** The value at `tokens` in `doc`, or undefined when the document has nothing there. */
function resolvePointer(doc, tokens) {
    let here = doc;
    for (const token of tokens) {
        if (Array.isArray(here)) {
            // Array indices are decimal without leading zeros; '-' (past the end) never names an existing element.
            if (!/^(0|[1-9]\d*)$/.test(token))
                return undefined;
            here = here[Number(token)];
        }
        else if (here !== null && typeof here === 'object') {
            here = Object.prototype.hasOwnProperty.call(here, token) ? here[token] : undefined;
        }
        else {
            return undefined;
        }
        if (here === undefined)
            return undefined;
    }
    return here;
}
/**
 * The bytes a JSON answer holds at `tokens`: a string as its UTF-8 bytes, any other JSON value as its JSON text.
 * Null when the body is JSON with nothing at the pointer (a missing key, e.g. etcd v3's absent or empty "kvs");
 * undefined when the body is not JSON at all.
 */
function extractJsonValue(body, tokens) {
    let doc;
    try {
        doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    }
    catch {
        return undefined;
    }
    const value = resolvePointer(doc, tokens);
    if (value === undefined)
        return null;
    return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}


/***/ }),

/***/ 6708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B0: () => (/* binding */ expandBody),
/* harmony export */   U4: () => (/* binding */ usesPlaceholder),
/* harmony export */   aD: () => (/* binding */ expandPath),
/* harmony export */   bi: () => (/* binding */ templateProblems),
/* harmony export */   nS: () => (/* binding */ carriesBytes)
/* harmony export */ });
/* unused harmony exports PLACEHOLDERS, ENCODINGS, unknownPlaceholders, bodyEncoding */
// Request templates with `{key}`, `{value}` (and, for compare-and-set, `{expected}`) placeholders. Each placeholder
// is encoded as its position needs: percent-encoded in a URL, form-encoded in a form body, JSON-escaped in a JSON
// body, raw elsewhere, so any key and value (spaces, '/', '&', '=', '%', '+', quotes, unicode, any bytes) arrives
// at the server exactly as written. A placeholder may name its encoding: `{key:base64}`, `{value:json}`.
//   base64: standard base64 (etcd's v3 JSON API sends keys and values so); in a URL or a form it is then
//           percent-encoded as the position requires, in a JSON body it is already valid string content.
//   json:   the content of a JSON string, escaped (without the quotes); likewise percent-encoded in a URL or form.
const PLACEHOLDERS = (/* unused pure expression or super */ null && (['key', 'value', 'expected']));
const ENCODINGS = ['base64', 'json'];
// A name is an identifier, so JSON in a body template (`{"a":1}`, `{}`) is never taken for a placeholder.
const PLACEHOLDER = /\{([A-Za-z_][\w-]*)(?::([^{}"\s]*))?\}/g;
function placeholders(template) {
    return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1], encoding: m[2], index: m.index, length: m[0].length }));
}
/** Placeholder names in a template that are not in `allowed` (e.g. a typo such as `{val}`). */
function unknownPlaceholders(template, allowed) {
    return placeholders(template)
        .map((p) => p.name)
        .filter((name) => !allowed.includes(name));
}
/** Everything wrong with a template, one sentence each: unknown placeholders and unknown encodings. */
function templateProblems(template, allowed) {
    const problems = [];
    const unknown = unknownPlaceholders(template, allowed);
    if (unknown.length > 0)
        problems.push(`has unknown placeholder(s) ${unknown.map((p) => `{${p}}`).join(', ')}; only ${allowed.map((p) => `{${p}}`).join(', ')} are ` +
            `filled in`);
    const badEncodings = placeholders(template).filter((p) => p.encoding !== undefined && !ENCODINGS.includes(p.encoding));
    if (badEncodings.length > 0) {
        problems.push(`names unknown encoding(s) ${badEncodings.map((p) => `{${p.name}:${p.encoding}}`).join(', ')}; use ` +
            `${ENCODINGS.map((e) => `:${e}`).join(' or ')}, or none`);
    }
    return problems;
}
/** Whether the template uses the placeholder at all, with any encoding. */
function usesPlaceholder(template, name) {
    return placeholders(template).some((p) => p.name === name);
}
function explicit(encoding, bytes) {
    if (encoding === 'base64')
        return Buffer.from(bytes.toString('base64'), 'latin1');
    if (encoding === 'json')
        return Buffer.from(JSON.stringify(bytes.toString('utf8')).slice(1, -1), 'utf8');
    return bytes;
}
/** The template with each placeholder replaced by its encoded bytes; the template's own text is UTF-8. */
function expand(template, fill, position) {
    const parts = [];
    let at = 0;
    for (const p of placeholders(template)) {
        const value = fill[p.name];
        if (value === undefined)
            continue;
        parts.push(Buffer.from(template.slice(at, p.index), 'utf8'), position(explicit(p.encoding, bytesOf(value)), p.encoding !== undefined));
        at = p.index + p.length;
    }
    parts.push(Buffer.from(template.slice(at), 'utf8'));
    return Buffer.concat(parts);
}
function bytesOf(value) {
    return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
}
// Bytes left as they are in a URL component and in a form field (RFC 3986 unreserved; forms also keep '*').
const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** Percent-encodes every byte but the unreserved ones; a form writes a space as '+'. Works on any bytes. */
function percentEncode(bytes, form) {
    let out = '';
    for (const b of bytes) {
        const c = String.fromCharCode(b);
        if (b < 0x80 && (UNRESERVED.test(c) || (form && c === '*')))
            out += c;
        else if (form && b === 0x20)
            out += '+';
        else
            out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return Buffer.from(out, 'latin1');
}
/** A path (and optional query) with placeholders percent-encoded, so '/', '?', '&', '#' stay inside the key. */
function expandPath(template, fill) {
    return expand(template, fill, (b) => percentEncode(b, false)).toString('latin1');
}
/** How placeholders in a body are encoded, from the body's content type. */
function bodyEncoding(contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded')
        return 'form';
    if (type === 'application/json' || type.endsWith('+json'))
        return 'json';
    return 'raw';
}
/**
 * A request body. A template that is exactly one placeholder without an encoding sends that text raw, whatever
 * the content type (the example service stores the raw body although it is labelled a form); otherwise
 * placeholders are encoded for the content type: form fields with `+` for spaces, JSON string contents without
 * the quotes (unless the placeholder named its encoding, whose output is already valid JSON string content).
 */
function expandBody(template, contentType, fill) {
    const whole = /^\{([A-Za-z_][\w-]*)\}$/.exec(template);
    const only = whole ? fill[whole[1]] : undefined;
    if (only !== undefined)
        return bytesOf(only);
    const encoding = bodyEncoding(contentType);
    return expand(template, fill, (b, explicitlyEncoded) => {
        if (encoding === 'form')
            return percentEncode(b, true);
        // JSON carries text only: options refuse value-format bytes unless the value is base64 here.
        if (encoding === 'json' && !explicitlyEncoded)
            return Buffer.from(JSON.stringify(b.toString('utf8')).slice(1, -1), 'utf8');
        return b;
    });
}
/** Whether a body template sends the value so that any bytes arrive intact (raw, form-encoded, or base64). */
function carriesBytes(template, contentType) {
    if (/^\{value\}$/.test(template))
        return true;
    return placeholders(template)
        .filter((p) => p.name === 'value')
        .every((p) => p.encoding === 'base64' || (p.encoding === undefined && bodyEncoding(contentType) !== 'json'));
}


/***/ }),

/***/ 8697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ parseServers)
/* harmony export */ });
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8463);
// The `servers` input: the base URL of every node, optionally named (`name=url`). Parsed once, here, so every part
// (port mapping, faults, reports) sees the same normalised URLs. HTTP(S) only, unless an adapter module speaks to
// the nodes: then any scheme with a port.

function parseServers(value, fail, rules = {}) {
    const items = (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .ry)(value);
    if (items.length === 0) {
        fail('is empty.', 'List the base URL of every node, e.g. http://localhost:8080, one per line or comma-separated.');
        return [];
    }
    const servers = [];
    const seen = new Set();
    const names = new Set();
    for (const entry of items) {
        // `name=url`: a name is letters, digits, '.', '_' and '-', so no URL is ever taken for one.
        const named = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(.*)$/.exec(entry);
        const name = named?.[1];
        const item = named ? named[2].trim() : entry;
        if (name !== undefined) {
            if (names.has(name)) {
                fail(`the name '${name}' is given to two servers.`, 'Give each server its own name.');
                continue;
            }
            names.add(name);
        }
        let url;
        try {
            url = new URL(item);
        }
        catch {
            fail(`'${item}' is not a URL.`, "Write each server as a full URL such as 'http://localhost:8080'.");
            continue;
        }
        const http = url.protocol === 'http:' || url.protocol === 'https:';
        if (!http && !rules.anyScheme) {
            fail(`'${item}' is not an HTTP(S) URL, and only an adapter module speaks another protocol.`, "Use http:// or https:// URLs such as 'http://localhost:8080', or set adapter to a module that speaks this protocol.");
            continue;
        }
        // Readiness, published-port checks and labels need a port, and no default is known for an arbitrary scheme.
        if (!http && url.port === '') {
            fail(`'${item}' has no port.`, `Write the port, e.g. '${url.protocol}//${url.hostname || 'localhost'}:6379'.`);
            continue;
        }
        if (url.username !== '' || url.password !== '') {
            // Credentials in a URL end up in logs and reports; refusing is safer than masking after the fact.
            fail(`a server URL contains credentials (${url.protocol}//***@${url.host}).`, 'Remove user:password from the URL.');
            continue;
        }
        if (url.search !== '' || url.hash !== '') {
            fail(`'${item}' has a query or fragment.`, 'Give only scheme, host, port and an optional base path.');
            continue;
        }
        const normalised = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
        if (seen.has(normalised)) {
            fail(`'${item}' is listed twice.`, 'List each node once.');
            continue;
        }
        seen.add(normalised);
        const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
        // An adapter gets a non-HTTP URL as written: what its path means (a database number, a name) is its own affair.
        const given = http ? normalised : item;
        servers.push({ ...(name !== undefined ? { name } : {}), url: given, host: url.hostname.replace(/^\[|\]$/g, ''), port });
    }
    return servers;
}


/***/ }),

/***/ 8463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   IX: () => (/* binding */ wholeInput),
/* harmony export */   oA: () => (/* binding */ secondsInput),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export declaredDefault */
/* harmony import */ var _list_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4233);
// Parsers of single input values, shared by every part that validates inputs (core, adapters, faults, workload),
// so each kind of value is read, bounded and reported the same way.

/** Splits a list input on newlines and commas, trimming items and dropping empty ones. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
/** The default action.yml declares for an input, to show in a fix ("e.g. '180'"). */
function declaredDefault(input) {
    return _list_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc.find((s) => s.name === input)?.default ?? '';
}
/** A positive number of seconds up to `max` (decimals allowed, no units), as milliseconds; 0 when invalid. */
function secondsInput(raw, input, max, fail) {
    const text = raw[input];
    const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value <= 0 || value > max) {
        fail(input, `'${text}' is not a number of seconds between 0 and ${max}.`, `Give a positive number up to ${max}, e.g. '${declaredDefault(input) || '10'}'.`);
        return 0;
    }
    return Math.round(value * 1000);
}
/** A whole number from `min` to `max`; NaN when invalid. */
function wholeInput(raw, input, min, max, fail, example = declaredDefault(input)) {
    const text = raw[input];
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max))
        fail(input, `'${text}' is not a whole number from ${min} to ${max}.`, `Use e.g. '${example}'.`);
    return value;
}
/** `512M`, `2G`, `1048576`: bytes, at least 16 MiB; undefined when it is not a size. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?$/i.exec(text.trim());
    if (!m)
        return undefined;
    const unit = (m[2] ?? 'B').charAt(0).toUpperCase();
    const bytes = Math.round(Number(m[1]) * { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[unit]);
    return bytes >= 16 * 1024 ** 2 ? bytes : undefined;
}


/***/ })

};
