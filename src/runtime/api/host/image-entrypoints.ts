import { AttemptHandle, AttemptSink, ContainerLaunch, JobRunner } from '../../core/executor';

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
    return this.inner.start(entrypoint ? { ...launch, command: [...entrypoint, ...launch.command] } : launch, sink);
  }
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
