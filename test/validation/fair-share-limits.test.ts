import { catchValidationError } from './catch-validation-error';
import {
  MAX_SHARE_DISTRIBUTION_ENTRIES,
  shareEntriesOverlap,
  shareEntryMatches,
  validateComputeReservation,
  validateShareDecaySeconds,
  validateShareDistribution,
  validateShareIdentifier,
  validateWeightFactor,
} from '../../src/validation/fair-share-limits';

describe('validateShareDecaySeconds', () => {
  test('FS-1: 0 and 604800 (one week) are accepted', () => {
    expect(() => validateShareDecaySeconds('shareDecaySeconds', 0)).not.toThrow();
    expect(() => validateShareDecaySeconds('shareDecaySeconds', 604_800)).not.toThrow();
  });

  test.each([[-1], [604_801], [1.5], [Number.NaN]])('FS-1: %p seconds is rejected with field, value and limit', (seconds) => {
    const error = catchValidationError(() => validateShareDecaySeconds('fairShare.shareDecay', seconds));
    expect(error).toMatchObject({ field: 'fairShare.shareDecay', value: seconds, limit: 'an integer 0..604800 seconds (one week)', rule: 'FS-1' });
  });
});

describe('validateComputeReservation', () => {
  test('FS-1: 0 and 99 are accepted', () => {
    expect(() => validateComputeReservation('computeReservation', 0)).not.toThrow();
    expect(() => validateComputeReservation('computeReservation', 99)).not.toThrow();
  });

  test.each([[100], [-1], [12.5]])('FS-1: %p is rejected', (percent) => {
    const error = catchValidationError(() => validateComputeReservation('computeReservation', percent));
    expect(error.message).toBe(`computeReservation: ${percent} is invalid: an integer 0..99 (percent) (FS-1)`);
  });
});

describe('validateWeightFactor', () => {
  test('FS-1: 0.0001 and 999.9999 are accepted', () => {
    expect(() => validateWeightFactor('weightFactor', 0.0001)).not.toThrow();
    expect(() => validateWeightFactor('weightFactor', 999.9999)).not.toThrow();
  });

  test.each([[0], [0.00009], [1000], [Number.POSITIVE_INFINITY]])('FS-1: %p is rejected', (weight) => {
    const error = catchValidationError(() => validateWeightFactor('shares[0].weightFactor', weight));
    expect(error).toMatchObject({ field: 'shares[0].weightFactor', limit: 'a number 0.0001..999.9999', rule: 'FS-1' });
  });
});

describe('validateShareIdentifier', () => {
  test.each([['teamA'], ['team*'], ['*'], ['A'.repeat(255)], [`${'A'.repeat(255)}*`]])('FS-1: %p is accepted', (value) => {
    expect(() => validateShareIdentifier('shareIdentifier', value)).not.toThrow();
  });

  test.each([
    ['', 'it is empty'],
    ['A'.repeat(256), 'length is 256'],
    ['team-a', 'character at index 4 "-" is not allowed'],
    ['te*am', '"*" is only allowed as the last character (character at index 2)'],
  ])('FS-1: %p is rejected: %s', (value, detail) => {
    const error = catchValidationError(() => validateShareIdentifier('shareIdentifier', value));
    expect(error.rule).toBe('FS-1');
    expect(error.message).toContain(detail);
  });

  test('FS-3: a job\'s share identifier is never a prefix', () => {
    const error = catchValidationError(() => validateShareIdentifier('shareIdentifier', 'team*', false));
    expect(error.message).toContain('character at index 4 "*" is not allowed');
  });
});

describe('share entries', () => {
  test('FS-4: a prefix entry covers the identifiers that start with it, an exact entry only itself', () => {
    expect(shareEntryMatches('team*', 'teamA')).toBe(true);
    expect(shareEntryMatches('team*', 'team')).toBe(true);
    expect(shareEntryMatches('team*', 'tea')).toBe(false);
    expect(shareEntryMatches('teamA', 'teamAB')).toBe(false);
    expect(shareEntryMatches('*', 'anything')).toBe(true);
  });

  test.each([
    ['team*', 'teamA', true],
    ['teamA', 'team*', true],
    ['team*', 'te*', true],
    ['teamA', 'teamA', true],
    ['teamA', 'teamB', false],
    ['teamA*', 'teamB*', false],
    ['teamA*', 'team', false],
  ])('FS-1: %p and %p overlap: %p', (a, b, overlap) => {
    expect(shareEntriesOverlap(a, b)).toBe(overlap);
  });
});

describe('validateShareDistribution', () => {
  test('FS-1: distinct identifiers and disjoint prefixes are accepted', () => {
    expect(() => validateShareDistribution('shares', [
      { shareIdentifier: 'teamA', weightFactor: 1 },
      { shareIdentifier: 'teamB*', weightFactor: 3 },
      { shareIdentifier: 'ops' },
    ])).not.toThrow();
  });

  test('FS-1: a prefix that covers an earlier identifier is rejected, naming both entries', () => {
    const error = catchValidationError(() => validateShareDistribution('fairShare.shares', [
      { shareIdentifier: 'teamA', weightFactor: 1 },
      { shareIdentifier: 'team*', weightFactor: 3 },
    ]));
    expect(error.field).toBe('fairShare.shares[1].shareIdentifier');
    expect(error.message).toBe('fairShare.shares[1].shareIdentifier: "team*" is invalid: entries that do not overlap '
      + '(no duplicate, no identifier covered by a prefix entry) (FS-1): it overlaps fairShare.shares[0] "teamA"');
  });

  test('FS-1: two overlapping prefixes are rejected', () => {
    const error = catchValidationError(() => validateShareDistribution('shares', [{ shareIdentifier: 'team*' }, { shareIdentifier: 'te*' }]));
    expect(error.message).toContain('it overlaps shares[0] "team*"');
  });

  test('FS-1: a duplicate identifier is rejected as such', () => {
    const error = catchValidationError(() => validateShareDistribution('shares', [{ shareIdentifier: 'a' }, { shareIdentifier: 'b' }, { shareIdentifier: 'a' }]));
    expect(error.field).toBe('shares[2].shareIdentifier');
    expect(error.message).toContain('shares[0] declares it already');
  });

  test('FS-1: a bad weight factor is reported at its entry', () => {
    const error = catchValidationError(() => validateShareDistribution('shares', [{ shareIdentifier: 'a', weightFactor: 1000 }]));
    expect(error.field).toBe('shares[0].weightFactor');
  });

  test('FS-1: 500 entries are accepted, 501 rejected', () => {
    const shares = (count: number) => Array.from({ length: count }, (_, i) => ({ shareIdentifier: `share${i}` }));
    expect(() => validateShareDistribution('shares', shares(MAX_SHARE_DISTRIBUTION_ENTRIES))).not.toThrow();
    const error = catchValidationError(() => validateShareDistribution('shares', shares(501)));
    expect(error).toMatchObject({ field: 'shares', value: 501, limit: 'at most 500 entries', rule: 'FS-1' });
  });
});
