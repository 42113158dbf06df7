/**
 * Jest setup (before each test file). aws-cdk-lib validates every synthesized App with a WebAssembly
 * CloudFormation engine by default; compiling it costs several seconds of CPU in every test file that
 * synthesizes, which is most of them. Its findings are warnings that no test reads, so the suite turns it
 * off here, and test/examples/cloudformation-validation.test.ts turns it back on to check every example
 * template against the CloudFormation schemas. A value set by the caller wins.
 */
process.env.CDK_VALIDATION ??= 'false';
