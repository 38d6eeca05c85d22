// The pages' only way to the API: same origin, JSON, no cookies, no caching. The API key lives in
// this module's memory only (never storage, never the URL) and is sent as Authorization: Bearer.

let apiKey = '';

/** Keeps a key in memory for the requests that follow; an empty string forgets it. */
export function setApiKey(key) {
  apiKey = String(key ?? '').trim();
}

/** True when a key is held. */
export function hasApiKey() {
  return apiKey.length > 0;
}

/** A problem+json answer (RFC 9457) as an error. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The service answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

/** Calls the API; resolves with JSON (or text for non-JSON accepts), rejects with ApiProblem. */
export async function api(method, path, body, { accept = 'application/json' } = {}) {
  const headers = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      // Not cache: 'no-store': Chrome then sends Cache-Control: no-cache, which makes the service skip
      // its coverage cache and ask the payer every time. API answers are no-store on the server side.
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiProblem(0, { title: 'No connection', detail: 'The service could not be reached. Check the network connection and try again.' });
  }
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText, detail: `The service answered ${response.status}.` };
    }
    throw new ApiProblem(response.status, problem);
  }
  return accept.includes('json') ? response.json() : response.text();
}

/** The plain-language action for a failed call (the problem's detail, plus field errors). */
export function problemMessage(error) {
  if (!(error instanceof ApiProblem)) return { title: 'Something went wrong', detail: 'Please try again.', fields: [] };
  const p = error.problem;
  if (error.status === 401 || error.status === 403) {
    return { title: p.title ?? 'Not allowed', detail: `${p.detail ?? ''} Enter a valid API key in "API key" and try again.`.trim(), fields: [] };
  }
  const fields = Array.isArray(p.errors) ? p.errors.map((e) => `${e.pointer || 'request'}: ${e.message}`) : [];
  return { title: p.title ?? 'The request failed', detail: p.detail ?? error.message, fields };
}
