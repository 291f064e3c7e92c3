/**
 * Runs an operation for a connection: the domain call, then its result as wire JSON
 * (snake_case, ISO 8601 instants) checked against the operation's output schema — the same
 * JSON whichever surface asked.
 */
import type { Wire } from "@/lib/integrations/wire";
import { toWire } from "@/lib/integrations/wire";
import type { Operation, OperationContext } from "./operation";

export type WireObject = { [key: string]: Wire };

export async function performOperation(operation: Operation, ctx: OperationContext, input: unknown): Promise<WireObject> {
  return operation.output.parse(toWire(await operation.run(ctx, input as never))) as WireObject;
}
