/**
 * The command line, parsed apart from running it. Usage errors are thrown as UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import { contractNames, nearestName, type ContractName, type Severity } from '../../validation.js';
import { parseInstant } from '../../rules/instant.js';
import { formatNames, isFormatName, type FormatName } from '../report/registry.js';
import { DEFAULT_MAX_FILE_SIZE } from '../scan/scan.js';
import { unknownOptionMessage } from './suggest.js';

export class UsageError extends Error {}

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'list-contracts'; format: FormatName }
  | ({ command: 'scan' } & ScanArgs);

export interface ScanArgs {
  paths: string[];
  format: FormatName;
  ignore: string[];
  maxFileSize: number;
  maxWarnings: number | undefined;
  /** --now as given, once checked to be an RFC 3339 date-time. */
  now: string | undefined;
  quiet: boolean;
  /** true/false when --color/--no-color was given, undefined to decide from the terminal. */
  color: boolean | undefined;
  stdinFilename: string | undefined;
  /** Worker threads for a large scan; undefined: the default (one fewer than the cores, from four cores on). */
  workers: number | undefined;
  /** `--contract`: every document given is this contract. */
  contract: ContractName | undefined;
  /** The least severity that fails the run (exit 1). */
  failOn: Severity;
  /** List every document with how its contract was decided, and every skipped entry with why. */
  verbose: boolean;
  /** `--as-found`: files named on the command line are judged as the walk judges what it finds, not strictly. */
  asFound: boolean;
}

/** `--contract NAME`: a contract's name, or a usage error that suggests the nearest one. */
export function parseContractName(text: string): ContractName {
  if ((contractNames as readonly string[]).includes(text)) return text as ContractName;
  const near = nearestName(text, contractNames);
  const hint = near ? `did you mean ${near.name}?` : `expected one of ${contractNames.join(', ')}`;
  throw new UsageError(`--contract: ${JSON.stringify(text)} is not a contract of this package: ${hint}`);
}

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

function parseSeverity(text: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(text)) return text as Severity;
  throw new UsageError(`--fail-on: expected ${SEVERITIES.join(' or ')}, not ${JSON.stringify(text)}`);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `1048576`, `512k`, `10MiB`, `1.5M` → bytes. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? UNITS[(match[2] as string).toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-file-size: expected a size such as 1048576, 512KiB or 10MiB, not ${JSON.stringify(text)}`);
  return Math.floor(Number(match[1]) * unit);
}

/**
 * --now, checked by the package's own RFC 3339 parser (real calendar days, a leap second at
 * 23:59:60 UTC), with a space allowed between date and time as RFC 3339 permits; returns the text
 * with a `T` there.
 */
export function parseNow(text: string): string {
  const normal = /^\d{4}-\d{2}-\d{2} /.test(text) ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
  if (parseInstant(normal) === null) throw new UsageError(`--now: expected an RFC 3339 date-time such as 2026-01-30T07:00:00Z, not ${JSON.stringify(text)}`);
  return normal;
}

function parseCount(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option}: expected a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  ignore: { type: 'string', multiple: true },
  'max-file-size': { type: 'string' },
  'max-warnings': { type: 'string' },
  now: { type: 'string' },
  'stdin-filename': { type: 'string' },
  workers: { type: 'string' },
  contract: { type: 'string' },
  'fail-on': { type: 'string' },
  verbose: { type: 'boolean' },
  'as-found': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'list-contracts': { type: 'boolean' },
} as const;

/** Every long option, for suggestions (--color and --no-color are read by hand). */
const LONG_OPTIONS = [...Object.keys(OPTIONS), 'color', 'no-color'];

export function parseCliArgs(argv: readonly string[]): CliCommand {
  // --no-color is read by hand: node:util parseArgs of Node 20 has no negative options.
  let color: boolean | undefined;
  const rest: string[] = [];
  let afterTerminator = false;
  for (const arg of argv) {
    if (!afterTerminator && arg === '--no-color') color = false;
    else if (!afterTerminator && arg === '--color') color = true;
    else {
      if (arg === '--') afterTerminator = true;
      rest.push(arg);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) throw new UsageError(unknownOptionMessage(unknown[1] as string, LONG_OPTIONS));
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { command: 'help' };
  if (v.version) return { command: 'version' };
  const format = v.format ?? 'pretty';
  if (!isFormatName(format)) throw new UsageError(`--format: expected one of ${formatNames.join(', ')}, not ${JSON.stringify(format)}`);
  if (v['list-contracts']) return { command: 'list-contracts', format };
  return {
    command: 'scan',
    paths: parsed.positionals,
    format,
    ignore: v.ignore ?? [],
    maxFileSize: v['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(v['max-file-size']),
    maxWarnings: v['max-warnings'] === undefined ? undefined : parseCount(v['max-warnings'], '--max-warnings'),
    now: v.now === undefined ? undefined : parseNow(v.now),
    quiet: v.quiet ?? false,
    color,
    stdinFilename: v['stdin-filename'],
    workers: v.workers === undefined ? undefined : parseCount(v.workers, '--workers'),
    contract: v.contract === undefined ? undefined : parseContractName(v.contract),
    failOn: v['fail-on'] === undefined ? 'error' : parseSeverity(v['fail-on']),
    verbose: v.verbose ?? false,
    asFound: v['as-found'] ?? false,
  };
}
