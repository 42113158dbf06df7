import { diagnoseTemplate } from '../../src/cli/template-diagnosis';

const ce = (props: Record<string, unknown> = {}): any => ({
  Type: 'AWS::Batch::ComputeEnvironment',
  Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 4, InstanceTypes: ['optimal'], Subnets: ['s'] }, ...props },
});
const queue = (ceId: string, props: Record<string, unknown> = {}): any => ({
  Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: ceId } }], ...props },
});
const definition = (vcpus: number): any => ({
  Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', ContainerProperties: { Image: 'i', Vcpus: vcpus, Memory: 64, Command: ['true'] } },
});

describe('diagnoseTemplate', () => {
  test('LIM-8: a template the API would reject is one error finding with the ClientException, nothing else', () => {
    const diagnosis = diagnoseTemplate({ Resources: { Ce: ce({ ComputeEnvironmentName: 'bad name' }) } }, 'S');
    expect(diagnosis.loaded).toBe(false);
    expect(diagnosis.findings).toEqual([{ severity: 'error', resource: 'S', message: expect.stringMatching(/^the template does not load: S\/Ce \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name" is invalid.*\(LIM-8\)/) }]);
  });

  test('LIFE-8: DISABLED compute environments and queues are warnings', () => {
    const diagnosis = diagnoseTemplate({ Resources: { Ce: ce({ State: 'DISABLED' }), Q: queue('Ce', { State: 'DISABLED' }), D: definition(1) } }, 'S');
    expect(diagnosis.findings.map((f) => [f.severity, f.message.split(':')[0]])).toEqual([
      ['warning', 'compute environment is DISABLED'],
      ['warning', 'job queue is DISABLED'],
      ['error', 'no compute environment of this queue is ENABLED and VALID'],
    ]);
  });

  test('DIAG-2, SCHED-1: each definition is probed on its own, so a stuck one does not make others look stuck', () => {
    // GIVEN: one definition fits the 4-vCPU CE, one needs 8
    const diagnosis = diagnoseTemplate({ Resources: { Ce: ce(), Q: queue('Ce'), Small: definition(1), Big: definition(8) } }, 'S');

    // THEN
    expect(diagnosis.jobDefinitions.map((d) => [d.jobDefinition.replace(/-[A-Z0-9]+:/, ':'), d.runsOn.length, d.neverOn.length])).toEqual([['S-Small:1', 1, 0], ['S-Big:1', 0, 1]]);
    expect(diagnosis.jobDefinitions[1].neverOn[0].reason).toMatch(/^A job stays RUNNABLE: MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE - it can never be placed \(needs 8 vCPU/);
  });

  test('LIM-8: every resource the API would reject is a finding, not only the first; nothing is probed', () => {
    // GIVEN: two invalid compute environments and an invalid job definition
    const badDefinition = { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', ContainerProperties: { Image: 'i', Vcpus: 1, Memory: 64, Command: ['true'] }, RetryStrategy: { Attempts: 11 } } };
    const template = { Resources: { A: ce({ ComputeEnvironmentName: 'bad name' }), B: ce({ ComputeEnvironmentName: 'also bad!' }), Good: ce(), D: badDefinition } };

    // WHEN
    const diagnosis = diagnoseTemplate(template, 'S');

    // THEN
    expect(diagnosis.loaded).toBe(false);
    expect(diagnosis.jobDefinitions).toEqual([]);
    expect(diagnosis.findings).toEqual([
      { severity: 'error', resource: 'S', message: expect.stringMatching(/^the template does not load: S\/A \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "bad name"/) },
      { severity: 'error', resource: 'S', message: expect.stringMatching(/^the template does not load: S\/B \(AWS::Batch::ComputeEnvironment\): computeEnvironmentName: "also bad!"/) },
      { severity: 'error', resource: 'S', message: expect.stringMatching(/^the template does not load: S\/D \(AWS::Batch::JobDefinition\): retryStrategy\.attempts:/) },
    ]);
  });

  test('FS-2, FS-3, FS-6: a fair-share queue is an info finding naming its shares and reservation, and its probe carries a share identifier', () => {
    // GIVEN a fair-share queue (its probe would be refused without shareIdentifier) and a definition that fits
    const policy = {
      Type: 'AWS::Batch::SchedulingPolicy',
      Properties: { Name: 'teams', FairsharePolicy: { ComputeReservation: 50, ShareDistribution: [{ ShareIdentifier: 'ml*', WeightFactor: 2 }] } },
    };
    const template = { Resources: { Ce: ce(), Policy: policy, Q: queue('Ce', { SchedulingPolicyArn: { Ref: 'Policy' } }), D: definition(1) } };

    // WHEN
    const diagnosis = diagnoseTemplate(template, 'S');

    // THEN the definition runs on the queue, and the queue's fair share is described
    expect(diagnosis.jobDefinitions.map((d) => [d.runsOn.length, d.neverOn])).toEqual([[1, []]]);
    expect(diagnosis.findings).toEqual([{
      severity: 'info',
      resource: diagnosis.jobQueues[0].name,
      message: expect.stringMatching(/^fair-share queue \(scheduling policy teams\): SubmitJob needs a shareIdentifier \(FS-3\); shares: ml\* \(weight 2\);.*computeReservation 50 holds 50% .* 25\.0% with two \(FS-6\)$/),
    }]);
  });
});
