#!/usr/bin/env node
import { processIo } from './cli-io';
import { buildProgram } from './program';

const io = processIo();
buildProgram(io, (code) => { process.exitCode = code; })
  .parseAsync(process.argv)
  .catch((error: Error) => {
    io.err(`batch-local: ${error.message}`);
    process.exitCode = 2;
  });
