import type { Metadata } from "next";
import { EndpointList } from "@/components/developer-apps/endpoint-list";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { developerAppEndpoints } from "@/lib/oauth/metadata";

export const metadata: Metadata = { title: "Build on Hourbook" };

/** The `service_documentation` of the authorization server metadata: endpoints and how to start. */
export default async function DevelopersPage() {
  await requireUser();
  const endpoints = developerAppEndpoints();
  return (
    <>
      <PageHeader
        title="Build on Hourbook"
        description="Hourbook is an OAuth 2.1 authorization server for two resources: the REST API and the MCP server for AI assistants."
        actions={<ButtonLink href="/developers/apps">Your developer apps</ButtonLink>}
      />
      <div className="space-y-6">
        <Card title="How a connection works">
          <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
            <li>Register a developer app to get a client ID (and, for a confidential app, a secret shown once).</li>
            <li>
              Send the person to the authorization endpoint with PKCE (S256), your redirect URI, the scopes you need and the <code>resource</code> you want a
              token for. They choose one workspace and approve some or all of it.
            </li>
            <li>Exchange the code at the token endpoint; access tokens last 15 minutes and refresh tokens rotate on every use.</li>
            <li>People can revoke the connection at any time under Account → Integrations, and workspace admins can too.</li>
          </ol>
          <p className="mt-3 text-sm text-slate-500">
            AI assistants that support MCP authorization need no app: they discover everything from the MCP server&apos;s URL and register themselves.
          </p>
        </Card>
        <Card title="Endpoints">
          <EndpointList
            items={[
              { label: "Issuer", url: endpoints.issuer },
              { label: "Authorization server metadata", url: endpoints.metadata, hint: "RFC 8414" },
              { label: "Authorization endpoint", url: endpoints.authorization },
              { label: "Token endpoint", url: endpoints.token },
              { label: "Revocation endpoint", url: endpoints.revocation },
              ...endpoints.resources.flatMap((r) => [
                { label: r.label, url: r.url, hint: "Resource and token audience" },
                { label: `${r.label} metadata`, url: r.metadataUrl, hint: "RFC 9728" },
              ]),
            ]}
          />
        </Card>
      </div>
    </>
  );
}
