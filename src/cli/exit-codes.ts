/**
 * The exit statuses of batch-local, shown in `--help` so scripts can tell a failed job from a
 * mistyped command.
 */
export const EXIT_CODES = {
  /** The job SUCCEEDED (run), the template has no errors (doctor), or the endpoint shut down cleanly (serve). */
  ok: 0,
  /** The job FAILED or can never end (run), or the template has errors (doctor). */
  failed: 1,
  /** A usage or input error: an unknown or missing option, a file that cannot be read, a template or request the API rejects. */
  usage: 2,
  /** `run --timeout` ran out: the job was terminated as TerminateJob would (as coreutils' `timeout` exits). */
  timedOut: 124,
  /** `run` was interrupted with Ctrl-C (SIGINT): the job was terminated as TerminateJob would (128 + SIGINT's number 2, as shells do). */
  interrupted: 130,
} as const;

/** The exit codes as `--help` lists them. */
export const EXIT_CODES_HELP = `
Exit codes:
  ${EXIT_CODES.ok}    the job SUCCEEDED (run); no errors found (doctor); clean shutdown (serve)
  ${EXIT_CODES.failed}    the job FAILED, or nothing left can change it (run); the template has errors (doctor)
  ${EXIT_CODES.usage}    usage or input error: bad option, unreadable or malformed file, a template or request the API rejects
  ${EXIT_CODES.timedOut}  run --timeout ran out: the job was terminated and its logs so far printed
  ${EXIT_CODES.interrupted}  run was interrupted (Ctrl-C): the job was terminated and its logs so far printed;
       a second Ctrl-C exits at once`;
