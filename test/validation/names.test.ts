import * as fc from 'fast-check';
import { catchValidationError } from './catch-validation-error';
import { validateImage, validateJobName, validateResourceName, validateVolumeName } from '../../src/validation/names';

const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('');

describe('validateResourceName (CE, queue, job definition)', () => {
  test('LIM-8: a name of 128 characters is accepted, 129 rejected', () => {
    // GIVEN
    const ok = 'a'.repeat(128);
    const tooLong = 'a'.repeat(129);

    // WHEN / THEN
    expect(() => validateResourceName('jobQueueName', ok)).not.toThrow();
    const error = catchValidationError(() => validateResourceName('jobQueueName', tooLong));
    expect(error).toMatchObject({ field: 'jobQueueName', value: tooLong, rule: 'LIM-8' });
    expect(error.limit).toBe('1..128 characters of [A-Za-z0-9_-]');
    expect(error.message).toContain('length is 129');
  });

  test('LIM-8: an empty name is rejected, a single character accepted', () => {
    expect(() => validateResourceName('computeEnvironmentName', 'x')).not.toThrow();
    const error = catchValidationError(() => validateResourceName('computeEnvironmentName', ''));
    expect(error).toMatchObject({ field: 'computeEnvironmentName', value: '', rule: 'LIM-8' });
  });

  test('LIM-8: letters, digits, "_" and "-" are accepted anywhere, also first', () => {
    expect(() => validateResourceName('jobDefinitionName', '_my-Job_Def-01')).not.toThrow();
    expect(() => validateResourceName('jobDefinitionName', '-x')).not.toThrow();
  });

  test.each([['my.queue', '"."', 2], ['a b', '" "', 1], ['arn:aws:batch', '":"', 3], ['caf\u00e9', '"\u00e9"', 3], ['q/1', '"/"', 1]])(
    'LIM-8: %j is rejected, naming the offending character', (name, char, index) => {
      const error = catchValidationError(() => validateResourceName('jobQueueName', name));
      expect(error).toMatchObject({ field: 'jobQueueName', value: name, rule: 'LIM-8' });
      expect(error.message).toContain(`character at index ${index} ${char} is not allowed`);
    });

  test('LIM-8: every string of 1..128 allowed characters is accepted', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 128 }).map((chars) => chars.join('')),
      (name) => {
        validateResourceName('name', name);
      },
    ));
  });
});

describe('validateJobName', () => {
  test('LIM-8: a job name of 128 characters is accepted, 129 rejected', () => {
    expect(() => validateJobName('jobName', 'J'.repeat(128))).not.toThrow();
    const error = catchValidationError(() => validateJobName('jobName', 'J'.repeat(129)));
    expect(error).toMatchObject({ field: 'jobName', rule: 'LIM-8' });
    expect(error.limit).toContain('the first alphanumeric');
  });

  test.each(['_job', '-job'])('LIM-8: job name %j is rejected: the first character must be alphanumeric', (name) => {
    const error = catchValidationError(() => validateJobName('jobName', name));
    expect(error).toMatchObject({ field: 'jobName', value: name, rule: 'LIM-8' });
    expect(error.message).toContain('first character');
  });

  test('LIM-8: "_" and "-" are accepted after an alphanumeric first character', () => {
    expect(() => validateJobName('jobName', '0_job-a')).not.toThrow();
    expect(() => validateJobName('jobName', 'a')).not.toThrow();
  });

  test('LIM-8: an empty job name and one with "." are rejected', () => {
    expect(catchValidationError(() => validateJobName('jobName', '')).rule).toBe('LIM-8');
    expect(catchValidationError(() => validateJobName('jobName', 'a.b')).value).toBe('a.b');
  });
});

describe('validateVolumeName', () => {
  test('LIM-8: a volume name of 255 characters is accepted, 256 rejected', () => {
    expect(() => validateVolumeName('volumes[0].name', 'v'.repeat(255))).not.toThrow();
    const error = catchValidationError(() => validateVolumeName('volumes[0].name', 'v'.repeat(256)));
    expect(error).toMatchObject({ field: 'volumes[0].name', rule: 'LIM-8', limit: '1..255 characters of [A-Za-z0-9_-]' });
  });

  test('LIM-8: a volume name with "/" is rejected, an empty one too', () => {
    expect(catchValidationError(() => validateVolumeName('v', 'data/x')).value).toBe('data/x');
    expect(catchValidationError(() => validateVolumeName('v', '')).value).toBe('');
  });
});

describe('validateImage', () => {
  test.each([
    'busybox',
    'amazonlinux:2',
    'public.ecr.aws/amazonlinux/amazonlinux:latest',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/my_repo:v1.2-rc#3',
    'localhost:5000/team/app',
  ])('LIM-8: image %j is accepted', (image) => {
    expect(() => validateImage('containerProperties.image', image)).not.toThrow();
  });

  test('LIM-8: an image of 255 characters is accepted, 256 rejected', () => {
    expect(() => validateImage('image', 'i'.repeat(255))).not.toThrow();
    const error = catchValidationError(() => validateImage('image', 'i'.repeat(256)));
    expect(error).toMatchObject({ field: 'image', rule: 'LIM-8', limit: '1..255 characters of letters, digits and -_:./#' });
  });

  test.each(['my image', 'repo@sha256:abc', 'img:$TAG', ''])('LIM-8: image %j is rejected', (image) => {
    const error = catchValidationError(() => validateImage('containerProperties.image', image));
    expect(error).toMatchObject({ field: 'containerProperties.image', value: image, rule: 'LIM-8' });
  });
});

describe('non-string input (from untyped JSON)', () => {
  test('LIM-8: a number where a name is expected is rejected, not crashed on', () => {
    const error = catchValidationError(() => validateResourceName('jobQueueName', 42 as unknown as string));
    expect(error).toMatchObject({ field: 'jobQueueName', value: 42, rule: 'LIM-8' });
  });
});
