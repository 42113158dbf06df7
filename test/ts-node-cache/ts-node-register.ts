import * as path from 'path';

/**
 * The `node` arguments that make a child process run TypeScript sources as `-r
 * ts-node/register/transpile-only` does, sharing one transpile cache across the run's children (see
 * cached-transpiler.js): `spawn(process.execPath, [...TS_NODE_REGISTER, 'src/cli/batch-local.ts', ...])`.
 */
export const TS_NODE_REGISTER: readonly string[] = ['-r', path.join(__dirname, 'register.js')];
