import { BatchBackend, isTerminal, JobDetail, JobStatus } from '../runtime/cli-surface';

/** How a followed job ended for `batch-local run`. */
export interface WatchedOutcome {
  /** The job as DescribeJobs shows it at the end (terminal, or RUNNABLE/PENDING when stalled). */
  readonly job: JobDetail;
  readonly interrupted: boolean;
  readonly timedOut: boolean;
  /** DIAG-2: why nothing left can change the job, when the watch ended for that. */
  readonly stalledReason?: string;
}

export interface WatchOptions {
  /** Terminate the job (LIFE-7) with this reason when it aborts (Ctrl-C). */
  readonly interrupt?: { readonly signal: AbortSignal; readonly reason: string };
  /** Terminate the job with this reason when it has not ended after `seconds`. */
  readonly timeout?: { readonly seconds: number; readonly reason: string };
  /** Each state change of the job or of an array child (`id:i`): its id and the job's detail now. */
  readonly onChange?: (changedJobId: string, job: JobDetail) => void;
}

/**
 * Follows a job until it has ended, or until nothing left can change it (DIAG-2: it, or a job it waits
 * on, can never be placed), never silently: should the process run out of work while the job waits in
 * a way the stall check does not know, the watch ends with explainJob's reason.
 */
export function watchJobOutcome(backend: BatchBackend, jobId: string, options: WatchOptions = {}): Promise<WatchedOutcome> {
  const describe = (): JobDetail => backend.describeJobs([jobId])[0];
  let interrupted = false;
  let timedOut = false;
  let stalledReason: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stallCheck: NodeJS.Immediate | undefined;
  const onInterrupt = (): void => {
    interrupted = true;
    backend.terminateJob(jobId, options.interrupt!.reason);
  };
  return new Promise<WatchedOutcome>((done) => {
    let finished = false;
    const onBeforeExit = (): void => {
      stalledReason = backend.explainJob(jobId);
      finish(describe());
    };
    const finish = (job: JobDetail): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (stallCheck) clearImmediate(stallCheck);
      process.removeListener('beforeExit', onBeforeExit);
      options.interrupt?.signal.removeEventListener('abort', onInterrupt);
      done({ job, interrupted, timedOut, ...(stalledReason !== undefined ? { stalledReason } : {}) });
    };
    // After the step that changed a state has finished (array children and nodes move together).
    const checkStall = (): void => {
      stallCheck = undefined;
      if (finished || interrupted || timedOut) return;
      stalledReason = backend.permanentStallReason(jobId);
      if (stalledReason !== undefined) finish(describe());
    };
    const check = (changedJobId: string): void => {
      if (finished) return;
      const job = describe();
      options.onChange?.(changedJobId, job);
      if (isTerminal(job.status as JobStatus)) finish(job);
      else stallCheck ??= setImmediate(checkStall);
    };
    backend.addJobStateListener({
      onJobStateChange: (changed) => {
        // The job, its array children (id:i) and its multi-node nodes (id#n).
        const rest = changed.jobId.startsWith(jobId) ? changed.jobId.slice(jobId.length) : undefined;
        if (rest === '' || rest?.startsWith(':') || rest?.startsWith('#')) check(changed.jobId);
      },
    });
    process.once('beforeExit', onBeforeExit);
    if (options.timeout) {
      const { seconds, reason } = options.timeout;
      timer = setTimeout(() => {
        timedOut = true;
        backend.terminateJob(jobId, reason);
      }, seconds * 1000);
    }
    if (options.interrupt?.signal.aborted) onInterrupt();
    else options.interrupt?.signal.addEventListener('abort', onInterrupt, { once: true });
    check(jobId);
  });
}
