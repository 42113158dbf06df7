// Every request the console makes goes to the page's own origin with fetch(): reads from
// /console/api/, changes through the AWS routes (POST /v1/...) and /_local/ with a JSON body and
// `Content-Type: application/json`, as an SDK sends them. Never an HTML form post: the server refuses
// form content types from browsers (they are what a foreign page can send without asking).

export class RequestError extends Error {
  constructor(status, type, message) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

async function answer(response) {
  const text = await response.text();
  let body;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    body = { message: text };
  }
  if (!response.ok) throw new RequestError(response.status, body.__type ?? 'Error', body.message ?? `HTTP ${response.status}`);
  return body;
}

/** GET /console/api/<path>. */
export async function read(path) {
  return answer(await fetch(`/console/api/${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
}

/** POST a JSON body to an AWS or local route (`/v1/submitjob`, `/_local/clock/advance`). */
export async function post(path, body) {
  return answer(await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  }));
}

export async function clock() {
  return answer(await fetch('/_local/clock', { headers: { Accept: 'application/json' } }));
}
