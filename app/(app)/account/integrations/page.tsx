import type { Metadata } from "next";
import { ConnectAssistant } from "@/components/integrations/connect-assistant";
import { AppConnectionGroups } from "@/components/integrations/app-connection-groups";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { findRevokedConnection } from "@/lib/domain/connections/find-revoked-connection";
import { listUserAppConnections } from "@/lib/domain/connections/list-user-connections";
import { findRevokedApp } from "@/lib/domain/connections/revoke-own-app-connections";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { env } from "@/lib/env";
import { param, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { revokeOwnAppConnectionsAction, revokeOwnConnectionAction } from "./actions";

export const metadata: Metadata = { title: "Integrations" };

export default async function AccountIntegrationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/account/integrations");
  const query = await searchParams;
  const revokedId = param(query, "revoked");
  const revokedAppId = param(query, "revokedApp");
  const revoked = revokedId ? await findRevokedConnection(revokedId, { userId: user.id }) : null;
  const revokedApp = revokedAppId ? await findRevokedApp(user.id, revokedAppId) : null;
  const groups = await listUserAppConnections(user.id);
  const mcpUrl = protectedResource("mcp").url;

  return (
    <>
      <PageHeader
        title="Integrations"
        description="AI assistants and apps you have allowed into your workspaces. Each one sees only the workspace and the access you approved; revoke any of them at any time."
      />
      {revoked ? (
        <div className="mb-6">
          <Alert tone="success" testId="connection-revoked">
            {revoked.appName} no longer has access to {revoked.workspaceName}.
          </Alert>
        </div>
      ) : null}
      {revokedApp ? (
        <div className="mb-6">
          <Alert tone="success" testId="connection-revoked">
            {revokedApp.appName} no longer has access: every connection of it was revoked.
          </Alert>
        </div>
      ) : null}
      {groups.length ? (
        <div className="space-y-8">
          <AppConnectionGroups
            groups={groups}
            revokeAction={revokeOwnConnectionAction}
            revokeAllAction={revokeOwnAppConnectionsAction}
            idleDays={env.HOURBOOK_CONNECTION_IDLE_DAYS}
            timeZone={await viewerTimeZone()}
          />
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer font-medium text-slate-800">Connect another AI assistant</summary>
            <div className="mt-3">
              <ConnectAssistant mcpUrl={mcpUrl} title="Connect another AI assistant" />
            </div>
          </details>
        </div>
      ) : (
        <ConnectAssistant mcpUrl={mcpUrl} />
      )}
    </>
  );
}
