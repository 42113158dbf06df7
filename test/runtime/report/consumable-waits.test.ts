import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../../../src';
import { ConsumableWaits } from '../../../src/runtime/report/consumable-waits';

describe('ConsumableWaits', () => {
  test('PLAT-4: GIVEN waits of jobs needing two resources THEN one finding per resource that was waited for, with the figures', () => {
    // GIVEN
    const waits = new ConsumableWaits();
    waits.add([{ name: 'licences', quantity: 1 }], 0);
    waits.add([{ name: 'licences', quantity: 1 }, { name: 'seats', quantity: 1 }], 600_000);
    waits.add([{ name: 'idle', quantity: 1 }], 0);

    // WHEN
    const found = waits.findings();

    // THEN
    expect(found.map((f) => f.kind)).toEqual(['CONSUMABLE_RESOURCE_WAIT', 'CONSUMABLE_RESOURCE_WAIT']);
    expect(found[0].text).toBe('consumable resource licences: 2 job(s) that need it started after waiting RUNNABLE 10 min in all, 5 min on average, 10 min at most; '
      + 'jobs that need it run only while enough units are free (PLAT-4).');
    expect(found[1].text).toMatch(/^consumable resource seats: 1 job\(s\)/);
  });

  test('PLAT-4: GIVEN a plan of 4 jobs on 1 licence THEN the report has the resource-bound wait as a finding', () => {
    // GIVEN
    const runtime = LocalBatchRuntime.fromTemplate({
      Resources: {
        Licences: { Type: 'AWS::Batch::ConsumableResource', Properties: { ConsumableResourceName: 'licences', ResourceType: 'REPLENISHABLE', TotalQuantity: 1 } },
        CE: {
          Type: 'AWS::Batch::ComputeEnvironment',
          Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 16, InstanceTypes: ['optimal'], Subnets: ['s'], InstanceRole: 'r' } },
        },
        Q: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'CE' } }] } },
        D: {
          Type: 'AWS::Batch::JobDefinition',
          Properties: {
            Type: 'container',
            ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 512 },
            ConsumableResourceProperties: { ConsumableResourceList: [{ ConsumableResource: { Ref: 'Licences' }, Quantity: 1 }] },
          },
        },
      },
    }, { executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(10) }) }), collectReport: true });
    for (let i = 0; i < 4; i++) runtime.submitJob({ jobName: `j${i}`, jobQueue: 'Q', jobDefinition: 'D' });

    // WHEN
    runtime.runUntilIdle();
    const report = runtime.report();

    // THEN: the three later jobs waited 10, 20 and 30 minutes for the one licence
    expect(report.findings.filter((f) => f.kind === 'CONSUMABLE_RESOURCE_WAIT').map((f) => f.text))
      .toEqual([expect.stringMatching(/^consumable resource licences: 4 job\(s\) that need it started after waiting RUNNABLE 60 min in all, 15 min on average, 30 min at most/)]);
    runtime.dispose();
  });
});
