// The template file reader lives with the template loader; the endpoint's host reads through it.
export { readTemplateFile } from '../../template/template-file';
export type { TemplateFile } from '../../template/template-file';
