import { randomUUID } from 'crypto';
import { IdGenerator } from '../core/id-generator';

/** Real random UUIDs (LIFE-6), for real-time runs. */
export class RandomIdGenerator implements IdGenerator {
  nextUuid(): string {
    return randomUUID();
  }
}
