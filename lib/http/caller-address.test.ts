import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { callerAddress } from "./caller-address";

const PEER = "x-hourbook-peer-address";
const request = (headers: Record<string, string>) => new Request("http://localhost:3000/oauth/token", { headers });
const original = { trust: env.HOURBOOK_TRUST_PROXY, peer: env.HOURBOOK_PEER_ADDRESS_HEADER };
const configure = (trust: "0" | "1", peer: string | undefined) => Object.assign(env, { HOURBOOK_TRUST_PROXY: trust, HOURBOOK_PEER_ADDRESS_HEADER: peer });

afterEach(() => configure(original.trust, original.peer));

describe("callerAddress (the rate-limit key)", () => {
  it.each([
    ["no proxy, no server of ours: X-Forwarded-For is ignored", "0", undefined, { "x-forwarded-for": "203.0.113.9" }, "direct"],
    ["no proxy, no server of ours: a forged peer header is ignored", "0", undefined, { [PEER]: "203.0.113.9" }, "direct"],
    ["under npm start: the peer address the server wrote", "0", PEER, { [PEER]: "127.0.0.2" }, "127.0.0.2"],
    ["under npm start: X-Forwarded-For cannot pick another bucket", "0", PEER, { [PEER]: "127.0.0.2", "x-forwarded-for": "1.2.3.4" }, "127.0.0.2"],
    ["behind a trusted proxy: the entry the proxy appended", "1", PEER, { "x-forwarded-for": "1.2.3.4, 198.51.100.7", [PEER]: "10.0.0.1" }, "198.51.100.7"],
    ["behind a trusted proxy: X-Real-IP when there is no X-Forwarded-For", "1", undefined, { "x-real-ip": "198.51.100.8" }, "198.51.100.8"],
    ["behind a trusted proxy that sent nothing", "1", undefined, {}, "direct"],
  ] as const)("%s", (_name, trust, peer, headers, expected) => {
    configure(trust, peer);
    expect(callerAddress(request(headers))).toBe(expected);
  });
});
