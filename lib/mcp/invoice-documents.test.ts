/**
 * The invoice PDF over MCP (get_invoice_pdf: an embedded blob resource) and REST, and the
 * scope each needs: invoices:read, refused on its own (403 / a tool error) without it.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor } from "@/lib/domain/actor";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { getInvoice } from "@/lib/domain/invoices/get-invoice";
import { getInvoicePdf } from "@/lib/domain/invoices/get-invoice-pdf";
import { formatMoney } from "@/lib/domain/money";
import { openApiDocument } from "@/lib/api/openapi";
import { rest } from "@/lib/testing/api-routes";
import { callToolOver, listToolNames } from "@/lib/testing/mcp-call";
import { connect, seedDemoWorld, toolError, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";

let world: DemoWorld;
let sentId: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  sentId = (await db.invoice.findFirstOrThrow({ where: { workspaceId: world.workspaceId, status: "sent" } })).id;
});

/** A draft of Analytical Engines (Grace owns it; Ada is only an admin there, not in this token's workspace). */
async function otherWorkspaceInvoice() {
  const grace = await resolveActor(world.graceId, { slug: "analytical-engines" });
  const client = await db.client.findFirstOrThrow({ where: { workspaceId: grace.workspaceId } });
  const existing = await db.invoice.findFirst({ where: { workspaceId: grace.workspaceId } });
  return existing ?? createInvoiceDraft(grace, { clientId: client.id, from: "2000-01-01", to: "2099-12-31" });
}

const apiToken = async (scope: string) =>
  (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: world.adaId, workspaceId: world.workspaceId, scope, resource: "api" })).access_token;

describe("get_invoice_pdf", () => {
  it("answers the PDF as an embedded resource (base64 blob, application/pdf) with a line of text", async () => {
    const token = await connect(world.adaId, world.workspaceId, "invoices:read");
    const call = await callToolOver(token, "get_invoice_pdf", { invoice_id: sentId });
    const content = call.tool!.content as unknown as Array<{ type: string; text?: string; resource?: { uri: string; mimeType: string; blob: string } }>;
    const invoice = await getInvoice(world.ada, sentId);
    expect(content[0]).toMatchObject({ type: "text", text: expect.stringContaining(`${invoice.label}.pdf`) });
    expect(content[1]).toMatchObject({ type: "resource", resource: { uri: `hourbook://invoices/${sentId}/pdf`, mimeType: "application/pdf" } });
    const bytes = Buffer.from(content[1]!.resource!.blob, "base64");
    expect(bytes.equals(Buffer.from((await getInvoicePdf(world.ada, sentId)).data))).toBe(true);
    expect(call.tool!.structuredContent).toEqual({ file_name: `${invoice.label}.pdf`, media_type: "application/pdf", size_bytes: bytes.length, uri: `hourbook://invoices/${sentId}/pdf` });
    const text = (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
    expect(text).toContain(`Balance due ${formatMoney(invoice.balanceDue, invoice.currency)}`);
  });

  it("refuses a connection without invoices:read, and does not list the tool to it", async () => {
    const token = await connect(world.adaId, world.workspaceId, "clients:read");
    const call = await callToolOver(token, "get_invoice_pdf", { invoice_id: sentId });
    expect(call.body.error).toMatchObject({ code: -31403, message: expect.stringContaining("invoices:read") });
    expect(await listToolNames(token)).not.toContain("get_invoice_pdf");
  });

  it("refuses a member, whose role cannot view invoices", async () => {
    const token = await connect(world.graceId, world.workspaceId, "hourbook:read");
    expect(toolError(await callToolOver(token, "get_invoice_pdf", { invoice_id: sentId }))).toMatch(/invoice/i);
  });

  it("does not find another workspace's invoice, and refuses a paper size other than a4 or letter", async () => {
    const token = await connect(world.adaId, world.workspaceId, "invoices:read");
    const elsewhere = await otherWorkspaceInvoice();
    expect(toolError(await callToolOver(token, "get_invoice_pdf", { invoice_id: elsewhere.id }))).toMatch(/not found/);
    expect(toolError(await callToolOver(token, "get_invoice_pdf", { invoice_id: sentId, paper_size: "a3" }))).toMatch(/paper_size/);
  });
});

describe("the PDF over REST", () => {
  it.each([
    ["GET /api/v1/invoices/{id}/pdf", "/api/v1/invoices/{id}/pdf", {}],
    ["GET /api/v1/invoices/{id} with Accept: application/pdf", "/api/v1/invoices/{id}", { accept: "application/pdf" }],
  ])("%s refuses a token without invoices:read with 403 insufficient_scope", async (_, path, headers) => {
    const res = await rest("GET", path, { token: await apiToken("clients:read"), params: { id: sentId }, headers });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "insufficient_scope" });
    expect(res.headers.get("www-authenticate")).toContain("invoices:read");
  });

  it("answers 404 problem JSON for another workspace's invoice, even when a PDF was asked for", async () => {
    const other = await otherWorkspaceInvoice();
    const res = await rest("GET", "/api/v1/invoices/{id}", { token: await apiToken("invoices:read"), params: { id: other.id }, headers: { accept: "application/pdf" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 422 naming query.size for a bad paper size", async () => {
    const res = await rest("GET", "/api/v1/invoices/{id}/pdf", { token: await apiToken("invoices:read"), params: { id: sentId }, query: { size: "tabloid" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: { "query.size": "must be a4 or letter" } });
  });

  it("is documented in OpenAPI: the /pdf path answers application/pdf (format binary); GET /invoices/{id} answers JSON or the PDF and takes size", () => {
    type Op = { parameters: { name: string; in: string }[]; responses: Record<string, { content: Record<string, { schema: unknown }> }>; description: string };
    const paths = (openApiDocument() as { paths: Record<string, { get: Op }> }).paths;
    const binary = { schema: { type: "string", format: "binary" } };
    expect(paths["/api/v1/invoices/{id}/pdf"]!.get.responses["200"]!.content).toEqual({ "application/pdf": binary });
    expect(paths["/api/v1/invoices/{id}/pdf"]!.get.parameters.map((p) => `${p.in}.${p.name}`)).toEqual(["path.id", "query.size"]);
    const get = paths["/api/v1/invoices/{id}"]!.get;
    expect(Object.keys(get.responses["200"]!.content)).toEqual(["application/json", "application/pdf"]);
    expect(get.responses["200"]!.content["application/pdf"]).toEqual(binary);
    expect(get.parameters.map((p) => `${p.in}.${p.name}`)).toEqual(["path.id", "query.size"]);
    expect(get.description).toContain("With Accept: application/pdf it answers the document instead, as GET /api/v1/invoices/{id}/pdf does");
  });

  it.each([
    ["application/pdf", true],
    ["application/pdf;q=0.5, application/json", false],
    ["application/json;q=0.5, application/pdf", true],
    ["*/*", false],
    ["text/html", false],
    ["application/pdf;q=0", false],
  ])("Accept: %s answers the PDF: %s", async (accept, pdf) => {
    const res = await rest("GET", "/api/v1/invoices/{id}", { token: await apiToken("invoices:read"), params: { id: sentId }, headers: { accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(pdf ? "application/pdf" : "application/json");
  });
});
