import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizationQuery, createTestClient } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { loadConsentView, type ConsentWorkspace } from "./consent-view";
import { approveAuthorization } from "./decide-authorization";
import { handleAuthorizeRequest } from "./handle-authorize-request";

let adaId: string;
let graceId: string;
let clientId: string;
const workspaceIds: Record<string, string> = {};

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  for (const w of await db.workspace.findMany()) workspaceIds[w.name] = w.id;
  clientId = await createTestClient();
});

function authorizeQuery(scope: string): URLSearchParams {
  return authorizationQuery({ clientId, scope, state: "st4te" });
}

async function hold(userId: string, query: URLSearchParams): Promise<string> {
  const outcome = await handleAuthorizeRequest(query, userId, `consent-view-${randomBytes(4).toString("hex")}`);
  if (outcome.kind !== "consent") throw new Error(JSON.stringify(outcome));
  return outcome.requestId;
}

const held = (userId: string, scope = "hourbook:read hourbook:write profile:read") => hold(userId, authorizeQuery(scope));

async function graceView(choice = {}) {
  const view = await loadConsentView(await held(graceId), graceId, choice);
  if (!view) throw new Error("no consent view");
  return view;
}

const named = (workspaces: ConsentWorkspace[], name: string) => workspaces.find((w) => w.name === name) as ConsentWorkspace;
const usableTexts = (w: ConsentWorkspace) => w.access.usable.flatMap((g) => g.items.map((i) => i.text));

describe("the access each workspace choice would really give", () => {
  it("does not promise Grace, a member of Lovelace Studio, anything about invoices or billing, and says why", async () => {
    const lovelace = named((await graceView()).workspaces, "Lovelace Studio");
    expect(lovelace.reason).toBeNull();
    expect(usableTexts(lovelace).join(" ")).not.toMatch(/invoice|billing/i);
    expect(usableTexts(lovelace)).toEqual(expect.arrayContaining(["See your own time entries", "Add and change your own time entries", "See tasks"]));
    const role = lovelace.access.blocked.find((g) => g.reason === "Your role in Lovelace Studio (member) does not allow:");
    expect(role?.items.map((i) => i.text)).toEqual(expect.arrayContaining(["See invoices and payments", "Mark invoices as sent to your clients", "Add and change clients"]));
  });

  it("offers past-due Hopper Labs for reading only, with the reason for every write", async () => {
    const hopper = named((await graceView()).workspaces, "Hopper Labs");
    expect(hopper.reason).toBeNull();
    expect(usableTexts(hopper)).toEqual(expect.arrayContaining(["See invoices and payments", "See time entries"]));
    expect(usableTexts(hopper).filter((text) => /^(Add|Create|Record|Mark|Void|Delete)/.test(text))).toEqual([]);
    expect(hopper.access.blocked).toEqual([
      { reason: "Hopper Labs is past due: apps can only read until billing is fixed.", items: expect.arrayContaining([{ id: "invoices:send", text: "Mark invoices as sent to your clients" }]) },
    ]);
  });

  it("names a policy that limits apps to read only", async () => {
    await db.workspace.update({ where: { id: workspaceIds["Analytical Engines"] }, data: { integrationMaxAccess: "read" } });
    try {
      const engines = named((await graceView()).workspaces, "Analytical Engines");
      expect(engines.access.blocked.map((g) => g.reason)).toEqual(["This workspace's policy limits apps to read only."]);
    } finally {
      await db.workspace.update({ where: { id: workspaceIds["Analytical Engines"] }, data: { integrationMaxAccess: "admin" } });
    }
  });

  it("shows a workspace where the app could use nothing as one that cannot be chosen, and refuses to approve it", async () => {
    const requestId = await held(graceId, "invoices:read");
    const view = await loadConsentView(requestId, graceId);
    expect(named(view?.workspaces ?? [], "Lovelace Studio").reason).toBe("Nothing this app asks for can be used here now: your role (member) does not allow it.");
    await expect(approveAuthorization({ requestId, userId: graceId, workspaceId: workspaceIds["Lovelace Studio"], selectedScopes: ["invoices:read"] })).rejects.toMatchObject(
      { code: "workspace_ineligible" },
    );
  });

  it("refuses an approval whose ticked permissions are all unusable there", async () => {
    const requestId = await held(graceId, "hourbook:read hourbook:write invoices:read");
    await expect(approveAuthorization({ requestId, userId: graceId, workspaceId: workspaceIds["Lovelace Studio"], selectedScopes: ["invoices:read"] })).rejects.toMatchObject(
      { code: "nothing_usable", message: expect.stringMatching(/Nothing left ticked can be used in that workspace now/) },
    );
  });
});

describe("what the page shows chosen", () => {
  it.each<[string, () => { workspaceId?: string }, string]>([
    ["nothing asked: the first workspace that can be chosen", () => ({}), "Analytical Engines"],
    ["a workspace of hers that can be chosen", () => ({ workspaceId: workspaceIds["Hopper Labs"] }), "Hopper Labs"],
    ["a workspace she is not a member of: the first that can be chosen", () => ({ workspaceId: workspaceIds["Sketchbook"] }), "Analytical Engines"],
    ["an unknown id: the first that can be chosen", () => ({ workspaceId: "nope" }), "Analytical Engines"],
  ])("for %s", async (_, choice, expected) => {
    const view = await graceView(choice());
    expect(view.workspaces.find((w) => w.id === view.selectedWorkspaceId)?.name).toBe(expected);
  });

  it("never chooses a workspace that cannot be connected", async () => {
    const view = await loadConsentView(await held(adaId), adaId, { workspaceId: workspaceIds["Sketchbook"] });
    expect(view?.selectedWorkspaceId).toBe(workspaceIds["Lovelace Studio"]);
  });

  it("keeps the ticks of a re-render without JavaScript, only of requested scopes", async () => {
    expect((await graceView()).tickedScopes).toEqual(["hourbook:read", "hourbook:write", "profile:read"]);
    expect((await graceView({ tickedScopes: ["hourbook:read", "hourbook:admin", "bogus"] })).tickedScopes).toEqual(["hourbook:read"]);
    expect((await graceView({ tickedScopes: [] })).tickedScopes).toEqual([]);
  });
});

describe("switching account", () => {
  it("starts over from the original authorization request, which another user can then hold as their own", async () => {
    const original = authorizeQuery("hourbook:read time:read");
    const view = await loadConsentView(await hold(adaId, original), adaId);
    const restart = new URL(view?.restartUrl ?? "", "http://localhost:3000");
    expect(restart.pathname).toBe("/oauth/authorize");
    expect(Object.fromEntries(restart.searchParams)).toEqual(Object.fromEntries(original));

    const graceRequest = await hold(graceId, restart.searchParams);
    expect(await loadConsentView(graceRequest, graceId)).toMatchObject({ clientName: "Test Assistant" });
    expect(await loadConsentView(graceRequest, adaId)).toBeNull();
  });
});
