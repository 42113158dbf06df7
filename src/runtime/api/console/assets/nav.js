/** Goes to a console URL in place: app.js renders the page on popstate, as for back/forward. */
export function navigate(href) {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
