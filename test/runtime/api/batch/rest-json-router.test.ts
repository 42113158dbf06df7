import { isRouteMatch, RestJsonRouter } from '../../../../src/runtime/api/batch/rest-json-router';
import { BATCH_MODEL } from '../../../../src/runtime/api/service-model/batch-model.generated';

describe('RestJsonRouter', () => {
  const router = new RestJsonRouter(BATCH_MODEL);

  test('fixed routes match by method and path', () => {
    const match = router.match('POST', '/v1/submitjob');
    expect(isRouteMatch(match) && [match.operation, match.definition.input, match.pathParams]).toEqual(['SubmitJob', 'SubmitJobRequest', {}]);
  });

  test('the tags route captures the percent-decoded ARN, encoded slashes or raw ones', () => {
    const arn = 'arn:aws:batch:us-east-1:123456789012:job-queue/q';
    for (const [method, operation] of [['GET', 'ListTagsForResource'], ['POST', 'TagResource'], ['DELETE', 'UntagResource']]) {
      const encoded = router.match(method, `/v1/tags/${encodeURIComponent(arn)}`);
      expect(isRouteMatch(encoded) && [encoded.operation, encoded.pathParams]).toEqual([operation, { resourceArn: arn }]);
    }
    const raw = router.match('GET', `/v1/tags/${arn}`);
    expect(isRouteMatch(raw) && raw.pathParams).toEqual({ resourceArn: arn });
    const stray = router.match('GET', '/v1/tags/100%');
    expect(isRouteMatch(stray) && stray.pathParams).toEqual({ resourceArn: '100%' });
  });

  test('misses say whether the path is unknown or the method is wrong', () => {
    expect(router.match('POST', '/v1/nothing')).toEqual({ kind: 'unknown-path' });
    expect(router.match('GET', '/v1/submitjob')).toEqual({ kind: 'wrong-method', allowed: ['POST'] });
    expect(router.match('PUT', '/v1/tags/x')).toEqual({ kind: 'wrong-method', allowed: expect.arrayContaining(['GET', 'POST', 'DELETE']) });
    expect(router.match('GET', '/v1/tags/')).toEqual({ kind: 'unknown-path' });
  });
});
