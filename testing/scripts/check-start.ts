// `npm run test:start`: starting CertDesk the way operators and new users do (issue 15).
//   1. `npm start` on a brand-new database has no demo accounts (checkProductionStart),
//      on the production build test:e2e has just made (NEXT_DIST_DIR, default .next).
//   2. A clone in a private folder starts with `npm run dev`, also as root
//      (checkPrivateCloneStart).
// `--only=production` or `--only=private-clone` runs one of them; `--ref=<commit>` clones
// that commit instead of HEAD (to see the check fail on one from before the fix). Logs go to a temporary
// folder, printed from when a check fails and removed in every case.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stopEverythingStarted } from "@/testing/scripts/app-process";
import { checkPrivateCloneStart } from "@/testing/scripts/check-private-clone-start";
import { checkProductionStart } from "@/testing/scripts/check-production-start";

const { values } = parseArgs({ options: { only: { type: "string" }, ref: { type: "string" } } });
const checks = values.only ? [values.only] : ["production", "private-clone"];
const root = process.cwd();
const workDir = await mkdtemp(path.join(os.tmpdir(), "certdesk-start-check-"));
// Interrupted: the checks' own clean-up cannot run; end what they started, remove the logs.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopEverythingStarted();
    void rm(workDir, { recursive: true, force: true }).finally(() => process.exit(130));
  });
}

async function timed(name: string, run: () => Promise<string>): Promise<void> {
  const started = Date.now();
  const detail = await run();
  console.log(`test:start: ${name} ok in ${((Date.now() - started) / 1000).toFixed(1)} s (${detail})`);
}

let failed = false;
try {
  for (const check of checks) {
    if (check === "production") {
      await timed("npm start on a new database", async () => {
        await checkProductionStart(root, workDir);
        return "demo administrator refused; admin:create made one who signed in";
      });
    } else if (check === "private-clone") {
      await timed("npm run dev from a private clone", async () => {
        const result = await checkPrivateCloneStart(root, workDir, values.ref);
        const { install, start, stop } = result.seconds;
        const phases = `npm ci ${install} s, up ${start} s, stopped ${stop} s`;
        return result.privileged
          ? `as root, ${phases}; ${result.notice}`
          : `ran unprivileged (not root): the folder is this user's own, data in ${result.dataDir}; ${phases}`;
      });
    } else {
      throw new Error(`unknown check ${check}: use --only=production or --only=private-clone`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`test:start failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
