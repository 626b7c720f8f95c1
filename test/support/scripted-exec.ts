// A process runner that plays Docker and Compose from a script instead of running them: it answers the commands the
// engine sends (version, config, up, ps, inspect, down, service verbs, logs) for one project whose services are
// given with their published host ports, and records every command. The engine's unit tests use it with real
// local HTTP servers standing in for the containers.
import type { Exec, ExecOptions, ExecResult } from '../../src/exec/process.js';

export interface ScriptedService {
  readonly name: string;
  /** Host port the service publishes on 127.0.0.1 (where a test's HTTP server listens). */
  readonly hostPort: number;
  readonly containerPort?: number;
}

export interface ScriptOptions {
  readonly project: string;
  readonly services: readonly ScriptedService[];
  /** Exit code of `compose up` (default 0). */
  readonly upCode?: number;
  /** What `compose logs` prints for a service (default: `log of <service>`). */
  readonly logText?: (service: string) => string;
  /** Called on service verbs (stop, start, kill, pause, unpause, restart) so a test can act on its servers. */
  readonly onVerb?: (verb: string, service: string) => Promise<void> | void;
}

const ok = (stdout = ''): ExecResult => ({ code: 0, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 1 });
const fail = (code: number, stderr: string): ExecResult => ({ code, stdout: '', stderr, truncated: false, timedOut: false, durationMs: 1 });

export class ScriptedExec implements Exec {
  readonly calls: string[] = [];
  /** Whether the project's containers exist (after `up`, until `down` or `rm`). */
  exists = false;

  constructor(private readonly script: ScriptOptions) {}

  async run(file: string, args: readonly string[], _options?: ExecOptions): Promise<ExecResult> {
    void _options;
    const line = [file, ...args].join(' ');
    this.calls.push(line);
    const s = this.script;
    const ids = s.services.map((_, i) => `c${i}`);
    if (line === 'docker version --format {{.Server.Version}}') return ok('24.0.7\n');
    if (line === 'docker compose version --short') return ok('2.26.1\n');
    if (file === 'docker' && args[0] === 'compose') {
      const verb = args[args.indexOf('--project-directory') + 2];
      const service = args[args.indexOf('--project-directory') + 3] ?? '';
      switch (verb) {
        case 'config':
          return ok(this.config());
        case 'up':
          this.exists = (s.upCode ?? 0) === 0;
          return s.upCode ? fail(s.upCode, 'scripted up failure') : ok();
        case 'down':
          this.exists = false;
          return ok();
        case 'logs':
          return ok(s.logText ? s.logText(args[args.length - 1]!) : `log of ${args[args.length - 1]}\n`);
        case 'restart':
        case 'stop':
        case 'start':
        case 'kill':
        case 'pause':
        case 'unpause':
          await s.onVerb?.(verb, service);
          return ok();
        default:
          return fail(1, `scripted: no answer for ${line}`);
      }
    }
    const label = `label=com.docker.compose.project=${s.project}`;
    if (args.includes(label)) {
      if (args[0] === 'ps') return ok(this.exists ? ids.join('\n') : '');
      return ok('');
    }
    if (args[0] === 'inspect') return ok(JSON.stringify(this.inspect()));
    if (args[0] === 'rm' || args[0] === 'unpause') {
      this.exists = false;
      return ok();
    }
    return fail(1, `scripted: no answer for ${line}`);
  }

  private config(): string {
    const lines = ['name: ' + this.script.project, 'services:'];
    for (const svc of this.script.services) {
      lines.push(`  ${svc.name}:`, '    image: scripted', '    networks:', '      default: null', '    ports:');
      lines.push(
        `      - mode: ingress`,
        `        target: ${svc.containerPort ?? 8080}`,
        `        published: "${svc.hostPort}"`,
        `        protocol: tcp`,
      );
    }
    lines.push('networks:', '  default:', `    name: ${this.script.project}_default`);
    return `${lines.join('\n')}\n`;
  }

  private inspect(): unknown[] {
    return this.script.services.map((svc, i) => ({
      Id: `c${i}`,
      Config: { Labels: { 'com.docker.compose.project': this.script.project, 'com.docker.compose.service': svc.name } },
      NetworkSettings: {
        Ports: { [`${svc.containerPort ?? 8080}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: String(svc.hostPort) }] },
        Networks: { [`${this.script.project}_default`]: { Aliases: [svc.name] } },
      },
    }));
  }
}
