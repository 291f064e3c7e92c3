/**
 * `npm run db:seed`: loads the demo data into an empty database (scripts/prepare-data.mjs
 * runs it on first start). A database that already has users is left alone.
 */
import { db } from "@/lib/db";
import { seedDemo } from "./seed/demo";

async function main() {
  if ((await db.user.count()) > 0) {
    console.log("Database already has data; demo seed skipped.");
    return;
  }
  const started = Date.now();
  await seedDemo();
  console.log(`Seeded demo data in ${Date.now() - started} ms (ada@example.com / grace@example.com, password hourbook-demo).`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
