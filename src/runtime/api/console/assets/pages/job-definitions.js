import * as api from '../api.js';
import { el, replace } from '../dom.js';
import { jsonBlock, links, table } from '../format.js';

/** `/console/job-definitions`: every definition by name, with its latest revision. */
export async function jobDefinitionsPage(main) {
  document.title = 'Job definitions · batch-local console';
  const { jobDefinitions } = await api.read('job-definitions');
  const byName = new Map();
  for (const definition of jobDefinitions) {
    const known = byName.get(definition.jobDefinitionName);
    if (!known || known.revision < definition.revision) byName.set(definition.jobDefinitionName, definition);
  }
  const revisions = (name) => jobDefinitions.filter((d) => d.jobDefinitionName === name).length;
  replace(main, el('h1', {}, 'Job definitions'),
    table('Job definitions (latest revision)', ['Name', 'Latest revision', 'Revisions', 'Type', 'Status', 'Image', 'Platform'],
      [...byName.values()].map((d) => [el('a', { href: links.jobDefinition(d.jobDefinitionName) }, d.jobDefinitionName),
        String(d.revision), String(revisions(d.jobDefinitionName)), d.type, d.status, d.containerProperties?.image ?? '—', (d.platformCapabilities ?? []).join(', ')]),
      'none in the template.'));
}

/** `/console/job-definitions/{name}`: its revisions, newest first, each with its JSON. */
export async function jobDefinitionPage(main, _query, name) {
  document.title = `${name} · Job definition · batch-local console`;
  const { jobDefinitions } = await api.read(`job-definitions/${encodeURIComponent(name)}`);
  const revisions = [...jobDefinitions].sort((a, b) => b.revision - a.revision);
  replace(main,
    el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, el('a', { href: '/console/job-definitions' }, 'Job definitions'), ' › ', name),
    el('h1', {}, name),
    el('p', {}, el('a', { href: `/console/submit?definition=${encodeURIComponent(name)}` }, 'Submit a job with this definition')),
    revisions.length === 0 ? el('p', { class: 'empty' }, 'No revisions.') : revisions.map((d) => el('section', { 'aria-labelledby': `revision-${d.revision}` },
      el('h2', { id: `revision-${d.revision}` }, `Revision ${d.revision} · ${d.status}`),
      jsonBlock(`Revision ${d.revision} JSON`, d))));
}
