/**
 * SSRF defence for the one outbound fetch the authorization server makes on a stranger's
 * say-so: Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document §6.5,
 * "MUST NOT fetch ... URLs that resolve to special-use IP addresses as defined in RFC 6890").
 *
 * Deny by default: only globally routable unicast addresses pass. Everything ipaddr.js
 * classifies otherwise — private, loopback, link-local (cloud metadata at 169.254.169.254),
 * unique-local, CGNAT, multicast, unspecified, reserved, documentation, and the IPv6
 * transition ranges (6to4, Teredo, NAT64) that can smuggle an IPv4 target — is refused.
 * IPv4-mapped IPv6 (::ffff:127.0.0.1) is unwrapped first so it is judged as the IPv4 it is.
 */
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

export interface AddressPolicy {
  /** Test-only (HOURBOOK_ALLOW_LOOPBACK_METADATA=1): loopback passes; private ranges still do not. */
  allowLoopback: boolean;
}

const RANGE_NAMES: Record<string, string> = {
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  carrierGradeNat: "carrier-grade NAT",
  deprecatedSiteLocal: "site-local",
  rfc6052: "NAT64",
  rfc6145: "IPv4-translated",
  ipv4Mapped: "IPv4-mapped",
  as112: "AS112",
  as112v6: "AS112",
};

/** Why connecting to `address` is refused, or null when it is a public unicast address. */
export function addressProblem(address: string, policy: AddressPolicy): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  // Only canonical literals (what DNS and the WHATWG URL parser produce); ipaddr.js alone
  // would also accept legacy forms such as "127.1" or octal, which we never need.
  if (!net.isIP(bare.split("%")[0] ?? "")) return `${address} is not an IP address`;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(bare);
  } catch {
    return `${address} is not an IP address`;
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  if (range === "loopback" && policy.allowLoopback) return null;
  return `${address} is in the ${RANGE_NAMES[range] ?? range} range`;
}

/** Thrown (through the socket) when a host resolves to a refused address. */
export class ForbiddenAddressError extends Error {
  constructor(readonly hostname: string, readonly problem: string) {
    super(`${hostname} resolves to a refused address: ${problem}`);
    this.name = "ForbiddenAddressError";
  }
}

type Resolver = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, callback) => dns.lookup(hostname, { all: true }, callback);

/**
 * A `lookup` for node:http(s) requests that resolves the host once, refuses the whole host
 * if any of its addresses is refused, and hands the socket exactly the addresses it checked.
 * Because the connection uses these addresses, a DNS answer that changes between check and
 * connect (DNS rebinding) cannot slip a private address past the check.
 *
 * Node does not call `lookup` for IP-literal hosts; check those with addressProblem first.
 */
export function guardedLookup(policy: AddressPolicy, resolve: Resolver = systemResolver): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, "");
      const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
      const wanted = addresses.filter((a) => family === 0 || a.family === family);
      const [first] = wanted;
      if (!first) {
        const notFound: NodeJS.ErrnoException = new Error(`${hostname} has no usable address.`);
        notFound.code = "ENOTFOUND";
        return callback(notFound, "");
      }
      for (const { address } of addresses) {
        const problem = addressProblem(address, policy);
        if (problem) return callback(new ForbiddenAddressError(hostname, problem), "");
      }
      // Node asks for every address when it races IPv4/IPv6 (autoSelectFamily), else for one.
      if (options.all) return callback(null, wanted);
      return callback(null, first.address, first.family);
    });
  };
}
