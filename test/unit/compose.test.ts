import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { globalArgs, upArgs, downArgs, restartArgs, logsArgs, type ComposeCommand } from '../../src/compose/args.js';
import { parseResolvedConfig } from '../../src/compose/config.js';
import { mapServers, bindingsFromInspect, type PortBinding } from '../../src/compose/ports.js';
import { serviceLines } from '../../src/compose/lines.js';
import { optionsFrom } from '../support/options.js';

const v2: ComposeCommand = { kind: 'v2', file: 'docker', prefix: ['compose'], version: '2.26.1' };
const v1: ComposeCommand = { kind: 'v1', file: 'docker-compose', prefix: [], version: '1.29.2' };
const project = { name: 'p1', files: ['/w/a.yml', '/w/b.yml'], directory: '/w' };

describe('compose arguments', () => {
  const cases: [string, ComposeCommand, string[], string[]][] = [
    [
      'v2 up with build',
      v2,
      upArgs(true),
      [
        'compose',
        '--project-name',
        'p1',
        '--file',
        '/w/a.yml',
        '--file',
        '/w/b.yml',
        '--project-directory',
        '/w',
        'up',
        '--detach',
        '--build',
        '--force-recreate',
        '--remove-orphans',
      ],
    ],
    [
      'v1 up without build',
      v1,
      upArgs(false),
      [
        '--project-name',
        'p1',
        '--file',
        '/w/a.yml',
        '--file',
        '/w/b.yml',
        '--project-directory',
        '/w',
        'up',
        '--detach',
        '--force-recreate',
        '--remove-orphans',
      ],
    ],
    [
      'down',
      v2,
      downArgs(5),
      [
        'compose',
        '--project-name',
        'p1',
        '--file',
        '/w/a.yml',
        '--file',
        '/w/b.yml',
        '--project-directory',
        '/w',
        'down',
        '--volumes',
        '--remove-orphans',
        '--timeout',
        '5',
      ],
    ],
    [
      'restart',
      v1,
      restartArgs('kv_4'),
      ['--project-name', 'p1', '--file', '/w/a.yml', '--file', '/w/b.yml', '--project-directory', '/w', 'restart', 'kv_4'],
    ],
    [
      'logs',
      v2,
      logsArgs('kv_0', 50),
      [
        'compose',
        '--project-name',
        'p1',
        '--file',
        '/w/a.yml',
        '--file',
        '/w/b.yml',
        '--project-directory',
        '/w',
        'logs',
        '--no-color',
        '--tail',
        '50',
        'kv_0',
      ],
    ],
  ];
  for (const [name, cmd, sub, expected] of cases) {
    test(name, () => assert.deepEqual([...globalArgs(cmd, project), ...sub], expected));
  }
});

describe('resolved compose config', () => {
  test('long syntax (Compose v2) and short syntax (Compose v1) give the same bindings', () => {
    const v2 =
      'services:\n  kv_0:\n    ports:\n      - mode: ingress\n        host_ip: 127.0.0.1\n        target: 8080\n' +
      '        published: "8080"\n        protocol: tcp\n  kv_2:\n    image: x\n';
    const v1 = 'services:\n  kv_0:\n    ports:\n    - 127.0.0.1:8080:8080/tcp\n  kv_2:\n    image: x\n';
    for (const text of [v2, v1]) {
      const r = parseResolvedConfig(text);
      assert.deepEqual(r.services, ['kv_0', 'kv_2']);
      assert.deepEqual(r.published, [{ service: 'kv_0', containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8080 }]);
      assert.equal(r.hasRandomPorts, false);
    }
  });
  test('networks per service: map form, list form, none (default) and network_mode', () => {
    const r = parseResolvedConfig(
      'services:\n  a:\n    networks:\n      client: {}\n      cluster:\n        aliases: [x]\n' +
        '  b:\n    networks: [one, two]\n  c:\n    image: x\n  d:\n    network_mode: host\n',
    );
    assert.deepEqual(r.networks, { a: ['client', 'cluster'], b: ['one', 'two'], c: ['default'], d: [] });
  });
  test('ranges, IPv6 hosts, no host ip, and random ports', () => {
    const r = parseResolvedConfig(
      'services:\n  a:\n    ports:\n    - "9000-9001:80-81"\n    - "[::1]:7000:70/udp"\n    - "5000:50"\n    - "6000"\n',
    );
    assert.deepEqual(
      r.published.map((b) => [b.hostIp, b.hostPort, b.containerPort]),
      [
        ['', 9000, 80],
        ['', 9001, 81],
        ['::1', 7000, 70],
        ['', 5000, 50],
      ],
    );
    assert.equal(r.hasRandomPorts, true);
  });
});

describe('server to service mapping', () => {
  const bindings: PortBinding[] = [
    { service: 'kv_0', containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8080 },
    { service: 'kv_2', containerPort: 8080, hostIp: '0.0.0.0', hostPort: 8082 },
    { service: 'kv_2', containerPort: 8080, hostIp: '::', hostPort: 8082 },
    { service: 'kv_4', containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8084 },
    { service: 'a', containerPort: 1, hostIp: '0.0.0.0', hostPort: 9000 },
    { service: 'b', containerPort: 1, hostIp: '0.0.0.0', hostPort: 9000 },
  ];
  test('maps by published port and host, and says why when it cannot', () => {
    const servers = optionsFrom({
      servers:
        'http://localhost:8080,http://127.0.0.1:8082,http://localhost:8084,' +
        'http://localhost:7777,http://10.1.2.3:8080,http://localhost:9000',
    }).servers;
    const m = mapServers(servers, bindings);
    assert.deepEqual(
      m.map((x) => x.service),
      ['kv_0', 'kv_2', 'kv_4', undefined, undefined, undefined],
    );
    assert.match(m[3]!.reason, /no service of the project publishes port 7777/);
    assert.match(m[5]!.reason, /published by a, b/);
  });
  test('reads bindings from docker inspect', () => {
    const b = bindingsFromInspect([
      {
        Id: 'x',
        Config: { Labels: { 'com.docker.compose.service': 'kv_0' } },
        NetworkSettings: { Ports: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '9090/tcp': null } },
      },
      { Id: 'y', Config: { Labels: {} } },
    ]);
    assert.deepEqual(b, [{ service: 'kv_0', containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8080 }]);
  });
});

describe('service lines in a compose file', () => {
  test('finds each service key line', () => {
    const text = ['# comment', 'services:', '  kv_0:', '    image: x', '', '  "kv_2":', '    image: y', 'networks:', '  kv_9: {}'].join(
      '\n',
    );
    assert.deepEqual(
      [...serviceLines(text)],
      [
        ['kv_0', 3],
        ['kv_2', 6],
      ],
    );
  });
  test('survives files it cannot parse', () => {
    assert.equal(serviceLines(':\n  - [').size, 0);
    assert.equal(serviceLines('just text').size, 0);
  });
});
