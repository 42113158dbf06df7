import * as fs from 'fs';
import * as path from 'path';

/** The repository root (this file is test/readme/readme-snippets.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** One ```ts block of README.md. */
export interface ReadmeSnippet {
  /** Position among the README's ts blocks, from 0. */
  readonly index: number;
  /** The 1-based line of the block's first code line in README.md, for messages. */
  readonly line: number;
  /** The heading the block sits under. */
  readonly heading: string;
  readonly code: string;
}

/** Every ```ts block of README.md, as written. */
export function readmeSnippets(readme: string = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')): ReadmeSnippet[] {
  const lines = readme.split('\n');
  const snippets: ReadmeSnippet[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    if (/^#+ /.test(lines[i])) heading = lines[i].replace(/^#+ /, '');
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end < 0) throw new Error(`README.md:${i + 1}: a ts block is never closed`);
    snippets.push({ index: snippets.length, line: i + 2, heading, code: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return snippets;
}

/** The file name a snippet gets when compiled or run: inside the repository, so its imports resolve here. */
export function snippetFileName(snippet: ReadmeSnippet): string {
  return path.join(REPO_ROOT, 'test', 'readme', `readme-snippet-${snippet.index}.ts`);
}

/** The module a snippet's `import ... from 'cdk-batch-kit'` stands for: this package's source. */
export const PACKAGE_ENTRY = path.join(REPO_ROOT, 'src', 'index.ts');
