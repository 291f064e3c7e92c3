/**
 * The user's answer on the consent page. Approving creates the grant (replacing an older
 * one for the same client and workspace) and a single-use code; denying answers
 * `access_denied`. Either way the held request is answered exactly once.
 */
import { db, type DbTx } from "@/lib/db";
import { issuer } from "@/lib/domain/integrations/resources";
import { formatScope, withConsistentDependencies, type Scope } from "@/lib/domain/integrations/scopes";
import { clientFacts } from "../clients/client-facts";
import { findClient } from "../clients/find-client";
import { effectiveAccess, usableCapabilities } from "../effective-access";
import { accessDenied } from "../errors";
import { createGrant } from "../grants";
import { AUTHORIZATION_CODE_TTL_SECONDS } from "../lifetimes";
import { parseScope } from "../scopes";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";
import { authorizationErrorUrl } from "./answer-authorization-error";
import { authorizationResponseUrl } from "./authorization-request";
import { ConsentError } from "./consent-errors";
import { findHeldRequest, responseTargetOf } from "./hold-authorization-request";
import { listWorkspaceChoices } from "./workspace-choices";

export interface Approval {
  requestId: string;
  userId: string;
  workspaceId: string | undefined;
  /** The scopes left ticked on the page; only requested ones count. */
  selectedScopes: string[];
}

/** Returns the URL to send the browser to: the client's redirect URI with code, state and iss. */
export async function approveAuthorization(approval: Approval): Promise<string> {
  if (!approval.workspaceId) throw new ConsentError("choose_workspace");
  const workspaceId = approval.workspaceId;
  // Everything that reads elsewhere (a metadata document fetch, the workspace facts) happens
  // before the write transaction, which then only claims the request and writes.
  const held = await findHeldRequest(approval.requestId, approval.userId);
  if (!held) throw new ConsentError("stale_request");
  const client = await findClient(held.clientId);
  if (!client) throw new ConsentError("client_gone");
  const requested = parseScope(held.scope);
  const choice = (await listWorkspaceChoices(approval.userId, client, requested)).find((w) => w.id === workspaceId);
  if (!choice) throw new ConsentError("not_a_member");
  if (choice.reason) throw new ConsentError("workspace_ineligible");

  // What is left ticked, as the workspace's policy caps it: the same answer the page showed.
  const selected = requested.filter((s) => approval.selectedScopes.includes(s));
  const access = effectiveAccess({ scopes: withConsistentDependencies(selected), role: choice.role, workspace: choice.facts, client: clientFacts(client) });
  const scopes: Scope[] = access.scopes;
  if (scopes.length === 0) throw new ConsentError("no_scopes");
  if (usableCapabilities(access).length === 0) throw new ConsentError("nothing_usable");

  return db.$transaction(async (tx) => {
    await holdActiveUser(tx, approval.userId);
    await claimHeldRequest(tx, approval.requestId, approval.userId);
    const grantId = await createGrant(tx, {
      userId: approval.userId,
      clientId: client.id,
      workspaceId,
      resource: held.resource,
      scope: formatScope(scopes),
    });
    const code = newOpaqueToken(PREFIX.code);
    await tx.oAuthAuthorizationCode.create({
      data: {
        codeHash: hashToken(code),
        grantId,
        redirectUri: held.redirectUri,
        redirectUriSent: held.redirectUriSent,
        codeChallenge: held.codeChallenge,
        resource: held.resource,
        scope: formatScope(scopes),
        expiresAt: new Date(Date.now() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
      },
    });
    return authorizationResponseUrl(held.redirectUri, issuer(), { code, state: held.state ?? undefined });
  });
}

export async function denyAuthorization(requestId: string, userId: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const held = await claimHeldRequest(tx, requestId, userId);
    return authorizationErrorUrl(accessDenied("The user denied the request."), responseTargetOf(held));
  });
}

/**
 * Holds the user's row for the rest of the transaction, and refuses an account no longer active.
 * Disabling an account takes the same row first and then ends the user's grants, so an approval
 * racing it either sees the account disabled here, or makes its grant before the disabling
 * transaction lists the grants to end (PostgreSQL's row lock orders the two; SQLite has one
 * writer). Without it, a grant made in between outlived the disabling.
 */
async function holdActiveUser(tx: DbTx, userId: string) {
  const { count } = await tx.user.updateMany({ where: { id: userId, status: "active" }, data: { status: "active" } });
  if (count !== 1) throw new ConsentError("stale_request");
}

/** Marks the request answered; a second answer (double submit, replay) finds nothing to claim. */
async function claimHeldRequest(tx: DbTx, requestId: string, userId: string) {
  const now = new Date();
  const { count } = await tx.oAuthAuthorizationRequest.updateMany({
    where: { id: requestId, userId, decidedAt: null, expiresAt: { gt: now } },
    data: { decidedAt: now },
  });
  if (count !== 1) throw new ConsentError("stale_request");
  return tx.oAuthAuthorizationRequest.findUniqueOrThrow({ where: { id: requestId } });
}
