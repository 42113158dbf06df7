import { execFile } from 'child_process';
import { probeEngine } from './container-engine';

/**
 * The few engine CLI calls the executor makes besides `run` (`docker` or `podman`: the same verbs).
 * The environment is passed explicitly: the client finds its engine (DOCKER_HOST, CONTAINER_HOST) through it.
 */
export class DockerCli {
  constructor(readonly command: string) {}

  /** Whether the engine answers `<command> version` within `timeoutMs`. */
  engineAnswers(timeoutMs: number = 15_000): boolean {
    return probeEngine(this.command, timeoutMs).answers;
  }

  /** `kill --signal`; `done(false)` when there is no such running container. */
  kill(containerName: string, signal: string, done: (killed: boolean) => void): void {
    execFile(this.command, ['kill', `--signal=${signal}`, containerName], { env: process.env }, (error) => done(!error));
  }

  /** `rm -f`, without waiting. */
  remove(containerName: string): void {
    execFile(this.command, ['rm', '-f', containerName], { env: process.env }, () => undefined);
  }
}
