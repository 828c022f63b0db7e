// `npm start` on a brand-new database (issue 15, item 1): the production server,
// started the way an operator starts it, has no demo accounts. Signing in as the demo
// administrator through the real sign-in endpoint is refused, the launcher says how to
// create the first administrator, and `npm run admin:create` makes one who can sign in.
import { randomBytes } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { relocatedDataDir, relocationFolder } from "@/lib/db/decide-postgres-placement";
import { CREATE_ADMIN_COMMAND } from "@/lib/db/decide-start-seeding";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { demoAccounts } from "@/lib/seed/demo-accounts";
import {
  killGroup,
  lastLines,
  runToCompletion,
  startProcess,
  stopProcess,
  waitForOk,
} from "@/testing/scripts/app-process";

type Cookies = Map<string, string>;

function keepCookies(cookies: Cookies, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

function cookieHeader(cookies: Cookies): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Auth.js's credentials sign-in, as the browser would post it; the session's cookies on success. */
async function signIn(baseURL: string, email: string, password: string): Promise<Cookies | null> {
  const cookies: Cookies = new Map();
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  keepCookies(cookies, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL}/` }),
  });
  keepCookies(cookies, response);
  const location = response.headers.get("location") ?? "";
  const refused = location.includes("error=");
  const hasSession = [...cookies.keys()].some((name) => name.endsWith("authjs.session-token"));
  if (refused !== !hasSession) {
    throw new Error(`sign-in answered ${response.status} to ${location} with cookies ${[...cookies.keys()]}`);
  }
  return hasSession ? cookies : null;
}

export async function checkProductionStart(root: string, workDir: string): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(
      `No production build in ${distDir}: run \`npm run build\` first (in \`npm test\`, test:e2e makes it).`,
    );
  }
  const port = await findFreePort();
  const baseURL = `http://localhost:${port}`;
  const dataDir = path.join(root, `.data/start-check-postgres-${process.pid}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: "",
    CERTDESK_EPHEMERAL_DB: "true",
    CERTDESK_DATA_DIR: dataDir,
    DEMO_MODE: "false",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.CERTDESK_SEED;
  delete env.CERTDESK_DATABASE_URL_FILE;
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const app = startProcess(tsx, ["--conditions=react-server", "scripts/run-app.ts", "start"], {
    cwd: root,
    env,
    logFile: path.join(workDir, "production-start.log"),
  });
  try {
    await waitForOk(app, `${baseURL}/sign-in`, 60_000);
    const demo = demoAccounts({});
    if (await signIn(baseURL, demo.admin.email, demo.admin.password)) {
      throw new Error(`A fresh production start let ${demo.admin.email} / ${demo.admin.password} sign in.`);
    }
    if (await signIn(baseURL, demo.customer.email, demo.customer.password)) {
      throw new Error(`A fresh production start let the demo customer ${demo.customer.email} sign in.`);
    }
    const page = await (await fetch(`${baseURL}/sign-in`)).text();
    if (page.includes(demo.admin.password)) throw new Error("The sign-in page advertises the demo password.");
    if (!app.log().includes(CREATE_ADMIN_COMMAND)) {
      throw new Error(`The launcher did not say how to create the first administrator:\n${lastLines(app.log())}`);
    }

    const admin = {
      email: `ops-${randomBytes(4).toString("hex")}@example.com`,
      password: randomBytes(12).toString("hex"),
    };
    await runToCompletion("npm", ["run", "admin:create", "--", "--email", admin.email, "--name", "Ops"], {
      cwd: root,
      env: { ...env, CERTDESK_EPHEMERAL_DB: "", ADMIN_PASSWORD: admin.password },
      logFile: path.join(workDir, "admin-create.log"),
    });
    const session = await signIn(baseURL, admin.email, admin.password);
    if (!session) throw new Error(`The administrator made by admin:create could not sign in.`);
    const adminPage = await fetch(`${baseURL}/admin`, {
      redirect: "manual",
      headers: { cookie: cookieHeader(session) },
    });
    if (adminPage.status !== 200) throw new Error(`The new administrator got ${adminPage.status} from /admin.`);
  } finally {
    await stopProcess(app);
    if (app.child.pid) killGroup(app.child.pid);
    // The launcher deletes its throwaway data when it stops; not when it had to be killed.
    await rm(dataDir, { recursive: true, force: true });
    if (process.getuid?.() === 0) {
      const realRoot = realpathSync(root);
      const kept = relocatedDataDir(
        relocationFolder(realRoot),
        realRoot,
        path.join(realRoot, path.relative(root, dataDir)),
      );
      if (kept) await rm(kept, { recursive: true, force: true });
    }
  }
}
