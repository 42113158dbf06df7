import { demandKey } from './demand-key';
import { FitDiagnosis } from './fit-diagnosis';
import { ContainerDemand } from '../types/demand';

/**
 * A compute environment's fit diagnoses (verdict and launchable types) per job shape: most jobs share
 * a few shapes, so each is diagnosed once until the fleet clears the cache (its capacity or settings changed).
 */
export class FitDiagnosisCache {
  private readonly diagnoses = new Map<number | string, FitDiagnosis>();
  private lastDemand?: ContainerDemand;
  private lastDiagnosis?: FitDiagnosis;
  private diagnosedMaxvCpus = 0;

  constructor(private readonly diagnose: (demand: ContainerDemand) => FitDiagnosis) {}

  /** The diagnosis of `demand` with the compute environment's `maxvCpus` now. */
  get(demand: ContainerDemand, maxvCpus: number): FitDiagnosis {
    // Verdicts depend on maxvCpus, which an update may change in the record directly.
    if (maxvCpus !== this.diagnosedMaxvCpus) {
      this.clear();
      this.diagnosedMaxvCpus = maxvCpus;
    }
    // Most jobs in a row have the same shape (array children): compare with the last one first.
    const last = this.lastDemand;
    if (last !== undefined && this.lastDiagnosis !== undefined && last.vcpus === demand.vcpus && last.memoryMiB === demand.memoryMiB
      && last.gpus === demand.gpus && last.instanceType === demand.instanceType) {
      return this.lastDiagnosis;
    }
    const key = demandKey(demand);
    let diagnosis = this.diagnoses.get(key);
    if (!diagnosis) {
      diagnosis = this.diagnose(demand);
      this.diagnoses.set(key, diagnosis);
    }
    this.lastDemand = demand;
    this.lastDiagnosis = diagnosis;
    return diagnosis;
  }

  clear(): void {
    this.diagnoses.clear();
    this.lastDemand = undefined;
    this.lastDiagnosis = undefined;
  }
}
