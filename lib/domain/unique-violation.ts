import { Prisma } from "@/lib/generated/prisma/client";
import { conflict } from "@/lib/domain/errors";

/** Runs a write and turns a unique-constraint violation into a readable `conflict`. */
export async function withUniqueName<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(message);
    throw error;
  }
}
