// Read by `prisma generate` only: migrations run through scripts/migrate.mjs (see README).
import { defineConfig } from "prisma/config";
import { databaseUrlOf } from "./lib/data-location.mjs";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrlOf(process.env) },
});
