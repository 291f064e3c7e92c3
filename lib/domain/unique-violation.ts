import { Prisma } from "@/lib/generated/prisma/client";
import { conflict } from "@/lib/domain/errors";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Runs a write and turns a unique-constraint violation into a readable `conflict`. */
export async function withUniqueName<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}
