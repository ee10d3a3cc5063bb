/** The texts of --help and --list-contracts. */
import { contractNames, contracts, detectionOf } from '../../validation.js';
import { formatNames, type FormatName } from '../report/registry.js';

export const HELP = `Usage: validate-contracts [options] [path ...]

Finds every SourceOS contract document in the given files and folders (default: .) and
validates it. Folders are walked (.git and node_modules never entered; .gitignore files,
a .contractsignore and --ignore honoured). Documents: .json files, and .jsonl / .ndjson
files with one document a line. "-" reads standard input. Which contract a document is:
--contract, then .contracts.json (the nearest to each path given, upward), then its place,
its "type", its shape; a document meant to be a contract but broken (a misspelt "type") is
an error.

Options:
  -f, --format <name>      output: ${formatNames.join(', ')} (default: pretty)
      --ignore <glob>      leave out paths matching this gitignore-style pattern (repeatable)
      --max-file-size <n>  refuse larger files unread, e.g. 1048576, 512KiB, 10MiB (default: 10MiB)
      --max-warnings <n>   exit 1 when there are more than n warnings
      --now <date-time>    judge leases at this RFC 3339 time (default: now)
      --stdin-filename <p> the path standard input stands for (its format and its place)
      --workers <n>        worker threads for a large scan (default: cores - 1 from 4 cores on, else 0)
      --contract <name>    validate every document given as this contract (see --list-contracts)
      --fail-on <severity> exit 1 on an issue of this severity or worse: error (default) or warning
      --verbose            list every document with the contract it was taken for and why,
                           and every skipped file with why
      --as-found           judge the files named here as if a folder's walk had found them: a
                           file that is no contract of this package, or not JSON, is skipped
                           (what the pre-commit hook passes); without it they are judged strictly
  -q, --quiet              report errors only
      --color, --no-color  force colour on or off (default: on a terminal, unless NO_COLOR is set)
      --list-contracts     list the contracts this version knows, and how each is recognised
                           (JSON with --format json)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no document has an error; 1 a document has an error (or warnings exceed
--max-warnings, or there is one with --fail-on warning); 2 usage error, a path that does not exist, or an internal failure.
`;

/** The contracts this version knows: name, how a document is recognised, schema $id. */
export function contractList(): { name: string; detect: 'type' | 'shape'; location: string | null; schema: string }[] {
  return contractNames.map((name) => {
    const detection = detectionOf(name);
    return { name, detect: detection.detect, location: detection.location ?? null, schema: String(contracts[name].schema.$id ?? '') };
  });
}

/** --list-contracts: JSON with --format json, text otherwise. */
export function listContracts(format: FormatName = 'pretty'): string {
  if (format === 'json') return `${JSON.stringify(contractList(), null, 2)}\n`;
  const lines = contractNames.map((name) => {
    const detection = detectionOf(name);
    const how = detection.detect === 'type' ? `"type": "${name}"` : `by shape${detection.location ? `, or any file at ${detection.location}` : ''}`;
    return `${name.padEnd(26)} ${how}\n${' '.repeat(27)}${String(contracts[name].schema.$id ?? '')}`;
  });
  return `${lines.join('\n')}\n`;
}
