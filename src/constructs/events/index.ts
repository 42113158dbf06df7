export * from './batch-job-status';
export * from './job-state-change-rule';
export * from './job-submission-props';
export * from './scheduled-job';
export * from './event-triggered-job';
export * from './s3-object-created-event';
