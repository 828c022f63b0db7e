"use client";

import {
  ArrowLeftIcon,
  BellIcon,
  ClipboardListIcon,
  ClockIcon,
  LayoutDashboardIcon,
  type LucideIcon,
  ReceiptIcon,
  RefreshCwIcon,
  ShieldCheckIcon,
  TagIcon,
  UsersIcon,
  WalletIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ICONS = {
  certificates: ShieldCheckIcon,
  billing: WalletIcon,
  notifications: BellIcon,
  overview: LayoutDashboardIcon,
  customers: UsersIcon,
  jobs: RefreshCwIcon,
  prices: TagIcon,
  audit: ClipboardListIcon,
  clock: ClockIcon,
  ledger: ReceiptIcon,
  console: ArrowLeftIcon,
} satisfies Record<string, LucideIcon>;

export type NavItem = { href: string; label: string; icon: keyof typeof ICONS; badge?: number; exact?: boolean };

export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="grid gap-0.5">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = item.exact
          ? pathname === item.href
          : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm text-sidebar-muted transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground",
                active && "bg-sidebar-accent font-medium text-sidebar-foreground",
              )}
            >
              <Icon className="size-4 shrink-0" aria-hidden />
              <span className="flex-1 truncate">{item.label}</span>
              {item.badge ? (
                <span className="rounded-full bg-primary px-1.5 text-xs font-medium text-primary-foreground">
                  {item.badge > 99 ? "99+" : item.badge}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
