// `contracts lease …` for the end-to-end tests, from the build (`npx tsup` first): runLeaseCommand on this process.
import { runLeaseCommand } from '../../../dist/esm/src/node/index.js';

process.exitCode = await runLeaseCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
