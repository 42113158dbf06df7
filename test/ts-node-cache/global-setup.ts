import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * jest global setup: a fresh transpile cache for the ts-node children that the tests spawn with
 * TS_NODE_REGISTER (cached-transpiler.js). Fresh per run, so no run reads what an earlier one left; jest
 * workers and their children inherit the variable. global-teardown.ts removes the directory.
 */
export default function globalSetup(): void {
  process.env.CDK_BATCH_KIT_TS_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-batch-kit-ts-cache-'));
}
