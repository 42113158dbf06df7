import { execFile, spawnSync } from 'child_process';

/**
 * The few Docker CLI calls the executor makes besides `docker run`. The environment is passed
 * explicitly: the client finds its engine (DOCKER_HOST, DOCKER_CONTEXT) through it.
 */
export class DockerCli {
  constructor(readonly command: string) {}

  /** Whether an engine answers `docker info` within `timeoutMs`. */
  engineAnswers(timeoutMs: number = 15_000): boolean {
    const result = spawnSync(this.command, ['info', '--format', '{{.ServerVersion}}'], { timeout: timeoutMs, stdio: 'ignore', env: process.env });
    return result.status === 0;
  }

  /** `docker kill --signal`; `done(false)` when there is no such running container. */
  kill(containerName: string, signal: string, done: (killed: boolean) => void): void {
    execFile(this.command, ['kill', `--signal=${signal}`, containerName], { env: process.env }, (error) => done(!error));
  }

  /** Whether the kernel OOM-killed the container (`State.OOMKilled`). */
  oomKilled(containerName: string, done: (oomKilled: boolean) => void): void {
    execFile(this.command, ['inspect', '--format', '{{.State.OOMKilled}}', containerName], { env: process.env }, (error, stdout) => done(!error && String(stdout).trim() === 'true'));
  }

  /** `docker rm -f`, without waiting. */
  remove(containerName: string): void {
    execFile(this.command, ['rm', '-f', containerName], { env: process.env }, () => undefined);
  }
}
