import * as path from 'path';
import { PassThrough } from 'stream';
import { CliIo } from '../../src/cli/cli-io';

export const SMALL_STACK = path.join(__dirname, 'fixtures', 'small-stack.template.json');

/** A CliIo that records what commands print. */
export interface RecordingIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordingIo(interactive: boolean = false): RecordingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  // cli-progress draws only on a terminal: the interactive fake says it is one.
  const progressStream = Object.assign(new PassThrough(), interactive ? { isTTY: true, columns: 120 } : {});
  return {
    stdout,
    stderr,
    interactive,
    progressStream,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
  };
}

/** One job definition (Sleeper) that prints its pid and sleeps 600 s, on a queue (Queue). */
export const SLEEPER_STACK = path.join(__dirname, 'fixtures', 'sleeper.template.json');

/** One queue per platform (ec2-queue, fargate-queue, eks-queue) and the definitions ec2-job and fargate-job (PLAT-1). */
export const PLATFORMS_STACK = path.join(__dirname, 'fixtures', 'platforms.template.json');

/** PLAT-4: 2 licences; definitions that need 1 (solve), 3 (big-solve), and 1 of a used-up NON_REPLENISHABLE resource (call-api). */
export const LICENCE_BOUND_STACK = path.join(__dirname, 'fixtures', 'licence-bound.template.json');
