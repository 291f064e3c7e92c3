import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import type { RuleView } from "@/lib/domain/rules/rule-view";
import type { ActionState } from "@/lib/web/action-state";
import { RuleActiveToggle } from "./rule-active-toggle";

/** How specific a rule's scope is, in the words of the precedence order. */
function scopeLevel(rule: RuleView): string {
  const place = rule.project ? "Project" : rule.client ? "Client" : "Workspace";
  return rule.member ? `${place} + member` : place;
}

/** Rules of one kind, with what they do, where they apply and whether they are on. */
export function RuleTable({
  rules,
  caption,
  editPath,
  toggleAction,
  highlightId,
}: {
  rules: RuleView[];
  caption: string;
  editPath: string | null;
  toggleAction: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
  highlightId?: string;
}) {
  const hasActions = Boolean(editPath || toggleAction);
  return (
    <Table caption={caption} columns={["Rule", "Effect", "Applies to", "Level", "Status"]} actions={hasActions}>
      {rules.map((rule) => (
        <tr key={rule.id} className={rule.id === highlightId ? "bg-indigo-50/60" : undefined}>
          <Td className={rule.active ? "font-medium text-slate-900" : "font-medium text-slate-500"}>{rule.name}</Td>
          <Td className="whitespace-nowrap tabular-nums">{rule.effect}</Td>
          <Td>{rule.scope}</Td>
          <Td className="whitespace-nowrap text-xs text-slate-500">{scopeLevel(rule)}</Td>
          <Td>{rule.active ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}</Td>
          {hasActions ? (
            <Td align="right" className="whitespace-nowrap">
              <div className="flex items-center justify-end gap-1">
                {toggleAction ? <RuleActiveToggle action={toggleAction} id={rule.id} name={rule.name} active={rule.active} /> : null}
                {editPath ? (
                  <Link href={`${editPath}/${rule.id}`} className="rounded-md px-2.5 py-1.5 text-xs font-semibold text-indigo-700 hover:bg-indigo-50">
                    Edit<span className="sr-only"> {rule.name}</span>
                  </Link>
                ) : null}
              </div>
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}
