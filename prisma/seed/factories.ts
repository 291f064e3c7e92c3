/**
 * Row factories for the demo seed and for tests that need their own data. They write
 * directly (no domain validation) so a test can set up any state, including ones the
 * domain would refuse, in one call.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { BillingState, InvoiceStatus, MembershipStatus, Plan, Role, TaskStatus } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/domain/users/password";

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const DEMO_PASSWORD = "hourbook-demo";

export async function createUser(db: PrismaClient, data: { email?: string; name?: string; password?: string; status?: "active" | "disabled" } = {}) {
  return db.user.create({
    data: {
      email: data.email ?? `${unique("user")}@example.com`,
      name: data.name ?? "Test User",
      passwordHash: await hashPassword(data.password ?? DEMO_PASSWORD),
      status: data.status ?? "active",
    },
  });
}

export function createWorkspace(
  db: PrismaClient,
  data: {
    name?: string;
    slug?: string;
    plan?: Plan;
    billingState?: BillingState;
    publicApiAccess?: boolean;
    currency?: string;
    defaultHourlyRate?: number;
    timeZone?: string;
    paymentTermsDays?: number;
    /** Business details printed as the seller on invoices. */
    legalName?: string;
    address?: string;
    taxId?: string;
    contactEmail?: string;
    paymentInstructions?: string;
  } = {},
) {
  const name = data.name ?? unique("Workspace");
  return db.workspace.create({
    data: {
      name,
      slug: data.slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
      plan: data.plan ?? "pro",
      billingState: data.billingState ?? "active",
      publicApiAccess: data.publicApiAccess ?? true,
      currency: data.currency ?? "EUR",
      defaultHourlyRate: data.defaultHourlyRate ?? 9_000,
      timeZone: data.timeZone ?? "UTC",
      paymentTermsDays: data.paymentTermsDays ?? 30,
      legalName: data.legalName ?? "",
      address: data.address ?? "",
      taxId: data.taxId ?? "",
      contactEmail: data.contactEmail ?? "",
      paymentInstructions: data.paymentInstructions ?? "",
    },
  });
}

export function addMember(
  db: PrismaClient,
  workspaceId: string,
  userId: string,
  role: Role = "member",
  status: MembershipStatus = "active",
) {
  return db.membership.create({ data: { workspaceId, userId, role, status } });
}

export function createClientRow(
  db: PrismaClient,
  workspaceId: string,
  data: { name?: string; email?: string | null; address?: string | null; taxId?: string | null; invoiceEmail?: string | null } = {},
) {
  return db.client.create({
    data: {
      workspaceId,
      name: data.name ?? unique("Client"),
      email: data.email ?? null,
      address: data.address ?? null,
      taxId: data.taxId ?? null,
      invoiceEmail: data.invoiceEmail ?? null,
    },
  });
}

export function createProjectRow(
  db: PrismaClient,
  workspaceId: string,
  clientId: string,
  data: { name?: string; hourlyRate?: number | null; billableByDefault?: boolean; archived?: boolean } = {},
) {
  return db.project.create({
    data: {
      workspaceId,
      clientId,
      name: data.name ?? unique("Project"),
      hourlyRate: data.hourlyRate === undefined ? 10_000 : data.hourlyRate,
      billableByDefault: data.billableByDefault ?? true,
      archived: data.archived ?? false,
    },
  });
}

export function createTaskRow(
  db: PrismaClient,
  workspaceId: string,
  projectId: string,
  data: { name?: string; status?: TaskStatus; billable?: boolean; estimateSeconds?: number | null; tagIds?: string[] } = {},
) {
  return db.task.create({
    data: {
      workspaceId,
      projectId,
      name: data.name ?? unique("Task"),
      status: data.status ?? "open",
      billable: data.billable ?? true,
      estimateSeconds: data.estimateSeconds ?? null,
      tags: { create: (data.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
}

export function createTagRow(db: PrismaClient, workspaceId: string, name?: string) {
  return db.tag.create({ data: { workspaceId, name: name ?? unique("tag") } });
}

export function createTimeEntryRow(
  db: PrismaClient,
  data: {
    workspaceId: string;
    membershipId: string;
    projectId: string;
    taskId?: string | null;
    startedAt: Date;
    durationSeconds: number;
    hourlyRate: number;
    description?: string;
    billable?: boolean;
    tagIds?: string[];
  },
) {
  return db.timeEntry.create({
    data: {
      workspaceId: data.workspaceId,
      membershipId: data.membershipId,
      projectId: data.projectId,
      taskId: data.taskId ?? null,
      startedAt: data.startedAt,
      durationSeconds: data.durationSeconds,
      hourlyRate: data.hourlyRate,
      description: data.description ?? "",
      billable: data.billable ?? true,
      tags: { create: (data.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
}

/**
 * An invoice row in any state, without lines (a test adds its own). Numbers must stay unique
 * per workspace, so give each a fresh `number`.
 */
export function createInvoiceRow(
  db: PrismaClient,
  data: {
    workspaceId: string;
    clientId: string;
    number: number;
    status?: InvoiceStatus;
    total?: number;
    amountPaid?: number;
    currency?: string;
    issueDate?: Date;
    dueDate?: Date;
  },
) {
  const total = data.total ?? 20_000;
  const issueDate = data.issueDate ?? new Date("2026-03-01T00:00:00Z");
  return db.invoice.create({
    data: {
      workspaceId: data.workspaceId,
      clientId: data.clientId,
      number: data.number,
      status: data.status ?? "sent",
      issueDate,
      dueDate: data.dueDate ?? new Date(issueDate.getTime() + 30 * 86_400_000),
      currency: data.currency ?? "EUR",
      subtotal: total,
      total,
      amountPaid: data.amountPaid ?? 0,
    },
  });
}
