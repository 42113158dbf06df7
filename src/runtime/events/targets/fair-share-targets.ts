import { TargetKind } from './target-invocation';
import { ResourceRegistry } from '../../core/model/resource-registry';
import { EventRule } from '../rules/event-rule';

/**
 * FS-3: a rule whose Batch target is a fair-share queue submits jobs that are all refused: an EventBridge
 * target (BatchParameters) cannot carry the `shareIdentifier` such a queue requires. Said once at load
 * rather than found in the invocation record after the first failed delivery.
 */
export function fairShareTargetWarnings(rules: readonly EventRule[], registry: ResourceRegistry): string[] {
  const warnings: string[] = [];
  for (const rule of rules) {
    for (const target of rule.targets) {
      if (target.kind !== TargetKind.BATCH_JOB_QUEUE) continue;
      const queue = registry.findJobQueue(target.arn);
      if (!queue?.schedulingPolicy) continue;
      warnings.push(`rule ${rule.logicalId}, target ${target.id}: job queue ${queue.name} is a fair-share queue (scheduling policy `
        + `${queue.schedulingPolicy.name}); an EventBridge target cannot give the shareIdentifier it requires, so every submission is refused (FS-3)`);
    }
  }
  return warnings;
}
