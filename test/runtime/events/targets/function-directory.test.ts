import { FunctionDirectory } from '../../../../src/runtime/events/targets/function-directory';
import { ENV, resolverFor } from '../events-unit-fixtures';

describe('FunctionDirectory', () => {
  function directory(): { functions: FunctionDirectory; arn: string } {
    const resolver = resolverFor({ Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'batch-event-stream-handler' } } });
    return { functions: new FunctionDirectory(resolver), arn: String(resolver.getAtt('Fn', 'Arn', 'Fn')) };
  }

  test('EVT-3: a template function has one key under its logical id, name and ARN', () => {
    // GIVEN a template function WHEN looked up by each alias THEN the key is its logical id
    const { functions, arn } = directory();
    expect([functions.key('Fn'), functions.key('batch-event-stream-handler'), functions.key(arn), functions.keyOfTarget(arn)]).toEqual(['Fn', 'Fn', 'Fn', 'Fn']);
  });

  test('EVT-3: a function outside the template becomes known by name once a target names its ARN', () => {
    const { functions } = directory();
    const arn = `arn:aws:lambda:${ENV.region}:${ENV.account}:function:imported:live`;
    expect(functions.key('imported')).toBeUndefined();
    expect(functions.keyOfTarget(arn)).toBe('imported');
    expect(functions.key('imported')).toBe('imported');
    expect(functions.aliasList()).toEqual(['Fn', 'batch-event-stream-handler', 'imported']);
  });

  test('EVT-3: an ARN naming a template function by name reaches that function', () => {
    const { functions } = directory();
    expect(functions.keyOfTarget(`arn:aws:lambda:${ENV.region}:${ENV.account}:function:batch-event-stream-handler`)).toBe('Fn');
  });
});
