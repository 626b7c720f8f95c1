// Finds the line of each service in a compose file, so an annotation about a service lands on its definition
// in the pull request diff. The yaml parser gives positions; Compose itself stays the authority on meaning.
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

export function serviceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  } catch {
    return lines;
  }
  const services = doc.get('services', true);
  if (!isMap(services)) return lines;
  for (const pair of services.items) {
    const key = pair.key;
    if (isScalar(key) && key.range) {
      lines.set(String(key.value), counter.linePos(key.range[0]).line);
    }
  }
  return lines;
}
