import { CfnResource, Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { eventsTestStack, listenerFunction } from './events-test-stack';
import { ILocalFunctionHandler, JobBehavior, JobExecutor, LocalBatchRuntime, TargetKind } from '../../../src';

const HOUR_S = 3600;

/** The seed tutorial's pattern: FAILED Batch job state changes. */
const FAILED_JOB_PATTERN: events.EventPattern = {
  source: ['aws.batch'],
  detailType: ['Batch Job State Change'],
  detail: { status: ['FAILED'] },
};

class RecordingHandler implements ILocalFunctionHandler {
  readonly received: any[] = [];
  handle(event: any): void {
    this.received.push(event);
  }
}

describe('tutorial: SNS alert for failed jobs', () => {
  function alertRuntime(): { runtime: LocalBatchRuntime; queueArn: string; definitionArn: string } {
    const { stack, queue, echoParameters } = eventsTestStack('FailedJobAlert');
    const topic = new sns.Topic(stack, 'JobFailedAlert');
    new events.Rule(stack, 'FailedJobs', { eventPattern: FAILED_JOB_PATTERN, targets: [new targets.SnsTopic(topic)] });
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({ byJobName: { 'exits-1': JobBehavior.fail({ exitCode: 1 }) } }),
    });
    return { runtime, queueArn: queue.jobQueueArn, definitionArn: echoParameters.jobDefinitionArn };
  }

  test('EVT-1, EVT-3: a job exiting 1 publishes one message carrying the job detail', async () => {
    // GIVEN the tutorial's rule with an SNS topic target
    const { runtime, queueArn, definitionArn } = alertRuntime();
    // WHEN a job exits with code 1
    const { jobId } = runtime.submitJob({ jobName: 'exits-1', jobQueue: queueArn, jobDefinition: definitionArn });
    await runtime.waitForJob(jobId);
    // THEN exactly one message reached the topic, and it is the whole event with the FAILED job's detail
    const messages = runtime.targetInvocations();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: TargetKind.SNS_TOPIC, targetLogicalId: expect.stringMatching(/^JobFailedAlert/), succeeded: true });
    const event = JSON.parse(messages[0].input);
    expect(event).toMatchObject({
      'version': '0',
      'detail-type': 'Batch Job State Change',
      'source': 'aws.batch',
      'account': '111122223333',
      'region': 'eu-west-1',
      'resources': [runtime.describeJob(jobId).jobArn],
      'detail': { jobId, status: 'FAILED', statusReason: 'Essential container in task exited', container: { exitCode: 1 } },
    });
    expect(event.detail).toEqual(JSON.parse(JSON.stringify(runtime.describeJob(jobId))));
  });

  test('EVT-3: a succeeding job sends no message', async () => {
    // GIVEN the same rule
    const { runtime, queueArn, definitionArn } = alertRuntime();
    // WHEN a job succeeds
    const { jobId } = runtime.submitJob({ jobName: 'succeeds', jobQueue: queueArn, jobDefinition: definitionArn });
    const job = await runtime.waitForJob(jobId);
    runtime.runUntilIdle();
    // THEN nothing was published
    expect(job.status).toBe('SUCCEEDED');
    expect(runtime.targetInvocations()).toEqual([]);
  });
});

describe('tutorial: a Lambda function listening to every AWS Batch event', () => {
  test('EVT-1: the handler receives one event per state change, never the initial SUBMITTED', () => {
    // GIVEN the tutorial's rule {"source": ["aws.batch"]} targeting a function with a local handler
    const { stack, queue, echoParameters } = eventsTestStack('BatchEventStream');
    const fn = listenerFunction(stack, 'EventStreamHandler', 'batch-event-stream-handler');
    new events.Rule(stack, 'AllBatchEvents', { eventPattern: { source: ['aws.batch'] }, targets: [new targets.LambdaFunction(fn)] });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    const handler = new RecordingHandler();
    runtime.registerFunctionHandler('batch-event-stream-handler', handler);

    // WHEN a job runs to completion
    const { jobId } = runtime.submitJob({ jobName: 'listened', jobQueue: queue.jobQueueArn, jobDefinition: echoParameters.jobDefinitionArn });
    runtime.runUntilIdle();

    // THEN the handler saw RUNNABLE, STARTING, RUNNING, SUCCEEDED for that job, each an aws.batch event
    expect(handler.received.map((e) => e.detail.status)).toEqual(['RUNNABLE', 'STARTING', 'RUNNING', 'SUCCEEDED']);
    expect(handler.received.every((e) => e.source === 'aws.batch' && e.detail.jobId === jobId)).toBe(true);
    expect(new Set(handler.received.map((e) => e.id)).size).toBe(4);
    expect(runtime.targetInvocations().map((i) => i.kind)).toEqual(Array(4).fill(TargetKind.LAMBDA_FUNCTION));
  });

  test('EVT-1: event time is the runtime clock and ids repeat from run to run in virtual time', () => {
    // GIVEN two runtimes of the same stack and seed
    const run = (): string[] => {
      const { stack, queue, echoParameters } = eventsTestStack('Deterministic');
      const fn = listenerFunction(stack, 'Listener');
      new events.Rule(stack, 'All', { eventPattern: { source: ['aws.batch'] }, targets: [new targets.LambdaFunction(fn)] });
      const twoMinutes = JobBehavior.succeed({ duration: Duration.minutes(2) });
      const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated({ defaultBehavior: twoMinutes }) });
      runtime.submitJob({ jobName: 'j', jobQueue: queue.jobQueueArn, jobDefinition: echoParameters.jobDefinitionArn });
      runtime.runUntilIdle();
      return runtime.targetInvocations().map((i) => `${i.eventId} ${JSON.parse(i.input).time}`);
    };
    // WHEN both run the same job
    const first = run();
    const second = run();
    // THEN the events have the same ids, and times on the virtual clock (2020-01-01, job ends 2 minutes in)
    expect(second).toEqual(first);
    expect(first[first.length - 1]).toMatch(/ 2020-01-01T00:02:00Z$/);
  });

  test('EVT-3: a handler that throws fails its invocation only', () => {
    // GIVEN a handler that throws
    const { stack, queue, echoParameters } = eventsTestStack('ThrowingHandler');
    const fn = listenerFunction(stack, 'Listener');
    new events.Rule(stack, 'All', { eventPattern: { source: ['aws.batch'], detail: { status: ['SUCCEEDED'] } }, targets: [new targets.LambdaFunction(fn)] });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    runtime.registerFunctionHandler(fn.functionName, { handle: () => { throw new Error('boom'); } });
    // WHEN a job succeeds
    const { jobId } = runtime.submitJob({ jobName: 'j', jobQueue: queue.jobQueueArn, jobDefinition: echoParameters.jobDefinitionArn });
    runtime.runUntilIdle();
    // THEN the job is unaffected and the invocation records the error
    expect(runtime.describeJob(jobId).status).toBe('SUCCEEDED');
    expect(runtime.targetInvocations()).toEqual([expect.objectContaining({ succeeded: false, error: 'boom' })]);
  });

  test('EVT-3: registering a handler for an unknown function names the value and the known ones', () => {
    const { stack } = eventsTestStack('UnknownFunction');
    listenerFunction(stack, 'Listener', 'known-fn');
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    expect(() => runtime.registerFunctionHandler('nope', new RecordingHandler())).toThrow(/functionName: no Lambda function "nope".*known: Listener\w*, known-fn/);
  });
});

describe('tutorial: a scheduled job', () => {
  function scheduledRuntime(schedule: events.Schedule, state?: boolean): { runtime: LocalBatchRuntime; queueArn: string } {
    const { stack, queue, echoParameters } = eventsTestStack('ScheduledJob');
    new events.Rule(stack, 'Hourly', {
      schedule,
      enabled: state,
      targets: [new targets.BatchJob(queue.jobQueueArn, queue, echoParameters.jobDefinitionArn, echoParameters, { jobName: 'hourly-report' })],
    });
    return { runtime: LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() }), queueArn: queue.jobQueueArn };
  }

  test('EVT-4: rate(1 hour) submits 24 jobs in a simulated day, and runUntilIdle fires no more', () => {
    // GIVEN an hourly rule with a Batch job queue target
    const { runtime, queueArn } = scheduledRuntime(events.Schedule.rate(Duration.hours(1)));
    // WHEN a day of virtual time passes and the simulation then drains
    runtime.advance(24 * HOUR_S);
    runtime.runUntilIdle();
    // THEN 24 jobs were submitted, one per hour, and all of them ran
    const invocations = runtime.targetInvocations();
    expect(invocations).toHaveLength(24);
    expect(invocations.map((i) => (i.time - invocations[0].time) / 1000 / HOUR_S)).toEqual([...Array(24).keys()]);
    const jobs = runtime.listJobs({ jobQueue: queueArn, jobStatus: 'SUCCEEDED' }).jobSummaryList;
    expect(jobs).toHaveLength(24);
    expect(new Set(jobs.map((j) => j.jobName))).toEqual(new Set(['hourly-report']));
    expect(JSON.parse(invocations[0].input)).toMatchObject({ 'source': 'aws.events', 'detail-type': 'Scheduled Event', 'detail': {} });
  });

  test('EVT-4: cron(0 * * * ? *) fires on the hour, 24 times a day', () => {
    // GIVEN a cron schedule on the hour (virtual time starts at 2020-01-01T00:00:00Z)
    const { runtime } = scheduledRuntime(events.Schedule.expression('cron(0 * * * ? *)'));
    // WHEN a day passes
    runtime.advance(24 * HOUR_S);
    // THEN it fired at 01:00 .. 24:00
    const times = runtime.targetInvocations().map((i) => new Date(i.time).toISOString());
    expect(times).toHaveLength(24);
    expect(times[0]).toBe('2020-01-01T01:00:00.000Z');
    expect(times[23]).toBe('2020-01-02T00:00:00.000Z');
  });

  test('EVT-4: a DISABLED scheduled rule never fires', () => {
    const { runtime } = scheduledRuntime(events.Schedule.rate(Duration.hours(1)), false);
    runtime.advance(24 * HOUR_S);
    expect(runtime.targetInvocations()).toEqual([]);
  });

  test('EVT-4: runUntilIdle alone ends and fires nothing', () => {
    const { runtime } = scheduledRuntime(events.Schedule.rate(Duration.minutes(1)));
    runtime.runUntilIdle();
    expect(runtime.targetInvocations()).toEqual([]);
  });
});

describe('tutorial: an S3 upload submits a job with the bucket and key', () => {
  test('EVT-3: the input transformer result becomes Parameters and the command receives them', () => {
    // GIVEN the seed's rule: S3 PutObject events (CloudTrail) → job queue, input transformer → Parameters
    const { stack, queue, echoParameters } = eventsTestStack('S3Upload');
    new events.Rule(stack, 'OnUpload', {
      eventPattern: { source: ['aws.s3'], detailType: ['AWS API Call via CloudTrail'], detail: { eventName: ['PutObject'] } },
      targets: [new targets.BatchJob(queue.jobQueueArn, queue, echoParameters.jobDefinitionArn, echoParameters, {
        jobName: 'process-upload',
        attempts: 2,
        event: events.RuleTargetInput.fromObject({
          Parameters: {
            S3bucket: events.EventField.fromPath('$.detail.requestParameters.bucketName'),
            S3key: events.EventField.fromPath('$.detail.requestParameters.key'),
          },
        }),
      })],
    });
    const commands: string[][] = [];
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({
        defaultBehavior: JobBehavior.custom({ run: (context) => { commands.push(context.command); return { exitCode: 0 }; } }),
      }),
    });

    // WHEN the upload's CloudTrail event is put on the default bus and the simulation runs
    const result = runtime.putEvents([{
      source: 'aws.s3',
      detailType: 'AWS API Call via CloudTrail',
      detail: JSON.stringify({ eventSource: 's3.amazonaws.com', eventName: 'PutObject', requestParameters: { bucketName: 'my-uploads', key: 'incoming/data.csv' } }),
    }]);
    runtime.runUntilIdle();

    // THEN one job ran with the bucket and key in its command, and the invocation names it
    expect(result.failedEntryCount).toBe(0);
    const [invocation] = runtime.targetInvocations();
    expect(invocation).toMatchObject({ kind: TargetKind.BATCH_JOB_QUEUE, succeeded: true, eventId: result.entries[0].eventId });
    expect(JSON.parse(invocation.input)).toEqual({ Parameters: { S3bucket: 'my-uploads', S3key: 'incoming/data.csv' } });
    expect(commands).toEqual([['echo', 'my-uploads', 'incoming/data.csv']]);
    const job = runtime.describeJob(invocation.submittedJobId!);
    expect(job).toMatchObject({ jobName: 'process-upload', status: 'SUCCEEDED', parameters: { S3bucket: 'my-uploads', S3key: 'incoming/data.csv' }, retryStrategy: { attempts: 2 } });
  });

  test('EVT-3: an event that does not match the pattern submits nothing', () => {
    const { stack, queue, echoParameters } = eventsTestStack('S3Other');
    new events.Rule(stack, 'OnUpload', {
      eventPattern: { source: ['aws.s3'], detail: { eventName: ['PutObject'] } },
      targets: [new targets.BatchJob(queue.jobQueueArn, queue, echoParameters.jobDefinitionArn, echoParameters)],
    });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    runtime.putEvents([{ source: 'aws.s3', detailType: 'AWS API Call via CloudTrail', detail: '{"eventName":"DeleteObject"}' }]);
    runtime.runUntilIdle();
    expect(runtime.targetInvocations()).toEqual([]);
  });
});

describe('the events role of Batch targets', () => {
  test('EVT-5: the role aws-cdk-lib creates trusts events.amazonaws.com and may submit: no warning', () => {
    // GIVEN a BatchJob target built by aws-cdk-lib (it adds the role and a batch:SubmitJob policy)
    const { stack, queue, echoParameters } = eventsTestStack('RoleOk');
    new events.Rule(stack, 'Daily', {
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new targets.BatchJob(queue.jobQueueArn, queue, echoParameters.jobDefinitionArn, echoParameters)],
    });
    // WHEN the stack is loaded
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    // THEN nothing is reported, and the target submits
    expect(runtime.eventRuleWarnings()).toEqual([]);
    runtime.advance(24 * HOUR_S);
    expect(runtime.targetInvocations()).toEqual([expect.objectContaining({ succeeded: true, submittedJobId: expect.any(String) })]);
  });

  test('EVT-5: a Batch target whose role does not trust events.amazonaws.com is reported at load and submits nothing', () => {
    // GIVEN a Batch target whose role is assumable by Lambda only
    const { stack, queue, echoParameters } = eventsTestStack('RoleWrong');
    new events.Rule(stack, 'Daily', {
      schedule: events.Schedule.rate(Duration.days(1)),
      targets: [new targets.BatchJob(queue.jobQueueArn, queue, echoParameters.jobDefinitionArn, echoParameters)],
    });
    const role = stack.node.findAll().find((c) => c.node.path.endsWith('EventsRole/Resource')) as CfnResource;
    role.addPropertyOverride('AssumeRolePolicyDocument.Statement.0.Principal.Service', 'lambda.amazonaws.com');
    // WHEN it is loaded and its schedule fires
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    runtime.advance(24 * HOUR_S);
    // THEN the load reported it and the invocation failed without a job
    expect(runtime.eventRuleWarnings()).toEqual([expect.stringMatching(/rule Daily\w+, target Target0: role EchoParametersEventsRole\w+ does not trust events\.amazonaws\.com.*EVT-5/)]);
    expect(runtime.targetInvocations()).toEqual([expect.objectContaining({ succeeded: false, error: expect.stringMatching(/^not submitted: role/) })]);
    expect(runtime.listJobs({ jobQueue: queue.jobQueueArn, jobStatus: 'SUBMITTED' }).jobSummaryList).toEqual([]);
  });
});

describe('putEvents', () => {
  test('EVT-3: entries are judged one by one; ids come back for the accepted ones', () => {
    // GIVEN a runtime with a rule on custom events
    const { stack } = eventsTestStack('PutEvents');
    const topic = new sns.Topic(stack, 'Orders');
    new events.Rule(stack, 'OrderEvents', { eventPattern: { source: ['com.example.orders'] }, targets: [new targets.SnsTopic(topic)] });
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    // WHEN one good entry and two bad ones are put
    const result = runtime.putEvents([
      { source: 'com.example.orders', detailType: 'Order Placed', detail: '{"orderId":"o-1"}', time: new Date(Date.UTC(2019, 11, 31)) },
      { source: 'com.example.orders', detailType: 'Order Placed', detail: 'not json' },
      { source: '', detailType: 'Order Placed', detail: '{}' },
    ]);
    // THEN the good one is delivered (only once the simulation runs), the bad ones say why
    expect(result.failedEntryCount).toBe(2);
    expect(result.entries[1]).toMatchObject({ errorCode: 'MalformedDetail' });
    expect(result.entries[2]).toMatchObject({ errorCode: 'InvalidArgument', errorMessage: expect.stringContaining('source') });
    expect(runtime.targetInvocations()).toEqual([]);
    runtime.runUntilIdle();
    const [invocation] = runtime.targetInvocations();
    expect(JSON.parse(invocation.input)).toMatchObject({ id: result.entries[0].eventId, time: '2019-12-31T00:00:00Z', detail: { orderId: 'o-1' } });
  });

  test('EVT-3: more than 10 entries are refused as a whole', () => {
    const { stack } = eventsTestStack('PutEventsLimit');
    const runtime = LocalBatchRuntime.fromStack(stack, { executor: JobExecutor.simulated() });
    const entry = { source: 's', detailType: 'd', detail: '{}' };
    expect(() => runtime.putEvents(Array(11).fill(entry))).toThrow('entries: 11 entries given; PutEvents takes 1 to 10.');
  });
});

describe('delivery guarantees', () => {
  test('EVT-2: every state change is delivered at least once, and (job, status, time) lets a consumer dedupe', () => {
    // GIVEN a catch-all listener and a job that fails once, then succeeds on its retry
    const { stack, queue, echoParameters } = eventsTestStack('AtLeastOnce');
    const fn = listenerFunction(stack, 'Listener', 'dedupe-listener');
    new events.Rule(stack, 'All', { eventPattern: { source: ['aws.batch'] }, targets: [new targets.LambdaFunction(fn)] });
    const runtime = LocalBatchRuntime.fromStack(stack, {
      executor: JobExecutor.simulated({ byJobName: { flaky: JobBehavior.perAttempt([JobBehavior.fail(), JobBehavior.succeed()]) } }),
    });
    const handler = new RecordingHandler();
    runtime.registerFunctionHandler('dedupe-listener', handler);
    const transitions: string[] = [];
    runtime.addJobListener({ onStateChange: (change) => transitions.push(change.status) });

    // WHEN
    const { jobId } = runtime.submitJob({ jobName: 'flaky', jobQueue: queue.jobQueueArn, jobDefinition: echoParameters.jobDefinitionArn, retryStrategy: { attempts: 2 } });
    runtime.runUntilIdle();

    // THEN each transition arrived (at least once), each event has its own id, and deduping by
    // (jobId, status, time) keeps the retry's second RUNNING, which happened at another time
    const received = handler.received.filter((event) => event.detail.jobId === jobId);
    expect(received.map((event) => event.detail.status)).toEqual(transitions);
    expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
    const deduped = new Map(received.map((event) => [`${event.detail.jobId}/${event.detail.status}/${event.time}`, event]));
    expect([...deduped.values()].filter((event) => event.detail.status === 'RUNNING')).toHaveLength(2);
  });
});
