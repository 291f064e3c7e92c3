/**
 * What a developer may register for an app, checked by the same rules the authorization
 * server applies at request time: redirect URIs by lib/oauth/redirect-uri.ts (OAuth 2.1
 * §2.3.1, RFC 8252 §7), scopes by scopeRequestProblem for every resource the app may ask
 * for. Every problem is collected, so the form can mark each field (and each bad line) at once.
 */
import { invalidInput } from "@/lib/domain/errors";
import { formatScope, isScope, scopeRequestProblem, scopesForResource, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import type { TokenEndpointAuthMethod } from "@/lib/generated/prisma/enums";
import { redirectUriProblem } from "../redirect-uri";
import { ClientNameSchema, MAX_REDIRECT_URIS } from "./client-metadata";

const MAX_URI_LENGTH = 2000;
const RESOURCE_ORDER: readonly ResourceKind[] = ["api", "mcp"];
const RESOURCE_NAMES: Record<ResourceKind, string> = { api: "REST API", mcp: "MCP server" };
const SETTINGS_SCOPES: readonly Scope[] = ["settings:read", "settings:write"];

/** The editable part of an app, as a form sends it. */
export interface DeveloperAppSettingsInput {
  name: string;
  /** One redirect URI per line. */
  redirectUris: string;
  resources: readonly string[];
  scopes: readonly string[];
}

export interface NewDeveloperAppInput extends DeveloperAppSettingsInput {
  /** "public" or "confidential". */
  clientType: string;
  /** For confidential apps: client_secret_basic (the default) or client_secret_post. */
  tokenEndpointAuthMethod?: string;
}

export interface DeveloperAppSettings {
  name: string;
  redirectUris: string[];
  resources: ResourceKind[];
  scopes: Scope[];
}

type Problems = Record<string, string>;

/** Validates a new app; throws one `invalid_input` naming every field with a problem. */
export function parseNewDeveloperApp(input: NewDeveloperAppInput): DeveloperAppSettings & { tokenEndpointAuthMethod: TokenEndpointAuthMethod } {
  const problems: Problems = {};
  const method = readAuthMethod(input, problems);
  const settings = readSettings(input, input.resources, problems);
  refuseIfAny(problems);
  return { ...settings, tokenEndpointAuthMethod: method };
}

/**
 * Validates an edit of name, redirect URIs and scopes. Resources stay as registered, so the
 * scopes are checked against `resources`.
 */
export function parseDeveloperAppChanges(input: Omit<DeveloperAppSettingsInput, "resources">, resources: readonly ResourceKind[]): DeveloperAppSettings {
  const problems: Problems = {};
  const settings = readSettings({ ...input, resources }, resources, problems);
  refuseIfAny(problems);
  return settings;
}

function refuseIfAny(problems: Problems): void {
  const messages = Object.values(problems);
  if (messages.length) throw invalidInput(messages.join(" "), problems);
}

function readAuthMethod(input: NewDeveloperAppInput, problems: Problems): TokenEndpointAuthMethod {
  if (input.clientType === "public") return "none";
  if (input.clientType !== "confidential") {
    problems.clientType = "Choose whether the app is public or confidential.";
    return "none";
  }
  const method = input.tokenEndpointAuthMethod || "client_secret_basic";
  if (method !== "client_secret_basic" && method !== "client_secret_post") {
    problems.tokenEndpointAuthMethod = "A confidential app authenticates with client_secret_basic or client_secret_post.";
    return "client_secret_basic";
  }
  return method;
}

function readSettings(input: DeveloperAppSettingsInput, resourceInput: readonly string[], problems: Problems): DeveloperAppSettings {
  const name = readName(input.name, problems);
  const redirectUris = readRedirectUris(input.redirectUris, problems);
  const resources = readResources(resourceInput, problems);
  const scopes = readScopes(input.scopes, resources, problems);
  return { name, redirectUris, resources, scopes };
}

function readName(value: string, problems: Problems): string {
  const parsed = ClientNameSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.name = `Name ${parsed.error.issues[0]?.message ?? "is not valid"}.`;
  return value;
}

/** One URI per line; each bad line is reported with its line number. */
function readRedirectUris(text: string, problems: Problems): string[] {
  const uris: string[] = [];
  const bad: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const uri = line.trim();
    if (!uri) return;
    const problem = uri.length > MAX_URI_LENGTH ? `the URI is longer than ${MAX_URI_LENGTH} characters.` : redirectUriProblem(uri);
    if (problem) bad.push(`Line ${index + 1}: ${problem}`);
    else if (!uris.includes(uri)) uris.push(uri);
  });
  if (bad.length) problems.redirectUris = bad.join("\n");
  else if (uris.length === 0) problems.redirectUris = "Add at least one redirect URI.";
  else if (uris.length > MAX_REDIRECT_URIS) problems.redirectUris = `An app may have at most ${MAX_REDIRECT_URIS} redirect URIs.`;
  return uris;
}

function readResources(values: readonly string[], problems: Problems): ResourceKind[] {
  const chosen = RESOURCE_ORDER.filter((kind) => values.includes(kind));
  const unknown = values.filter((v) => !(RESOURCE_ORDER as readonly string[]).includes(v));
  if (unknown.length) problems.resources = `Unknown resource: ${unknown.join(", ")}.`;
  else if (chosen.length === 0) problems.resources = "Choose at least one resource: the REST API, the MCP server, or both.";
  return chosen;
}

/**
 * Scopes must be known, `settings:*` needs the REST API (the only resource offering them), and
 * for each resource the scopes it offers must pass the authorization server's own check —
 * whose message names the missing scope ("time:write requires time:read; …").
 */
function readScopes(values: readonly string[], resources: readonly ResourceKind[], problems: Problems): Scope[] {
  const unknown = values.filter((v) => !isScope(v));
  if (unknown.length) {
    problems.scopes = `Unknown scope${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`;
    return [];
  }
  const scopes = formatScope(values as Scope[]).split(" ").filter(isScope);
  if (scopes.length === 0) {
    problems.scopes = "Choose at least one scope.";
    return scopes;
  }
  const settings = scopes.filter((s) => SETTINGS_SCOPES.includes(s));
  if (settings.length && !resources.includes("api")) {
    problems.scopes = `${settings.join(" and ")} ${settings.length > 1 ? "are" : "is"} only available with the REST API: add the REST API as a resource, or remove ${settings.length > 1 ? "them" : "it"}.`;
    return scopes;
  }
  for (const kind of resources) {
    const offered = scopes.filter((s) => scopesForResource(kind).includes(s));
    if (offered.length === 0) {
      problems.scopes = `The ${RESOURCE_NAMES[kind]} would get no scopes (settings scopes are REST API only): choose at least one other scope.`;
      return scopes;
    }
    const problem = scopeRequestProblem(offered, kind);
    if (problem) {
      problems.scopes = problem;
      return scopes;
    }
  }
  return scopes;
}
