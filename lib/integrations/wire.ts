/**
 * Domain views → the JSON MCP and REST clients see: snake_case keys (like the OAuth wire format)
 * and ISO 8601 instants.
 */
export type Wire = string | number | boolean | null | Wire[] | { [key: string]: Wire };

/** A domain name as the wire spells it: `entryIds` → `entry_ids`. */
export const snakeKey = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// A page of entries spells the same few dozen names thousands of times (it showed in the
// hot path's CPU profile): remember them. Bounded, in case keys ever come from data.
const SPELLED_MAX = 1_000;
const spelled = new Map<string, string>();
function wireKey(key: string): string {
  let wire = spelled.get(key);
  if (wire === undefined) {
    wire = snakeKey(key);
    if (spelled.size < SPELLED_MAX) spelled.set(key, wire);
  }
  return wire;
}

export function toWire(value: unknown): Wire {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === "object") {
    const wire: { [key: string]: Wire } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      // defineProperty, as Object.fromEntries would: a key "__proto__" stays a key.
      if (k === "__proto__") Object.defineProperty(wire, k, { value: toWire(v), enumerable: true, writable: true, configurable: true });
      else wire[wireKey(k)] = toWire(v);
    }
    return wire;
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
