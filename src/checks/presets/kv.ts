// kv: the example service (examples/kv) and the shell harness it replaces: the raw value as the body, labelled as a
// form, read back whole.
import type { Preset } from './types.js';

export const kv: Preset = {
  keyPath: '/key/{key}',
  writeMethod: 'POST',
  readQuery: '',
  writeBody: '{value}',
  writeContentType: 'application/x-www-form-urlencoded',
  readMethod: 'GET',
  readBody: '',
  readContentType: '',
  readValue: 'body',
  readValueEncoding: 'none',
  missingStatus: '404',
  refusalStatuses: '3xx,4xx',
};
