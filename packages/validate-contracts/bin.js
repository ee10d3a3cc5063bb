#!/usr/bin/env node
// `validate-contracts`, the unscoped name of the command: runs the CLI of @sourceos/contracts, the
// version this package depends on exactly (both are released together, with one version).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const manifest = require.resolve('@sourceos/contracts/package.json');
const { bin } = require(manifest);
await import(pathToFileURL(join(dirname(manifest), bin['validate-contracts'])).href);
