/**
 * Plans the teams' workload (examples/workloads/fair-share-teams.workload.json) on the fair-share
 * example (examples/fair-share-teams.ts) as a what-if: the example's weights (research 1, analytics*
 * 2, ops 4) against equal weights, one `batch-local plan --compare-weights` run. Prints what the
 * command prints. With `--docs` it also writes docs/plan-fair-share.png, the per-share vCPU chart of
 * the example's own plan (headless Chromium), as shown in the README.
 *
 *   npx ts-node --project examples/tsconfig.json examples/fair-share-plan.ts [--docs]
 *   # the same from the command line, on a synthesized app:
 *   npx batch-local plan --cdk-out cdk.out --workload examples/workloads/fair-share-teams.workload.json \
 *     --compare-weights 'research=1,analytics*=2,ops=4' --compare-weights 'research=1,analytics*=1,ops=1' --out what-if.html
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { FairShareTeamsStack } from './fair-share-teams';
import { runWhenExecuted } from './shared/run-example';
import { plan } from '../src/cli/commands/plan';

const WORKLOAD = path.join(__dirname, 'workloads', 'fair-share-teams.workload.json');
const PICTURE = path.join(__dirname, '..', 'docs', 'plan-fair-share.png');
/** The example's own weights, then every team equal. */
export const WEIGHT_SETS = ['research=1,analytics*=2,ops=4', 'research=1,analytics*=1,ops=1'];

export async function main(print: (line: string) => void = console.log, docs: boolean = false): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fair-share-plan-'));
  try {
    // Path metadata, as `cdk synth` writes it: the report names the queue by construct path.
    const stack = new FairShareTeamsStack(new App({ context: { 'aws:cdk:enable-path-metadata': true } }), 'FairShareTeams');
    const template = path.join(dir, 'FairShareTeams.template.json');
    fs.writeFileSync(template, JSON.stringify(Stage.of(stack)!.synth().getStackArtifact(stack.artifactId).template));
    const lines: string[] = [];
    const io = { interactive: false, progressStream: process.stderr, out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const whatIf = await plan({ template, workload: WORKLOAD, compareWeights: WEIGHT_SETS, out: path.join(dir, 'what-if.html') }, io);
    lines.forEach((line) => print(line));
    if (docs) {
      const own = await plan({ template, workload: WORKLOAD, out: path.join(dir, 'plan.html') }, { ...io, out: () => undefined, err: () => undefined });
      if (own.exitCode !== 0) return false;
      await screenshot(path.join(dir, 'plan.html'), '#chart-shares-0', PICTURE);
      print(`wrote ${path.relative(process.cwd(), PICTURE)}`);
    }
    return whatIf.exitCode === 0 && whatIf.comparison !== undefined && whatIf.comparison.runs.every((run) => run.report.jobs.unfinished === 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One element of the page as a PNG, from headless Chromium (Debian's /usr/bin/chromium). */
async function screenshot(html: string, selector: string, png: string): Promise<void> {
  // A dev dependency, loaded only for --docs (examples are not shipped).
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fair-share-screenshot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1040, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`file://${path.resolve(html)}`);
    await (await page.$(selector))!.screenshot({ path: png });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

runWhenExecuted(module, () => main(console.log, process.argv.includes('--docs')));
