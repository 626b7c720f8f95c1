// Public entry points of the linearizability checker.

export {
  HISTORY_SCHEMA_VERSION,
  MODEL_NAMES,
  MODEL_FUNCTIONS,
  OP_FUNCTIONS,
  HistoryError,
  historyToJson,
  inferModel,
  isModelName,
  validateHistory,
} from './history.js';
export type { History, HistoryOperation, ModelName, NemesisEvent, OpFunction, OpType, Value } from './history.js';
export { DEFAULT_MAX_MEMORY_BYTES, checkHistory } from './check.js';
export type { CheckOptions, CheckResult, KeyResult, OperationCounts, Verdict } from './check.js';
export { detectFormat, parseEdnHistory, parseHistoryText, parseJepsenLog, parseJsonHistory } from './parse.js';
export type { HistoryFormat, ParseOptions, ParsedHistory } from './parse.js';
export { readEdn, readEdnForms, toEdn } from './edn.js';
export type { ToEdnOptions } from './edn.js';
export { appendValue, defaultInitialValue, step } from './model.js';
export { formatOperation, formatWitness } from './witness.js';
export type { Witness, WitnessOperation, WitnessRole } from './witness.js';
export { Budget, BudgetExceeded, formatBytes } from './budget.js';
export type { BudgetOptions, BudgetReason } from './budget.js';
export { escapeText, quoteText } from './display.js';
export { ValueTable } from './value-table.js';
