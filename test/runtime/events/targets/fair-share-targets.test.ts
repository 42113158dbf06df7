import { JobExecutor, LocalBatchRuntime } from '../../../../src';

/** A fair-share queue and a FIFO queue, each the target of one scheduled rule. */
function template(): unknown {
  const queue = (extra: object): object => ({
    Type: 'AWS::Batch::JobQueue',
    Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Env' } }], ...extra },
  });
  const rule = (target: string): object => ({
    Type: 'AWS::Events::Rule',
    Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 'Submit', Arn: { Ref: target }, BatchParameters: { JobDefinition: { Ref: 'Def' }, JobName: 'nightly' } }] },
  });
  return {
    Resources: {
      Env: { Type: 'AWS::Batch::ComputeEnvironment', Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 4, InstanceTypes: ['optimal'], Subnets: ['s'] } } },
      Policy: { Type: 'AWS::Batch::SchedulingPolicy', Properties: { Name: 'teams' } },
      Fair: queue({ JobQueueName: 'fair', SchedulingPolicyArn: { Ref: 'Policy' } }),
      Fifo: queue({ JobQueueName: 'fifo' }),
      Def: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', ContainerProperties: { Image: 'i', Vcpus: 1, Memory: 64, Command: ['true'] } } },
      OnFair: rule('Fair'),
      OnFifo: rule('Fifo'),
    },
  };
}

describe('fairShareTargetWarnings', () => {
  test('FS-3: GIVEN rules submitting to a fair-share and a FIFO queue WHEN loaded THEN runtime.warnings() names the fair-share one only', () => {
    const runtime = LocalBatchRuntime.fromTemplate(template(), { executor: JobExecutor.simulated() });

    const fairShare = runtime.warnings().filter((warning) => warning.includes('FS-3'));

    expect(fairShare).toEqual([
      'rule OnFair, target Submit: job queue fair is a fair-share queue (scheduling policy teams); an EventBridge target cannot give the shareIdentifier it requires, '
        + 'so every submission is refused (FS-3)',
    ]);
    expect(runtime.eventRuleWarnings().filter((warning) => warning.includes('FS-3'))).toEqual(fairShare);
  });
});
