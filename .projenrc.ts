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
  // Plan report charts: vega 6 is ESM-only ("type": "module"), which jest's CommonJS loader cannot
  // require; vega 5 is CommonJS and renders SVG in Node (about 0.1 s per chart, measured).
  bundledDeps: ['commander@^14.0.3', 'cli-progress@^3.12.0', 'vega@^5.33.0', 'vega-lite@^5.23.0'],
  devDeps: [
    'fast-check@^4.11.0',
    '@aws-sdk/client-batch@^3.1138.0',
    '@aws-sdk/client-cloudwatch-logs@^3.1138.0',
    '@types/cli-progress@^3.11.6',
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
      // Real child processes and HTTP servers make some suites slower than jest's 5 s default.
      testTimeout: 60_000,
      // aws-cdk-lib's built-in CloudFormation validation costs seconds per test file; it is off in
      // the suite except in test/examples/cloudformation-validation.test.ts, which turns it on.
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
  },

  gitignore: ['cdk.out/', '/bench/results/', '.batch-local/'],
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
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  `lib/${CONSOLE_ASSETS}/**`,
  '.jsii',
  'API.md',
  'docs/rules.md',
]);

// docs/ is npmignored as a whole (executors.md is for contributors); rules.md explains the rule ids
// of the error messages, so it ships.
project.addPackageIgnore('!/docs/rules.md');

// From a clone, without building: `npm run batch-local -- run --template ...`. A plain npm script,
// not a projen task, so that every argument (--help and --version included) reaches batch-local.
project.package.setScript('batch-local', 'ts-node --transpile-only src/cli/batch-local.ts');

project.synth();
