import { CheckpointPart } from './checkpoint-part';
import { ExternalReferences, ObjectGraphDecoder, ObjectGraphEncoder } from './object-graph-codec';
import { AttemptExecution } from '../jobs/attempt-execution';
import { JobIndex } from '../jobs/job-index';
import { AttemptRecord, JobRecord, RareJobState } from '../jobs/job-record';
import { JobRetention } from '../jobs/job-retention';
import { LogEvent, LogStore } from '../logging/log-store';
import { ResourceRegistry } from '../model/resource-registry';

/** The classes a job's record graph is made of. */
const JOB_CLASSES = { JobRecord, AttemptRecord, RareJobState };

/** What the job parts of a checkpoint need of the backend. */
export interface JobCheckpointSources {
  readonly jobs: JobIndex;
  readonly retention: JobRetention;
  readonly execution: AttemptExecution;
  readonly logs: LogStore;
  readonly registry: ResourceRegistry;
}

interface JobsHeader {
  readonly sequence: number;
  readonly taskIds: { prefix?: string; counter: number };
  readonly jobs: number;
  /** Positions (in the saved order) of the finished jobs, in the order retention drops them. */
  readonly finishedOrder: number[];
}

interface SavedStream {
  readonly group: string;
  readonly stream: string;
  readonly events: readonly LogEvent[];
}

/**
 * The jobs of a checkpoint: every top-level job still describable (finished ones as LIFE-4
 * retention keeps them, unfinished ones whatever their state: their live attempts and queue places
 * are in the `jobs.live` part), with their array children and nodes, as records;
 * the submission sequence and task-id counters; and the log streams of those jobs' attempts.
 * Jobs that retention dropped are not carried, nor their log streams: the disk a checkpoint needs
 * is bounded by what retention keeps. Compute environments, queues and definitions are written as
 * references to the registry, which the restore rebuilds first (by replaying its requests).
 */
export function jobCheckpointParts(sources: JobCheckpointSources): CheckpointPart[] {
  return [jobsPart(sources), logsPart(sources)];
}

function jobsPart(sources: JobCheckpointSources): CheckpointPart {
  return {
    key: 'jobs',
    save: () => {
      // A live attempt is carried by the live-work part, which puts it back on its restored placement.
      const encoder = new ObjectGraphEncoder(JOB_CLASSES, registryReferences(sources.registry), new Set(['liveAttempt', 'reservedPlacement']));
      const jobs = [...sources.jobs.all()];
      const position = new Map(jobs.map((job, index) => [job, index]));
      const finishedOrder = sources.retention.retained().map((job) => position.get(job)!);
      const header: JobsHeader = { sequence: sources.jobs.nextSequenceNumber, taskIds: sources.execution.taskIds, jobs: jobs.length, finishedOrder };
      return [header, ...jobs.map((job) => encoder.encode(job, `job ${job.jobId}`))];
    },
    restore: (chunks) => {
      const [header, ...encoded] = chunks as [JobsHeader, ...unknown[]];
      if (encoded.length !== header.jobs) throw new Error(`the checkpoint holds ${encoded.length} job(s), its header says ${header.jobs}`);
      const decoder = new ObjectGraphDecoder(JOB_CLASSES, registryReferences(sources.registry));
      const jobs = encoded.map((job, index) => decoder.decode(job, `job #${index}`) as JobRecord);
      for (const job of jobs) sources.jobs.add(job);
      sources.jobs.restoreSequence(header.sequence);
      sources.execution.restoreTaskIds(header.taskIds);
      sources.retention.restore(header.finishedOrder.map((index) => jobs[index]));
    },
  };
}

function logsPart(sources: JobCheckpointSources): CheckpointPart {
  return {
    key: 'logs',
    save: () => {
      const kept = new Set<string>();
      const visit = (job: JobRecord): void => {
        for (const attempt of job.attempts) {
          if (attempt.logStreamName) kept.add(attempt.logStreamName);
          // PLAT-2, PLAT-3: each container of a task or pod writes its own stream.
          for (const container of attempt.containers ?? []) if (container.logStreamName) kept.add(container.logStreamName);
        }
        job.children?.forEach(visit);
        job.nodes?.forEach(visit);
        job.earlierNodeStreams?.forEach((stream) => kept.add(stream)); // MNP-5
      };
      for (const job of sources.jobs.all()) visit(job);
      const streams: SavedStream[] = [];
      for (const group of sources.logs.groupNames()) {
        for (const stream of sources.logs.streams(group)) {
          if (kept.has(stream)) streams.push({ group, stream, events: sources.logs.events(group, stream)! });
        }
      }
      return streams;
    },
    restore: (chunks) => {
      for (const saved of chunks as SavedStream[]) sources.logs.restoreStream(saved.group, saved.stream, saved.events);
    },
  };
}

/** Registry records by `kind:arn`: a job points at its queue, definition and compute environments. */
function registryReferences(registry: ResourceRegistry): ExternalReferences {
  let byObject: Map<object, string> | undefined;
  let byRef: Map<string, object> | undefined;
  const index = (): void => {
    byObject = new Map();
    byRef = new Map();
    const add = (kind: string, record: { arn: string }): void => {
      const ref = `${kind}:${record.arn}`;
      byObject!.set(record, ref);
      byRef!.set(ref, record);
    };
    registry.listComputeEnvironments().forEach((record) => add('ce', record));
    registry.listJobQueues().forEach((record) => add('jq', record));
    registry.listJobDefinitions().forEach((record) => add('jd', record));
  };
  return {
    refOf: (value) => {
      if (!byObject) index();
      return byObject!.get(value);
    },
    resolve: (ref) => {
      if (!byRef) index();
      return byRef!.get(ref);
    },
  };
}
