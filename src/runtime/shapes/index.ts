export * from './common';
export * from './submit-job';
export * from './job-detail';
export * from './list-jobs';
export * from './job-queue-snapshot';
