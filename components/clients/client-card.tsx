import { Badge } from "@/components/ui/badge";
import { EditableBlock } from "@/components/ui/editable";
import { EditableTable } from "@/components/ui/editable-table";
import { Td, type Column } from "@/components/ui/table";
import type { ActionState } from "@/lib/web/action-state";
import { ClientForm } from "./client-form";
import { ProjectForm } from "./project-form";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const PROJECT_COLUMNS: Column[] = ["Project", { label: "Hourly rate", align: "right" }, "Billable by default", "Status"];

export interface ClientCardProject {
  id: string;
  name: string;
  /** Formatted, e.g. "€120.00", or null when the project has no rate of its own. */
  rate: string | null;
  /** As typed in the edit form, e.g. "120.00". */
  rateInput: string;
  billableByDefault: boolean;
  archived: boolean;
}

export interface ClientCardProps {
  client: { id: string; name: string; email: string | null; address: string | null; taxId: string | null; invoiceEmail: string | null; archived: boolean };
  projects: ClientCardProject[];
  currency: string;
  defaultRateLabel: string;
  /** Present when the member may edit clients / projects. */
  editClient?: Action;
  editProject?: (projectId: string) => Action;
  addProject?: Action;
}

/** One client: its details and its projects, with inline editing for those allowed to. */
export function ClientCard({ client, projects, currency, defaultRateLabel, editClient, editProject, addProject }: ClientCardProps) {
  const headingId = `client-${client.id}`;
  const active = projects.filter((p) => !p.archived).length;
  const header = (
    <div>
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
        {client.name}
        {client.archived ? <Badge tone="amber">Archived</Badge> : null}
      </h2>
      <dl className="mt-1 grid gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
        <dt className="sr-only">Billing email</dt>
        <dd>
          {client.email ? (
            <a href={`mailto:${client.email}`} className="text-indigo-700 hover:underline">
              {client.email}
            </a>
          ) : (
            <span className="text-slate-500">No billing email</span>
          )}
        </dd>
        {client.invoiceEmail ? (
          <>
            <dt className="text-slate-500">Invoices to</dt>
            <dd>{client.invoiceEmail}</dd>
          </>
        ) : null}
        <dt className="sr-only">Billing address</dt>
        <dd className="whitespace-pre-line text-slate-500">{client.address ?? ""}</dd>
        {client.taxId ? (
          <>
            <dt className="text-slate-500">Tax ID</dt>
            <dd>{client.taxId}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );

  const cells = (project: ClientCardProject) => (
    <>
      <Td className="font-medium text-slate-900">{project.name}</Td>
      <Td align="right">
        {project.rate ? (
          <span>
            {project.rate}
            <span className="text-slate-500">/h</span>
          </span>
        ) : (
          <span className="text-slate-500">Default ({defaultRateLabel}/h)</span>
        )}
      </Td>
      <Td>{project.billableByDefault ? <Badge tone="green">Yes</Badge> : <Badge tone="gray">No</Badge>}</Td>
      <Td>{project.archived ? <Badge tone="amber">Archived</Badge> : <Badge tone="blue">Active</Badge>}</Td>
    </>
  );

  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="border-b border-slate-100 px-5 py-4">
        {editClient ? (
          <EditableBlock
            label={client.name}
            view={header}
            form={
              <ClientForm
                mode="edit"
                action={editClient}
                idPrefix={`edit-client-${client.id}`}
                values={{
                  name: client.name,
                  email: client.email ?? "",
                  address: client.address ?? "",
                  taxId: client.taxId ?? "",
                  invoiceEmail: client.invoiceEmail ?? "",
                  archived: client.archived,
                }}
              />
            }
          />
        ) : (
          header
        )}
      </div>

      {projects.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No projects yet.</p>
      ) : (
        <div className="px-2 py-1">
          <EditableTable
            caption={`Projects for ${client.name}`}
            columns={PROJECT_COLUMNS}
            rows={projects}
            cells={cells}
            form={
              editProject &&
              ((project: ClientCardProject) => (
                <ProjectForm
                  mode="edit"
                  action={editProject(project.id)}
                  idPrefix={`edit-project-${project.id}`}
                  currency={currency}
                  defaultRateLabel={defaultRateLabel}
                  values={{ clientId: client.id, name: project.name, hourlyRate: project.rateInput, billableByDefault: project.billableByDefault, archived: project.archived }}
                />
              ))
            }
          />
        </div>
      )}

      <div className="border-t border-slate-100 px-5 py-3">
        {addProject && !client.archived ? (
          <EditableBlock
            label={`to ${client.name}`}
            editLabel="Add project"
            view={<ProjectCount active={active} total={projects.length} />}
            form={
              <ProjectForm mode="create" action={addProject} idPrefix={`add-project-${client.id}`} fixedClientId={client.id} currency={currency} defaultRateLabel={defaultRateLabel} />
            }
          />
        ) : (
          <ProjectCount active={active} total={projects.length} />
        )}
      </div>
    </section>
  );
}

function ProjectCount({ active, total }: { active: number; total: number }) {
  const archived = total - active;
  return (
    <p className="py-1 text-xs text-slate-500">
      {active} active {active === 1 ? "project" : "projects"}
      {archived ? ` · ${archived} archived` : ""}
    </p>
  );
}
