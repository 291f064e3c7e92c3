import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeveloperAppForm } from "@/components/developer-apps/developer-app-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getDeveloperApp } from "@/lib/domain/developer-apps/get-developer-app";
import { developerAppResourceChoices, developerAppScopeChoices } from "@/lib/domain/developer-apps/scope-choices";
import { attempt } from "@/lib/web/domain-result";
import { updateDeveloperAppAction } from "../../actions";

export const metadata: Metadata = { title: "Edit developer app" };

export default async function EditDeveloperAppPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const found = await attempt(() => getDeveloperApp(user, id));
  if (!found.ok) notFound();
  const app = found.value;

  return (
    <>
      <PageHeader title={`Edit ${app.name}`} description="Name, redirect URIs and allowed scopes. New authorizations use the changes; existing connections keep what was approved." />
      <Card>
        <DeveloperAppForm
          mode="edit"
          action={updateDeveloperAppAction.bind(null, app.id)}
          values={{
            name: app.name,
            clientType: app.clientType,
            tokenEndpointAuthMethod: app.tokenEndpointAuthMethod === "client_secret_post" ? "client_secret_post" : "client_secret_basic",
            redirectUris: app.redirectUris.join("\n"),
            resources: app.resources,
            scopes: app.scopes,
          }}
          scopeGroups={developerAppScopeChoices()}
          resourceChoices={developerAppResourceChoices()}
          cancelHref={`/developers/apps/${app.id}`}
          submitLabel="Save app"
        />
      </Card>
    </>
  );
}
