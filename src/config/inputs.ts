// The one list of inputs. The action reads exactly these names (and a test holds action.yml to the same list);
// the CLI turns each into a `--name` flag, so the two front ends cannot drift apart.

export interface InputSpec {
  readonly name: string;
  readonly description: string;
  /** Default as action.yml declares it; undefined means "no default" (empty). */
  readonly default?: string;
  readonly required?: boolean;
  /** Values of this input are secret: masked in the log and never echoed. */
  readonly secret?: boolean;
}

export const INPUTS = [
  {
    name: 'compose-file',
    description:
      'Compose file(s), newline- or comma-separated, relative to working-directory. When the default is absent, compose.yaml, compose.yml or docker-compose.yaml is used, as Compose does.',
    default: 'docker-compose.yml',
  },
  {
    name: 'servers',
    description: 'Base URLs of the nodes, newline- or comma-separated (http://localhost:8080, ...); an entry may be named, name=url (with compose the name is a service).',
    required: true,
  },
  { name: 'cluster', description: 'compose (Replicheck starts and tears down the compose project) or external (a cluster already running; faults through fault-commands).', default: 'compose' },
  {
    name: 'fault-commands',
    description: 'YAML mapping from fault kind to { apply, heal } shell command templates with {target} and {url} (shell-quoted), e.g. pause: { apply: "kill -STOP $(cat {target}.pid)", heal: "..." }.',
    default: '',
  },
  { name: 'fault-command-timeout', description: 'Seconds one fault command may take.', default: '60' },
  {
    name: 'restart-target',
    description: 'Compose service to restart during the restart check. Empty: skip the restart check.',
    default: '',
  },
  {
    name: 'faults',
    description:
      'Faults, newline- or comma-separated: restart, stop, kill, pause, partition (cut from peers; partition:halves, :majorities-ring, :bridge, :one-way), disconnect, loss[:P%], latency:MS[/JITTER], clock[:±Ns]. Empty: none (restart-target alone runs the restart check).',
    default: '',
  },
  { name: 'fault-targets', description: 'Compose service(s) each fault is applied to, in turn; join services with + to fault them together (etcd_1+etcd_2). Empty: restart-target.', default: '' },
  { name: 'fault-schedule', description: 'sequence (one fault after another) or random (faults start and heal at random moments while the workload runs, from workload-seed).', default: 'sequence' },
  { name: 'max-memory', description: 'Memory the linearizability search may take (e.g. 512M, 2G); past it a key is unknown, never a crash. Histories with unique written values need no search.', default: '1G' },
  { name: 'fault-duration', description: 'Seconds each fault holds (stop, kill, pause, partition) before it is healed.', default: '3' },
  {
    name: 'partition-networks',
    description: "Networks a partition cuts the target off (names as in the compose file). Empty: every network of the service.",
    default: '',
  },
  {
    name: 'api',
    description: "Preset for the nodes' key-value API: kv (the example service), etcd-v3 (etcd's v3 JSON API) or etcd-v2 (etcd's v2 keys API). The inputs below override parts of it.",
    default: 'kv',
  },
  {
    name: 'key-path',
    description: "URL path template for a key; must contain {key}. Default for write-path and read-path. Empty: the preset's (kv: /key/{key}, etcd-v2: /v2/keys/{key}).",
    default: '',
  },
  { name: 'write-method', description: "HTTP method of a write: POST or PUT. Empty: the preset's (kv: POST, etcd-v2: PUT).", default: '' },
  { name: 'write-path', description: 'URL path template of a write ({key}, {value} percent-encoded). Empty: key-path.', default: '' },
  {
    name: 'read-path',
    description: "URL path template of a read, with an optional query ({key} percent-encoded). Empty: key-path (etcd-v2 adds ?quorum=true).",
    default: '',
  },
  {
    name: 'write-body',
    description: "Body template of a write. Exactly {value}: the raw value; otherwise placeholders are form-encoded in a form body, JSON-escaped in a JSON body. Empty: the preset's (kv: {value}, etcd-v2: value={value}).",
    default: '',
  },
  { name: 'write-content-type', description: "Content-Type of a write. Empty: the preset's (application/x-www-form-urlencoded).", default: '' },
  {
    name: 'headers',
    description: "Extra request headers, one 'Name: value' per line (e.g. an Authorization header from a secret). Values are masked in the log and redacted from reports.",
    default: '',
    secret: true,
  },
  {
    name: 'read-value',
    description: "Where a read's answer holds the value: body (the whole body) or a JSON pointer such as /node/value. Empty: the preset's (kv: body, etcd-v2: /node/value).",
    default: '',
  },
  { name: 'read-method', description: "GET or POST (a read with a body, e.g. etcd-v3's range request). Empty: the preset's.", default: '' },
  {
    name: 'read-body',
    description: 'Body template of a read (read-method POST); {key} or {key:base64} / {key:json}. Empty: the preset\'s (etcd-v3: {"key":"{key:base64}"}).',
    default: '',
  },
  { name: 'read-content-type', description: "Content-Type of a read with a body. Empty: the preset's (application/json).", default: '' },
  { name: 'read-value-encoding', description: "How the value at read-value is encoded: none or base64. Empty: the preset's (etcd-v3: base64).", default: '' },
  {
    name: 'adapter',
    description: 'Path of an ES module (relative to working-directory) exporting write, read and optionally cas, for APIs no template can describe. Replaces the request templates.',
    default: '',
  },
  { name: 'missing-status', description: "HTTP status(es) a node answers for a key that does not exist, comma-separated. Empty: the preset's (404).", default: '' },
  {
    name: 'value-format',
    description:
      "Values written: text (unique, readable, and carrying space, +, %41, &, =, /, ?, #, quotes, a backslash and é✓, which break mis-encoding APIs), token (letters, digits and - only) or bytes (any bytes, NUL, CR/LF and invalid UTF-8 included; needs a raw or form body and read-value body).",
    default: 'text',
  },
  {
    name: 'ready-path',
    description: 'Path polled until a node answers with a status below 500. Empty: a key path of a key that does not exist.',
    default: '',
  },
  { name: 'startup-timeout', description: 'Seconds to wait for every node to answer after compose up.', default: '180' },
  {
    name: 'convergence-timeout',
    description: 'Seconds a written value may take to reach every node.',
    default: '10',
  },
  { name: 'request-timeout', description: 'Seconds one HTTP request may take before it counts as failed.', default: '5' },
  {
    name: 'compose-version',
    description: 'Which Compose to use: auto (docker compose v2, else docker-compose v1), v2 or v1.',
    default: 'auto',
  },
  { name: 'working-directory', description: 'Directory the compose files are relative to.', default: '.' },
  {
    name: 'project-name',
    description: 'Compose project name. Empty: unique per run (run id, attempt, job and a random suffix).',
    default: '',
  },
  { name: 'build', description: 'Build images during compose up (true/false).', default: 'true' },
  { name: 'teardown', description: 'When to remove the cluster: always, on-success, never, or post (keep it for the job\'s later steps and remove it in the post step).', default: 'always' },
  { name: 'log-lines', description: 'Lines of each service log shown when a check fails.', default: '50' },
  {
    name: 'report-file',
    description: 'Where to write the JSON report. Empty: a file in RUNNER_TEMP (or the system temp directory).',
    default: '',
  },
  {
    name: 'workload',
    description:
      'Concurrent workload after the checks: none, register (random reads and writes of a few keys on random nodes, recorded as a history) or cas-register (reads, writes and compare-and-set, where the API has one).',
    default: 'none',
  },
  { name: 'workload-clients', description: 'Concurrent clients of the workload (1-64).', default: '8' },
  { name: 'workload-duration', description: 'Seconds the workload runs.', default: '10' },
  { name: 'workload-keys', description: 'How many keys the workload reads and writes (1-100).', default: '3' },
  {
    name: 'workload-seed',
    description: "Seed of the workload clients' random choices (0-2147483647). Empty: a random seed, recorded in the report.",
    default: '',
  },
  {
    name: 'consistency',
    description:
      'What the workload history must satisfy: eventual (all nodes converge to a value that can legally be last) or linearizable (checked per key).',
    default: 'eventual',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];
export type RawInputs = Record<InputName, string>;

/** Reads every declared input through `get` (trimmed), filling declared defaults for empty values. */
export function readRawInputs(get: (name: InputName) => string | undefined): RawInputs {
  const raw = {} as RawInputs;
  for (const spec of INPUTS as readonly InputSpec[]) {
    const value = (get(spec.name as InputName) ?? '').trim();
    raw[spec.name as InputName] = value === '' ? (spec.default ?? '') : value;
  }
  return raw;
}
