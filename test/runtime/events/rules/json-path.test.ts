import { evaluateJsonPath, JsonPath, parseJsonPath } from '../../../../src/runtime/events/rules/json-path';

const path = (source: string): JsonPath => {
  const parsed = parseJsonPath(source);
  if (typeof parsed === 'string') {
    throw new Error(parsed);
  }
  return parsed;
};

const EVENT = {
  'detail-type': 'Object Created',
  'resources': ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::other'],
  'detail': { requestParameters: { bucketName: 'my-bucket', key: 'in/data.csv' }, nothing: null },
};

describe('parseJsonPath', () => {
  test.each([
    ['$', []],
    ['$.detail', ['detail']],
    ['$.detail.requestParameters.bucketName', ['detail', 'requestParameters', 'bucketName']],
    ['$.detail-type', ['detail-type']],
    ['$.resources[1]', ['resources', 1]],
    ['$.a[0][2].b', ['a', 0, 2, 'b']],
  ])('EVT-3: %s parses to its steps', (source, steps) => {
    expect(path(source).steps).toEqual(steps);
  });

  test.each([
    ['detail.x', 'must start with "$"'],
    ["$['detail']", 'is not a dot-notation JSON path'],
    ['$.', 'is not a dot-notation JSON path'],
    ['$..x', 'is not a dot-notation JSON path'],
    ['$.a[x]', 'is not a dot-notation JSON path'],
    ['$.a[-1]', 'is not a dot-notation JSON path'],
  ])('EVT-3: %s is refused with a reason', (source, reason) => {
    // GIVEN a path outside EventBridge's subset WHEN parsed THEN the reason comes back as text
    expect(parseJsonPath(source)).toEqual(expect.stringContaining(reason));
  });
});

describe('evaluateJsonPath', () => {
  test.each([
    ['$', EVENT],
    ['$.detail.requestParameters.key', 'in/data.csv'],
    ['$.detail-type', 'Object Created'],
    ['$.resources[1]', 'arn:aws:s3:::other'],
    ['$.detail.nothing', null],
  ])('EVT-3: %s selects its value', (source, expected) => {
    expect(evaluateJsonPath(path(source), EVENT)).toEqual(expected);
  });

  test.each(['$.missing', '$.detail.requestParameters.key.deeper', '$.resources[2]', '$.detail[0]', '$.resources.length', '$.detail.toString'])(
    'EVT-3: %s selects nothing', (source) => {
      expect(evaluateJsonPath(path(source), EVENT)).toBeUndefined();
    });
});
