import * as cdk from 'aws-cdk-lib';
import * as batch from 'aws-cdk-lib/aws-batch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_batch as batchRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ContainerJobDefinitionProps } from './container-job-definition-props';
import { EFA_DEVICE_PATH } from '../instance-catalog';
import { BatchPermissions } from './iam/batch-permissions';
import { consumableResourceProperties } from './private/consumable-resource-checks';
import { batchDevicePermissions } from './private/device-permissions';
import { checkJobDefinition } from './private/job-definition-checks';
import { acknowledgeJobLogStreams } from './private/nag-acknowledgments';
import { validateAt, validationMessages } from './private/validate';

/** The image used when a job definition names none: small, public, and pullable without credentials. */
export const DEFAULT_JOB_IMAGE = 'public.ecr.aws/amazonlinux/amazonlinux:latest';

/**
 * Properties of a `BatchContainerJobDefinition`: the shared `ContainerJobDefinitionProps`, which
 * `BatchEnvironment.addJobDefinition` takes too (docs/construct-shape.md, rule 2).
 */
export interface BatchContainerJobDefinitionProps extends ContainerJobDefinitionProps {}

/**
 * A container job definition on EC2 resources: aws-cdk-lib's `EcsJobDefinition` with an
 * `EcsEc2ContainerDefinition`, defaults for the common case, every LIM rule checked at synth
 * time (LIM-5, 8, 9, 10, 11), device permissions in the Batch API's upper case, and
 * `grantSubmitJob` covering every revision.
 */
export class BatchContainerJobDefinition extends batch.EcsJobDefinition {
  constructor(scope: Construct, id: string, props: BatchContainerJobDefinitionProps) {
    const linuxParameters = props.efa
      ? props.linuxParameters ?? new batch.LinuxParameters(scope, `${id}LinuxParameters`)
      : props.linuxParameters;
    if (props.efa) {
      linuxParameters!.addDevices(efaDevice());
    }
    super(scope, id, {
      jobDefinitionName: props.jobDefinitionName,
      parameters: props.parameters,
      retryAttempts: props.retryAttempts ?? 1,
      retryStrategies: props.retryStrategies,
      timeout: props.timeout,
      propagateTags: props.propagateTags,
      schedulingPriority: props.schedulingPriority,
      // The container is a sibling: aws-cdk-lib takes it as a finished construct in the props.
      container: new batch.EcsEc2ContainerDefinition(scope, `${id}Container`, {
        image: props.image ?? ecs.ContainerImage.fromRegistry(DEFAULT_JOB_IMAGE),
        command: props.command,
        cpu: props.cpu ?? 1,
        memory: props.memory ?? cdk.Size.mebibytes(2048),
        environment: props.environment,
        jobRole: props.jobRole,
        executionRole: props.executionRole,
        volumes: props.volumes,
        gpu: props.gpu,
        privileged: props.privileged,
        ulimits: props.ulimits,
        linuxParameters,
        logging: props.logging,
        secrets: props.secrets,
        user: props.user,
        readonlyRootFilesystem: props.readonlyRootFilesystem,
      }),
    });
    const cfn = this.node.defaultChild as batch.CfnJobDefinition;
    cfn.consumableResourceProperties = consumableResourceProperties(this, props.consumableResources);
    const containerProperties = cfn.containerProperties as batch.CfnJobDefinition.ContainerPropertiesProperty;
    cfn.containerProperties = {
      ...containerProperties,
      linuxParameters: batchDevicePermissions(cdk.Stack.of(this), containerProperties.linuxParameters) as
        batch.CfnJobDefinition.LinuxParametersProperty,
    };
    if (!props.executionRole) {
      // aws-cdk-lib's default execution role: LOG-1's per-job streams need the wildcard.
      acknowledgeJobLogStreams(this.container.executionRole);
    }
    validateAt(this, () => checkJobDefinition(cfn));
    // Tags and escape hatches can still grow the document after construction (LIM-5).
    this.node.addValidation({ validate: () => validationMessages(() => checkJobDefinition(cfn)) });
  }

  /**
   * Lets `identity` submit jobs of **every revision** of this job definition to `queue`
   * (aws-cdk-lib grants only the revision it created; aws-cdk#33862).
   */
  public grantSubmitJob(identity: iam.IGrantable, queue: batchRefs.IJobQueueRef): void {
    BatchPermissions.grantSubmitJob(this, identity, { jobDefinitions: [this], jobQueues: [queue] });
  }
}

/** CE-6: the EFA device, with the permissions the user guide requires. */
function efaDevice(): batch.Device {
  return {
    hostPath: EFA_DEVICE_PATH,
    containerPath: EFA_DEVICE_PATH,
    permissions: [batch.DevicePermission.READ, batch.DevicePermission.WRITE, batch.DevicePermission.MKNOD],
  };
}
