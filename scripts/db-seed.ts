// `npm run db:seed`: demo accounts and data; safe to run again (duplicates nothing).
import { applyMigrations } from "@/lib/db/schema-engine";
import { loadEnvironment } from "@/lib/dev/load-environment";
import { openDatabaseOrExit } from "./open-database-or-exit";

loadEnvironment({ developmentDefaults: true, dev: true });
const database = await openDatabaseOrExit();
process.env.DATABASE_URL = database.url;
try {
  console.log(`database: ${database.description}`);
  await applyMigrations(database.url);
  const [{ seedDemoData }, { now }, { disconnectDb }] = await Promise.all([
    import("@/lib/seed/seed-demo-data"),
    import("@/lib/clock"),
    import("@/lib/db/client"),
  ]);
  const summary = await seedDemoData(await now());
  console.log(`created: ${summary.created.join(", ") || "nothing"}`);
  if (summary.skipped.length) console.log(`already there: ${summary.skipped.join(", ")}`);
  await disconnectDb();
} finally {
  await database.release();
}
process.exit(0);
