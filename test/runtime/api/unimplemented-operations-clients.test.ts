import { execFile } from 'child_process';
import { promisify } from 'util';
import { BatchClient, BatchServiceException, DescribeServiceEnvironmentsCommand } from '@aws-sdk/client-batch';
import { Endpoint, rejection, startEndpoint } from './endpoint-fixture';

const run = promisify(execFile);

const EXPECTED_MESSAGE = /^DescribeServiceEnvironments is an operation of the AWS Batch API that the batch-local runtime does not implement/;

/** PLAT-6 as the two SDKs see it: the code and message reach the caller, and the call is not retried. */
describe('an operation the runtime does not implement, through real clients', () => {
  let endpoint: Endpoint;
  let requests = 0;

  beforeAll(async () => {
    endpoint = await startEndpoint();
  });
  afterAll(() => endpoint.close());

  test('PLAT-6: GIVEN SDK v3 with retries WHEN it calls an operation the runtime does not implement THEN it throws UnknownOperationException with the message, as a server fault, once', async () => {
    // GIVEN
    const client = new BatchClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 3 });
    client.middlewareStack.add((next) => async (args) => {
      requests++;
      return next(args);
    }, { step: 'finalizeRequest', priority: 'low' });

    // WHEN
    const error = await rejection(client.send(new DescribeServiceEnvironmentsCommand({})));
    client.destroy();

    // THEN
    expect(error).toBeInstanceOf(BatchServiceException);
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toMatch(EXPECTED_MESSAGE);
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(501);
    expect(error.$metadata.attempts).toBe(1);
    expect(requests).toBe(1);
  });

  test('PLAT-6: GIVEN boto3 with standard retries WHEN it calls an operation the runtime does not implement THEN ClientError carries the code and message after one attempt', async () => {
    // GIVEN
    const script = `
import sys, json, boto3, botocore.config, botocore.exceptions
client = boto3.client('batch', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b',
    config=botocore.config.Config(retries={'mode': 'standard', 'max_attempts': 3}))
try:
    client.describe_service_environments()
except botocore.exceptions.ClientError as error:
    meta = error.response['ResponseMetadata']
    print(json.dumps({'code': error.response['Error']['Code'], 'message': error.response['Error']['Message'],
        'status': meta['HTTPStatusCode'], 'retries': meta.get('RetryAttempts'), 'text': str(error)}))
`;

    // WHEN
    const { stdout } = await run('python3', ['-c', script, endpoint.url]);
    const result = JSON.parse(stdout);

    // THEN
    expect(result).toMatchObject({ code: 'UnknownOperationException', status: 501, retries: 0 });
    expect(result.message).toMatch(EXPECTED_MESSAGE);
    expect(result.text).toContain('(UnknownOperationException) when calling the DescribeServiceEnvironments operation: DescribeServiceEnvironments is an operation');
  }, 60_000);
});
