"use client";

import { Slot } from "radix-ui";
import { type ReactElement, type ReactNode, Suspense, useState } from "react";

/**
 * A menu or dialog whose code loads when it is first wanted, so a page's first load does
 * not carry Radix's positioning, focus-trapping and scroll-locking code before anything is
 * open. The trigger renders at once and works from the first paint: pointing at or
 * focusing it fetches the code, pressing it opens the overlay as soon as the code is in.
 *
 * `children` is the lazily loaded overlay (React.lazy), rendered open, with `trigger` as
 * its own trigger; until it arrives the plain trigger stays on screen.
 */
export function DeferredOverlay({
  load,
  trigger,
  children,
  startOpen = false,
}: {
  load: () => Promise<unknown>;
  trigger: ReactElement;
  children: ReactNode;
  /** Load and open at once (a link that asks for the dialog, e.g. Billing's top-up from an order). */
  startOpen?: boolean;
}) {
  const [wanted, setWanted] = useState(startOpen);
  if (wanted) return <Suspense fallback={trigger}>{children}</Suspense>;
  const preload = () => void load();
  return (
    <Slot.Root
      onPointerEnter={preload}
      onFocus={preload}
      onPointerDown={preload}
      onClick={() => {
        preload();
        setWanted(true);
      }}
    >
      {trigger}
    </Slot.Root>
  );
}
