import {
  ContainerPlatform,
  validateEnvironmentVariableNames,
  validateMemory,
  validateResourceRequirements,
  validateVcpus,
} from './container-limits';
import { validateImage, validateVolumeName } from './names';
import { fail } from './validation-error';

/**
 * The parts of a container (job definition `containerProperties`, a node range's `container`, or
 * SubmitJob `containerOverrides`) that the LIM rules constrain. Other fields pass through.
 */
export interface ContainerInput {
  image?: string;
  vcpus?: number;
  memory?: number;
  resourceRequirements?: Array<{ type: string; value: string }>;
  environment?: Array<{ name?: string; value?: string }>;
  volumes?: Array<{ name?: string; [k: string]: unknown }>;
  [k: string]: unknown;
}

/**
 * vCPUs the container reserves: the VCPU resource requirement when present (the current API),
 * else the deprecated `vcpus` field; undefined when neither is set (it may still come from a
 * node range or an override).
 */
export function effectiveVcpus(container: ContainerInput): number | undefined {
  const requirement = container.resourceRequirements?.find((req) => req.type === 'VCPU');
  return requirement ? Number(requirement.value) : container.vcpus;
}

/** Memory hard limit in MiB, resolved like `effectiveVcpus` (MEMORY requirement, else `memory`). */
export function effectiveMemoryMiB(container: ContainerInput): number | undefined {
  const requirement = container.resourceRequirements?.find((req) => req.type === 'MEMORY');
  return requirement ? Number(requirement.value) : container.memory;
}

/**
 * LIM-8, LIM-9, LIM-11 for every constrained field that is present: image, vcpus, memory,
 * resource requirements, environment variable names, volume names. Absent fields are fine here:
 * vcpus and memory "can be specified in several places", so whether they are set at all is
 * checked on the effective container by `validateEffectiveResources`.
 */
export function validateContainerProperties(field: string, container: ContainerInput, platform: ContainerPlatform = 'EC2'): void {
  if (container.image !== undefined) {
    validateImage(`${field}.image`, container.image);
  }
  if (container.vcpus !== undefined) {
    validateVcpus(`${field}.vcpus`, container.vcpus);
  }
  if (container.memory !== undefined) {
    validateMemory(`${field}.memory`, container.memory);
  }
  if (container.resourceRequirements !== undefined) {
    validateResourceRequirements(`${field}.resourceRequirements`, container.resourceRequirements, platform);
  }
  if (container.environment !== undefined) {
    validateEnvironmentVariableNames(`${field}.environment`, container.environment.map((variable) => variable.name ?? ''));
  }
  container.volumes?.forEach((volume, index) => {
    if (volume.name !== undefined) {
      validateVolumeName(`${field}.volumes[${index}].name`, volume.name);
    }
  });
}

/**
 * LIM-9: the container that will actually run (after node ranges and overrides are applied) has
 * both a vCPU count and a memory limit, from either the plain fields or resource requirements.
 */
export function validateEffectiveResources(field: string, container: ContainerInput): void {
  if (effectiveVcpus(container) === undefined) {
    fail(`${field}.vcpus`, undefined, 'required: set vcpus or a VCPU resource requirement', 'LIM-9');
  }
  if (effectiveMemoryMiB(container) === undefined) {
    fail(`${field}.memory`, undefined, 'required: set memory or a MEMORY resource requirement', 'LIM-9');
  }
}
