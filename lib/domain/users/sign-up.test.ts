import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { EMAIL_TAKEN, signUp, slugOf } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

beforeAll(async () => {
  await loadDemoData();
});

const person = (over: Record<string, string> = {}) => ({
  name: "Mary Jackson",
  email: `mary-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.com`,
  password: "wind-tunnel-1958",
  workspaceName: "Jackson Engineering",
  ...over,
});

describe("signing up", () => {
  it("creates the account and its own workspace with the person as owner, ready to sign in", async () => {
    const input = person({ workspaceName: `Jackson Engineering ${Date.now()}`, currency: "usd", timeZone: "America/New_York" });
    const done = await signUp(input);
    expect(done.workspaceSlug).toBe(slugOf(input.workspaceName));
    expect(await verifyCredentials(input.email, input.password)).toMatchObject({ ok: true, user: { id: done.userId, name: "Mary Jackson" } });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: done.workspaceSlug } });
    expect(workspace).toMatchObject({ name: input.workspaceName, currency: "USD", timeZone: "America/New_York" });
    await expect(resolveActor(done.userId, { id: workspace.id })).resolves.toMatchObject({ role: "owner" });
    expect(await db.auditEvent.findFirst({ where: { type: "workspace.created", workspaceId: workspace.id } })).toMatchObject({ userId: done.userId });
  });

  it("gives a second workspace of the same name its own address", async () => {
    const name = `Same Name ${Date.now()}`;
    const first = await signUp(person({ workspaceName: name }));
    const second = await signUp(person({ workspaceName: name }));
    expect(second.workspaceSlug).toBe(`${first.workspaceSlug}-2`);
  });

  it("defaults the currency to EUR and the time zone to UTC", async () => {
    const done = await signUp(person({ workspaceName: `Defaults ${Date.now()}` }));
    expect(await db.workspace.findUniqueOrThrow({ where: { slug: done.workspaceSlug } })).toMatchObject({ currency: "EUR", timeZone: "UTC" });
  });

  it("refuses an email that already has an account, clearly, and writes nothing", async () => {
    const before = await db.workspace.count();
    const error = await signUp(person({ email: "ADA@example.com" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", message: EMAIL_TAKEN, fieldErrors: { email: "already has an account" } });
    expect(await db.workspace.count()).toBe(before);
  });

  it.each([
    ["a password under 10 characters", { password: "short" }, "password"],
    ["a password over 72 bytes (30 emoji)", { password: "🔑".repeat(30) }, "password"],
    ["a password with a control character", { password: "wind-tunnel\u00001958" }, "password"],
    ["the email as the password", { email: "same-as-password@example.com", password: "same-as-password@example.com" }, "password"],
    ["a malformed email", { email: "mary" }, "email"],
    ["no name", { name: "" }, "name"],
    ["no workspace name", { workspaceName: "  " }, "workspaceName"],
    ["an unknown currency", { currency: "XXY" }, "currency"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
  ])("refuses %s with a field message and writes nothing", async (_, over, field) => {
    const input = person(over);
    const error = await signUp(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain(field);
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  it("says a password that repeats the email on the same refusal as the other fields' mistakes", async () => {
    const email = `same-${Date.now().toString(36)}@example.com`;
    const error = await signUp(person({ email, password: email.toUpperCase(), name: "", workspaceName: "" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { name: "is required", workspaceName: "is required", password: "must not be your email address" } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it.each([
    ["Acme Design Studio", "acme-design-studio"],
    ["  Café Ünïcode & Co. ", "cafe-unicode-co"],
    ["日本", "workspace"],
  ])("derives the address of %j", (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});
