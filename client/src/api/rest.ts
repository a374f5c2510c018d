import { csrfToken } from '../bootstrap';

/** A REST call's result: the parsed body, or the status and GitLab's error text. */
export type ApiOutcome<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const UNREACHABLE = 'The server is not reachable. Check your connection.';

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** GitLab's REST errors: `{message, error}`; `error` is the human-readable part. */
function errorMessage(body: unknown, status: number): string {
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  if (typeof error === 'string' && error) return error;
  if (typeof message === 'string' && message) return message;
  if (Array.isArray(message) && message.every((item) => typeof item === 'string')) {
    return message.join(', ');
  }
  return `The request failed (HTTP ${status}).`;
}

/**
 * Calls the REST API (`/api/v4/...`) as the page's user: the session cookie, plus the CSRF
 * token from the page for writes. Never throws: the outcome carries GitLab's error text.
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiOutcome<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, message: UNREACHABLE };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const data = await json(response);
  return response.ok
    ? { ok: true, data: data as T }
    : { ok: false, status: response.status, message: errorMessage(data, response.status) };
}
