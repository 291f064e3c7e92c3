import { expect, test } from "@playwright/test";

test("the health check reports the app and its database up, and storage taking writes", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const health = await response.json();
  expect(health).toMatchObject({ ok: true, status: "ok", database: "up", storage: "writable" });
  expect(health.freeBytes).toBeGreaterThan(0);
  expect((await request.get("/api/health?strict")).status()).toBe(200);
});

test("the home page loads in the browser and stays on the app's origin", async ({ page, baseURL }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  // An anonymous visitor is redirected to sign in: on this origin, not on a misconfigured APP_URL.
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});
