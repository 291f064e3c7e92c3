import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ConnectionView } from "@/lib/domain/connections/connection-view";
import { ACCESS_LEVEL_WORDS } from "@/lib/domain/integrations/access-words";
import type { ActionState } from "@/lib/web/action-state";
import { RevokeConnectionForm } from "./revoke-connection-form";
import { When } from "./when";

const OUTCOME: Record<ConnectionView["recentActivity"][number]["outcome"], { label: string; tone: BadgeTone }> = {
  ok: { label: "OK", tone: "green" },
  error: { label: "Refused", tone: "amber" },
  denied: { label: "Denied", tone: "red" },
};

/**
 * Connections as a list: each item names the app, where it comes from, what kind it is, the
 * workspace (and, in workspace settings, the member), the approved access in plain words,
 * when it was approved and last used, its latest calls, and a way to revoke it.
 */
export function ConnectionList({
  connections,
  revokeAction,
  showMember = false,
  timeZone,
  label,
  idleDays = 90,
}: {
  connections: ConnectionView[];
  /** HOURBOOK_CONNECTION_IDLE_DAYS, for the wording of ended connections. */
  idleDays?: number;
  revokeAction: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
  showMember?: boolean;
  /** The viewer's time zone (lib/web/viewer-time-zone.ts). */
  timeZone: string;
  label: string;
}) {
  return (
    <ul aria-label={label} className="space-y-4">
      {connections.map((c) => {
        const headingId = `connection-${c.grantId}`;
        return (
          <li key={c.grantId} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="connection">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h3 id={headingId} className="text-base font-semibold text-slate-900">
                  {c.appName}
                  <span className="sr-only">
                    {" "}
                    in {c.workspace.name}
                    {showMember ? `, connected by ${c.member.name}` : ""}
                  </span>
                </h3>
                <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  {c.endedAt ? <Badge tone="gray">Ended</Badge> : null}
                  <Badge tone={c.resource === "mcp" ? "indigo" : "blue"}>{c.kindLabel}</Badge>
                  <Badge tone={c.clientKind === "dynamic" ? "amber" : "gray"}>{c.origin}</Badge>
                </div>
              </div>
              {revokeAction && !c.endedAt ? (
                <RevokeConnectionForm
                  action={revokeAction}
                  grantId={c.grantId}
                  appName={c.appName}
                  workspaceName={c.workspace.name}
                  memberName={showMember ? c.member.name : undefined}
                  describedBy={headingId}
                />
              ) : null}
            </div>

            <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-500">Workspace</dt>
              <dd className="font-medium text-slate-900">{c.workspace.name}</dd>
              {showMember ? (
                <>
                  <dt className="text-slate-500">Connected by</dt>
                  <dd className="text-slate-900">
                    {c.member.name} <span className="text-slate-500">({c.member.email})</span>
                  </dd>
                </>
              ) : null}
              <dt className="text-slate-500">Access</dt>
              <dd className="text-slate-900">
                <p className="font-medium">{ACCESS_LEVEL_WORDS[c.accessLevel]}</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                  {c.access.flatMap((group) =>
                    group.items.map((item) => (
                      <li key={item.scope}>
                        {group.area === "Everything" ? "" : `${group.area}: `}
                        {item.text}
                      </li>
                    )),
                  )}
                </ul>
              </dd>
              <dt className="text-slate-500">Approved</dt>
              <dd className="text-slate-900">
                <When at={c.approvedAt} timeZone={timeZone} />
              </dd>
              <dt className="text-slate-500">Last used</dt>
              <dd className="text-slate-900">{c.lastUsedAt ? <When at={c.lastUsedAt} timeZone={timeZone} /> : "Not used yet"}</dd>
              {c.endedAt ? (
                <>
                  <dt className="text-slate-500">Ended</dt>
                  <dd className="text-slate-900" data-testid="connection-ended">
                    <When at={c.endedAt} timeZone={timeZone} />, after {idleDays} days unused. Approve the app again to reconnect.
                  </dd>
                </>
              ) : null}
            </dl>

            <section aria-label={`Recent activity of ${c.appName}`} className="mt-4 border-t border-slate-100 pt-3">
              <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Recent activity</h4>
              {c.recentActivity.length ? (
                <ol className="mt-2 space-y-1 text-sm">
                  {c.recentActivity.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                      <span className="text-xs text-slate-500 tabular-nums">
                        <When at={a.at} timeZone={timeZone} />
                      </span>
                      <code className="text-xs text-slate-800">{a.name}</code>
                      <Badge tone={OUTCOME[a.outcome].tone}>{OUTCOME[a.outcome].label}</Badge>
                      {a.detail ? <span className="min-w-0 truncate text-xs text-slate-500" title={a.detail}>{a.detail}</span> : null}
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="mt-1 text-sm text-slate-500">No calls yet.</p>
              )}
            </section>
          </li>
        );
      })}
    </ul>
  );
}
