/**
 * The command: parse the arguments, scan, render with the chosen reporter, and decide the exit
 * code. 0 when no document has an error; 1 when one has, when warnings exceed --max-warnings, or
 * when there is a warning and --fail-on warning;
 * 2 for a usage error, a path that does not exist, or an internal failure (one line, no stack).
 */
import pkg from '../../../package.json' with { type: 'json' };
import { loadReporter } from '../report/registry.js';
import { encodedWrites, writeReport, type ReportOptions, type ReportStream } from '../report/reporter.js';
import { createProgress, type ProgressStream } from '../report/progress.js';
import { InputError } from '../walk/inputs.js';
import { scan, type ParallelOptions } from '../scan/scan.js';
import { parseCliArgs, UsageError, type ScanArgs } from './args.js';
import { HELP, listContracts } from './help.js';

export const VERSION: string = pkg.version;
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_FAILURE = 2;

export interface CliIo {
  /** Given text, and a report's UTF-8 bytes in chunks of whole characters. */
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: ProgressStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

function useColor(args: ScanArgs, io: CliIo): boolean {
  if (args.color !== undefined) return args.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

async function run(args: ScanArgs, io: CliIo, parallel: ParallelOptions | undefined): Promise<number> {
  const reporter = await loadReporter(args.format);
  const progress = createProgress(io.stderr);
  const options: ReportOptions = { color: useColor(args, io), quiet: args.quiet, verbose: args.verbose, version: VERSION, cwd: io.cwd };
  const out = encodedWrites((chunk) => io.stdout.write(chunk));
  // a format that can be written as the scan goes is: a long log's report is never held whole
  let stream: ReportStream | undefined;
  let result;
  try {
    result = await scan({
      paths: args.paths,
      cwd: io.cwd,
      ignore: args.ignore,
      maxFileSize: args.maxFileSize,
      now: args.now,
      stdinFilename: args.stdinFilename,
      namedAsFound: args.asFound,
      retention: args.verbose ? 'all' : reporter.retention,
      // a report that shows no warning needs them counted only: none placed, no document held for one
      listWarnings: reporter.showsWarnings?.(options) ?? true,
      contract: args.contract,
      onFile: progress.onFile,
      onDocument: reporter.stream && ((report) => (stream ??= (reporter.stream as NonNullable<typeof reporter.stream>)(options, out.write)).document(report)),
      parallel: parallel && { ...parallel, ...(args.workers === undefined ? {} : { workers: args.workers }) },
    });
  } finally {
    progress.done();
  }
  if (reporter.stream) {
    (stream ?? reporter.stream(options, out.write)).end(result);
    out.flush();
  } else writeReport(reporter, result, options, (text) => io.stdout.write(text));
  const { errors, warnings } = result.summary;
  if (errors > 0) return EXIT_INVALID;
  if (args.failOn === 'warning' && warnings > 0) {
    io.stderr.write(`validate-contracts: ${warnings} warning${warnings === 1 ? '' : 's'}, and --fail-on warning\n`);
    return EXIT_INVALID;
  }
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`validate-contracts: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${args.maxWarnings}\n`);
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

/**
 * Runs the command with the given arguments; returns the exit code. `parallel` says how to start
 * scan workers (the bin passes itself); without it the scan stays on one thread.
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo(), parallel?: ParallelOptions): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout.write(HELP);
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return EXIT_OK;
      case 'list-contracts':
        io.stdout.write(listContracts(command.format));
        return EXIT_OK;
      case 'scan':
        return await run(command, io, parallel);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`validate-contracts: ${error.message}\nRun validate-contracts --help for usage.\n`);
    } else if (error instanceof InputError) {
      io.stderr.write(`validate-contracts: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`validate-contracts: internal error: ${message.split('\n')[0]}\n`);
    }
    return EXIT_FAILURE;
  }
}
