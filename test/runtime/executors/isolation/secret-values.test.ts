import { LogRedactor, resolveSecrets } from '../../../../src/runtime/executors/isolation/secret-values';

describe('resolveSecrets', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';

  test('secrets become variables, valued by valueFrom, else by name', () => {
    const secrets = [{ name: 'DB_PASSWORD', valueFrom: arn }, { name: 'API_TOKEN', valueFrom: '/prod/token' }];
    expect(resolveSecrets(secrets, { [arn]: 'hunter2', API_TOKEN: 'tok-123' })).toEqual({ DB_PASSWORD: 'hunter2', API_TOKEN: 'tok-123' });
  });

  test('a secret without a value fails the launch as AWS does, naming the secret and never a value', () => {
    let message = '';
    try {
      resolveSecrets([{ name: 'DB_PASSWORD', valueFrom: arn }], { OTHER: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
      expect((error as { toResult(): { reason: string } }).toResult().reason).toMatch(/^ResourceInitializationError: unable to retrieve secret DB_PASSWORD/);
    }
    expect(message).toContain(arn);
    expect(message).not.toContain('hunter2');
  });
});

describe('LogRedactor', () => {
  test('masks every occurrence of every secret value, longest first', () => {
    const redactor = new LogRedactor(['abc', 'abcdef', '']);
    expect(redactor.active).toBe(true);
    expect(redactor.redact('x abcdef y abc z')).toBe('x ***** y ***** z');
  });

  test('without secrets it is inactive', () => {
    expect(new LogRedactor(['']).active).toBe(false);
  });
});
