/**
 * Path and query parameters arrive as strings: `queryField` turns an operation's field into
 * the parameter that reads it (booleans from true/false, whole numbers from digits, a list
 * from a repeated parameter), keeping its bounds, default and description.
 */
import { z } from "zod";

export const QueryBoolean = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

export const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A repeatable parameter (`?tag_id=a&tag_id=b`), read as a list of `item`, at most `max`. */
const QueryList = (item: z.ZodType, max: number) => z.union([item, z.array(item).max(max)]).transform((value) => (Array.isArray(value) ? value : [value]));

export function queryField(field: z.ZodType): z.ZodType {
  const described = (schema: z.ZodType) => (field.description ? schema.describe(field.description) : schema);
  if (field instanceof z.ZodOptional) return described(queryField(field.unwrap() as z.ZodType).optional());
  if (field instanceof z.ZodDefault) return described(queryField(field.unwrap() as z.ZodType).default(field.def.defaultValue as never));
  if (field instanceof z.ZodBoolean) return described(QueryBoolean);
  if (field instanceof z.ZodNumber) return described(QueryInt(field.minValue ?? 0, field.maxValue ?? Number.MAX_SAFE_INTEGER));
  if (field instanceof z.ZodArray) {
    const max = field.def.checks?.map((check) => (check._zod.def as { maximum?: number }).maximum).find((m) => m !== undefined) ?? 100;
    return QueryList(field.element as z.ZodType, max).describe(`${field.description ?? "Ids"}; repeat the parameter for several`);
  }
  return field;
}
