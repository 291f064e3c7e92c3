/**
 * The REST API's route files as Next serves them: app/api/v1/** walked from disk, each folder
 * turned into its OpenAPI path template ([id] → {id}), so tests call an endpoint by method and
 * path through the very file Next routes to — and can check the files against the catalog.
 */
import fs from "node:fs";
import path from "node:path";
import { METHOD_NOT_ALLOWED } from "@/lib/api/api-methods";
import { apiCall, type ApiResult } from "./api-call";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

type Handler = Parameters<typeof apiCall>[0];

export interface ApiRouteFile {
  /** "/api/v1/clients/{id}" */
  path: string;
  /** Relative to the repository, for messages. */
  file: string;
  /** The HTTP methods the file exports. */
  methods: string[];
  handlers: Record<string, Handler>;
}

function findRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

let loaded: Promise<ApiRouteFile[]> | undefined;

export function apiRouteFiles(): Promise<ApiRouteFile[]> {
  loaded ??= Promise.all(
    findRouteFiles(V1).map(async (file) => {
      const segments = path.relative(V1, path.dirname(file)).split(path.sep).filter(Boolean);
      const template = ["/api/v1", ...segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
      const module = (await import(file)) as Record<string, unknown>;
      const handlers: Record<string, Handler> = {};
      for (const method of HTTP_METHODS) {
        const handler = module[method];
        // The generated 405 answers (api-methods.ts) are not endpoints.
        if (typeof handler === "function" && !(METHOD_NOT_ALLOWED in handler)) handlers[method] = handler as Handler;
      }
      return { path: template, file: path.relative(path.resolve(V1, "../../.."), file), methods: Object.keys(handlers), handlers };
    }),
  );
  return loaded;
}

export interface RestCall {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string | readonly string[]>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `METHOD path-template` of every call that answered 2xx, for "every endpoint was exercised". */
export const succeeded = new Set<string>();

/** Calls `METHOD /api/v1/...` (a path template from the catalog) through its route file. */
export async function rest(method: string, template: string, call: RestCall = {}): Promise<ApiResult> {
  const route = (await apiRouteFiles()).find((r) => r.path === template);
  const handler = route?.handlers[method];
  if (!handler) throw new Error(`No route file serves ${method} ${template}`);
  let url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? `{${name}}`));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(call.query ?? {})) for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  if (search.size) url += `?${search}`;
  const result = await apiCall(handler, { method, path: url, token: call.token, body: call.body, params: call.params, headers: call.headers });
  if (result.status >= 200 && result.status < 300) succeeded.add(`${method} ${template}`);
  return result;
}
