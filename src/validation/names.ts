import { fail } from './validation-error';

/** LIM-8: the rule every name check applies, as data so the message can say exactly what failed. */
interface NamePattern {
  readonly maxLength: number;
  /** One allowed character (anchored by the caller). */
  readonly allowedChar: RegExp;
  /** Allowed first character, when stricter than the rest. */
  readonly allowedFirstChar?: RegExp;
  /** The limit in words, as it appears in error messages. */
  readonly limit: string;
}

const RULE = 'LIM-8';

const RESOURCE_NAME: NamePattern = {
  maxLength: 128,
  allowedChar: /^[A-Za-z0-9_-]$/,
  limit: '1..128 characters of [A-Za-z0-9_-]',
};

const JOB_NAME: NamePattern = {
  maxLength: 128,
  allowedChar: /^[A-Za-z0-9_-]$/,
  allowedFirstChar: /^[A-Za-z0-9]$/,
  limit: '1..128 characters of [A-Za-z0-9_-], the first alphanumeric',
};

const VOLUME_NAME: NamePattern = {
  maxLength: 255,
  allowedChar: /^[A-Za-z0-9_-]$/,
  limit: '1..255 characters of [A-Za-z0-9_-]',
};

// The documented character set has no '@', so digest references (`repo@sha256:...`) are
// rejected, as AWS Batch reported "Container.image contains invalid characters" for them.
const IMAGE: NamePattern = {
  maxLength: 255,
  allowedChar: /^[A-Za-z0-9\-_:./#]$/,
  limit: '1..255 characters of letters, digits and -_:./#',
};

function checkName(field: string, value: string, pattern: NamePattern): void {
  if (typeof value !== 'string') {
    fail(field, value, pattern.limit, RULE, 'not a string');
  }
  if (value.length < 1 || value.length > pattern.maxLength) {
    fail(field, value, pattern.limit, RULE, `length is ${value.length}`);
  }
  // Array.from walks code points, so an emoji is reported as one character, not two halves.
  const chars = Array.from(value);
  chars.forEach((char, index) => {
    const allowed = index === 0 && pattern.allowedFirstChar ? pattern.allowedFirstChar : pattern.allowedChar;
    if (!allowed.test(char)) {
      const where = index === 0 && pattern.allowedFirstChar ? 'first character' : `character at index ${index}`;
      fail(field, value, pattern.limit, RULE, `${where} ${JSON.stringify(char)} is not allowed`);
    }
  });
}

/** LIM-8: compute environment, job queue and job definition names. */
export function validateResourceName(field: string, value: string): void {
  checkName(field, value, RESOURCE_NAME);
}

/** LIM-8: job names (SubmitJob `jobName`); the first character must be alphanumeric. */
export function validateJobName(field: string, value: string): void {
  checkName(field, value, JOB_NAME);
}

/** LIM-8: volume names in container properties (referenced by `mountPoints[].sourceVolume`). */
export function validateVolumeName(field: string, value: string): void {
  checkName(field, value, VOLUME_NAME);
}

/** LIM-8: container image references. */
export function validateImage(field: string, value: string): void {
  checkName(field, value, IMAGE);
}
