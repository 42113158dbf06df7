import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** The MIME content types cloud-init understands and the AWS Batch guide uses (CE-4). */
export enum UserDataContentType {
  /** A shell script run once at first boot, after the network is up. */
  SHELL_SCRIPT = 'text/x-shellscript; charset="us-ascii"',
  /** cloud-init directives (packages, runcmd, write_files, ...). */
  CLOUD_CONFIG = 'text/cloud-config; charset="us-ascii"',
  /** A script run very early on every boot, before the ECS agent starts (e.g. Docker daemon settings). */
  CLOUD_BOOTHOOK = 'text/cloud-boothook; charset="us-ascii"',
}

/** Options of `UserDataPart.efsMount`. */
export interface EfsMountOptions {
  /** The id of the EFS file system, e.g. `fs-abcdef123` or `fileSystem.fileSystemId`. */
  readonly fileSystemId: string;
  /**
   * Where to mount it on the instance; containers reach it through a host volume.
   *
   * @default /mnt/efs
   */
  readonly mountPoint?: string;
}

/** Options of `UserDataPart.fsxLustreMount`. */
export interface FsxLustreMountOptions {
  /** The DNS name of the file system (`fileSystem.dnsName`). */
  readonly dnsName: string;
  /** The Lustre mount name (`fileSystem.mountName`; `fsx` on old scratch file systems). */
  readonly mountName: string;
  /**
   * Where to mount it on the instance.
   *
   * @default /scratch
   */
  readonly mountPoint?: string;
  /**
   * The command that installs the Lustre client; the default suits the ECS-optimized Amazon
   * Linux 2 AMI that AWS Batch uses by default (Amazon Linux 2023: `dnf install -y lustre-client`).
   *
   * @default amazon-linux-extras install -y lustre
   */
  readonly installCommand?: string;
}

/** Options of `UserDataPart.ecsImageCleanup`. */
export interface EcsImageCleanupOptions {
  /**
   * How often the ECS agent looks for unused images.
   *
   * @default 60 minutes
   */
  readonly interval?: cdk.Duration;
  /**
   * How old an unused image must be before it is removed.
   *
   * @default 60 minutes
   */
  readonly minimumAge?: cdk.Duration;
}

/**
 * One part of a MIME multipart user-data document (CE-4). AWS Batch merges its own user data
 * into the launch template's, so every piece of ours is a part with its own content type.
 */
export class UserDataPart {
  /** A `text/x-shellscript` part; `#!/bin/bash` is added when the first line is not a shebang. */
  public static shellScript(commands: string[]): UserDataPart {
    const lines = commands[0]?.startsWith('#!') ? commands : ['#!/bin/bash', ...commands];
    return new UserDataPart(UserDataContentType.SHELL_SCRIPT, lines.join('\n'));
  }

  /** A `text/cloud-config` part (YAML; the `#cloud-config` line is optional inside a MIME part). */
  public static cloudConfig(content: string): UserDataPart {
    return new UserDataPart(UserDataContentType.CLOUD_CONFIG, content);
  }

  /** A `text/cloud-boothook` part, run early on every boot. */
  public static cloudBoothook(commands: string[]): UserDataPart {
    const lines = commands[0]?.startsWith('#') ? commands : ['#cloud-boothook', ...commands];
    return new UserDataPart(UserDataContentType.CLOUD_BOOTHOOK, lines.join('\n'));
  }

  /** Any part: give the full Content-Type header value and the body as it should appear. */
  public static of(contentType: string, body: string, transferEncoding?: string): UserDataPart {
    return new UserDataPart(contentType, body, transferEncoding);
  }

  /**
   * ECS container agent settings appended to `/etc/ecs/ecs.config`, e.g.
   * `{ ECS_RESERVED_MEMORY: '256' }` (SCHED-8). Keys are written in sorted order so the
   * template does not change when the caller's object literal is reordered.
   */
  public static ecsAgentSettings(settings: Record<string, string>): UserDataPart {
    const names = Object.keys(settings).sort();
    if (names.length === 0) {
      throw new Error('UserDataPart.ecsAgentSettings: settings is empty; give at least one ECS agent variable');
    }
    for (const name of names) {
      if (!/^ECS_[A-Z0-9_]+$/.test(name)) {
        throw new Error(`UserDataPart.ecsAgentSettings: ${JSON.stringify(name)} is invalid: an ECS agent variable name (ECS_ followed by A-Z, 0-9, _)`);
      }
    }
    return UserDataPart.shellScript(names.map((name) => `echo ${name}=${settings[name]} >> /etc/ecs/ecs.config`));
  }

  /**
   * Memory the ECS agent keeps back from jobs for the OS and the agent (SCHED-8; the default
   * AMI reserves 32 MiB).
   */
  public static ecsReservedMemory(memory: cdk.Size): UserDataPart {
    // toMebibytes() itself refuses sizes that are not a whole number of MiB.
    return UserDataPart.ecsAgentSettings({ ECS_RESERVED_MEMORY: String(memory.toMebibytes()) });
  }

  /** The guide's image-cleanup example: ECS_IMAGE_CLEANUP_INTERVAL and ECS_IMAGE_MINIMUM_CLEANUP_AGE. */
  public static ecsImageCleanup(options: EcsImageCleanupOptions = {}): UserDataPart {
    const minutes = (d: cdk.Duration | undefined) => `${(d ?? cdk.Duration.minutes(60)).toMinutes()}m`;
    return UserDataPart.ecsAgentSettings({
      ECS_IMAGE_CLEANUP_INTERVAL: minutes(options.interval),
      ECS_IMAGE_MINIMUM_CLEANUP_AGE: minutes(options.minimumAge),
    });
  }

  /**
   * The guide's EFS example: installs amazon-efs-utils and mounts the file system with TLS
   * through /etc/fstab, so it comes back after a reboot.
   */
  public static efsMount(options: EfsMountOptions): UserDataPart {
    const mountPoint = options.mountPoint ?? '/mnt/efs';
    return UserDataPart.cloudConfig([
      'packages:',
      '- amazon-efs-utils',
      '',
      'runcmd:',
      `- mkdir -p ${mountPoint}`,
      `- echo "${options.fileSystemId}:/ ${mountPoint} efs tls,_netdev" >> /etc/fstab`,
      '- mount -a -t efs defaults',
    ].join('\n'));
  }

  /** The guide's FSx for Lustre example, with today's mount name instead of the fixed `fsx`. */
  public static fsxLustreMount(options: FsxLustreMountOptions): UserDataPart {
    const mountPoint = options.mountPoint ?? '/scratch';
    return UserDataPart.cloudConfig([
      'runcmd:',
      `- ${options.installCommand ?? 'amazon-linux-extras install -y lustre'}`,
      `- mkdir -p ${mountPoint}`,
      `- mount -t lustre -o relatime,flock ${options.dnsName}@tcp:/${options.mountName} ${mountPoint}`,
    ].join('\n'));
  }

  /**
   * CE-2: registers a self-managed instance with the ECS cluster of an unmanaged compute
   * environment (`aws batch describe-compute-environments ... ecsClusterArn`).
   */
  public static ecsCluster(ecsClusterArn: string): UserDataPart {
    return UserDataPart.shellScript([`echo "ECS_CLUSTER=${ecsClusterArn}" >> /etc/ecs/ecs.config`]);
  }

  private constructor(
    /** The part's Content-Type header value. */
    public readonly contentType: string,
    /** The part's body as it appears in the document. */
    public readonly body: string,
    /**
     * The part's Content-Transfer-Encoding, if any.
     *
     * @default - none (7bit)
     */
    public readonly transferEncoding?: string,
  ) {}

  /** This part in the form `ec2.MultipartUserData.addPart` takes. */
  public toMultipartBody(): ec2.MultipartBody {
    return ec2.MultipartBody.fromRawBody({ contentType: this.contentType, body: this.body, transferEncoding: this.transferEncoding });
  }
}
