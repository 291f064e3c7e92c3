/**
 * SSRF defence for the one outbound fetch the authorization server makes on a stranger's
 * say-so: Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document §6.5,
 * "MUST NOT fetch ... URLs that resolve to special-use IP addresses as defined in RFC 6890").
 *
 * Deny by default: only globally routable unicast addresses pass, whatever the spelling.
 * - IPv4: ipaddr.js must classify it as "unicast"; every special-purpose range it names —
 *   private, loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 *   0.0.0.0/8, multicast, broadcast, documentation, benchmarking, 240/4 — is refused.
 * - IPv4-mapped IPv6 (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) is the IPv4 address it carries and
 *   is judged as that address.
 * - Any other IPv6 must be "unicast" to ipaddr.js AND inside 2000::/3, the only block IANA
 *   allocates for global unicast (RFC 4291 §2.4). That refuses the deprecated IPv4-compatible
 *   form ::a.b.c.d (::7f00:1 is 127.0.0.1 to some stacks, and ipaddr.js calls it unicast),
 *   site-local, unique-local, link-local, multicast and unassigned space.
 * - IPv6 forms that embed or tunnel to an IPv4 address — NAT64 (64:ff9b::/96, 64:ff9b:1::/48),
 *   6to4 (2002::/16), Teredo (2001::/32), IPv4-translated (::ffff:0:a.b.c.d) — are refused
 *   whole, whatever IPv4 address they carry: a metadata document has no reason to live
 *   behind a transition mechanism, and judging the embedded address would trust the gateway.
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
  as112: "AS112",
  as112v6: "AS112",
};

// Parsed where they are used rather than when the module loads: a typo fails the address
// check (and its tests) instead of the import.
/** 2000::/3, global unicast (RFC 4291 §2.4, IANA IPv6 address space registry). */
const GLOBAL_UNICAST = "2000::/3";
/** ::/96, the deprecated IPv4-compatible addresses (RFC 4291 §2.5.5.1); :: and ::1 are classified first. */
const IPV4_COMPATIBLE = "::/96";

/** Why connecting to `address` is refused, or null when it is a public unicast address. */
export function addressProblem(address: string, policy: AddressPolicy): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  // Only canonical literals (what DNS and the WHATWG URL parser produce); ipaddr.js alone
  // would also accept legacy forms such as "127.1" or octal, which we never need.
  if (!net.isIP(bare.split("%")[0] ?? "")) return `${address} is not an IP address`;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(withHexTail(bare));
  } catch {
    return `${address} is not an IP address`;
  }
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) {
    const ipv4 = parsed.toIPv4Address();
    return ipv4Problem(ipv4, policy, `${address} (IPv4-mapped ${ipv4.toString()})`);
  }
  if (parsed instanceof ipaddr.IPv4) return ipv4Problem(parsed, policy, address);

  const range = parsed.range();
  if (range === "loopback" && policy.allowLoopback) return null;
  if (range !== "unicast") return `${address} is in the ${RANGE_NAMES[range] ?? range} range`;
  if (parsed.match(ipaddr.IPv6.parseCIDR(IPV4_COMPATIBLE))) return `${address} is in the IPv4-compatible range`;
  if (!parsed.match(ipaddr.IPv6.parseCIDR(GLOBAL_UNICAST))) return `${address} is outside the global unicast range`;
  return null;
}

/**
 * `::127.0.0.1` written with its IPv4 tail in hex (`::7f00:1`). ipaddr.js 2.x reads the
 * dotted tail of `::a.b.c.d` as IPv4-mapped, so `::8.8.8.8` (IPv4-compatible) would pass for
 * 8.8.8.8; in hex it is judged for the address it really is. The input is already a valid IP
 * literal, so a dotted quad after a colon can only be an IPv6 address's tail (or sit in its
 * zone, which no check reads); an IPv4 address has no colon and is left alone.
 */
function withHexTail(address: string): string {
  const hex = (high: string, low: string) => ((Number(high) << 8) | Number(low)).toString(16);
  return address.replace(/:(\d+)\.(\d+)\.(\d+)\.(\d+)/, (_tail, a: string, b: string, c: string, d: string) => `:${hex(a, b)}:${hex(c, d)}`);
}

function ipv4Problem(ipv4: ipaddr.IPv4, policy: AddressPolicy, spelled: string): string | null {
  const range = ipv4.range();
  if (range === "unicast") return null;
  if (range === "loopback" && policy.allowLoopback) return null;
  return `${spelled} is in the ${RANGE_NAMES[range] ?? range} range`;
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
    // Stryker disable next-line StringLiteral: a callback given an error ignores the address
    const fail = (error: NodeJS.ErrnoException) => callback(error, "");
    resolve(hostname, (error, addresses) => {
      if (error) return fail(error);
      const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
      const wanted = addresses.filter((a) => family === 0 || a.family === family);
      const [first] = wanted;
      if (!first) {
        const notFound: NodeJS.ErrnoException = new Error(`${hostname} has no usable address.`);
        notFound.code = "ENOTFOUND";
        return fail(notFound);
      }
      for (const { address } of addresses) {
        const problem = addressProblem(address, policy);
        if (problem) return fail(new ForbiddenAddressError(hostname, problem));
      }
      // Node asks for every address when it races IPv4/IPv6 (autoSelectFamily), else for one.
      if (options.all) return callback(null, wanted);
      return callback(null, first.address, first.family);
    });
  };
}
