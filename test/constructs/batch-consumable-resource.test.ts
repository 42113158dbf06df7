import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { newStack } from './test-stack';
import { BatchConsumableResource, BatchEnvironment, BatchMultiNodeJobDefinition, ConsumableResourceType } from '../../src/constructs';

describe('BatchConsumableResource and job definitions that need one', () => {
  test('PLAT-4: GIVEN addConsumableResource and a job definition needing it THEN the template has the resource and the definition names it by ARN', () => {
    // GIVEN
    const stack = newStack();
    const env = new BatchEnvironment(stack, 'Batch');

    // WHEN
    const licences = env.addConsumableResource('Licences', { consumableResourceName: 'licences', totalQuantity: 3 });
    env.addJobDefinition('Solve', { command: ['solve'], consumableResources: [{ resource: licences, quantity: 2 }] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Batch::ConsumableResource', { ConsumableResourceName: 'licences', ResourceType: 'REPLENISHABLE', TotalQuantity: 3 });
    template.hasResourceProperties('AWS::Batch::JobDefinition', {
      ConsumableResourceProperties: {
        ConsumableResourceList: [{ ConsumableResource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BatchLicences'), 'ConsumableResourceArn'] }, Quantity: 2 }],
      },
    });
    expect(env.consumableResources).toEqual([licences]);
  });

  test('PLAT-4: GIVEN a NON_REPLENISHABLE resource THEN its type is rendered', () => {
    const stack = newStack();
    new BatchConsumableResource(stack, 'Tokens', { totalQuantity: 0, resourceType: ConsumableResourceType.NON_REPLENISHABLE });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::ConsumableResource', { ResourceType: 'NON_REPLENISHABLE', TotalQuantity: 0 });
  });

  test.each([
    [-1, /TestStack\/Bad: totalQuantity: -1 .*an integer 0\.\./],
    [1.5, /totalQuantity: 1\.5/],
  ])('PLAT-4: GIVEN totalQuantity %p THEN synthesis-time validation names the construct and the field', (totalQuantity, message) => {
    const stack = newStack();
    expect(() => new BatchConsumableResource(stack, 'Bad', { totalQuantity })).toThrow(message);
  });

  test('PLAT-4: GIVEN a need of quantity 0, more than the total, or the same resource twice THEN the job definition is refused, naming the field', () => {
    const stack = newStack();
    const env = new BatchEnvironment(stack, 'Batch');
    const licences = env.addConsumableResource('Licences', { totalQuantity: 3 });
    expect(() => env.addJobDefinition('Zero', { command: ['x'], consumableResources: [{ resource: licences, quantity: 0 }] }))
      .toThrow(/Batch\/Zero: consumableResources\[0\]\.quantity: 0 .*an integer 1\.\./);
    expect(() => env.addJobDefinition('Many', { command: ['x'], consumableResources: [{ resource: licences, quantity: 4 }] }))
      .toThrow(/consumableResources\[0\]\.quantity: 4 .*at most the total of TestStack\/Batch\/Licences \(3\)/);
    expect(() => env.addJobDefinition('Twice', { command: ['x'], consumableResources: [{ resource: licences, quantity: 1 }, { resource: licences, quantity: 1 }] }))
      .toThrow(/consumableResources\[1\]\.resource/);
  });

  test('PLAT-4: GIVEN a multi-node job definition with consumable resources THEN they are on the definition, not its node ranges', () => {
    // GIVEN
    const stack = newStack();
    const env = new BatchEnvironment(stack, 'Batch');
    const licences = env.addConsumableResource('Licences', { totalQuantity: 1 });

    // WHEN
    const container = new batch.EcsEc2ContainerDefinition(stack, 'Node', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/amazonlinux/amazonlinux:latest'), cpu: 1, memory: cdk.Size.mebibytes(1024),
    });
    new BatchMultiNodeJobDefinition(stack, 'Mpi', { numNodes: 2, nodeRanges: [{ container }], consumableResources: [{ resource: licences, quantity: 1 }] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', {
      Type: 'multinode',
      ConsumableResourceProperties: { ConsumableResourceList: [{ Quantity: 1 }] },
    });
  });

  test('PLAT-4: GIVEN a job definition without consumable resources THEN the template has no ConsumableResourceProperties', () => {
    const stack = newStack();
    new BatchEnvironment(stack, 'Batch').addJobDefinition('Plain', { command: ['x'] });
    Template.fromStack(stack).hasResourceProperties('AWS::Batch::JobDefinition', { ConsumableResourceProperties: Match.absent() });
  });
});
