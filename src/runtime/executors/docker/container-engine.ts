import { spawnSync } from 'child_process';

/** Which container engine CLI the container executor drives. */
export enum ContainerEngine {
  /** Podman if `podman version` answers, else Docker if `docker version` answers. */
  AUTO = 'auto',
  /**
   * The `podman` CLI, invoked directly (not the Docker CLI against Podman's API service, whose
   * `run --rm` reports exit code 0 for failing containers in Podman 4.3).
   */
  PODMAN = 'podman',
  /** The `docker` CLI (Docker Engine, or the podman-docker wrapper). */
  DOCKER = 'docker',
}

/** The result of asking one CLI whether its engine answers. */
export interface EngineProbe {
  readonly command: string;
  readonly answers: boolean;
  /** Why not, for the error message: "not found", "exit 1: <first stderr line>", "timed out". */
  readonly problem?: string;
}

/**
 * Asks `<command> version` with a timeout. The exit code matters, not the binary's presence: the
 * Docker CLI without a daemon prints its own version and exits 1.
 */
export function probeEngine(command: string, timeoutMs: number = 15_000): EngineProbe {
  const result = spawnSync(command, ['version'], { timeout: timeoutMs, stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
  if (result.status === 0) return { command, answers: true };
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { command, answers: false, problem: 'not found' };
  if (code === 'ETIMEDOUT' || result.signal) return { command, answers: false, problem: `no answer within ${timeoutMs} ms` };
  const firstLine = String(result.stderr ?? '').split('\n').map((line) => line.trim()).find((line) => line !== '');
  return { command, answers: false, problem: `exit ${result.status}${firstLine ? `: ${firstLine}` : ''}` };
}

/** The CLIs to try for an engine choice, in order; `command` (a path or name) replaces the engine's default name. */
export function candidateCommands(engine: ContainerEngine, command?: string): string[] {
  if (command !== undefined) return [command];
  switch (engine) {
    case ContainerEngine.PODMAN: return ['podman'];
    case ContainerEngine.DOCKER: return ['docker'];
    default: return ['podman', 'docker'];
  }
}

/** The first candidate whose engine answers; `undefined` and every probe when none does. */
export function detectEngine(
  candidates: readonly string[],
  probe: (command: string) => EngineProbe = probeEngine,
): { command?: string; probes: EngineProbe[] } {
  const probes: EngineProbe[] = [];
  for (const candidate of candidates) {
    const result = probe(candidate);
    probes.push(result);
    if (result.answers) return { command: candidate, probes };
  }
  return { probes };
}

/** The error when no candidate answers: what was tried and why each failed. */
export function noEngineMessage(probes: readonly EngineProbe[]): string {
  const tried = probes.map((p) => `\`${p.command} version\` (${p.problem})`).join(', ');
  return `JobExecutor.docker: no container engine answers: tried ${tried}; install Podman or start Docker, or use JobExecutor.process()`;
}
