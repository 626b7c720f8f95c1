// First-run guidance: when a run fails the way a wrong setup fails (no write acknowledged on any node, no written
// value ever read back, a readiness probe answered 4xx), the report shows the request Replicheck sent and the answer
// it got, and names the inputs that decide them. A new user's first run is usually against an API the presets do
// not describe, and "every write refused" alone does not say which of a dozen inputs to change. The words here only
// suggest: the answer that came back is shown as it is, so a reader can judge for themselves.
import type { Check, Guidance, Observation, SentRequest } from '../model/result.js';

/** Builds the request a KvApi sends, for a report (kv-api.ts): secrets redacted, the body bounded. */
export interface RequestDescriber {
  write(baseUrl: string, key: string, value: string): SentRequest;
  read(baseUrl: string, key: string): SentRequest;
  probe(baseUrl: string): SentRequest;
  /** Statuses that mean "no such key" (input missing-status): a probe of a key that does not exist expects them. */
  readonly missingStatus: readonly number[];
  /** The readiness path when one was given (input ready-path); the probe reads a missing key otherwise. */
  readonly readyPath?: string;
}

const isClientError = (o: Observation): boolean => o.status !== undefined && o.status >= 400 && o.status < 500;

/** What a status of a request that the service would not take suggests, and which inputs decide it. */
function byStatus(o: Observation, op: 'write' | 'read'): { hint: string; inputs: string[] } | undefined {
  const method = op === 'write' ? 'write-method' : 'read-method';
  const body = op === 'write' ? ['write-body', 'write-content-type'] : ['read-body', 'read-content-type'];
  const path = op === 'write' ? 'write-path' : 'read-path';
  switch (o.status) {
    case 401:
    case 403:
      return { hint: 'The service refused the request as unauthorised: does it need credentials?', inputs: ['headers', 'api'] };
    case 404:
      return {
        hint: 'Nothing answers at this path: the API preset may not be this service’s (every path answering 404 says so).',
        inputs: ['api', 'key-path', path, method],
      };
    case 405:
      return { hint: 'The path exists but does not take this method.', inputs: [method, 'api', 'key-path'] };
    case 400:
    case 415:
    case 422:
      return { hint: 'The service did not accept the request’s body or its content type.', inputs: [...body, 'api'] };
    default:
      return undefined;
  }
}

/** Guidance for the first refused write of a run in which no node acknowledged any write. */
export function writeGuidance(request: SentRequest, answer: Observation): Guidance {
  const known = byStatus(answer, 'write');
  const said = known ?? {
    hint: answer.error
      ? 'No write could be made: the request did not get an answer.'
      : 'No node acknowledged a write (an answer in 2xx): the service may expect another request.',
    inputs: ['api', 'key-path', 'write-method', 'write-body', 'write-content-type'],
  };
  return { hint: `No write was acknowledged on any node. ${said.hint}`, request, answer, inputs: said.inputs };
}

/**
 * Guidance for a run whose writes were acknowledged but in which no read ever returned a written value, from the
 * last answer of one read: "missing" (reads look elsewhere than writes put), a value that is not the one written
 * (the value travels changed), an answer that holds the value where `read-value` does not look, or a refusal.
 */
export function readGuidance(request: SentRequest, answer: Observation, expected: string, missing: readonly number[]): Guidance {
  const said = readHint(answer, expected, missing);
  return { hint: `Writes were acknowledged, but no read returned a value written. ${said.hint}`, request, answer, inputs: said.inputs };
}

function readHint(answer: Observation, expected: string, missing: readonly number[]): { hint: string; inputs: string[] } {
  if (answer.status !== undefined && missing.includes(answer.status)) {
    return {
      hint: 'Every read answered "missing": reads may go to another path than writes, or the write was not applied.',
      inputs: ['key-path', 'read-path', 'write-path', 'missing-status', 'api'],
    };
  }
  if (answer.difference) {
    return {
      hint: 'A value came back, but not byte for byte the one written: it changed on the way in or out.',
      inputs: ['value-format', 'write-body', 'write-content-type', 'read-value-encoding'],
    };
  }
  const ok = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
  if (ok && (answer.bodyPreview ?? '').includes(expected.slice(0, 24))) {
    return {
      hint: 'The answer holds the value, but not where `read-value` takes it from.',
      inputs: ['read-value', 'read-value-encoding', 'api'],
    };
  }
  if (ok) return { hint: 'The answer does not hold the value written.', inputs: ['read-value', 'read-path', 'key-path', 'api'] };
  return (
    byStatus(answer, 'read') ?? {
      hint: 'The reads did not get an answer that holds a value.',
      inputs: ['api', 'read-path', 'read-method', 'read-value', 'missing-status'],
    }
  );
}

/**
 * Guidance for a readiness probe that answered 4xx: the node serves (any answer below 500 counts), but not
 * necessarily this API. Nothing when the probe read the missing key and got the missing status, which is the
 * answer it expects.
 */
export function readinessGuidance(describe: RequestDescriber | undefined, baseUrl: string, answer: Observation): Guidance | undefined {
  if (!describe || !isClientError(answer)) return undefined;
  const request = describe.probe(baseUrl);
  if (describe.readyPath !== undefined) {
    return {
      hint:
        `The readiness path answered HTTP ${answer.status}. Any answer below 500 counts as serving, so readiness passed, ` +
        'but a health endpoint that is not there proves little about the API.',
      request,
      answer,
      inputs: ['ready-path'],
    };
  }
  if (describe.missingStatus.includes(answer.status!)) return undefined;
  const known = byStatus(answer, 'read');
  const hint =
    `The probe read a key that does not exist and expected a "missing" status (${describe.missingStatus.join(', ')}), ` +
    `but got HTTP ${answer.status}. ${known?.hint ?? ''}`.trim();
  return { hint, request, answer, inputs: known?.inputs ?? ['missing-status', 'api', 'read-path', 'ready-path'] };
}

/**
 * Keeps guidance only where the whole run failed the way a wrong setup does: the write guidance when no write
 * was acknowledged, the read guidance when no written value was ever read back. Once anything worked, a failure is
 * the store's, and the checks say so on their own. At most one check per kind carries it (every node answers the
 * same way; one request and answer shows it).
 */
export function keepFirstRunGuidance(checks: readonly Check[], anyAcked: boolean, anyRead: boolean): Check[] {
  let writeShown = anyAcked;
  let readShown = !anyAcked || anyRead;
  return checks.map((c) => {
    if (!c.guidance) return c;
    const isWrite = c.id.startsWith('write:');
    const keep = isWrite ? !writeShown : !readShown;
    if (isWrite) writeShown = true;
    else readShown = true;
    if (keep) return c;
    const { guidance: _dropped, ...rest } = c;
    return rest;
  });
}
