import { UnknownInstanceTypeError } from '../../../../src/instance-catalog/instance-catalog';
import { ClientException } from '../../../../src/runtime/core/errors';
import { asClientException, oneOf, required } from '../../../../src/runtime/core/model/validation-bridge';
import { fail } from '../../../../src/validation';

describe('validation bridge', () => {
  test('LIM-8: ValidationError and UnknownInstanceTypeError become ClientException with the same message; others pass', () => {
    expect(() => asClientException(() => fail('f', 'v', 'a limit', 'LIM-8'))).toThrow(new ClientException('f: "v" is invalid: a limit (LIM-8)'));
    expect(() => asClientException(() => { throw new UnknownInstanceTypeError('zz', 'zz is unknown'); })).toThrow(new ClientException('zz is unknown (LIM-15)'));
    expect(() => asClientException(() => { throw new TypeError('t'); })).toThrow(TypeError);
    expect(asClientException(() => 7)).toBe(7);
  });

  test('oneOf ignores case and returns the canonical spelling; required rejects undefined and null', () => {
    expect(oneOf('type', 'managed', ['MANAGED', 'UNMANAGED'] as const, 'CE-1')).toBe('MANAGED');
    expect(() => oneOf('type', 5, ['MANAGED'] as const, 'CE-1')).toThrow('type: 5 is invalid: one of MANAGED (CE-1)');
    expect(() => required('x', null, 'CE-1')).toThrow('x: null is invalid: required (CE-1)');
  });
});
