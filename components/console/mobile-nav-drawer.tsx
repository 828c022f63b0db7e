"use client";

import { Dialog as DialogPrimitive } from "radix-ui";
import type * as React from "react";
import { useState } from "react";
import { BrandMark } from "@/components/brand-mark";
import { type NavLink, NavLinks } from "@/components/console/nav-links";

/** The drawer itself, loaded when first opened (components/console/mobile-nav.tsx). */
export function MobileNavDrawer({
  trigger,
  title,
  brand,
  area,
  items,
}: {
  trigger: React.ReactElement;
  title: string;
  brand: string;
  area: string;
  items: NavLink[];
}) {
  const [open, setOpen] = useState(true);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>{trigger}</DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 md:hidden" />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 bg-sidebar px-3 py-4 text-sidebar-foreground shadow-xl md:hidden">
          <div className="px-2">
            <BrandMark label={brand} />
            <p className="mt-1 text-xs text-sidebar-muted">{area}</p>
          </div>
          <DialogPrimitive.Title className="sr-only">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">{area}</DialogPrimitive.Description>
          <nav aria-label={title}>
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
