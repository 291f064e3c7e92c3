import type { OAuthClientKind } from "@/lib/generated/prisma/enums";

/** Where a client comes from, in words for the consent and Integrations pages. */
export function describeClientOrigin(client: { kind: OAuthClientKind; id: string }): string {
  if (client.kind === "metadata_document") return new URL(client.id).host;
  if (client.kind === "developer_app") return "Developer app";
  return "Registered dynamically — not verified";
}
