// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database.
import { applyMigrations } from "@/lib/db/schema-engine";
import { loadEnvironment } from "@/lib/dev/load-environment";
import { openDatabaseOrExit } from "./open-database-or-exit";

loadEnvironment({ developmentDefaults: false, dev: true });
const database = await openDatabaseOrExit();
try {
  console.log(`database: ${database.description}`);
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "already up to date");
} finally {
  await database.release();
}
process.exit(0);
