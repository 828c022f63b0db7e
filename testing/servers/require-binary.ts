// A test whose server is missing fails and says what to install; it never skips.
import { accessSync, constants } from "node:fs";
import path from "node:path";

export const INSTALL_REAL_SERVERS = "apt-get install pebble pdns-server pdns-backend-sqlite3 sqlite3";

// Debian puts pdns_server in /usr/sbin, which a non-root PATH often lacks.
const EXTRA_DIRECTORIES = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

/** The absolute path of `name` on PATH (or an sbin folder), else an Error naming the packages to install. */
export function requireBinary(name: string): string {
  const directories = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), ...EXTRA_DIRECTORIES];
  for (const directory of directories) {
    const candidate = path.join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder; try the next.
    }
  }
  throw new Error(
    `${name} is not installed, and the tests against real ACME and DNS servers need it. On Debian or Ubuntu: ${INSTALL_REAL_SERVERS}`,
  );
}

/** The first of `candidates` that exists, else an Error naming the package to install. */
export function requireFile(candidates: readonly string[], what: string): string {
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.R_OK);
      return candidate;
    } catch {
      // Not here; try the next.
    }
  }
  throw new Error(
    `${what} was not found (looked in ${candidates.join(", ")}). On Debian or Ubuntu: ${INSTALL_REAL_SERVERS}`,
  );
}
