/**
 * Runs one README snippet as a user would run it: `node snippet-runner.ts <index>` (with ts-node's
 * transpile-only register). `import ... from 'cdk-batch-kit'` loads this package's source. A snippet
 * written as a jest test (`test(...)`, `expect`) runs with jest's own `expect` library; its tests run one
 * after the other and a failure sets the exit code.
 *
 * The process is never ended with process.exit: it must end on its own once the snippet is done, as a
 * jest worker or a script would (issue #15: a handle left behind keeps it alive).
 */
import Module from 'module';
import * as path from 'path';
// eslint-disable-next-line import/no-extraneous-dependencies -- jest's own assertion library, installed with jest
import { expect } from 'expect';
import * as ts from 'typescript';
import { PACKAGE_ENTRY, readmeSnippets, snippetFileName } from './readme-snippets';

interface SnippetTest {
  readonly name: string;
  readonly fn: () => unknown;
}

const snippet = readmeSnippets()[Number(process.argv[2])];
if (!snippet) throw new Error(`README.md has no ts block number ${process.argv[2]}`);
const fileName = snippetFileName(snippet);

const moduleInternals = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
  _nodeModulePaths(directory: string): string[];
};
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return resolveFilename.call(this, request === 'cdk-batch-kit' ? PACKAGE_ENTRY : request, ...rest);
};

const tests: SnippetTest[] = [];
Object.assign(globalThis, { test: (name: string, fn: () => unknown) => tests.push({ name, fn }), expect });

const js = ts.transpileModule(snippet.code, {
  fileName,
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
}).outputText;
const started = Date.now();
const snippetModule = new Module(fileName, module);
snippetModule.filename = fileName;
snippetModule.paths = moduleInternals._nodeModulePaths(path.dirname(fileName));
(snippetModule as unknown as { _compile(code: string, file: string): void })._compile(js, fileName);

void (async () => {
  for (const { name, fn } of tests) {
    try {
      await fn();
      console.log(`passed: ${name}`);
    } catch (error) {
      console.error(`failed: ${name}\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exitCode = 1;
    }
  }
  const finished = Date.now();
  console.log(`snippet ran in ${finished - started} ms (loading its imports included)`);
  // How long the process lingers once the snippet is done: what a handle left behind would stretch.
  process.on('exit', () => console.log(`process exited ${Date.now() - finished} ms after the snippet finished`));
})();
