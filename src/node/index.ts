/**
 * @sourceos/contracts/node: the Node-only entry. Scans files and folders for contract documents
 * and reports on them, as the `validate-contracts` command does. Built on the browser-safe core.
 */
export { scan, toDisplayPath, DEFAULT_MAX_FILE_SIZE, type ScanOptions, type ParallelOptions } from './scan/scan.js';
export { runScanWorker, isScanWorker } from './scan/worker.js';
export type { Detection, DetectionBasis, DocumentReport, LocatedIssue, ScanResult, ScanSummary, SkipKind, SkippedCounts, SkippedEntry } from './scan/types.js';
export { scanFile, type FileTarget, type FileScanOptions } from './scan/scan-file.js';
export { maxDocumentDepth } from './scan/depth-limit.js';
export { deepestContractNesting } from './scan/contract-nesting.js';
export { contractAtLocation } from './scan/contract-locations.js';
export { resolveInputs, InputError, type Input } from './walk/inputs.js';
export { walkInputs, type WalkItem, type WalkOptions } from './walk/walk.js';
export { parseJson, type ParsedJson, type ParseProblem } from './parse/parse-json.js';
export { locateJson, type JsonLayout } from './parse/json-locator.js';
export { decodeUtf8 } from './parse/decode.js';
export { LineIndex, type Position } from './parse/line-index.js';
export { reporters, formatNames, loadReporter, type FormatName } from './report/registry.js';
export { summaryLine, defineReporter, writeReport, type Reporter, type ReportOptions } from './report/reporter.js';
export { toJsonReport, REPORT_VERSION } from './report/json.js';
export { toSarif } from './report/sarif.js';
export { describeCode } from './report/code-descriptions.js';
export { main, VERSION, type CliIo } from './cli/main.js';
export {
  probeGitWorkspace,
  localGitProbeRefs,
  readGitFacts,
  createGitProbeCache,
  DEFAULT_GIT_PROBE_TTL_MS,
  DEFAULT_GIT_PROBE_CACHE_ENTRIES,
  nodeGitProbeFs,
  type GitProbeOptions,
  type GitProbeRefs,
  type GitProbeResult,
  type GitProbeCache,
  type GitProbeCacheOptions,
  type GitProbeFs,
  type GitProbeEntryKind,
} from './git-probe/index.js';
export {
  openLeaseStore,
  leaseStoreRefusals,
  leaseFileText,
  readLeaseFolder,
  pythonJson,
  MAX_LEASE_FILE_BYTES,
  type LeaseStore,
  type LeaseStoreOptions,
  type LeaseStoreOutcome,
  type LeaseStoreRecord,
  type LeaseStoreCode,
  type LeaseStoreRefusalCode,
  type LeaseListing,
  type LeaseOperation,
  type LeaseFolder,
  type UnreadableLease,
} from './lease-store/index.js';
export { runLeaseCommand } from './commands/lease.js';
export {
  compatReport,
  compareSchemaSets,
  loadSchemaSet,
  compareRuleRegistries,
  readRuleRegistry,
  renderCompat,
  changeCodes,
  CompatInputError,
  COMPAT_REPORT_VERSION,
  type CompatPaths,
  type CompatReport,
  type SchemaCompat,
  type CompatChange,
  type CompatClass,
  type ChangeCode,
  type CompatFormat,
  type SchemaSet,
  type SchemaFile,
  type RuleRegistryFile,
} from './compat/index.js';
export { runCompatCommand } from './commands/compat.js';
