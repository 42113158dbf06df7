/**
 * `npm run bench`: runs every benchmark in bench/ (each file exports `main()` and prints its figures).
 * Pass names to run a subset: `npm run bench -- scheduler synth`.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Benchmark {
  main(): Promise<void>;
}

async function runAll(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs.readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts' && !file.endsWith('.d.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  for (const file of files) {
    console.log(`\n== bench/${file}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const benchmark = require(path.join(__dirname, file)) as Benchmark;
    await benchmark.main();
  }
}

runAll().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
