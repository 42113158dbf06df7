/**
 * The one shell line that lets the AWS CLI, the SDKs and boto3 talk to `batch-local serve` on a machine
 * without AWS configuration: they refuse to send a request without a region ("You must specify a
 * region") and credentials ("Unable to locate credentials"), even to a local endpoint. The endpoint
 * checks neither, so any values do. `serve` prints it at start; the README shows the same line.
 */
export const AWS_CLIENT_ENVIRONMENT = 'export AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local';
