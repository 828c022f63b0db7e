"use client";

import { UserIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDropdown = () => import("@/components/console/user-menu-dropdown");
const UserMenuDropdown = lazy(() => loadDropdown().then((module) => ({ default: module.UserMenuDropdown })));

export function UserMenu({ name, email, role }: { name: string; email: string; role: "CUSTOMER" | "ADMIN" }) {
  const t = useTranslations("header");
  const trigger = (
    <Button variant="ghost" size="sm" aria-label={t("userMenu")} data-testid="user-menu">
      <UserIcon aria-hidden />
      <span className="hidden max-w-40 truncate lg:inline">{name}</span>
    </Button>
  );
  return (
    <DeferredOverlay load={loadDropdown} trigger={trigger}>
      <UserMenuDropdown name={name} email={email} role={role} trigger={trigger} />
    </DeferredOverlay>
  );
}
