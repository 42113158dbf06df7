import * as api from '../api.js';
import { el, replace } from '../dom.js';
import { links } from '../format.js';
import { navigate } from '../nav.js';

/**
 * `/console/submit?queue=&definition=`: SubmitJob through the AWS route (POST /v1/submitjob, JSON), so
 * the request is validated (LIM, FS rules) and journaled exactly as an SDK's; errors show as they come.
 */
export async function submitPage(main, query) {
  document.title = 'Submit job · batch-local console';
  const [overview, { jobDefinitions }] = await Promise.all([api.read('overview'), api.read('job-definitions')]);
  const definitions = [...new Set(jobDefinitions.filter((d) => d.status === 'ACTIVE').map((d) => d.jobDefinitionName))].sort();
  const field = (id, label, input, hint) => el('div', { class: 'field' },
    el('label', { for: id }, label), input, hint ? el('small', { id: `${id}-hint` }, hint) : null);
  const name = el('input', { id: 'submit-name', required: true, maxlength: '128', pattern: '[A-Za-z0-9][A-Za-z0-9_\\-]{0,127}', value: query.get('name') ?? 'console-job', autocomplete: 'off' });
  const queue = el('select', { id: 'submit-queue', required: true }, overview.queues.map((q) => el('option', { value: q.name, selected: q.name === query.get('queue') }, q.name)));
  const definition = el('select', { id: 'submit-definition', required: true }, definitions.map((d) => el('option', { value: d, selected: d === query.get('definition') }, d)));
  const parameters = el('textarea', { id: 'submit-parameters', rows: '3', 'aria-describedby': 'submit-parameters-hint' });
  const arraySize = el('input', { id: 'submit-array-size', type: 'number', min: '2', max: '10000', 'aria-describedby': 'submit-array-size-hint' });
  const dependsOn = el('input', { id: 'submit-depends-on', autocomplete: 'off', 'aria-describedby': 'submit-depends-on-hint' });
  const share = el('input', { id: 'submit-share', autocomplete: 'off', 'aria-describedby': 'submit-share-hint' });
  const priority = el('input', { id: 'submit-priority', type: 'number', min: '0', max: '9999', 'aria-describedby': 'submit-priority-hint' });
  const result = el('p', { id: 'submit-result', role: 'status' });
  const form = el('form', {
    class: 'submit',
    onsubmit: async (event) => {
      event.preventDefault(); // sent with fetch() as JSON, never as a form post
      let request;
      try {
        request = submitRequest({ name, queue, definition, parameters, arraySize, dependsOn, share, priority });
      } catch (error) {
        replace(result, el('span', { role: 'alert', class: 'error' }, error.message));
        return;
      }
      try {
        const submitted = await api.post('/v1/submitjob', request);
        navigate(links.job(submitted.jobId));
      } catch (error) {
        replace(result, el('span', { role: 'alert', class: 'error' }, `SubmitJob refused (${error.type}): ${error.message}`));
      }
    },
  },
  field('submit-name', 'Job name', name),
  field('submit-queue', 'Job queue', queue),
  field('submit-definition', 'Job definition', definition),
  field('submit-parameters', 'Parameters', parameters, 'One name=value per line.'),
  field('submit-array-size', 'Array size', arraySize, 'Empty for a single job; 2 to 10,000 for an array job.'),
  field('submit-depends-on', 'Depends on', dependsOn, 'Job ids, separated by spaces or commas.'),
  field('submit-share', 'Share identifier', share, 'Required on a fair-share queue.'),
  field('submit-priority', 'Scheduling priority override', priority, 'Fair-share queues only; empty for the definition\'s.'),
  el('button', { type: 'submit', id: 'submit-job' }, 'Submit job'),
  result);
  replace(main, el('h1', {}, 'Submit job'), form);
}

/** The SubmitJob body from the form; throws with a message naming the field when one is malformed. */
function submitRequest(fields) {
  const request = { jobName: fields.name.value, jobQueue: fields.queue.value, jobDefinition: fields.definition.value };
  const parameters = {};
  for (const [index, line] of fields.parameters.value.split('\n').entries()) {
    if (line.trim() === '') continue;
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`Parameters, line ${index + 1}: expected name=value, got ${JSON.stringify(line)}`);
    parameters[line.slice(0, equals).trim()] = line.slice(equals + 1);
  }
  if (Object.keys(parameters).length > 0) request.parameters = parameters;
  if (fields.arraySize.value !== '') request.arrayProperties = { size: Number(fields.arraySize.value) };
  const dependencies = fields.dependsOn.value.split(/[\s,]+/).filter(Boolean);
  if (dependencies.length > 0) request.dependsOn = dependencies.map((jobId) => ({ jobId }));
  if (fields.share.value !== '') request.shareIdentifier = fields.share.value;
  if (fields.priority.value !== '') request.schedulingPriorityOverride = Number(fields.priority.value);
  return request;
}
