import { DockerCli } from '../../../../src/runtime/executors/docker/docker-cli';
import { FakeDockerEnvironment } from '../fixtures/fake-docker-environment';

describe('DockerCli (against the fake docker)', () => {
  let fake: FakeDockerEnvironment;
  beforeEach(() => { fake = new FakeDockerEnvironment(); });
  afterEach(() => fake.restore());

  test('engineAnswers is true when `docker version` succeeds, false when it fails (a CLI without its daemon) or docker is missing', () => {
    expect(new DockerCli('docker').engineAnswers()).toBe(true);
    process.env.FAKE_DOCKER_INFO = 'fail';
    expect(new DockerCli('docker').engineAnswers()).toBe(false);
    expect(new DockerCli('/nonexistent/docker').engineAnswers()).toBe(false);
    expect(fake.calls().map((c) => c.argv)).toEqual([['version'], ['version']]);
  });

  test('kill reports whether a container was there to signal', async () => {
    const killed = await new Promise<boolean>((resolve) => new DockerCli('docker').kill('no-such-container', 'SIGTERM', resolve));
    expect(killed).toBe(false);
    expect(fake.calls()[0].argv).toEqual(['kill', '--signal=SIGTERM', 'no-such-container']);
  });
});
