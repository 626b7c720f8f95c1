import { join, resolve } from 'node:path';

/**
 * Where the JSON report goes: `report-file` (relative to `cwd`), else a file named after the project in the
 * runner's temp folder (or the system's). The workload history is written next to it.
 */
export function reportPath(reportFile: string | undefined, cwd: string, project: string, tempDir: string): string {
  return reportFile ? resolve(cwd, reportFile) : join(tempDir, `replicheck-${project || 'run'}.json`);
}
