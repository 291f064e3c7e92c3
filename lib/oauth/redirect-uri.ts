/**
 * Redirect URI rules (OAuth 2.1 §2.3.1, RFC 8252 §7, RFC 9700 §4.1): https anywhere; http
 * only on loopback, where any port matches at request time (RFC 8252 §7.3); private-use
 * schemes of native apps (cursor://, vscode://) by exact match; never a fragment, and never
 * a scheme that runs or embeds content.
 */
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "about:", "blob:", "filesystem:", "ws:", "wss:"]);
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

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
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    return `${value} uses http on a non-loopback host; use https, or http://127.0.0.1, http://[::1] or http://localhost.`;
  }
  if ((url.protocol === "https:" || url.protocol === "http:") && (url.username || url.password)) {
    return `${value} must not contain credentials.`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:" && !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) {
    return `${value} has an invalid scheme.`;
  }
  return null;
}

/** Does a redirect URI sent at authorize/token time match a registered one? */
export function redirectUriMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(requested);
    b = new URL(registered);
  } catch {
    return false;
  }
  // RFC 8252 §7.3: native apps get an ephemeral loopback port, so the port may differ.
  return (
    a.protocol === "http:" &&
    b.protocol === "http:" &&
    isLoopbackHost(a.hostname) &&
    a.hostname === b.hostname &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    !requested.includes("#")
  );
}

/** True when every redirect URI points at this machine (the consent page warns about it). */
export function allRedirectsAreLocal(uris: readonly string[]): boolean {
  return uris.length > 0 && uris.every((u) => {
    try {
      const url = new URL(u);
      return url.protocol === "http:" && isLoopbackHost(url.hostname);
    } catch {
      return false;
    }
  });
}
