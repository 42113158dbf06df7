import { awscdk, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const REPOSITORY_URL = 'https://example.invalid/cdk-batch-kit.git';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-batch-kit',
  packageName: 'cdk-batch-kit',
  description:
    'AWS CDK constructs for AWS Batch, with a bundled local runtime that runs the synthesized template with AWS Batch semantics.',
  author: 'cdk-batch-kit maintainers',
  authorAddress: 'maintainers@users.noreply.r-seed-27248d31.example',
  // jsii refuses to compile without package.json "repository" (jsii/lib/project-info.js: 'The
  // "package.json" file must specify the "repository" attribute'), and the PyPI/Maven metadata and the
  // Go module path come from it. No public repository exists yet: example.invalid (RFC 2606) can never
  // be mistaken for one. Replace it, and the Go module name below, when the project is published.
  repositoryUrl: REPOSITORY_URL,
  license: 'Apache-2.0',
  keywords: ['awscdk', 'aws-batch', 'cdk', 'batch', 'local'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  cdkVersion: '2.276.0',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',

  // jsii libraries our public API extends (BatchChecks extends NagPack).
  peerDeps: ['cdk-nag@^3.0.2'],
  // Runtime dependencies that are not jsii libraries must be bundled.
  // CloudFormation templates in YAML (CFN-1): js-yaml is maintained, has one small dependency, takes
  // CloudFormation's short-form tags as custom types, and parsed a 500-resource template about 10 times
  // faster than eemeli's yaml 2 (measured: bench/template-load.ts), which matters for the 0.5 s goal.
  bundledDeps: ['commander@^14.0.3', 'cli-progress@^3.12.0', 'js-yaml@^4.1.0'],
  devDeps: [
    // Plan report charts: vega 6 is ESM-only ("type": "module"), which jest's CommonJS loader cannot
    // require; vega 5 is CommonJS and renders SVG in Node (about 0.1 s per chart, measured). Not
    // bundled: the package ships their single-file builds in lib/vendor, written by the compile task
    // (src/runtime/report/html/chart-libraries.ts), about 0.8 MB instead of about 30 MB (issue #25).
    'vega@^5.33.0',
    'vega-lite@^5.23.0',
    'fast-check@^4.11.0',
    '@aws-sdk/client-batch@^3.1138.0',
    '@aws-sdk/client-cloudwatch-logs@^3.1138.0',
    '@types/cli-progress@^3.11.6',
    '@types/js-yaml@^4.0.9',
    'aws-cdk@2.1148.1',
    'ts-node@^10.9.2',
    // Drives Debian's /usr/bin/chromium in the plan report's browser test (no browser download).
    'playwright-core@^1.65.2',
  ],

  bin: { 'batch-local': 'lib/cli/batch-local.js' },

  // jsii-pacmak targets (`npx projen package-all`; release publishing is off, see release: false).
  publishToPypi: { distName: 'cdk-batch-kit', module: 'cdk_batch_kit' },
  publishToMaven: { javaPackage: 'io.github.cdkbatchkit', mavenGroupId: 'io.github.cdkbatchkit', mavenArtifactId: 'cdk-batch-kit' },
  publishToNuget: { dotNetNamespace: 'CdkBatchKit', packageId: 'CdkBatchKit' },
  publishToGo: { moduleName: 'example.invalid/cdk-batch-kit-go', packageName: 'cdkbatchkit' },

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/'],
      // No coverage in `npm test`: nothing reads it (no threshold, CI keeps no report), and v8 coverage made
      // the suite's in-process CPU about 5 times larger (test/validation + test/nag: 63 s of CPU with it,
      // 12 s without), most of the suite's time. `npx projen test:coverage` writes the report.
      collectCoverage: false,
      // Real child processes and HTTP servers make some suites slower than jest's 5 s default.
      testTimeout: 60_000,
      // aws-cdk-lib's built-in CloudFormation validation costs seconds per test file; it is off in
      // the suite except in test/examples/cloudformation-validation.test.ts, which turns it on.
      setupFiles: ['<rootDir>/test/setup-env.ts'],
      // The ts-node children the tests spawn (batch-local, README snippets) share one transpile cache per
      // run instead of transpiling ~270 files each (test/ts-node-cache/cached-transpiler.js).
      globalSetup: '<rootDir>/test/ts-node-cache/global-setup.ts',
      globalTeardown: '<rootDir>/test/ts-node-cache/global-teardown.ts',
    },
  },

  // '/node_modules' too: projen's 'node_modules/' matches directories only, and a worktree's symlinked node_modules was once committed.
  gitignore: ['cdk.out/', '/bench/results/', '.batch-local/', '/node_modules'],
  githubOptions: { mergify: false },
  buildWorkflow: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
});

// The generated tsconfig.dev.json already covers test/; examples/ and bench/ get their own
// projects so eslint's project service and tsc both see them.
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');

const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, examples and benchmarks (ts-jest runs with isolatedModules and does not)',
  steps: [
    { exec: 'tsc --noEmit -p test/tsconfig.json' },
    { exec: 'tsc --noEmit -p examples/tsconfig.json' },
    { exec: 'tsc --noEmit -p bench/tsconfig.json' },
  ],
});

const smoke = project.addTask('examples:smoke', {
  description: 'Synthesize every example app and run the quickstart in the local runtime',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/smoke.ts',
});

project.testTask.prependSpawn(typecheck);

project.addTask('test:coverage', {
  description: 'Run the jest suite with a coverage report in coverage/ (npm test runs it without)',
  exec: 'jest --passWithNoTests --ci --coverage',
  receiveArgs: true,
});
project.testTask.spawn(smoke);

project.addTask('demo', {
  description: 'Synthesize examples/quickstart.ts and run its jobs as real local processes',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/quickstart.ts',
});

project.addTask('bench', {
  description: 'Run the benchmarks in bench/ and print their figures',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/run-all.ts',
  receiveArgs: true,
});

for (const pattern of ['/examples/', '/bench/', '/docs/', '/.ci/', 'cdk.json']) {
  project.addPackageIgnore(pattern);
}
// What the npm package holds, as an allowlist: .npmignore only excludes what someone thought of, and
// leftovers of a local run (cdk.out/, .batch-local/, coverage) would otherwise ship. package.json,
// README.md and LICENSE are always packed; bundled dependencies (commander, cli-progress) too.
// The local console's browser files (src/runtime/api/console/assets: ES modules, CSS, the page
// shell) are files, not TypeScript: jsii compiles only src/**/*.ts, so compile copies them next to
// the compiled server module, and the package ships them.
const CONSOLE_ASSETS = 'runtime/api/console/assets';
project.compileTask.exec(`node -e "require('fs').cpSync('src/${CONSOLE_ASSETS}', 'lib/${CONSOLE_ASSETS}', { recursive: true })"`);
// Every file the README links to ships, so its links work from node_modules/cdk-batch-kit too
// (test/readme/readme-links.test.ts checks them against `npm pack --dry-run`).
const SHIPPED_DOCS = [
  'docs/rules.md',
  'docs/executors.md',
  'docs/job-parameters.md',
  'docs/nag-acknowledgments.md',
  'docs/plan.md',
  'docs/plan-pipeline.png',
  'docs/plan-on-demand-and-spot.png',
  'docs/plan-fair-share.png',
  'docs/console.png',
  'docs/checkpoints.md',
  'docs/workload.schema.json',
  'examples/workloads/*.workload.json',
];
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  'lib/vendor/THIRD-PARTY-LICENSES.txt',
  `lib/${CONSOLE_ASSETS}/**`,
  '.jsii',
  'API.md',
  ...SHIPPED_DOCS,
]);

// docs/ and examples/ are npmignored as a whole (architecture notes are for contributors); what the
// README links to ships.
for (const shipped of SHIPPED_DOCS) project.addPackageIgnore(`!/${shipped}`);
// The plan report's chart libraries as single files (see devDeps), after jsii has written lib/.
project.compileTask.exec('node -e "require(\'./lib/runtime/report/html/chart-libraries\').writeVendoredChartLibraries(\'lib/vendor\')"');

// From a clone, without building: `npm run batch-local -- run --template ...`. A plain npm script,
// not a projen task, so that every argument (--help and --version included) reaches batch-local.
project.package.setScript('batch-local', 'ts-node --transpile-only src/cli/batch-local.ts');

// jsii's tools (@jsii/check-node) print a 12-line banner on every run because Node 20 is past its
// end of life for jsii, although this project still supports it (minNodeVersion) and CI runs it. The
// banner is silenced for Node 20 only (the variable lists major versions): an older or untested Node
// still gets it. Name read in node_modules/@jsii/check-node/lib/index.js.
for (const name of ['compile', 'watch', 'docgen', 'compat', 'package:js', 'package:java', 'package:python', 'package:dotnet', 'package:go']) {
  project.tasks.tryFind(name)?.env('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
}

project.synth();
