/**
 * The `provlog` executable (bundled to dist/cli.js with a `#!/usr/bin/env node` banner). Only binds
 * run() to the real process: everything else lives in modules that tests drive in-process.
 */
import { nodeIo } from './nodeIo';
import { run } from './run';

// exitCode rather than process.exit(): pending writes finish, then the process ends by itself.
run(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
