/**
 * Redirect URI rules (OAuth 2.1 §2.3.1, RFC 8252 §7, RFC 9700 §2.1 and §4.1.3): https anywhere;
 * http only on loopback; private-use schemes of native apps (cursor://, vscode://); never a
 * fragment, and never a scheme that runs or embeds content.
 *
 * Matching compares the strings as sent, never WHATWG-normalised URLs: a parser turns
 * `http://evil@127.0.0.1/cb`, `http://2130706433/cb`, `http://127.1/cb` or `/cb/../cb` into
 * the registered URL, and a browser or client library may read such a string differently
 * from us. The one exception is RFC 8252 §7.3: a native app listens on an ephemeral port,
 * so when the registered URI is http on a loopback IP literal (`127.0.0.1` or `[::1]`,
 * spelled exactly so), the requested one may differ in the port and in nothing else —
 * scheme, host spelling, userinfo, path and query stay byte-identical. `localhost` is not
 * such a literal (RFC 8252 §8.3: it may resolve elsewhere, NOT RECOMMENDED), so a
 * `http://localhost…` URI matches only exactly, port included. `[::1]` and `127.0.0.1`
 * are different URIs.
 */
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "about:", "blob:", "filesystem:", "ws:", "wss:"]);
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * An http redirect URI on a loopback host as written: the host spelled exactly `127.0.0.1`,
 * `[::1]` or `localhost`, no userinfo, an optional decimal port, then path and query.
 */
const LOOPBACK_HTTP = /^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(?::([1-9][0-9]{0,4}))?([/?][^#]*)?$/;

/**
 * The parts of a raw loopback http URI that must match exactly (everything but the port), or
 * null when it is not one (see LOOPBACK_HTTP).
 */
function loopbackParts(uri: string): { host: string; rest: string } | null {
  const match = LOOPBACK_HTTP.exec(uri);
  if (!match) return null;
  // Stryker disable next-line StringLiteral: the host group always takes part; a rest is "" or starts with / or ?, so any other default compares alike
  const [, host = "", port, rest = ""] = match;
  if (Number(port ?? 0) > 65535) return null;
  return { host, rest };
}

/** Is this (WHATWG-parsed) hostname a loopback name? For origins and parsed URLs only. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/** Why a redirect URI cannot be registered, or null when it can. */
export function redirectUriProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${value} is not an absolute URI.`;
  }
  if (value.includes("#")) return `${value} must not contain a fragment.`;
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `${url.protocol} redirect URIs are not allowed.`;
  if (url.protocol === "https:" || url.protocol === "http:") {
    // The URL parser also reads `https:host`, ` https://host` and `https:\\host` as https URLs,
    // and drops an empty userinfo (`https://@host`); other parsers may not. Only the plain
    // spelling is registrable, so the authority checked here is the one every reader sees.
    const authority = /^https?:\/\/([^/?#\\]*)/i.exec(value)?.[1];
    if (authority === undefined) return `${value} must start with ${url.protocol}//.`;
    if (authority.includes("@")) return `${value} must not contain credentials.`;
  }
  if (url.protocol === "http:" && !loopbackParts(value)) {
    return `${value} uses http on a non-loopback host; use https, or http://127.0.0.1, http://[::1] or http://localhost spelled exactly so.`;
  }
  return null;
}

/**
 * Does a redirect URI sent at authorize time match a registered one (RFC 9700 §4.1.3: exact
 * string matching; RFC 8252 §7.3: any port on a loopback IP literal)?
 */
export function redirectUriMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  const a = loopbackParts(requested);
  const b = loopbackParts(registered);
  if (!a || !b || b.host === "localhost") return false;
  return a.host === b.host && a.rest === b.rest;
}

/** True when every redirect URI points at this machine (the consent page warns about it). */
export function allRedirectsAreLocal(uris: readonly string[]): boolean {
  return uris.length > 0 && uris.every((u) => {
    if (!URL.canParse(u)) return false;
    const url = new URL(u);
    return url.protocol === "http:" && isLoopbackHost(url.hostname);
  });
}
