import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { DomainError } from "@/lib/domain/errors";
import { loadDemoData } from "@/lib/testing/demo-data";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { getLogoImage } from "./get-logo-image";
import { getWorkspaceSettings } from "./get-workspace-settings";
import { removeLogo } from "./remove-logo";
import { labelsCanCollide, updateWorkspaceSettings, type UpdateWorkspaceSettingsInput } from "./update-workspace-settings";
import { logoImageType, MAX_LOGO_BYTES, uploadLogo } from "./upload-logo";

let owner: Actor;
let admin: Actor;
let member: Actor;
let ada: Actor;
let freshId: string;

/** A 1×1 PNG. */
const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
/** A 1×1 greyscale JPEG's start of image, frame header (what the PDF library reads) and end of image. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
const GIF = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const snapshot = async () => ({
  workspace: await db.workspace.findUniqueOrThrow({ where: { id: freshId } }),
  logos: await db.logoImage.count({ where: { workspaceId: freshId } }),
  events: await db.auditEvent.count({ where: { workspaceId: freshId } }),
});

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { id: demo.lovelace.id });
  const fresh = await createWorkspace(db, { name: "Somerville Studio", slug: "somerville-studio" });
  freshId = fresh.id;
  const [mary, john, jane] = await Promise.all([
    createUser(db, { email: "mary@example.com", name: "Mary Somerville" }),
    createUser(db, { email: "john@example.com", name: "John Herschel" }),
    createUser(db, { email: "jane@example.com", name: "Jane Marcet" }),
  ]);
  await addMember(db, fresh.id, mary.id, "owner");
  await addMember(db, fresh.id, john.id, "admin");
  await addMember(db, fresh.id, jane.id, "member");
  owner = await resolveActor(mary.id, { id: fresh.id });
  admin = await resolveActor(john.id, { id: fresh.id });
  member = await resolveActor(jane.id, { id: fresh.id });
});

describe("business details", () => {
  it("an owner saves them; addresses and instructions keep their lines, tidied", async () => {
    const view = await updateWorkspaceSettings(owner, {
      legalName: "  Somerville Studio Ltd ",
      address: "  12 Chelsea Walk  \r\n London SW3\r\n\r\n",
      taxId: " GB 123 4567 89 ",
      contactEmail: " accounts@somerville.example ",
      paymentInstructions: "IBAN GB33 BUKB 2020 1555 5555 55\nBIC BUKBGB22",
      paperSize: "letter",
      creditNotePrefix: "SC-CN-",
    });
    expect(view).toMatchObject({
      legalName: "Somerville Studio Ltd",
      address: "12 Chelsea Walk\n London SW3",
      taxId: "GB 123 4567 89",
      contactEmail: "accounts@somerville.example",
      paymentInstructions: "IBAN GB33 BUKB 2020 1555 5555 55\nBIC BUKBGB22",
      paperSize: "letter",
      creditNotePrefix: "SC-CN-",
      logoId: null,
    });
    expect(await getWorkspaceSettings(admin)).toEqual({ ...view, role: "admin" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: freshId, type: "settings.changed" }, orderBy: { createdAt: "desc" } });
    expect((event.detail as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual([
      "Credit note prefix",
      "Paper size",
      "Legal name",
      "Address",
      "Tax ID",
      "Contact email",
      "Payment instructions",
    ]);
  });

  it("clears a detail with an empty value", async () => {
    await updateWorkspaceSettings(owner, { contactEmail: "x@somerville.example", taxId: "X1" });
    expect(await updateWorkspaceSettings(owner, { contactEmail: "", taxId: "  " })).toMatchObject({ contactEmail: "", taxId: "" });
  });

  it.each([
    ["a legal name over 200 characters", { legalName: "L".repeat(201) }, "legalName", /at most 200/],
    ["a legal name on two lines", { legalName: "Somerville\nStudio" }, "legalName", /single line/],
    ["an address over 500 characters", { address: "A".repeat(501) }, "address", /at most 500/],
    ["an address of nine lines", { address: "line\n".repeat(9) + "end" }, "address", /at most 8 lines/],
    ["a tax ID with symbols", { taxId: "GB<123>" }, "taxId", /letters, digits, spaces/],
    ["a tax ID over 40 characters", { taxId: "1".repeat(41) }, "taxId", /at most 40/],
    ["a contact email that is not one", { contactEmail: "accounts at somerville" }, "contactEmail", /email address/],
    ["payment instructions over 1,000 characters", { paymentInstructions: "P".repeat(1_001) }, "paymentInstructions", /at most 1000/],
    ["payment instructions of 13 lines", { paymentInstructions: Array(13).fill("x").join("\n") }, "paymentInstructions", /at most 12 lines/],
    ["a paper size other than A4 or Letter", { paperSize: "a5" }, "paperSize", /a4 or letter/],
    ["a credit note prefix with a space", { creditNotePrefix: "CN 1" }, "creditNotePrefix", /letters, digits/],
    ["an empty credit note prefix", { creditNotePrefix: "  " }, "creditNotePrefix", /is required/],
    ["a credit note prefix over 12 characters", { creditNotePrefix: "CREDIT-NOTE-X" }, "creditNotePrefix", /at most 12/],
    ["a credit note prefix equal to the invoice prefix", { creditNotePrefix: "INV-" }, "creditNotePrefix", /must differ from the invoice prefix "INV-"/],
    ["a credit note prefix equal to it but for case", { creditNotePrefix: "inv-" }, "creditNotePrefix", /must differ from the invoice prefix/],
    ["a credit note prefix that is the invoice prefix and a digit (INV-1 + 0001 = INV-10001)", { creditNotePrefix: "INV-1" }, "creditNotePrefix", /must differ/],
    ["both prefixes set to one value", { invoicePrefix: "X-", creditNotePrefix: "X-" }, "creditNotePrefix", /must differ from the invoice prefix "X-"/],
    ["a legal name with a NUL", { legalName: "Somerville\u0000 Studio" }, "legalName", /control or text-direction/],
    ["a legal name with a right-to-left override", { legalName: "Somerville \u202eoidutS" }, "legalName", /control or text-direction/],
    ["an address with an escape character", { address: "12 Chelsea Walk\n\u001b[31mLondon" }, "address", /control or text-direction/],
    ["payment instructions with a text-direction isolate", { paymentInstructions: "IBAN \u2066GB33\u2069" }, "paymentInstructions", /control or text-direction/],
  ])("refuses %s, naming the field, and changes nothing", async (_, input, field, message) => {
    const before = await snapshot();
    const error = await refusal(updateWorkspaceSettings(owner, { legalName: "Renamed Ltd", ...input } as UpdateWorkspaceSettingsInput));
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors[field]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the credit note prefix once a credit note exists, but accepts the same one", async () => {
    const original = await db.invoice.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, status: "sent" } });
    const { id: _id, number: _number, createdAt: _c, updatedAt: _u, ...copy } = original;
    await db.invoice.create({
      data: { ...copy, kind: "credit_note", number: 1, status: "sent", creditedInvoiceId: original.id, seller: undefined, buyer: undefined, taxes: copy.taxes ?? [], discount: undefined },
    });
    const error = await refusal(updateWorkspaceSettings(ada, { creditNotePrefix: "LS-CN-", legalName: "Renamed" }));
    expect(error.fieldErrors).toEqual({ creditNotePrefix: "cannot change once a credit note exists" });
    expect((await db.workspace.findUniqueOrThrow({ where: { id: ada.workspaceId } })).legalName).toBe("Lovelace Studio Ltd");
    expect(await updateWorkspaceSettings(ada, { creditNotePrefix: "CN-" })).toMatchObject({ creditNotePrefix: "CN-" });
  });

  it("refuses an invoice prefix the credit notes already use, on the invoice prefix", async () => {
    await updateWorkspaceSettings(owner, { creditNotePrefix: "CR-" });
    const before = await snapshot();
    const error = await refusal(updateWorkspaceSettings(owner, { invoicePrefix: "CR-" }));
    expect(error.fieldErrors).toEqual({ invoicePrefix: 'must differ from the credit note prefix "CR-"' });
    expect(error.message).toBe('Invoices and credit notes would share numbers (both could be "CR-0001"): give them different prefixes.');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["INV-", "CN-", false],
    ["INV-", "INV-", true],
    ["INV-", "inv-", true],
    ["INV-", "INV-1", true],
    ["INV-12", "INV-", true],
    ["INV-", "INV-C", false],
    ["", "", true],
    ["", "CN-", false],
    ["", "7", true],
    ["A", "AB", false],
  ])("labelsCanCollide(%j, %j) is %s", (invoicePrefix, creditNotePrefix, collide) => {
    expect(labelsCanCollide(invoicePrefix, creditNotePrefix)).toBe(collide);
  });

  it("an admin may read them but not change them", async () => {
    const before = await snapshot();
    const error = await refusal(updateWorkspaceSettings(admin, { legalName: "Taken Over Ltd" }));
    expect(error).toMatchObject({ code: "forbidden", message: "An admin cannot change workspace settings in this workspace." });
    expect(await snapshot()).toEqual(before);
  });

  it("a member may not read them", async () => {
    await expect(getWorkspaceSettings(member)).rejects.toMatchObject({ code: "forbidden", message: "A member cannot view workspace settings in this workspace." });
  });
});

describe("logo", () => {
  it("reads the image type from the first bytes, not the name or declared type", () => {
    expect(logoImageType(PNG)).toBe("image/png");
    expect(logoImageType(JPEG)).toBe("image/jpeg");
    expect(logoImageType(GIF)).toBeNull();
    expect(logoImageType(SVG)).toBeNull();
    expect(logoImageType(PNG.slice(0, 4))).toBeNull();
  });

  it("an owner uploads a PNG, then a JPEG: each is a new image and becomes the logo", async () => {
    const png = await uploadLogo(owner, { data: PNG });
    expect(png.mimeType).toBe("image/png");
    expect((await getWorkspaceSettings(owner)).logoId).toBe(png.logoId);
    const jpeg = await uploadLogo(owner, { data: JPEG });
    expect((await getWorkspaceSettings(owner)).logoId).toBe(jpeg.logoId);
    expect(await getLogoImage(freshId, png.logoId)).toEqual({ mimeType: "image/png", data: PNG });
    expect(await getLogoImage(freshId, jpeg.logoId)).toEqual({ mimeType: "image/jpeg", data: JPEG });
  });

  it.each([
    ["an empty file", new Uint8Array(), /is empty/],
    ["a GIF", GIF, /PNG or JPEG/],
    ["an SVG", SVG, /PNG or JPEG/],
    ["a text file", new TextEncoder().encode("hello, I am a png"), /PNG or JPEG/],
    ["a PNG cut off after its header", PNG.slice(0, 16), /not a readable PNG or JPEG/],
    ["a JPEG with no frame header", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), /not a readable PNG or JPEG/],
    ["a PNG over 512 KB", (() => { const big = new Uint8Array(MAX_LOGO_BYTES + 1); big.set(PNG); return big; })(), /at most 512 KB/],
  ])("refuses %s on the logo field and stores nothing", async (_, data, message) => {
    const before = await snapshot();
    const error = await refusal(uploadLogo(owner, { data }));
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors.logo).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a PNG of exactly 512 KB", async () => {
    const edge = new Uint8Array(MAX_LOGO_BYTES);
    edge.set(PNG);
    await expect(uploadLogo(owner, { data: edge })).resolves.toMatchObject({ mimeType: "image/png" });
  });

  it("removing the logo keeps the image, which sent invoices still point at", async () => {
    const { logoId } = await uploadLogo(owner, { data: PNG });
    expect(await removeLogo(owner)).toEqual({ removed: true });
    expect((await getWorkspaceSettings(owner)).logoId).toBeNull();
    expect(await getLogoImage(freshId, logoId)).toEqual({ mimeType: "image/png", data: PNG });
    expect(await removeLogo(owner)).toEqual({ removed: false });
  });

  it("an admin or a member may not upload or remove it", async () => {
    await uploadLogo(owner, { data: PNG });
    const before = await snapshot();
    for (const actor of [admin, member]) {
      expect((await refusal(uploadLogo(actor, { data: JPEG }))).code).toBe("forbidden");
      expect((await refusal(removeLogo(actor))).code).toBe("forbidden");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("another workspace's logo is not found", async () => {
    const { logoId } = await uploadLogo(owner, { data: PNG });
    expect(await getLogoImage(ada.workspaceId, logoId)).toBeNull();
    expect(await getLogoImage(freshId, "no-such-logo")).toBeNull();
  });
});
