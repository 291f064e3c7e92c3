import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/oauth/rate-limit";
import { OPTIONS, POST } from "./route";

const ENDPOINT = "http://localhost:3000/oauth/register";

function register(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `test-${randomUUID()}`, ...headers },
      body,
    }),
  );
}

const good = JSON.stringify({ redirect_uris: ["http://127.0.0.1:6274/oauth/callback"], client_name: "Inspector" });

describe("POST /oauth/register", () => {
  it("answers 201 with the client information, uncached and open to browser clients", async () => {
    const response = await register(good);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ client_name: "Inspector", token_endpoint_auth_method: "none" });
    expect(body.client_id).toMatch(/^hbci_/);
  });

  it("accepts a charset parameter on the content type", async () => {
    expect((await register(good, { "content-type": "application/json; charset=utf-8" })).status).toBe(201);
  });

  it.each<[string, string, Record<string, string>, number, string]>([
    ["a form body", "redirect_uris=x", { "content-type": "application/x-www-form-urlencoded" }, 400, "invalid_request"],
    ["no content type", good, { "content-type": "" }, 400, "invalid_request"],
    ["malformed JSON", "{redirect_uris:", {}, 400, "invalid_request"],
    ["a body over 16 KB", JSON.stringify({ redirect_uris: ["https://a.example/cb"], pad: "x".repeat(17 * 1024) }), {}, 400, "invalid_request"],
    ["a JSON array", "[]", {}, 400, "invalid_client_metadata"],
    ["a bad redirect URI", JSON.stringify({ redirect_uris: ["http://evil.example/cb"] }), {}, 400, "invalid_redirect_uri"],
    ["an unsupported auth method", JSON.stringify({ redirect_uris: ["https://a.example/cb"], token_endpoint_auth_method: "private_key_jwt" }), {}, 400, "invalid_client_metadata"],
  ])("refuses %s", async (_name, body, headers, status, error) => {
    const response = await register(body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it("answers 429 with Retry-After once an address exceeds the limit", async () => {
    const address = { "x-forwarded-for": `test-${randomUUID()}` };
    const named = (name: string) => JSON.stringify({ ...JSON.parse(good), client_name: name });
    for (let i = 0; i < RATE_LIMITS.register.limit; i++) expect((await register(named(`burst ${i}`), address)).status).toBe(201);
    const response = await register(named("one too many"), address);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ error: "too_many_requests" });
  });
});

describe("OPTIONS /oauth/register", () => {
  it("answers the CORS preflight", () => {
    const response = OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });
});
