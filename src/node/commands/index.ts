/**
 * The `contracts` command: one executable, one subcommand a line in `commands` below. A command
 * takes its own arguments (after its name), the I/O, and the bin's context, and returns its exit
 * code; `--help` lists the table, so a command that is not in it is neither run nor shown.
 */
import type { ParallelOptions } from '../scan/scan.js';
import { main as validateContracts, VERSION, type CliIo } from '../cli/main.js';

export interface CommandContext {
  /** How a scan starts its worker threads (the bin passes itself). */
  readonly parallel?: ParallelOptions;
}

export type Command = (argv: readonly string[], io: CliIo, context: CommandContext) => Promise<number>;

export interface CommandEntry {
  readonly run: Command;
  /** The arguments, after the command's name. */
  readonly usage: string;
  readonly summary: string;
}

export const commands: Readonly<Record<string, CommandEntry>> = {
  // every command but validate is loaded when run: `contracts validate` never loads their code
  compat: { run: async (argv, io) => (await import('./compat.js')).runCompatCommand(argv, io), usage: 'OLD NEW [--format json] [--fail-on minor|major]', summary: 'how two versions of a set of schemas differ: every change classified none, patch, minor or major' },
  'git-state': { run: async (argv, io) => (await import('./git-state.js')).runGitStateCommand(argv, io), usage: 'PATH [--operation NAME] [--json]', summary: 'what PATH is, Git-wise: a GitWorkspaceState document (JSON), without running git' },
  lease: { run: async (argv, io) => (await import('./lease.js')).runLeaseCommand(argv, io), usage: 'list|claim|renew|release|gc … (contracts lease --help)', summary: "leases on disk: the oxygen protocol's scripts/oxygen, race-free across processes" },
  validate: { run: (argv, io, context) => validateContracts(argv, io, context.parallel), usage: '[options] [path ...]', summary: 'validate contract documents: the same as validate-contracts' },
  'vendor-python': { run: async (argv, io) => (await import('./vendor-python.js')).runVendorPythonCommand(argv, io), usage: 'DIR', summary: 'write the Python package sourceos_contracts into DIR/sourceos_contracts/ (offline, do-not-edit headers)' },
  // One line a command; the help lists this table and nothing else.
};

export function contractsHelp(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = names.map((name) => `  ${name.padEnd(width)}${commands[name]!.summary}\n  ${' '.repeat(width)}contracts ${name} ${commands[name]!.usage}`);
  return `Usage: contracts <command> [arguments]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help (contracts <command> --help: the command's own)
  -v, --version  show the version

Exit codes are each command's; 2 for an unknown command or a usage error.
`;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** Runs `contracts <command> ...`; returns the exit code. */
export async function runContracts(argv: readonly string[], io: CliIo = defaultIo(), context: CommandContext = {}): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(contractsHelp());
    return 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`${name === undefined ? 'contracts: a command is required' : `contracts: unknown command ${JSON.stringify(name)}`}\n\n${contractsHelp()}`);
    return 2;
  }
  return command.run(rest, io, context);
}
