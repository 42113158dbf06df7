import * as os from 'os';
import { JobIdentity } from '../workspace/job-identity';

/** Who a job process runs as and where: what a user needs to make sense of "Permission denied" or "not found". */
export interface RunContext {
  /** The job's user when it is not the runtime's own; `name` as the job definition or default gave it. */
  readonly identity?: JobIdentity & { readonly name: string };
  /** The process's working directory. */
  readonly workingDirectory: string;
  /** Whether that is the attempt's own fresh directory (removed afterwards) rather than one the user chose. */
  readonly scratchWorkingDirectory: boolean;
}

/** Exit codes a shell gives a command it could not execute (126) or find (127). */
const EXEC_FAILURE_EXIT_CODES = new Set([126, 127]);

/**
 * Whether an exit looks like the job could not find or open something because of where or as whom it
 * ran: 126/127 (a shell could not execute or find a command), or a "Permission denied" (EACCES) on stderr.
 */
export function looksLikeRunContextFailure(exitCode: number | undefined, sawPermissionDenied: boolean): boolean {
  return exitCode !== undefined && exitCode !== 0 && (EXEC_FAILURE_EXIT_CODES.has(exitCode) || sawPermissionDenied);
}

/** What the exit suggests, for the start of `container.reason`: a shell's 127 and 126, or the EACCES seen. */
export function runContextFailureKind(exitCode: number | undefined, sawPermissionDenied: boolean): string {
  if (sawPermissionDenied) return 'Permission denied';
  return exitCode === 127 ? 'Command not found' : 'Command not executable';
}

/**
 * #25: names the user and the working directory, and how local development gets the user's own
 * directory and user: jobs run as `nobody` (when the runtime is root) in a fresh scratch directory, so
 * `./my-script.sh` is not found there and `> ./out.txt` may be denied.
 */
export function describeRunContext(context: RunContext): string {
  const user = context.identity
    ? `user ${context.identity.name} (uid ${context.identity.uid})`
    : `user ${runtimeUserName()} (the runtime's own)`;
  const where = context.scratchWorkingDirectory
    ? `in ${context.workingDirectory}, the attempt's own empty directory (relative paths such as ./out.txt are there, not where the runtime was started)`
    : `in ${context.workingDirectory}`;
  const advice = context.scratchWorkingDirectory || context.identity
    ? '; for local development, batch-local --run-here (or ProcessExecutorProps.workingDirectory with defaultUser \'root\') runs jobs in your directory as your own user'
    : '';
  return `the job ran as ${user} ${where}${advice}`;
}

function runtimeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}
