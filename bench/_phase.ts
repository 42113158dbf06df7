import { Duration } from 'aws-cdk-lib';
import { JobBehavior, JobExecutor, LocalBatchRuntime } from '../src';
const t: any = { Resources: {
  ComputeEnvironment: { Type: 'AWS::Batch::ComputeEnvironment', Properties: { Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 10000, InstanceTypes: ['optimal'], Subnets: ['s'], InstanceRole: 'r' } } },
  Queue: { Type: 'AWS::Batch::JobQueue', Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] } },
  Definition: { Type: 'AWS::Batch::JobDefinition', Properties: { Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 2048, Command: ['true'] } } } } };
const rt = LocalBatchRuntime.fromTemplate(t, { executor: JobExecutor.simulated({ defaultBehavior: JobBehavior.succeed({ duration: Duration.minutes(1) }) }) });
const N = Number(process.argv[2] ?? 1000000);
let t0 = process.hrtime.bigint();
for (let s = 0; s < N; s += 10000) rt.submitJob({ jobName: 'a' + s, jobQueue: 'Queue', jobDefinition: 'Definition', arrayProperties: { size: 10000 } });
const t1 = process.hrtime.bigint();
console.log('submit ms', Number(t1 - t0) / 1e6, 'heapMiB', Math.round(process.memoryUsage().heapUsed / 1048576));
rt.runUntilIdle();
const t2 = process.hrtime.bigint();
console.log('run ms', Number(t2 - t1) / 1e6, 'heapMiB', Math.round(process.memoryUsage().heapUsed / 1048576), 'rss', Math.round(process.resourceUsage().maxRSS / 1024));
