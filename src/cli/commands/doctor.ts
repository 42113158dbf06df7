import { Command } from 'commander';
import { readTemplateFile } from '../../runtime/cli-surface';
import { CliIo, printJson } from '../cli-io';
import { addJsonOption, addTemplateOptions, importsOf, keyValues, templateSource, TemplateOptions } from '../common-options';
import { diagnoseTemplate, TemplateDiagnosis } from '../template-diagnosis';

export interface DoctorOptions extends TemplateOptions {
  readonly json?: boolean;
}

const MARKS = { error: 'ERROR', warning: 'WARN ', info: 'info ' } as const;

/**
 * Diagnoses the template; exit code 1 when it has errors (it would not load, or jobs could never run).
 * Input that is no template at all (unreadable, not JSON, no Resources) throws: a usage error (2), as in `run`.
 */
export function doctor(options: DoctorOptions, io: CliIo): { exitCode: number; diagnosis: TemplateDiagnosis } {
  const { template, stackName, nestedTemplates } = readTemplateFile(templateSource(options), options.stack);
  const diagnosis = diagnoseTemplate(template, stackName, keyValues('--parameter', options.parameter ?? []), { imports: importsOf(options), nestedTemplates });
  const errors = diagnosis.findings.filter((f) => f.severity === 'error').length;
  if (options.json) {
    printJson(io, diagnosis);
  } else {
    if (!diagnosis.loaded) {
      // No counts: a template that does not load has no resources to count, not zero of them.
      io.out(`stack ${diagnosis.stackName}: the template does not load (${errors} error(s)); nothing was probed`);
    } else {
      io.out(`stack ${diagnosis.stackName}: ${diagnosis.computeEnvironments.length} compute environment(s), ${diagnosis.jobQueues.length} job queue(s), `
        + `${diagnosis.jobDefinitions.length} active job definition(s)`);
    }
    for (const ce of diagnosis.computeEnvironments) io.out(`  compute environment ${ce.name}: ${ce.state}, ${ce.status}`);
    for (const queue of diagnosis.jobQueues) io.out(`  job queue ${queue.name}: ${queue.state}, priority ${queue.priority}, CEs ${queue.computeEnvironments.join(' > ')}`);
    for (const definition of diagnosis.jobDefinitions) {
      io.out(`  job definition ${definition.jobDefinition}: runs on ${definition.runsOn.join(', ') || 'no queue'}`);
    }
    if (diagnosis.findings.length === 0) io.out('no problems found');
    for (const finding of diagnosis.findings) io.out(`${MARKS[finding.severity]} ${finding.resource}: ${finding.message}`);
  }
  return { exitCode: errors > 0 ? 1 : 0, diagnosis };
}

export function doctorCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('doctor')
    .description('Diagnose a template: resources AWS would reject, INVALID compute environments, and jobs that could never run (exit code 1 on errors)');
  addTemplateOptions(command);
  addJsonOption(command);
  command.addHelpText('after', `
Each job definition is probed on each enabled queue in virtual time (nothing runs); a probe that never
finishes is explained (e.g. MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT with the shortfall).

Example:
  $ batch-local doctor --cdk-out cdk.out --stack MyBatchStack

Exit codes: 0 no errors found; 1 the template has errors (resources AWS would reject, jobs that could never
run); 2 usage or input error (bad option, a file that cannot be read or is not a CloudFormation template).`);
  command.action((options: DoctorOptions) => {
    setExitCode(doctor(options, io).exitCode);
  });
  return command;
}
