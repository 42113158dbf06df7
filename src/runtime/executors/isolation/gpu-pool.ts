import { execFileSync } from 'child_process';
import { LaunchFailure } from '../common/launch-failure';

/** A request for GPUs that is waiting; cancel it when the attempt is stopped first. */
export interface GpuReservation {
  cancel(): void;
}

/**
 * The host GPUs jobs are pinned to, each to one job at a time (SCHED-4). A job that asks for more
 * GPUs than the host has can never start; one that asks for GPUs that are taken waits, first come
 * first served.
 */
export class GpuPool {
  private ids?: readonly string[];
  private free: string[] = [];
  private readonly waiting: Array<{ count: number; grant: (ids: string[]) => void }> = [];

  /** `discover` runs once, at the first launch: most runtimes never need it. */
  constructor(private readonly discover: () => readonly string[]) {}

  /** Every GPU of the pool. */
  get all(): readonly string[] {
    if (!this.ids) {
      this.ids = [...this.discover()];
      this.free = [...this.ids];
    }
    return this.ids;
  }

  /** Calls `grant` with `count` GPUs now or once they are released. */
  acquire(count: number, grant: (ids: string[]) => void): GpuReservation {
    if (count > this.all.length) {
      throw new LaunchFailure(`resourceRequirements GPU: the job asks for ${count} GPUs; this host has ${this.all.length}${this.all.length > 0 ? ` (${this.all.join(', ')})` : ''}`);
    }
    const request = { count, grant };
    this.waiting.push(request);
    this.serve();
    return {
      cancel: () => {
        const index = this.waiting.indexOf(request);
        if (index !== -1) this.waiting.splice(index, 1);
      },
    };
  }

  release(ids: readonly string[]): void {
    this.free.push(...ids);
    this.serve();
  }

  private serve(): void {
    // First come first served: a large request at the head is not overtaken by later small ones.
    while (this.waiting.length > 0 && this.waiting[0].count <= this.free.length) {
      const request = this.waiting.shift()!;
      request.grant(this.free.splice(0, request.count));
    }
  }
}

/**
 * The GPU UUIDs `nvidia-smi -L` lists (`GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-...)`); none when the
 * command is missing or fails. UUIDs rather than indexes: CUDA's default device order can differ from
 * nvidia-smi's.
 */
export function discoverNvidiaGpus(command: string = 'nvidia-smi'): string[] {
  let output: string;
  try {
    output = execFileSync(command, ['-L'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const line of output.split('\n')) {
    const match = /^GPU (\d+):.*?(?:\(UUID: ([^)]+)\))?\s*$/.exec(line.trim());
    if (match) ids.push(match[2] ?? match[1]);
  }
  return ids;
}
