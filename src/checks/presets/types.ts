// What an API preset says: the requests of a known store's key-value API, which explicit inputs may override part
// by part. Each preset is one file of this folder; index.ts lists them.

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

export interface Preset {
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
  /**
   * Statuses that mean a write was certainly not applied (input refusal-statuses' syntax). Anything else that fails
   * is indeterminate: a store behind a consensus layer may answer 5xx or time out and still commit the write.
   */
  readonly refusalStatuses: string;
  readonly cas?: CasRequest;
}
