import { db } from "@/lib/db";
import { isMetadataDocumentClientId, resolveMetadataDocumentClient } from "./client-metadata-document";
import { toRegisteredClient, type RegisteredClient } from "./registered-client";

/**
 * Looks a client up by client_id. An https URL client_id is a Client ID Metadata Document:
 * it is fetched (or taken from cache) and must describe itself. Unknown: null.
 */
export async function findClient(clientId: string): Promise<RegisteredClient | null> {
  if (isMetadataDocumentClientId(clientId)) return resolveMetadataDocumentClient(clientId);
  const row = await db.oAuthClient.findUnique({ where: { id: clientId } });
  if (!row || (row.expiresAt && row.expiresAt < new Date() && row.kind === "dynamic")) return null;
  return toRegisteredClient(row);
}
