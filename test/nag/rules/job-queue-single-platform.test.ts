import { computeEnvironment, jobQueue, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-LIM3 job queue has one architecture and one platform', () => {
  test('LIM-3: two x86_64 CEs (EC2 and SPOT) are compliant', () => {
    // GIVEN on-demand and Spot CEs of x86_64 families
    const { app, stack } = newTestStack();
    const onDemand = computeEnvironment(stack, 'OnDemand', { instanceTypes: ['c5', 'm5.large'] });
    const spot = computeEnvironment(stack, 'Spot', { type: 'SPOT', instanceTypes: ['optimal'] });
    jobQueue(stack, 'Queue', [onDemand, spot]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM3')).toEqual([]);
  });

  test('LIM-3: an x86_64 CE and an arm64 CE in one queue are flagged', () => {
    // GIVEN c5 and Graviton m6g CEs
    const { app, stack } = newTestStack();
    const x86 = computeEnvironment(stack, 'X86', { instanceTypes: ['c5'] });
    const arm = computeEnvironment(stack, 'Arm', { instanceTypes: ['m6g.large'] });
    jobQueue(stack, 'Queue', [x86, arm]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM3')).toEqual(['Test/Queue']);
  });

  test('LIM-3: one CE mixing x86_64 and arm64 instance types is flagged on its queue', () => {
    // GIVEN default_arm64 and c5 in the same CE
    const { app, stack } = newTestStack();
    const mixed = computeEnvironment(stack, 'Mixed', { instanceTypes: ['c5', 'default_arm64'] });
    jobQueue(stack, 'Queue', [mixed]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM3')).toEqual(['Test/Queue']);
  });

  test('LIM-3: an EC2 CE and a Fargate CE in one queue are flagged', () => {
    // GIVEN EC2 and FARGATE capacity mixed
    const { app, stack } = newTestStack();
    const ec2 = computeEnvironment(stack, 'Ec2');
    const fargate = computeEnvironment(stack, 'Fargate', { type: 'FARGATE' });
    jobQueue(stack, 'Queue', [ec2, fargate]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM3')).toEqual(['Test/Queue']);
  });

  test('LIM-3: FARGATE and FARGATE_SPOT share a platform and are compliant', () => {
    // GIVEN the usual Fargate + Fargate Spot pair
    const { app, stack } = newTestStack();
    const fargate = computeEnvironment(stack, 'Fargate', { type: 'FARGATE' });
    const fargateSpot = computeEnvironment(stack, 'FargateSpot', { type: 'FARGATE_SPOT' });
    jobQueue(stack, 'Queue', [fargate, fargateSpot]);

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'LIM3')).toEqual([]);
  });
});
