// etcd-v3: etcd's v3 API through its HTTP/JSON gateway (etcd 3.4 and later; the v2 API is gone in 3.6). Keys and
// values travel base64-encoded; a range request is linearizable unless its body asks for "serializable": true; a
// missing key answers 200 with no (or an empty) "kvs".
import type { Preset } from './types.js';

/** A transaction: put when the value equals the expected one; "succeeded" is true only then. */
const txn = {
  compare: [{ key: '{key:base64}', result: 'EQUAL', target: 'VALUE', value: '{expected:base64}' }],
  success: [{ requestPut: { key: '{key:base64}', value: '{value:base64}' } }],
};

export const etcdV3: Preset = {
  keyPath: '',
  writePath: '/v3/kv/put',
  readPath: '/v3/kv/range',
  writeMethod: 'POST',
  readQuery: '',
  writeBody: '{"key":"{key:base64}","value":"{value:base64}"}',
  writeContentType: 'application/json',
  readMethod: 'POST',
  readBody: '{"key":"{key:base64}"}',
  readContentType: 'application/json',
  readValue: '/kvs/0/value',
  readValueEncoding: 'base64',
  missingStatus: '404',
  refusalStatuses: '3xx,4xx',
  cas: {
    method: 'POST',
    path: '/v3/kv/txn',
    body: JSON.stringify(txn),
    contentType: 'application/json',
    swapped: ['succeeded'],
    notSwapped: [],
  },
};
