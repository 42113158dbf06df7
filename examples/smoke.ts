/**
 * Smoke check of every example app (part of `npm test`): each example module exports `main()`, which
 * synthesizes its app (and, for runnable examples, runs it in the local runtime). A `false` result or a
 * thrown error fails the check.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface ExampleModule {
  main(print?: (line: string) => void): Promise<boolean | void>;
}

async function smoke(): Promise<boolean> {
  const files = fs.readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && file !== 'smoke.ts')
    .sort();
  let ok = true;
  for (const file of files) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${path.basename(file, '.ts')}-`));
    process.env.CDK_OUTDIR = outdir;
    const started = process.hrtime.bigint();
    const output: string[] = [];
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const example = require(path.join(__dirname, file)) as ExampleModule;
      if (typeof example.main !== 'function') throw new Error('it does not export main()');
      const result = await example.main((line) => output.push(line));
      if (result === false) throw new Error(`main() reported failure:\n${output.join('\n')}`);
      console.log(`ok   ${file} (${Math.round(Number(process.hrtime.bigint() - started) / 1e6)} ms)`);
    } catch (error) {
      ok = false;
      console.log(`FAIL ${file}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  return ok;
}

smoke().then((ok) => {
  process.exitCode = ok ? 0 : 1;
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
