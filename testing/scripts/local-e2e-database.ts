// The start of every e2e script that writes to the e2e app's database: it refuses anything
// but a local DATABASE_URL (the scripts create and change data freely) and gives the
// application the settings it validates at start, none of which these scripts use.
// Import it before the application: its modules read the environment when loaded.
export function requireLocalE2eDatabase(script: string): void {
  const url = process.env.DATABASE_URL ?? "";
  const host = url ? new URL(url).hostname : "";
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    console.error(`${script}: DATABASE_URL must point at a local database`);
    process.exit(2);
  }
  process.env.AUTH_SECRET ??= "e2e-seed-only-not-used-for-signing-000000";
  process.env.CRON_SECRET ??= "e2e-seed-only-not-used-for-anything-00000";
  process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
  process.env.LOG_LEVEL ??= "warn";
}
