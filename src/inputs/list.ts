// The one list of inputs. The action reads exactly these names (and a test holds action.yml to the same list);
// the CLI turns each into a `--name` flag, so the two front ends cannot drift apart.

/** The groups inputs are listed in (action.yml, README, `--help`), and the part of the run each feeds. */
export const INPUT_GROUPS = ['cluster', 'api', 'faults', 'workload', 'reports'] as const;
export type InputGroup = (typeof INPUT_GROUPS)[number];

export interface InputSpec {
  readonly name: string;
  readonly group: InputGroup;
  readonly description: string;
  /** Default as action.yml declares it; undefined means "no default" (empty). */
  readonly default?: string;
  readonly required?: boolean;
  /** Values of this input are secret: masked in the log and never echoed. */
  readonly secret?: boolean;
}

export const INPUTS = [
  {
    name: 'servers',
    group: 'cluster',
    description:
      'Base URLs of the nodes, newline- or comma-separated (http://localhost:8080, ...); an entry may be named, name=url (with compose the name is a service).',
    required: true,
  },
  {
    name: 'cluster',
    group: 'cluster',
    description:
      'compose (Replicheck starts and tears down the compose project) or external (a cluster already running; faults through fault-commands).',
    default: 'compose',
  },
  {
    name: 'compose-file',
    group: 'cluster',
    description:
      'Compose file(s), newline- or comma-separated, relative to working-directory. When the default is absent, compose.yaml, compose.yml or docker-compose.yaml is used, as Compose does.',
    default: 'docker-compose.yml',
  },
  {
    name: 'working-directory',
    group: 'cluster',
    description: 'Directory the compose files are relative to.',
    default: '.',
  },
  {
    name: 'project-name',
    group: 'cluster',
    description: 'Compose project name. Empty: unique per run (run id, attempt, job and a random suffix).',
    default: '',
  },
  {
    name: 'compose-version',
    group: 'cluster',
    description: 'Which Compose to use: auto (docker compose v2, else docker-compose v1), v2 or v1.',
    default: 'auto',
  },
  {
    name: 'build',
    group: 'cluster',
    description: 'Build images during compose up (true/false).',
    default: 'true',
  },
  {
    name: 'teardown',
    group: 'cluster',
    description:
      "When to remove the cluster: always, on-success, never, or post (keep it for the job's later steps and remove it in the post step).",
    default: 'always',
  },
  {
    name: 'ready-path',
    group: 'cluster',
    description: 'Path polled until a node answers with a status below 500. Empty: a key path of a key that does not exist.',
    default: '',
  },
  {
    name: 'startup-timeout',
    group: 'cluster',
    description: 'Seconds to wait for every node to answer after compose up.',
    default: '180',
  },
  {
    name: 'convergence-timeout',
    group: 'cluster',
    description: 'Seconds a written value may take to reach every node.',
    default: '10',
  },
  {
    name: 'request-timeout',
    group: 'cluster',
    description: 'Seconds one HTTP request may take before it counts as failed.',
    default: '5',
  },
  {
    name: 'api',
    group: 'api',
    description:
      "Preset for the nodes' key-value API: kv (the example service), etcd-v3 (etcd's v3 JSON API) or etcd-v2 (etcd's v2 keys API). The inputs below override parts of it.",
    default: 'kv',
  },
  {
    name: 'key-path',
    group: 'api',
    description:
      "URL path template for a key; must contain {key}. Default for write-path and read-path. Empty: the preset's (kv: /key/{key}, etcd-v2: /v2/keys/{key}).",
    default: '',
  },
  {
    name: 'write-method',
    group: 'api',
    description: "HTTP method of a write: POST or PUT. Empty: the preset's (kv: POST, etcd-v2: PUT).",
    default: '',
  },
  {
    name: 'write-path',
    group: 'api',
    description: 'URL path template of a write ({key}, {value} percent-encoded). Empty: key-path.',
    default: '',
  },
  {
    name: 'write-body',
    group: 'api',
    description:
      "Body template of a write. Exactly {value}: the raw value; otherwise placeholders are form-encoded in a form body, JSON-escaped in a JSON body. Empty: the preset's (kv: {value}, etcd-v2: value={value}).",
    default: '',
  },
  {
    name: 'write-content-type',
    group: 'api',
    description: "Content-Type of a write. Empty: the preset's (application/x-www-form-urlencoded).",
    default: '',
  },
  {
    name: 'read-method',
    group: 'api',
    description: "GET or POST (a read with a body, e.g. etcd-v3's range request). Empty: the preset's.",
    default: '',
  },
  {
    name: 'read-path',
    group: 'api',
    description:
      'URL path template of a read, with an optional query ({key} percent-encoded). Empty: key-path (etcd-v2 adds ?quorum=true).',
    default: '',
  },
  {
    name: 'read-body',
    group: 'api',
    description:
      'Body template of a read (read-method POST); {key} or {key:base64} / {key:json}. Empty: the preset\'s (etcd-v3: {"key":"{key:base64}"}).',
    default: '',
  },
  {
    name: 'read-content-type',
    group: 'api',
    description: "Content-Type of a read with a body. Empty: the preset's (application/json).",
    default: '',
  },
  {
    name: 'read-value',
    group: 'api',
    description:
      "Where a read's answer holds the value: body (the whole body) or a JSON pointer such as /node/value. Empty: the preset's (kv: body, etcd-v2: /node/value).",
    default: '',
  },
  {
    name: 'read-value-encoding',
    group: 'api',
    description: "How the value at read-value is encoded: none or base64. Empty: the preset's (etcd-v3: base64).",
    default: '',
  },
  {
    name: 'missing-status',
    group: 'api',
    description: "HTTP status(es) a node answers for a key that does not exist, comma-separated. Empty: the preset's (404).",
    default: '',
  },
  {
    name: 'headers',
    group: 'api',
    description:
      "Extra request headers, one 'Name: value' per line (e.g. an Authorization header from a secret). Values are masked in the log and redacted from reports.",
    default: '',
    secret: true,
  },
  {
    name: 'adapter',
    group: 'api',
    description:
      'Path of an ES module (relative to working-directory) exporting write, read and optionally cas, for APIs no template can describe. Replaces the request templates.',
    default: '',
  },
  {
    name: 'value-format',
    group: 'api',
    description:
      'Values written: text (unique, readable, and carrying space, +, %41, &, =, /, ?, #, quotes, a backslash and é✓, which break mis-encoding APIs), token (letters, digits and - only) or bytes (any bytes, NUL, CR/LF and invalid UTF-8 included; needs a raw or form body and read-value body).',
    default: 'text',
  },
  {
    name: 'restart-target',
    group: 'faults',
    description: 'Compose service to restart during the restart check. Empty: skip the restart check.',
    default: '',
  },
  {
    name: 'faults',
    group: 'faults',
    description:
      'Faults, newline- or comma-separated: restart, stop, kill, pause, partition (cut from peers; partition:halves, :majorities-ring, :bridge, :one-way), disconnect, loss[:P%], latency:MS[/JITTER], clock[:±Ns]. Empty: none (restart-target alone runs the restart check).',
    default: '',
  },
  {
    name: 'fault-targets',
    group: 'faults',
    description:
      'Compose service(s) each fault is applied to, in turn; join services with + to fault them together (etcd_1+etcd_2). Empty: restart-target.',
    default: '',
  },
  {
    name: 'fault-duration',
    group: 'faults',
    description: 'Seconds each fault holds (stop, kill, pause, partition) before it is healed.',
    default: '3',
  },
  {
    name: 'fault-schedule',
    group: 'faults',
    description:
      'sequence (one fault after another) or random (faults start and heal at random moments while the workload runs, from workload-seed).',
    default: 'sequence',
  },
  {
    name: 'partition-networks',
    group: 'faults',
    description: 'Networks a partition cuts the target off (names as in the compose file). Empty: every network of the service.',
    default: '',
  },
  {
    name: 'fault-commands',
    group: 'faults',
    description:
      'YAML mapping from fault kind to { apply, heal } shell command templates with {target} and {url} (shell-quoted), e.g. pause: { apply: "kill -STOP $(cat {target}.pid)", heal: "..." }.',
    default: '',
  },
  {
    name: 'fault-command-timeout',
    group: 'faults',
    description: 'Seconds one fault command may take.',
    default: '60',
  },
  {
    name: 'workload',
    group: 'workload',
    description:
      'Concurrent workload after the checks: none, register (random reads and writes of a few keys on random nodes, recorded as a history) or cas-register (reads, writes and compare-and-set, where the API has one).',
    default: 'none',
  },
  {
    name: 'workload-clients',
    group: 'workload',
    description: 'Concurrent clients of the workload (1-64).',
    default: '8',
  },
  {
    name: 'workload-duration',
    group: 'workload',
    description: 'Seconds the workload runs.',
    default: '10',
  },
  {
    name: 'workload-keys',
    group: 'workload',
    description: 'How many keys the workload reads and writes (1-100).',
    default: '3',
  },
  {
    name: 'workload-seed',
    group: 'workload',
    description: "Seed of the workload clients' random choices (0-2147483647). Empty: a random seed, recorded in the report.",
    default: '',
  },
  {
    name: 'consistency',
    group: 'workload',
    description:
      'What the workload history must satisfy: eventual (all nodes converge to a value that can legally be last) or linearizable (checked per key).',
    default: 'eventual',
  },
  {
    name: 'max-memory',
    group: 'workload',
    description:
      'Memory the linearizability search may take (e.g. 512M, 2G); past it a key is unknown, never a crash. Histories with unique written values need no search.',
    default: '1G',
  },
  {
    name: 'report-file',
    group: 'reports',
    description: 'Where to write the JSON report. Empty: a file in RUNNER_TEMP (or the system temp directory).',
    default: '',
  },
  {
    name: 'log-lines',
    group: 'reports',
    description: 'Lines of each service log shown when a check fails.',
    default: '50',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];
export type RawInputs = Record<InputName, string>;
/** The inputs of one group: what the parser of that part of the options may read, and nothing else. */
export type GroupInputs<G extends InputGroup> = Pick<RawInputs, Extract<(typeof INPUTS)[number], { group: G }>['name']>;

/** Reads every declared input through `get` (trimmed), filling declared defaults for empty values. */
export function readRawInputs(get: (name: InputName) => string | undefined): RawInputs {
  const raw = {} as RawInputs;
  for (const spec of INPUTS as readonly InputSpec[]) {
    const value = (get(spec.name as InputName) ?? '').trim();
    raw[spec.name as InputName] = value === '' ? (spec.default ?? '') : value;
  }
  return raw;
}
