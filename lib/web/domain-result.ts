/**
 * Pages render a domain refusal as part of the page (a member opening the invoices, a
 * preview with no unbilled time) instead of crashing into the error boundary.
 */
import { isDomainError, type DomainError } from "@/lib/domain/errors";

export type DomainResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export async function attempt<T>(work: () => Promise<T>): Promise<DomainResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, error };
    throw error;
  }
}
