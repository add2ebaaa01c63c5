/** The one way the pages talk to the service: same origin, bearer token, errors as ApiError. */

const TOKEN_KEY = 'outreach.token';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** The service's error body: `{ statusCode, code, message, field?, ... }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The fields a 400 names: the service sends `errors: [{ field, message }]`. */
  get fieldErrors(): { field: string; message: string }[] {
    return Array.isArray(this.body.errors) ? (this.body.errors as { field: string; message: string }[]) : [];
  }

  get field(): string | undefined {
    return this.fieldErrors[0]?.field;
  }
}

/**
 * Asked on a 401 to a request of a signed-in session (the token expired, was revoked or removed):
 * resolves true once the user has signed in again, and the request is then sent once more; false
 * when there is no session to renew or the user signed out instead.
 */
let onUnauthorized: () => Promise<boolean> = () => Promise.resolve(false);
export function setUnauthorizedHandler(handler: () => Promise<boolean>): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** `If-Match` for actions on a problem: the version the page was showing. */
  version?: number;
  signal?: AbortSignal;
  /** Sent without the token, and a 401 is an answer rather than an ended session (signing in). */
  anonymous?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/** Whether a 401 ended the session: after the user signs in again the request is worth sending once more. */
async function renewedAfter(response: Response, options: { anonymous?: boolean }, renewed: boolean): Promise<boolean> {
  return response.status === 401 && !options.anonymous && !renewed && (await onUnauthorized());
}

export async function request<T>(path: string, options: RequestOptions = {}, renewed = false): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = options.anonymous ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(`/api/v1${path}`, options.query), {
    method: options.method ?? 'GET',
    headers,
    body,
    signal: options.signal,
  });
  if (!response.ok) {
    if (await renewedAfter(response, options, renewed)) return request<T>(path, options, true);
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof payload.code === 'string' ? payload.code : `HTTP_${response.status}`,
      typeof payload.message === 'string' ? payload.message : response.statusText,
      payload,
    );
  }
  const data: unknown = response.status === 204 ? undefined : await response.json();
  return { data: data as T, headers: response.headers };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, options)).data;
}

/** A text answer (an SVG image) read with the token, which an <img> could not send. */
export async function apiText(path: string, renewed = false): Promise<string> {
  const token = getToken();
  const response = await fetch(`/api/v1${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    if (await renewedAfter(response, {}, renewed)) return apiText(path, true);
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof payload.code === 'string' ? payload.code : `HTTP_${response.status}`,
      typeof payload.message === 'string' ? payload.message : response.statusText,
      payload,
    );
  }
  return response.text();
}

/** Fetches a file with the token (links cannot carry one) and hands it to the browser to save. */
export async function download(path: string, query: Query, fallbackName: string, renewed = false): Promise<void> {
  const token = getToken();
  const response = await fetch(withQuery(`/api/v1${path}`, query), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    if (await renewedAfter(response, {}, renewed)) return download(path, query, fallbackName, true);
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof payload.code === 'string' ? payload.code : String(response.status),
      typeof payload.message === 'string' ? payload.message : '',
      payload,
    );
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
