import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { callToolOver, listToolNames, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { getIntegrationPolicy } from "./get-integration-policy";
import { updateBilling } from "./update-billing";
import { splitHostList, updateIntegrationPolicy } from "./update-integration-policy";

let adaId: string;
let graceId: string;
let lovelaceId: string;
let ada: Actor;
let grace: Actor;
let adaAdminOfEngines: Actor;
let clientId: string;

const OPEN = { publicApiAccess: true, clientPolicy: "any" as const, allowedHosts: [] as string[], maxAccess: "admin" as const };

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  const enginesId = demo.engines.id;
  ada = await resolveActor(adaId, { id: lovelaceId });
  grace = await resolveActor(graceId, { id: lovelaceId });
  adaAdminOfEngines = await resolveActor(adaId, { id: enginesId });
  clientId = await createTestClient();
});

beforeEach(async () => {
  await db.workspace.update({ where: { id: lovelaceId }, data: { plan: "pro", billingState: "active", publicApiAccess: true, integrationClientPolicy: "any", integrationAllowedHosts: [], integrationMaxAccess: "admin" } });
});

const adaToken = async () => (await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope: "hourbook:read hourbook:write profile:read" })).access_token;

describe("integration policy", () => {
  it("turning API access off refuses the next request of an existing connection with 403", async () => {
    const token = await adaToken();
    await updateIntegrationPolicy(ada, { ...OPEN, publicApiAccess: false });
    const res = await mcpRequest(token, "tools/list");
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/turned off/);
  });

  it("lowering the highest access to read only takes writes away from existing connections at once", async () => {
    const token = await adaToken();
    expect(await listToolNames(token)).toContain("create_client");
    await updateIntegrationPolicy(ada, { ...OPEN, maxAccess: "read" });
    expect(await listToolNames(token)).not.toContain("create_client");
    expect((await callToolOver(token, "create_client", { name: "Never Ltd" })).status).toBe(403);
  });

  it("an allowlist without the client's host refuses it; adding the host lets it back in", async () => {
    const token = await adaToken();
    await updateIntegrationPolicy(ada, { ...OPEN, clientPolicy: "allowlist", allowedHosts: ["claude.ai"] });
    expect((await mcpRequest(token, "tools/list")).status).toBe(403);
    await updateIntegrationPolicy(ada, { ...OPEN, clientPolicy: "allowlist", allowedHosts: ["claude.ai", "127.0.0.1"] });
    expect((await mcpRequest(token, "tools/list")).status).toBe(200);
  });

  it("developer apps only refuses a dynamically registered client", async () => {
    const token = await adaToken();
    await updateIntegrationPolicy(ada, { ...OPEN, clientPolicy: "developer_apps" });
    expect((await mcpRequest(token, "tools/list")).body.error?.message).toMatch(/policy does not allow/);
  });

  it("records who changed what, old → new, and nothing when nothing changed", async () => {
    const before = await db.auditEvent.count({ where: { workspaceId: lovelaceId, type: "policy.changed" } });
    const { changes } = await updateIntegrationPolicy(ada, { publicApiAccess: false, clientPolicy: "allowlist", allowedHosts: [" Claude.AI ", "claude.ai", "[::1]"], maxAccess: "write" });
    expect(changes).toEqual([
      { field: "API and AI assistant access", from: "on", to: "off" },
      { field: "Apps that may connect", from: "any app", to: "listed hosts only" },
      { field: "Allowed hosts", from: "none", to: "claude.ai, [::1]" },
      { field: "Highest access", from: "Admin", to: "Read and write" },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: lovelaceId, type: "policy.changed" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ userId: adaId, detail: { changes } });
    expect(await getIntegrationPolicy(ada)).toMatchObject({ publicApiAccess: false, clientPolicy: "allowlist", allowedHosts: ["claude.ai", "[::1]"], maxAccess: "write" });

    const again = await updateIntegrationPolicy(ada, { publicApiAccess: false, clientPolicy: "allowlist", allowedHosts: ["claude.ai", "[::1]"], maxAccess: "write" });
    expect(again.changes).toEqual([]);
    expect(await db.auditEvent.count({ where: { workspaceId: lovelaceId, type: "policy.changed" } })).toBe(before + 1);
  });

  it.each([
    ["a URL instead of a host", ["https://claude.ai/"], /“https:\/\/claude.ai\/” is not a host name/],
    ["a host with a path", ["claude.ai/callback"], /is not a host name/],
    ["a host with a space", ["my app.example"], /is not a host name/],
    ["an empty allowlist", [], /at least one host/],
  ])("refuses %s, naming the field", async (_, allowedHosts, message) => {
    const refusal = updateIntegrationPolicy(ada, { ...OPEN, clientPolicy: "allowlist", allowedHosts });
    await expect(refusal).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { allowedHosts: expect.stringMatching(message) } });
  });

  it("is for owners and admins: an admin may change it, a member may not", async () => {
    await expect(updateIntegrationPolicy(grace, OPEN)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getIntegrationPolicy(grace)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateIntegrationPolicy(adaAdminOfEngines, { publicApiAccess: true, clientPolicy: "any", allowedHosts: [], maxAccess: "admin" })).resolves.toBeDefined();
  });

  it("reads the allowlist textarea one host per line", () => {
    expect(splitHostList(" claude.ai\n\n chatgpt.com, example.org \n")).toEqual(["claude.ai", "chatgpt.com", "example.org"]);
  });
});

describe("simulated billing", () => {
  it("a downgrade to free refuses the next request with 403", async () => {
    const token = await adaToken();
    await updateBilling(ada, { plan: "free", billingState: "active" });
    const res = await mcpRequest(token, "tools/list");
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/plan does not include/);
  });

  it("past due leaves reads and refuses writes; canceled refuses everything", async () => {
    const token = await adaToken();
    await updateBilling(ada, { plan: "pro", billingState: "past_due" });
    expect(await listToolNames(token)).toContain("list_clients");
    const write = await callToolOver(token, "create_client", { name: "Past Due Ltd" });
    expect(write.tool?.content[0]?.text).toMatch(/past due/);
    await updateBilling(ada, { plan: "pro", billingState: "canceled" });
    expect((await mcpRequest(token, "tools/list")).status).toBe(403);
    await updateBilling(ada, { plan: "pro", billingState: "trialing" });
    expect((await mcpRequest(token, "tools/list")).status).toBe(200);
  });

  it("records the change, old → new", async () => {
    const { changes } = await updateBilling(ada, { plan: "business", billingState: "past_due" });
    expect(changes).toEqual([
      { field: "Plan", from: "Pro", to: "Business" },
      { field: "Billing state", from: "Active", to: "Past due" },
    ]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { workspaceId: lovelaceId, type: "billing.changed" }, orderBy: { createdAt: "desc" } })).toMatchObject({ userId: adaId, detail: { changes } });
  });

  it("is for owners only", async () => {
    await expect(updateBilling(adaAdminOfEngines, { plan: "free", billingState: "active" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateBilling(grace, { plan: "free", billingState: "active" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an unknown plan", async () => {
    await expect(updateBilling(ada, { plan: "platinum" as "pro", billingState: "active" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
