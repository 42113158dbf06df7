import { ImageEntrypointRunner } from './image-entrypoints';
import { readTemplateFile } from './template-file';
import { BatchBackend } from '../../core/backend';
import { DEFAULT_ENVIRONMENT, Environment } from '../../core/model/arns';
import { RandomIdGenerator } from '../../drivers/random-id-generator';
import { RealTimeDriver } from '../../drivers/real-time-driver';
import { SystemClock } from '../../drivers/system-clock';
import { driveOnWallClock } from '../../drivers/wall-clock-driving';
import { JobExecutor } from '../../executors/job-executor';
import { CfnTemplate } from '../../template/intrinsic-resolver';
import { loadTemplate, LoadedTemplate } from '../../template/template-loader';

export interface EndpointHostOptions {
  /** How job containers run. @default JobExecutor.process() */
  readonly executor?: JobExecutor;
  /** Account, region and partition of the ARNs. @default 123456789012, us-east-1, aws */
  readonly environment?: Partial<Environment>;
  /** Image -> host command run as the image's ENTRYPOINT (ImageEntrypointRunner). @default - none */
  readonly entrypoints?: ReadonlyMap<string, readonly string[]>;
}

/**
 * A backend on the wall clock, for the endpoint and the CLI: clients poll it in real time, so both
 * executors run on a system clock (a simulated job takes its behaviour's duration of real time)
 * and a RealTimeDriver fires the event loop's timers. Templates load through the same backend
 * operations as API calls.
 */
export class EndpointHost {
  static create(options: EndpointHostOptions = {}): EndpointHost {
    return new EndpointHost(options);
  }

  readonly backend: BatchBackend;
  private readonly driver: RealTimeDriver;

  private constructor(options: EndpointHostOptions) {
    const base = (options.executor ?? JobExecutor.process())._createRunner();
    const runner = options.entrypoints && options.entrypoints.size > 0 ? new ImageEntrypointRunner(base, options.entrypoints) : base;
    this.backend = new BatchBackend({
      clock: new SystemClock(),
      ids: new RandomIdGenerator(),
      runner,
      environment: { ...DEFAULT_ENVIRONMENT, ...options.environment },
    });
    this.driver = driveOnWallClock(this.backend);
  }

  loadTemplate(template: CfnTemplate, stackName: string, parameters: Record<string, string> = {}): LoadedTemplate {
    return loadTemplate(this.backend, template, stackName, parameters);
  }

  /** Loads a template file or a `cdk.out` directory (`stackName` picks the stack). */
  loadTemplateFile(file: string, stackName?: string, parameters: Record<string, string> = {}): LoadedTemplate {
    const read = readTemplateFile(file, stackName);
    return this.loadTemplate(read.template, read.stackName, parameters);
  }

  /** Stops the timer, so the process can exit once the server is closed. */
  dispose(): void {
    this.driver.dispose();
  }
}
