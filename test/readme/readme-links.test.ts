import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './readme-snippets';

/** Relative link targets of a markdown file, without their #fragment, as paths from the repository root. */
function relativeLinks(file: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
    .map((target) => path.posix.normalize(path.posix.join(path.posix.dirname(file), target)));
}

describe('README links', () => {
  test('issue #25: every file the README (and the docs it links) links to is in the npm package, so the links work from node_modules', () => {
    // GIVEN what `npm pack` would put in the tarball (the file list does not depend on lib/ being built)
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files = new Set<string>(packed[0].files.map((f: { path: string }) => f.path));

    // WHEN the README's links are followed, one level into the markdown files they reach
    const fromReadme = relativeLinks('README.md');
    const linked = [...new Set([...fromReadme, ...fromReadme.filter((target) => target.endsWith('.md')).flatMap(relativeLinks)])];

    // THEN each one ships
    expect(linked).toEqual(expect.arrayContaining(['docs/executors.md', 'docs/plan.md', 'docs/workload.schema.json', 'docs/plan-pipeline.png']));
    expect(linked.filter((target) => !files.has(target))).toEqual([]);
  }, 120_000);
});
