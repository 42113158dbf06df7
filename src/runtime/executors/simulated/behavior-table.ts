import { JobBehavior } from './job-behavior';
import { SimulatedExecutorProps } from './simulated-executor-props';
import { BehaviorSelector } from './simulated-runner';
import { ContainerLaunch } from '../../core/executor';
import { ResourceRegistry } from '../../core/model/resource-registry';

/**
 * The simulated executor's behaviours by job name, job definition and image. Once the template is
 * loaded (bindRegistry), job-definition keys are resolved like every other reference (name, ARN,
 * logical id, construct path or id) and keys that match nothing are reported: a misspelt key would
 * otherwise silently leave its jobs on the default behaviour.
 */
export class BehaviorTable implements BehaviorSelector {
  private readonly fallback: JobBehavior;
  private readonly byJobName: Map<string, JobBehavior>;
  /** Keyed by the job definition's name once bound; by the keys as given before. */
  private byDefinition: Map<string, JobBehavior>;
  private readonly byImage: Map<string, JobBehavior>;
  private readonly byContainerName: Map<string, JobBehavior>;
  private readonly usedJobNames = new Set<string>();

  constructor(private readonly props: SimulatedExecutorProps) {
    this.fallback = props.defaultBehavior ?? JobBehavior.succeed();
    this.byJobName = new Map(Object.entries(props.byJobName ?? {}));
    this.byDefinition = new Map(Object.entries(props.byJobDefinition ?? {}));
    this.byImage = new Map(Object.entries(props.byImage ?? {}));
    this.byContainerName = new Map(Object.entries(props.byContainerName ?? {}));
  }

  /** A task's container by its name (PLAT-2), then job name, then job definition, then image, then the default. */
  behaviorFor(launch: ContainerLaunch): JobBehavior {
    const byContainer = launch.containerName !== undefined ? this.byContainerName.get(launch.containerName) : undefined;
    if (byContainer) return byContainer;
    if (this.byJobName.size > 0) {
      const byName = this.byJobName.get(launch.jobName);
      if (byName) {
        this.usedJobNames.add(launch.jobName);
        return byName;
      }
    }
    return this.byDefinition.get(launch.jobDefinitionName)
      ?? (launch.image !== undefined ? this.byImage.get(launch.image) : undefined)
      ?? this.fallback;
  }

  /**
   * Resolves the byJobDefinition keys against the loaded resources and returns a warning for each
   * byJobDefinition or byImage key that matches nothing (an Error with all of them when `strict`).
   */
  bindRegistry(registry: ResourceRegistry): string[] {
    const problems: string[] = [];
    const byDefinition = new Map<string, JobBehavior>();
    for (const [key, behavior] of Object.entries(this.props.byJobDefinition ?? {})) {
      try {
        const name = registry.jobDefinition(key, `JobExecutor.simulated byJobDefinition[${JSON.stringify(key)}]`).name;
        // A key that is the name itself wins over an alias of the same definition.
        if (!byDefinition.has(name) || key === name) byDefinition.set(name, behavior);
      } catch (error) {
        byDefinition.set(key, behavior);
        problems.push(`${(error as Error).message}. Its behaviour is never used.`);
      }
    }
    this.byDefinition = byDefinition;
    const images = imagesOf(registry);
    for (const key of this.byImage.keys()) {
      if (!images.has(key)) {
        problems.push(`JobExecutor.simulated byImage[${JSON.stringify(key)}]: no job definition of the template uses image ${JSON.stringify(key)}; `
          + `images: ${[...images].join(', ') || '(none)'}. Its behaviour is never used.`);
      }
    }
    if (this.props.strict && problems.length > 0) throw new Error(problems.join('\n'));
    return problems;
  }

  /**
   * byJobName keys no job ran with. Job names are chosen at submission, so this is only known once
   * the jobs have run (the runtime asks at dispose()).
   */
  unusedJobNameWarnings(): string[] {
    return [...this.byJobName.keys()].filter((name) => !this.usedJobNames.has(name)).map((name) =>
      `JobExecutor.simulated byJobName[${JSON.stringify(name)}]: no job named ${JSON.stringify(name)} ran; its behaviour was never used.`);
  }
}

function imagesOf(registry: ResourceRegistry): Set<string> {
  const images = new Set<string>();
  for (const definition of registry.listJobDefinitions()) {
    if (definition.containerProperties?.image) images.add(definition.containerProperties.image);
    // PLAT-2: every container of a multi-container task, the definition's or a node range's (MNP-1).
    const tasks = [definition.ecsProperties];
    // PLAT-3: every container of a pod, the definition's or a node range's (MNP-1).
    const pods = [definition.eksProperties];
    for (const range of definition.nodeProperties?.nodeRangeProperties ?? []) {
      if (range.container?.image) images.add(range.container.image);
      tasks.push(range.ecsProperties);
      pods.push(range.eksProperties);
    }
    for (const ecs of tasks) {
      for (const task of (ecs?.taskProperties ?? []) as Array<{ containers?: Array<{ image?: string }> }>) {
        for (const container of task.containers ?? []) if (container.image) images.add(container.image);
      }
    }
    for (const eks of pods) {
      const pod = eks?.podProperties as { containers?: Array<{ image?: string }>; initContainers?: Array<{ image?: string }> } | undefined;
      for (const container of [...pod?.initContainers ?? [], ...pod?.containers ?? []]) if (container.image) images.add(container.image);
    }
  }
  return images;
}
