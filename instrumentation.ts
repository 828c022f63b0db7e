// Runs once when the Next.js server starts: a bad configuration stops it here, with
// a message naming the variable, rather than at the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("@/lib/config");
  const { logger, describeDatabaseUrl } = await import("@/lib/logger");
  const config = getConfig();
  logger.info(
    { demoMode: config.demoMode, database: config.databaseUrl ? describeDatabaseUrl(config.databaseUrl) : "not set" },
    "CertDesk server started",
  );
  const { isSocketPeerRecorded } = await import("@/lib/http/socket-peer");
  if (config.trustProxy === 0 && !isSocketPeerRecorded()) {
    logger.warn(
      "Next.js was started without CertDesk's launcher, so the app cannot see client addresses: sign-in limits " +
        "and the audit log record them as unknown. Start it with `npm start` (or `npm run dev`), or set TRUST_PROXY " +
        "to the number of reverse proxies in front of it.",
    );
  }
}
