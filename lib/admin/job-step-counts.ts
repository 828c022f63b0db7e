// Which of a run's counts belong to which step, in the order the job runs them. Pure
// (no database), so the dashboard's client components can use it.
import type { JobCounts, JobStep } from "@/lib/renewal-job/job-runs";

export const STEP_COUNTS = [
  {
    step: "deduct",
    counts: ["deducted", "terminatedInsufficientBalance", "terminatedExpired", "terminatedNotEligible"],
  },
  { step: "validate", counts: ["validationRecordsAdded", "validated"] },
  { step: "issue", counts: ["issued"] },
  { step: "deploy", counts: ["deployed", "deployFailed", "deployRetrying", "reverified"] },
  { step: "timeout", counts: ["timedOut", "refunded"] },
  { step: "dns", counts: ["dnsRecordsPublished", "dnsRecordsRemoved", "delegationsChecked"] },
  { step: "notify", counts: ["notificationsCreated", "emailsSent", "webhooksDelivered"] },
] as const satisfies readonly { step: JobStep; counts: readonly (keyof JobCounts)[] }[];

/** Where the run is: the steps done, the one going on, and those still to come. */
export function stepState(
  step: JobStep,
  currentStep: string | null,
  finished: boolean,
): "done" | "current" | "pending" {
  if (finished) return "done";
  const order = STEP_COUNTS.map((entry) => entry.step as string);
  const current = currentStep ? order.indexOf(currentStep) : -1;
  const index = order.indexOf(step);
  if (current < 0) return "pending";
  if (index < current) return "done";
  return index === current ? "current" : "pending";
}
