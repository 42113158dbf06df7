import { ImageCommand } from './process-executor-props';
import { LaunchFailure } from '../common/launch-failure';

/**
 * The argv a host process runs for a container: the image's entrypoint (from the executor's `images`
 * mapping) followed by the job's command, or by the image's default command when the job has none.
 */
export function hostArgv(image: string | undefined, command: readonly string[], images: Record<string, ImageCommand>): string[] {
  const mapping = image !== undefined ? images[image] ?? images[withoutTagOrDigest(image)] : undefined;
  const argv = [...(mapping?.entrypoint ?? []), ...(command.length > 0 ? command : mapping?.command ?? [])];
  if (argv.length === 0) {
    throw new LaunchFailure(`command: the job has no command and image ${JSON.stringify(image ?? '')} has no entry in the executor's images mapping to run instead`);
  }
  return argv;
}

/** `repo/name:tag` and `repo/name@sha256:...` to `repo/name` (a registry port's colon is kept). */
export function withoutTagOrDigest(image: string): string {
  const digestless = image.split('@')[0];
  const lastSlash = digestless.lastIndexOf('/');
  const colon = digestless.indexOf(':', lastSlash + 1);
  return colon === -1 ? digestless : digestless.slice(0, colon);
}
