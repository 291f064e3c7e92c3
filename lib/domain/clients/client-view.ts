import type { Client } from "@/lib/generated/prisma/client";

export interface ClientView {
  id: string;
  name: string;
  email: string | null;
  address: string | null;
  archived: boolean;
}

export function toClientView(row: Client): ClientView {
  return { id: row.id, name: row.name, email: row.email, address: row.address, archived: row.archived };
}
