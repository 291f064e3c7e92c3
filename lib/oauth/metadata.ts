/**
 * Discovery documents: RFC 8414 authorization server metadata and RFC 9728 protected
 * resource metadata, built from the configured public URL only. Both advertise the DPoP proof
 * algorithms (RFC 9449 §5.1, RFC 9728 §2); DPoP is offered, never required.
 */
import type { DeveloperAppEndpoints } from "@/lib/domain/developer-apps/developer-app-endpoints";
import { protectedResource, issuer } from "@/lib/domain/integrations/resources";
import { scopesForResource, type ResourceKind } from "@/lib/domain/integrations/scopes";
import { DPOP_SIGNING_ALGS } from "./dpop/validate-dpop-proof";

export function authorizationServerMetadata() {
  const base = issuer();
  return {
    issuer: base,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    registration_endpoint: `${base}/oauth/register`,
    revocation_endpoint: `${base}/oauth/revoke`,
    jwks_uri: `${base}/oauth/jwks`,
    scopes_supported: scopesForResource("api"),
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    revocation_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
    dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS],
    service_documentation: `${base}/developers`,
  };
}

export function protectedResourceMetadata(kind: ResourceKind) {
  const resource = protectedResource(kind);
  return {
    resource: resource.url,
    resource_name: kind === "mcp" ? "Hourbook MCP server" : "Hourbook REST API",
    authorization_servers: [issuer()],
    scopes_supported: scopesForResource(kind),
    bearer_methods_supported: ["header"],
    dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS],
    dpop_bound_access_tokens_required: false,
    resource_documentation: `${issuer()}/developers`,
  };
}

/** The URLs a developer app talks to, in the words of the developer pages: the endpoints above (RFC 8414) and the resources (RFC 9728). */
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
