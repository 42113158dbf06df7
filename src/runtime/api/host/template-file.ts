// The template file reader lives with the template loader; the endpoint's host reads through it.
export { readTemplateFile, TemplateFile } from '../../template/template-file';
