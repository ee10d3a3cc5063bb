/**
 * `contracts git-state PATH [--operation NAME] [--json]`: prints the GitWorkspaceState of PATH
 * (JSON, 2-space indent). Exit 0 whatever the state (the document says it); 2 for a usage error
 * (no PATH, an unknown operation, a reference the document refuses). `--json` is the only output
 * and is accepted so that callers can pass it to every command alike.
 */
import { parseArgs } from 'node:util';
import { gitOperations, type GitOperation } from '../../index.js';
import type { CliIo } from '../cli/main.js';
import { probeGitWorkspace, type GitProbeRefs } from '../git-probe/probe.js';

export const GIT_STATE_HELP = `Usage: contracts git-state PATH [--operation NAME] [--json]

Prints what PATH is, Git-wise, as a GitWorkspaceState document (JSON), read from the file
system without running git. A relative PATH is resolved against the working folder.

Options:
      --operation <name>               what led to the probe: ${gitOperations.join(', ')}
                                       (default: passive_discovery: expected "no"s are info)
      --session-ref <urn>              the document's sessionRef (default: urn:srcos:session:local)
      --workspace-ref <urn>            its workspaceRef (default: urn:srcos:workspace:local)
      --capability-ledger-ref <urn>    its capabilityLedgerRef (default: urn:srcos:capability-ledger:local)
      --policy-decision-ref <urn>      its policyDecisionRef (default: urn:srcos:decision:local)
      --json                           JSON output (the only output; accepted for uniform callers)
  -h, --help                           show this help

Exit codes: 0 the document was printed (whatever the state); 2 usage error.
`;

class GitStateUsage extends Error {}

function parse(argv: readonly string[]): { path: string; operation: GitOperation; refs: Partial<GitProbeRefs> } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        operation: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        'session-ref': { type: 'string' },
        'workspace-ref': { type: 'string' },
        'capability-ledger-ref': { type: 'string' },
        'policy-decision-ref': { type: 'string' },
      },
    });
  } catch (error) {
    throw new GitStateUsage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new GitStateUsage(positionals.length === 0 ? 'a PATH is required' : `one PATH only, not ${positionals.length}`);
  const operation = (values.operation ?? 'passive_discovery') as GitOperation;
  if (!gitOperations.includes(operation)) throw new GitStateUsage(`--operation: expected one of ${gitOperations.join(', ')}, not ${JSON.stringify(values.operation)}`);
  const refs: Partial<GitProbeRefs> = {
    ...(values['session-ref'] === undefined ? {} : { sessionRef: values['session-ref'] }),
    ...(values['workspace-ref'] === undefined ? {} : { workspaceRef: values['workspace-ref'] }),
    ...(values['capability-ledger-ref'] === undefined ? {} : { capabilityLedgerRef: values['capability-ledger-ref'] }),
    ...(values['policy-decision-ref'] === undefined ? {} : { policyDecisionRef: values['policy-decision-ref'] }),
  };
  return { path: positionals[0]!, operation, refs };
}

export async function runGitStateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parse(argv);
    if (command === 'help') {
      io.stdout.write(GIT_STATE_HELP);
      return 0;
    }
    const result = probeGitWorkspace(command.path, { cwd: io.cwd, operation: command.operation, refs: command.refs, cache: null });
    if (!result.ok) {
      io.stderr.write(`contracts git-state: ${result.refusal.code}: ${result.refusal.message}\n`);
      return 2;
    }
    io.stdout.write(`${JSON.stringify(result.document, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof GitStateUsage) {
      io.stderr.write(`contracts git-state: ${error.message}\nRun contracts git-state --help for usage.\n`);
    } else {
      io.stderr.write(`contracts git-state: internal error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`);
    }
    return 2;
  }
}
