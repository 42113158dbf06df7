import { candidateCommands, ContainerEngine, detectEngine, EngineProbe, noEngineMessage, probeEngine } from '../../../../src/runtime/executors/docker/container-engine';

describe('container engine detection', () => {
  test('AUTO tries podman first, then docker; an explicit command replaces both', () => {
    expect(candidateCommands(ContainerEngine.AUTO)).toEqual(['podman', 'docker']);
    expect(candidateCommands(ContainerEngine.PODMAN)).toEqual(['podman']);
    expect(candidateCommands(ContainerEngine.DOCKER)).toEqual(['docker']);
    expect(candidateCommands(ContainerEngine.AUTO, '/opt/bin/podman')).toEqual(['/opt/bin/podman']);
  });

  test('the first candidate that answers wins; later ones are not asked', () => {
    // GIVEN podman missing, docker answering
    const asked: string[] = [];
    const probe = (command: string): EngineProbe => {
      asked.push(command);
      return command === 'docker' ? { command, answers: true } : { command, answers: false, problem: 'not found' };
    };
    // WHEN
    const detected = detectEngine(['podman', 'docker', 'other'], probe);
    // THEN
    expect(detected.command).toBe('docker');
    expect(asked).toEqual(['podman', 'docker']);
  });

  test('when none answers, the message names each command tried and why', () => {
    // GIVEN
    const detected = detectEngine(['podman', 'docker'], (command) => ({ command, answers: false, problem: command === 'podman' ? 'not found' : 'exit 1: Cannot connect' }));
    // THEN
    expect(detected.command).toBeUndefined();
    expect(noEngineMessage(detected.probes)).toBe(
      'JobExecutor.docker: no container engine answers: tried `podman version` (not found), `docker version` (exit 1: Cannot connect); '
      + 'install Podman or start Docker, or use JobExecutor.process()');
  });

  test('probeEngine reads the exit code, not the binary\'s presence', () => {
    // a binary that exists and exits non-zero (like the Docker CLI without its daemon)
    expect(probeEngine('false')).toEqual({ command: 'false', answers: false, problem: 'exit 1' });
    expect(probeEngine('/nonexistent/podman')).toEqual({ command: '/nonexistent/podman', answers: false, problem: 'not found' });
    expect(probeEngine('true')).toEqual({ command: 'true', answers: true });
  });
});
