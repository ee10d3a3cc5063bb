/**
 * `contracts compat OLD NEW`: what changed between two versions of a set of schemas (files or
 * folders), each change classified. Exit 0, or 1 when `--fail-on` is met; 2 for a usage error or
 * an unreadable input.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli/main.js';
import { classRank, compatFormats, compatReport, CompatInputError, renderCompat, type CompatFormat } from '../compat/index.js';

export const COMPAT_HELP = `Usage: contracts compat OLD NEW [options]

Compares two versions of a set of JSON Schemas: OLD and NEW are schema files or folders of them
(searched for *.json). Schemas are matched by $id, else by relative path; $refs resolve within
each side. Each schema, and the whole, gets a class:
  none   nothing that validates changed (formatting, key order)
  patch  the same documents are accepted (descriptions, titles, $comment, examples)
  minor  every old document is still valid, and some new ones are too
  major  some old document may be rejected, or an $id changed; also whatever cannot be proven safe
Every change has a JSON Pointer, a stable code and a message (docs/compat.md lists the codes).

Options:
      --format <pretty|json>     output format (default: pretty)
      --fail-on <minor|major>    exit 1 when the class is at least this
      --old-rules <file>         the rule registry of OLD (generated/rule-registry.json) ...
      --new-rules <file>         ... and of NEW: issue codes and rules are compared too
  -h, --help                     show this help

Exit codes: 0 compared (below --fail-on); 1 the class is at or above --fail-on; 2 usage error or
unreadable input.
`;

class CompatUsage extends Error {}

interface CompatArgs {
  readonly old: string;
  readonly new: string;
  readonly format: CompatFormat;
  readonly failOn?: 'minor' | 'major';
  readonly rules?: { readonly old: string; readonly new: string };
}

function parse(argv: readonly string[]): CompatArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'old-rules': { type: 'string' },
        'new-rules': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CompatUsage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 2) throw new CompatUsage(`OLD and NEW are required (${positionals.length} given)`);
  const format = (values.format ?? 'pretty') as CompatFormat;
  if (!compatFormats.includes(format)) throw new CompatUsage(`--format: expected one of ${compatFormats.join(', ')}, not ${JSON.stringify(values.format)}`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'minor' && failOn !== 'major') throw new CompatUsage(`--fail-on: expected minor or major, not ${JSON.stringify(failOn)}`);
  const oldRules = values['old-rules'];
  const newRules = values['new-rules'];
  if ((oldRules === undefined) !== (newRules === undefined)) throw new CompatUsage('--old-rules and --new-rules go together');
  return {
    old: positionals[0]!,
    new: positionals[1]!,
    format,
    ...(failOn === undefined ? {} : { failOn }),
    ...(oldRules === undefined || newRules === undefined ? {} : { rules: { old: oldRules, new: newRules } }),
  };
}

export async function runCompatCommand(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args === 'help') {
      io.stdout.write(COMPAT_HELP);
      return 0;
    }
    const report = compatReport(args, io.cwd);
    io.stdout.write(renderCompat(report, args.format));
    return args.failOn !== undefined && classRank(report.class) >= classRank(args.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof CompatUsage) io.stderr.write(`contracts compat: ${error.message}\nRun contracts compat --help for usage.\n`);
    else if (error instanceof CompatInputError) io.stderr.write(`contracts compat: ${error.message}\n`);
    else io.stderr.write(`contracts compat: internal error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    return 2;
  }
}
