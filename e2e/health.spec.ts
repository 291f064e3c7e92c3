import { expect, test } from "@playwright/test";

test("the health check reports the app and its database up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, database: "up" });
});

test("the home page loads in the browser and stays on the app's origin", async ({ page, baseURL }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  // An anonymous visitor is redirected to sign in: on this origin, not on a misconfigured APP_URL.
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});
