"use client";

import { LayoutDashboardIcon, LogOutIcon, ShieldCheckIcon, UserIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/app/actions/sign-out";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function UserMenu({ name, email, role }: { name: string; email: string; role: "CUSTOMER" | "ADMIN" }) {
  const t = useTranslations();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("header.userMenu")} data-testid="user-menu">
          <UserIcon aria-hidden />
          <span className="hidden max-w-40 truncate lg:inline">{name}</span>
        </Button>
      </DropdownMenuTrigger>
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
