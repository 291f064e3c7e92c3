import type { Prisma, RuleKind } from "@/lib/generated/prisma/client";
import { formatDuration } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";

export const ruleInclude = {
  client: { select: { id: true, name: true } },
  project: { select: { id: true, name: true } },
  membership: { select: { id: true, user: { select: { name: true } } } },
} satisfies Prisma.BillingRuleInclude;
type RuleRow = Prisma.BillingRuleGetPayload<{ include: typeof ruleInclude }>;

export interface RuleView {
  id: string;
  name: string;
  kind: RuleKind;
  active: boolean;
  client: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  member: { id: string; name: string } | null;
  roundingIncrementSeconds: number | null;
  roundingDirection: "up" | "down" | "nearest" | null;
  minimumSeconds: number | null;
  hourlyRate: number | null;
  /** "Round up to 0:15", "At least 0:30", "€120.00/h". */
  effect: string;
  /** "All work", "Project Website", "Grace Hopper on client Babbage & Co". */
  scope: string;
}

export function toRuleView(row: RuleRow, currency: string): RuleView {
  const member = row.membership ? { id: row.membership.id, name: row.membership.user.name } : null;
  const place = row.project ? `project ${row.project.name}` : row.client ? `client ${row.client.name}` : null;
  const scope = member ? (place ? `${member.name} on ${place}` : `${member.name}, all work`) : place ? capitalize(place) : "All work";
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    active: row.active,
    client: row.client,
    project: row.project,
    member,
    roundingIncrementSeconds: row.roundingIncrementSeconds,
    roundingDirection: row.roundingDirection,
    minimumSeconds: row.minimumSeconds,
    hourlyRate: row.hourlyRate,
    effect: describeEffect(row, currency),
    scope,
  };
}

function describeEffect(row: RuleRow, currency: string): string {
  switch (row.kind) {
    case "rounding": {
      const direction = row.roundingDirection === "nearest" ? "to the nearest" : row.roundingDirection;
      return `Round ${direction} ${formatDuration(row.roundingIncrementSeconds ?? 0)}`;
    }
    case "minimum_duration":
      return `At least ${formatDuration(row.minimumSeconds ?? 0)} per entry`;
    case "rate_override":
      return `${formatMoney(row.hourlyRate ?? 0, currency)}/h`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
