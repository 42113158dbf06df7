export * from './runtime';
export * from './constructs';
