/** What a workspace's integration policy looks at in a client: how it came to be known, and its hosts. */
import type { ClientFacts } from "@/lib/domain/integrations/integration-access";
import type { RegisteredClient } from "./registered-client";

export function clientFacts(client: Pick<RegisteredClient, "kind" | "id" | "redirectUris">): ClientFacts {
  const hosts =
    client.kind === "metadata_document"
      ? [new URL(client.id).hostname]
      : [...new Set(client.redirectUris.map((u) => { try { return new URL(u).hostname; } catch { return ""; } }).filter(Boolean))];
  return { kind: client.kind, hosts };
}
