import { spawnSync } from 'child_process';

/** The label the docker executor puts on every job container (docker-run-arguments.ts). */
export const JOB_ID_LABEL = 'cdk-batch-kit.job-id';

/**
 * The containers to remove: those whose job-id label names a job of this state directory (`belongs`).
 * `labeled` is `<container id> <job id>` per line, as `inspect` printed it.
 */
export function staleContainers(labeled: string, belongs: (jobId: string) => boolean): string[] {
  const ids: string[] = [];
  for (const line of labeled.split('\n')) {
    const [container, jobId] = line.trim().split(/\s+/);
    if (container && jobId && belongs(jobId)) ids.push(container);
  }
  return ids;
}

/**
 * A durable docker endpoint restarting: containers still there from before the crash belong to
 * attempts the restart fails as on a lost host, so they must not go on running (and writing to
 * their work directories) unseen. Removes (`rm -f`) every container labeled with a job of this
 * state directory; containers of other endpoints (other job ids) are left alone. Returns how many.
 * Two calls, `ps` then `inspect`, because `.Config.Labels` is a map in both Docker and Podman
 * while the `ps --format` label fields differ between them.
 */
export function removeStaleContainers(command: string, belongs: (jobId: string) => boolean, warn: (message: string) => void): number {
  const run = (args: string[]): string | undefined => {
    const result = spawnSync(command, args, { encoding: 'utf8', env: process.env, timeout: 60_000 });
    if (result.status === 0) return result.stdout;
    warn(`batch-local: ${command} ${args[0]} failed while removing containers left from before the restart (${result.error?.message ?? String(result.stderr).trim().split('\n')[0]})`);
    return undefined;
  };
  const listed = run(['ps', '-a', '-q', '--filter', `label=${JOB_ID_LABEL}`])?.split('\n').map((id) => id.trim()).filter((id) => id !== '') ?? [];
  if (listed.length === 0) return 0;
  const labeled = run(['inspect', '--format', `{{.Id}} {{index .Config.Labels "${JOB_ID_LABEL}"}}`, ...listed]);
  const stale = labeled === undefined ? [] : staleContainers(labeled, belongs);
  if (stale.length > 0 && run(['rm', '-f', ...stale]) !== undefined) {
    warn(`batch-local: removed ${stale.length} container(s) left running from before the restart; their attempts failed as on a lost host`);
  }
  return stale.length;
}
