import {
  ArrowLeftIcon,
  BellIcon,
  ClipboardCheckIcon,
  ClipboardListIcon,
  ClockIcon,
  GlobeIcon,
  KeyRoundIcon,
  LayoutDashboardIcon,
  type LucideIcon,
  ReceiptIcon,
  RefreshCwIcon,
  ServerIcon,
  ShieldCheckIcon,
  TagIcon,
  UsersIcon,
  WalletIcon,
} from "lucide-react";
import type { NavLink } from "@/components/console/nav-links";

const ICONS = {
  certificates: ShieldCheckIcon,
  deploymentTargets: ServerIcon,
  billing: WalletIcon,
  notifications: BellIcon,
  dnsHosting: GlobeIcon,
  issuers: KeyRoundIcon,
  overview: LayoutDashboardIcon,
  customers: UsersIcon,
  jobs: RefreshCwIcon,
  prices: TagIcon,
  reviews: ClipboardCheckIcon,
  audit: ClipboardListIcon,
  clock: ClockIcon,
  ledger: ReceiptIcon,
  console: ArrowLeftIcon,
} satisfies Record<string, LucideIcon>;

export type NavItem = { href: string; label: string; icon: keyof typeof ICONS; badge?: number; exact?: boolean };

/**
 * The navigation with its icons rendered here, on the server, so the icons' drawings travel
 * with the page instead of in the navigation's JavaScript on every page.
 */
export function renderNavIcons(items: NavItem[]): NavLink[] {
  return items.map(({ icon, ...item }) => {
    const Icon = ICONS[icon];
    return { ...item, icon: <Icon className="size-4 shrink-0" aria-hidden /> };
  });
}
