/**
 * The MCP SDK v2 client (`@modelcontextprotocol/client` 2.4) against /mcp, signing in through
 * the real sign-in and consent pages: negotiating MCP 2026-07-28 (`auto`), pinned to it, and in
 * legacy mode (2025-11-25) — one endpoint serves all three.
 */
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import type { Page } from "@playwright/test";
import { answerConsent, openConsent } from "./support/consent";
import { expect, test } from "./support/fixtures";
import { InMemoryOAuthClientProvider, recordingFetch, type RecordedRequest } from "./support/mcp-oauth-provider";
import { REDIRECT_URI } from "./support/oauth";

const CLIENT_NAME = "Hourbook E2E SDK v2 client";
type Mode = "auto" | "legacy" | { pin: string };

function browserProvider(page: Page) {
  return new InMemoryOAuthClientProvider({
    redirectUrl: REDIRECT_URI,
    clientMetadata: { client_name: CLIENT_NAME, redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" },
    onAuthorize: async (url) => {
      await openConsent(page, url, CLIENT_NAME);
      return answerConsent(page, { decision: "approve", workspace: "Lovelace Studio" });
    },
  });
}

const newClient = (mode: Mode) => new Client({ name: "hourbook-e2e-v2", version: "1.0.0" }, { versionNegotiation: { mode } });

/** The first connect meets the 401, the browser signs in and consents, the second connect uses the tokens. */
async function signInAndConnect(page: Page, serverUrl: URL, mode: Mode, log: RecordedRequest[]): Promise<Client> {
  const provider = browserProvider(page);
  const first = new StreamableHTTPClientTransport(serverUrl, { authProvider: provider, fetch: recordingFetch(log) });
  await expect(newClient(mode).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  expect(log[0]).toMatchObject({ method: "POST", url: serverUrl.toString(), status: 401 });
  expect(provider.authorizations).toHaveLength(1);
  // v2 checks the redirect's `iss` (RFC 9207) before redeeming the code: hand it the whole callback.
  provider.latestCode();
  await first.finishAuth(provider.authorizations[0]!.callback.searchParams);
  await first.close();
  log.length = 0;
  const client = newClient(mode);
  await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider, fetch: recordingFetch(log) }));
  return client;
}

async function expectToolsWork(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["get_profile", "get_workspace", "send_invoice"]));
  const profile = await client.callTool({ name: "get_profile", arguments: {} });
  expect(profile.isError ?? false).toBe(false);
  expect(JSON.stringify(profile.content)).toContain("ada@example.com");
}

test.describe("the MCP SDK v2 client", () => {
  test.use({ signedIn: false });

  test("in auto mode discovers, signs in and negotiates 2026-07-28 without falling back", async ({ page, baseURL }) => {
    const serverUrl = new URL(`${String(baseURL)}/mcp`);
    const log: RecordedRequest[] = [];
    const client = await signInAndConnect(page, serverUrl, "auto", log);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
      expect(client.getServerVersion()).toMatchObject({ name: "hourbook" });
      expect(client.getInstructions()).toContain("Lovelace Studio");
      // One server/discover probe answered 200, and no initialize fallback after it.
      expect(log.filter((r) => r.status !== 200)).toEqual([]);
      await expectToolsWork(client);
    } finally {
      await client.close();
    }
  });

  test("pinned to 2026-07-28 uses Hourbook", async ({ page, baseURL }) => {
    const client = await signInAndConnect(page, new URL(`${String(baseURL)}/mcp`), { pin: "2026-07-28" }, []);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
      await expectToolsWork(client);
    } finally {
      await client.close();
    }
  });

  test("in legacy mode speaks 2025-11-25 with initialize", async ({ page, baseURL }) => {
    const client = await signInAndConnect(page, new URL(`${String(baseURL)}/mcp`), "legacy", []);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe("2025-11-25");
      expect(client.getInstructions()).toContain("Lovelace Studio");
      await expectToolsWork(client);
    } finally {
      await client.close();
    }
  });
});
