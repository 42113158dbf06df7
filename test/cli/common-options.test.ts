import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command } from 'commander';
import {
  addBehaviorOptions, addExecutorOptions, addTemplateOptions, behaviorsFromOptions, checkBehaviorsApply, dockerExecutorProps, ExecutorOptions,
  podVolumeSources,
} from '../../src/cli/common-options';

describe('common options', () => {
  test('PLAT-3: --kubernetes-secrets-dir and --persistent-volumes-dir become the runtime\'s pod volume sources; without them there are none', () => {
    // GIVEN
    const parse = (args: string[]): ExecutorOptions => addExecutorOptions(new Command('x')).parse(args, { from: 'user' }).opts() as ExecutorOptions;

    // WHEN
    const given = podVolumeSources(parse(['--kubernetes-secrets-dir', 'secrets', '--persistent-volumes-dir', 'claims']));
    const none = podVolumeSources(parse([]));

    // THEN
    expect(given).toEqual({ kubernetesSecretsDirectory: 'secrets', persistentVolumesDirectory: 'claims' });
    expect(none).toEqual({ kubernetesSecretsDirectory: undefined, persistentVolumesDirectory: undefined });
  });

  test('issue #25: --stack\'s help says it also names a --template stack, and what the default name is', () => {
    // GIVEN / WHEN
    const help = addTemplateOptions(new Command('x')).helpInformation();

    // THEN
    expect(help.replace(/\s+/g, ' ')).toContain('With --template: the stack\'s name, which generated names and ARNs include (default: the file name without .template.json, .json, .yaml or .yml, made a valid stack name');
  });

  test('issue #25: --strict-behaviors makes the behaviours strict, with or without a file', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'common-options-'));
    const file = path.join(dir, 'behaviors.json');
    fs.writeFileSync(file, JSON.stringify({ byJobName: { a: { durationSeconds: 5 } } }));

    // WHEN
    const fromFile = behaviorsFromOptions({ executor: 'simulated', behaviors: file, strictBehaviors: true });
    const alone = behaviorsFromOptions({ executor: 'simulated', strictBehaviors: true });
    const none = behaviorsFromOptions({ executor: 'simulated' });
    fs.rmSync(dir, { recursive: true, force: true });

    // THEN
    expect(fromFile?.strict).toBe(true);
    expect(Object.keys(fromFile?.byJobName ?? {})).toEqual(['a']);
    expect(alone).toEqual({ strict: true });
    expect(none).toBeUndefined();
    expect(addBehaviorOptions(new Command('x')).helpInformation()).toContain('--strict-behaviors');
  });

  test('issue #25: behaviours for an executor that is not simulated are refused, not ignored', () => {
    expect(() => checkBehaviorsApply({ executor: 'process', strictBehaviors: true }, false)).toThrow('apply to the simulated executor only (--executor simulated)');
    expect(() => checkBehaviorsApply({ executor: 'simulated', behaviors: 'b.json' }, true)).not.toThrow();
    expect(() => checkBehaviorsApply({ executor: 'process' }, false)).not.toThrow();
  });

  test('PLAT-2: --task-network-holder-image IMAGE reaches the docker executor\'s taskNetworkHolderImage; given to another executor it is refused, not ignored', () => {
    // GIVEN
    const parse = (...argv: string[]): ExecutorOptions => addExecutorOptions(new Command('x')).exitOverride().parse(argv, { from: 'user' }).opts() as ExecutorOptions;

    // WHEN
    const docker = parse('--executor', 'docker', '--engine', 'podman', '--task-network-holder-image', 'busybox:1.36');
    const plain = parse('--executor', 'docker');
    const processExecutor = parse('--task-network-holder-image', 'busybox');

    // THEN
    expect(dockerExecutorProps(docker)).toEqual({ engine: 'podman', taskNetworkHolderImage: 'busybox:1.36' });
    expect(dockerExecutorProps(plain)).toEqual({ engine: 'auto', taskNetworkHolderImage: undefined });
    expect(() => dockerExecutorProps(processExecutor)).toThrow('--task-network-holder-image works with --executor docker only (not process)');
    expect(addExecutorOptions(new Command('x')).helpInformation()).toContain('--task-network-holder-image <image>');
  });
});

