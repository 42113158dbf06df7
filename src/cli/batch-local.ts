#!/usr/bin/env node
import { CommanderError } from 'commander';
import { processIo } from './cli-io';
import { EXIT_CODES } from './exit-codes';
import { buildProgram } from './program';

const io = processIo();
// exitOverride: commander's own errors (unknown option, missing value) exit 1 by default, which is
// the code of a failed job; here they become usage errors (2), and --help/--version stay 0.
buildProgram(io, (code) => { process.exitCode = code; }, { exitOverride: true })
  .parseAsync(process.argv)
  .catch((error: Error) => {
    if (error instanceof CommanderError) {
      // commander has already printed the message (or the help).
      process.exitCode = error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
      return;
    }
    io.err(`batch-local: ${error.message}`);
    process.exitCode = EXIT_CODES.usage;
  });
