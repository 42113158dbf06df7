import { NagMessageLevel } from 'cdk-nag';
import { BATCH_PACK_NAME, BATCH_RULES } from '../../src/nag/rule-catalog';

describe('BatchChecks rule catalog', () => {
  test('ids are unique, short and upper-case', () => {
    // GIVEN / WHEN
    const ids = BATCH_RULES.map((rule) => rule.id);

    // THEN
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z]+[0-9]+$/);
    }
  });

  test('ids are explicit, not derived from the check function names', () => {
    // GIVEN / WHEN / THEN renaming a function must not rename a finding
    for (const rule of BATCH_RULES) {
      expect(rule.check.name).not.toBe(rule.id);
      expect(rule.check.name.length).toBeGreaterThan(0);
    }
  });

  test('every rule cites its spec rule and explains itself', () => {
    // GIVEN / WHEN / THEN
    for (const rule of BATCH_RULES) {
      expect(rule.spec.length).toBeGreaterThan(0);
      expect(rule.info.length).toBeGreaterThan(20);
      expect(rule.explanation.length).toBeGreaterThan(20);
    }
  });

  test('covers the rules the issues ask for, with DIAG-3 and FS-6 as the only warnings', () => {
    // GIVEN / WHEN
    const ids = BATCH_RULES.map((rule) => rule.id).sort();
    const warnings = BATCH_RULES.filter((rule) => rule.level === NagMessageLevel.WARN).map((rule) => rule.id);

    // THEN
    expect(BATCH_PACK_NAME).toBe('Batch');
    expect(ids).toEqual(['DIAG3', 'FS1', 'FS3', 'FS6', 'IAM1', 'IAM3', 'LIM2', 'LIM3', 'LT1', 'LT2', 'MNP8', 'NET1', 'SCHED9']);
    expect(warnings).toEqual(['DIAG3', 'FS6']);
  });
});
