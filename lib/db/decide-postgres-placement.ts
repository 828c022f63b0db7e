// Where the embedded PostgreSQL's binaries and data live when CertDesk is started as
// root. PostgreSQL refuses to run as root, so it runs as a service user (`postgres`),
// and that user must be able to reach both. A checkout in a folder only its owner
// can enter (/root/certdesk, a `mktemp -d` folder) is out of its reach: the binaries
// are then copied, and the data kept, in a folder of this checkout's own under
// /var/lib/certdesk that the service user owns. Pure: the facts are gathered by
// lib/db/place-embedded-postgres.ts.
import { createHash } from "node:crypto";
import path from "node:path";

export const RELOCATION_BASE = "/var/lib/certdesk";

/**
 * This checkout's folder under `base`: readable name plus a hash of its real path,
 * so the same checkout always finds the same folder and two checkouts never share one.
 */
export function relocationFolder(checkoutRealPath: string, base = RELOCATION_BASE): string {
  const name = path.basename(checkoutRealPath).replace(/[^A-Za-z0-9._-]/g, "-") || "checkout";
  const hash = createHash("sha256").update(checkoutRealPath).digest("hex").slice(0, 12);
  return path.join(base, `${name}-${hash}`);
}

/** Where a data folder of the checkout goes in its relocation folder; null for one outside the checkout. */
export function relocatedDataDir(folder: string, checkoutRealPath: string, requestedDataDir: string): string | null {
  const relative = path.relative(checkoutRealPath, requestedDataDir);
  if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) return null;
  return path.join(folder, relative);
}

export type RootPlacementFacts = {
  serviceUser: string;
  checkout: string;
  requestedDataDir: string;
  /** From relocatedDataDir(). */
  relocatedDataDir: string | null;
  /** The service user can traverse to the installed binaries and execute them. */
  binariesReachable: boolean;
  /** The service user can traverse to the folder that holds (or will hold) the requested data folder. */
  dataReachable: boolean;
  dataExistsInPlace: boolean;
  dataExistsRelocated: boolean;
  /** Throwaway data (tests): unreachable data in place is no reason to refuse, it is deleted anyway. */
  throwaway: boolean;
};

export type PlacementDecision =
  | { ok: true; copyBinaries: boolean; dataDir: string; dataRelocated: boolean }
  | { ok: false; message: string };

export function decideRootPostgresPlacement(facts: RootPlacementFacts): PlacementDecision {
  const copyBinaries = !facts.binariesReachable;
  const relocated = facts.relocatedDataDir;
  // Data kept for a private checkout stays where it is, even once the checkout is opened
  // up; throwaway data too, so that every process of a run (the app, admin:create) meets
  // on the same server.
  if (relocated && facts.dataExistsRelocated) {
    return { ok: true, copyBinaries, dataDir: relocated, dataRelocated: true };
  }
  if (facts.dataReachable) return { ok: true, copyBinaries, dataDir: facts.requestedDataDir, dataRelocated: false };
  const who = `PostgreSQL runs as the user ${facts.serviceUser} when CertDesk is started as root`;
  if (relocated && facts.dataExistsInPlace && !facts.throwaway) {
    return {
      ok: false,
      message: `${who}, and that user cannot reach the database in ${facts.requestedDataDir}: move that folder to ${relocated} (where CertDesk keeps the data of a checkout that user cannot enter), or let ${facts.serviceUser} through the folders above it (chmod o+x).`,
    };
  }
  if (!relocated) {
    return {
      ok: false,
      message: `${who}, and that user cannot reach ${facts.requestedDataDir}: set CERTDESK_DATA_DIR to a folder it can reach, or let it through the folders above that one (chmod o+x).`,
    };
  }
  return { ok: true, copyBinaries, dataDir: relocated, dataRelocated: true };
}
