-- CreateTable
CREATE TABLE "ActionApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "confirmationId" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "appName" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ActionApproval_confirmationId_fkey" FOREIGN KEY ("confirmationId") REFERENCES "ConfirmationToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ActionApproval_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT 'free',
    "billingState" TEXT NOT NULL DEFAULT 'active',
    "publicApiAccess" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "defaultHourlyRate" INTEGER NOT NULL DEFAULT 0,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "invoicePrefix" TEXT NOT NULL DEFAULT 'INV-',
    "nextInvoiceNumber" INTEGER NOT NULL DEFAULT 1,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "integrationClientPolicy" TEXT NOT NULL DEFAULT 'any',
    "integrationAllowedHosts" JSONB NOT NULL DEFAULT [],
    "integrationMaxAccess" TEXT NOT NULL DEFAULT 'admin',
    "integrationApprovalOperations" TEXT NOT NULL DEFAULT 'send_invoice record_invoice_payment void_invoice',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("billingState", "createdAt", "currency", "defaultHourlyRate", "id", "integrationAllowedHosts", "integrationClientPolicy", "integrationMaxAccess", "invoicePrefix", "name", "nextInvoiceNumber", "paymentTermsDays", "plan", "publicApiAccess", "slug", "timeZone", "updatedAt") SELECT "billingState", "createdAt", "currency", "defaultHourlyRate", "id", "integrationAllowedHosts", "integrationClientPolicy", "integrationMaxAccess", "invoicePrefix", "name", "nextInvoiceNumber", "paymentTermsDays", "plan", "publicApiAccess", "slug", "timeZone", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ActionApproval_confirmationId_key" ON "ActionApproval"("confirmationId");

-- CreateIndex
CREATE INDEX "ActionApproval_userId_status_expiresAt_idx" ON "ActionApproval"("userId", "status", "expiresAt");
