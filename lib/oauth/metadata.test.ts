import { describe, expect, it } from "vitest";
import { authorizationServerMetadata, protectedResourceMetadata } from "./metadata";

describe("scopes_supported", () => {
  // openid and offline_access are accepted as no-ops, never advertised (see IGNORED_SCOPES).
  it.each([
    ["the authorization server metadata (RFC 8414)", () => authorizationServerMetadata().scopes_supported],
    ["the MCP server's resource metadata (RFC 9728)", () => protectedResourceMetadata("mcp").scopes_supported],
    ["the REST API's resource metadata (RFC 9728)", () => protectedResourceMetadata("api").scopes_supported],
  ])("in %s lists our scopes and neither openid nor offline_access", (_, scopes) => {
    expect(scopes()).toContain("hourbook:read");
    expect(scopes()).not.toContain("openid");
    expect(scopes()).not.toContain("offline_access");
  });
});
