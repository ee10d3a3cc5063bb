/**
 * What a transition emits: documents to write and files to remove. A writer applies an accepted
 * transition by looping over `emitted` alone: `write` puts `document` at `path` (when it has one),
 * `remove` deletes the file at `path`, whose document was `document`. Every written document is
 * validated with its contract (schema and rules, with its file name for signals) before the transition
 * is accepted (see `emission-check.ts`), so a machine can only emit documents that `validate` accepts.
 */
import type { ContractName, ContractTypes } from '../../../generated/types/index.js';

/** A document of a contract to write, with its file name and path where the estate keeps it in a file. */
export interface WriteOf<Name extends ContractName> {
  readonly action: 'write';
  readonly contract: Name;
  readonly document: ContractTypes[Name];
  /** The file's base name (leases and signals). */
  readonly filename?: string;
  /** The file's path relative to a repository root (leases and signals). */
  readonly path?: string;
}

/** A file to remove: the document it held, its base name and its path relative to a repository root. */
export interface RemovalOf<Name extends ContractName> {
  readonly action: 'remove';
  readonly contract: Name;
  /** The document the file held, as the machine knew it; a writer may check it is still the one on disk. */
  readonly document: ContractTypes[Name];
  readonly filename: string;
  readonly path: string;
}

/** One emission of a contract: a document to write or a file to remove. */
export type EmissionOf<Name extends ContractName> = WriteOf<Name> | RemovalOf<Name>;

/** An emission of any contract. */
export type Emission = { readonly [Name in ContractName]: EmissionOf<Name> }[ContractName];
