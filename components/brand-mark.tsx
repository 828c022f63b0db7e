import { ShieldCheckIcon } from "lucide-react";
import { cn } from "@/lib/utils";

export function BrandMark({ className, label }: { className?: string; label: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <ShieldCheckIcon className="size-4" aria-hidden />
      </span>
      {label}
    </span>
  );
}
