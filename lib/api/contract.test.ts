/**
 * The REST API's three descriptions cannot drift apart: the endpoint catalog, the route files
 * Next serves, and the OpenAPI document generated from the catalog.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { scopesForResource } from "@/lib/domain/integrations/scopes";
import { apiRouteFiles } from "@/lib/testing/api-routes";
import { API_ENDPOINTS } from "./endpoint-catalog";
import { openApiDocument } from "./openapi";

/** Route files that are not endpoints of the catalog: the document itself and the 404 catch-all. */
const NOT_ENDPOINTS = new Set(["/api/v1/openapi.json", "/api/v1/[...rest]"]);

type Operation = { operationId: string; security: { oauth2: string[] }[]; parameters: { name: string; in: string }[]; requestBody?: unknown; responses: Record<string, unknown> };

describe("the endpoint catalog", () => {
  it("names each method and path, and each operationId, once", () => {
    const names = API_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(names).size).toBe(names.length);
    const operationIds = API_ENDPOINTS.map((e) => e.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it("asks only for scopes the REST API offers, and takes Idempotency-Key only on POST", () => {
    for (const endpoint of API_ENDPOINTS) {
      expect(scopesForResource("api"), endpoint.operationId).toContain(endpoint.scope);
      if (endpoint.idempotent) expect(endpoint.method, endpoint.operationId).toBe("POST");
    }
  });

  it("gives every POST that creates something (201) an Idempotency-Key", () => {
    const creates = API_ENDPOINTS.filter((e) => e.method === "POST" && e.successStatus === 201);
    expect(creates.filter((e) => !e.idempotent).map((e) => e.operationId)).toEqual([]);
  });
});

describe("route files", () => {
  it("export exactly the catalog's methods for each path, and no path the catalog lacks", async () => {
    const files = (await apiRouteFiles()).filter((f) => !NOT_ENDPOINTS.has(f.path));
    const served = Object.fromEntries(files.map((f) => [f.path, [...f.methods].sort()]));
    const declared: Record<string, string[]> = {};
    for (const e of API_ENDPOINTS) (declared[e.path] ??= []).push(e.method);
    for (const methods of Object.values(declared)) methods.sort();
    expect(served).toEqual(declared);
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument();
  const paths = doc.paths as Record<string, Record<string, Operation>>;

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("lists every endpoint of the catalog, and nothing else", () => {
    const listed = Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`));
    expect(listed.sort()).toEqual(API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
  });

  it.each(API_ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))("describes %s with its scope, parameters and body", (_, endpoint) => {
    const operation = paths[endpoint.path]?.[endpoint.method.toLowerCase()];
    expect(operation?.operationId).toBe(endpoint.operationId);
    expect(operation?.security).toEqual([{ oauth2: [endpoint.scope] }]);
    const pathParams = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    expect(operation?.parameters.filter((p) => p.in === "path").map((p) => p.name)).toEqual(pathParams);
    expect(operation?.parameters.some((p) => p.name === "Idempotency-Key")).toBe(Boolean(endpoint.idempotent));
    expect(Boolean(operation?.requestBody)).toBe(Boolean(endpoint.body));
    expect(Object.keys(operation?.responses ?? {})).toContain(String(endpoint.successStatus ?? 200));
  });
});
