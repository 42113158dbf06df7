import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { doctor } from '../../../src/cli/commands/doctor';
import { LICENCE_BOUND_STACK, PLATFORMS_STACK, recordingIo, SMALL_STACK } from '../cli-fixture';

describe('batch-local doctor', () => {
  test('DIAG-1, DIAG-2: reports the INVALID compute environment, the queue that can run nothing, and the job that fits nowhere; exit 1', () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode } = doctor({ template: SMALL_STACK }, io);
    const text = io.stdout.join('\n');

    // THEN
    expect(exitCode).toBe(1);
    expect(text).toContain('compute environment broken-ce: ENABLED, INVALID');
    expect(text).toMatch(/ERROR broken-ce: compute environment is INVALID: CLIENT_ERROR - serviceRole "AWSBatchServiceRole"/);
    expect(text).toContain('ERROR broken-queue: no compute environment of this queue is ENABLED and VALID');
    expect(text).toMatch(/ERROR huge:1: jobs of this definition can run on no queue: first-run-job-queue: A job stays RUNNABLE: MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE/);
    expect(text).toContain('job definition hello:1: runs on first-run-job-queue');
  });

  test('--json prints the diagnosis; a healthy template exits 0', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-'));
    const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    for (const id of ['BrokenEnv', 'BrokenQueue', 'Huge']) delete template.Resources[id];
    const file = path.join(dir, 'healthy.template.json');
    fs.writeFileSync(file, JSON.stringify(template));
    const io = recordingIo();

    // WHEN
    const { exitCode } = doctor({ template: file, json: true }, io);
    const diagnosis = JSON.parse(io.stdout.join(''));
    fs.rmSync(dir, { recursive: true, force: true });

    // THEN
    expect(exitCode).toBe(0);
    expect(diagnosis.findings).toEqual([]);
    expect(diagnosis.jobDefinitions).toEqual([
      { jobDefinition: 'hello:1', runsOn: ['first-run-job-queue'], neverOn: [] },
      { jobDefinition: 'failing:1', runsOn: ['first-run-job-queue'], neverOn: [] },
    ]);
  });

  test('LIM-8: a template that does not load gets no "0 compute environment(s)" headline; every rejected resource is listed; exit 1', () => {
    // GIVEN: the small stack with two compute environments the API rejects
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-'));
    const template = JSON.parse(fs.readFileSync(SMALL_STACK, 'utf8'));
    template.Resources.ComputeEnv.Properties.ComputeEnvironmentName = 'bad name';
    template.Resources.BrokenEnv.Properties.ComputeEnvironmentName = 'worse name!';
    const file = path.join(dir, 'rejected.template.json');
    fs.writeFileSync(file, JSON.stringify(template));
    const io = recordingIo();

    // WHEN
    const { exitCode } = doctor({ template: file }, io);
    fs.rmSync(dir, { recursive: true, force: true });

    // THEN
    expect(exitCode).toBe(1);
    expect(io.stdout[0]).toBe('stack rejected: the template does not load (4 error(s)); nothing was probed');
    expect(io.stdout.join('\n')).not.toMatch(/\d+ compute environment\(s\)/);
    expect(io.stdout.slice(1)).toEqual([
      expect.stringMatching(/^ERROR rejected: the template does not load: rejected\/ComputeEnv \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name"/),
      expect.stringMatching(/^ERROR rejected: the template does not load: rejected\/BrokenEnv \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "worse name!"/),
      expect.stringMatching(/^ERROR rejected: the template does not load: rejected\/Queue \(AWS::Batch::JobQueue\): /),
      expect.stringMatching(/^ERROR rejected: the template does not load: rejected\/BrokenQueue \(AWS::Batch::JobQueue\): /),
    ]);
  });

  test('PLAT-1: each job definition "runs on" only the queues of its platform: EC2 jobs not on Fargate or EKS queues, Fargate jobs not on EC2 or EKS queues', () => {
    // GIVEN one queue per platform
    const io = recordingIo();

    // WHEN
    const { exitCode, diagnosis } = doctor({ template: PLATFORMS_STACK }, io);
    const text = io.stdout.join('\n');

    // THEN
    expect(exitCode).toBe(0);
    expect(diagnosis.jobDefinitions.map((d) => [d.jobDefinition, d.runsOn])).toEqual([['ec2-job:1', ['ec2-queue']], ['fargate-job:1', ['fargate-queue']]]);
    expect(text).toContain('job definition ec2-job:1: runs on ec2-queue\n');
    expect(text).toContain('job definition fargate-job:1: runs on fargate-queue\n');
    expect(text).toMatch(/info {2}ec2-job:1: never runs on queue eks-queue: SubmitJob is rejected: Job Queue is attached to Compute Environment that can not run Jobs with capability EC2: .*eks-ce \(EKS, EC2\) \(PLAT-1\)/);
    expect(text).toMatch(/info {2}fargate-job:1: never runs on queue ec2-queue: SubmitJob is rejected: .*capability FARGATE: .*\(PLAT-1\)/);
  });
});

describe('batch-local doctor on templates from elsewhere', () => {
  const corpus = (file: string): string => path.join(__dirname, '..', '..', 'runtime', 'template', 'corpus', file);

  test('CFN-4: an import that decides the capacity is named once with --import and --imports; given in a file (list-exports output) and an option, the template loads', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-imports-'));
    const exportsFile = path.join(dir, 'exports.json');
    fs.writeFileSync(exportsFile, JSON.stringify({
      Exports: [
        { Name: 'shared-MaxCpus', Value: '8' }, { Name: 'shared-PrivateSubnets', Value: 'subnet-1,subnet-2' },
        { Name: 'shared-BatchServiceRoleArn', Value: 'arn:aws:iam::123456789012:role/BatchServiceRole' },
      ],
    }));
    const missing = recordingIo();
    const given = recordingIo();

    // WHEN
    const refused = doctor({ template: corpus('imports.yaml') }, missing);
    const loaded = doctor({ template: corpus('imports.yaml'), imports: exportsFile, import: ['shared-MaxCpus=16', 'shared-JobRoleArn=arn:aws:iam::123456789012:role/job'] }, given);
    fs.rmSync(dir, { recursive: true, force: true });

    // THEN
    expect(refused.exitCode).toBe(1);
    expect(missing.stdout.join('\n')).toMatch(/the template does not load: imports\/CE: computeResources\.maxvCpus comes from the Fn::ImportValue of export "shared-MaxCpus".*--import shared-MaxCpus=VALUE or --imports FILE/);
    expect(loaded.exitCode).toBe(0);
    expect(loaded.diagnosis.jobDefinitions[0].runsOn).toHaveLength(1);
    // Exports nobody gave that only travel with the resources: one warning each, naming the option.
    expect(given.stdout.filter((line) => line.startsWith('WARN'))).toEqual([
      expect.stringMatching(/export "shared-BatchSecurityGroup" has no value here/),
      expect.stringMatching(/export "shared-InstanceProfileArn" has no value here/),
      expect.stringMatching(/export "shared-RepositoryUri" has no value here/),
    ]);
  });

  test('PLAT-1, PLAT-3: a template with EKS and ECS parts is diagnosed: each definition runs on the queue of its platform only', () => {
    // GIVEN
    const io = recordingIo();

    // WHEN
    const { exitCode, diagnosis } = doctor({ template: corpus('eks-and-ecs.yaml') }, io);

    // THEN
    expect(exitCode).toBe(0);
    expect(io.stdout.filter((line) => /is not modelled by the local runtime/.test(line))).toEqual([]);
    expect(diagnosis.jobDefinitions.map((d) => [d.jobDefinition, d.runsOn, d.neverOn.map((n) => n.jobQueue)])).toEqual(expect.arrayContaining([
      [expect.stringMatching(/^eks-and-ecs-EcsJob-/), [expect.stringMatching(/EcsQueue/)], [expect.stringMatching(/EksQueue/)]],
      [expect.stringMatching(/^eks-and-ecs-EksJob-/), [expect.stringMatching(/EksQueue/)], [expect.stringMatching(/EcsQueue/)]],
    ]));
  });

  test('DIAG-2, PLAT-4: a definition that needs more of a consumable resource than there is can run on no queue: doctor names the resource, its wait reason and the total; exit 1', () => {
    // GIVEN 2 licences; solve needs 1, big-solve 3, call-api 1 of a NON_REPLENISHABLE resource of 0
    const io = recordingIo();

    // WHEN
    const { exitCode, diagnosis } = doctor({ template: LICENCE_BOUND_STACK }, io);

    // THEN
    expect(exitCode).toBe(1);
    expect(diagnosis.jobDefinitions.map((d) => [d.jobDefinition, d.runsOn, d.neverOn.map((n) => n.jobQueue)])).toEqual([
      ['solve:1', ['licence-queue'], []],
      ['big-solve:1', [], ['licence-queue']],
      ['call-api:1', [], ['licence-queue']],
    ]);
    expect(io.stdout.filter((line) => line.startsWith('ERROR'))).toEqual([
      'ERROR big-solve:1: jobs of this definition can run on no queue: licence-queue: A job is RUNNABLE and waits for consumable resources (PLAT-4): '
        + 'consumable resource solver-licences (REPLENISHABLE): needs 3, available 2 of 2; it needs more than the total, so it runs only once UpdateConsumableResource raises it. '
        + 'Its statusReason: Waiting for consumable resources: solver-licences (needs 3, available 2).',
      'ERROR call-api:1: jobs of this definition can run on no queue: licence-queue: A job is RUNNABLE and waits for consumable resources (PLAT-4): '
        + 'consumable resource api-tokens (NON_REPLENISHABLE): needs 1, available 0 of 0; it needs more than the total, so it runs only once UpdateConsumableResource raises it. '
        + 'Its statusReason: Waiting for consumable resources: api-tokens (needs 1, available 0).',
    ]);
  });
});

