// A Replicheck adapter module for the revision-based document store in this folder (CouchDB's update rule: an
// update names the revision it replaces). Use it with:
//
//   - uses: replicheck/replicheck@v0
//     with:
//       working-directory: examples/revkv
//       servers: http://localhost:5984, http://localhost:5985, http://localhost:5986
//       adapter: adapter.mjs
//
// Replicheck calls these with the node's base URL, the key, the value, and a `fetch` that applies the run's
// request timeout, body cap and headers; a path given to it is taken relative to the node.

const path = (key) => `/docs/${encodeURIComponent(key)}`;
const json = { 'content-type': 'application/json' };

/** The document as the node has it, or null when it has none. */
async function get(fetch, key) {
  const r = await fetch(path(key));
  if (r.status === 404) return null;
  if (r.status !== 200) throw new Error(`GET ${path(key)} answered ${r.status}: ${r.text().slice(0, 200)}`);
  return r.json();
}

/** Puts `value` over revision `rev` (undefined: create); true when the node took it, false on a conflict. */
async function put(fetch, key, value, rev) {
  const r = await fetch(path(key), { method: 'PUT', headers: json, body: JSON.stringify({ value, ...(rev ? { _rev: rev } : {}) }) });
  if (r.status === 201) return true;
  if (r.status === 409) return false;
  throw new Error(`PUT ${path(key)} answered ${r.status}: ${r.text().slice(0, 200)}`);
}

/** A write: read the current revision, then replace it; a conflict (someone else wrote meanwhile) is retried. */
export async function write({ key, value, fetch }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await get(fetch, key);
    if (await put(fetch, key, value, doc?._rev)) return true;
  }
  return false;
}

export async function read({ key, fetch }) {
  const doc = await get(fetch, key);
  return doc === null ? null : doc.value;
}

/**
 * Compare-and-set: the value must be `expected` at the revision that is replaced. A conflict means the document
 * changed between the read and the put; read again and compare again.
 */
export async function cas({ key, expected, value, fetch }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await get(fetch, key);
    if (doc === null || doc.value !== expected) return false;
    if (await put(fetch, key, value, doc._rev)) return true;
  }
  throw new Error('the document kept changing under five compare-and-set attempts');
}
