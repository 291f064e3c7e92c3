/**
 * One operation of the integration surfaces, declared once per domain verb: its name and
 * words, the scope and role permission it needs, what it does to data, its input and output
 * schemas (built from ./fields.ts), and one call into lib/domain. lib/mcp publishes each as a
 * tool and lib/api as a REST endpoint; each surface adds only its own words (tool hints and
 * text; HTTP method, path and status). No business rule lives here.
 */
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { Permission } from "@/lib/domain/permissions";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import type { Scope } from "@/lib/domain/integrations/scopes";
import { toWire, type Wire } from "@/lib/integrations/wire";

/**
 * What a call does to data: read changes nothing; additive creates something new (a retry
 * without an idempotency key creates it twice); updating sets fields (repeating it is
 * harmless); destructive removes or ends something.
 */
export type Effect = "read" | "additive" | "updating" | "destructive";

/** read: allowed while billing is past due; write and admin (hourbook:admin scope) are not. */
export type Access = "read" | "write" | "admin";

export interface OperationContext {
  connection: Connection;
  actor: Actor;
  /**
   * Set when the call carries an idempotency key: the transaction that claims the key and
   * stores the result. The operation's writes go through it, so they commit with the key or not at all.
   */
  tx?: DbTx;
}

export interface OperationDeclaration<I extends z.ZodObject, O extends z.ZodObject> {
  /** snake_case verb_noun, a public contract: the MCP tool name, and the REST operationId in camelCase. */
  name: string;
  /** A few words for people: the tool title and the endpoint summary. */
  title: string;
  /** What it does, for a model or a developer; may name other operations by their `name`. */
  description: string;
  scope: Scope;
  /** The role permission the domain will check; surfaces hide what a role cannot use. */
  permission: Permission | null;
  effect: Effect;
  input: I;
  /** A JSON object; a single resource or list sits under one key (`{ client }`, `{ clients }`). */
  output: O;
  /** Additive writes accept an idempotency key: a retry returns the first result. `run` then writes through `ctx.tx`. */
  idempotencyKey?: boolean;
  /**
   * Consequential operations: a dry run that refuses now what the operation would refuse,
   * and says in one sentence what it would do. A surface asks the user before it performs it.
   */
  confirm?: (ctx: OperationContext, input: z.output<I>) => Promise<string>;
  /** Domain input names → this operation's field names, where `snakeKey` does not give them (`membershipId` → `member_id`). */
  fieldNames?: Readonly<Record<string, string>>;
  /** Calls the domain; the result becomes wire JSON (lib/integrations/wire.ts) checked against `output`. */
  run: (ctx: OperationContext, input: z.output<I>) => Promise<unknown>;
  /**
   * Operations that answer a document (the invoice PDF), made with `defineFileOperation`: the
   * bytes. `run` then answers only what `FileOut` says of them; REST sends the bytes themselves,
   * MCP embeds them as a resource beside that JSON.
   */
  file?: (ctx: OperationContext, input: z.output<I>) => Promise<OperationFile>;
  /** A file operation's media type, e.g. "application/pdf". */
  fileMediaType?: string;
}

/** A document an operation answers: its bytes and how to name them. */
export interface OperationFile {
  /** "INV-0004.pdf": what a download saves it as. */
  fileName: string;
  /** "application/pdf". */
  mediaType: string;
  /** A stable URI naming the document, e.g. hourbook://invoices/{id}/pdf (the MCP resource's uri). */
  uri: string;
  data: Uint8Array<ArrayBuffer>;
}

/** What a file operation's JSON answer says of its document. */
export const FileOut = z.object({
  file_name: z.string().describe("File name to save it as, e.g. INV-0004.pdf"),
  media_type: z.string().describe("The document's media type, e.g. application/pdf"),
  size_bytes: z.number().int().describe("Size of the document in bytes"),
  uri: z.string().describe("URI of the document (the embedded resource's uri)"),
});

export interface Operation<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> extends OperationDeclaration<I, O> {
  access: Access;
}

export function defineOperation<I extends z.ZodObject, O extends z.ZodObject>(declaration: OperationDeclaration<I, O>): Operation<I, O> {
  const access: Access = declaration.effect === "read" ? "read" : declaration.scope === "hourbook:admin" ? "admin" : "write";
  return { ...declaration, access };
}

/**
 * An operation whose answer is a document: `file` makes it; `run` describes it (FileOut), for
 * the surfaces that answer JSON beside it.
 */
export function defineFileOperation<I extends z.ZodObject>(
  declaration: Omit<OperationDeclaration<I, typeof FileOut>, "output" | "run" | "file" | "fileMediaType" | "confirm" | "idempotencyKey"> & {
    mediaType: string;
    file: (ctx: OperationContext, input: z.output<I>) => Promise<OperationFile>;
  },
): Operation<I, typeof FileOut> {
  const { mediaType, ...rest } = declaration;
  return defineOperation({ ...rest, fileMediaType: mediaType, output: FileOut, run: async (ctx, input) => describeFile(await declaration.file(ctx, input)) });
}

function describeFile(file: OperationFile): z.output<typeof FileOut> {
  return { file_name: file.fileName, media_type: file.mediaType, size_bytes: file.data.byteLength, uri: file.uri };
}

/** Runs a file operation once: the document, and the JSON that describes it (checked against `output`). */
export async function performFileOperation(operation: Operation, ctx: OperationContext, input: unknown): Promise<{ file: OperationFile; output: WireObject }> {
  if (!operation.file) throw new Error(`${operation.name} does not answer a document`);
  const file = await operation.file(ctx, input as never);
  return { file, output: operation.output.parse(describeFile(file)) as WireObject };
}

export type WireObject = { [key: string]: Wire };

/** Runs an operation: the domain call, then its result as wire JSON checked against `output` — the same JSON whichever surface asked. */
export async function performOperation(operation: Operation, ctx: OperationContext, input: unknown): Promise<WireObject> {
  return operation.output.parse(toWire(await operation.run(ctx, input as never))) as WireObject;
}
