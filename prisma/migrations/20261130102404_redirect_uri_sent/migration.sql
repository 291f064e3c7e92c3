-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OAuthAuthorizationCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "codeHash" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "redirectUriSent" BOOLEAN NOT NULL DEFAULT true,
    "codeChallenge" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OAuthAuthorizationCode_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "OAuthGrant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OAuthAuthorizationCode" ("codeChallenge", "codeHash", "consumedAt", "createdAt", "expiresAt", "grantId", "id", "redirectUri", "resource", "scope") SELECT "codeChallenge", "codeHash", "consumedAt", "createdAt", "expiresAt", "grantId", "id", "redirectUri", "resource", "scope" FROM "OAuthAuthorizationCode";
DROP TABLE "OAuthAuthorizationCode";
ALTER TABLE "new_OAuthAuthorizationCode" RENAME TO "OAuthAuthorizationCode";
CREATE UNIQUE INDEX "OAuthAuthorizationCode_codeHash_key" ON "OAuthAuthorizationCode"("codeHash");
CREATE TABLE "new_OAuthAuthorizationRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "redirectUriSent" BOOLEAN NOT NULL DEFAULT true,
    "state" TEXT,
    "scope" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "codeChallenge" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OAuthAuthorizationRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OAuthAuthorizationRequest" ("clientId", "codeChallenge", "createdAt", "decidedAt", "expiresAt", "id", "redirectUri", "resource", "scope", "state", "userId") SELECT "clientId", "codeChallenge", "createdAt", "decidedAt", "expiresAt", "id", "redirectUri", "resource", "scope", "state", "userId" FROM "OAuthAuthorizationRequest";
DROP TABLE "OAuthAuthorizationRequest";
ALTER TABLE "new_OAuthAuthorizationRequest" RENAME TO "OAuthAuthorizationRequest";
CREATE INDEX "OAuthAuthorizationRequest_expiresAt_idx" ON "OAuthAuthorizationRequest"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
