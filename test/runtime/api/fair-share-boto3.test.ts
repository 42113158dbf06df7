import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { serve, ServeHandle } from '../../../src/cli/commands/serve';
import { recordingIo } from '../../cli/cli-fixture';

const run = promisify(execFile);

/** One EC2 compute environment of 8 vCPUs, a FIFO queue and a 1-vCPU job definition: the rest comes through the API. */
const TEMPLATE = {
  Resources: {
    Env: {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: { ComputeEnvironmentName: 'env', Type: 'MANAGED', ComputeResources: { Type: 'EC2', MinvCpus: 0, MaxvCpus: 8, InstanceTypes: ['optimal'], Subnets: ['s'], InstanceRole: 'r' } },
    },
    Fifo: { Type: 'AWS::Batch::JobQueue', Properties: { JobQueueName: 'fifo', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'Env' } }] } },
    One: { Type: 'AWS::Batch::JobDefinition', Properties: { JobDefinitionName: 'one', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 512, Command: ['true'] } } },
  },
};

/**
 * The FS table through boto3: each check prints one line `name: value`; ClientExceptions print their
 * message so the test can see the field named.
 */
const FAIR_SHARE_PY = `
import json, sys, urllib.request, boto3
url = sys.argv[1]
batch = boto3.client('batch', endpoint_url=url, region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
out = {}
def refused(name, call):
    try:
        call()
        out[name] = 'accepted'
    except batch.exceptions.ClientException as e:
        out[name] = e.response['Error']['Message']
def local(route, body):
    req = urllib.request.Request(url + route, data=json.dumps(body).encode(), method='POST', headers={'Content-Type': 'application/json'})
    return json.load(urllib.request.urlopen(req))

# FS-1
policy = batch.create_scheduling_policy(name='teams', tags={'team': 'platform'},
    fairsharePolicy={'shareDecaySeconds': 0, 'computeReservation': 0, 'shareDistribution': [{'shareIdentifier': 'teamA', 'weightFactor': 1}, {'shareIdentifier': 'teamB', 'weightFactor': 3}]})
arn = policy['arn']
refused('fs1_reservation', lambda: batch.create_scheduling_policy(name='bad', fairsharePolicy={'computeReservation': 100}))
refused('fs1_overlap', lambda: batch.create_scheduling_policy(name='bad', fairsharePolicy={'shareDistribution': [{'shareIdentifier': 'team*'}, {'shareIdentifier': 'teamA'}]}))
out['fs1_list'] = [p['arn'] for p in batch.list_scheduling_policies()['schedulingPolicies']]
out['fs1_describe'] = batch.describe_scheduling_policies(arns=[arn])['schedulingPolicies']
out['fs1_tags'] = batch.list_tags_for_resource(resourceArn=arn)['tags']
batch.create_scheduling_policy(name='spare')
spare = [p['arn'] for p in batch.list_scheduling_policies()['schedulingPolicies'] if p['arn'].endswith('/spare')][0]
batch.update_scheduling_policy(arn=spare, fairsharePolicy={'shareDecaySeconds': 60})
out['fs1_updated'] = batch.describe_scheduling_policies(arns=[spare])['schedulingPolicies'][0]['fairsharePolicy']['shareDecaySeconds']

# FS-2
refused('fs2_missing_policy', lambda: batch.create_job_queue(jobQueueName='nope', priority=1, schedulingPolicyArn=arn + 'x', computeEnvironmentOrder=[{'order': 1, 'computeEnvironment': 'env'}]))
batch.create_job_queue(jobQueueName='fair', priority=10, schedulingPolicyArn=arn, computeEnvironmentOrder=[{'order': 1, 'computeEnvironment': 'env'}])
out['fs2_queue_policy'] = batch.describe_job_queues(jobQueues=['fair'])['jobQueues'][0]['schedulingPolicyArn']
refused('fs2_fifo_gains_policy', lambda: batch.update_job_queue(jobQueue='fifo', schedulingPolicyArn=arn))
refused('fs1_delete_in_use', lambda: batch.delete_scheduling_policy(arn=arn))
batch.delete_scheduling_policy(arn=spare)

# FS-3
refused('fs3_no_share', lambda: batch.submit_job(jobName='j', jobQueue='fair', jobDefinition='one'))
refused('fs3_share_on_fifo', lambda: batch.submit_job(jobName='j', jobQueue='fifo', jobDefinition='one', shareIdentifier='teamA'))

# FS-4, FS-8: teamA floods first
a = [batch.submit_job(jobName='A%d' % i, jobQueue='fair', jobDefinition='one', shareIdentifier='teamA')['jobId'] for i in range(30)]
b = [batch.submit_job(jobName='B%d' % i, jobQueue='fair', jobDefinition='one', shareIdentifier='teamB')['jobId'] for i in range(30)]
local('/_local/clock/advance', {'seconds': 1})
front = batch.get_job_queue_snapshot(jobQueue='fair')['frontOfQueue']
out['fs8_front'] = [j['jobArn'].split('/')[-1] for j in front['jobs'][:4]]
out['fs8_front_count'] = len(front['jobs'])
out['diag2_explain'] = json.load(urllib.request.urlopen(url + '/_local/explain?jobId=' + b[29]))['explanation']
out['fs8_share_filter'] = len(batch.list_jobs(jobQueue='fair', filters=[{'name': 'SHARE_IDENTIFIER', 'values': ['teamB']}])['jobSummaryList'])
local('/_local/clock/run-until-idle', {})
jobs = batch.describe_jobs(jobs=a + b[:20])['jobs'] + batch.describe_jobs(jobs=b[20:])['jobs']
first = min(j['startedAt'] for j in jobs)
out['fs4_first_minute'] = sorted(j['jobName'][0] for j in jobs if j['startedAt'] == first)
out['fs4_all_succeeded'] = all(j['status'] == 'SUCCEEDED' for j in jobs)
out['fs4_share_of_job'] = jobs[0].get('shareIdentifier')
out['ids'] = {'a': a[:10], 'b': b[:10]}
print(json.dumps(out))
`;

describe('fair share through boto3 on the virtual clock', () => {
  let workspace: string;
  let handle: ServeHandle;

  beforeEach(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fair-share-boto3-'));
    fs.writeFileSync(path.join(workspace, 'template.json'), JSON.stringify(TEMPLATE));
    handle = await serve({ template: path.join(workspace, 'template.json'), port: 0, host: '127.0.0.1', executor: 'process', clock: 'virtual' }, recordingIo());
  });

  afterEach(async () => {
    await handle.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  test('FS-1..FS-4, FS-8: policies, fair-share queues, submission rules, the 3:1 split and the queue snapshot, as boto3 sees them', async () => {
    const { stdout } = await run('python3', ['-c', FAIR_SHARE_PY, handle.url], { maxBuffer: 16 * 1024 * 1024 });
    const out = JSON.parse(stdout);
    const arn = 'arn:aws:batch:us-east-1:123456789012:scheduling-policy/teams';

    // FS-1
    expect(out.fs1_reservation).toContain('fairsharePolicy.computeReservation');
    expect(out.fs1_overlap).toContain('fairsharePolicy.shareDistribution[1].shareIdentifier');
    expect(out.fs1_list).toEqual([arn]);
    expect(out.fs1_describe).toEqual([{
      name: 'teams',
      arn,
      tags: { team: 'platform' },
      fairsharePolicy: { shareDecaySeconds: 0, computeReservation: 0, shareDistribution: [{ shareIdentifier: 'teamA', weightFactor: 1 }, { shareIdentifier: 'teamB', weightFactor: 3 }] },
    }]);
    expect(out.fs1_tags).toEqual({ team: 'platform' });
    expect(out.fs1_updated).toBe(60);
    expect(out.fs1_delete_in_use).toContain('used by job queue(s) fair');
    // FS-2
    expect(out.fs2_missing_policy).toContain('schedulingPolicyArn: unknown scheduling policy');
    expect(out.fs2_queue_policy).toBe(arn);
    expect(out.fs2_fifo_gains_policy).toContain('schedulingPolicyArn: job queue fifo was created without a scheduling policy');
    // FS-3
    expect(out.fs3_no_share).toContain('shareIdentifier: job queue fair is a fair-share queue');
    expect(out.fs3_share_on_fifo).toContain('shareIdentifier: job queue fifo has no scheduling policy');
    // FS-8: 6 of teamA and 2 of teamB run; weighted usage 6 each, the earlier job (A6) leads
    expect(out.fs8_front).toEqual([out.ids.a[6], out.ids.b[2], out.ids.a[7], out.ids.a[8]]);
    expect(out.fs8_front_count).toBe(52);
    expect(out.fs8_share_filter).toBe(30); // a filter lists every status (LIST-2)
    // DIAG-2 through /_local/explain: teamB's last job waits for teamA's weighted usage
    expect(out.diag2_explain).toContain('Fair share in queue fair: share teamB has weighted usage 6 (2 vCPUs x weight 3); share teamA has weighted usage 6');
    // FS-4
    expect(out.fs4_first_minute).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B']);
    expect(out.fs4_all_succeeded).toBe(true);
    expect(out.fs4_share_of_job).toBe('teamA');
  });
});
