import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { toClientView, type ClientView } from "./client-view";

export const ListClientsInput = z.object({ includeArchived: z.boolean().default(false) });

export interface ClientSummary extends ClientView {
  projectCount: number;
}

export async function listClients(actor: Actor, input: z.input<typeof ListClientsInput> = {}): Promise<ClientSummary[]> {
  assertCan(actor, "clients:read", "view clients");
  const { includeArchived } = parseInput(ListClientsInput, input);
  const rows = await db.client.findMany({
    where: { workspaceId: actor.workspaceId, ...(includeArchived ? {} : { archived: false }) },
    include: { _count: { select: { projects: { where: { archived: false } } } } },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ ...toClientView(row), projectCount: row._count.projects }));
}
