// The command line, parsed apart from running it; and main() in-process with a fake terminal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCliArgs, parseNow, parseSize, UsageError } from '../../src/node/cli/args.js';
import { main, type CliIo } from '../../src/node/cli/main.js';

describe('parseCliArgs', () => {
  test('defaults', () => {
    expect(parseCliArgs([])).toEqual({
      command: 'scan',
      paths: [],
      format: 'pretty',
      ignore: [],
      maxFileSize: 10 * 1024 * 1024,
      maxWarnings: undefined,
      now: undefined,
      quiet: false,
      color: undefined,
      stdinFilename: undefined,
      workers: undefined,
      contract: undefined,
      failOn: 'error',
      verbose: false,
      asFound: false,
    });
  });

  test('every option', () => {
    const args = parseCliArgs(['-f', 'sarif', '--ignore', 'a/', '--ignore', '*.tmp.json', '--max-file-size', '1MiB', '--max-warnings', '3', '--now', '2026-01-30T06:31:33Z', '-q', '--no-color', '--stdin-filename', 'x.jsonl', '--workers', '0', '--contract', 'Lease', '--fail-on', 'warning', '--verbose', '--as-found', 'src', '-', '--', '--odd-name.json']);
    expect(args).toEqual({
      command: 'scan',
      paths: ['src', '-', '--odd-name.json'],
      format: 'sarif',
      ignore: ['a/', '*.tmp.json'],
      maxFileSize: 1024 * 1024,
      maxWarnings: 3,
      now: '2026-01-30T06:31:33Z',
      quiet: true,
      color: false,
      stdinFilename: 'x.jsonl',
      workers: 0,
      contract: 'Lease',
      failOn: 'warning',
      verbose: true,
      asFound: true,
    });
    expect(parseCliArgs(['--color']).command === 'scan' && (parseCliArgs(['--color']) as { color?: boolean }).color).toBe(true);
  });

  test('--contract takes a contract name and suggests the nearest for a near miss; --fail-on takes a severity', () => {
    expect(() => parseCliArgs(['--contract', 'lease'])).toThrow(/--contract: "lease" is not a contract of this package: did you mean Lease\?/);
    expect(() => parseCliArgs(['--contract', 'Receipt'])).toThrow(/expected one of BrowserAutomationReceipt, /);
    expect(() => parseCliArgs(['--fail-on', 'info'])).toThrow(/--fail-on: expected error or warning, not "info"/);
  });

  test('help, version and list-contracts win over the rest', () => {
    expect(parseCliArgs(['-h', 'x'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['--list-contracts'])).toEqual({ command: 'list-contracts', format: 'pretty' });
    expect(parseCliArgs(['--list-contracts', '-f', 'json'])).toEqual({ command: 'list-contracts', format: 'json' });
  });

  test.each([[['--format', 'xml']], [['--bogus']], [['--max-warnings', 'x']], [['--now', '2026-01-30']], [['--max-file-size', '10 parsecs']], [['--format']]])('usage error: %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });

  test('sizes and times', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1.5MiB')).toBe(1.5 * 1024 * 1024);
    expect(parseNow('2026-01-30T07:00:00+01:00')).toBe('2026-01-30T07:00:00+01:00');
    expect(parseNow('2026-01-30 07:00:00Z')).toBe('2026-01-30T07:00:00Z');
    // the package's own calendar: a leap second is a time, February 30 is not a day
    expect(parseNow('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:60Z');
    for (const bad of ['2026-02-30T00:00:00Z', '2026-13-40T99:00:00Z', '2026-01-30T12:59:60Z', '2026-01-30', '2026-01-30T00:00:00']) {
      expect(() => parseNow(bad)).toThrow(UsageError);
    }
  });
});

function fakeIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    env: {},
    stdout: { write: (t: string) => ((io.out += t), true), isTTY: false },
    stderr: { write: (t: string) => ((io.err += t), true), isTTY: false },
  };
  return io;
}

describe('main', () => {
  test('exit codes: 0 clean, 1 an error, 2 a missing path; never a stack', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-main-'));
    try {
      writeFileSync(path.join(dir, 'ok.json'), '{"not": "a contract"}');
      const clean = fakeIo(dir);
      expect(await main([], clean)).toBe(0);
      expect(clean.out).toMatch(/✔ Checked 1 file: 0 documents \(0 valid, 0 invalid\), 1 skipped; 0 errors, 0 warnings\./);
      writeFileSync(path.join(dir, 'bad.json'), '{"not": ');
      // walked, text that is not JSON and says nothing of a contract is skipped; named, it is an error
      const walked = fakeIo(dir);
      expect(await main([], walked)).toBe(0);
      expect(walked.out).toContain('2 skipped (1 not JSON, 1 other JSON: --verbose lists them)');
      const broken = fakeIo(dir);
      expect(await main(['--format', 'json', 'bad.json'], broken)).toBe(1);
      expect(JSON.parse(broken.out).summary.errors).toBe(1);
      const missing = fakeIo(dir);
      expect(await main(['nope'], missing)).toBe(2);
      expect(missing.err).toBe('validate-contracts: no such file or folder: nope\n');
      const usage = fakeIo(dir);
      expect(await main(['--format', 'xml'], usage)).toBe(2);
      expect(usage.err).toMatch(/^validate-contracts: --format: .*\nRun validate-contracts --help for usage\.\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
