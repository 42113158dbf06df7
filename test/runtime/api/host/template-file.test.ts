import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTemplateFile } from '../../../../src/runtime/api/host/template-file';

describe('readTemplateFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a template file: the stack name is its base name', () => {
    fs.writeFileSync(path.join(dir, 'Mine.template.json'), '{"Resources":{}}');
    expect(readTemplateFile(path.join(dir, 'Mine.template.json'))).toMatchObject({ stackName: 'Mine', template: { Resources: {} } });
  });

  test('a cdk.out directory: its only stack, or the one --stack names; otherwise an error listing the stacks', () => {
    // GIVEN
    fs.writeFileSync(path.join(dir, 'A.template.json'), '{"Resources":{"a":1}}');

    // THEN
    expect(readTemplateFile(dir).stackName).toBe('A');
    fs.writeFileSync(path.join(dir, 'B.template.json'), '{"Resources":{"b":1}}');
    expect(readTemplateFile(dir, 'B').template).toEqual({ Resources: { b: 1 } });
    expect(() => readTemplateFile(dir)).toThrow('has several stacks; choose one with --stack; stacks: A, B');
    expect(() => readTemplateFile(dir, 'C')).toThrow('has no stack named C; stacks: A, B');
  });

  test('a missing path, an empty directory and YAML are errors that say what to do', () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.writeFileSync(path.join(dir, 't.yaml'), 'Resources: {}');
    expect(() => readTemplateFile(path.join(dir, 'nope.json'))).toThrow('no such file or directory');
    expect(() => readTemplateFile(path.join(dir, 'empty'))).toThrow('run cdk synth');
    expect(() => readTemplateFile(path.join(dir, 't.yaml'))).toThrow('YAML templates are not supported');
  });

  test('a malformed JSON template is an error with the file, line and column', () => {
    // GIVEN
    const file = path.join(dir, 'Typo.template.json');
    fs.writeFileSync(file, '{\n  "Resources": {\n    "Queue": { "Type": "AWS::Batch::JobQueue", }\n  }\n}\n');

    // WHEN / THEN
    expect(() => readTemplateFile(file)).toThrow(`${file}: not valid JSON (line 3, column 48: Expected double-quoted property name)`);
  });
});
