// A mistyped option gets the option it is likely meant as; --list-contracts --format json is JSON.
import { describe, expect, test } from 'vitest';
import { contractNames, contracts, detectionOf } from '../../src/index.js';
import { parseCliArgs, UsageError } from '../../src/node/cli/args.js';
import { listContracts } from '../../src/node/cli/help.js';
import { editDistance as boundedEditDistance } from '../../src/detection/names.js';
import { nearest } from '../../src/node/cli/suggest.js';

/** The one edit distance of the package (src/detection/names.ts), unbounded here. */
const editDistance = (a: string, b: string): number => boundedEditDistance(a, b, 64);

const usage = (argv: string[]): string => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('did you mean', () => {
  test.each([
    ['--formt', '--format'],
    ['--fromat', '--format'],
    ['--format=json', undefined],
    ['--formats=json', '--format'],
    ['--ignores', '--ignore'],
    ['--max-warning', '--max-warnings'],
    ['--maxwarnings', '--max-warnings'],
    ['--list-contract', '--list-contracts'],
    ['--quite', '--quiet'],
    ['--colour', '--color'],
    ['--no-colour', '--no-color'],
    ['--verison', '--version'],
    ['--stdin', '--stdin-filename'],
    ['--bogus', null],
    ['-x', null],
  ])('%s', (given, meant) => {
    if (meant === undefined) return expect(parseCliArgs([given])).toMatchObject({ command: 'scan', format: 'json' });
    const message = usage([given, 'a.json']);
    expect(message).toContain(`unknown option ${given.split('=')[0]}`);
    if (meant) expect(message).toContain(`(did you mean ${meant}?)`);
    else expect(message).not.toContain('did you mean');
  });

  test('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('format', 'format')).toBe(0);
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('zzzzzz', ['format', 'ignore'])).toBeUndefined();
  });
});

test('--list-contracts --format json: every contract, how it is recognised, its schema $id', () => {
  const list = JSON.parse(listContracts('json')) as { name: string; detect: string; location: string | null; schema: string }[];
  expect(list.map((c) => c.name)).toEqual([...contractNames]);
  for (const c of list) {
    expect(c.detect).toBe(detectionOf(c.name as never).detect);
    expect(c.location).toBe(detectionOf(c.name as never).location ?? null);
    expect(c.schema).toBe(contracts[c.name as keyof typeof contracts].schema.$id);
  }
  expect(listContracts('pretty')).not.toMatch(/^[[{]/);
});
