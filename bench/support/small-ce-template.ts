/**
 * A hand-written template for the executor benchmarks: one managed EC2 compute environment of
 * `maxvCpus` c5.large vCPUs, one queue, and a container job definition per entry of `jobDefinitions`
 * (logical id -> ContainerProperties).
 */
export function smallCeTemplate(maxvCpus: number, jobDefinitions: Record<string, Record<string, unknown>>): unknown {
  const definitions = Object.fromEntries(Object.entries(jobDefinitions).map(([logicalId, containerProperties]) => [logicalId, {
    Type: 'AWS::Batch::JobDefinition',
    Properties: { Type: 'container', ContainerProperties: containerProperties },
  }]));
  return {
    Resources: {
      ComputeEnvironment: {
        Type: 'AWS::Batch::ComputeEnvironment',
        Properties: {
          Type: 'MANAGED',
          ServiceRole: 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole',
          ComputeResources: {
            Type: 'EC2',
            MinvCpus: 0,
            MaxvCpus: maxvCpus,
            InstanceTypes: ['c5.large'],
            Subnets: ['subnet-0123456789abcdef0'],
            SecurityGroupIds: ['sg-0123456789abcdef0'],
            InstanceRole: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
          },
        },
      },
      Queue: {
        Type: 'AWS::Batch::JobQueue',
        Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] },
      },
      ...definitions,
    },
  };
}
