import type { Metadata } from "next";
import { ClientCard } from "@/components/clients/client-card";
import { ClientForm } from "@/components/clients/client-form";
import { ProjectForm } from "@/components/clients/project-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { listClients } from "@/lib/domain/clients/list-clients";
import { formatMoney } from "@/lib/domain/money";
import { listProjects } from "@/lib/domain/projects/list-projects";
import type { ProjectView } from "@/lib/domain/projects/project-view";
import { createClientAction, createProjectAction, updateClientAction, updateProjectAction } from "./actions";

export const metadata: Metadata = { title: "Clients & projects" };

export default async function ClientsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const [clients, projects] = await Promise.all([listClients(actor, { includeArchived: true }), listProjects(actor, { includeArchived: true })]);

  const canWriteClients = can(actor, "clients:write");
  const canWriteProjects = can(actor, "projects:write");
  const currency = workspace.currency;
  const defaultRateLabel = formatMoney(workspace.defaultHourlyRate, currency);
  const byClient = new Map<string, ProjectView[]>();
  for (const project of projects) byClient.set(project.client.id, [...(byClient.get(project.client.id) ?? []), project]);
  const active = clients.filter((c) => !c.archived);
  const archived = clients.filter((c) => c.archived);
  const activeProjects = projects.filter((p) => !p.archived && active.some((c) => c.id === p.client.id)).length;

  const card = (client: (typeof clients)[number]) => (
    <ClientCard
      key={client.id}
      client={client}
      currency={currency}
      defaultRateLabel={defaultRateLabel}
      projects={(byClient.get(client.id) ?? [])
        .toSorted((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name))
        .map((p: ProjectView) => ({
          id: p.id,
          name: p.name,
          rate: p.hourlyRate === null ? null : formatMoney(p.hourlyRate, currency),
          rateInput: p.hourlyRate === null ? "" : (p.hourlyRate / 100).toFixed(2),
          billableByDefault: p.billableByDefault,
          archived: p.archived,
        }))}
      editClient={canWriteClients ? updateClientAction.bind(null, slug, client.id) : undefined}
      editProject={canWriteProjects ? (projectId) => updateProjectAction.bind(null, slug, projectId) : undefined}
      addProject={canWriteProjects ? createProjectAction.bind(null, slug) : undefined}
    />
  );

  const canWrite = canWriteClients || canWriteProjects;
  return (
    <>
      <PageHeader
        title="Clients & projects"
        description={`${active.length} ${active.length === 1 ? "client" : "clients"} · ${activeProjects} active ${activeProjects === 1 ? "project" : "projects"}${
          canWrite ? "" : " · Only owners and admins can change clients and projects."
        }`}
      />
      <div className={canWrite ? "grid grid-cols-1 items-start gap-6 lg:grid-cols-3" : ""}>
        <div className="space-y-5 lg:col-span-2">
          {active.length === 0 ? (
            <EmptyState title="No clients yet">
              {canWriteClients ? "Add your first client, then a project for it — time is always tracked on a project." : "An owner or admin adds clients and projects."}
            </EmptyState>
          ) : (
            active.map(card)
          )}
          {archived.length > 0 ? (
            <div className="space-y-4 pt-4">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Archived clients</h2>
              {archived.map(card)}
            </div>
          ) : null}
        </div>

        {canWrite ? (
          <div className="space-y-6 lg:sticky lg:top-8">
            {canWriteClients ? (
              <Card title="Add client">
                <ClientForm mode="create" action={createClientAction.bind(null, slug)} idPrefix="new-client" />
              </Card>
            ) : null}
            {canWriteProjects ? (
              <Card title="Add project">
                {active.length === 0 ? (
                  <p className="text-sm text-slate-500">Add a client first.</p>
                ) : (
                  <ProjectForm
                    mode="create"
                    action={createProjectAction.bind(null, slug)}
                    idPrefix="new-project"
                    clients={active.map((c) => ({ id: c.id, name: c.name }))}
                    currency={currency}
                    defaultRateLabel={defaultRateLabel}
                  />
                )}
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
