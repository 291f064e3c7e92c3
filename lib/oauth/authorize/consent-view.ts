/** Everything the consent page shows about a held authorization request. */
import { findClient } from "../clients/find-client";
import { describeClientOrigin } from "../clients/registered-client";
import { allRedirectsAreLocal } from "../redirect-uri";
import { resolveResource } from "../resources";
import { describeScopesByArea, type ScopeDescription } from "../scope-descriptions";
import { parseScope } from "../scopes";
import { findHeldRequest } from "./hold-authorization-request";
import { listWorkspaceChoices, type WorkspaceChoice } from "./workspace-choices";

export interface ConsentView {
  requestId: string;
  clientName: string;
  clientOrigin: string;
  clientKind: string;
  clientUri: string | null;
  redirectHost: string;
  redirectsAreLocal: boolean;
  resourceLabel: string;
  resourceUrl: string;
  scopeGroups: Array<{ area: string; items: ScopeDescription[] }>;
  workspaces: WorkspaceChoice[];
}

export async function loadConsentView(requestId: string, userId: string): Promise<ConsentView | null> {
  const held = await findHeldRequest(requestId, userId);
  if (!held) return null;
  const client = await findClient(held.clientId);
  const resource = resolveResource(held.resource);
  if (!client || !resource) return null;
  return {
    requestId,
    clientName: client.name,
    clientOrigin: describeClientOrigin(client),
    clientKind: client.kind,
    clientUri: client.clientUri,
    redirectHost: new URL(held.redirectUri).host || new URL(held.redirectUri).protocol,
    redirectsAreLocal: allRedirectsAreLocal(client.redirectUris),
    resourceLabel: resource.label,
    resourceUrl: resource.url,
    scopeGroups: describeScopesByArea(parseScope(held.scope)),
    workspaces: await listWorkspaceChoices(userId, client),
  };
}
