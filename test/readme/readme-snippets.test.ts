import { spawn } from 'child_process';
import * as path from 'path';
import * as ts from 'typescript';
import { PACKAGE_ENTRY, readmeSnippets, REPO_ROOT, ReadmeSnippet, snippetFileName } from './readme-snippets';
import { TS_NODE_REGISTER } from '../ts-node-cache/ts-node-register';

/** A child that has not exited on its own by then is killed and the test fails (the process lived ~300 s). */
const KILL_AFTER_MS = 60_000;

const snippets = readmeSnippets();

interface ChildOutcome {
  readonly code: number | null;
  readonly killed: boolean;
  readonly output: string;
  readonly wallMs: number;
}

/** Runs a snippet in its own Node process (test/readme/snippet-runner.ts) and waits for it to end on its own. */
function runSnippet(snippet: ReadmeSnippet): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...TS_NODE_REGISTER, path.join(__dirname, 'snippet-runner.ts'), String(snippet.index)], {
      cwd: REPO_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: path.join(REPO_ROOT, 'test', 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => output += chunk);
    child.stderr.on('data', (chunk) => output += chunk);
    let killed = false;
    const killer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, KILL_AFTER_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, killed, output, wallMs: Date.now() - started });
    });
  });
}

describe('README.md ts blocks', () => {
  test('issue #15, #25: README.md has the snippets this test runs (a CDK app, cdk-nag, jest, virtual time, events)', () => {
    // GIVEN / WHEN the README's ts blocks
    // THEN the five documented uses are there (a block dropped by a bad fence would go unchecked)
    expect(snippets.map((s) => s.heading)).toEqual(expect.arrayContaining(['Use it in a CDK app', 'Compliance: cdk-nag', 'Test it locally, in jest', 'Virtual time', 'Events']));
    // issue #23: the fair-share section's snippet
    expect(snippets.map((s) => s.heading)).toContain('Fair-share queues');
  });

  test('issue #15: every ts block type-checks as written, importing cdk-batch-kit', () => {
    // GIVEN the blocks as files in test/readme, with 'cdk-batch-kit' meaning this package's source
    const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO_ROOT, 'test', 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    })!;
    // A README block may show a value without using it.
    const options: ts.CompilerOptions = { ...config.options, noEmit: true, noUnusedLocals: false, baseUrl: REPO_ROOT, paths: { 'cdk-batch-kit': [PACKAGE_ENTRY] } };
    const files = new Map(snippets.map((snippet) => [snippetFileName(snippet), snippet.code]));
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (fileName, languageVersion, ...rest) => files.has(fileName)
      ? ts.createSourceFile(fileName, files.get(fileName)!, languageVersion, true)
      : getSourceFile(fileName, languageVersion, ...rest);
    const fileExists = host.fileExists;
    host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
    const readFile = host.readFile;
    host.readFile = (fileName) => files.get(fileName) ?? readFile(fileName);

    // WHEN they are compiled together
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = snippets.flatMap((snippet) => {
      const source = program.getSourceFile(snippetFileName(snippet))!;
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((diagnostic) => {
        const { line } = diagnostic.start !== undefined ? source.getLineAndCharacterOfPosition(diagnostic.start) : { line: 0 };
        return `README.md:${snippet.line + line} (${snippet.heading}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    });

    // THEN nothing is reported
    expect(problems).toEqual([]);
  }, 300_000);

  test.each(snippets.map((snippet) => [snippet.heading, snippet] as const))(
    'issue #15: the %s block runs as written and its process exits on its own',
    async (_heading, snippet) => {
      // GIVEN the block as a script in its own Node process
      // WHEN it runs, with nothing ending the process for it
      const outcome = await runSnippet(snippet);

      // THEN it succeeds and the process ends by itself, long before the kill timer (issue #15: a
      // runtime with nothing left to do kept it alive for ~300 s). Not a timing assertion: how long it
      // took is only reported.
      console.log(`README.md:${snippet.line} (${snippet.heading}): exit code ${outcome.code} after ${outcome.wallMs} ms\n${outcome.output}`);
      expect({ killed: outcome.killed, code: outcome.code }).toEqual({ killed: false, code: 0 });
    },
    KILL_AFTER_MS + 30_000,
  );
});
