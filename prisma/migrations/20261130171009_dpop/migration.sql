-- AlterTable
ALTER TABLE "OAuthRefreshToken" ADD COLUMN "dpopJkt" TEXT;

-- CreateTable
CREATE TABLE "OAuthDpopProof" (
    "jkt" TEXT NOT NULL,
    "jti" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,

    PRIMARY KEY ("jkt", "jti")
);

-- CreateIndex
CREATE INDEX "OAuthDpopProof_expiresAt_idx" ON "OAuthDpopProof"("expiresAt");
