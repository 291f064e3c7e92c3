/**
 * Rate limits count per caller: one caller's flood spends only its own allowance. Each row of
 * the measured faults is a case here (junk from address A, then a real caller).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorizationQuery, authorize, createTestClient, postForm, REDIRECT_URI } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { handleAuthorizeRequest } from "./authorize/handle-authorize-request";
import { RATE_LIMITS } from "./rate-limit";

let adaId: string;
let lovelaceId: string;
let clientId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
  clientId = await createTestClient();
});

const from = (address: string) => ({ "x-forwarded-for": address });
const freshAddress = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const junkRefresh = { grant_type: "refresh_token", refresh_token: "hbrt_junk", client_id: "hbci_junk" };

async function flood(route: "token" | "revoke", fields: Record<string, string>, address: string, times: number) {
  let last = 0;
  for (let i = 0; i < times; i++) last = (await postForm(route, fields, from(address))).status;
  return last;
}

describe("token endpoint: per caller", () => {
  it("refuses an address past the limit of junk, while another caller still redeems and refreshes", async () => {
    const a = freshAddress();
    expect(await flood("token", junkRefresh, a, RATE_LIMITS.token.limit + 1)).toBe(429);
    const blocked = await postForm("token", junkRefresh, from(a));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

    const b = freshAddress();
    const { code, verifier } = await authorize({ clientId, userId: adaId, workspaceId: lovelaceId });
    const redeemed = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId }, from(b));
    expect(redeemed.status).toBe(200);
    const refreshed = await postForm("token", { grant_type: "refresh_token", refresh_token: String(redeemed.body.refresh_token), client_id: clientId }, from(b));
    expect(refreshed.status).toBe(200);
  });

  it("counts a known client's bad requests against that client at that address, not against other clients there", async () => {
    const a = freshAddress();
    const noisy = await createTestClient();
    const junkOfNoisy = { grant_type: "refresh_token", refresh_token: "hbrt_junk", client_id: noisy };
    expect(await flood("token", junkOfNoisy, a, RATE_LIMITS.token.limit + 1)).toBe(429);
    // The same address, another client: its own allowance.
    const { code, verifier } = await authorize({ clientId, userId: adaId, workspaceId: lovelaceId });
    const redeemed = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId }, from(a));
    expect(redeemed.status).toBe(200);
  });
});

describe("revocation endpoint: per caller", () => {
  it("refuses an address past the limit of junk, while another caller still revokes", async () => {
    const a = freshAddress();
    const junk = { token: "hbrt_junk", client_id: "hbci_junk" };
    expect(await flood("revoke", junk, a, RATE_LIMITS.revoke.limit + 1)).toBe(429);
    const { code, verifier } = await authorize({ clientId, userId: adaId, workspaceId: lovelaceId });
    const b = freshAddress();
    const tokens = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId }, from(b));
    const revoked = await postForm("revoke", { token: String(tokens.body.refresh_token), client_id: clientId }, from(b));
    expect(revoked.status).toBe(200);
  });
});

describe("authorization endpoint: per caller", () => {
  const junkQuery = () => new URLSearchParams({ client_id: "hbci_junk" });

  it("shows the 429 page to an anonymous flood, never to a signed-in person, even at the same address", async () => {
    const a = freshAddress();
    let last;
    for (let i = 0; i <= RATE_LIMITS.authorize.limit; i++) last = await handleAuthorizeRequest(junkQuery(), null, a);
    expect(last).toMatchObject({ kind: "error_page", status: 429 });

    const valid = authorizationQuery({ clientId, scope: "hourbook:read" });
    expect(await handleAuthorizeRequest(valid, adaId, a)).toMatchObject({ kind: "consent" });
    // The flooder's own next anonymous request is still refused.
    expect(await handleAuthorizeRequest(junkQuery(), null, a)).toMatchObject({ kind: "error_page", status: 429 });
  });
});
