/** Everything the consent page shows about a held authorization request. */
import { describeClientOrigin } from "@/lib/domain/connections/describe-client-origin";
import { resolveResource } from "@/lib/domain/integrations/resources";
import { describeScopesByArea, type ScopeDescription } from "@/lib/domain/integrations/scope-descriptions";
import type { Scope } from "@/lib/domain/integrations/scopes";
import type { OAuthAuthorizationRequest } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { findClient } from "../clients/find-client";
import { allRedirectsAreLocal } from "../redirect-uri";
import { parseScope } from "../scopes";
import { describeWorkspaceAccess, type WorkspaceAccessView } from "./describe-workspace-access";
import { findHeldRequest } from "./hold-authorization-request";
import { listWorkspaceChoices } from "./workspace-choices";

/** One workspace radio: what the app could do there, or why it cannot be chosen. */
export interface ConsentWorkspace {
  id: string;
  name: string;
  role: Role;
  /** Why it cannot be chosen, or null. */
  reason: string | null;
  access: WorkspaceAccessView;
}

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
  /** The requested scopes to show ticked. */
  tickedScopes: Scope[];
  workspaces: ConsentWorkspace[];
  /** The workspace shown chosen: the one asked for when it can be chosen, else the first that can. */
  selectedWorkspaceId: string | undefined;
  /**
   * The original /oauth/authorize URL (a path), to start over after switching account: the
   * held request belongs to this user, so another user needs a request of their own.
   */
  restartUrl: string;
}

/**
 * What the page asks for beside the request id, from its query. Only a display choice: the
 * decision re-checks everything, so an unknown or ineligible workspace is simply not chosen.
 */
export interface ConsentDisplayChoice {
  workspaceId?: string;
  /** The scopes left ticked before a re-render without JavaScript; absent: all requested. */
  tickedScopes?: readonly string[];
}

export async function loadConsentView(requestId: string, userId: string, choice: ConsentDisplayChoice = {}): Promise<ConsentView | null> {
  const held = await findHeldRequest(requestId, userId);
  if (!held) return null;
  const client = await findClient(held.clientId);
  const resource = resolveResource(held.resource);
  if (!client || !resource) return null;
  const requested = parseScope(held.scope);
  const workspaces = (await listWorkspaceChoices(userId, client, requested)).map(
    (w): ConsentWorkspace => ({ id: w.id, name: w.name, role: w.role, reason: w.reason, access: describeWorkspaceAccess(w.access, w.name) }),
  );
  const eligible = workspaces.filter((w) => !w.reason);
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
    scopeGroups: describeScopesByArea(requested),
    tickedScopes: choice.tickedScopes ? requested.filter((s) => choice.tickedScopes?.includes(s)) : requested,
    workspaces,
    selectedWorkspaceId: (eligible.find((w) => w.id === choice.workspaceId) ?? eligible[0])?.id,
    restartUrl: restartUrl(held),
  };
}

function restartUrl(held: OAuthAuthorizationRequest): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: held.clientId,
    redirect_uri: held.redirectUri,
    scope: held.scope,
    resource: held.resource,
    code_challenge: held.codeChallenge,
    // The only method accepted (../pkce.ts), so the only one a held request can have come with.
    code_challenge_method: "S256",
  });
  if (held.state !== null) query.set("state", held.state);
  return `/oauth/authorize?${query}`;
}
