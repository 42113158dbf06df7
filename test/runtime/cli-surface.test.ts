import * as fs from 'fs';
import * as path from 'path';
import * as surface from '../../src/runtime/cli-surface';

const CLI_DIR = path.join(__dirname, '..', '..', 'src', 'cli');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('cli-surface', () => {
  test('#11 §1: the CLI imports the runtime only through runtime/cli-surface', () => {
    // GIVEN
    const files = sourceFiles(CLI_DIR);

    // WHEN
    const deep = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+runtime(?:\/[^']*)?)'/g)]
      .map((match) => match[1])
      .filter((specifier) => !specifier.endsWith('/runtime/cli-surface'))
      .map((specifier) => `${path.relative(CLI_DIR, file)}: ${specifier}`));

    // THEN
    expect(files.length).toBeGreaterThan(5);
    expect(deep).toEqual([]);
  });

  test('#11 §1: the surface exposes the assembly and the endpoint host the CLI builds on', () => {
    expect(typeof surface.assembleRuntime).toBe('function');
    expect(typeof surface.createRuntime).toBe('function');
    expect(typeof surface.EndpointHost.create).toBe('function');
    expect(surface.isTerminal('SUCCEEDED')).toBe(true);
  });
});
