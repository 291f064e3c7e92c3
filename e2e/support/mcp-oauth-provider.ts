/**
 * An in-memory OAuthClientProvider for the MCP SDK's client (`auth()`,
 * StreamableHTTPClientTransport). It keeps client information, tokens and the PKCE verifier
 * in memory, and hands the authorization URL to a callback — in the specs, one that drives
 * the Playwright page through sign-in and consent and remembers where it was sent back to.
 */
import { randomBytes } from "node:crypto";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

export interface InMemoryProviderOptions {
  redirectUrl: string;
  clientMetadata: OAuthClientMetadata;
  /** Makes the SDK use a Client ID Metadata Document instead of registering (SEP-991). */
  clientMetadataUrl?: string;
  /** Given the authorization URL; returns the redirect URI the browser came back to. */
  onAuthorize: (authorizationUrl: URL) => Promise<URL>;
}

export class InMemoryOAuthClientProvider implements OAuthClientProvider {
  readonly clientMetadataUrl: string | undefined;
  /** Every authorization URL the SDK asked to open, and the redirect each came back with. */
  readonly authorizations: Array<{ url: URL; callback: URL }> = [];
  private client: OAuthClientInformationMixed | undefined;
  private savedTokens: OAuthTokens | undefined;
  private verifier: string | undefined;
  private lastState: string | undefined;

  constructor(private readonly options: InMemoryProviderOptions) {
    this.clientMetadataUrl = options.clientMetadataUrl;
  }

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return this.options.clientMetadata;
  }

  state(): string {
    this.lastState = randomBytes(12).toString("base64url");
    return this.lastState;
  }

  /** The state sent with the latest authorization request. */
  get sentState(): string | undefined {
    return this.lastState;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  saveClientInformation(clientInformation: OAuthClientInformationMixed): void {
    this.client = clientInformation;
  }

  tokens(): OAuthTokens | undefined {
    return this.savedTokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.savedTokens = tokens;
  }

  async redirectToAuthorization(authorizationUrl: URL): Promise<void> {
    const callback = await this.options.onAuthorize(authorizationUrl);
    this.authorizations.push({ url: authorizationUrl, callback });
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.verifier = codeVerifier;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error("No PKCE code verifier was saved.");
    return this.verifier;
  }

  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery"): void {
    if (scope === "all" || scope === "client") this.client = undefined;
    if (scope === "all" || scope === "tokens") this.savedTokens = undefined;
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
  }

  /** The code from the latest redirect back; fails the test if it carried an error instead. */
  latestCode(): string {
    const callback = this.authorizations.at(-1)?.callback;
    const code = callback?.searchParams.get("code");
    if (!code) throw new Error(`The authorization did not return a code: ${callback?.toString() ?? "no redirect"}`);
    return code;
  }

  /** Makes the stored access token unusable, as if it had expired; the refresh token stays. */
  expireAccessToken(): void {
    if (this.savedTokens) this.savedTokens = { ...this.savedTokens, access_token: "expired", expires_in: 0 };
  }
}

export interface RecordedRequest {
  method: string;
  url: string;
  status: number;
}

/** A fetch for the SDK that records every request it makes (method, URL, status). */
export function recordingFetch(log: RecordedRequest[]): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init);
    log.push({ method: init?.method ?? "GET", url: String(input), status: response.status });
    return response;
  };
}
