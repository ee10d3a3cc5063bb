/** The `validate-contracts` executable: runs the command and sets the exit code; output is flushed before exit. */
import { main } from './main.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`validate-contracts | head`) is not a failure of the tool.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`validate-contracts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
