/** A developer app as its owner sees it on /developers/apps. */
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { isScope, orderScopes, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import type { OAuthClient } from "@/lib/generated/prisma/client";
import type { TokenEndpointAuthMethod } from "@/lib/generated/prisma/enums";

export type ClientType = "public" | "confidential";

export interface DeveloperAppSummary {
  /** The client_id. */
  id: string;
  name: string;
  clientType: ClientType;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  resources: ResourceKind[];
  createdAt: Date;
  /** Grants (of any user) not revoked. */
  liveConnections: number;
}

export interface DeveloperApp extends DeveloperAppSummary {
  redirectUris: string[];
  scopes: Scope[];
  secretIssuedAt: Date | null;
}

const StringList = z.array(z.string());
const ResourceList = z.array(z.enum(["api", "mcp"]));

/** Every query of a developer app: its id, its kind and its owner, so another user's app is a miss. */
export function ownedAppWhere(owner: { id: string }, appId: string) {
  return { id: appId, kind: "developer_app" as const, ownerUserId: owner.id };
}

export function ownedAppsWhere(owner: { id: string }) {
  return { kind: "developer_app" as const, ownerUserId: owner.id };
}

/** Counts a client's live grants alongside the row. */
export const LIVE_CONNECTIONS = { _count: { select: { grants: { where: { revokedAt: null } } } } } as const;

export function developerAppNotFound(): DomainError {
  return new DomainError("not_found", "This developer app was not found among your apps.");
}

export function toDeveloperApp(row: OAuthClient & { _count: { grants: number } }): DeveloperApp {
  return {
    id: row.id,
    name: row.name,
    clientType: row.tokenEndpointAuthMethod === "none" ? "public" : "confidential",
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    resources: row.allowedResources === null ? ["api", "mcp"] : ResourceList.parse(row.allowedResources),
    createdAt: row.createdAt,
    liveConnections: row._count.grants,
    redirectUris: StringList.parse(row.redirectUris),
    scopes: orderScopes((row.allowedScopes ?? "").split(" ").filter(isScope)),
    secretIssuedAt: row.secretIssuedAt,
  };
}
