/** A client as the authorization server sees it, whatever way it came to be known. */
import { z } from "zod";
import type { ResourceKind, Scope } from "@/lib/domain/integrations/scopes";
import type { OAuthClient } from "@/lib/generated/prisma/client";
import type { OAuthClientKind, TokenEndpointAuthMethod } from "@/lib/generated/prisma/enums";
import { parseScope } from "../scopes";

export interface RegisteredClient {
  id: string;
  kind: OAuthClientKind;
  name: string;
  clientUri: string | null;
  logoUri: string | null;
  redirectUris: string[];
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** null: any scope the resource offers. */
  allowedScopes: Scope[] | null;
  /** null: both resources. */
  allowedResources: ResourceKind[] | null;
  ownerUserId: string | null;
  secretHash: string | null;
}

const StringList = z.array(z.string());
const ResourceList = z.array(z.enum(["mcp", "api"]));

export function toRegisteredClient(row: OAuthClient): RegisteredClient {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    clientUri: row.clientUri,
    logoUri: row.logoUri,
    redirectUris: StringList.parse(row.redirectUris),
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    allowedScopes: row.allowedScopes === null ? null : parseScope(row.allowedScopes),
    allowedResources: row.allowedResources === null ? null : ResourceList.parse(row.allowedResources),
    ownerUserId: row.ownerUserId,
    secretHash: row.secretHash,
  };
}
