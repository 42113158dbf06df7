// Internal barrel for the LIM validators shared by the constructs (synth time) and the runtime
// API (ClientException). Not re-exported from src/index.ts: these are plain TypeScript, not jsii.
export * from './validation-error';
export * from './names';
export * from './job-limits';
export * from './container-limits';
export * from './fargate-limits';
export * from './container-properties';
export * from './container-merge';
export * from './retry-and-timeout';
export * from './node-properties';
export * from './ecs-properties';
export * from './eks-properties';
export * from './eks-volumes';
export * from './queue-limits';
export * from './compute-limits';
export * from './fair-share-limits';
export * from './consumable-resource-limits';
