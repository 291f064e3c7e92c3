/*
  Warnings:

  - You are about to drop the column `taxRate` on the `Invoice` table. All the data in the column will be lost.
  - A unique constraint covering the columns `[workspaceId,kind,number]` on the table `Invoice` will be added. If there are existing duplicate values, this will fail.
  - A unique constraint covering the columns `[logoId]` on the table `Workspace` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "PaperSize" AS ENUM ('a4', 'letter');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('invoice', 'credit_note');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('invoice', 'reminder', 'credit_note');

-- DropIndex
DROP INDEX "Invoice_workspaceId_number_key";

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "invoiceEmail" TEXT,
ADD COLUMN     "taxId" TEXT;

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "amountCredited" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "buyer" JSONB,
ADD COLUMN     "creditedInvoiceId" TEXT,
ADD COLUMN     "discount" JSONB,
ADD COLUMN     "discountAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "InvoiceKind" NOT NULL DEFAULT 'invoice',
ADD COLUMN     "seller" JSONB,
ADD COLUMN     "taxNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taxes" JSONB NOT NULL DEFAULT '[]';

-- The one unnamed tax rate becomes a tax line labelled "Tax" (hand-written: keeps every taxed invoice's tax).
UPDATE "Invoice" SET "taxes" = jsonb_build_array(jsonb_build_object('label', 'Tax', 'rate', "taxRate", 'amount', "taxAmount")) WHERE "taxRate" > 0;
ALTER TABLE "Invoice" DROP COLUMN "taxRate";

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "attachment" BYTEA,
ADD COLUMN     "attachmentName" TEXT,
ADD COLUMN     "kind" "OutboxKind" NOT NULL DEFAULT 'invoice';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contactEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "creditNotePrefix" TEXT NOT NULL DEFAULT 'CN-',
ADD COLUMN     "legalName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "logoId" TEXT,
ADD COLUMN     "nextCreditNoteNumber" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "paperSize" "PaperSize" NOT NULL DEFAULT 'a4',
ADD COLUMN     "paymentInstructions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taxId" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "LogoImage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LogoImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LogoImage_workspaceId_idx" ON "LogoImage"("workspaceId");

-- CreateIndex
CREATE INDEX "Invoice_creditedInvoiceId_idx" ON "Invoice"("creditedInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_workspaceId_kind_number_key" ON "Invoice"("workspaceId", "kind", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_logoId_key" ON "Workspace"("logoId");

-- AddForeignKey
ALTER TABLE "Workspace" ADD CONSTRAINT "Workspace_logoId_fkey" FOREIGN KEY ("logoId") REFERENCES "LogoImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LogoImage" ADD CONSTRAINT "LogoImage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invoices sent before business details existed print what was known then, frozen now, so a
-- business detail added later does not appear on them (hand-written).
UPDATE "Invoice" SET
  "seller" = (SELECT jsonb_build_object('name', w."name", 'address', '', 'taxId', '', 'email', '', 'paymentInstructions', '', 'logoId', NULL) FROM "Workspace" w WHERE w."id" = "Invoice"."workspaceId"),
  "buyer" = (SELECT jsonb_build_object('name', c."name", 'address', COALESCE(c."address", ''), 'taxId', '', 'email', c."email") FROM "Client" c WHERE c."id" = "Invoice"."clientId")
WHERE "status" <> 'draft';
