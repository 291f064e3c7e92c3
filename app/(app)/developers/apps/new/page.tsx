import type { Metadata } from "next";
import { DeveloperAppForm } from "@/components/developer-apps/developer-app-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { developerAppResourceChoices, developerAppScopeChoices } from "@/lib/domain/developer-apps/scope-choices";
import { createDeveloperAppAction } from "../actions";

export const metadata: Metadata = { title: "New developer app" };

export default async function NewDeveloperAppPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="New developer app" description="A client of Hourbook's authorization server. People approve it for one workspace at a time, and can revoke it." />
      <Card>
        <DeveloperAppForm
          mode="create"
          action={createDeveloperAppAction}
          values={{ name: "", clientType: "confidential", tokenEndpointAuthMethod: "client_secret_basic", redirectUris: "", resources: ["api"], scopes: ["hourbook:read"] }}
          scopeGroups={developerAppScopeChoices()}
          resourceChoices={developerAppResourceChoices()}
          cancelHref="/developers/apps"
          submitLabel="Create app"
        />
      </Card>
    </>
  );
}
