import * as fs from 'fs';
import * as path from 'path';
import * as cliProgress from 'cli-progress';
import { Command } from 'commander';
import {
  comparePolicySettings, comparisonHtml, parsePolicyOverride, parseWorkloadText, PlanComparison, PlanReport, planWorkload, PriceOverrides, PriceTable,
  reportHtml, WorkloadError,
} from '../../runtime/cli-surface';
import { CliIo, printJson } from '../cli-io';
import { addJsonOption, addRequiredOption, addTemplateOptions, importsOf, keyValues, TemplateOptions, templateSource } from '../common-options';
import { comparisonSummary } from '../comparison-summary';
import { planSummary } from '../plan-summary';
import { ProgressLines } from '../progress-lines';

export interface PlanOptions extends TemplateOptions {
  readonly workload: string;
  readonly out?: string;
  readonly prices?: string;
  readonly json?: boolean;
  /** What-if settings of a scheduling policy, one run each (docs/plan.md, PLAN-14). */
  readonly compareWeights?: string[];
  /** PLAT-3: `--kubernetes-secrets-dir`, as `serve` and `run` take it, so a plan fails the pods a run would. */
  readonly kubernetesSecretsDir?: string;
}

/**
 * The workload file's JSON schema as the package ships it (docs/ sits beside lib/ and src/), so the
 * help names a file that exists wherever the package is installed.
 */
export const WORKLOAD_SCHEMA = path.resolve(__dirname, '..', '..', '..', 'docs', 'workload.schema.json');

/** Exit code of bad input (workload, prices, template): nothing was written. */
export const BAD_INPUT = 2;

/**
 * Plans a workload on a template in virtual time and reports makespan, instances, utilization, waits
 * and cost: as JSON with --json, as a self-contained HTML page with --out, else as a short summary.
 * Bad input exits 2 with the field named and writes no report.
 */
export async function plan(options: PlanOptions, io: CliIo): Promise<{ exitCode: number; report?: PlanReport; comparison?: PlanComparison }> {
  let report: PlanReport | undefined;
  let comparison: PlanComparison | undefined;
  try {
    // Before the simulation, which can take a while: a report that cannot be written fails now.
    if (options.out !== undefined) checkOutputFile(options.out);
    const workload = parseWorkloadText(readInput(options.workload, '--workload'), options.workload);
    const prices = options.prices !== undefined ? readPrices(options.prices) : undefined;
    const bar = io.interactive && !options.json ? new cliProgress.SingleBar({
      stream: io.progressStream,
      format: 'plan |{bar}| {value}/{total} jobs finished (virtual time)',
      hideCursor: true,
      clearOnComplete: true,
    }, cliProgress.Presets.shades_classic) : undefined;
    // Not on a terminal (a pipe, a CI log): a line every few seconds instead of the bar.
    const lines = io.interactive ? undefined : new ProgressLines((line) => io.err(line),
      (finished, total, elapsed) => `plan: ${finished}/${total} jobs finished (virtual time) after ${elapsed} s`);
    let started = false;
    const variants = (options.compareWeights ?? []).map((text) => parsePolicyOverride(text, '--compare-weights'));
    try {
      const source = {
        templateFile: templateSource(options),
        stackName: options.stack,
        parameters: keyValues('--parameter', options.parameter ?? []),
        imports: importsOf(options),
        kubernetesSecretsDirectory: options.kubernetesSecretsDir,
      };
      const planOptions = {
        prices,
        onProgress: bar ? (finished: number, total: number) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(finished);
        } : (finished: number, total: number) => lines?.update(finished, total),
      };
      if (variants.length > 0) {
        comparison = comparePolicySettings(source, workload, variants, { ...planOptions, fieldOf: (i) => `--compare-weights ${options.compareWeights![i]}` });
      } else {
        report = planWorkload(source, workload, planOptions);
      }
    } finally {
      bar?.stop();
    }
  } catch (error) {
    io.err(`batch-local plan: ${(error as Error).message}`);
    return { exitCode: BAD_INPUT };
  }
  if (options.out !== undefined) {
    const on = `${path.basename(options.workload)} on ${path.basename(templateSource(options))}`;
    const html = comparison ? await comparisonHtml(comparison, `What-if: ${on}`) : await reportHtml(report!, `Plan: ${on}`);
    try {
      writeAtomically(options.out, html);
    } catch (error) {
      io.err(`batch-local plan: ${(error as Error).message}`);
      return { exitCode: BAD_INPUT };
    }
    if (!options.json) io.err(`report written to ${options.out}`);
  }
  if (options.json) printJson(io, comparison ?? report);
  else io.out(comparison ? comparisonSummary(comparison) : planSummary(report!));
  return { exitCode: 0, report, comparison };
}

export function planCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('plan')
    .description('Simulate a workload on the template in virtual time: makespan, instances, utilization, queue waits and cost');
  addRequiredOption(command, '-w, --workload <file>', `workload file (JSON; schema: ${WORKLOAD_SCHEMA})`)
    .option('-o, --out <file>', 'write a self-contained HTML report with charts')
    .option('--prices <file>', 'price overrides (JSON: {"onDemand": {type: USD/h}, "spot": {...}, "spotPriceFactor": 0.35})')
    .option('--compare-weights <settings>', 'what-if: plan once per setting of a scheduling policy and report the runs side by side; '
      + '[POLICY:]SHARE=WEIGHT,...[,shareDecaySeconds=S][,computeReservation=R]; repeat it (given once: against the template\'s own)',
    (value: string, previous: string[] = []) => [...previous, value])
    .option('--kubernetes-secrets-dir <dir>', 'EKS pods\' secret volumes: DIR/<secretName>/<key> files, as serve and run take them '
      + '(a pod whose required secret is missing fails to start in the plan as in a run)');
  addTemplateOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Exit codes: 0 planned, 2 bad input (the message names the field; no report is written).

Examples:
  $ batch-local plan --cdk-out cdk.out --workload workload.json --out report.html
  $ batch-local plan --template template.json --workload workload.json --json
  $ batch-local plan --template template.json --workload workload.json --compare-weights teamA=1,teamB=3 --compare-weights teamA=1,teamB=1 --out what-if.html`);
  command.action(async (options: PlanOptions) => {
    setExitCode((await plan(options, io)).exitCode);
  });
  return command;
}

function readInput(file: string, option: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new WorkloadError(`${option} ${file}: cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readPrices(file: string): PriceOverrides {
  let json: unknown;
  try {
    json = JSON.parse(readInput(file, '--prices'));
  } catch (error) {
    if (error instanceof WorkloadError) throw error;
    throw new WorkloadError(`--prices ${file}: malformed JSON: ${(error as Error).message}`);
  }
  PriceTable.fromOverrides(json as PriceOverrides, path.basename(file)); // validate now, naming the field
  return json as PriceOverrides;
}

/** `--out FILE` must be a file in an existing folder: said before planning, naming the path. */
function checkOutputFile(file: string): void {
  const folder = path.dirname(path.resolve(file));
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new WorkloadError(`--out ${file}: the folder ${folder} does not exist; create it first (nothing was planned)`);
  }
  if (!folderStat.isDirectory()) throw new WorkloadError(`--out ${file}: ${folder} is not a folder (nothing was planned)`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw new WorkloadError(`--out ${file}: the folder ${folder} is not writable (nothing was planned)`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new WorkloadError(`--out ${file}: is a folder; give a file name, e.g. ${path.join(file, 'report.html')} (nothing was planned)`);
  }
}

/**
 * A reader never sees half a report: write beside, then rename. A failure names the report's path,
 * not the temporary file's, and leaves no temporary file behind.
 */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new Error(`--out ${file}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
