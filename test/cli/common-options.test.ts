import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command } from 'commander';
import {
  addBehaviorOptions, addExecutorOptions, addTemplateOptions, behaviorsFromOptions, checkBehaviorsApply, ExecutorOptions, podVolumeSources,
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
});
