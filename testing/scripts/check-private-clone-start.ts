// A fresh clone in a folder only its owner can enter (issue 15, item 2): as root,
// `npm ci && npm run dev` must come up and serve /sign-in although PostgreSQL runs as
// the user postgres, who cannot enter the folder; and SIGTERM must stop PostgreSQL
// with the app. Not as root, the same steps run (the folder is then the user's own).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { RELOCATION_BASE, relocationFolder } from "@/lib/db/decide-postgres-placement";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import {
  type Environment,
  killGroup,
  lastLines,
  runToCompletion,
  type StartedProcess,
  startProcess,
  stopProcess,
  waitForOk,
  waitUntil,
} from "@/testing/scripts/app-process";

// What the outer `npm test` set must not leak into the clone: npm's own variables
// (npm_config_local_prefix would point the inner npm at this checkout), and
// CertDesk's settings, so the clone starts the way a new user's does.
const LEAKING =
  /^(npm_|INIT_CWD$|NODE_ENV$|PORT$|DATABASE_URL$|DEMO_MODE$|AUTH_|CRON_SECRET$|ENCRYPTION_KEY$|CERTDESK_|NEXT_DIST_DIR$|E2E_|SEED_|TEST_DATABASE_URL$)/;

function newUserEnvironment(port: number): Environment {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !LEAKING.test(name)));
  return { ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
}

function postmasterPid(dataDir: string): number {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) throw new Error(`No PostgreSQL is running on ${dataDir} (no postmaster.pid).`);
  return Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
}

export type PrivateCloneResult = {
  privileged: boolean;
  dataDir: string;
  notice: string | null;
  /** Seconds spent installing, starting (to the first 200 from /sign-in) and stopping. */
  seconds: { install: number; start: number; stop: number };
};

const since = (started: number) => Math.round((Date.now() - started) / 100) / 10;

/** `ref`: what to clone (default: this checkout's HEAD). */
export async function checkPrivateCloneStart(root: string, workDir: string, ref = "HEAD"): Promise<PrivateCloneResult> {
  const privileged = process.getuid?.() === 0;
  const folder = await mkdtemp(path.join(os.tmpdir(), "certdesk-private-"));
  await chmod(folder, 0o700);
  const clone = path.join(folder, "certdesk");
  let relocation: string | null = null;
  let app: StartedProcess | undefined;
  let postgres: number | undefined;
  try {
    const head = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    execFileSync("git", ["clone", "--quiet", "--no-checkout", root, clone], { stdio: "inherit" });
    execFileSync("git", ["checkout", "--quiet", "--detach", head], { cwd: clone, stdio: "inherit" });
    if (privileged) relocation = relocationFolder(realpathSync(clone));
    const port = await findFreePort();
    const env = newUserEnvironment(port);
    let phase = Date.now();
    await runToCompletion("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: clone,
      env,
      logFile: path.join(workDir, "clone-npm-ci.log"),
    });

    const install = since(phase);
    phase = Date.now();
    app = startProcess("npm", ["run", "dev"], { cwd: clone, env, logFile: path.join(workDir, "clone-dev.log") });
    await waitForOk(app, `http://localhost:${port}/sign-in`, 180_000);
    const start = since(phase);
    const log = app.log();
    const shown = /\(data in ([^)]+)\)/.exec(log)?.[1];
    if (!shown) throw new Error(`The start-up log does not say where the data is:\n${lastLines(log)}`);
    const dataDir = path.resolve(clone, shown);
    const notice = /PostgreSQL runs as the user [^"]+/.exec(log)?.[0] ?? null;
    if (privileged && relocation && !(dataDir.startsWith(`${relocation}/`) && notice)) {
      throw new Error(
        `As root in a private folder, the data should be kept in ${relocation} and the log say so:\n${lastLines(log)}`,
      );
    }
    postgres = postmasterPid(dataDir);

    phase = Date.now();
    // SIGTERM to npm alone, as `docker stop` or `kill <pid>` sends it.
    await stopProcess(app);
    const stopped = postgres;
    await waitUntil(
      () => !isProcessAlive(stopped),
      15_000,
      () => `PostgreSQL (pid ${stopped}) kept running after the app stopped.`,
    );
    return { privileged, dataDir, notice, seconds: { install, start, stop: since(phase) } };
  } finally {
    if (app?.child.pid) killGroup(app.child.pid);
    if (postgres && isProcessAlive(postgres)) process.kill(postgres, "SIGKILL");
    await rm(folder, { recursive: true, force: true });
    if (relocation?.startsWith(`${RELOCATION_BASE}/`)) await rm(relocation, { recursive: true, force: true });
  }
}
