import type { TargetInputProblem } from "@/lib/deployment-targets/deployment-target-input";

/** What saving a target answers: its id, or the problems to show at their fields ("endpoints.0.host"). */
export type SaveTargetResult =
  | { ok: true; targetId: string }
  | { ok: false; problems: Record<string, TargetInputProblem> };

/** Creating a webhook target also hands out its signing secret, this once. */
export type CreateWebhookTargetResult =
  | { ok: true; targetId: string; signingSecret: string }
  | { ok: false; problems: Record<string, TargetInputProblem> };
