import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DirectoryTemplateSource, readTemplateFile, stackNameFromFile } from '../../../src/runtime/template/template-file';

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

  test('a missing path and an empty directory are errors that say what to do', () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => readTemplateFile(path.join(dir, 'nope.json'))).toThrow('no such file or directory');
    expect(() => readTemplateFile(path.join(dir, 'empty'))).toThrow('run cdk synth');
  });

  test('CFN-1: a YAML template loads with its short forms; a YAML file that is no template is an error naming the file', () => {
    // GIVEN
    fs.writeFileSync(path.join(dir, 't.yaml'), 'Resources:\n  Q:\n    Type: AWS::Batch::JobQueue\n    Properties:\n      Priority: !Ref P\n');
    fs.writeFileSync(path.join(dir, 'list.yml'), '- a\n- b\n');
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'Resources: [\n');

    // THEN
    expect(readTemplateFile(path.join(dir, 't.yaml'))).toMatchObject({ stackName: 't', template: { Resources: { Q: { Properties: { Priority: { Ref: 'P' } } } } } });
    expect(() => readTemplateFile(path.join(dir, 'list.yml'))).toThrow(/list\.yml: not a CloudFormation template \(the file is a YAML list/);
    expect(() => readTemplateFile(path.join(dir, 'bad.yaml'))).toThrow(/bad\.yaml: not a valid JSON or YAML template/);
  });

  test('CFN-7: the stack name from a file name keeps letters, digits and dashes only', () => {
    expect(stackNameFromFile('/x/batch.v2.json')).toBe('batch-v2');
    expect(stackNameFromFile('my_stack.template.yaml')).toBe('my-stack');
    expect(stackNameFromFile('2024 batch.yml')).toBe('Stack-2024-batch');
    expect(stackNameFromFile('Parent.nested.template.json')).toBe('Parent');
  });

  test('CFN-5: a nested template is found by its cdk.out asset path, a relative TemplateURL or an S3 URL\'s file name', () => {
    // GIVEN
    fs.writeFileSync(path.join(dir, 'Child.nested.template.json'), '{"Resources":{"a":{"Type":"T"}}}');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'child.yaml'), 'Resources: {}');
    const source = new DirectoryTemplateSource(dir);

    // THEN
    expect(source.read('C', { 'Fn::Join': [] }, 'Child.nested.template.json')?.template).toEqual({ Resources: { a: { Type: 'T' } } });
    expect(source.read('C', './sub/child.yaml', undefined)?.source).toBe(path.join(dir, 'sub', 'child.yaml'));
    expect(source.read('C', 'https://s3.amazonaws.com/bucket/Child.nested.template.json', undefined)).toBeDefined();
    expect(source.read('C', 'https://s3.amazonaws.com/bucket/elsewhere.json', undefined)).toBeUndefined();
  });

  test('a malformed JSON template is an error with the file, line and column', () => {
    // GIVEN
    const file = path.join(dir, 'Typo.template.json');
    fs.writeFileSync(file, '{\n  "Resources": {\n    "Queue": { "Type": "AWS::Batch::JobQueue", }\n  }\n}\n');

    // WHEN / THEN
    expect(() => readTemplateFile(file)).toThrow(`${file}: not valid JSON (line 3, column 48: Expected double-quoted property name)`);
  });
});
