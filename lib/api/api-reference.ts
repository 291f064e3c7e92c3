/**
 * The readable API reference (/developers/api), read off the generated OpenAPI document, so the
 * page, the document and the routes describe the same endpoints: per tag, each operation's
 * method, path, summary, scope, parameters and body fields, with JSON Schema types in words.
 */
import { COARSE_SCOPES, scopesAllow, type Scope } from "@/lib/domain/integrations/scopes";
import { openApiDocument } from "./openapi";

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  multipleOf?: number;
  default?: unknown;
};

type Parameter = { name: string; in: "path" | "query" | "header"; required: boolean; description?: string; schema: JsonSchema };
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: { oauth2: Scope[] }[];
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json"?: { schema: JsonSchema } } }>;
};

export interface ReferenceField {
  name: string;
  /** path, query, header or body */
  where: string;
  type: string;
  required: boolean;
  description: string | null;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  scope: Scope;
  /** Coarse scopes that also allow it (hourbook:read covers time:read…). */
  alsoAllowedBy: Scope[];
  successStatus: string;
  fields: ReferenceField[];
  /** Bodies that take one of several shapes (a rule per kind): each variant's fields. */
  bodyVariants: { title: string; fields: ReferenceField[] }[];
  responseFields: ReferenceField[];
}

export interface ReferenceTag {
  name: string;
  anchor: string;
  operations: ReferenceOperation[];
}

const INT_LIMIT = 9_007_199_254_740_991;

const bound = (n: number | undefined) => (n === undefined || Math.abs(n) >= INT_LIMIT ? undefined : n);

/** A JSON Schema type in words: "integer 60–86400", "string (date-time)", "array of string", "a | b". */
export function describeType(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== "null");
    const words = [...new Set(nonNull.map(describeType))].join(" or ");
    return nonNull.length < variants.length ? `${words} or null` : words;
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array") {
    const of = schema.items ? describeType(schema.items) : "any";
    return schema.maxItems !== undefined ? `array of ${of} (at most ${schema.maxItems})` : `array of ${of}`;
  }
  const min = bound(schema.minimum ?? schema.exclusiveMinimum);
  const max = bound(schema.maximum);
  const range = min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : "";
  const step = schema.multipleOf ? `, multiple of ${schema.multipleOf}` : "";
  const length =
    schema.maxLength !== undefined ? ` (${schema.minLength ? `${schema.minLength}–` : "up to "}${schema.maxLength} characters)` : schema.format ? ` (${schema.format})` : "";
  return `${type}${range}${step}${length}`;
}

function fieldsOf(schema: JsonSchema, where: string): ReferenceField[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    where,
    type: describeType(property),
    required: (schema.required ?? []).includes(name),
    description: descriptionOf(property),
  }));
}

/** zod puts the description of a nullable field on its non-null variant. */
const descriptionOf = (schema: JsonSchema): string | null =>
  schema.description ?? (schema.anyOf ?? schema.oneOf ?? []).find((v) => v.description)?.description ?? null;

const anchorOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function apiReference(): { title: string; version: string; description: string; server: string; tags: ReferenceTag[] } {
  const doc = openApiDocument() as {
    info: { title: string; version: string; description: string };
    servers: { url: string }[];
    tags: { name: string }[];
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): ReferenceOperation & { tag: string } => {
      const scope = op.security[0]?.oauth2[0] as Scope;
      const body = op.requestBody?.content["application/json"].schema;
      const successStatus = Object.keys(op.responses).find((s) => s.startsWith("2")) ?? "200";
      const response = op.responses[successStatus]?.content?.["application/json"]?.schema;
      return {
        tag: op.tags[0] ?? "Other",
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description ?? null,
        scope,
        alsoAllowedBy: COARSE_SCOPES.filter((c) => c !== scope && scopesAllow([c], scope)),
        successStatus,
        fields: [
          ...op.parameters.map((p) => ({ name: p.name, where: p.in, type: describeType(p.schema), required: p.required, description: p.description ?? descriptionOf(p.schema) })),
          ...(body && !body.oneOf ? fieldsOf(body, "body") : []),
        ],
        bodyVariants: body?.oneOf ? body.oneOf.map((variant) => ({ title: variantTitle(variant), fields: fieldsOf(variant, "body") })) : [],
        responseFields: response ? fieldsOf(response, "response") : [],
      };
    }),
  );
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    server: doc.servers[0]?.url ?? "",
    tags: doc.tags.map(({ name }) => ({ name, anchor: anchorOf(name), operations: operations.filter((o) => o.tag === name) })),
  };
}

/** "kind: rounding" for a variant told apart by a constant field. */
function variantTitle(variant: JsonSchema): string {
  const [name, property] = Object.entries(variant.properties ?? {}).find(([, p]) => p.const !== undefined) ?? [];
  return name && property ? `${name}: ${String(property.const)}` : "One shape";
}
