import * as fs from 'fs';
import * as path from 'path';
import { BATCH_RULES } from '../../src/nag/rule-catalog';

const ROOT = path.join(__dirname, '..', '..');
const RULES_DOC = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');

/** Ids of standards, not of our rules, that messages cite the same way (`ISO-8601`). */
const STANDARDS = ['ISO-8601'];

/** Rule id -> its line in docs/rules.md (`- **LIM-8**: ...`). */
function documentedRules(): Map<string, string> {
  const rules = new Map<string, string>();
  for (const match of RULES_DOC.matchAll(/^- \*\*([A-Z]+-\d+)\*\*: (.+)$/gm)) {
    if (rules.has(match[1])) throw new Error(`docs/rules.md lists ${match[1]} twice`);
    rules.set(match[1], match[2]);
  }
  return rules;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('docs/rules.md', () => {
  test('every rule id that src/ cites (in error messages, diagnostics and comments) is explained there', () => {
    // GIVEN: the rule families the document defines (LIM, LIFE, SCHED, ...)
    const rules = documentedRules();
    const families = [...new Set([...rules.keys()].map((id) => id.split('-')[0]))];
    const citation = new RegExp(`\\b(${families.join('|')})-(\\d+)\\b`, 'g');

    // WHEN
    const cited = new Map<string, string>();
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(citation)) cited.set(match[0], path.relative(ROOT, file));
    }

    // THEN
    expect(rules.size).toBeGreaterThan(80);
    expect(cited.size).toBeGreaterThan(50);
    expect([...cited].filter(([id]) => !rules.has(id)).map(([id, file]) => `${id} (cited in ${file})`)).toEqual([]);
  });

  test('the error messages of the runtime and the constructs cite ids of the documented families only', () => {
    // GIVEN: `(XYZ-1)` or `(XYZ-1: ...)` in a string of src/ is how a message cites a rule
    const rules = documentedRules();
    const cited = new Set<string>();

    // WHEN
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\(([A-Z]{2,6}-\d+)[:,)]/g)) cited.add(match[1]);
    }

    // THEN
    expect(cited.size).toBeGreaterThan(20);
    expect([...cited].filter((id) => !rules.has(id) && !STANDARDS.includes(id))).toEqual([]);
  });

  test('each cdk-nag rule (Batch-LIM2) maps to a documented id or is listed by name; each id has one line of explanation', () => {
    // GIVEN
    const rules = documentedRules();

    // WHEN
    const undocumented = BATCH_RULES.map((rule) => rule.id).filter((id) => {
      const asSpecId = id.replace(/^([A-Z]+)(\d+)$/, '$1-$2');
      return !rules.has(asSpecId) && !RULES_DOC.includes(`\`Batch-${id}\``);
    });

    // THEN
    expect(BATCH_RULES.length).toBeGreaterThan(5);
    expect(undocumented).toEqual([]);
    for (const [id, line] of rules) expect(`${id}: ${line}`).toMatch(/^[A-Z]+-\d+: \S.{10,400}$/);
  });
});
