import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import * as clientsRoute from "@/app/api/v1/clients/route";
import * as clientRoute from "@/app/api/v1/clients/[id]/route";
import * as meRoute from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { apiCall } from "@/lib/testing/api-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { openApiDocument } from "./openapi";

let adaId: string;
let lovelaceId: string;
let clientId: string;
let apiToken: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
  clientId = await createTestClient({ kind: "developer_app" });
  apiToken = (await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope: "profile:read clients:read clients:write", resource: "api" })).access_token;
});

describe("REST API framework", () => {
  it("answers GET /api/v1/me for the token's user and workspace", async () => {
    const res = await apiCall(meRoute.GET, { token: apiToken, path: "/api/v1/me" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: "ada@example.com" }, role: "owner", workspace: { slug: "lovelace-studio", time_zone: "Europe/London" } });
  });

  it("answers without a token with 401 problem JSON pointing at the API's resource metadata", async () => {
    const res = await apiCall(meRoute.GET, { path: "/api/v1/me" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ code: "unauthorized", status: 401, type: "https://hourbook.dev/problems/unauthorized" });
    expect(res.headers.get("www-authenticate")).toContain('resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/api"');
  });

  it("refuses an MCP token with 401 invalid_token (wrong audience)", async () => {
    const mcp = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope: "profile:read", resource: "mcp" });
    const res = await apiCall(meRoute.GET, { token: mcp.access_token, path: "/api/v1/me" });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_token", detail: "The access token was issued for another resource." });
  });

  it("refuses a missing scope with 403 insufficient_scope and the scope in the challenge", async () => {
    const readOnly = await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId: lovelaceId, scope: "clients:read", resource: "api" });
    const res = await apiCall(clientsRoute.POST, { method: "POST", token: readOnly.access_token, path: "/api/v1/clients", body: { name: "Scope Test" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("insufficient_scope");
    expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(res.headers.get("www-authenticate")).toContain("clients:write");
    expect(await db.client.count({ where: { name: "Scope Test" } })).toBe(0);
  });

  it.each([
    ["an empty name", { name: "" }, "body.name"],
    ["an unknown field", { name: "X", vat: "1" }, "body.vat"],
    ["a bad email", { name: "X", email: "nope" }, "body.email"],
  ])("refuses %s with 422 naming the field, and creates nothing", async (_, body, field) => {
    const before = await db.client.count();
    const res = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, path: "/api/v1/clients", body });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors).toHaveProperty([field]);
    expect(await db.client.count()).toBe(before);
  });

  it("refuses a non-JSON body with 415 and malformed JSON with 400", async () => {
    expect((await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(415);
    expect((await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: "{nope" })).status).toBe(400);
  });

  it("refuses a body that is not UTF-8 with 400 instead of storing replacement characters", async () => {
    const before = await db.client.count();
    const notUtf8 = new Uint8Array([...Buffer.from('{"name":"'), 0xff, 0xfe, ...Buffer.from('"}')]);
    const res = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: notUtf8 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_request" });
    expect(await db.client.count()).toBe(before);
  });

  it("creates once per Idempotency-Key, replays the first response, and refuses other bodies with the key", async () => {
    const headers = { "idempotency-key": "create-client-0001" };
    const first = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: { name: "Idem Ltd" }, headers });
    const again = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: { name: "Idem Ltd" }, headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.client.count({ where: { name: "Idem Ltd" } })).toBe(1);
    const other = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: { name: "Other Ltd" }, headers });
    expect(other.status).toBe(409);
  });

  it("maps domain refusals: a duplicate name is 409, an unknown id is 404", async () => {
    expect((await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: { name: "Babbage & Co" } })).status).toBe(409);
    const res = await apiCall(clientRoute.PATCH, { method: "PATCH", token: apiToken, body: { name: "Renamed" }, params: { id: "missing" } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });
});

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document generated from the endpoints", async () => {
    const doc = openApiDocument();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths as object)).toContain("/api/v1/clients");
  });
});

describe("bodies", () => {
  it.each([
    ["an empty stream and no Content-Type (how a server hands over a bare DELETE)", {}],
    ["an empty stream with Content-Length: 0", { "content-length": "0" }],
    ["an empty body labelled application/json", { "content-type": "application/json" }],
  ])("reads %s as no body", async (_, headers) => {
    const { POST } = await import("@/app/api/v1/invoices/[id]/send/route");
    const draft = await db.invoice.findFirstOrThrow({ where: { workspaceId: lovelaceId, status: "draft" } });
    const sender = await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId: lovelaceId, scope: "invoices:read invoices:send", resource: "api" });
    const request = new Request(`http://localhost:3000/api/v1/invoices/${draft.id}/send`, {
      method: "POST",
      headers: { authorization: `Bearer ${sender.access_token}`, ...headers },
      body: new ReadableStream({ start: (controller) => controller.close() }),
      duplex: "half",
    } as RequestInit);
    const response = await POST(request, { params: Promise.resolve({ id: draft.id }) });
    expect(response.status).toBe(200);
    await db.invoice.update({ where: { id: draft.id }, data: { status: "draft", sentAt: null } });
  });

  it("still refuses a body that is there without a JSON Content-Type", async () => {
    const res = await apiCall(clientsRoute.POST, { method: "POST", token: apiToken, body: "name=x", headers: { "content-type": "" } });
    expect(res.status).toBe(415);
  });

  it("an action whose fields are all optional needs no body at all", async () => {
    const { POST } = await import("@/app/api/v1/invoices/[id]/send/route");
    const draft = await db.invoice.findFirstOrThrow({ where: { workspaceId: lovelaceId, status: "draft" } });
    const sender = await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId: lovelaceId, scope: "invoices:read invoices:send", resource: "api" });
    const res = await apiCall(POST, { method: "POST", token: sender.access_token, params: { id: draft.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: draft.id, status: "sent" });
  });
});

describe("methods", () => {
  it("answers a method a path does not support with 405 problem JSON and Allow", async () => {
    const res = await apiCall(clientsRoute.DELETE, { method: "DELETE", token: apiToken, path: "/api/v1/clients" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.body).toMatchObject({ code: "method_not_allowed", detail: "DELETE is not supported on /api/v1/clients; use GET, POST." });
  });

  it("answers OPTIONS with the methods the path really serves", async () => {
    const res = await apiCall(clientRoute.OPTIONS, { method: "OPTIONS", path: "/api/v1/clients/x" });
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, PATCH, OPTIONS");
  });
});
