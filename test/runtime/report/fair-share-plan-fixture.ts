import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A template with one c5.xlarge (4 vCPUs, kept running: min = max = 4) behind a fair-share queue
 * `teams` (policy `teams-policy`: the given weights, decay and reservation) and a FIFO queue `fifo`;
 * `one` is a 1-vCPU job definition. Written to a fresh temporary folder.
 */
export function fairShareTemplateFile(weights: Record<string, number>, shareDecaySeconds = 0, computeReservation = 0): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fair-share-plan-')), 'Teams.template.json');
  const queue = (name: string, priority: number): Record<string, unknown> => ({
    JobQueueName: name, Priority: priority, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Ce' } }],
  });
  fs.writeFileSync(file, JSON.stringify({
    Resources: {
      Policy: {
        Type: 'AWS::Batch::SchedulingPolicy',
        Properties: {
          Name: 'teams-policy',
          FairsharePolicy: {
            ShareDecaySeconds: shareDecaySeconds,
            ComputeReservation: computeReservation,
            ShareDistribution: Object.entries(weights).map(([ShareIdentifier, WeightFactor]) => ({ ShareIdentifier, WeightFactor })),
          },
        },
      },
      Ce: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          ComputeEnvironmentName: 'ce',
          Type: 'MANAGED',
          ComputeResources: { Type: 'EC2', MinvCpus: 4, MaxvCpus: 4, InstanceTypes: ['c5.xlarge'], Subnets: ['subnet-1'], InstanceRole: 'ecsInstanceRole' },
        },
      },
      Teams: { Type: 'AWS::Batch::JobQueue', Properties: { ...queue('teams', 10), SchedulingPolicyArn: { Ref: 'Policy' } } },
      Fifo: { Type: 'AWS::Batch::JobQueue', Properties: queue('fifo', 1) },
      One: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'one', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 1024, Command: ['w'] } } },
    },
  }));
  return file;
}
