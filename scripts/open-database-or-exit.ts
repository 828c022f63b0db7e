// The command-line tools open the app's database the way the launcher does: when the
// embedded PostgreSQL cannot run here, one sentence that says what to do, no stack trace.
import { type AppDatabase, openAppDatabase } from "@/lib/db/app-database";
import { EmbeddedPostgresUnavailable } from "@/lib/db/place-embedded-postgres";

export async function openDatabaseOrExit(options?: Parameters<typeof openAppDatabase>[0]): Promise<AppDatabase> {
  try {
    return await openAppDatabase(options);
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresUnavailable)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
