// The log a deployment keeps: one entry per attempt, rollback and connection test, each with
// its steps as lib/deploy recorded them (trimmed, secrets redacted). Stored as JSON on the
// deployment; the oldest entries give way beyond MAX_LOG_ENTRIES so a deployment retried for
// days stays small. Pure.
import type { DeployStep } from "@/lib/deploy/deployment-contracts";

export const MAX_LOG_ENTRIES = 12;

export type DeploymentLogOutcome =
  | "DEPLOYED"
  | "DELIVERED"
  | "NOT_DEPLOYED"
  | "ROLLED_BACK"
  | "NEEDS_ATTENTION"
  | "NOTHING_TO_ROLL_BACK"
  | "FAILED";

export type DeploymentLogEntry = {
  action: "deploy" | "rollback";
  /** The attempt this entry belongs to (1 for the first). */
  attempt: number;
  /** ISO-8601, UTC, wall time. */
  at: string;
  /** How it ended (the console translates it). */
  outcome: DeploymentLogOutcome;
  steps: DeployStep[];
};

export function appendLogEntry(log: unknown, entry: DeploymentLogEntry): DeploymentLogEntry[] {
  return [...readDeploymentLog(log), entry].slice(-MAX_LOG_ENTRIES);
}

/** The stored log, or what of it has the right shape (a row written by an older version keeps loading). */
export function readDeploymentLog(log: unknown): DeploymentLogEntry[] {
  if (!Array.isArray(log)) return [];
  return log.filter(
    (entry): entry is DeploymentLogEntry =>
      typeof entry === "object" &&
      entry !== null &&
      (entry.action === "deploy" || entry.action === "rollback") &&
      typeof entry.at === "string" &&
      Array.isArray(entry.steps),
  );
}
