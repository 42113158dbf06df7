// The console's entry: a router from location.pathname to a page module. Every page is a real URL
// (the server answers the same shell for each), so links can be pasted, opened in a new tab, and
// back/forward work. Links within the console are followed with history.pushState, which keeps the
// one event stream open across pages.
import { el, replace } from './dom.js';
import { startLive } from './live.js';
import { navigate } from './nav.js';
import { computeEnvironmentPage, computeEnvironmentsPage } from './pages/compute-environments.js';
import { dashboardPage } from './pages/dashboard.js';
import { jobDefinitionPage, jobDefinitionsPage } from './pages/job-definitions.js';
import { jobPage } from './pages/job.js';
import { queueJobsPage } from './pages/queue-jobs.js';
import { submitPage } from './pages/submit.js';

const ROUTES = [
  [/^\/console\/?$/, dashboardPage],
  [/^\/console\/queues\/([^/]+)$/, queueJobsPage],
  [/^\/console\/jobs\/([^/]+)$/, jobPage],
  [/^\/console\/job-definitions\/?$/, jobDefinitionsPage],
  [/^\/console\/job-definitions\/([^/]+)$/, jobDefinitionPage],
  [/^\/console\/compute-environments\/?$/, computeEnvironmentsPage],
  [/^\/console\/compute-environments\/([^/]+)$/, computeEnvironmentPage],
  [/^\/console\/submit\/?$/, submitPage],
];

let leavePage;

/** Renders the page of the current URL into <main>; `focus` moves keyboard focus to it (after a navigation). */
async function render(focus) {
  if (leavePage) leavePage();
  leavePage = undefined;
  const main = document.getElementById('main');
  const path = location.pathname;
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  markCurrentLink(path);
  if (!route) {
    document.title = 'Not found · batch-local console';
    replace(main, el('h1', {}, 'Not found'), el('p', {}, `No console page at ${path}.`), el('p', {}, el('a', { href: '/console/' }, 'Dashboard')));
    return;
  }
  const args = route[0].exec(path).slice(1).map(decodeURIComponent);
  try {
    leavePage = await route[1](main, new URLSearchParams(location.search), ...args);
  } catch (error) {
    replace(main, el('h1', {}, 'Error'), el('p', { role: 'alert' }, error.message));
  }
  if (focus) {
    const heading = main.querySelector('h1');
    (heading ?? main).setAttribute('tabindex', '-1');
    (heading ?? main).focus();
  }
}

function markCurrentLink(path) {
  for (const link of document.querySelectorAll('header nav a')) {
    const target = link.getAttribute('href');
    const current = target === '/console/' ? path === '/console/' : path.startsWith(target);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/console/')) return;
  if (url.hash && url.pathname === location.pathname) return; // the skip link: the browser moves focus
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => render(true));

startLive();
render(false);
