import { BanIcon, CheckCircle2Icon, ShieldIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/generated/prisma/enums";

export function AccountStatusBadge({ disabledAt }: { disabledAt: string | null }) {
  const t = useTranslations("admin.customers.status");
  return disabledAt ? (
    <Badge variant="destructive" data-testid="account-status">
      <BanIcon aria-hidden />
      {t("disabled")}
    </Badge>
  ) : (
    <Badge variant="success" data-testid="account-status">
      <CheckCircle2Icon aria-hidden />
      {t("active")}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("header.role");
  if (role !== "ADMIN") return null;
  return (
    <Badge variant="default">
      <ShieldIcon aria-hidden />
      {t("ADMIN")}
    </Badge>
  );
}
