/**
 * The current time, replaceable in tests so expiries and "overdue" can be checked
 * without sleeping.
 */
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

/** Test hook: freeze or drive the clock; pass null to restore real time. */
export function setClock(clock: (() => Date) | null): void {
  override = clock;
}
