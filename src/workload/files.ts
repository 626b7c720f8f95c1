// Where the workload history is written: next to the JSON report, as the checker's own JSON form and as Jepsen
// EDN op maps (keys as `[key value]` tuples, the form jepsen.independent hands to Knossos per key).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { historyToJson, toEdn, type History } from '../linearizability/index.js';
import type { HistorySink } from './phase.js';

/** `report.json` -> `report.history.json` and `report.history.edn`. */
export function historyPaths(reportPath: string): { json: string; edn: string } {
  const base = reportPath.replace(/\.json$/i, '');
  return { json: `${base}.history.json`, edn: `${base}.history.edn` };
}

export function fileHistorySink(reportPath: string): HistorySink {
  return async (history: History) => {
    const paths = historyPaths(reportPath);
    await mkdir(dirname(paths.json), { recursive: true });
    await writeFile(paths.json, historyToJson(history));
    await writeFile(paths.edn, toEdn(history, { keys: 'independent' }));
    return paths;
  };
}
