// Where the workload history is written: next to the JSON report, as the checker's own JSON form and as Jepsen
// EDN op maps (keys as `[key value]` tuples, the form jepsen.independent hands to Knossos per key).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { historyToJson, toEdn, type History } from '../linearizability/index.js';
import type { HistorySink } from '../workload/phase.js';
import { renderHistoryPage } from '../report/page/history-page.js';

/** `report.json` -> `report.history.json`, `report.history.edn` and the page, `report.history.html`. */
export function historyPaths(reportPath: string): { json: string; edn: string; html: string } {
  const base = reportPath.replace(/\.json$/i, '');
  return { json: `${base}.history.json`, edn: `${base}.history.edn`, html: `${base}.history.html` };
}

export function fileHistorySink(reportPath: string, title = 'Replicheck workload history'): HistorySink {
  return async (history: History, results, consistency, models) => {
    const paths = historyPaths(reportPath);
    await mkdir(dirname(paths.json), { recursive: true });
    await writeFile(paths.json, historyToJson(history));
    await writeFile(paths.edn, toEdn(history, { keys: 'independent' }));
    await writeFile(paths.html, renderHistoryPage({ title, history, consistency, results, ...(models ? { models } : {}) }));
    return paths;
  };
}
