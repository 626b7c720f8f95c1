// The one list of inputs. The action reads exactly these names, the CLI turns each into a `--name` flag, and
// action.yml's inputs and the README's tables are written from it (`npm run inputs`; a test fails when they differ),
// so no front end or document can drift apart from the code.

/** The groups inputs are listed in (action.yml, README, `--help`), and the part of the run each feeds. */
export const INPUT_GROUPS = ['cluster', 'api', 'faults', 'workload', 'reports'] as const;
export type InputGroup = (typeof INPUT_GROUPS)[number];

export interface InputSpec {
  readonly name: string;
  readonly group: InputGroup;
  /**
   * One text for every front end: action.yml, the README's tables and `run --help`. Literal values, names and
   * templates go in backticks; action.yml gets the text without them (the GitHub UI shows no Markdown), the README
   * keeps them as code.
   */
  readonly description: string;
  /**
   * Where more is said, as a page in docs/ and a heading on it (`faults.md: Fault kinds`); docs/inputs.md links to
   * it (`npm run inputs` refuses a page or heading that does not exist), action.yml leaves it out.
   */
  readonly see?: string;
  /** Default as action.yml declares it; undefined means "no default" (empty). */
  readonly default?: string;
  readonly required?: boolean;
  /** Values of this input are secret: masked in the log and never echoed. */
  readonly secret?: boolean;
}

export const INPUTS = [
  {
    // First: the file is read before every other input, and any of them may come from it.
    name: 'config',
    group: 'cluster',
    description:
      'A file of inputs, `replicheck.yml`, `.yaml` or `.json` (keys are the input names), the one `replicheck run` reads; ' +
      'relative to the workspace, and paths in it relative to its folder. Inputs in `with:` override it, except one written ' +
      'as its default (the runner passes every default, so it cannot be told from one left out). Empty: no file.',
    see: 'cli.md: The config file',
    default: '',
  },
  {
    name: 'servers',
    group: 'cluster',
    description:
      'Base URLs of the nodes, newline- or comma-separated (`http://localhost:8080`, ...). An entry may be named, `name=url`: ' +
      'the name is the compose service the node is (unnamed ones are matched by published port), or, with `cluster: external`, ' +
      'the name that `fault-targets` and `restart-target` use. Credentials in URLs are refused. Required, here or in `config`. ' +
      'With `adapter`, any scheme with a port (`redis://localhost:6379`, `tcp://10.0.0.5:7000`), handed to the module as written.',
  },
  {
    name: 'writers',
    group: 'cluster',
    description:
      'The nodes that take writes (a primary), newline- or comma-separated: service names, server names or server URLs. ' +
      'Replication writes on each writer and reads on every node; faults and the workload send writes to writers only. ' +
      'Empty: every node.',
    see: 'primary-replica.md: Writers',
    default: '',
  },
  {
    name: 'cluster',
    group: 'cluster',
    description:
      '`compose` (Replicheck starts and tears down the compose project) or `external` (a cluster already running: ' +
      'nothing is started or removed, and faults run through `fault-commands`).',
    see: 'run.md: Clusters Replicheck does not start',
    default: 'compose',
  },
  {
    name: 'compose-file',
    group: 'cluster',
    description:
      'Compose file(s), newline- or comma-separated, relative to `working-directory`. When the default is absent, ' +
      '`compose.yaml`, `compose.yml` or `docker-compose.yaml` is used, as Compose does.',
    default: 'docker-compose.yml',
  },
  {
    name: 'working-directory',
    group: 'cluster',
    description:
      'Folder the compose files and `adapter` are relative to: the Compose project directory, and the folder `fault-commands` run in.',
    default: '.',
  },
  {
    name: 'project-name',
    group: 'cluster',
    description:
      'Compose project name. Empty: unique per run (`replicheck-<run id>-<attempt>-<job>-<random>`), ' +
      'so parallel jobs and matrix legs never collide.',
    default: '',
  },
  {
    name: 'compose-version',
    group: 'cluster',
    description: 'Which Compose to use: `auto` (`docker compose` v2, else `docker-compose` v1), `v2` or `v1`.',
    default: 'auto',
  },
  {
    name: 'build',
    group: 'cluster',
    description: 'Build images during `compose up` (`true` or `false`).',
    default: 'true',
  },
  {
    name: 'teardown',
    group: 'cluster',
    description:
      'When to remove the cluster: `always`, `on-success` (keep a failed cluster for debugging), `never`, or `post` ' +
      "(keep it running for the job's later steps and remove it in the post step at the end of the job).",
    default: 'always',
  },
  {
    name: 'ready-path',
    group: 'cluster',
    description:
      'Path polled with `GET` until a node answers with a status below 500. ' +
      'Empty: the read request of a key that does not exist (for etcd, a quorum read).',
    default: '',
  },
  {
    name: 'startup-timeout',
    group: 'cluster',
    description: 'Seconds every node may take to answer after `compose up`, and a faulted node after it is healed.',
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
    description: 'Seconds one HTTP request may take before it is given up.',
    default: '5',
  },
  {
    name: 'api',
    group: 'api',
    description:
      "Preset for the nodes' key-value API: `kv` (the example service), `etcd-v3` (etcd's v3 JSON API) " +
      "or `etcd-v2` (etcd's v2 keys API). The inputs below override parts of it.",
    see: 'stores-and-adapters.md: Any HTTP key-value API',
    default: 'kv',
  },
  {
    name: 'key-path',
    group: 'api',
    description:
      'URL path template of a key; must contain `{key}` (percent-encoded into place). The default of `write-path` and `read-path`. ' +
      "Empty: the preset's (kv: `/key/{key}`, etcd-v2: `/v2/keys/{key}`; etcd-v3 has none, its key travels in the bodies).",
    default: '',
  },
  {
    name: 'write-method',
    group: 'api',
    description: "HTTP method of a write: `POST` or `PUT`. Empty: the preset's (kv and etcd-v3: `POST`, etcd-v2: `PUT`).",
    default: '',
  },
  {
    name: 'write-path',
    group: 'api',
    description:
      'URL path template of a write (`{key}` and `{value}` percent-encoded); may leave `{key}` to `write-body`. ' +
      'Empty: `key-path` (etcd-v3: `/v3/kv/put`).',
    default: '',
  },
  {
    name: 'write-body',
    group: 'api',
    description:
      'Body template of a write with `{key}` and `{value}` (or `{value:base64}`, `{value:json}`). Exactly `{value}`: the raw value; ' +
      'otherwise placeholders are form-encoded in a form body, JSON-escaped in a JSON body. ' +
      "Empty: the preset's (kv: `{value}`, etcd-v2: `value={value}`, etcd-v3: JSON with the key and value in base64).",
    default: '',
  },
  {
    name: 'write-content-type',
    group: 'api',
    description: "`Content-Type` of a write. Empty: the preset's (`application/x-www-form-urlencoded`; etcd-v3: `application/json`).",
    default: '',
  },
  {
    name: 'read-method',
    group: 'api',
    description:
      "HTTP method of a read: `GET`, or `POST` for a read with a body (e.g. etcd-v3's range request). " +
      "Empty: the preset's (`GET`; etcd-v3: `POST`).",
    default: '',
  },
  {
    name: 'read-path',
    group: 'api',
    description:
      'URL path template of a read, with an optional query (`{key}` percent-encoded); may leave `{key}` to `read-body`. ' +
      'Empty: `key-path` (etcd-v2 adds `?quorum=true`; etcd-v3: `/v3/kv/range`).',
    default: '',
  },
  {
    name: 'read-body',
    group: 'api',
    description:
      'Body template of a read with `read-method: POST`: `{key}`, `{key:base64}` or `{key:json}` where the key goes. ' +
      'Empty: the preset\'s (etcd-v3: `{"key":"{key:base64}"}`; none for a `GET`).',
    default: '',
  },
  {
    name: 'read-content-type',
    group: 'api',
    description: '`Content-Type` of a read with a body. Empty: `application/json`.',
    default: '',
  },
  {
    name: 'read-value',
    group: 'api',
    description:
      "Where a read's answer holds the value: `body` (the whole body) or a JSON pointer such as `/node/value`. " +
      "Empty: the preset's (kv: `body`, etcd-v2: `/node/value`, etcd-v3: `/kvs/0/value`).",
    default: '',
  },
  {
    name: 'read-value-encoding',
    group: 'api',
    description: "How the value at `read-value` is encoded: `none` or `base64`. Empty: the preset's (`none`; etcd-v3: `base64`).",
    default: '',
  },
  {
    name: 'missing-status',
    group: 'api',
    description:
      'HTTP status(es) a node answers for a key that does not exist, comma-separated (100-599, not 200). ' + "Empty: the preset's (`404`).",
    default: '',
  },
  {
    name: 'refusal-statuses',
    group: 'api',
    description:
      'HTTP statuses that mean a write certainly did not take effect, comma-separated: single statuses (`409`), ranges ' +
      '(`400-499`) or classes (`4xx`). Any other failed answer (another 5xx, a timeout, a connection lost after sending) is ' +
      "indeterminate: the write may or may not have happened, and no judge counts it either way. Empty: the preset's (`3xx,4xx`).",
    default: '',
  },
  {
    name: 'headers',
    group: 'api',
    description:
      'Extra request headers, one `Name: value` line per header, sent with every request (e.g. an `Authorization` header ' +
      'from a secret). Values are masked in the log and redacted from reports.',
    default: '',
    secret: true,
  },
  {
    name: 'adapter',
    group: 'api',
    description:
      'Path of an ES module (relative to `working-directory`) exporting `write`, `read` and optionally `cas` and `ready`, ' +
      'for APIs no template can describe, over HTTP or any other protocol. Replaces the request templates (`headers` still apply).',
    see: 'stores-and-adapters.md: Any API through an adapter module',
    default: '',
  },
  {
    name: 'value-format',
    group: 'api',
    description:
      'Values written: `text` (unique, readable, and carrying space, `+`, `%41`, `&`, `=`, `/`, `?`, `#`, quotes, a backslash ' +
      'and `é✓`, which break mis-encoding APIs), `token` (letters, digits and `-` only) or `bytes` (any bytes, NUL, CR/LF ' +
      'and invalid UTF-8 included; needs a raw or form write body, and `read-value: body` or `read-value-encoding: base64`, ' +
      'unless an `adapter` sends them).',
    see: 'stores-and-adapters.md: Values that exercise encodings',
    default: 'text',
  },
  {
    name: 'restart-target',
    group: 'faults',
    description:
      'Compose service to restart during the restart check (with `cluster: external`, a server name, restarted through ' +
      '`fault-commands`). Empty: no restart check. With `faults` set, it is only the default of `fault-targets`.',
    default: '',
  },
  {
    name: 'faults',
    group: 'faults',
    description:
      'Faults, newline- or comma-separated: `restart`, `stop`, `kill`, `pause`, `partition` (cut from its peers; ' +
      '`partition:halves`, `:majorities-ring` and `:bridge` split the whole cluster, `:one-way` cuts what the target receives), ' +
      '`disconnect`, `loss[:P%]`, `latency:MS[/JITTER]`, `clock[:±Ns]`. Empty: none (`restart-target` alone runs the restart check).',
    see: 'faults.md: Fault kinds',
    default: '',
  },
  {
    name: 'fault-targets',
    group: 'faults',
    description:
      'Compose service(s) each fault is applied to, in turn, newline- or comma-separated (with `cluster: external`, server names); ' +
      'join services with `+` to fault them together (`etcd_1+etcd_2`). Empty: `restart-target`.',
    see: 'faults.md: Several services at once',
    default: '',
  },
  {
    name: 'fault-duration',
    group: 'faults',
    description: 'Seconds each fault holds before it is healed (not `restart`, which holds as long as the restart takes).',
    default: '3',
  },
  {
    name: 'fault-schedule',
    group: 'faults',
    description:
      '`sequence` (one fault after another), `random` (faults start and heal at random moments while the workload runs, ' +
      'placed from `seed`; needs a `workload`), or an explicit schedule: lines `at <T>s <fault> <target> for <D>s`, ' +
      'newline- or `;`-separated (`at 1s pause kv_2 for 5s; at 2s kill kv_4 for 1s`; `<fault>` as in `faults`, `<target>` ' +
      'a service, `a+b`, or `cluster` for `partition:halves` and the like), run against the workload clock (needs a ' +
      '`workload`; `faults` and `fault-targets` stay empty).',
    see: 'schedules-and-shrinking.md: Explicit schedules',
    default: 'sequence',
  },
  {
    name: 'shrink',
    group: 'faults',
    description:
      'After a failed run with a `random` or explicit schedule: at most this many reruns, on the same cluster, of smaller ' +
      'schedules (fewer faults, shorter, closer together) that fail the same way; the smallest is the `minimal-schedule` ' +
      'output. 0: no shrinking.',
    see: 'schedules-and-shrinking.md: Shrinking a failing schedule',
    default: '0',
  },
  {
    name: 'shrink-budget',
    group: 'faults',
    description: 'Seconds the shrinking reruns may take in all; no rerun starts once it is spent.',
    default: '600',
  },
  {
    name: 'liveness-timeout',
    group: 'faults',
    description:
      'Seconds each node that is up has, once the faults of faults or fault-schedule healed, to acknowledge a fresh ' +
      'write and return it; a node that does not fails a liveness check, reported apart from lost or stale data. 0: no ' +
      'liveness phase.',
    see: 'schedules-and-shrinking.md: Liveness apart from safety',
    default: '10',
  },
  {
    name: 'partition-networks',
    group: 'faults',
    description:
      'Networks the `disconnect` fault cuts the target from, as named in the compose file (or full names). ' +
      'Empty: every network of the service.',
    default: '',
  },
  {
    name: 'fault-commands',
    group: 'faults',
    description:
      'With `cluster: external`: a YAML mapping from fault kind to `{ apply, heal }` shell command templates with `{target}` ' +
      '(the server name) and `{url}` (its base URL), shell-quoted, e.g. ' +
      '`pause: { apply: "kill -STOP $(cat {target}.pid)", heal: "..." }`. Every fault used needs an entry.',
    see: 'run.md: Clusters Replicheck does not start',
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
      'Concurrent workload, recorded as a history: `none`, `register` (random reads and writes of a few keys on random nodes) ' +
      'or `cas-register` (reads, writes and compare-and-set, where the API has one). ' +
      'It runs after the replication checks, with the faults (or the restart check) inside it: the clients go on for the whole ' +
      'duration and for as long as the faults take.',
    see: 'workload.md: The register workload',
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
    description: 'Seconds the workload runs at least (with faults inside it, it goes on until the last fault has healed).',
    default: '10',
  },
  {
    name: 'workload-keys',
    group: 'workload',
    description: 'How many keys the workload reads and writes (1-100).',
    default: '3',
  },
  {
    name: 'workload-timeout',
    group: 'workload',
    description:
      'Seconds one workload operation may take. Past it the operation is indeterminate (it may or may not have taken ' +
      'effect) and its client goes on as a new process, so a node that hangs costs a client little and the other nodes ' +
      'stay busy. Every other request has `request-timeout`.',
    default: '1',
  },
  {
    name: 'seed',
    group: 'workload',
    description:
      "Seed of every random choice of the run (0-2147483647): the workload clients' operations, nodes and keys, the random " +
      'part of every value, where `fault-schedule: random` places the faults, and how a cluster-wide partition splits the ' +
      'nodes. The report and the `seed` output record it; the same seed and inputs make the same choices. ' +
      'Empty: `workload-seed` when set, else a random seed.',
    default: '',
  },
  {
    name: 'workload-seed',
    group: 'workload',
    description: 'The older name of `seed`, still read: used when `seed` is empty (both set must agree).',
    default: '',
  },
  {
    name: 'consistency',
    group: 'workload',
    description:
      'The claim the whole run is judged by: the replication checks, every fault, the workload and the sweep. Weakest first: ' +
      '`eventual`, `read-your-writes`, `monotonic-reads`, `monotonic-writes`, `writes-follow-reads`, `pram`, `causal`, ' +
      '`sequential` (per key) or `linearizable`. Under anything below `linearizable` a node that answers from its own copy ' +
      'while a fault cuts it off is reported, not failed, and must converge once healed. Every workload history is also ' +
      'checked against every model; the strongest that held is the `strongest-model` output.',
    see: 'consistency.md: The ladder',
    default: 'eventual',
  },
  {
    name: 'workload-sessions',
    group: 'workload',
    description:
      '`roaming`: each workload operation goes to a random node; `sticky`: each client stays on one node, as an application ' +
      'client does through one connection. Session guarantees are judged per client either way.',
    see: 'consistency.md: Sessions',
    default: 'roaming',
  },
  {
    name: 'max-memory',
    group: 'workload',
    description:
      'Memory the linearizability check may take, all keys together (e.g. `512M`, `2G`; at least 16 MiB); past it a key is ' +
      '`unknown`, never a crash. Histories with unique written values need no search.',
    default: '1G',
  },
  {
    name: 'report-file',
    group: 'reports',
    description: 'Where to write the JSON report. Empty: a file in `RUNNER_TEMP` (or the system temp directory).',
    default: '',
  },
  {
    name: 'log-lines',
    group: 'reports',
    description: "Lines of each service's log shown when a check fails (0: none).",
    default: '50',
  },
] as const satisfies readonly InputSpec[];

export type InputName = (typeof INPUTS)[number]['name'];

/** A description as places without Markdown show it (action.yml in the GitHub UI, `--help`): code marks dropped. */
export function plainDescription(spec: Pick<InputSpec, 'description'>): string {
  return spec.description.replaceAll('`', '');
}
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
