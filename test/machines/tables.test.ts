// The machines as data: every refusal code the code can return is in its machine's refusal table,
// every table is well formed, and the docs show one Mermaid state diagram per machine.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as entry from '../../src/index.js';
import { browserActRefusals, browserSessionDenials, signalRefusals, stateMachines } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const machinesDir = join(root, 'src', 'machines');
const sources = readdirSync(machinesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(machinesDir, f), 'utf8')).join('\n');
const tables = [...stateMachines.map((m) => m.refusals), signalRefusals, browserSessionDenials, browserActRefusals];
const documented = new Set(tables.flatMap((t) => Object.keys(t)));
const prefixes = [...stateMachines.map((m) => m.name), 'signal'];

describe('transition and refusal tables', () => {
  it('document every refusal code the machines can return', () => {
    const used = [...sources.matchAll(new RegExp(`'((?:${prefixes.join('|')})/[a-z-]+)'`, 'g'))].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(40);
    for (const code of new Set(used)) expect(documented, code).toContain(code);
  });

  it('are well formed: codes under the machine\'s name, states and events named plainly', () => {
    expect(new Set(stateMachines.map((m) => m.name)).size).toBe(stateMachines.length);
    for (const machine of stateMachines) {
      expect(machine.transitions.length, machine.name).toBeGreaterThan(0);
      for (const code of Object.keys(machine.refusals)) expect(code.startsWith(`${machine.name}/`), code).toBe(true);
      for (const row of machine.transitions) {
        for (const name of [row.from, row.to, row.event]) if (name !== null) expect(name).toMatch(/^[a-z][a-z_]*$/);
      }
      const rows = machine.transitions.map((r) => `${r.from} ${r.event} ${r.to}`);
      expect(new Set(rows).size, `${machine.name} has a repeated row`).toBe(rows.length);
    }
  });

  it('name only functions the entry exports', () => {
    const named = stateMachines.flatMap((m) => (m.functions ?? []).flatMap((line) => [...line.matchAll(/`([a-z][a-zA-Z]*)(?:\(|`(?= ·|, each))/g)].map((x) => x[1] as string)));
    expect(named.length).toBeGreaterThan(30);
    for (const name of named) expect(typeof (entry as Record<string, unknown>)[name], name).toBe('function');
  });

  it('are drawn in docs/state-machines.md, one state diagram a machine', () => {
    const doc = readFileSync(join(root, 'docs', 'state-machines.md'), 'utf8');
    expect(doc.match(/```mermaid\nstateDiagram-v2\n/g)).toHaveLength(stateMachines.length);
    for (const machine of stateMachines) {
      expect(doc).toContain(`## ${machine.title}`);
      for (const row of machine.transitions) expect(doc).toContain(`${row.from ?? '[*]'} --> ${row.to ?? '[*]'} : ${row.event}`);
    }
  });
});
