"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/** The cloud resources are rows in the database (DEMO_MODE only): nothing is deployed anywhere. */
export function SimulatedBadge({ className }: { className?: string }) {
  const t = useTranslations("resources");
  return (
    <Badge variant="outline" className={cn("font-normal", className)} data-testid="simulated-badge">
      {t("simulated")}
    </Badge>
  );
}
