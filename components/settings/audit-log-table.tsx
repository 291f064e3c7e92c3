import { When } from "@/components/integrations/when";
import { Table, Td } from "@/components/ui/table";
import type { AuditEventView } from "@/lib/domain/audit/list-audit-events";

/** Audit events, newest first: when, who, what, from which app, and the particulars. */
export function AuditLogTable({ events, timeZone }: { events: AuditEventView[]; timeZone: string }) {
  return (
    <Table caption="Audit log" columns={["Time", "Who", "What", "App", "Detail"]}>
      {events.map((e) => (
        <tr key={e.id} data-testid="audit-event" data-type={e.type}>
          <Td className="whitespace-nowrap text-xs tabular-nums">
            <When at={e.at} timeZone={timeZone} />
          </Td>
          <Td>{e.who ?? <span className="text-slate-500">—</span>}</Td>
          <Td className="font-medium text-slate-900">{e.what}</Td>
          <Td>{e.app ?? <span className="text-slate-500">—</span>}</Td>
          <Td className="max-w-md text-xs text-slate-600">{e.detail}</Td>
        </tr>
      ))}
    </Table>
  );
}
