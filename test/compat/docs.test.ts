// docs/compat.md lists every change code with its class, and no code that does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { changeCodes } from '../../src/node/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'compat.md'), 'utf8');
const rows = new Map([...doc.matchAll(/^\| `([a-z-]+)` \| (none|patch|minor|major|varies) \|/gm)].map((m) => [m[1]!, m[2]!]));

test('every change code is documented with its class', () => {
  expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.entries(changeCodes).map(([code, { class: cls }]) => [code, cls])));
});
