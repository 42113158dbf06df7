import { computeEnvironment, jobQueue, multiNodeJobDefinition, newTestStack, pathsFlaggedBy } from '../nag-fixtures';

describe('Batch-MNP8 multi-node job definition reaches an on-demand EC2 queue', () => {
  test('MNP-8: an MNP job definition with an on-demand EC2 queue is compliant', () => {
    // GIVEN a queue over an EC2 CE
    const { app, stack } = newTestStack();
    jobQueue(stack, 'Queue', [computeEnvironment(stack, 'Ce', { type: 'EC2' })]);
    multiNodeJobDefinition(stack, 'Mpi');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'MNP8')).toEqual([]);
  });

  test('MNP-8: an MNP job definition with only a SPOT queue is flagged', () => {
    // GIVEN a Spot-only queue
    const { app, stack } = newTestStack();
    jobQueue(stack, 'SpotQueue', [computeEnvironment(stack, 'SpotCe', { type: 'SPOT', allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' })]);
    multiNodeJobDefinition(stack, 'Mpi');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'MNP8')).toEqual(['Test/Mpi']);
  });

  test('MNP-8: a SPOT queue with an on-demand fallback CE is compliant', () => {
    // GIVEN SPOT first, EC2 second in the same queue
    const { app, stack } = newTestStack();
    const spot = computeEnvironment(stack, 'SpotCe', { type: 'SPOT', allocationStrategy: 'SPOT_CAPACITY_OPTIMIZED' });
    jobQueue(stack, 'Queue', [spot, computeEnvironment(stack, 'OnDemandCe')]);
    multiNodeJobDefinition(stack, 'Mpi');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'MNP8')).toEqual([]);
  });

  test('LIM-14: an MNP job definition with only a Fargate queue is flagged', () => {
    // GIVEN Fargate, which cannot run MNP jobs
    const { app, stack } = newTestStack();
    jobQueue(stack, 'Queue', [computeEnvironment(stack, 'Ce', { type: 'FARGATE' })]);
    multiNodeJobDefinition(stack, 'Mpi');

    // WHEN / THEN
    expect(pathsFlaggedBy(app, 'MNP8')).toEqual(['Test/Mpi']);
  });
});
