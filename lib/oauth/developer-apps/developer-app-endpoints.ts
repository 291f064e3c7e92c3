/** The URLs a developer app talks to, from the discovery documents (RFC 8414, RFC 9728). */
import { issuer, protectedResource, type ProtectedResource } from "@/lib/domain/integrations/resources";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import { authorizationServerMetadata } from "../metadata";

export interface DeveloperAppEndpoints {
  issuer: string;
  authorization: string;
  token: string;
  revocation: string;
  /** RFC 8414 §3: the authorization server metadata document. */
  metadata: string;
  /** The resources the app may ask tokens for, each with its RFC 9728 metadata URL. */
  resources: ProtectedResource[];
}

export function developerAppEndpoints(resources: readonly ResourceKind[] = ["api", "mcp"]): DeveloperAppEndpoints {
  const metadata = authorizationServerMetadata();
  return {
    issuer: issuer(),
    authorization: metadata.authorization_endpoint,
    token: metadata.token_endpoint,
    revocation: metadata.revocation_endpoint,
    metadata: `${issuer()}/.well-known/oauth-authorization-server`,
    resources: resources.map(protectedResource),
  };
}
