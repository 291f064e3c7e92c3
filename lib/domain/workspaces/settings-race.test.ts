/**
 * Settings changes that race each other: the check ("is the currency still free to change?")
 * and the write happen in one SERIALIZABLE transaction with an update conditional on the value
 * read, so on PostgreSQL (which would otherwise let both read EUR and both write) one of two
 * simultaneous changes loses with a conflict, and on SQLite (one writer at a time) the second
 * sees the first. Either way the audit log is an unbroken chain: each change's "from" is what
 * the previous one left. Runs on both engines (HOURBOOK_TEST_ENGINE=postgresql).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { updateWorkspaceSettings } from "./update-workspace-settings";

let mary: Actor;
let caroline: Actor;
let workspaceId: string;

beforeAll(async () => {
  const workspace = await createWorkspace(db, { name: "Herschel Observatory", slug: "herschel-observatory" });
  workspaceId = workspace.id;
  for (const [email, name] of [["mary@example.com", "Mary Somerville"], ["caroline@example.com", "Caroline Herschel"]] as const) {
    const user = await createUser(db, { email, name });
    await addMember(db, workspace.id, user.id, "owner");
  }
  const [m, c] = await db.membership.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  mary = await resolveActor(m!.userId, { id: workspaceId });
  caroline = await resolveActor(c!.userId, { id: workspaceId });
});

type Change = { field: string; from: string; to: string };

describe("two owners changing the currency at the same moment", () => {
  it("never both change it from the same value: one loses with a conflict or sees the other's change", async () => {
    for (const delay of STAGGERS_MS) {
      await db.workspace.update({ where: { id: workspaceId }, data: { currency: "EUR" } });
      await db.auditEvent.deleteMany({ where: { workspaceId } });
      const outcomes = await startApart(
        () => updateWorkspaceSettings(mary, { currency: "USD" }),
        () => updateWorkspaceSettings(caroline, { currency: "GBP" }),
        delay,
      );
      for (const outcome of outcomes) if (outcome.status === "rejected") expect(rejection(outcome), `round ${delay} ms`).toMatchObject({ code: "conflict" });
      expect(outcomes.some((o) => o.status === "fulfilled"), `round ${delay} ms`).toBe(true);

      const changes = (await db.auditEvent.findMany({ where: { workspaceId, type: "settings.changed" } })).map((e) => (e.detail as { changes: Change[] }).changes[0]!);
      const succeeded = outcomes.filter((o) => o.status === "fulfilled").length;
      expect(changes, `round ${delay} ms`).toHaveLength(succeeded);
      // Exactly one change starts from EUR, and the other (if any) starts where it ended.
      const first = changes.find((c) => c.from === "EUR");
      expect(changes.filter((c) => c.from === "EUR"), `round ${delay} ms`).toHaveLength(1);
      const second = changes.find((c) => c !== first);
      if (second) expect(second.from, `round ${delay} ms`).toBe(first!.to);
      const final = (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).currency;
      expect(final, `round ${delay} ms`).toBe((second ?? first)!.to);
    }
  });
});

describe("an invoice sent while an owner changes the invoice prefix", () => {
  it("never leaves a sent invoice whose label the new prefix rewrote: the message sent carries the prefix the workspace keeps", async () => {
    const client = await db.client.create({ data: { workspaceId, name: "Royal Society", email: "accounts@royalsociety.example" } });
    const invoice = await db.invoice.create({
      data: { workspaceId, clientId: client.id, number: 1, issueDate: new Date(), dueDate: new Date(), currency: "EUR", subtotal: 10_000, total: 10_000 },
    });
    await db.invoiceLine.create({ data: { invoiceId: invoice.id, position: 1, description: "Comet survey", quantitySeconds: 3_600, unitRate: 10_000, amount: 10_000 } });
    for (const delay of STAGGERS_MS) {
      await db.outboxMessage.deleteMany({ where: { invoiceId: invoice.id } });
      await db.invoice.update({ where: { id: invoice.id }, data: { status: "draft", sentAt: null, seller: Prisma.DbNull, buyer: Prisma.DbNull } });
      await db.workspace.update({ where: { id: workspaceId }, data: { invoicePrefix: "INV-" } });
      const [sent, changed] = await startApart(
        () => sendInvoice(mary, { id: invoice.id }),
        () => updateWorkspaceSettings(caroline, { invoicePrefix: "HO-" }),
        delay,
      );
      if (sent.status === "rejected") expect(rejection(sent), `round ${delay} ms`).toMatchObject({ code: "conflict" });
      if (changed.status === "rejected") expect(rejection(changed), `round ${delay} ms`).toMatchObject({ code: expect.stringMatching(/^(conflict|invalid_input)$/) });
      expect(sent.status === "fulfilled" || changed.status === "fulfilled", `round ${delay} ms`).toBe(true);

      const prefix = (await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).invoicePrefix;
      const messages = await db.outboxMessage.findMany({ where: { invoiceId: invoice.id } });
      expect(messages, `round ${delay} ms`).toHaveLength(sent.status === "fulfilled" ? 1 : 0);
      for (const message of messages) expect(message.subject, `round ${delay} ms`).toContain(`Invoice ${prefix}0001 `);
    }
  });
});
