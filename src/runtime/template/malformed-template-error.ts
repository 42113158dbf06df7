/**
 * The input is not a CloudFormation template at all (e.g. `{}`: no Resources section), as opposed to a
 * template whose resources AWS would reject. Every command treats it as an input error (exit code 2),
 * `doctor` included: there is nothing to diagnose.
 */
export class MalformedTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedTemplateError';
  }
}
