/**
 * Plans workloads with `batch-local plan` (virtual time): the seed's JobA..JobE pipeline and the
 * on-demand + Spot recipe, each with the workload file in examples/workloads/. Prints makespan,
 * peak instances, utilization and cost. With `--docs` it also writes the HTML reports and their
 * screenshots (headless Chromium) to docs/, as linked from the README.
 *
 *   npx ts-node --project examples/tsconfig.json examples/plan-workload.ts [--docs]
 *   # the same from the command line, on a synthesized app:
 *   npx batch-local plan --cdk-out cdk.out --workload examples/workloads/pipeline.workload.json --out report.html
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { OnDemandAndSpotStack } from './on-demand-and-spot';
import { buildPipelineStack } from './pipeline';
import { runWhenExecuted } from './shared/run-example';
import { plan } from '../src/cli/commands/plan';

const WORKLOADS = path.join(__dirname, 'workloads');
const DOCS = path.join(__dirname, '..', 'docs');

function templateFile(dir: string, name: string, template: unknown): string {
  const file = path.join(dir, `${name}.template.json`);
  fs.writeFileSync(file, JSON.stringify(template));
  return file;
}

/**
 * An app that writes `aws:cdk:path` metadata, as `cdk synth` does (a bare `new App()` does not): the
 * report names compute environments and queues by construct path.
 */
function appWithPaths(): App {
  return new App({ context: { 'aws:cdk:enable-path-metadata': true } });
}

function onDemandAndSpotTemplate(): unknown {
  const stack = new OnDemandAndSpotStack(appWithPaths(), 'OnDemandAndSpot');
  return Stage.of(stack)!.synth().getStackArtifact(stack.artifactId).template;
}

export async function main(print: (line: string) => void = console.log, docs: boolean = false): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-workload-'));
  const pipelineStack = buildPipelineStack(appWithPaths());
  const plans = [
    { name: 'pipeline', template: templateFile(dir, 'Pipeline', Stage.of(pipelineStack)!.synth().getStackArtifact(pipelineStack.artifactId).template) },
    { name: 'on-demand-and-spot', template: templateFile(dir, 'OnDemandAndSpot', onDemandAndSpotTemplate()) },
  ];
  let ok = true;
  for (const { name, template } of plans) {
    const out = docs ? path.join(DOCS, `plan-${name}.html`) : path.join(dir, `plan-${name}.html`);
    const lines: string[] = [];
    const collect = (text: string): void => { lines.push(text); };
    const io = { interactive: false, progressStream: process.stderr, out: collect, err: collect };
    const { exitCode, report } = await plan({ template, workload: path.join(WORKLOADS, `${name}.workload.json`), out }, io);
    print(`== ${name}`);
    lines.forEach((line) => print(line));
    ok = ok && exitCode === 0 && report !== undefined && report.jobs.unfinished === 0 && report.makespanSeconds > 0;
    if (docs) await screenshot(out, path.join(DOCS, `plan-${name}.png`));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
}

/** A full-page PNG of the report, from headless Chromium (Debian's /usr/bin/chromium). */
async function screenshot(html: string, png: string): Promise<void> {
  // A dev dependency, loaded only for --docs (examples are not shipped).
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-screenshot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1040, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`file://${path.resolve(html)}`);
    await page.screenshot({ path: png, fullPage: true });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

runWhenExecuted(module, () => main(console.log, process.argv.includes('--docs')));
