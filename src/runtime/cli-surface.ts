/**
 * What the `batch-local` CLI may use of the runtime, and nothing more: the CLI imports this module
 * only, so the runtime's internals can move without touching the CLI, and this list shows at a glance
 * how much of the runtime the CLI depends on. Not part of the jsii API (src/index.ts does not export it).
 */
export { assembleRuntime } from './assembly/runtime-assembly';
export type { RuntimeAssembly } from './assembly/runtime-assembly';
export { createRuntime } from './api/create-runtime';
export type { CreateRuntimeOptions, LocalRuntime } from './api/create-runtime';
export { readBehaviorsFile } from './api/host/behaviors-file';
export { EndpointHost } from './api/host/endpoint-host';
export type { RequestLogEntry, RequestLogListener } from './api/http/request-log';
export type { TemplateSources } from './api/host/endpoint-host';
export { parseEntrypoint } from './api/host/image-entrypoints';
export { readTemplateFile } from './api/host/template-file';
export { BatchBackend } from './core/backend';
export { isTerminal } from './core/model/job-status';
export type { JobStatus } from './core/model/job-status';
export type { SchedulingPolicyRecord } from './core/model/records';
export { BATCH_LOG_GROUP } from './core/logging/log-store';
export { ContainerEngine } from './executors/docker/container-engine';
export { JobExecutor } from './executors/job-executor';
export type { ProcessExecutorProps } from './executors/process/process-executor-props';
export type { DockerExecutorProps } from './executors/docker/docker-executor-props';
export type { PodVolumeSources } from './executors/workspace/pod-volume-sources';
export { JobBehavior } from './executors/simulated/job-behavior';
export type { SimulatedExecutorProps } from './executors/simulated/simulated-executor-props';
export { comparisonHtml } from './report/html/comparison-html';
export { reportHtml } from './report/html/report-html';
export { comparePolicySettings } from './report/plan-comparison';
export type { PlanComparison } from './report/plan-comparison';
export { parsePolicyOverride } from './report/policy-overrides';
export type { PlanReport } from './report/plan-report';
export { planWorkload } from './report/plan-workload';
export type { PriceOverrides } from './report/price-overrides';
export { PriceTable } from './report/price-table';
export { APPROXIMATE_MARKER, formatFigure, formatPercent, formatUsd } from './report/report-numbers';
export { parseWorkloadText, WorkloadError } from './report/workload';
export type { JobDetail } from './shapes';
export type { CfnTemplate } from './template/intrinsic-resolver';
export type { LoadedTemplate } from './template/template-loader';
export { MalformedTemplateError } from './template/malformed-template-error';
export { isLoopbackHost } from './api/http/origin-guard';
