import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { EfsLaunchTemplateStack } from '../../examples/efs-launch-template';
import { FailedJobAlertStack } from '../../examples/failed-job-alert';
import { FairShareTeamsStack } from '../../examples/fair-share-teams';
import { GpuStack } from '../../examples/gpu';
import { LicenceLimitedStack } from '../../examples/licence-limited-job';
import { MultiNodeStack } from '../../examples/multi-node';
import { OnDemandAndSpotStack } from '../../examples/on-demand-and-spot';
import { OrgWideDefaultsStack } from '../../examples/org-wide-defaults';
import { buildPipelineStack } from '../../examples/pipeline';
import { RestrictedSubmissionStack } from '../../examples/restricted-submission';
import { S3TriggeredJobStack } from '../../examples/s3-triggered-job';
import { ScheduledJobStack } from '../../examples/scheduled-job';
import { UnmanagedComputeEnvironmentStack } from '../../examples/unmanaged-compute-environment';
import { WizardEquivalentStack } from '../../examples/wizard-equivalent';

/**
 * aws-cdk-lib validates every synthesized App against the CloudFormation resource schemas with its
 * built-in engine (CloudFormationValidatePlugin) and writes `validation-report.json` into the assembly.
 * The rest of the test suite turns that engine off (test/setup-env.ts: it costs seconds per test file);
 * here it is on, once per example: every template the library makes must be schema-clean.
 */
interface Violation {
  readonly ruleName: string;
  readonly description: string;
  readonly violatingConstructs?: Array<{ readonly constructPath?: string }>;
}

/** Synthesizes what `build` adds to a fresh App with the built-in validation on; returns its violations. */
function cloudFormationViolations(build: (app: cdk.App) => void): Violation[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-validate-'));
  try {
    const app = new cdk.App({ outdir, builtinCloudFormationValidation: true });
    build(app);
    const assembly = app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    return (report.pluginReports ?? []).flatMap((plugin: { violations?: Violation[] }) => plugin.violations ?? []);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => `${v.ruleName} ${v.description} at ${(v.violatingConstructs ?? []).map((c) => c.constructPath).join(', ')}`);
}

const EXAMPLES: Array<[string, (app: cdk.App) => void]> = [
  ['wizard-equivalent', (app) => new WizardEquivalentStack(app, 'WizardEquivalent')],
  ['on-demand-and-spot', (app) => new OnDemandAndSpotStack(app, 'OnDemandAndSpot')],
  ['gpu', (app) => new GpuStack(app, 'Gpu')],
  ['efs-launch-template', (app) => new EfsLaunchTemplateStack(app, 'EfsLaunchTemplate')],
  ['multi-node', (app) => new MultiNodeStack(app, 'MultiNode')],
  ['scheduled-job', (app) => new ScheduledJobStack(app, 'ScheduledJob')],
  ['failed-job-alert', (app) => new FailedJobAlertStack(app, 'FailedJobAlert')],
  ['restricted-submission', (app) => new RestrictedSubmissionStack(app, 'RestrictedSubmission')],
  ['unmanaged-compute-environment', (app) => new UnmanagedComputeEnvironmentStack(app, 'Unmanaged')],
  ['s3-triggered-job', (app) => new S3TriggeredJobStack(app, 'S3TriggeredJob')],
  ['org-wide-defaults', (app) => new OrgWideDefaultsStack(app, 'OrgWideDefaults')],
  ['fair-share-teams', (app) => new FairShareTeamsStack(app, 'FairShareTeams')],
  ['licence-limited-job', (app) => new LicenceLimitedStack(app, 'LicenceLimited')],
];

describe('CloudFormation schema validation of the examples', () => {
  const saved = process.env.CDK_VALIDATION;
  beforeAll(() => {
    delete process.env.CDK_VALIDATION; // the engine is on for this file only
  });
  afterAll(() => {
    if (saved !== undefined) process.env.CDK_VALIDATION = saved;
  });

  test('the check finds schema violations when there are some (a wrong type, an unknown property)', () => {
    // GIVEN / WHEN a job queue with a string priority and a property that does not exist
    const violations = cloudFormationViolations((app) => {
      const stack = new cdk.Stack(app, 'Broken');
      new cdk.CfnResource(stack, 'Queue', { type: 'AWS::Batch::JobQueue', properties: { Priority: 'high', Nonsense: 1 } });
    });

    // THEN both are reported against the construct
    expect(describeViolations(violations)).toEqual(expect.arrayContaining([
      expect.stringMatching(/Nonsense.*Broken\/Queue/),
      expect.stringMatching(/Priority.*integer.*Broken\/Queue/),
    ]));
  });

  test.each(EXAMPLES)('examples/%s.ts synthesizes a template with no CloudFormation schema violations', (_name, build) => {
    expect(describeViolations(cloudFormationViolations(build))).toEqual([]);
  });

  test('the seed pipeline (BatchEnvironment with five job definitions) has no CloudFormation schema violations', () => {
    // buildPipelineStack makes its own App: synthesize it with the engine on through the same report
    const stack = buildPipelineStack();
    const assembly = cdk.Stage.of(stack)!.synth();
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    const violations: Violation[] = (report.pluginReports ?? []).flatMap((plugin: { violations?: Violation[] }) => plugin.violations ?? []);
    expect(describeViolations(violations)).toEqual([]);
  });
});
