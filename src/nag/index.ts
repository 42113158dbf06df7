export * from './batch-checks';
