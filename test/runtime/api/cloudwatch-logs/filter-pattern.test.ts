import { FilterPattern } from '../../../../src/runtime/api/cloudwatch-logs/filter-pattern';
import { ApiError } from '../../../../src/runtime/api/http/api-error';

describe('FilterPattern (term subset of CloudWatch Logs filter patterns)', () => {
  const matches = (pattern: string | undefined, message: string): boolean => FilterPattern.parse(pattern).matches(message);

  test('an empty pattern matches everything', () => {
    expect(matches(undefined, 'anything')).toBe(true);
    expect(matches('  ', 'anything')).toBe(true);
  });

  test('terms must all appear, case-sensitively', () => {
    expect(matches('ERROR disk', 'ERROR: disk full')).toBe(true);
    expect(matches('ERROR disk', 'ERROR: memory')).toBe(false);
    expect(matches('error', 'ERROR')).toBe(false);
  });

  test('"quoted phrases" match as a whole; ?alternatives need one; -exclusions must not appear', () => {
    expect(matches('"disk full"', 'the disk full again')).toBe(true);
    expect(matches('"disk full"', 'full disk')).toBe(false);
    expect(matches('?red ?blue', 'blue sky')).toBe(true);
    expect(matches('?red ?blue', 'green')).toBe(false);
    expect(matches('color -red', 'color blue')).toBe(true);
    expect(matches('color -red', 'color red')).toBe(false);
    expect(matches('-"red sky"', 'red sea')).toBe(true);
  });

  test('JSON and space-delimited patterns are refused with InvalidParameterException', () => {
    for (const pattern of ['{ $.level = "ERROR" }', '[ip, user]']) {
      let error: unknown;
      try {
        FilterPattern.parse(pattern);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).errorType).toBe('InvalidParameterException');
    }
  });
});
