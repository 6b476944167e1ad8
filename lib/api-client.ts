/**
 * Calls one of the app's JSON routes from the browser; a non-2xx answer becomes an ApiError with the server's stable
 * code (shown in the reader's language by lib/i18n/errors), its parameters and field message keys.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly code?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: init.body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await response.json().catch(() => ({}))) as {
    error?: string;
    code?: string;
    params?: Record<string, string | number>;
    fields?: Record<string, string>;
  };
  if (!response.ok) throw new ApiError(response.status, data.error ?? response.statusText, data.fields, data.code, data.params);
  return data as T;
}
