/** Field schemas for path and query parameters, which arrive as strings. */
import { z } from "zod";

export const QueryBoolean = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

export const ResourceId = z.string().min(1).max(64).describe("Resource id");

export const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
