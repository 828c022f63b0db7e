import type { LucideIcon } from "lucide-react";
import type * as React from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** One headline number with its label and a line of context. */
export function StatCard({
  label,
  value,
  hint,
  icon: Icon,
  tone = "default",
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint?: React.ReactNode;
  icon: LucideIcon;
  tone?: "default" | "warning" | "destructive" | "success";
  testId?: string;
}) {
  return (
    <Card className="flex min-w-0 items-start gap-3 p-4" data-testid={testId}>
      <span
        className={cn(
          "flex size-9 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary",
          tone === "warning" && "bg-warning-bg text-warning-foreground",
          tone === "destructive" && "bg-destructive/10 text-destructive",
          tone === "success" && "bg-success/12 text-success",
        )}
      >
        <Icon className="size-4" aria-hidden />
      </span>
      <div className="min-w-0">
        <p className="text-xs text-muted-foreground">{label}</p>
        <p className="truncate text-xl font-semibold tabular-nums" data-testid={testId ? `${testId}-value` : undefined}>
          {value}
        </p>
        {hint && <p className="mt-0.5 text-xs text-muted-foreground">{hint}</p>}
      </div>
    </Card>
  );
}
