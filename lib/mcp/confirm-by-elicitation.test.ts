/**
 * Confirming a consequential tool through `input_required` (MCP 2026-07-28 MRTR) for a client that
 * declares form elicitation: the person's "yes" plus the sealed requestState consumes the same
 * single-use confirmation row as the confirmation_token flow.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { modernRequest } from "@/lib/testing/mcp-call";
import { connect, draftInvoice, seedDemoWorld, type DemoWorld } from "@/lib/testing/mcp-fixtures";

let world: DemoWorld;
let ada: string;
let adaElsewhere: string;
const ELICITATION = { elicitation: {} };
const yes = { confirm: { action: "accept", content: { confirm: true } } };

beforeAll(async () => {
  world = await seedDemoWorld();
  [ada, adaElsewhere] = await Promise.all([connect(world.adaId, world.workspaceId), connect(world.adaId, world.workspaceId)]);
});

const sendInvoice = (token: string, invoiceId: string, extra: Record<string, unknown> = {}, capabilities: Record<string, unknown> = ELICITATION) =>
  modernRequest(token, "tools/call", { name: "send_invoice", arguments: { invoice_id: invoiceId }, ...extra }, capabilities);

async function askFirst(invoiceId: string, token = ada) {
  const res = await sendInvoice(token, invoiceId);
  expect(res.status).toBe(200);
  return res.body.result as { resultType: string; requestState: string; inputRequests: Record<string, { method: string; params: { message: string; requestedSchema: unknown } }> };
}

const statusOf = async (invoiceId: string) => (await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).status;

describe("confirming send_invoice through elicitation", () => {
  it("asks the person with the summary first and changes nothing", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const first = await askFirst(invoice.id);
    expect(first.resultType).toBe("input_required");
    expect(first.inputRequests.confirm?.method).toBe("elicitation/create");
    expect(first.inputRequests.confirm?.params.message).toMatch(/^Send invoice .+\?$/);
    expect(first.requestState).toMatch(/^v1\./);
    expect(await statusOf(invoice.id)).toBe("draft");
  });

  it("sends the invoice once when the retry carries the person's yes, and refuses the same yes again", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const { requestState } = await askFirst(invoice.id);
    const done = await sendInvoice(ada, invoice.id, { inputResponses: yes, requestState });
    expect(done.body.result).toMatchObject({ resultType: "complete", structuredContent: { status: "done" } });
    expect(await statusOf(invoice.id)).toBe("sent");
    const again = await sendInvoice(ada, invoice.id, { inputResponses: yes, requestState });
    expect(again.body.result).toMatchObject({ isError: true });
    expect(JSON.stringify(again.body.result)).toMatch(/already used/);
  });

  it("never performs on the requestState alone: it asks again", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const { requestState } = await askFirst(invoice.id);
    const retry = await sendInvoice(ada, invoice.id, { requestState });
    expect(retry.body.result).toMatchObject({ resultType: "input_required" });
    expect(await statusOf(invoice.id)).toBe("draft");
  });

  it("does nothing when the person says no", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const { requestState } = await askFirst(invoice.id);
    const declined = await sendInvoice(ada, invoice.id, { inputResponses: { confirm: { action: "decline" } }, requestState });
    expect(declined.body.result).toMatchObject({ isError: true });
    expect(await statusOf(invoice.id)).toBe("draft");
  });

  it("spends the confirmation when the person says no: the same requestState with a yes afterwards is refused", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const { requestState } = await askFirst(invoice.id);
    await sendInvoice(ada, invoice.id, { inputResponses: { confirm: { action: "decline" } }, requestState });
    const yesAfterNo = await sendInvoice(ada, invoice.id, { inputResponses: yes, requestState });
    expect(yesAfterNo.body.result).toMatchObject({ isError: true });
    expect(JSON.stringify(yesAfterNo.body.result)).toContain("already used");
    expect(await statusOf(invoice.id)).toBe("draft");
  });

  it.each<[string, (state: string) => string]>([
    ["a tampered requestState", (state) => `${state.slice(0, -2)}AA`],
    ["a requestState sealed for another grant", (state) => state],
  ])("refuses %s with -32602", async (label, change) => {
    const { invoice } = await draftInvoice(world.ada);
    const { requestState } = await askFirst(invoice.id);
    const token = label.includes("another grant") ? adaElsewhere : ada;
    const res = await sendInvoice(token, invoice.id, { inputResponses: yes, requestState: change(requestState) });
    expect(res.body.error?.code).toBe(-32602);
    expect(await statusOf(invoice.id)).toBe("draft");
  });

  it("does not accept a yes for other arguments: it asks again", async () => {
    const [{ invoice }, { invoice: other }] = await Promise.all([draftInvoice(world.ada), draftInvoice(world.ada)]);
    const { requestState } = await askFirst(invoice.id);
    const res = await sendInvoice(ada, other.id, { inputResponses: yes, requestState });
    expect(res.body.result).toMatchObject({ resultType: "input_required" });
    expect(await statusOf(other.id)).toBe("draft");
  });

  it("keeps the confirmation_token flow for a 2026 client without elicitation", async () => {
    const { invoice } = await draftInvoice(world.ada);
    const res = await sendInvoice(ada, invoice.id, {}, {});
    expect(res.body.result).toMatchObject({ resultType: "complete", structuredContent: { status: "confirmation_required" } });
  });
});

describe("the SDK v2 client declaring elicitation", () => {
  it("confirms send_invoice through input_required when the person says yes, and the invoice is sent once", async () => {
    const { Client, StreamableHTTPClientTransport } = await import("@modelcontextprotocol/client");
    const { POST } = await import("@/app/mcp/route");
    const { invoice } = await draftInvoice(world.ada);
    const asked: string[] = [];
    const client = new Client({ name: "elicitation-e2e", version: "1.0.0" }, { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode: { pin: "2026-07-28" } } });
    client.setRequestHandler("elicitation/create", async (request) => {
      asked.push(request.params.message);
      return { action: "accept", content: { confirm: true } };
    });
    // The real client over HTTP semantics, served by the route handler in this process.
    const transport = new StreamableHTTPClientTransport(new URL("http://localhost:3000/mcp"), {
      requestInit: { headers: { authorization: `Bearer ${ada}` } },
      fetch: (url, init) => POST(new Request(url, init)),
    });
    await client.connect(transport);
    try {
      const result = await client.callTool({ name: "send_invoice", arguments: { invoice_id: invoice.id } });
      expect(result.isError ?? false).toBe(false);
      expect(result.structuredContent).toMatchObject({ status: "done" });
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/^Send invoice .+\?$/);
      expect(await statusOf(invoice.id)).toBe("sent");
    } finally {
      await client.close();
    }
  });
});
