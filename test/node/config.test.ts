// .contracts.json: found upward from the paths given, checked with a clear message, its globs read
// as .gitignore reads them; and its JSON Schema, shipped in the package, agrees with the loader.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contractNames } from '../../src/index.js';
import { CONFIG_FILE, configsFor, findConfigFile, loadConfig, NOT_A_CONTRACT_VALUE } from '../../src/node/config/config-file.js';
import { decideByPlace } from '../../src/node/scan/decide-by-place.js';
import { configGlobSource } from '../../src/node/scan/glob.js';
import { repoRoot } from '../support/valid-examples.js';

let root: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'contracts-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('finding and reading .contracts.json', () => {
  test('the nearest in the folder of each path given or above; one file read once', () => {
    write(CONFIG_FILE, '{"contracts": {"a/**": "Lease"}}');
    write(`nested/${CONFIG_FILE}`, '{"contracts": {}}');
    mkdirSync(path.join(root, 'a/b'), { recursive: true });
    write('nested/x/y.json', '{}');
    expect(findConfigFile(path.join(root, 'a/b'))).toBe(path.join(root, CONFIG_FILE));
    const configs = configsFor([path.join(root, 'a/b'), path.join(root, 'a'), path.join(root, 'nested/x/y.json')], (f) => path.relative(root, f));
    expect(configs.map((c) => c.display)).toEqual([CONFIG_FILE, `nested/${CONFIG_FILE}`]);
  });

  test.each([
    ['not json', /cannot read the configuration/],
    ['[]', /must be a JSON object/],
    ['{"contract": {}}', /unknown key "contract" \(expected "\$schema" and "contracts"\)/],
    ['{"contracts": []}', /"contracts" must be an object/],
    ['{"contracts": {"x/*.json": "Leases"}}', /maps "x\/\*\.json" to "Leases", not a contract: did you mean "Lease"\?/],
    ['{"contracts": {"x/*.json": 7}}', /expected one of "BrowserAutomationReceipt"/],
    ['{"contracts": {" ": "Lease"}}', /an empty glob/],
  ])('%s is refused: %s', (text, message) => {
    write(CONFIG_FILE, text);
    expect(() => loadConfig(path.join(root, CONFIG_FILE), CONFIG_FILE)).toThrow(message);
  });

  test('the last glob that matches decides; "none" skips; the configuration outranks the place, --contract outranks both', () => {
    write(CONFIG_FILE, JSON.stringify({ contracts: { 'ops/**': 'Lease', 'ops/notes/**': 'none', '.substrate/state/leases/README.json': 'none' } }));
    const configs = [loadConfig(path.join(root, CONFIG_FILE), CONFIG_FILE)];
    const at = (rel: string, contract?: 'Signal') => decideByPlace(`${root}/${rel}`, true, { configs, contract });
    expect(at('ops/locks/a.json')).toMatchObject({ contract: 'Lease', detection: { by: 'config', reason: '.contracts.json maps "ops/**" to Lease' } });
    expect(at('ops/notes/a.json')).toMatchObject({ contract: null, detection: { by: 'config' } });
    expect(at('.substrate/state/leases/README.json')).toMatchObject({ contract: null });
    expect(at('.substrate/state/leases/x.json')).toMatchObject({ contract: 'Lease', detection: { by: 'location' } });
    expect(at('elsewhere/x.json')).toBeUndefined();
    expect(at('ops/notes/a.json', 'Signal')).toMatchObject({ contract: 'Signal', detection: { by: 'option', reason: '--contract Signal' } });
  });
});

describe('globs, as .gitignore reads them', () => {
  const matches = (glob: string, file: string) => new RegExp(configGlobSource(glob)).test(file);
  test.each([
    ['*.fixture.json', 'a/b/c.fixture.json', true],
    ['fixtures', 'test/fixtures/x.json', true],
    ['test/fixtures', 'test/fixtures/a/x.json', true],
    ['test/fixtures', 'other/test/fixtures/x.json', false],
    ['/data.json', 'data.json', true],
    ['/data.json', 'a/data.json', false],
    ['ops/*.json', 'ops/a.json', true],
    ['ops/*.json', 'ops/a/b.json', false],
    ['ops/**/*.json', 'ops/a.json', true],
    ['ops/**/*.json', 'ops/a/b/c.json', true],
    ['logs/', 'logs/a.jsonl', true],
    ['?.json', 'ab.json', false],
  ])('%s against %s: %s', (glob, file, expected) => {
    expect(matches(glob, file)).toBe(expected);
  });
});

describe('the JSON Schema of the configuration, shipped at the package root', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'contracts-config.schema.json'), 'utf8'));
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  const check = ajv.compile(schema);

  test('is shipped (package.json files and exports) and names every contract and "none"', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('contracts-config.schema.json');
    expect(pkg.exports['./contracts-config.schema.json']).toBe('./contracts-config.schema.json');
    expect(schema.properties.contracts.additionalProperties.enum).toEqual([...contractNames, NOT_A_CONTRACT_VALUE]);
  });

  test.each([
    [{ $schema: './node_modules/@sourceos/contracts/contracts-config.schema.json', contracts: { 'ops/**': 'Lease', fixtures: 'none' } }, true],
    [{}, true],
    [{ contracts: { 'ops/**': 'Leases' } }, false],
    [{ contract: {} }, false],
    [{ contracts: { '': 'Lease' } }, false],
  ])('agrees with the loader on %j', (config, valid) => {
    expect(check(config)).toBe(valid);
    write(CONFIG_FILE, JSON.stringify(config));
    const load = () => loadConfig(path.join(root, CONFIG_FILE));
    if (valid) expect(load).not.toThrow();
    else expect(load).toThrow();
  });
});
