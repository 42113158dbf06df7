import * as fs from 'fs';

/** jest global teardown: removes the run's transpile cache that global-setup.ts made. */
export default function globalTeardown(): void {
  const cache = process.env.CDK_BATCH_KIT_TS_CACHE;
  if (cache) fs.rmSync(cache, { recursive: true, force: true });
}
