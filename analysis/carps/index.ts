export { exportParquet } from './exportParquet.js';
export { importCarps, readCarps, type ImportSummary } from './importCarps.js';
export { readLogsParquet } from './readLogsParquet.js';
export { readTrialLog, findTrialLogs, parseJsonLenient } from './readTrialLogs.js';
export { formatPythonLiteral, parsePythonLiteral } from './pythonLiteral.js';
export { PARQUET_COLUMNS, CARPS_STATUS, statusFromCarps, benchmarkId, carpsTaskType } from './columns.js';
export type { ImportedRun, ImportedTrial } from './importedRun.js';
