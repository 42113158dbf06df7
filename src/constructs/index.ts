export * from './batch-environment';
export * from './container-job-definition-props';
