"use client";

import { Slot } from "radix-ui";
import { lazy, type ReactElement, type ReactNode, Suspense, useState } from "react";

const SingleTooltip = lazy(() =>
  import("@/components/ui/tooltip").then((module) => ({ default: module.SingleTooltip })),
);

/**
 * A tooltip whose code (Radix with floating-ui) loads when the pointer or keyboard focus
 * first reaches its trigger, so it costs nothing on a page where nobody points at one.
 * The trigger should carry its own accessible name: the tooltip only repeats it visually.
 */
export function DeferredTooltip({ content, children }: { content: ReactNode; children: ReactElement }) {
  const [reached, setReached] = useState<"pointer" | "focus" | null>(null);
  if (!reached) {
    return (
      <Slot.Root onPointerEnter={() => setReached("pointer")} onFocus={() => setReached("focus")}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <Suspense fallback={children}>
      <SingleTooltip content={content} focusTrigger={reached === "focus"}>
        {children}
      </SingleTooltip>
    </Suspense>
  );
}
