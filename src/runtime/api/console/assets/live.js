// Live updates: one EventSource per tab on /console/api/events. The server sends a `change` event at
// most every 200 ms naming the queues, jobs and log streams that changed; the page on screen decides
// whether it cares and fetches only then, at most once per event (no polling).

const listeners = new Set();
let source;

function setState(text, connected) {
  const node = document.getElementById('live-state');
  if (!node) return;
  node.textContent = text;
  node.dataset.connected = connected ? 'true' : 'false';
}

export function startLive() {
  if (source) return;
  source = new EventSource('/console/api/events');
  let connectedBefore = false;
  source.addEventListener('hello', () => {
    setState('● Live', true);
    // After a reconnect, whatever changed meanwhile is unknown: everyone refreshes.
    if (connectedBefore) for (const listener of listeners) listener({ queues: [], jobs: [], logStreams: [], truncated: true });
    connectedBefore = true;
  });
  source.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    for (const listener of listeners) listener(change);
  });
  source.addEventListener('error', () => setState('○ Reconnecting…', false));
}

/** Calls `listener(change)` for each change until the returned function is called. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `refresh` when a change concerns the page, never two at once: changes that arrive while one
 * runs make one more run after it. Returns the unsubscribe function.
 */
export function refreshOn(concerns, refresh) {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await refresh();
    } finally {
      running = false;
      if (again) {
        again = false;
        run();
      }
    }
  };
  return onChange((change) => {
    if (change.truncated || concerns(change)) run();
  });
}
