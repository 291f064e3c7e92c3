/**
 * The URLs a developer app talks to, as the developer pages and quickstarts show them; read
 * from the discovery documents by lib/oauth/metadata.ts (developerAppEndpoints).
 */
import type { ProtectedResource } from "@/lib/domain/integrations/resources";

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
