import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeSample } from "@/components/developer-apps/code-sample";
import { CopyButton } from "@/components/ui/copy-button";
import { DeleteAppPanel } from "@/components/developer-apps/delete-app-panel";
import { EndpointList } from "@/components/developer-apps/endpoint-list";
import { RotateSecretPanel } from "@/components/developer-apps/rotate-secret-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { When } from "@/components/integrations/when";
import { requireUser } from "@/lib/auth/session";
import { buildQuickstarts } from "@/lib/domain/developer-apps/build-quickstart";
import { getDeveloperApp } from "@/lib/domain/developer-apps/get-developer-app";
import { describeScopesByArea } from "@/lib/domain/integrations/scope-descriptions";
import { developerAppEndpoints } from "@/lib/oauth/metadata";
import { attempt } from "@/lib/web/domain-result";
import { param, type SearchParams } from "@/lib/web/search-params";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { deleteDeveloperAppAction, rotateDeveloperAppSecretAction } from "../actions";

export const metadata: Metadata = { title: "Developer app" };

const AUTH_METHODS = {
  none: "none — a public client: client_id in the form body, no secret",
  client_secret_basic: "client_secret_basic — HTTP Basic header with client ID and secret",
  client_secret_post: "client_secret_post — client_id and client_secret in the form body",
} as const;

export default async function DeveloperAppPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requireUser();
  const found = await attempt(() => getDeveloperApp(user, id));
  if (!found.ok) notFound();
  const app = found.value;
  const endpoints = developerAppEndpoints(app.resources);
  const quickstarts = buildQuickstarts(app, endpoints);
  const confidential = app.clientType === "confidential";
  const timeZone = await viewerTimeZone();

  return (
    <>
      <PageHeader
        title={app.name}
        description={
          <>
            <Badge tone={confidential ? "indigo" : "gray"}>{confidential ? "Confidential" : "Public"}</Badge>{" "}
            <span>
              Created <When at={app.createdAt} timeZone={timeZone} /> · {app.liveConnections} live connection{app.liveConnections === 1 ? "" : "s"}
            </span>
          </>
        }
        actions={
          <>
            <ButtonLink variant="secondary" href="/developers/apps">
              All apps
            </ButtonLink>
            <ButtonLink href={`/developers/apps/${app.id}/edit`}>Edit app</ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        {param(query, "created") ? (
          <Alert tone="success" testId="app-created">
            {app.name} is created. As a public app it has no secret: it proves itself with PKCE on every authorization.
          </Alert>
        ) : null}
        {param(query, "saved") ? (
          <Alert tone="success" testId="app-saved">
            {app.name} is saved. New authorizations use these settings.
          </Alert>
        ) : null}

        <Card title="Credentials">
          <dl className="divide-y divide-slate-100">
            <Row label="Client ID">
              <code className="break-all font-mono text-xs text-slate-800" data-testid="client-id">
                {app.id}
              </code>
              <CopyButton value={app.id} label="Copy client ID" />
            </Row>
            <Row label="Client authentication">
              <span className="text-sm text-slate-700">{AUTH_METHODS[app.tokenEndpointAuthMethod]}</span>
            </Row>
            {confidential ? (
              <Row label="Client secret">
                <div className="w-full space-y-3">
                  <p className="text-sm text-slate-700">
                    {app.secretIssuedAt ? (
                      <>
                        Issued <When at={app.secretIssuedAt} timeZone={timeZone} />.{" "}
                      </>
                    ) : null}Only a hash is kept, so it cannot be shown again; rotate it if
                    it is lost or may have leaked.
                  </p>
                  <RotateSecretPanel appName={app.name} action={rotateDeveloperAppSecretAction.bind(null, app.id)} />
                </div>
              </Row>
            ) : null}
          </dl>
        </Card>

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card title="Redirect URIs" description="Authorization responses go only to these exactly as written (on http://127.0.0.1 and http://[::1], any port matches).">
            <ul className="space-y-1">
              {app.redirectUris.map((uri) => (
                <li key={uri}>
                  <code className="break-all font-mono text-xs text-slate-800">{uri}</code>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Resources and scopes" description="The most the app may ask for; people approve some or all of it.">
            <p className="text-sm text-slate-700">
              {endpoints.resources.map((r) => r.label).join(" and ")}
            </p>
            <div className="mt-3 space-y-3">
              {describeScopesByArea(app.scopes).map((group) => (
                <div key={group.area}>
                  <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.area}</p>
                  <ul className="mt-1 space-y-0.5">
                    {group.items.map((item) => (
                      <li key={item.scope} className="text-sm text-slate-800">
                        {item.text} <span className="font-mono text-xs text-slate-500">{item.scope}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </Card>
        </div>

        <Card title="Endpoints">
          <EndpointList
            items={[
              { label: "Authorization endpoint", url: endpoints.authorization },
              { label: "Token endpoint", url: endpoints.token },
              { label: "Revocation endpoint", url: endpoints.revocation },
              { label: "Authorization server metadata", url: endpoints.metadata, hint: "RFC 8414" },
              ...endpoints.resources.flatMap((r) => [
                { label: `${r.label}: resource`, url: r.url, hint: "The resource parameter and the token audience" },
                { label: `${r.label}: metadata`, url: r.metadataUrl, hint: "RFC 9728" },
              ]),
            ]}
          />
        </Card>

        <Card
          title="Try it: authorization code with PKCE"
          description="Filled in with this app's values. Each authorization is for one resource; approve it for a workspace, exchange the code, then call with the access token."
        >
          <div className="space-y-6">
            {quickstarts.map((q, index) => (
              <details key={q.resource} open={index === 0} className="group">
                <summary className="cursor-pointer text-sm font-semibold text-slate-900">
                  {q.label} <span className="font-normal text-slate-500">· scope {q.scope}</span>
                </summary>
                <div className="mt-3 space-y-5">
                  <CodeSample title={`${q.label} with curl`} language="bash" code={q.curl} />
                  <CodeSample title={`${q.label} in TypeScript`} language="TypeScript, Node 20+" code={q.typescript} />
                </div>
              </details>
            ))}
          </div>
        </Card>

        <Card title="Delete app" description="Ends every connection people made with it.">
          <DeleteAppPanel appName={app.name} liveConnections={app.liveConnections} action={deleteDeveloperAppAction.bind(null, app.id)} />
        </Card>
      </div>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2">{children}</dd>
    </div>
  );
}
