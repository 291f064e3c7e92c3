/** The scope checklist of the developer app form: every scope, in plain language, grouped by area. */
import { protectedResource } from "@/lib/domain/integrations/resources";
import { describeScopesByArea } from "@/lib/domain/integrations/scope-descriptions";
import { ALL_SCOPES, scopeDependency, scopesForResource, type ResourceKind } from "@/lib/domain/integrations/scopes";

export interface ScopeChoice {
  scope: string;
  text: string;
  /** The scope it needs alongside it, if any. */
  needs: string | null;
  /** Offered by the REST API only (settings:*). */
  apiOnly: boolean;
}

export interface ResourceChoice {
  kind: ResourceKind;
  label: string;
  url: string;
}

export function developerAppScopeChoices(): Array<{ area: string; items: ScopeChoice[] }> {
  const onMcp = new Set<string>(scopesForResource("mcp"));
  return describeScopesByArea(ALL_SCOPES).map(({ area, items }) => ({
    area,
    items: items.map(({ scope, text }) => ({ scope, text, needs: scopeDependency(scope), apiOnly: !onMcp.has(scope) })),
  }));
}

export function developerAppResourceChoices(): ResourceChoice[] {
  return (["api", "mcp"] as const).map((kind) => {
    const resource = protectedResource(kind);
    return { kind, label: kind === "api" ? "REST API" : "MCP server (AI assistants)", url: resource.url };
  });
}
