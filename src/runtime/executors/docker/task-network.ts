import { execFile } from 'child_process';
import { ContainerLaunch } from '../../core/executor';

/** The label that marks a task's network holder (besides the job-id and attempt labels every container has). */
export const NETWORK_HOLDER_LABEL = 'cdk-batch-kit.role=network-holder';

/** Where a user chooses the holder's image (the executor's prop, the CLI's flag). */
export const HOLDER_IMAGE_OPTION = 'JobExecutor.docker({ taskNetworkHolderImage }) or --task-network-holder-image IMAGE';

/** Runs one engine CLI call; `done` gets the error text, or undefined on success. Injectable for tests. */
export type EngineCall = (args: string[], done: (error: string | undefined) => void) => void;

/** The holder's name once it runs, or why it could not be created. */
export type Joined = (holder: string | undefined, error?: string) => void;

interface Holder {
  readonly name: string;
  state: 'creating' | 'ready' | 'failed';
  error?: string;
  ended: boolean;
  readonly waiters: Array<(holder: Holder) => void>;
}

/**
 * PLAT-2: one network namespace per multi-container task attempt, as on ECS awsvpc and in a pod, so
 * a sidecar listening on localhost is reachable from the app. `podman pod` needs an infra image that
 * is not there offline and `docker` has no pods; joining the first container's namespace would tie
 * every other container to its life (an init container could not be removed). So a small holder
 * container runs `sleep` from the task's first image (or `holderImage`, for images without `sleep`),
 * with the task's network mode, and each container joins it with `--network container:<holder>`;
 * it goes when the attempt ends.
 */
export class TaskNetworks {
  private readonly holders = new Map<string, Holder>();

  /** @param holderImage the image whose `sleep` holds each task's namespace; default: the task's first image */
  constructor(private readonly call: EngineCall, private readonly retryDelayMs: number = 500, private readonly holderImage?: string) {}

  /**
   * The holder of the launch's task attempt, created on the task's first container: `done(name)`
   * once it runs, `done(undefined, why)` when it could not be created.
   */
  join(launch: ContainerLaunch, holderName: string, networkArgs: readonly string[], done: Joined): void {
    const key = taskKey(launch.jobId, launch.attempt);
    let holder = this.holders.get(key);
    if (!holder) {
      const created: Holder = { name: holderName, state: 'creating', ended: false, waiters: [] };
      const image = this.holderImage ?? launch.image ?? '';
      holder = created;
      this.holders.set(key, created);
      const args = [
        'run', '-d', '--rm', '--name', created.name,
        '--label', `cdk-batch-kit.job-id=${launch.jobId}`, '--label', `cdk-batch-kit.attempt=${launch.attempt}`, '--label', NETWORK_HOLDER_LABEL,
        // `sleep` as PID 1 ignores SIGTERM: with KILL as its stop signal `rm -f` does not wait out a grace period.
        '--stop-signal', 'KILL', '--memory=16m', ...networkArgs,
        '--entrypoint', 'sleep', image, '2147483647',
      ];
      this.call(args, (error) => {
        created.state = error === undefined ? 'ready' : 'failed';
        if (error !== undefined) {
          created.error = `cannot create the task's network holder (sleep in ${image}): ${error}`
            + (this.holderImage === undefined ? `; an image with \`sleep\` can hold it instead: ${HOLDER_IMAGE_OPTION}` : '');
          this.remove(created.name, 0); // `run -d` may leave a created container behind
        } else if (created.ended) {
          this.remove(created.name, 0);
        }
        for (const waiter of created.waiters.splice(0)) waiter(created);
      });
    }
    const answer = (ready: Holder): void => (ready.state === 'ready' ? done(ready.name) : done(undefined, ready.error));
    if (holder.state === 'creating') holder.waiters.push(answer);
    else answer(holder);
  }

  /** The attempt's last container has ended: its holder goes (once created, if still being created). */
  end(jobId: string, attempt: number): void {
    const key = taskKey(jobId, attempt);
    const holder = this.holders.get(key);
    if (!holder) return;
    this.holders.delete(key);
    holder.ended = true;
    if (holder.state === 'ready') this.remove(holder.name, 0);
  }

  /** `rm -f`, retried a few times: a stopped container's own `rm -f` may still be on its way, and it depends on the holder. */
  private remove(name: string, tries: number): void {
    this.call(['rm', '-f', name], (error) => {
      if (error === undefined || tries >= 20) return;
      setTimeout(() => this.remove(name, tries + 1), this.retryDelayMs).unref();
    });
  }
}

/** The engine CLI as an `EngineCall`, with the process's environment (DOCKER_HOST, CONTAINER_HOST). */
export function engineCall(command: string): EngineCall {
  return (args, done) => execFile(command, args, { env: process.env, timeout: 120_000 }, (error, _stdout, stderr) => {
    done(error ? (String(stderr).trim().split('\n').pop() || error.message) : undefined);
  });
}

function taskKey(jobId: string, attempt: number): string {
  return `${jobId}\u0000${attempt}`;
}
