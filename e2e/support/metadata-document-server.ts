/**
 * A Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document §3) served over
 * https from 127.0.0.1 with the test certificate. The server under test fetches it because
 * it runs with HOURBOOK_ALLOW_LOOPBACK_METADATA=1 and trusts the certificate through
 * NODE_EXTRA_CA_CERTS (see playwright.config.ts).
 */
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { testCertificatePaths } from "./tls-certificate";

export interface MetadataDocumentServer {
  /** The Client Identifier URL: the document's own address, and its client_id. */
  clientId: string;
  /** How often the document was fetched (by the server under test). */
  fetches(): number;
  close(): Promise<void>;
}

export const METADATA_DOCUMENT_PATH = "/clients/hourbook-e2e.json";

/** Serves `document` (client_id filled in) at https://127.0.0.1:<free port>/clients/hourbook-e2e.json. */
export async function startMetadataDocumentServer(document: Record<string, unknown>): Promise<MetadataDocumentServer> {
  const { certPath, keyPath } = testCertificatePaths();
  let fetches = 0;
  let clientId = "";
  const server = https.createServer({ cert: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) }, (request, response) => {
    if (request.method !== "GET" || request.url !== METADATA_DOCUMENT_PATH) {
      response.writeHead(404).end();
      return;
    }
    fetches += 1;
    response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "max-age=300" });
    response.end(JSON.stringify({ ...document, client_id: clientId }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  clientId = `https://127.0.0.1:${(server.address() as AddressInfo).port}${METADATA_DOCUMENT_PATH}`;
  return {
    clientId,
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
