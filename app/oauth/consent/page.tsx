import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Brand } from "@/components/brand";
import { Button } from "@/components/ui/button";
import { SwitchAccountLink } from "@/components/auth/switch-account-link";
import { ScopeChecklist } from "@/components/consent/scope-checklist";
import { WorkspaceAccess } from "@/components/consent/workspace-access";
import { requireUser } from "@/lib/auth/session";
import { scopeDependency, type Scope } from "@/lib/domain/integrations/scopes";
import { consentErrorMessage } from "@/lib/oauth/authorize/consent-errors";
import { loadConsentView } from "@/lib/oauth/authorize/consent-view";
import { param, paramList, type SearchParams } from "@/lib/web/search-params";

export const metadata: Metadata = { title: "Connect an app" };

export default async function ConsentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const requestId = param(query, "request") ?? "";
  // Only our own message for a code we know: the query string is anyone's to write.
  const error = consentErrorMessage(param(query, "error"));
  const user = await requireUser(`/oauth/consent?request=${encodeURIComponent(requestId)}`);
  // "Show access for this workspace" (no JavaScript) comes back here with the form's fields.
  const shown = param(query, "show") === "access";
  const view = requestId
    ? await loadConsentView(requestId, user.id, { workspaceId: param(query, "workspace_id"), tickedScopes: shown ? paramList(query, "scope") : undefined })
    : null;

  if (!view) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">This authorization request is no longer valid</h1>
        {error ? <Alert tone="error" testId="consent-error">{error}</Alert> : null}
        <p className="text-sm text-slate-600">It expired or was already answered. Go back to the app and connect again.</p>
      </Shell>
    );
  }

  const groups = view.scopeGroups.map((g) => ({
    area: g.area,
    items: g.items.map((i) => ({ scope: i.scope, text: i.text, needs: scopeDependency(i.scope as Scope) })),
  }));

  return (
    <Shell>
      <div>
        <p className="text-sm text-slate-500">
          Signed in as {user.email}. Not you? <SwitchAccountLink returnTo={view.restartUrl} />
        </p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight text-slate-900">Connect {view.clientName} to Hourbook?</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">From</dt>
          <dd className="text-slate-900">{view.clientOrigin}</dd>
          <dt className="text-slate-500">Sends you back to</dt>
          <dd className="font-mono text-slate-900">{view.redirectHost}</dd>
          <dt className="text-slate-500">Access to</dt>
          <dd className="text-slate-900">{view.resourceLabel}</dd>
        </dl>
      </div>
      {view.redirectsAreLocal ? (
        <Alert tone="warning" title="This app runs on your own computer">
          It only returns to localhost addresses. Approve only if you just started connecting it yourself.
        </Alert>
      ) : null}
      {view.clientKind === "dynamic" ? (
        <Alert tone="info">Hourbook has not verified who made this app; it registered itself. Check that you recognise it.</Alert>
      ) : null}
      {error ? <Alert tone="error" testId="consent-error">{error}</Alert> : null}

      <form method="post" action="/oauth/consent/decision" className="space-y-6">
        <input type="hidden" name="request" value={view.requestId} />
        <WorkspaceAccess workspaces={view.workspaces} defaultId={view.selectedWorkspaceId} clientName={view.clientName} />
        <section aria-labelledby="access-heading">
          <h2 id="access-heading" className="text-sm font-semibold text-slate-900">
            Permissions {view.clientName} asks for
          </h2>
          <p className="mb-3 text-xs text-slate-500">Untick anything you do not want to allow.</p>
          <ScopeChecklist groups={groups} initiallyTicked={view.tickedScopes} />
        </section>
        <div className="flex gap-3 border-t border-slate-100 pt-4">
          <Button type="submit" name="decision" value="approve" disabled={!view.selectedWorkspaceId}>
            Approve
          </Button>
          <Button type="submit" name="decision" value="deny" variant="secondary">
            Deny
          </Button>
        </div>
        <p className="text-xs text-slate-500">You can revoke this connection at any time from Account → Integrations.</p>
      </form>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-6 text-center">
          <Brand />
        </div>
        <div className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </main>
  );
}
