/**
 * What other sites may and may not make this app do, over real HTTP against the production
 * build: a cross-site server action is a 403 (not Next's 500), /mcp's CORS preflight agrees
 * with /mcp itself, and the consent page shows only its own messages.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const EVIL = "https://evil.example";

test.describe("server actions", () => {
  test("a cross-site server action gets 403, in each shape Next takes for one", async ({ request }) => {
    const shapes: Array<Record<string, string>> = [
      { "Next-Action": "7f0000000000000000000000000000000000000001", "Content-Type": "text/plain;charset=UTF-8" },
      { "Content-Type": "multipart/form-data; boundary=----hourbook" },
    ];
    for (const path of ["/account", "/developers/apps/new", "/login", "/"]) {
      for (const headers of shapes) {
        const response = await request.post(path, {
          headers: { ...headers, Origin: EVIL },
          data: headers["Content-Type"]!.startsWith("multipart") ? '------hourbook\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n------hourbook--\r\n' : "[]",
          maxRedirects: 0,
        });
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
  });

  test("an unknown action from our own origin is still Next's to answer, not a 403", async ({ request, baseURL }) => {
    const response = await request.post("/account", {
      headers: { "Next-Action": "7f0000000000000000000000000000000000000001", "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(baseURL!).origin },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).not.toBe(403);
    expect(response.status()).toBeLessThan(500);
  });
});

test.describe("/mcp and browser origins", () => {
  for (const [origin, status, allowOrigin] of [
    [EVIL, 403, undefined],
    ["http://localhost:6274", 204, "http://localhost:6274"],
  ] as const) {
    test(`the preflight from ${origin} answers ${status}, as /mcp itself would`, async ({ request }) => {
      const preflight = await request.fetch("/mcp", {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type, mcp-protocol-version" },
      });
      expect(preflight.status()).toBe(status);
      expect(preflight.headers()["access-control-allow-origin"]).toBe(allowOrigin);
      expect(preflight.headers()["vary"]).toContain("Origin");

      const post = await request.post("/mcp", {
        headers: { Origin: origin, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
        data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
      });
      // Allowed: the bearer check answers (no token); refused: the origin check does.
      expect(post.status()).toBe(status === 403 ? 403 : 401);
      expect(post.headers()["access-control-allow-origin"]).toBe(allowOrigin);
    });
  }
});

test.describe("the consent page", () => {
  test("shows our message for a code it knows and nothing of any other ?error= text", async ({ page }) => {
    await signIn(page, "ada@example.com");
    await page.goto(`/oauth/consent?request=hbreq_none&error=${encodeURIComponent("Your account is locked. Call +1 555 0100.")}`);
    await expect(page.getByRole("heading", { name: "This authorization request is no longer valid" })).toBeVisible();
    await expect(page.getByText("Your account is locked")).toHaveCount(0);
    await expect(page.getByTestId("consent-error")).toHaveCount(0);

    await page.goto("/oauth/consent?request=hbreq_none&error=stale_request");
    await expect(page.getByTestId("consent-error")).toHaveText("This authorization request has expired or was already answered. Start again from the app.");
  });
});
