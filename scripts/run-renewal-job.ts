// `npm run job:renewals`: one run of the renewal job from the command line (a host
// cron can call this instead of the HTTP route). Prints the run's summary as JSON.
import { loadEnvironment } from "@/lib/dev/load-environment";

loadEnvironment({ developmentDefaults: false, dev: false });
if (!process.env.DATABASE_URL) {
  const { openDatabaseOrExit } = await import("./open-database-or-exit");
  const database = await openDatabaseOrExit();
  process.env.DATABASE_URL = database.url;
  process.on("exit", () => void database.release());
}
const [{ createJobRun }, { executeJobRun }, { disconnectDb }] = await Promise.all([
  import("@/lib/renewal-job/create-job-run"),
  import("@/lib/renewal-job/execute-job-run"),
  import("@/lib/db/client"),
]);
const run = await executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
console.log(
  JSON.stringify({
    runId: run.id,
    status: run.status,
    durationMs: run.durationMs,
    counts: run.counts,
    errors: run.errors,
  }),
);
await disconnectDb();
process.exit(run.status === "SUCCEEDED" ? 0 : 1);
