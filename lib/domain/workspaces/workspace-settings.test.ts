import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { DomainError } from "@/lib/domain/errors";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { loadDemoData } from "@/lib/testing/demo-data";
import { updateWorkspaceSettings, type UpdateWorkspaceSettingsInput } from "./update-workspace-settings";

let ada: Actor;
let grace: Actor;
let adaAdminOfEngines: Actor;
let owner: Actor;
let freshId: string;

beforeAll(async () => {
  const { ada: adaUser, grace: graceUser, lovelace, engines } = await loadDemoData();
  ada = await resolveActor(adaUser.id, { id: lovelace.id });
  grace = await resolveActor(graceUser.id, { id: lovelace.id });
  adaAdminOfEngines = await resolveActor(adaUser.id, { id: engines.id });
  const fresh = await createWorkspace(db, { name: "Fresh Start", slug: "fresh-start" });
  freshId = fresh.id;
  const founder = await createUser(db, { email: "mary@example.com", name: "Mary Somerville" });
  await addMember(db, fresh.id, founder.id, "owner");
  owner = await resolveActor(founder.id, { id: fresh.id });
});

async function refusal(actor: Actor, input: UpdateWorkspaceSettingsInput): Promise<DomainError> {
  const error = await updateWorkspaceSettings(actor, input).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("updateWorkspaceSettings", () => {
  it("changes the fields given and leaves the others, normalising currency and time zone", async () => {
    const view = await updateWorkspaceSettings(owner, { name: "  Somerville & Co  ", currency: "gbp", timeZone: "utc", defaultHourlyRate: 8_000, paymentTermsDays: 14, invoicePrefix: "SC-" });
    expect(view).toMatchObject({ name: "Somerville & Co", currency: "GBP", timeZone: "UTC", defaultHourlyRate: 8_000, paymentTermsDays: 14, invoicePrefix: "SC-", slug: "fresh-start" });
    const again = await updateWorkspaceSettings(owner, { timeZone: "Europe/Paris" });
    expect(again).toMatchObject({ name: "Somerville & Co", currency: "GBP", timeZone: "Europe/Paris", invoicePrefix: "SC-" });
  });

  it("records who changed what in the workspace's audit log, and nothing when nothing changed", async () => {
    await updateWorkspaceSettings(owner, { paymentTermsDays: 21 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: freshId, type: "settings.changed" }, orderBy: { createdAt: "desc" } });
    expect(event.userId).toBe(owner.userId);
    expect(event.detail).toEqual({ changes: [{ field: "Payment terms (days)", from: "14", to: "21" }] });
    const count = await db.auditEvent.count({ where: { workspaceId: freshId, type: "settings.changed" } });
    await updateWorkspaceSettings(owner, { paymentTermsDays: 21 });
    expect(await db.auditEvent.count({ where: { workspaceId: freshId, type: "settings.changed" } })).toBe(count);
  });

  it.each([
    ["an empty name", { name: " " }, "name"],
    ["a currency that is not a code", { currency: "EURO" }, "currency"],
    ["an unknown currency", { currency: "XYZ" }, "currency"],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["a negative rate", { defaultHourlyRate: -1 }, "defaultHourlyRate"],
    ["payment terms over a year", { paymentTermsDays: 400 }, "paymentTermsDays"],
    ["a prefix with a space", { invoicePrefix: "INV 1" }, "invoicePrefix"],
    ["a prefix over 12 characters", { invoicePrefix: "INVOICE-2026-" }, "invoicePrefix"],
  ])("refuses %s, naming the field, and changes nothing", async (_, input, field) => {
    const before = await db.workspace.findUniqueOrThrow({ where: { id: freshId } });
    const error = await refusal(owner, input as UpdateWorkspaceSettingsInput);
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors).toHaveProperty([field]);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: freshId } })).toEqual(before);
  });

  it("keeps the currency once time or invoices are recorded, but accepts the same one", async () => {
    const error = await refusal(ada, { currency: "USD", name: "Renamed" });
    expect(error.fieldErrors).toEqual({ currency: "cannot change once time or invoices are recorded (it is EUR)" });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ada.workspaceId } })).name).toBe("Lovelace Studio");
    expect(await updateWorkspaceSettings(ada, { currency: "eur" })).toMatchObject({ currency: "EUR" });
  });

  it("keeps the invoice prefix once an invoice has been sent", async () => {
    const error = await refusal(ada, { invoicePrefix: "LS-" });
    expect(error.fieldErrors).toHaveProperty(["invoicePrefix"]);
    expect(await updateWorkspaceSettings(ada, { invoicePrefix: "INV-" })).toMatchObject({ invoicePrefix: "INV-" });
  });

  it("is for owners: admins and members are refused", async () => {
    for (const actor of [adaAdminOfEngines, grace]) {
      const error = await refusal(actor, { name: "Taken Over" });
      expect(error.code).toBe("forbidden");
    }
    expect((await db.workspace.findUniqueOrThrow({ where: { id: adaAdminOfEngines.workspaceId } })).name).toBe("Analytical Engines");
  });
});
