/**
 * Prepares a crash-test database (run with `tsx --conditions=react-server`, with the crash
 * server's HOURBOOK_DATA_DIR, DATABASE_URL and APP_URL): a REST API connection for Ada in
 * Lovelace Studio and its access token, plus the bookkeeping the server's start-up sweep must
 * clear — an expired idempotency record and more activity than the Integrations pages keep.
 * Prints one line of JSON (CrashFixture).
 */
import { db } from "@/lib/db";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { createGrant } from "@/lib/oauth/grants";
import { issueAccessToken } from "@/lib/oauth/access-token";

export interface CrashFixture {
  token: string;
  grantId: string;
  projectId: string;
  /** A sent invoice with a balance due. */
  invoiceId: string;
  amountPaid: number;
  balance: number;
}

/** More than any connection keeps, so the sweep has something to cut. */
const SEEDED_ACTIVITY = 120;

async function main(): Promise<CrashFixture> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "lovelace-studio" } });
  const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
  const project = await db.project.findFirstOrThrow({ where: { workspaceId: workspace.id, archived: false }, orderBy: { name: "asc" } });
  const invoice = await db.invoice.findFirstOrThrow({ where: { workspaceId: workspace.id, status: "sent" } });

  const client = await db.oAuthClient.create({
    data: { id: "crash-test-script", kind: "developer_app", name: "Crash test script", redirectUris: ["http://127.0.0.1/callback"], ownerUserId: ada.id },
  });
  const scope = "hourbook:read hourbook:write";
  const grantId = await db.$transaction((tx) =>
    createGrant(tx, { userId: ada.id, clientId: client.id, workspaceId: workspace.id, resource: protectedResource("api").url, scope }),
  );
  const { token } = await issueAccessToken({ userId: ada.id, clientId: client.id, grantId, workspaceId: workspace.id, resource: "api", scope });

  const yesterday = new Date(Date.now() - 25 * 3600 * 1000);
  await db.idempotencyRecord.create({
    data: { grantId, operation: "api:POST /api/v1/tags", key: "expired-before-start", requestHash: "0", status: "completed", response: {}, createdAt: yesterday, expiresAt: new Date(yesterday.getTime() + 24 * 3600 * 1000) },
  });
  await db.connectionActivity.createMany({
    data: Array.from({ length: SEEDED_ACTIVITY }, (_, i) => ({ grantId, kind: "api", name: "GET /api/v1/me", outcome: "ok", createdAt: new Date(yesterday.getTime() + i * 1000) })),
  });

  return { token, grantId, projectId: project.id, invoiceId: invoice.id, amountPaid: invoice.amountPaid, balance: invoice.total - invoice.amountPaid };
}

main()
  .then(async (fixture) => {
    await db.$disconnect();
    process.stdout.write(`${JSON.stringify(fixture)}\n`);
  })
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
