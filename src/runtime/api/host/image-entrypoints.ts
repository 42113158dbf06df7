import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner, ResumedAttempt } from '../../core/executor';
import { ResourceRegistry } from '../../core/model/resource-registry';

/**
 * Docker's ENTRYPOINT for runners that do not pull images (the process executor runs commands on
 * the host): a job whose image is listed runs `entrypoint ++ command`. The AWS Batch tutorials rely
 * on it: the print-color job definition has an image and no command, its container runs the
 * image's entrypoint script. Map that image to a host command and the tutorial runs unchanged.
 */
export class ImageEntrypointRunner implements JobRunner {
  readonly realTime: boolean;

  constructor(private readonly inner: JobRunner, private readonly entrypoints: ReadonlyMap<string, readonly string[]>) {
    this.realTime = inner.realTime;
  }

  start(launch: ContainerLaunch, sink: AttemptSink): AttemptHandle {
    const entrypoint = launch.image !== undefined ? this.entrypoints.get(launch.image) : undefined;
    return this.inner.start(entrypoint ? new EntrypointLaunch(launch, [...entrypoint, ...launch.command]) : launch, sink);
  }

  bindRegistry(registry: ResourceRegistry): string[] {
    return this.inner.bindRegistry?.(registry) ?? [];
  }

  finalWarnings(): string[] {
    return this.inner.finalWarnings?.() ?? [];
  }

  /** PLAT-3: the pod attempt's shared directories go when its last container has ended, as without entrypoints. */
  taskEnded(jobId: string, attempt: number): void {
    this.inner.taskEnded?.(jobId, attempt);
  }

  checkpointState(): unknown {
    return this.inner.checkpointState?.();
  }

  restoreState(state: unknown): void {
    this.inner.restoreState?.(state);
  }

  /** Checkpoints: as the inner runner carries its attempts (undefined: it carries none). */
  saveAttempt(handle: AttemptHandle): unknown {
    return this.inner.saveAttempt?.(handle);
  }

  resumeAttempt(launch: ContainerLaunch, sink: AttemptSink, saved: unknown): ResumedAttempt {
    if (!this.inner.resumeAttempt) throw new Error(`job ${launch.jobId}: this runner cannot resume a checkpointed attempt`);
    return this.inner.resumeAttempt(launch, sink, saved);
  }
}

/**
 * The launch with another command. It delegates every other field, read when the executor asks:
 * launches compute their fields lazily (getters), which a `{ ...launch }` copy would lose.
 */
class EntrypointLaunch implements ContainerLaunch {
  constructor(private readonly base: ContainerLaunch, readonly command: string[]) {}
  get jobId(): string { return this.base.jobId; }
  get jobName(): string { return this.base.jobName; }
  get attempt(): number { return this.base.attempt; }
  get jobDefinitionName(): string { return this.base.jobDefinitionName; }
  get containerName(): string | undefined { return this.base.containerName; }
  get image(): string | undefined { return this.base.image; }
  get environment(): Record<string, string> { return this.base.environment; }
  get vcpus(): number { return this.base.vcpus; }
  get memoryMiB(): number { return this.base.memoryMiB; }
  get gpus(): number { return this.base.gpus; }
  get container(): ContainerLaunch['container'] { return this.base.container; }
  get logStreamName(): string { return this.base.logStreamName; }
}

/** Parses `IMAGE=COMMAND` (the command split on white space), as `--entrypoint` takes it. */
export function parseEntrypoint(spec: string): [string, string[]] {
  const equals = spec.indexOf('=');
  const image = spec.slice(0, equals).trim();
  const command = spec.slice(equals + 1).trim().split(/\s+/).filter((part) => part.length > 0);
  if (equals <= 0 || image.length === 0 || command.length === 0) {
    throw new Error(`--entrypoint ${JSON.stringify(spec)}: expected IMAGE=COMMAND, e.g. print-color=./print-color.sh`);
  }
  return [image, command];
}
