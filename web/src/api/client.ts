// The one fetch client: JSON in and out, and every non-2xx answer turned into an ApiError
// carrying the server's `{"error":{"code","message","field","details"}}`.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Whatever a failed call threw, as an ApiError the page can show. */
export function toApiError(caught: unknown): ApiError {
  if (caught instanceof ApiError) return caught;
  return new ApiError(0, 'client', caught instanceof Error ? caught.message : String(caught));
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  /** A raw body (e.g. a CSV file) sent with its own content type. */
  body?: Blob | string;
  contentType?: string;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Lets the session forget the user when any request finds the session gone. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function errorFrom(status: number, payload: unknown, statusText: string): ApiError {
  const error =
    typeof payload === 'object' && payload !== null && 'error' in payload
      ? (payload as { error: Record<string, unknown> }).error
      : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : statusText || code;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  return new ApiError(status, code, message, field, error?.details);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
    body = options.body;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, 'network', reason);
  }
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page, say): keep the raw text as the payload.
      payload = text;
    }
  }
  if (!response.ok) {
    const error = errorFrom(response.status, payload, response.statusText);
    if (response.status === 401 && path !== '/api/auth/login') {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, json?: unknown, query?: Query) =>
    request<T>('POST', path, { json: json ?? {}, query }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  put: <T>(path: string, json: unknown) => request<T>('PUT', path, { json }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, body: Blob | string, contentType: string, query?: Query) =>
    request<T>('POST', path, { body, contentType, query }),
};
