import { fail } from './validation-error';

/**
 * Fargate's vCPU / memory pairs, from the `ResourceRequirement.value` documentation in the Batch
 * service model. Fargate sells fixed task sizes, so a value outside this table is a
 * ClientException rather than something the scheduler could round.
 */
export const FARGATE_MEMORY_BY_VCPU: ReadonlyMap<number, readonly number[]> = new Map([
  [0.25, [512, 1024, 2048]],
  [0.5, steps(1024, 4096, 1024)],
  [1, steps(2048, 8192, 1024)],
  [2, steps(4096, 16384, 1024)],
  [4, steps(8192, 30720, 1024)],
  [8, steps(16384, 61440, 4096)],
  [16, steps(32768, 122880, 8192)],
]);

function steps(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) {
    values.push(value);
  }
  return values;
}

const SUPPORTED_VCPUS = Array.from(FARGATE_MEMORY_BY_VCPU.keys());
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

/**
 * LIM-9 on Fargate: VCPU one of 0.25, 0.5, 1, 2, 4, 8, 16; MEMORY one of the sizes listed for
 * that VCPU (checked when both are given); no GPU. Type names and duplicates are checked by
 * `validateResourceRequirements`, which calls this for `platform: 'FARGATE'`.
 */
export function validateFargateResourceRequirements(field: string, reqs: Array<{ type: string; value: string }>): void {
  const vcpuIndex = reqs.findIndex((req) => req.type === 'VCPU');
  const memoryIndex = reqs.findIndex((req) => req.type === 'MEMORY');
  const gpuIndex = reqs.findIndex((req) => req.type === 'GPU');

  if (gpuIndex >= 0) {
    fail(`${field}[${gpuIndex}].type`, 'GPU', 'GPU requirements are not available on Fargate', 'LIM-9');
  }
  let vcpus: number | undefined;
  if (vcpuIndex >= 0) {
    const value = reqs[vcpuIndex].value;
    vcpus = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
    if (!FARGATE_MEMORY_BY_VCPU.has(vcpus)) {
      fail(`${field}[${vcpuIndex}].value`, value, `one of ${SUPPORTED_VCPUS.join(', ')} (Fargate VCPU)`, 'LIM-9');
    }
  }
  if (memoryIndex >= 0) {
    const value = reqs[memoryIndex].value;
    const memory = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
    const allowed = vcpus === undefined
      ? Array.from(new Set(Array.from(FARGATE_MEMORY_BY_VCPU.values()).flat())).sort((a, b) => a - b)
      : FARGATE_MEMORY_BY_VCPU.get(vcpus)!;
    if (!allowed.includes(memory)) {
      const limit = vcpus === undefined
        ? `a Fargate memory size, ${allowed[0]}..${allowed[allowed.length - 1]} MiB (which ones depends on VCPU)`
        : `one of ${allowed.join(', ')} MiB for ${vcpus} Fargate vCPU`;
      fail(`${field}[${memoryIndex}].value`, value, limit, 'LIM-9');
    }
  }
}
