import { SearchIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Button } from "@/components/ui/button";

/**
 * A filter form that submits with GET: the filters live in the URL, work without
 * JavaScript, and every filtered view can be linked to.
 */
export function FilterForm({
  action,
  filtered,
  children,
  label,
}: {
  action: string;
  filtered: boolean;
  children: React.ReactNode;
  label: string;
}) {
  const t = useTranslations("admin.filters");
  return (
    <search aria-label={label}>
      <form action={action} method="get" className="flex flex-wrap items-end gap-3">
        {children}
        <div className="flex gap-2">
          <Button type="submit" data-testid="filter-submit">
            <SearchIcon aria-hidden />
            {t("apply")}
          </Button>
          {filtered && (
            <Button variant="ghost" asChild>
              <Link href={action}>
                <XIcon aria-hidden />
                {t("clear")}
              </Link>
            </Button>
          )}
        </div>
      </form>
    </search>
  );
}

export function FilterField({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
}) {
  return (
    <div className="grid min-w-0 gap-1.5">
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}
