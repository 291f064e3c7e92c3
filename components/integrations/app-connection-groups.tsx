import { Badge } from "@/components/ui/badge";
import type { AppConnections } from "@/lib/domain/connections/connection-view";
import type { ActionState } from "@/lib/web/action-state";
import { ConnectionList } from "./connection-list";
import { RevokeConnectionForm } from "./revoke-connection-form";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Connections grouped by app: each installation of an app (a laptop and a phone running the
 * same assistant share its client_id) is a connection of its own, revocable alone or all
 * together; connections that ended by going unused stay visible for a while, marked ended.
 */
export function AppConnectionGroups({
  groups,
  revokeAction,
  revokeAllAction,
  idleDays,
  timeZone,
}: {
  groups: AppConnections[];
  revokeAction: Action;
  revokeAllAction: Action;
  idleDays: number;
  /** The viewer's time zone, for when each was approved and last used. */
  timeZone: string;
}) {
  return (
    <div className="space-y-8">
      {groups.map((group) => {
        const headingId = `app-${group.key.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
        return (
          <section key={group.key} aria-labelledby={headingId} className="space-y-3" data-testid="app-connections">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h2 id={headingId} className="text-lg font-semibold text-slate-900">
                  {group.appName}
                </h2>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
                  <Badge tone={group.resource === "mcp" ? "indigo" : "blue"}>{group.kindLabel}</Badge>
                  <span>
                    {group.live.length === 1 ? "1 connection" : `${group.live.length} connections`}
                    {group.ended.length ? `, ${group.ended.length} ended` : ""}
                  </span>
                </div>
              </div>
              {group.live.length > 1 ? (
                <RevokeConnectionForm
                  action={revokeAllAction}
                  appName={group.appName}
                  describedBy={headingId}
                  all={{ clientId: group.clientId, count: group.live.length }}
                />
              ) : null}
            </div>
            {group.live.length ? (
              <ConnectionList connections={group.live} revokeAction={revokeAction} label={`Connections of ${group.appName}`} idleDays={idleDays} timeZone={timeZone} />
            ) : null}
            {group.ended.length ? (
              <ConnectionList connections={group.ended} revokeAction={null} label={`Ended connections of ${group.appName}`} idleDays={idleDays} timeZone={timeZone} />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
