import { operationOf } from '../../../../src/runtime/api/http/request-log';

describe('operationOf (serve --verbose)', () => {
  test('AWS Batch routes are named by their operation, CloudWatch Logs by its target, local routes by their path', () => {
    expect(operationOf({ method: 'POST', url: '/v1/submitjob', headers: {} })).toBe('SubmitJob');
    expect(operationOf({ method: 'GET', url: '/v1/tags/arn%3Aaws%3Abatch%3Aus-east-1%3A1%3Ajob-queue%2Fq', headers: {} })).toBe('ListTagsForResource');
    expect(operationOf({ method: 'POST', url: '/', headers: { 'x-amz-target': 'Logs_20140328.GetLogEvents' } })).toBe('Logs.GetLogEvents');
    expect(operationOf({ method: 'POST', url: '/_local/clock/advance?x=1', headers: {} })).toBe('local:/clock/advance');
  });

  test('a path no operation has is shown as the path', () => {
    expect(operationOf({ method: 'POST', url: '/v1/nosuchthing?a=b', headers: {} })).toBe('/v1/nosuchthing');
  });
});
