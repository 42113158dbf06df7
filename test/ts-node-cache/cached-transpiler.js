/**
 * A ts-node transpiler (its `transpiler` option: `create()` returning `transpile()`) that is TypeScript's
 * own transpileModule with a file cache, for the ts-node child processes the tests spawn (batch-local,
 * README snippets, crash children). ts-node keeps no cache: every child transpiled the ~270 source files
 * behind batch-local again, about 6 s of CPU each on the test machine, dozens of times per suite run.
 *
 * The cache directory is CDK_BATCH_KIT_TS_CACHE, made fresh by jest's global setup and removed at the end
 * of the run (test/ts-node-cache/global-setup.ts), so nothing is read from an earlier run; without it this
 * transpiles every time. Plain JavaScript: it is loaded before anything can compile TypeScript.
 *
 * The output of transpileModule depends only on the TypeScript version, the compiler options, the file
 * name and its text: those are the key. An entry is written under a temporary name and renamed, so a
 * reader never sees half of one. Results with diagnostics are not cached (ts-node reports them), and a
 * file error falls back to transpiling: the cache can make a child faster, never different.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

exports.create = function create({ service }) {
  const ts = service.projectLocalResolveHelper ? require(service.projectLocalResolveHelper('typescript', true)) : require('typescript');
  const compilerOptions = service.config.options;
  const cacheDir = process.env.CDK_BATCH_KIT_TS_CACHE;
  const optionsKey = JSON.stringify([ts.version, compilerOptions]);

  function transpile(input, fileName) {
    return ts.transpileModule(input, { fileName, compilerOptions, reportDiagnostics: true });
  }

  return {
    transpile(input, { fileName }) {
      if (!cacheDir) return transpile(input, fileName);
      const key = crypto.createHash('sha256').update(optionsKey).update('\0').update(fileName).update('\0').update(input).digest('hex');
      const entry = path.join(cacheDir, `${key}.json`);
      try {
        const cached = JSON.parse(fs.readFileSync(entry, 'utf8'));
        return { outputText: cached.outputText, sourceMapText: cached.sourceMapText, diagnostics: [] };
      } catch {
        // not cached yet: transpile below
      }
      const result = transpile(input, fileName);
      if (!result.diagnostics || result.diagnostics.length === 0) {
        const temporary = `${entry}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
        try {
          fs.writeFileSync(temporary, JSON.stringify({ outputText: result.outputText, sourceMapText: result.sourceMapText }));
          fs.renameSync(temporary, entry);
        } catch {
          fs.rmSync(temporary, { force: true });
        }
      }
      return result;
    },
  };
};
