/**
 * Sending freezes the seller and buyer blocks into the invoice: a later edit of the workspace's
 * business details or of the client changes drafts (which show the details as they are now)
 * but never an invoice the client already has — read back through get_invoice (REST).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { updateClient } from "@/lib/domain/clients/update-client";
import { updateWorkspaceSettings } from "@/lib/domain/workspaces/update-workspace-settings";
import { uploadLogo } from "@/lib/domain/workspaces/upload-logo";
import { rest } from "@/lib/testing/api-routes";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createClientRow, createProjectRow, createTimeEntryRow } from "@/prisma/seed/factories";
import { createInvoiceDraft } from "./create-invoice-draft";
import { sendInvoice } from "./send-invoice";

let ada: Actor;
let token: string;
const wide = { from: "2000-01-01", to: "2099-12-31" };
/** A 1×1 PNG. */
const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  const clientId = await createTestClient({ kind: "developer_app" });
  token = (await tokensFor({ clientId, userId: demo.ada.id, workspaceId: ada.workspaceId, scope: "hourbook:read profile:read", resource: "api" })).access_token;
});

/** A client with its own billing details and one billable entry, ready to draft. */
async function clientWithTime(data: { email: string | null; invoiceEmail?: string | null }) {
  const client = await createClientRow(db, ada.workspaceId, { ...data, address: "1 Old Road\nBath BA1 1AA", taxId: "GB 100 0000 01" });
  const project = await createProjectRow(db, ada.workspaceId, client.id, { hourlyRate: 10_000 });
  const entry = () =>
    createTimeEntryRow(db, { workspaceId: ada.workspaceId, membershipId: ada.membershipId, projectId: project.id, startedAt: new Date(now().getTime() - 86_400_000), durationSeconds: 3_600, hourlyRate: 10_000 });
  await entry();
  return { client, entry };
}

const getInvoice = async (id: string) => {
  const res = await rest("GET", "/api/v1/invoices/{id}", { token, params: { id } });
  expect(res.status).toBe(200);
  return res.body as { seller: Record<string, unknown>; buyer: Record<string, unknown> };
};

describe("sending freezes the seller and buyer", () => {
  it("a sent invoice keeps the business and client details it was sent with; a draft shows the new ones", async () => {
    const { logoId: oldLogo } = await uploadLogo(ada, { data: PNG });
    const { client, entry } = await clientWithTime({ email: "office@old.example", invoiceEmail: "ap@old.example" });
    const sent = await sendInvoice(ada, { id: (await createInvoiceDraft(ada, { clientId: client.id, ...wide })).id });

    const oldSeller = {
      name: "Lovelace Studio Ltd",
      address: "12 St James's Square\nLondon SW1Y 4JH\nUnited Kingdom",
      tax_id: "GB 123 4567 89",
      email: "billing@lovelace.example",
      payment_instructions: expect.stringContaining("IBAN GB33"),
      logo_id: oldLogo,
    };
    const oldBuyer = { name: client.name, address: "1 Old Road\nBath BA1 1AA", tax_id: "GB 100 0000 01", email: "ap@old.example" };
    expect(await getInvoice(sent.id)).toMatchObject({ seller: oldSeller, buyer: oldBuyer });

    await updateWorkspaceSettings(ada, { legalName: "Lovelace Analytical Ltd", address: "2 New Street\nLeeds LS1 1AA", taxId: "GB 555 5555 55", contactEmail: "accounts@lovelace.example", paymentInstructions: "Pay by card" });
    const { logoId: newLogo } = await uploadLogo(ada, { data: PNG });
    await updateClient(ada, { id: client.id, name: `${client.name} Renamed`, address: "9 New Lane\nYork YO1 1AA", taxId: "GB 200 0000 02", invoiceEmail: "ap@new.example" });

    expect(await getInvoice(sent.id)).toMatchObject({ seller: oldSeller, buyer: oldBuyer });

    await entry();
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    expect(await getInvoice(draft.id)).toMatchObject({
      seller: { name: "Lovelace Analytical Ltd", address: "2 New Street\nLeeds LS1 1AA", tax_id: "GB 555 5555 55", email: "accounts@lovelace.example", payment_instructions: "Pay by card", logo_id: newLogo },
      buyer: { name: `${client.name} Renamed`, address: "9 New Lane\nYork YO1 1AA", tax_id: "GB 200 0000 02", email: "ap@new.example" },
    });
  });

  it("a seller without a legal name is printed under the workspace name", async () => {
    await updateWorkspaceSettings(ada, { legalName: "" });
    const { client } = await clientWithTime({ email: "office@plain.example" });
    const draft = await createInvoiceDraft(ada, { clientId: client.id, ...wide });
    expect((await getInvoice(draft.id)).seller).toMatchObject({ name: "Lovelace Studio" });
  });
});

describe("where sending goes without a `to`", () => {
  it.each([
    ["the client's invoice email when set", { email: "office@a.example", invoiceEmail: "ap@a.example" }, "ap@a.example"],
    ["the client's email otherwise", { email: "office@b.example", invoiceEmail: null }, "office@b.example"],
    ["the invoice email when the client has no other email", { email: null, invoiceEmail: "ap@c.example" }, "ap@c.example"],
  ])("goes to %s", async (_, emails, expected) => {
    const { client } = await clientWithTime(emails);
    const sent = await sendInvoice(ada, { id: (await createInvoiceDraft(ada, { clientId: client.id, ...wide })).id });
    expect(sent.deliveries.map((d) => d.toAddress)).toEqual([expected]);
    expect(sent.buyer.email).toBe(expected);
  });

  it("an explicit `to` wins over both", async () => {
    const { client } = await clientWithTime({ email: "office@d.example", invoiceEmail: "ap@d.example" });
    const sent = await sendInvoice(ada, { id: (await createInvoiceDraft(ada, { clientId: client.id, ...wide })).id, to: "someone@d.example" });
    expect(sent.deliveries.map((d) => d.toAddress)).toEqual(["someone@d.example"]);
  });
});
