"use client";

import { KeyRoundIcon, LayoutDashboardIcon, LogOutIcon, ShieldCheckIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { signOutAction } from "@/app/actions/sign-out";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** The user menu itself, loaded when first opened (components/console/user-menu.tsx). */
export function UserMenuDropdown({
  name,
  email,
  role,
  trigger,
}: {
  name: string;
  email: string;
  role: "CUSTOMER" | "ADMIN";
  trigger: React.ReactElement;
}) {
  const t = useTranslations();
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate">{name}</span>
          <span className="truncate text-xs font-normal text-muted-foreground">{email}</span>
          <span className="text-xs font-normal text-muted-foreground">{t(`header.role.${role}`)}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {role === "ADMIN" && (
          <>
            <DropdownMenuItem asChild>
              <Link href="/admin">
                <LayoutDashboardIcon aria-hidden />
                {t("nav.admin")}
              </Link>
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <Link href="/certificates">
                <ShieldCheckIcon aria-hidden />
                {t("nav.backToConsole")}
              </Link>
            </DropdownMenuItem>
            <DropdownMenuSeparator />
          </>
        )}
        <DropdownMenuItem asChild>
          <Link href="/api-keys" data-testid="user-menu-api-keys">
            <KeyRoundIcon aria-hidden />
            {t("nav.apiKeys")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          onSelect={() => {
            void signOutAction();
          }}
          data-testid="sign-out"
        >
          <LogOutIcon aria-hidden />
          {t("header.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
