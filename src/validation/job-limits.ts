import { fail, isInteger } from './validation-error';

/** LIM-4: most `dependsOn` entries one job may have. */
export const MAX_DEPENDS_ON = 20;
/** LIM-6: array job size bounds (a size of 1 is not an array job). */
export const MIN_ARRAY_SIZE = 2;
export const MAX_ARRAY_SIZE = 10_000;
/** LIM-5: largest registered job definition, as UTF-8 JSON. */
export const JOB_DEFINITION_MAX_BYTES = 24 * 1024;
/** LIM-5: largest SubmitJob request payload, as UTF-8 JSON. */
export const SUBMIT_JOB_MAX_BYTES = 30 * 1024;

/** LIM-4: a job depends on at most 20 jobs. */
export function validateDependsOnCount(field: string, count: number): void {
  const limit = `at most ${MAX_DEPENDS_ON} entries`;
  if (!isInteger(count) || count < 0) {
    fail(field, count, limit, 'LIM-4', 'not a non-negative integer count');
  }
  if (count > MAX_DEPENDS_ON) {
    fail(field, count, limit, 'LIM-4');
  }
}

/** LIM-6: `arrayProperties.size` is an integer 2..10000. */
export function validateArraySize(field: string, size: number): void {
  if (!isInteger(size) || size < MIN_ARRAY_SIZE || size > MAX_ARRAY_SIZE) {
    fail(field, size, `an integer ${MIN_ARRAY_SIZE}..${MAX_ARRAY_SIZE}`, 'LIM-6');
  }
}

/**
 * LIM-5: a JSON document is at most `limitBytes` long in UTF-8 (the wire size, which is what
 * AWS measures; a string of multi-byte characters is longer than its `.length`).
 * The error's value is the measured byte count, not the document.
 */
export function validateJsonSize(field: string, json: string, limitBytes: number, rule: string): void {
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > limitBytes) {
    fail(field, bytes, `at most ${limitBytes} bytes of JSON (${formatKiB(limitBytes)})`, rule, `the document is ${bytes} bytes`);
  }
}

function formatKiB(bytes: number): string {
  return Number.isInteger(bytes / 1024) ? `${bytes / 1024} KiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
