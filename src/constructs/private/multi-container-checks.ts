import * as batch from 'aws-cdk-lib/aws-batch';
import { isIntrinsic, renderedJobDefinition, withoutIntrinsics } from './job-definition-checks';
import {
  effectiveMemoryMiB,
  effectiveVcpus,
  EcsPropertiesInput,
  TaskContainerInput,
  validateEcsProperties,
  validateEnvironmentVariableNames,
  validateFargateResourceRequirements,
  validateGpuCount,
} from '../../validation';

/** Stands in for an image known only at deploy time (an ECR asset): present, so not "missing". */
const DEPLOY_TIME_IMAGE = '<deploy-time image>';

/**
 * PLAT-2 on what will be deployed (so escape hatches are covered too): the API's rules for
 * `ecsProperties` (one task, 1..10 containers, unique names, an essential container, `dependsOn`
 * naming another container without a cycle, COMPLETE/SUCCESS only on non-essential containers,
 * positive vCPU and memory sums), LIM-11 on each container's environment, LIM-9 on GPUs, and on
 * Fargate the task size (the containers' sums) one of Fargate's vCPU/memory pairs.
 */
export function checkMultiContainerJobDefinition(cfn: batch.CfnJobDefinition): void {
  const rendered = renderedJobDefinition(cfn).ecsProperties as { taskProperties?: Array<{ containers?: unknown[] }> } | undefined;
  const tasks = (rendered?.taskProperties ?? []).map((task) => ({
    ...(withoutIntrinsics(task) as Record<string, unknown>),
    // An image from an asset is a token: keep it present (what matters here is that there is one).
    containers: Array.isArray(task.containers)
      ? task.containers.map((container) => withImage(container as Record<string, unknown>))
      : task.containers,
  }));
  const ecs: EcsPropertiesInput = { taskProperties: tasks as EcsPropertiesInput['taskProperties'] };
  validateEcsProperties('ecsProperties', ecs);
  const containers = ecs.taskProperties![0].containers!;
  containers.forEach((container, index) => {
    const at = `ecsProperties.taskProperties[0].containers[${index}]`;
    const environment = (container.environment ?? []) as Array<{ name: string }>;
    validateEnvironmentVariableNames(`${at}.environment`, environment.map((variable) => variable.name));
    (container.resourceRequirements ?? []).forEach((requirement, r) => {
      if (requirement.type === 'GPU') validateGpuCount(`${at}.resourceRequirements[${r}].value`, requirement.value);
    });
  });
  const platforms = (renderedJobDefinition(cfn).platformCapabilities ?? []) as string[];
  if (platforms.includes('FARGATE')) {
    const vcpus = sum(containers, effectiveVcpus);
    const memory = sum(containers, effectiveMemoryMiB);
    validateFargateResourceRequirements('ecsProperties.taskProperties[0].containers (the sum of their resourceRequirements)', [
      { type: 'VCPU', value: String(vcpus) },
      { type: 'MEMORY', value: String(memory) },
    ]);
    containers.forEach((container, index) => {
      const gpu = (container.resourceRequirements ?? []).findIndex((requirement) => requirement.type === 'GPU');
      if (gpu >= 0) validateFargateResourceRequirements(`ecsProperties.taskProperties[0].containers[${index}].resourceRequirements`, container.resourceRequirements!);
    });
  }
}

function withImage(container: Record<string, unknown>): TaskContainerInput {
  const known = withoutIntrinsics(container) as TaskContainerInput;
  return isIntrinsic(container.image) || (typeof container.image === 'string' && container.image.includes('${Token['))
    ? { ...known, image: DEPLOY_TIME_IMAGE }
    : known;
}

function sum(containers: TaskContainerInput[], read: (container: TaskContainerInput) => number | undefined): number {
  return containers.reduce((total, container) => total + (read(container) ?? 0), 0);
}
