/**
 * Rate limits count per caller over real HTTP, without a trusted proxy: `npm start`'s server
 * passes each connection's peer address to the app. Caller A (one loopback address) floods an
 * endpoint with junk; caller B (another) still registers, authorizes, redeems, refreshes and
 * revokes. A cannot escape its bucket by sending forwarding headers of its own.
 */
import { connectInBrowser, registerApp } from "./support/connect-in-browser";
import { test, expect } from "./support/fixtures";
import { caller } from "./support/from-address";
import { REDIRECT_URI } from "./support/oauth";

const APP = "http://127.0.0.1:3200";
// Addresses no other spec uses, so their buckets are this spec's own.
const A = "127.0.0.21";
const B = "127.0.0.22";

async function floodUntil429(send: () => Promise<{ status: number; headers: Record<string, unknown> }>, atMost: number) {
  for (let i = 0; i < atMost; i++) {
    const answer = await send();
    if (answer.status === 429) return answer;
  }
  throw new Error(`no 429 after ${atMost} requests`);
}

test.describe.configure({ mode: "serial" });

test("a registration flood from one address leaves registration open to others, and re-registration free", async () => {
  const a = caller(A, APP);
  const b = caller(B, APP);
  const refused = await floodUntil429(() => a.json("/oauth/register", { redirect_uris: ["javascript:alert(1)"] }), 40);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);

  const metadata = { redirect_uris: [REDIRECT_URI], client_name: `Rate-limit spec ${Date.now()}` };
  const registered = await b.json("/oauth/register", metadata);
  expect(registered.status, registered.text).toBe(201);
  // A is blocked for new registrations, yet metadata that already exists is answered at once.
  const again = await a.json("/oauth/register", metadata);
  expect(again.status, again.text).toBe(201);
  expect(JSON.parse(again.text).client_id).toBe(JSON.parse(registered.text).client_id);
});

test("authorize, token and revoke floods from A do not stop B, nor a signed-in person", async ({ page }) => {
  const a = caller(A, APP);
  const b = caller(B, APP);

  const authorizeFlood = await floodUntil429(() => a.get("/oauth/authorize?client_id=hbci_junk"), 80);
  expect(authorizeFlood.status).toBe(429);
  const junkRefresh = { grant_type: "refresh_token", refresh_token: "hbrt_junk", client_id: "hbci_junk" };
  await floodUntil429(() => a.form("/oauth/token", junkRefresh), 150);
  await floodUntil429(() => a.form("/oauth/revoke", { token: "hbrt_junk", client_id: "hbci_junk" }), 80);

  // The signed-in person follows a valid authorize link and approves; the code is redeemed.
  const clientId = await registerApp(APP, "Rate-limit spec app");
  const tokens = await connectInBrowser(page, { appUrl: APP, clientId, clientName: "Rate-limit spec app", workspace: "Lovelace Studio" });

  const refreshed = await b.form("/oauth/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId });
  expect(refreshed.status, refreshed.text).toBe(200);
  const revoked = await b.form("/oauth/revoke", { token: JSON.parse(refreshed.text).refresh_token, client_id: clientId });
  expect(revoked.status, revoked.text).toBe(200);
  const afterRevoke = await b.form("/oauth/token", { grant_type: "refresh_token", refresh_token: JSON.parse(refreshed.text).refresh_token, client_id: clientId });
  expect(JSON.parse(afterRevoke.text)).toMatchObject({ error: "invalid_grant" });

  // A is still refused.
  expect((await a.form("/oauth/token", junkRefresh)).status).toBe(429);
});

test("forged forwarding headers do not move a caller to a fresh bucket", async () => {
  const forger = "127.0.0.23";
  let counter = 0;
  const send = () => {
    counter += 1;
    const forged = caller(forger, APP, { "x-forwarded-for": `198.51.100.${counter % 250}`, "x-real-ip": `203.0.113.${counter % 250}`, "x-hourbook-peer-address": `192.0.2.${counter % 250}` });
    return forged.form("/oauth/token", { grant_type: "refresh_token", refresh_token: "hbrt_junk", client_id: "hbci_junk" });
  };
  const refused = await floodUntil429(send, 150);
  expect(refused.status).toBe(429);
});
