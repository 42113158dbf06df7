import * as fs from 'fs';
import { CORPUS, CorpusInputs, PairOutcome, runCorpusTemplate } from './corpus-runner';
import { generatePhysicalName } from '../../../src/runtime/template/physical-names';

/**
 * The corpus: templates written for this test in the shapes templates in the wild have (aws-samples
 * style YAML with short forms, `cdk synth` JSON and YAML of CDK v1 and v2, hand-written JSON, nested
 * stacks, imports, every parameter type, Fargate/EC2/Spot/unmanaged/multi-node/GPU/EKS parts, launch
 * templates). Each entry says what each queue x job definition pair does; pairs not listed succeed.
 * Keys are `<queue> x <definition>`, each a fragment of the resource's name (its logical id).
 */
interface CorpusEntry extends CorpusInputs {
  readonly outcomes?: Record<string, PairOutcome | 'PLATFORM_MISMATCH'>;
  /** Warnings the load must give (CFN-4, CFN-6, CFN-8), as patterns. */
  readonly warnings?: RegExp[];
  readonly stackName?: string;
  /** How many pairs the template has. */
  readonly pairs: number;
}

const IMPORTS = {
  'shared-BatchServiceRoleArn': 'arn:aws:iam::123456789012:role/service-role/AWSBatchServiceRole',
  'shared-MaxCpus': '32',
  'shared-PrivateSubnets': 'subnet-1,subnet-2',
  'shared-BatchSecurityGroup': 'sg-9',
  'shared-InstanceProfileArn': 'arn:aws:iam::123456789012:instance-profile/batch',
  'shared-RepositoryUri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/tools',
  'shared-JobRoleArn': 'arn:aws:iam::123456789012:role/job',
};

const CORPUS_ENTRIES: Record<string, CorpusEntry> = {
  'batch.v2.json': { pairs: 1, stackName: 'batch-v2' },
  'cdk-out-nested': { pairs: 1, stackName: 'ParentStack' },
  'cdk-v1-synth.json': { pairs: 1, parameters: { AssetParametersImageTag: 'abc123' } },
  'cdk-v2-synth-stdout.yaml': { pairs: 1 },
  'cdk-v2-synth.json': { pairs: 1 },
  'conditions.yaml': { pairs: 1 },
  'ec2-managed-basic.yaml': { pairs: 1 },
  // PLAT-3: the EKS definition runs on the EKS queue; an ECS job on the EKS queue and the EKS job on the ECS queue are PLAT-1 mismatches.
  'eks-and-ecs.yaml': { pairs: 4, outcomes: { 'EksQueue x EcsJob': 'PLATFORM_MISMATCH', 'EcsQueue x EksJob': 'PLATFORM_MISMATCH' } },
  'fair-share-queue.yaml': { pairs: 1 }, // FS-2: the queue is fair-share; the runner gives a declared share (FS-3)
  'fargate-spot-two-queues.yaml': { pairs: 2 },
  'fargate.yaml': { pairs: 1 },
  'genomics-workflow.yaml': { pairs: 4 },
  'gpu.yaml': { pairs: 1 },
  'imports-missing.yaml': { pairs: 1, warnings: [/export "network-BatchServiceRole" has no value here/, /export "network-Subnets"/, /export "network-JobRole"/] },
  'imports.yaml': { pairs: 1, imports: IMPORTS },
  'intrinsics-naming.yaml': { pairs: 1 },
  'launch-template-mime.yaml': { pairs: 2, outcomes: { 'WorkerQueue x TooBigJob': 'RUNNABLE' } },
  'launch-template-plain-user-data.yaml': { pairs: 1, outcomes: { 'Q x JD': 'RUNNABLE' } },
  'multi-node.yaml': { pairs: 1 },
  'multi-queue-priorities.yaml': {
    pairs: 6, outcomes: { 'Interactive x Heavy': 'RUNNABLE', 'Paused x Light': 'REJECTED', 'Paused x Heavy': 'REJECTED' },
  },
  'nested-parent.yaml': { pairs: 2 },
  'nested-remote-only.yaml': { pairs: 1, warnings: [/Network \(AWS::CloudFormation::Stack\) is not modelled/] },
  'parameter-types.yaml': { pairs: 1, warnings: [/SSM parameter value of template parameter Ami has no value here/] },
  'plain-json-params.json': { pairs: 1 },
  'retry-timeout-array.json': { pairs: 1 },
  'scheduling-policy-only.yaml': { pairs: 0, warnings: [] },
  'service-role-bare-name.yaml': { pairs: 1 },
  'service-role-with-path.yaml': { pairs: 1, outcomes: { 'Queue x Job': 'RUNNABLE' } },
  'spot.yaml': { pairs: 1 },
  'unknown-instance-type.yaml': {
    pairs: 2, outcomes: { 'NewOnlyQueue x Job': 'RUNNABLE' }, warnings: [/CE: instance type\(s\) p6-b200\.48xlarge are not in the local instance catalog/],
  },
  'unmanaged.yaml': { pairs: 1, outcomes: { 'Queue x Job': 'RUNNABLE' } },
  'vpc-with-cidr.yaml': { pairs: 1 },
};

function expectedOutcome(entry: CorpusEntry, jobQueue: string, jobDefinition: string): PairOutcome | 'PLATFORM_MISMATCH' {
  const key = Object.keys(entry.outcomes ?? {}).find((k) => {
    const [queue, definition] = k.split(' x ');
    return jobQueue.includes(`-${queue}-`) && jobDefinition.includes(`-${definition}-`);
  });
  return key !== undefined ? entry.outcomes![key] : 'SUCCEEDED';
}

describe('the template corpus', () => {
  test('the corpus has at least 30 templates and every one has an entry', () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f !== 'nested').sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files).toEqual(Object.keys(CORPUS_ENTRIES).sort());
  });

  test.each(Object.entries(CORPUS_ENTRIES))('CFN-1..CFN-8: %s loads, each queue x definition pair ends as expected, and doctor agrees with run', (file, entry) => {
    // WHEN
    const run = runCorpusTemplate(file, entry);

    // THEN
    try {
      if (entry.stackName) expect(run.stackName).toBe(entry.stackName);
      expect(run.pairs).toHaveLength(entry.pairs);
      for (const pair of run.pairs) {
        const expected = expectedOutcome(entry, pair.jobQueue, pair.jobDefinition);
        if (expected !== 'PLATFORM_MISMATCH') expect({ ...pair, outcome: pair.outcome }).toMatchObject({ outcome: expected });
        // DIAG-2: doctor's prediction matches what the run did (disabled queues are not probed).
        if (pair.outcome !== 'REJECTED') expect({ ...pair, doctorRuns: pair.doctorRuns }).toMatchObject({ doctorRuns: pair.outcome === 'SUCCEEDED' });
      }
      for (const pattern of entry.warnings ?? []) expect(run.warnings).toContainEqual(expect.stringMatching(pattern));
      if (!entry.warnings) expect(run.warnings).toEqual([]);
    } finally {
      run.runtime.dispose();
    }
  });

  test('PLAT-1, PLAT-3: the EKS job definition of a template runs on its EKS queue; on the ECS queue it is AWS\'s ClientException', () => {
    // GIVEN
    const run = runCorpusTemplate('eks-and-ecs.yaml');
    const name = generatePhysicalName('eks-and-ecs', 'EksJob');

    // WHEN / THEN
    try {
      expect(() => run.runtime.submitJob({ jobName: 'eks', jobQueue: run.runtime.resourceArn('EcsQueue'), jobDefinition: name }))
        .toThrow(/^Job Queue is attached to Compute Environment that can not run Jobs with capability EKS: .*\(PLAT-1\)$/);
      const { jobId } = run.runtime.submitJob({ jobName: 'eks', jobQueue: run.runtime.resourceArn('EksQueue'), jobDefinition: 'EksJob' });
      run.runtime.runUntilIdle();
      expect(run.runtime.describeJob(jobId).status).toBe('SUCCEEDED');
    } finally {
      run.runtime.dispose();
    }
  });
});
