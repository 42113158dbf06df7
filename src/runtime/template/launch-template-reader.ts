import { MimePart, parseUserData } from '../../constructs/private/mime';

/*
 * Reads what the local runtime needs from an `AWS::EC2::LaunchTemplate` a compute environment
 * references (CE-3): its name and the `ECS_RESERVED_MEMORY` its user data sets (SCHED-8). The user
 * data is base64 (EC2 stores it so) and must be a MIME multipart archive (CE-4), since AWS Batch
 * merges its own part into it. The MIME splitting is the construct layer's reader, so what the
 * constructs write and what the runtime reads cannot drift apart.
 */

/** What a launch template tells the runtime. */
export interface LaunchTemplateFacts {
  /** `LaunchTemplateName`, when the template has one. */
  readonly launchTemplateName?: string;
  /** Whether `LaunchTemplateData.UserData` is present. */
  readonly hasUserData: boolean;
  /** `ECS_RESERVED_MEMORY` in MiB set by the user data; undefined when the user data does not set it. */
  readonly ecsReservedMemoryMiB?: number;
  /**
   * Why AWS Batch could not use the user data (not base64, not MIME multipart, no closing boundary:
   * CE-4); undefined when it can. A compute environment using the template would be INVALID.
   */
  readonly userDataProblem?: string;
}

/** The text parts cloud-init runs or reads, where `ECS_RESERVED_MEMORY` can be written to `/etc/ecs/ecs.config`. */
const CONFIG_WRITING_TYPES = /^text\/(x-shellscript|cloud-boothook|cloud-config)\b/i;

/**
 * `ECS_RESERVED_MEMORY=<MiB>` as scripts and cloud-config write it (`echo ECS_RESERVED_MEMORY=256 >>
 * /etc/ecs/ecs.config`, in quotes, in a heredoc, in `write_files` content). The word boundary keeps
 * out longer names such as `MY_ECS_RESERVED_MEMORY`.
 */
const RESERVED_MEMORY = /\bECS_RESERVED_MEMORY\s*=\s*["']?(\d+)\b/g;

/**
 * Reads a launch template's resolved properties (the CloudFormation shape: `LaunchTemplateName`,
 * `LaunchTemplateData.UserData`; the API's camelCase is accepted too). Never throws on bad user
 * data: it reports it in `userDataProblem`.
 */
export function readLaunchTemplate(properties: Record<string, unknown> | undefined): LaunchTemplateFacts {
  const props = properties ?? {};
  const name = field(props, 'LaunchTemplateName');
  const data = field(props, 'LaunchTemplateData');
  const userData = data && typeof data === 'object' ? field(data as Record<string, unknown>, 'UserData') : undefined;
  const launchTemplateName = typeof name === 'string' ? name : undefined;
  if (userData === undefined || userData === null) return { launchTemplateName, hasUserData: false };
  if (typeof userData !== 'string') {
    return { launchTemplateName, hasUserData: true, userDataProblem: `LaunchTemplateData.UserData: ${JSON.stringify(userData)} is not a string` };
  }
  const decoded = decodeBase64(userData);
  if (decoded === undefined) {
    return { launchTemplateName, hasUserData: true, userDataProblem: 'LaunchTemplateData.UserData is not base64: EC2 takes user data base64-encoded (use Fn::Base64)' };
  }
  let parts: MimePart[];
  let boundary: string | undefined;
  try {
    ({ parts, boundary } = parseUserData(decoded));
  } catch (error) {
    return { launchTemplateName, hasUserData: true, userDataProblem: (error as Error).message };
  }
  const ecsReservedMemoryMiB = reservedMemoryIn(parts);
  const userDataProblem = boundary === undefined
    ? 'LaunchTemplateData.UserData is not a MIME multipart archive (Content-Type: multipart/mixed; boundary=...): AWS Batch needs one to merge its own user data (CE-4)'
    : undefined;
  return { launchTemplateName, hasUserData: true, ecsReservedMemoryMiB, userDataProblem };
}

/** `ECS_RESERVED_MEMORY` in MiB set by the launch template's user data, or undefined when it sets none (SCHED-8). */
export function readEcsReservedMemory(properties: Record<string, unknown> | undefined): number | undefined {
  return readLaunchTemplate(properties).ecsReservedMemoryMiB;
}

/** The last value written wins, as in the config file the ECS agent reads. Comment lines are skipped. */
function reservedMemoryIn(parts: readonly MimePart[]): number | undefined {
  let value: number | undefined;
  for (const part of parts) {
    if (!CONFIG_WRITING_TYPES.test(part.contentType)) continue;
    const body = /^base64$/i.test(part.transferEncoding ?? '') ? decodeBase64(part.body) ?? '' : part.body;
    for (const line of body.split('\n')) {
      if (/^\s*#/.test(line)) continue;
      for (const match of line.matchAll(RESERVED_MEMORY)) value = Number(match[1]);
    }
  }
  return value;
}

/** Strict base64 (whitespace allowed); undefined when the text is not base64. */
function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

function field(object: Record<string, unknown>, pascalName: string): unknown {
  return object[pascalName] ?? object[pascalName.charAt(0).toLowerCase() + pascalName.slice(1)];
}
