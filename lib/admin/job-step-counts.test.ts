import { describe, expect, it } from "vitest";
import { STEP_COUNTS, stepState } from "@/lib/admin/job-step-counts";

describe("stepState", () => {
  it("marks the steps before the current one done and the rest pending", () => {
    expect(STEP_COUNTS.map(({ step }) => stepState(step, "issue", false))).toEqual([
      "done",
      "done",
      "current",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
  });

  it("has everything pending before the first step and done once the run ended", () => {
    expect(STEP_COUNTS.map(({ step }) => stepState(step, null, false))).toEqual(Array(7).fill("pending"));
    expect(STEP_COUNTS.map(({ step }) => stepState(step, null, true))).toEqual(Array(7).fill("done"));
  });
});
