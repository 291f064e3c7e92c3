/**
 * Mints Ada's connections to Lovelace Studio straight through lib code, for specs that run a
 * server of their own on another data folder (the OAuth flow itself is covered elsewhere): one
 * public client, a grant for the MCP server with its access and refresh tokens, and a grant
 * for the REST API with its access token. Prints them as JSON on stdout.
 *
 * Run with the server's environment (HOURBOOK_DATA_DIR, DATABASE_URL, APP_URL and the secrets):
 *   tsx --conditions=react-server e2e/support/mint-connection.ts
 */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { issueAccessToken } from "@/lib/oauth/access-token";
import { createGrant } from "@/lib/oauth/grants";
import { newOpaqueToken, PREFIX } from "@/lib/oauth/secrets";
import { storeRefreshToken } from "@/lib/oauth/token/token-pair";

export interface MintedConnection {
  clientId: string;
  mcpAccessToken: string;
  mcpRefreshToken: string;
  apiAccessToken: string;
}

const SCOPE = "hourbook:read hourbook:write";

async function main() {
  const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "lovelace-studio" } });
  const client = await db.oAuthClient.create({
    data: { id: `e2e-${randomBytes(6).toString("hex")}`, kind: "dynamic", name: "Storage E2E", redirectUris: ["http://127.0.0.1:47291/callback"], tokenEndpointAuthMethod: "none" },
  });
  const subject = { userId: ada.id, clientId: client.id, workspaceId: workspace.id, scope: SCOPE };
  const mcpGrant = await db.$transaction((tx) => createGrant(tx, { ...subject, resource: `${env.APP_URL}/mcp` }));
  const apiGrant = await db.$transaction((tx) => createGrant(tx, { ...subject, resource: `${env.APP_URL}/api` }));
  const mcpRefreshToken = newOpaqueToken(PREFIX.refreshToken);
  await db.$transaction((tx) => storeRefreshToken(tx, mcpGrant, mcpRefreshToken, SCOPE));
  const minted: MintedConnection = {
    clientId: client.id,
    mcpAccessToken: (await issueAccessToken({ ...subject, grantId: mcpGrant, resource: "mcp" })).token,
    mcpRefreshToken,
    apiAccessToken: (await issueAccessToken({ ...subject, grantId: apiGrant, resource: "api" })).token,
  };
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(minted)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
