/** Calls REST API route handlers the way an HTTP client does. */
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ApiResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  /** The raw body of a response that is not JSON (a PDF download). */
  bytes?: Uint8Array;
}

export async function apiCall(
  handler: Handler,
  options: { method?: string; path?: string; token?: string | null; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<ApiResult> {
  const request = new Request(`http://localhost:3000${options.path ?? "/api/v1/x"}`, {
    method: options.method ?? "GET",
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === "string" || options.body instanceof Uint8Array ? (options.body as BodyInit) : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  if (type && !type.includes("json")) return { status: response.status, headers: response.headers, body: {}, bytes: new Uint8Array(await response.arrayBuffer()) };
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
