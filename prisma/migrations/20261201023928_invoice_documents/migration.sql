/*
  Warnings:

  - You are about to drop the column `taxRate` on the `Invoice` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "Client" ADD COLUMN "invoiceEmail" TEXT;
ALTER TABLE "Client" ADD COLUMN "taxId" TEXT;

-- CreateTable
CREATE TABLE "LogoImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LogoImage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'invoice',
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "issueDate" DATETIME NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "currency" TEXT NOT NULL,
    "periodStart" DATETIME,
    "periodEnd" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "taxNote" TEXT NOT NULL DEFAULT '',
    "subtotal" INTEGER NOT NULL,
    "discount" JSONB,
    "discountAmount" INTEGER NOT NULL DEFAULT 0,
    "taxes" JSONB NOT NULL DEFAULT [],
    "taxAmount" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "amountPaid" INTEGER NOT NULL DEFAULT 0,
    "amountCredited" INTEGER NOT NULL DEFAULT 0,
    "creditedInvoiceId" TEXT,
    "seller" JSONB,
    "buyer" JSONB,
    "sentAt" DATETIME,
    "paidAt" DATETIME,
    "voidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Invoice_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invoice_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The one unnamed tax rate becomes a tax line labelled "Tax" (hand-written: keeps every taxed invoice's tax).
INSERT INTO "new_Invoice" ("amountPaid", "clientId", "createdAt", "currency", "dueDate", "id", "issueDate", "notes", "number", "paidAt", "periodEnd", "periodStart", "sentAt", "status", "subtotal", "taxAmount", "taxes", "total", "updatedAt", "voidedAt", "workspaceId") SELECT "amountPaid", "clientId", "createdAt", "currency", "dueDate", "id", "issueDate", "notes", "number", "paidAt", "periodEnd", "periodStart", "sentAt", "status", "subtotal", "taxAmount", CASE WHEN "taxRate" > 0 THEN json_array(json_object('label', 'Tax', 'rate', "taxRate", 'amount', "taxAmount")) ELSE '[]' END, "total", "updatedAt", "voidedAt", "workspaceId" FROM "Invoice";
DROP TABLE "Invoice";
ALTER TABLE "new_Invoice" RENAME TO "Invoice";
CREATE INDEX "Invoice_workspaceId_status_idx" ON "Invoice"("workspaceId", "status");
CREATE INDEX "Invoice_workspaceId_clientId_idx" ON "Invoice"("workspaceId", "clientId");
CREATE INDEX "Invoice_creditedInvoiceId_idx" ON "Invoice"("creditedInvoiceId");
CREATE UNIQUE INDEX "Invoice_workspaceId_kind_number_key" ON "Invoice"("workspaceId", "kind", "number");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'invoice',
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachment" BLOB,
    "attachmentName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("body", "createdAt", "id", "invoiceId", "subject", "toAddress", "workspaceId") SELECT "body", "createdAt", "id", "invoiceId", "subject", "toAddress", "workspaceId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_invoiceId_idx" ON "OutboxMessage"("invoiceId");
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
    "creditNotePrefix" TEXT NOT NULL DEFAULT 'CN-',
    "nextCreditNoteNumber" INTEGER NOT NULL DEFAULT 1,
    "legalName" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "taxId" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "paymentInstructions" TEXT NOT NULL DEFAULT '',
    "logoId" TEXT,
    "paperSize" TEXT NOT NULL DEFAULT 'a4',
    "integrationClientPolicy" TEXT NOT NULL DEFAULT 'any',
    "integrationAllowedHosts" JSONB NOT NULL DEFAULT [],
    "integrationMaxAccess" TEXT NOT NULL DEFAULT 'admin',
    "integrationApprovalOperations" TEXT NOT NULL DEFAULT 'send_invoice record_invoice_payment void_invoice',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Workspace_logoId_fkey" FOREIGN KEY ("logoId") REFERENCES "LogoImage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Workspace" ("billingState", "createdAt", "currency", "defaultHourlyRate", "id", "integrationAllowedHosts", "integrationApprovalOperations", "integrationClientPolicy", "integrationMaxAccess", "invoicePrefix", "name", "nextInvoiceNumber", "paymentTermsDays", "plan", "publicApiAccess", "slug", "timeZone", "updatedAt") SELECT "billingState", "createdAt", "currency", "defaultHourlyRate", "id", "integrationAllowedHosts", "integrationApprovalOperations", "integrationClientPolicy", "integrationMaxAccess", "invoicePrefix", "name", "nextInvoiceNumber", "paymentTermsDays", "plan", "publicApiAccess", "slug", "timeZone", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");
CREATE UNIQUE INDEX "Workspace_logoId_key" ON "Workspace"("logoId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LogoImage_workspaceId_idx" ON "LogoImage"("workspaceId");

-- Invoices sent before business details existed print what was known then, frozen now, so a
-- business detail added later does not appear on them (hand-written).
UPDATE "Invoice" SET
  "seller" = (SELECT json_object('name', w."name", 'address', '', 'taxId', '', 'email', '', 'paymentInstructions', '', 'logoId', NULL) FROM "Workspace" w WHERE w."id" = "Invoice"."workspaceId"),
  "buyer" = (SELECT json_object('name', c."name", 'address', COALESCE(c."address", ''), 'taxId', '', 'email', c."email") FROM "Client" c WHERE c."id" = "Invoice"."clientId")
WHERE "status" <> 'draft';
