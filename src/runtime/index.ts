export * from './shapes';
export * from './local-batch-runtime';
export * from './executors/job-executor';
export * from './executors/simulated/job-behavior';
export * from './runtime-capacity';
export * from './runtime-update-inputs';
export * from './report';
