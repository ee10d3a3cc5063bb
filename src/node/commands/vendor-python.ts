/**
 * `contracts vendor-python DIR`: writes the Python package `sourceos_contracts` (shipped in this npm
 * package under python/src/) into DIR/sourceos_contracts/, each file headed with the package
 * version, the digest of the schemas it was generated from, and "do not edit". Offline: it copies
 * what the npm package holds. Running it again changes nothing; a vendored file the package no
 * longer has is removed. Exit 0 done; 1 the package or DIR cannot be read or written; 2 usage error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli/main.js';

export const VENDOR_PYTHON_HELP = `Usage: contracts vendor-python DIR

Writes the Python package sourceos_contracts (types, precompiled validators and code rules,
generated from this package's schemas; standard library only) into DIR/sourceos_contracts/, each
file headed with the package version and the schemas' digest. Running it again changes nothing.
Then: sys.path holds DIR (or DIR is a folder of your import path), and
  from sourceos_contracts import validate

Exit codes: 0 written (or already up to date); 1 a file could not be read or written; 2 usage error.
`;

const PACKAGE = 'sourceos_contracts';
const SKIPPED = new Set(['__pycache__', '.mypy_cache']);
const MARK = '# Vendored from @sourceos/contracts';

/** The root of the installed npm package: the folder above this file with its package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@sourceos/contracts') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the @sourceos/contracts package folder');
    dir = up;
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !SKIPPED.has(e.name) && !e.name.endsWith('.pyc'))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** The header every vendored file starts with. */
export function vendorHeader(version: string, digest: string): string {
  return `${MARK} ${version} (schemas ${digest}) by \`contracts vendor-python\`.\n# Do not edit: run \`npx @sourceos/contracts@${version} vendor-python DIR\` again to update.\n`;
}

export async function runVendorPythonCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(VENDOR_PYTHON_HELP);
    return 0;
  }
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    io.stderr.write(`contracts vendor-python: ${argv.length === 0 ? 'a DIR is required' : argv.length > 1 ? 'one DIR only' : `unknown option ${argv[0]}`}\n\n${VENDOR_PYTHON_HELP}`);
    return 2;
  }
  try {
    const root = packageRoot();
    const source = join(root, 'python', 'src', PACKAGE);
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const digest = /^SCHEMAS_DIGEST: Final = "([^"]+)"$/m.exec(readFileSync(join(source, 'generated', 'meta.py'), 'utf8'))?.[1];
    if (!digest) throw new Error('the package has no schema digest in python/src/sourceos_contracts/generated/meta.py');
    const header = vendorHeader(version, digest);
    const target = join(resolve(io.cwd, argv[0]!), PACKAGE);
    let written = 0;
    const wanted = new Set<string>();
    for (const file of files(source)) {
      const rel = relative(source, file);
      wanted.add(rel);
      const content = header + readFileSync(file, 'utf8');
      const out = join(target, rel);
      if (existsSync(out) && readFileSync(out, 'utf8') === content) continue;
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, content);
      written++;
    }
    let removed = 0;
    if (existsSync(target)) {
      for (const file of files(target)) {
        const rel = relative(target, file);
        if (wanted.has(rel) || !statSync(file).isFile() || !readFileSync(file, 'utf8').startsWith(MARK)) continue;
        rmSync(file);
        removed++;
      }
    }
    const what = written || removed ? `${written} file${written === 1 ? '' : 's'} written${removed ? `, ${removed} removed` : ''}` : 'already up to date';
    io.stdout.write(`${PACKAGE} ${version} in ${relative(io.cwd, target) || '.'}: ${what} (${wanted.size} files)\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`contracts vendor-python: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
