import type { Metadata } from "next";
import { ConnectAssistant } from "@/components/integrations/connect-assistant";
import { ConnectionList } from "@/components/integrations/connection-list";
import { PolicyForm } from "@/components/settings/policy-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { findRevokedConnection } from "@/lib/domain/connections/find-revoked-connection";
import { listWorkspaceConnections } from "@/lib/domain/connections/list-workspace-connections";
import { REFUSAL_MESSAGES } from "@/lib/domain/integrations/integration-access";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { getIntegrationPolicy } from "@/lib/domain/workspaces/get-integration-policy";
import { attempt } from "@/lib/web/domain-result";
import { param, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { revokeWorkspaceConnectionAction, updatePolicyAction } from "../actions";

export const metadata: Metadata = { title: "Integrations · Settings" };

export default async function WorkspaceIntegrationsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const revokedId = param(await searchParams, "revoked");

  const result = await attempt(() => Promise.all([listWorkspaceConnections(actor), getIntegrationPolicy(actor)]));
  if (!result.ok) return <RefusedNotice title="Integrations are for owners and admins" message={result.error.message} />;
  const [connections, policy] = result.value;
  const revoked = revokedId ? await findRevokedConnection(revokedId, { actor }) : null;
  const blocked =
    policy.plan === "free" ? REFUSAL_MESSAGES.plan_without_api : policy.billingState === "canceled" ? REFUSAL_MESSAGES.billing_canceled : null;

  return (
    <div className="space-y-8">
      {revoked ? (
        <Alert tone="success" testId="connection-revoked">
          {revoked.appName} no longer has access to {revoked.workspaceName} for {revoked.memberName}.
        </Alert>
      ) : null}
      <section aria-labelledby="connections-heading" className="space-y-4">
        <div>
          <h2 id="connections-heading" className="text-lg font-semibold text-slate-900">
            Connected apps
          </h2>
          <p className="text-sm text-slate-500">Every AI assistant and app any member has connected to {workspace.name}. Revoking one stops it on its next request.</p>
        </div>
        {blocked ? <Alert tone="warning" title="Connections are refused right now">{blocked} See Billing.</Alert> : null}
        {connections.length ? (
          <ConnectionList
            connections={connections}
            revokeAction={revokeWorkspaceConnectionAction.bind(null, slug)}
            showMember
            timeZone={await viewerTimeZone(workspace.timeZone)}
            label={`Apps connected to ${workspace.name}`}
          />
        ) : (
          <ConnectAssistant mcpUrl={protectedResource("mcp").url} title="No member has connected an app yet" />
        )}
      </section>

      <Card title="Integration policy" description="Applies to new approvals and to every existing connection from its next request.">
        <PolicyForm
          action={updatePolicyAction.bind(null, slug)}
          values={{ publicApiAccess: policy.publicApiAccess, clientPolicy: policy.clientPolicy, allowedHosts: policy.allowedHosts, maxAccess: policy.maxAccess, approvalOperations: policy.approvalOperations }}
        />
      </Card>
    </div>
  );
}
