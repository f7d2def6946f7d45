import type { ApiError as ApiErrorBody, ImportIssue } from '@chp/core';

/** An error response of the API, carrying the server's (Chinese) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ImportIssue[] | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.error;
    this.details = body.details;
  }
}

export const API_BASE = '/api/v1';

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called whenever a request answers 401, so the app can return to the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isErrorBody(body)) return new ApiError(res.status, body);
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a generic message.
  }
  return new ApiError(res.status, { error: `http_${res.status}`, message: `请求失败（HTTP ${res.status}）` });
}

export type Query = Record<string, string | number | undefined>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, init: RequestInit, query?: Query): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method, credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, { error: 'network', message: '无法连接服务器，请检查网络' });
  }
  if (res.status === 401 && path !== '/auth/login' && path !== '/auth/me') {
    unauthorizedListeners.forEach((l) => {
      l();
    });
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** A JSON request; resolves to undefined for 204 responses. */
export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit =
    body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  const res = await send(method, path, init, query);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A file's text sent as the request body (e.g. a GeoJSON upload), answering JSON. */
export async function sendText<T>(method: string, path: string, text: string, contentType: string): Promise<T> {
  const res = await send(method, path, { body: text, headers: { 'Content-Type': contentType } });
  return (await res.json()) as T;
}

/** A multipart upload answering JSON. */
export async function upload<T>(path: string, form: FormData, query?: Query): Promise<T> {
  const res = await send('POST', path, { body: form }, query);
  return (await res.json()) as T;
}
