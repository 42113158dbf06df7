// Constructs (synth time)
export * from './constructs';
export * from './constructs/events';
// cdk-nag pack
export * from './nag';
// Local runtime (test time)
export * from './runtime';
