// Clock skew through libfaketime: the library from the host is mounted into the target's containers and preloaded
// (a compose override Replicheck adds before `up`), reading its offset from a file on the host that the fault
// rewrites: "+0" normally, "-30s" while the fault holds. It shifts the wall clock of dynamically linked glibc
// programs only (not static binaries such as most Go programs, nor musl images such as Alpine's); monotonic
// clocks and timers are left alone.
import { mkdir, readdir, rename, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Where Debian, Ubuntu and others install the library (multiarch directories first). */
export const FAKETIME_DIRS = [
  '/usr/lib/x86_64-linux-gnu/faketime',
  '/usr/lib/aarch64-linux-gnu/faketime',
  '/usr/lib64/faketime',
  '/usr/lib/faketime',
];
export const FAKETIME_LIB = 'libfaketimeMT.so.1';
const IN_CONTAINER_LIB = '/replicheck-faketime';
const IN_CONTAINER_CLOCK = '/replicheck-clock';

export async function findFaketime(exists: (path: string) => Promise<boolean>): Promise<string | undefined> {
  for (const dir of FAKETIME_DIRS) if (await exists(join(dir, FAKETIME_LIB))) return dir;
  return undefined;
}

/** The compose override that preloads libfaketime into `services`, each reading its own offset file. */
export function clockOverride(services: readonly string[], libDir: string, clockDir: string): string {
  const entries = Object.fromEntries(
    services.map((s) => [
      s,
      {
        volumes: [`${libDir}:${IN_CONTAINER_LIB}:ro`, `${clockDir}:${IN_CONTAINER_CLOCK}:ro`],
        environment: {
          LD_PRELOAD: `${IN_CONTAINER_LIB}/${FAKETIME_LIB}`,
          FAKETIME_TIMESTAMP_FILE: `${IN_CONTAINER_CLOCK}/${s}`,
          FAKETIME_NO_CACHE: '1',
          FAKETIME_DONT_FAKE_MONOTONIC: '1',
        },
      },
    ]),
  );
  return `# Written by Replicheck for the clock fault; removed with the project.\n${stringify({ services: entries })}`;
}

/** `-30s`, `+5s`, `+0`: the offset as libfaketime reads it. */
export function offsetText(seconds: number): string {
  if (seconds === 0) return '+0';
  return `${seconds < 0 ? '-' : '+'}${Math.abs(seconds)}s`;
}

/** Writes a service's offset atomically (a rename), so the library never reads half a file. */
export async function setOffset(clockDir: string, service: string, seconds: number): Promise<void> {
  await mkdir(clockDir, { recursive: true });
  const tmp = join(clockDir, `.${service}.tmp`);
  await writeFile(tmp, `${offsetText(seconds)}\n`, { mode: 0o644 });
  await rename(tmp, join(clockDir, service));
}

/** Puts every offset file back to +0; one line per file that would not. */
export async function resetClocks(clockDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(clockDir)).filter((n) => !n.startsWith('.') && !n.endsWith('.yml'));
  } catch {
    return [];
  }
  const problems: string[] = [];
  for (const service of names) {
    const problem = await resetClock(clockDir, service);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Puts one service's offset back to +0 and reads it back; what is wrong when it does not read +0. */
export async function resetClock(clockDir: string, service: string): Promise<string | undefined> {
  await setOffset(clockDir, service, 0).catch(() => undefined);
  const now = await readOffset(clockDir, service);
  return now === '+0' ? undefined : `${service}'s clock offset file reads ${now ?? 'nothing'}`;
}

export async function readOffset(clockDir: string, service: string): Promise<string | undefined> {
  try {
    return (await readFile(join(clockDir, service), 'utf8')).trim();
  } catch {
    return undefined;
  }
}
