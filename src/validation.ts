// The validation half of the core: contracts, validate, detection, rules (everything but the state
// machines). The CLI's scan imports this alone, so that it does not load code it will not run.
export * from '../generated/types/index.js';
export { contracts, type Contracts, CapabilityLedger, BrowserAutomationReceipt, GitWorkspaceState, OrphanEventReceipt, RuntimeInstallReceipt, Lease, Signal } from './contracts.js';
export { ContractValidationError, defineContract, type Contract, type ContractValidateOptions } from './contract.js';
export { validate, type ValidateOptions } from './validate.js';
export { classifyDocument, contractIdPrefixes, detectContract, detectionOf, SHAPE_TAKEN, SHAPE_WARNED, type Classification, type ContractDetection, type CoreBasis, type NotOurs } from './detect.js';
export { nameMiss, nearestName, normalizeName, type NameMiss } from './detection/names.js';
export { hasError, type Issue, type Severity, type ValidationResult } from './issue.js';
export { escapeToken, pointerTokens, resolvePointer, toPointer } from './json-pointer.js';
export { ruleAnnotations, type RuleAnnotation } from './rule-annotations.js';
export { STANDARD_VENDOR, type StandardSchemaV1 } from './standard-schema.js';
export type { Rule, RuleContext, RuleFinding } from './rules/rule.js';
export { codeRules, ruleRegistry, schemaRules, type AnyRule, type RuleInfo, type RuleLocation } from './rules/index.js';
