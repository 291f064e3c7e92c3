/**
 * Domain views → the JSON MCP and REST clients see: snake_case keys (like the OAuth wire format)
 * and ISO 8601 instants.
 */
export type Wire = string | number | boolean | null | Wire[] | { [key: string]: Wire };

/** A domain name as the wire spells it: `entryIds` → `entry_ids`. */
export const snakeKey = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function toWire(value: unknown): Wire {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [snakeKey(k), toWire(v)]));
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

type CamelKey<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelKey<Tail>>}` : S;
/** A wire object with the domain's names: `{ tag_ids }` → `{ tagIds }`. */
export type DomainNamed<T> = { [K in keyof T as K extends string ? CamelKey<K> : K]: T[K] };

/** The inverse of `snakeKey`: `estimate_seconds` → `estimateSeconds`. */
export const domainKey = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** An input object with the domain's names, one level deep: `{ estimate_seconds: 60 }` → `{ estimateSeconds: 60 }`. */
export function domainNamed<T extends object>(input: T): DomainNamed<T> {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [domainKey(key), value])) as DomainNamed<T>;
}
