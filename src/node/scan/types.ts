/** What a scan finds: documents with located issues, skipped entries, and the facts cross-document checks need. */
import type { ContractName, CoreBasis, Severity } from '../../validation.js';
import type { Instant } from '../../rules/instant.js';

/**
 * What decided a document's contract, in order of authority: `option` (--contract), `config`
 * (.contracts.json), `location` (the place the estate keeps the contract's documents), `type`,
 * `shape`; `evidence` for a document meant to be a contract but broken; `none` when nothing did.
 */
export type DetectionBasis = 'option' | 'config' | 'location' | CoreBasis;

/** How a document's contract was decided, and why in plain words. */
export interface Detection {
  readonly by: DetectionBasis;
  readonly reason: string;
}

/** The one skip reason too common to list unless every entry is asked for (`--verbose`); `detection` says why. */
export const NOT_A_CONTRACT = 'not a contract document';

/** For a file that could not be read or decoded: nothing was decided. */
export const UNREAD: Detection = { by: 'none', reason: 'the file could not be read' };
/** For a document that does not parse, where nothing outranks the document. */
export const UNPARSED: Detection = { by: 'none', reason: 'the document does not parse' };

/** An issue with the place in the file where it is: 1-based line and column (UTF-16 code units). */
export interface LocatedIssue {
  code: string;
  severity: Severity;
  pointer: string;
  message: string;
  line: number;
  column: number;
}

/** The small facts of a document that checks across documents need; nothing else is kept. */
export interface DocumentFacts {
  /** The `id` of a SourceOS document (or of one with an unknown type and a urn:srcos: id). */
  id?: string;
  /**
   * With `id`: the fingerprint of the document's content (content-fingerprint.ts), to tell a copy
   * from a different document. Taken at once for a log's line and standard input; for a file, only
   * if its id is found again, by reading the file again (cross-checks.ts): ids are seldom repeated.
   */
  content?: number;
  /** The `id` of a CapabilityLedger. */
  ledgerId?: string;
  /** The `capabilityLedgerRef` a document names. */
  ledgerRef?: string;
  /** A signal's `header.id`. */
  signalId?: string;
  /** A lease's domain, expiry (by the package's RFC 3339 parser, leap seconds included) and override flag, with the folder its budget is read from. */
  lease?: { domain: string; expiresAt: Instant; override: boolean; root: string };
}

export interface ScannedDocument {
  /** 1-based line where the document starts. */
  line: number;
  contract: ContractName | null;
  detection: Detection;
  ok: boolean;
  issues: LocatedIssue[];
  facts?: DocumentFacts;
  /**
   * Issues not listed but counted: those past the per-document limit (one `scan/more-issues` issue
   * says how many), and warnings when the scan lists none (FileScanOptions.listWarnings).
   */
  omitted?: { errors: number; warnings: number };
}

/**
 * Why an entry was skipped, for the summary's counts: a SourceOS document of another family
 * (`sourceos`), text that does not parse as JSON and that nothing says is ours (`not-json`), or
 * other JSON (`json`). Entries skipped for other reasons (ignored, a link not followed) have none.
 * Entries with a kind are listed only when every entry is asked for (`--verbose`, the JSON report).
 */
export type SkipKind = 'sourceos' | 'not-json' | 'json';

export interface SkippedEntry {
  file: string;
  reason: string;
  /** For a document that is no contract: what decided so. */
  detection?: Detection;
  kind?: SkipKind;
}

/** The skipped entries counted by why: `other` for entries without a kind. */
export interface SkippedCounts {
  otherSourceOS: number;
  notJson: number;
  otherJson: number;
  other: number;
}

/** Everything found in one file (or standard input). */
export interface FileScan {
  /** The path as shown: relative to the working folder, `/`-separated. */
  file: string;
  /** Where to read it again: an absolute path, or `-` for standard input. */
  source: string;
  documents: ScannedDocument[];
  skipped: SkippedEntry[];
  /** Device and inode of a file with more than one name (a hard link), so that it is counted once. */
  identity?: string;
}

/** A document as reporters see it. */
export interface DocumentReport {
  file: string;
  line: number;
  contract: ContractName | null;
  /** How the contract was decided (always set by a scan). */
  detection?: Detection;
  ok: boolean;
  issues: LocatedIssue[];
}

export interface ScanSummary {
  files: number;
  documents: number;
  valid: number;
  invalid: number;
  skipped: number;
  errors: number;
  warnings: number;
  /** `skipped`, counted by why (a scan always sets it). */
  skippedAs?: SkippedCounts;
}

export interface ScanResult {
  /** Documents in the order they were found: all of them, or only those with issues when asked so. */
  documents: DocumentReport[];
  skipped: SkippedEntry[];
  summary: ScanSummary;
}
