"use client";

import { useTranslations } from "next-intl";
import type * as React from "react";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/actions/authed-action";
import { asProblem, type TargetInputProblem } from "@/lib/deployment-targets/deployment-target-input";
import { cn } from "@/lib/utils";

/** A labelled control with its hint and problem wired by id (aria-describedby). */
export function FormField({
  id,
  label,
  hint,
  problem,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        ...(problem ? { "aria-invalid": true as const } : {}),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="text-sm text-destructive" aria-live="polite">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Problems by field path, from the schema's check in the browser, the action's parse, or the server's own checks. */
export type Problems = Record<string, TargetInputProblem>;

export function useProblemText(problems: Problems) {
  const t = useTranslations("deploymentTargets.problem");
  return (path: string): string | undefined => {
    const problem = problems[path];
    return problem ? t(problem) : undefined;
  };
}

/** The action's refusal of its input, as problems at fields; null when it failed otherwise. */
export function problemsOfRefusal(result: Extract<ActionResult<unknown>, { ok: false }>): Problems | null {
  if (result.code !== "INVALID_INPUT" || !result.fieldErrors) return null;
  return Object.fromEntries(
    Object.entries(result.fieldErrors).map(([field, messages]) => [field, asProblem(messages[0] ?? "")]),
  );
}
