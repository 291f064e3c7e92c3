/**
 * Changes who and what may connect to the workspace: API/MCP access on or off, which kinds
 * of apps (any, developer apps only, an allowlist of client hosts) and the highest access a
 * connection gets, and which consequential operations wait for the person's approval in Hourbook.
 * Owners and admins. Every MCP and REST request reads these afresh
 * (lib/oauth/protected-resource/resolve-connection.ts), so a tightening bites on the next request.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent, type FieldChange } from "@/lib/domain/audit/record-audit-event";
import {
  APPROVAL_OPERATION_NAMES,
  describeApprovalOperations,
  formatApprovalOperations,
  parseApprovalOperations,
} from "@/lib/domain/approvals/approval-operations";
import { parseInput, workspaceNotFound } from "@/lib/domain/errors";
import { ACCESS_LEVEL_WORDS } from "@/lib/domain/integrations/access-words";
import { getIntegrationPolicy, type IntegrationPolicyView } from "./get-integration-policy";

export const CLIENT_POLICY_WORDS = { any: "any app", developer_apps: "developer apps only", allowlist: "listed hosts only" } as const;

const MAX_HOSTS = 50;
// A DNS name (letters, digits, hyphens; labels up to 63), an IPv4 address, or a bracketed IPv6 one.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

const isHost = (h: string) => HOSTNAME.test(h) || IPV6.test(h);

const Hosts = z
  .array(z.string().trim().toLowerCase())
  .transform((hosts) => [...new Set(hosts.filter(Boolean))])
  .superRefine((hosts, ctx) => {
    const bad = hosts.filter((h) => !isHost(h));
    if (bad.length) {
      const quoted = bad.map((h) => `“${h}”`).join(", ");
      ctx.addIssue({ code: "custom", message: `${quoted} ${bad.length > 1 ? "are not host names" : "is not a host name"}: write each like claude.ai, without https:// or a path` });
    } else if (hosts.length > MAX_HOSTS) {
      ctx.addIssue({ code: "custom", message: `must list at most ${MAX_HOSTS} hosts` });
    }
  });

export const UpdateIntegrationPolicyInput = z
  .object({
    publicApiAccess: z.boolean(),
    clientPolicy: z.enum(["any", "developer_apps", "allowlist"], "must be any, developer_apps or allowlist"),
    allowedHosts: Hosts,
    maxAccess: z.enum(["read", "write", "admin"], "must be read, write or admin"),
    /** Left out: unchanged. */
    approvalOperations: z.array(z.enum(APPROVAL_OPERATION_NAMES, `must be among ${APPROVAL_OPERATION_NAMES.join(", ")}`)).optional(),
  })
  .refine((p) => p.clientPolicy !== "allowlist" || p.allowedHosts.length > 0, {
    path: ["allowedHosts"],
    error: "must list at least one host when only listed hosts may connect",
  });

export async function updateIntegrationPolicy(actor: Actor, input: z.input<typeof UpdateIntegrationPolicyInput>): Promise<{ policy: IntegrationPolicyView; changes: FieldChange[] }> {
  assertCan(actor, "members:manage", "change the integration policy");
  const next = parseInput(UpdateIntegrationPolicyInput, input);
  const changes = await db.$transaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: actor.workspaceId } });
    if (!current) throw workspaceNotFound();
    const currentHosts = z.array(z.string()).catch([]).parse(current.integrationAllowedHosts);
    const diff: FieldChange[] = [];
    if (current.publicApiAccess !== next.publicApiAccess) diff.push({ field: "API and AI assistant access", from: onOff(current.publicApiAccess), to: onOff(next.publicApiAccess) });
    if (current.integrationClientPolicy !== next.clientPolicy) diff.push({ field: "Apps that may connect", from: CLIENT_POLICY_WORDS[current.integrationClientPolicy], to: CLIENT_POLICY_WORDS[next.clientPolicy] });
    if (currentHosts.join(" ") !== next.allowedHosts.join(" ")) diff.push({ field: "Allowed hosts", from: hostList(currentHosts), to: hostList(next.allowedHosts) });
    if (current.integrationMaxAccess !== next.maxAccess) diff.push({ field: "Highest access", from: ACCESS_LEVEL_WORDS[current.integrationMaxAccess], to: ACCESS_LEVEL_WORDS[next.maxAccess] });
    const currentApprovals = parseApprovalOperations(current.integrationApprovalOperations);
    const nextApprovals = next.approvalOperations ? parseApprovalOperations(next.approvalOperations.join(" ")) : currentApprovals;
    if (currentApprovals.join(" ") !== nextApprovals.join(" ")) {
      diff.push({ field: "Approval in Hourbook", from: describeApprovalOperations(currentApprovals), to: describeApprovalOperations(nextApprovals) });
    }
    if (diff.length === 0) return diff;
    await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: {
        publicApiAccess: next.publicApiAccess,
        integrationClientPolicy: next.clientPolicy,
        integrationAllowedHosts: next.allowedHosts,
        integrationMaxAccess: next.maxAccess,
        integrationApprovalOperations: formatApprovalOperations(nextApprovals),
      },
    });
    await recordAuditEvent({ type: "policy.changed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { changes: diff.map((c) => ({ ...c })) } }, tx);
    return diff;
  });
  return { policy: await getIntegrationPolicy(actor), changes };
}

/** Turns the allowlist textarea (one host per line, commas tolerated) into a list. */
export function splitHostList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((h) => h.trim())
    .filter(Boolean);
}

const onOff = (on: boolean) => (on ? "on" : "off");
const hostList = (hosts: readonly string[]) => (hosts.length ? hosts.join(", ") : "none");
