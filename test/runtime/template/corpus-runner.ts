import * as path from 'path';
import { diagnoseTemplate } from '../../../src/cli/template-diagnosis';
import { JobExecutor } from '../../../src/runtime/executors/job-executor';
import { LocalBatchRuntime } from '../../../src/runtime/local-batch-runtime';
import { readTemplateFile } from '../../../src/runtime/template/template-file';

/** Where the corpus of templates written in the shapes real templates have lives. */
export const CORPUS = path.join(__dirname, 'corpus');

/** What one queue x job definition pair does: the job's final status, or why SubmitJob refused it. */
export type PairOutcome = 'SUCCEEDED' | 'FAILED' | 'RUNNABLE' | 'REJECTED';

export interface PairResult {
  readonly jobQueue: string;
  readonly jobDefinition: string;
  readonly outcome: PairOutcome;
  /** The status's reason or the ClientException's message. */
  readonly detail: string;
  /** What `doctor` predicted: true when it says the definition runs on the queue; undefined when it did not probe the pair. */
  readonly doctorRuns?: boolean;
}

export interface CorpusRun {
  readonly stackName: string;
  readonly warnings: string[];
  readonly pairs: PairResult[];
  readonly runtime: LocalBatchRuntime;
}

export interface CorpusInputs {
  readonly parameters?: Record<string, string>;
  readonly imports?: Record<string, string>;
}

/**
 * Loads a corpus template with the facade (virtual time, simulated executor), submits one job on each
 * queue x active job definition pair, runs until idle, and asks `doctor` about the same template.
 */
export function runCorpusTemplate(file: string, inputs: CorpusInputs = {}): CorpusRun {
  const warnings: string[] = [];
  const source = path.join(CORPUS, file);
  const runtime = LocalBatchRuntime.fromTemplateFile(source, {
    executor: JobExecutor.simulated(), parameters: inputs.parameters, imports: inputs.imports, logger: { warn: (message) => warnings.push(message) },
  });
  const registry = runtime._backend.registry;
  const queues = registry.listJobQueues().map((q) => q.name);
  // FS-3: a fair-share queue takes jobs with a share identifier; the first one its policy declares (a prefix made whole).
  const shareOf = new Map(registry.listJobQueues().map((q) => {
    const declared = q.schedulingPolicy?.fairsharePolicy.shareDistribution[0]?.shareIdentifier;
    return [q.name, q.schedulingPolicy === undefined ? undefined : (declared ?? 'corpus').replace(/\*$/, 'corpus')] as const;
  }));
  const definitions = registry.listJobDefinitions().filter((d) => d.status === 'ACTIVE').map((d) => `${d.name}:${d.revision}`);
  const read = readTemplateFile(source);
  const diagnosis = diagnoseTemplate(read.template, read.stackName, inputs.parameters, {
    imports: inputs.imports, nestedTemplates: read.nestedTemplates,
  });
  const pairs: PairResult[] = [];
  for (const jobQueue of queues) {
    for (const jobDefinition of definitions) {
      const placement = diagnosis.jobDefinitions.find((d) => d.jobDefinition === jobDefinition);
      const doctorRuns = placement?.runsOn.includes(jobQueue) ? true : placement?.neverOn.some((n) => n.jobQueue === jobQueue) ? false : undefined;
      let jobId: string;
      try {
        jobId = runtime.submitJob({ jobName: 'corpus', jobQueue, jobDefinition, shareIdentifier: shareOf.get(jobQueue) }).jobId;
      } catch (error) {
        pairs.push({ jobQueue, jobDefinition, outcome: 'REJECTED', detail: (error as Error).message, doctorRuns });
        continue;
      }
      runtime.runUntilIdle();
      const job = runtime.describeJob(jobId);
      pairs.push({ jobQueue, jobDefinition, outcome: job.status as PairOutcome, detail: job.statusReason ?? '', doctorRuns });
    }
  }
  return { stackName: read.stackName, warnings, pairs, runtime };
}
