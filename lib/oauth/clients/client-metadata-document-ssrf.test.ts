/**
 * SSRF defence with the loopback test setting OFF, as in production: the address classifier
 * as a table, the guarded lookup, and end-to-end refusals that never open a connection.
 */
import type { LookupAddress } from "node:dns";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Explicit, so a developer shell with the setting on cannot weaken this file.
  process.env.HOURBOOK_ALLOW_LOOPBACK_METADATA = "0";
});

import { OAuthError } from "../errors";
import { isMetadataDocumentClientId, resolveMetadataDocumentClient } from "./client-metadata-document";
import { addressProblem, ForbiddenAddressError, guardedLookup } from "./public-address";

describe("addressProblem", () => {
  it.each<[string, string]>([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "unique-local"],
    ["fc00::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["64:ff9b::a00:1", "NAT64"],
    ["2002:a00:1::1", "6to4"],
    ["2001::1", "teredo"],
    ["[::1]", "loopback"],
    // IPv4-compatible IPv6 (::a.b.c.d, deprecated): ipaddr.js calls these unicast.
    ["::7f00:1", "IPv4-compatible"],
    ["::a00:1", "IPv4-compatible"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["::8.8.8.8", "IPv4-compatible"],
    ["::2", "IPv4-compatible"],
    ["::8.8.8.8%eth0", "IPv4-compatible"],
    ["::93.184.215.14", "IPv4-compatible"],
    ["0:0::93.184.215.14", "IPv4-compatible"],
    // IPv4-mapped: judged as the IPv4 address it carries.
    ["::ffff:0.0.0.1", "unspecified"],
    ["::ffff:100.64.0.1", "carrier-grade NAT"],
    ["::ffff:192.168.0.1", "private"],
    // Embedded or tunnelled IPv4: refused whole, public or private.
    ["64:ff9b::7f00:1", "NAT64"],
    ["64:ff9b::10.0.0.1", "NAT64"],
    ["64:ff9b::8.8.8.8", "NAT64"],
    ["64:ff9b:1::a00:1", "NAT64"],
    ["2002:7f00:1::1", "6to4"],
    ["2002:c0a8:101::1", "6to4"],
    ["2002:808:808::1", "6to4"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
    ["::ffff:0:7f00:1", "IPv4-translated"],
    // Other special-purpose IPv6.
    ["fec0::1", "site-local"],
    ["febf::1", "link-local"],
    ["ff0e::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["3fff::1", "reserved"],
    ["2001:2::1", "benchmarking"],
    ["100::1", "discard"],
    ["fe80::1%eth0", "link-local"],
    ["4000::1", "outside the global unicast"],
    ["100:0:0:1::1", "outside the global unicast"],
    ["5f00::1", "segmentRouting"],
    // Other special-purpose IPv4.
    ["0.1.2.3", "unspecified"],
    ["198.18.0.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.7", "reserved"],
    ["240.0.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.88.99.1", "reserved"],
    // AS112: DNS sinks for reverse lookups of private space (RFC 7534, RFC 7535).
    ["192.31.196.1", "AS112"],
    ["2001:4:112::1", "AS112"],
    ["2620:4f:8000::1", "AS112"],
  ])("refuses %s (%s)", (address, range) => {
    expect(addressProblem(address, { allowLoopback: false })).toContain(`${range} range`);
    // The loopback test setting lets loopback through and nothing else.
    expect(addressProblem(address, { allowLoopback: true }) === null).toBe(range === "loopback");
  });

  it.each(["8.8.8.8", "93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(addressProblem(address, { allowLoopback: false })).toBeNull();
  });

  it.each(["localhost", "127.1", "0177.0.0.1", "example.com", "", "[[::1]", "[::1]]", "[[8.8.8.8]", "[8.8.8.8]]", "8.8.8.8%eth0"])("refuses %j, which is not a canonical IP address", (value) => {
    expect(addressProblem(value, { allowLoopback: false })).toContain("not an IP address");
  });

  it("names the IPv4 address that an IPv4-mapped address carries", () => {
    expect(addressProblem("::ffff:a9fe:a9fe", { allowLoopback: false })).toBe("::ffff:a9fe:a9fe (IPv4-mapped 169.254.169.254) is in the link-local range");
  });

  it("allows only loopback, never private ranges, when the test setting is on", () => {
    const policy = { allowLoopback: true };
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) expect(addressProblem(address, policy)).toBeNull();
    for (const address of ["10.0.0.1", "169.254.169.254", "fd00::1", "192.168.0.1", "0.0.0.0"]) {
      expect(addressProblem(address, policy)).not.toBeNull();
    }
  });
});

describe("guardedLookup", () => {
  const resolverFor =
    (addresses: LookupAddress[]) =>
    (_hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) =>
      callback(null, addresses);

  function lookup(
    addresses: LookupAddress[],
    options: { all?: boolean; family?: number | "IPv4" | "IPv6" },
    resolver: Parameters<typeof guardedLookup>[1] = resolverFor(addresses),
  ) {
    return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => {
      guardedLookup({ allowLoopback: false }, resolver)("client.example", options, (error, address, family) => resolve({ error, address, family }));
    });
  }

  it("hands the socket the addresses it checked", async () => {
    const addresses = [
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ];
    expect(await lookup(addresses, { all: true })).toEqual({ error: null, address: addresses, family: undefined });
    expect(await lookup(addresses, {})).toEqual({ error: null, address: "93.184.215.14", family: 4 });
    expect(await lookup(addresses, { family: 6 })).toEqual({ error: null, address: addresses[1]!.address, family: 6 });
    expect(await lookup(addresses, { family: 4, all: true })).toEqual({ error: null, address: [addresses[0]], family: undefined });
  });

  it("honours the family when Node names it (IPv4, IPv6) rather than numbering it", async () => {
    const addresses = [
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ];
    expect(await lookup(addresses, { family: "IPv6" })).toEqual({ error: null, address: addresses[1]!.address, family: 6 });
    expect(await lookup([...addresses].reverse(), { family: "IPv4" })).toEqual({ error: null, address: addresses[0]!.address, family: 4 });
  });

  it("passes a resolver failure on unchanged", async () => {
    const failure: NodeJS.ErrnoException = Object.assign(new Error("temporary failure"), { code: "EAI_AGAIN" });
    const { error } = await lookup([], {}, (_hostname, callback) => callback(failure, []));
    expect(error).toBe(failure);
  });

  it.each(["::7f00:1", "::a00:1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "fec0::1"])(
    "refuses a host that resolves to %s",
    async (address) => {
      const { error } = await lookup([{ address, family: 6 }], { all: true });
      expect(error).toBeInstanceOf(ForbiddenAddressError);
    },
  );

  it("refuses the whole host when any of its addresses is private (DNS rebinding, split answers)", async () => {
    const { error } = await lookup(
      [
        { address: "93.184.215.14", family: 4 },
        { address: "10.0.0.7", family: 4 },
      ],
      { all: true },
    );
    expect(error).toBeInstanceOf(ForbiddenAddressError);
    expect((error as ForbiddenAddressError).problem).toBe("10.0.0.7 is in the private range");
    // What a log shows when the refusal surfaces as a socket error: the host and the address.
    expect(error).toMatchObject({ name: "ForbiddenAddressError", message: "client.example resolves to a refused address: 10.0.0.7 is in the private range" });
  });

  it("reports a host without addresses, or none of the family asked for, as not found", async () => {
    for (const { error } of [await lookup([], {}), await lookup([{ address: "93.184.215.14", family: 4 }], { family: 6 })]) {
      expect(error).toMatchObject({ code: "ENOTFOUND", message: expect.stringContaining("client.example") });
    }
  });
});

describe("resolveMetadataDocumentClient with the loopback setting off", () => {
  // A TCP listener that only counts connections: a refusal must happen before connecting.
  let listener: net.Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    listener = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, resolve));
    port = (listener.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => listener.close(resolve));
  });

  it.each(["http://127.0.0.1:4000/client.json", "http://localhost:4000/client.json", "http://[::1]:4000/client.json"])(
    "does not treat %s as a metadata document URL",
    (url) => {
      expect(isMetadataDocumentClientId(url)).toBe(false);
    },
  );

  it.each([
    ["127.0.0.1", "https://127.0.0.1:PORT/client.json"],
    ["10.0.0.1", "https://10.0.0.1/client.json"],
    ["169.254.169.254", "https://169.254.169.254/latest/meta-data/iam"],
    ["::1", "https://[::1]:PORT/client.json"],
    ["fd00::1", "https://[fd00::1]/client.json"],
    ["::ffff:127.0.0.1", "https://[::ffff:127.0.0.1]:PORT/client.json"],
    ["::7f00:1, IPv4-compatible loopback", "https://[::7f00:1]:PORT/client.json"],
    ["::a00:1, IPv4-compatible private", "https://[::a00:1]/client.json"],
    ["::127.0.0.1, IPv4-compatible loopback", "https://[::127.0.0.1]:PORT/client.json"],
    ["64:ff9b::7f00:1, NAT64 loopback", "https://[64:ff9b::7f00:1]:PORT/client.json"],
    ["2002:7f00:1::1, 6to4 loopback", "https://[2002:7f00:1::1]:PORT/client.json"],
    ["fec0::1, site-local", "https://[fec0::1]/client.json"],
    ["2130706433, the decimal spelling of 127.0.0.1", "https://2130706433:PORT/client.json"],
    ["0x7f.1, the hex spelling of 127.0.0.1", "https://0x7f.1:PORT/client.json"],
    ["0.0.0.0", "https://0.0.0.0:PORT/client.json"],
    ["localhost, resolved through DNS", "https://localhost:PORT/client.json"],
  ])("refuses %s without connecting", async (_name, template) => {
    const url = template.replace("PORT", String(port));
    const before = connections;
    const error = await resolveMetadataDocumentClient(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).code).toBe("invalid_client");
    expect((error as OAuthError).description).toMatch(/refused address \(.+ range\)/);
    expect(connections).toBe(before);
  });
});
