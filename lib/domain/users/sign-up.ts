/**
 * A new person creates their account and their own workspace in one step (the /signup page):
 * name, email, password, and the workspace's name (its address is derived from it), currency
 * and time zone. They become its owner. An email that already has an account is refused with
 * a per-field message; nothing is written then.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { Email, Name } from "@/lib/domain/schemas";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { Currency, TimeZone } from "@/lib/domain/workspaces/update-workspace-settings";
import { hashPassword } from "./password";
import { NewPassword, PASSWORD_IS_EMAIL, passwordRepeatsEmail } from "./password-policy";

export const SignUpInput = z
  .object({
    name: Name,
    email: z.string().trim().toLowerCase().pipe(Email),
    password: NewPassword,
    workspaceName: Name,
    currency: Currency.default("EUR"),
    timeZone: TimeZone.default("UTC"),
  })
  // Checked with the fields, even when another field is refused, so the form says it on the same submit.
  .refine((v) => typeof v.password !== "string" || typeof v.email !== "string" || !passwordRepeatsEmail(v.password, v.email), {
    message: PASSWORD_IS_EMAIL,
    path: ["password"],
  });

export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead, or reset its password.";

export interface SignedUp {
  userId: string;
  email: string;
  workspaceSlug: string;
}

export async function signUp(input: z.input<typeof SignUpInput>): Promise<SignedUp> {
  const { name, email, password, workspaceName, currency, timeZone } = parseInput(SignUpInput, input);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(password);
  const base = slugOf(workspaceName);

  // A second try covers a slug taken between choosing it and writing it.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const taken = new Set((await tx.workspace.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((w) => w.slug));
        const slug = attempt === 0 ? freeSlug(base, taken) : `${base}-${Math.random().toString(36).slice(2, 7)}`;
        const user = await tx.user.create({ data: { email, name, passwordHash } });
        const workspace = await tx.workspace.create({ data: { name: workspaceName, slug, currency, timeZone } });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
        await recordAuditEvent({ type: "workspace.created", workspaceId: workspace.id, userId: user.id, detail: { name: workspaceName } }, tx);
        return { userId: user.id, email, workspaceSlug: slug };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
      if (attempt >= 2) throw conflict("Could not reserve an address for the workspace; try again.");
    }
  }
}

function emailTaken() {
  return invalidInput(EMAIL_TAKEN, { email: "already has an account" });
}

/** "Acme Design Studio" → "acme-design-studio"; accents dropped; "workspace" when nothing is left. */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "workspace";
}

function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
