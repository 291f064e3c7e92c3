#!/usr/bin/env node
// The benchmark's reference authorization server (`npm run bench`, scripts/bench.ts):
// node-oidc-provider answering refresh_token grants the way Hourbook's /oauth/token does —
// a confidential client (client_secret_basic), refresh tokens rotated on every use (a reused one
// revokes the grant), and an ES256 JWT access token (RFC 9068) for one resource (RFC 8707) —
// on its default in-memory adapter (no database). Run in a process of its own, as the app is.
//
// Besides the provider it serves POST /bench/mint?n=N on the same loopback port: N new grants,
// each with one refresh token, answered as a JSON array of the tokens (one chain per autocannon
// connection). The tokens are minted through the provider's own models, as its authorization
// code grant would mint them.
//
// Env: BENCH_OIDC_PORT (default 3321), BENCH_OIDC_CLIENT_SECRET (required).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import { Provider } from "oidc-provider";

const PORT = Number(process.env.BENCH_OIDC_PORT ?? 3321);
const ISSUER = `http://127.0.0.1:${PORT}`;
const RESOURCE = `${ISSUER}/mcp`;
const SCOPE = "hourbook:read hourbook:write";
const CLIENT_ID = "bench-refresh";
const ACCOUNT_ID = "ada";
const secret = process.env.BENCH_OIDC_CLIENT_SECRET;
if (!secret) throw new Error("BENCH_OIDC_CLIENT_SECRET is required.");

const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "bench", alg: "ES256", use: "sig" };

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: secret,
      grant_types: ["authorization_code", "refresh_token"],
      redirect_uris: ["http://127.0.0.1/callback"],
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString("base64url")] },
  scopes: ["openid", "offline_access", "hourbook:read", "hourbook:write"],
  rotateRefreshToken: true,
  // Hourbook's lifetimes (lib/oauth/lifetimes.ts): 15-minute access tokens; refresh tokens and
  // grants that end after 90 days unused.
  ttl: { AccessToken: 15 * 60, RefreshToken: 90 * 24 * 3600, Grant: 90 * 24 * 3600 },
  // Hourbook checks its user is still active on every refresh; the provider asks its account store.
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub }) }),
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: SCOPE,
        audience: RESOURCE,
        accessTokenTTL: 15 * 60,
        accessTokenFormat: "jwt",
        jwt: { sign: { alg: "ES256" } },
      }),
    },
  },
});

/** One grant with one refresh token, as an authorization-code exchange would leave them. */
async function mintChain(client) {
  const grant = new provider.Grant({ accountId: ACCOUNT_ID, clientId: CLIENT_ID });
  grant.addOIDCScope("offline_access");
  grant.addResourceScope(RESOURCE, SCOPE);
  const grantId = await grant.save();
  const token = new provider.RefreshToken({
    client,
    accountId: ACCOUNT_ID,
    grantId,
    gty: "authorization_code",
    scope: `offline_access ${SCOPE}`,
    resource: RESOURCE,
  });
  return token.save();
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", ISSUER);
  if (req.method === "POST" && url.pathname === "/bench/mint") {
    const n = Math.min(1_000, Math.max(1, Number(url.searchParams.get("n") ?? 1)));
    const client = await provider.Client.find(CLIENT_ID);
    const tokens = [];
    for (let i = 0; i < n; i++) tokens.push(await mintChain(client));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(tokens));
    return;
  }
  callback(req, res);
});
server.listen(PORT, "127.0.0.1", () => console.log(`oidc-provider (reference) on ${ISSUER}`));
