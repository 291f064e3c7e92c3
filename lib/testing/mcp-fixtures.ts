/**
 * Data and connections for MCP tool tests: the seeded demo workspace, tokens for Ada and
 * Grace, and fresh invoices and entries made through the domain, so each test acts on
 * records no other test touches.
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { decideApproval, type ApprovalDecision } from "@/lib/domain/approvals/decide-approval";
import { createClient } from "@/lib/domain/clients/create-client";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { createProject } from "@/lib/domain/projects/create-project";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { hashToken } from "@/lib/oauth/secrets";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { callToolOver } from "./mcp-call";
import { createTestClient, tokensFor } from "./oauth-flow";

/** Everything an owner can be granted on the MCP server. */
export const ALL_MCP_SCOPES = "hourbook:read hourbook:write hourbook:admin profile:read";

export interface DemoWorld {
  /** What `loadDemoData()` returns. */
  demo: DemoData;
  adaId: string;
  graceId: string;
  workspaceId: string;
  ada: Actor;
  grace: Actor;
}

/** Seeds the demo data and resolves Ada (owner) and Grace (member) in Lovelace Studio. */
export async function seedDemoWorld(): Promise<DemoWorld> {
  const demo = await loadDemoData();
  const [adaId, graceId, workspaceId] = [demo.ada.id, demo.grace.id, demo.lovelace.id];
  return {
    demo,
    adaId,
    graceId,
    workspaceId,
    ada: await resolveActor(adaId, { id: workspaceId }),
    grace: await resolveActor(graceId, { id: workspaceId }),
  };
}

/**
 * A live MCP access token for a user through an OAuth client of its own. Re-authorizing the
 * same client replaces the older grant, so each connection a test needs gets its own client.
 */
export async function connect(userId: string, workspaceId: string, scope = ALL_MCP_SCOPES): Promise<string> {
  const clientId = await createTestClient();
  return (await tokensFor({ clientId, userId, workspaceId, scope })).access_token;
}

export const uniqueName = (prefix: string) => `${prefix} ${randomBytes(3).toString("hex")}`;

/** A new client with an email address and a project billed at €120.00/h. */
export async function billableClient(actor: Actor, prefix = "Fixture Client") {
  const name = uniqueName(prefix);
  const client = await createClient(actor, { name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@fixture.example` });
  const project = await createProject(actor, { clientId: client.id, name: "Fixture work", hourlyRate: 12_000 });
  return { client, project };
}

/** An unbilled billable entry on the project, started `daysAgo` days ago. */
export function trackedEntry(actor: Actor, projectId: string, minutes = 60, daysAgo = 2) {
  return createTimeEntry(actor, {
    projectId,
    startedAt: new Date(Date.now() - daysAgo * 24 * 3600 * 1000),
    durationSeconds: minutes * 60,
    description: "Fixture work",
  });
}

/** A draft for one hour at €120.00 (total €120.00, no tax) for a client of its own. */
export async function draftInvoice(actor: Actor) {
  const { client, project } = await billableClient(actor);
  const entry = await trackedEntry(actor, project.id);
  const invoice = await createInvoiceDraft(actor, { clientId: client.id, entryIds: [entry.id] });
  return { client, project, entry, invoice };
}

/** The same, sent: a balance of €120.00. */
export async function sentInvoice(actor: Actor) {
  const draft = await draftInvoice(actor);
  return { ...draft, invoice: await sendInvoice(actor, { id: draft.invoice.id }) };
}

export type ToolCall = Awaited<ReturnType<typeof callToolOver>>;

/** The structured result of a successful call; fails the test with the tool's message otherwise. */
export function structured(call: ToolCall): Record<string, unknown> {
  if (!call.tool) throw new Error(`no tool result (HTTP ${call.status}): ${JSON.stringify(call.body)}`);
  if (call.tool.isError) throw new Error(`tool error: ${call.tool.content[0]?.text}`);
  if (!call.tool.structuredContent) throw new Error("no structuredContent");
  return call.tool.structuredContent;
}

/** The message of a tool error; fails the test if the call succeeded. */
export function toolError(call: ToolCall): string {
  if (!call.tool?.isError) throw new Error(`expected a tool error, got ${JSON.stringify(call.body)}`);
  return call.tool.content[0]?.text ?? "";
}

/**
 * First step of a consequential tool: the confirmation token it hands out. Where the workspace's
 * policy asks the person to approve the action in Hourbook, the person (the connection's user)
 * approves it here, as they would on Account → Approvals, so the token works as it did before
 * approvals existed; tests about the approval itself are approvals.test.ts.
 */
export async function requestConfirmation(token: string, name: string, args: Record<string, unknown>): Promise<string> {
  const first = structured(await callToolOver(token, name, args));
  if (first.status !== "confirmation_required" || typeof first.confirmation_token !== "string") {
    throw new Error(`expected a confirmation request, got ${JSON.stringify(first)}`);
  }
  if (typeof first.approval_url === "string") await decideAsPerson(first.approval_url, "approve");
  return first.confirmation_token;
}

/** The id at the end of an approval link (…/account/approvals/<id>). */
export const approvalIdOf = (approvalUrl: string) => decodeURIComponent(approvalUrl.split("/").pop() ?? "");

/** The person the approval belongs to approves or denies it, as on Account → Approvals. */
export async function decideAsPerson(approvalUrl: string, decision: ApprovalDecision) {
  const id = approvalIdOf(approvalUrl);
  const { userId } = await db.actionApproval.findUniqueOrThrow({ where: { id } });
  return decideApproval(userId, id, decision);
}

/** Both steps of a consequential tool, as a user who agreed would drive them. */
export async function callConfirmed(token: string, name: string, args: Record<string, unknown>): Promise<ToolCall> {
  const confirmationToken = await requestConfirmation(token, name, args);
  return callToolOver(token, name, { ...args, confirmation_token: confirmationToken });
}

/** Moves a confirmation token's expiry into the past. */
export async function expireConfirmation(confirmationToken: string): Promise<void> {
  await db.confirmationToken.update({ where: { tokenHash: hashToken(confirmationToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
}
