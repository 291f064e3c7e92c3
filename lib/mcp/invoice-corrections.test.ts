/**
 * remove_invoice_payment and create_credit_note over MCP: the confirmed happy path, refusals as
 * tool errors that change nothing, and the scope and role each needs (hourbook:admin; owners and admins).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { callToolOver } from "@/lib/testing/mcp-call";
import { callConfirmed, connect, draftInvoice, seedDemoWorld, sentInvoice, structured, toolError, type DemoWorld } from "@/lib/testing/mcp-fixtures";

let world: DemoWorld;
let ada: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  ada = await connect(world.adaId, world.workspaceId);
});

const invoiceRow = (id: string) => db.invoice.findUniqueOrThrow({ where: { id }, select: { status: true, amountPaid: true, amountCredited: true } });

describe("remove_invoice_payment", () => {
  it("asks to confirm with the amount and date, then removes the payment", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const { payments } = await recordInvoicePayment(world.ada, { invoiceId: invoice.id, amount: 12_000 });
    const first = structured(await callToolOver(ada, "remove_invoice_payment", { invoice_id: invoice.id, payment_id: payments[0]!.id }));
    expect(first).toMatchObject({ status: "confirmation_required" });
    expect(JSON.stringify(first)).toContain(`Remove the payment of €120.00 received on ${payments[0]!.paidOn} from ${invoice.label}`);
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: "paid", amountPaid: 12_000 });

    const done = structured(await callConfirmed(ada, "remove_invoice_payment", { invoice_id: invoice.id, payment_id: payments[0]!.id }));
    expect(done).toMatchObject({ status: "done", result: { invoice: { status: "sent", amount_paid: 0, balance_due: 12_000 } } });
  });

  it("refuses another invoice's payment as a tool error before asking to confirm, and changes nothing", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const { invoice: other } = await sentInvoice(world.ada);
    const { payments } = await recordInvoicePayment(world.ada, { invoiceId: other.id, amount: 1_000 });
    expect(toolError(await callToolOver(ada, "remove_invoice_payment", { invoice_id: invoice.id, payment_id: payments[0]!.id }))).toBe(
      "Payment was not found in this workspace.",
    );
    expect(await invoiceRow(other.id)).toMatchObject({ amountPaid: 1_000 });
  });

  it("needs hourbook:admin: a read-and-write connection gets 403 insufficient_scope", async () => {
    const narrow = await connect(world.adaId, world.workspaceId, "hourbook:read hourbook:write");
    const res = await callToolOver(narrow, "remove_invoice_payment", { invoice_id: "x", payment_id: "y" });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
  });

  it("refuses a member even with hourbook:admin", async () => {
    const grace = await connect(world.graceId, world.workspaceId);
    const res = await callToolOver(grace, "remove_invoice_payment", { invoice_id: "x", payment_id: "y" });
    expect(res.tool?.isError).toBe(true);
    expect(res.tool?.content[0]?.text).toMatch(/role in this workspace \(member\)/);
  });
});

describe("create_credit_note", () => {
  it("asks to confirm a full credit, naming the released time, then issues it", async () => {
    const { invoice, entry } = await sentInvoice(world.ada);
    const first = structured(await callToolOver(ada, "create_credit_note", { invoice_id: invoice.id }));
    expect(JSON.stringify(first)).toContain(`crediting ${invoice.label} in full (€120.00); its time becomes billable again`);
    expect(await db.invoice.count({ where: { creditedInvoiceId: invoice.id } })).toBe(0);

    const done = structured(await callConfirmed(ada, "create_credit_note", { invoice_id: invoice.id }));
    expect(done).toMatchObject({ status: "done", result: { invoice: { kind: "credit_note", total: -12_000, credited_invoice: { id: invoice.id } } } });
    expect(await invoiceRow(invoice.id)).toMatchObject({ amountCredited: 12_000 });
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).invoiceLineId).toBeNull();
  });

  it.each([
    ["a draft", async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id }), /is still a draft: edit it or void it instead of crediting it\.$/],
    [
      "more than is creditable",
      async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, lines: [{ description: "Too much", amount: 12_001 }] }),
      /^At most €120\.00 of INV-\d{4} can still be credited \(tax included\); these lines come to €120\.01\.$/,
    ],
  ])("refuses %s as a tool error before asking to confirm", async (_, args, message) => {
    const call = await args();
    expect(toolError(await callToolOver(ada, "create_credit_note", call))).toMatch(message);
    expect(await db.invoice.count({ where: { creditedInvoiceId: call.invoice_id } })).toBe(0);
  });

  it("needs hourbook:admin: a read-and-write connection gets 403 insufficient_scope", async () => {
    const narrow = await connect(world.adaId, world.workspaceId, "hourbook:read hourbook:write");
    const res = await callToolOver(narrow, "create_credit_note", { invoice_id: "x" });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain("hourbook:admin");
  });
});
