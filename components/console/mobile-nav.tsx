"use client";

import { MenuIcon } from "lucide-react";
import { lazy } from "react";
import type { NavLink } from "@/components/console/nav-links";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDrawer = () => import("@/components/console/mobile-nav-drawer");
const MobileNavDrawer = lazy(() => loadDrawer().then((module) => ({ default: module.MobileNavDrawer })));

/** The sidebar as a drawer on narrow screens. */
export function MobileNav({
  openLabel,
  title,
  brand,
  area,
  items,
}: {
  openLabel: string;
  title: string;
  brand: string;
  area: string;
  items: NavLink[];
}) {
  const trigger = (
    <Button variant="ghost" size="icon" className="md:hidden" aria-label={openLabel}>
      <MenuIcon aria-hidden />
    </Button>
  );
  return (
    <DeferredOverlay load={loadDrawer} trigger={trigger}>
      <MobileNavDrawer trigger={trigger} title={title} brand={brand} area={area} items={items} />
    </DeferredOverlay>
  );
}
