import { Command } from 'commander';
import { CliIo } from './cli-io';
import { doctorCommand } from './commands/doctor';
import { planCommand } from './commands/plan';
import { runCommand } from './commands/run';
import { serveCommand } from './commands/serve';
import { EXIT_CODES_HELP } from './exit-codes';
import { packageVersion } from './package-version';

/** The batch-local command line; `setExitCode` receives each command's exit status. */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void, options: { readonly exitOverride?: boolean } = {}): Command {
  const program = new Command('batch-local')
    .description('Run the AWS Batch resources of a CloudFormation template (or cdk.out) locally, with AWS Batch semantics')
    .version(packageVersion(), '-V, --version', 'print the version of cdk-batch-kit and exit')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  if (options.exitOverride) program.exitOverride();
  for (const command of [serveCommand(io, setExitCode), runCommand(io, setExitCode), planCommand(io, setExitCode), doctorCommand(io, setExitCode)]) {
    // addCommand does not pass the program's output and exit settings on by itself.
    program.addCommand(command.copyInheritedSettings(program));
  }
  program.addHelpText('after', `
Every command takes --json for machine-readable output on stdout. Progress and warnings go to stderr.
${EXIT_CODES_HELP}`);
  return program;
}
