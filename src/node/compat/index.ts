/** Schema evolution, classified: two sets of schemas (and rule registries) compared, every change with its class. */
export { changeCodes, compatClasses, classRank, maxClass, COMPAT_REPORT_VERSION, type ChangeCode, type CodeClass, type CompatChange, type CompatClass, type CompatReport, type SchemaCompat } from './classes.js';
export { loadSchemaSet, CompatInputError, type SchemaFile, type SchemaSet } from './load.js';
export { compareSchemaSets, withEntries } from './compare-sets.js';
export { compareRuleRegistries, readRuleRegistry, RULE_REGISTRY_ID, type RegistryEntry, type RuleRegistryFile } from './rule-registry.js';
export { compatFormats, compatJson, compatPretty, renderCompat, type CompatFormat } from './report.js';
export { compatReport, type CompatPaths } from './from-paths.js';
