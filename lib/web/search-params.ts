/** Reading a page's `searchParams` (Next hands over strings, arrays or nothing). */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; empty counts as absent. */
export function param(params: SearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Every value of a repeated query parameter (`?scope=a&scope=b`), empty ones left out. */
export function paramList(params: SearchParams, name: string): string[] {
  const raw = params[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter(Boolean);
}

/** `?a=1&b=2` from the given values, skipping empty ones. */
export function queryString(values: Record<string, string | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : "";
}
