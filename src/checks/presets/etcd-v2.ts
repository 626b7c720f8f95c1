// etcd-v2: etcd's v2 keys API. Reads go through Raft (quorum=true): a member cut off from the majority cannot serve
// a stale value, which is what makes the reads linearizable.
import type { Preset } from './types.js';

export const etcdV2: Preset = {
  keyPath: '/v2/keys/{key}',
  writeMethod: 'PUT',
  readQuery: '?quorum=true',
  writeBody: 'value={value}',
  writeContentType: 'application/x-www-form-urlencoded',
  readMethod: 'GET',
  readBody: '',
  readContentType: '',
  readValue: '/node/value',
  readValueEncoding: 'none',
  missingStatus: '404',
  refusalStatuses: '3xx,4xx',
  // prevValue: 412 (errorCode 101) when the value differs, 404 when the key does not exist.
  cas: {
    method: 'PUT',
    path: '/v2/keys/{key}?prevValue={expected}',
    body: 'value={value}',
    contentType: 'application/x-www-form-urlencoded',
    notSwapped: [412, 404],
  },
};
