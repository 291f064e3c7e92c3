/**
 * The consent page and the per-request check must give the same answer: for every row of the
 * effective-access table, what the consent page lists as usable in a workspace is exactly
 * what an MCP connection approved there can call on its next request, and for the same reasons.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { API_ENDPOINTS } from "@/lib/api/endpoint-catalog";
import { scopesAllow } from "@/lib/domain/integrations/scopes";
import { TOOL_CATALOG } from "@/lib/mcp/tool-catalog";
import { checkCall, type CallRefusal } from "@/lib/operations/check-call";
import { loadConsentView } from "@/lib/oauth/authorize/consent-view";
import { handleAuthorizeRequest } from "@/lib/oauth/authorize/handle-authorize-request";
import { CAPABILITIES, type Blocker, type Capability } from "@/lib/oauth/effective-access";
import { parseScope } from "@/lib/oauth/scopes";
import { ACCESS_CASES, OPEN_WORKSPACE, type AccessCase } from "@/lib/testing/access-cases";
import { listToolNames } from "@/lib/testing/mcp-call";
import { authorizationQuery, createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { resolveConnection } from "@/lib/oauth/protected-resource/resolve-connection";

let graceId: string;
let lovelaceId: string;
let clientId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  clientId = await createTestClient();
});

type Operation = { scope: string; permission: string | null; access: string };
const capabilityOf = (op: Operation): Capability[] => CAPABILITIES.filter((c) => c.scope === op.scope && c.permission === op.permission && c.access === op.access);

describe("the capability catalogue", () => {
  it("has exactly one capability for every MCP tool and REST endpoint, and no capability nothing uses", () => {
    const operations: Array<Operation & { name: string }> = [
      ...TOOL_CATALOG.map((t) => ({ ...t, name: `tool ${t.name}` })),
      ...API_ENDPOINTS.map((e) => ({ ...e, name: `${e.method} ${e.path}` })),
    ];
    for (const op of operations) expect(capabilityOf(op), op.name).toHaveLength(1);
    for (const c of CAPABILITIES) expect(operations.some((op) => capabilityOf(op)[0] === c), c.id).toBe(true);
  });
});

/** Puts Lovelace Studio and Grace's membership in it as a row describes. */
async function applyRow(row: Pick<AccessCase, "role" | "workspace">): Promise<void> {
  const facts = { ...OPEN_WORKSPACE, ...row.workspace };
  await db.workspace.update({
    where: { id: lovelaceId },
    data: {
      plan: facts.plan,
      billingState: facts.billingState,
      publicApiAccess: facts.publicApiAccess,
      integrationClientPolicy: facts.clientPolicy,
      integrationAllowedHosts: [...facts.allowedHosts],
      integrationMaxAccess: facts.maxAccess,
    },
  });
  await db.membership.update({ where: { workspaceId_userId: { workspaceId: lovelaceId, userId: graceId } }, data: { role: row.role, status: facts.membershipStatus } });
}

/** The Lovelace Studio choice on Grace's consent page for a fresh request of `scope`. */
async function consentFor(scope: string) {
  const query = authorizationQuery({ clientId, scope });
  const outcome = await handleAuthorizeRequest(query, graceId, `agreement-${randomBytes(4).toString("hex")}`);
  if (outcome.kind !== "consent") throw new Error(JSON.stringify(outcome));
  const view = await loadConsentView(outcome.requestId, graceId);
  const choice = view?.workspaces.find((w) => w.id === lovelaceId);
  if (!choice) throw new Error("Lovelace Studio is not on the consent page");
  return choice;
}

const LIVE_KIND: Record<CallRefusal["kind"], Blocker["kind"]> = { scope: "policy", role: "role", billing: "billing" };
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

// settings:* exist only on the REST API; the MCP connection checked here cannot ask for them.
const mcpCases = ACCESS_CASES.filter((row) => !row.scopes.includes("settings:"));

describe("the consent page and the live check agree", () => {
  it.each(mcpCases)("$name", async (row) => {
    // Approved while the workspace was open, then changed: the live check sees the row's
    // workspace on the next request, as the consent page does before approval.
    await applyRow({ role: "owner", workspace: {} });
    const { access_token } = await tokensFor({ clientId, userId: graceId, workspaceId: lovelaceId, scope: row.scopes });
    await applyRow(row);

    const consent = await consentFor(row.scopes);
    const consentUsable = sorted(consent.access.usable.flatMap((g) => g.items.map((i) => i.id)));
    const live = await resolveConnection(`Bearer ${access_token}`, "mcp");

    if (!live.ok) {
      expect(live.refusal.status).toBe(403);
      expect(consent.reason).toBe(live.refusal.description);
      expect(consentUsable).toEqual([]);
      return;
    }
    const listed = new Set(await listToolNames(access_token));
    const liveUsable = sorted(TOOL_CATALOG.filter((t) => listed.has(t.name)).flatMap((t) => capabilityOf(t).map((c) => c.id)));
    expect(consentUsable).toEqual(liveUsable);

    const asked = parseScope(row.scopes);
    const liveBlocked: Record<string, Blocker["kind"]> = {};
    for (const tool of TOOL_CATALOG) {
      const [capability] = capabilityOf(tool);
      const block = checkCall(live.connection, tool, tool.name);
      if (capability && block && scopesAllow(asked, capability.scope)) liveBlocked[capability.id] = LIVE_KIND[block.kind];
    }
    expect(liveBlocked).toEqual(row.blocked);
    expect(sorted(consent.access.blocked.flatMap((g) => g.items.map((i) => i.id)))).toEqual(sorted(Object.keys(liveBlocked)));
    // Nothing usable: the consent page does not let the workspace be chosen.
    expect(consent.reason === null).toBe(liveUsable.length > 0);
  });
});
