import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Previous / next links for a server-rendered list; `hrefFor` builds the URL of a page. */
export function PaginationLinks({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("common.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t("page", { page, pages })}>
      <p className="text-muted-foreground" data-testid="pagination-summary">
        {t("summary", {
          from: Math.min(total, (page - 1) * pageSize + 1),
          to: Math.min(total, page * pageSize),
          total,
        })}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Button variant="outline" size="icon" asChild>
            <Link href={hrefFor(page - 1)} aria-label={t("previous")} scroll={false}>
              <ChevronLeftIcon aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="icon" disabled aria-label={t("previous")}>
            <ChevronLeftIcon aria-hidden />
          </Button>
        )}
        <span className="tabular-nums">{t("page", { page: Math.min(page, pages), pages })}</span>
        {page < pages ? (
          <Button variant="outline" size="icon" asChild>
            <Link href={hrefFor(page + 1)} aria-label={t("next")} scroll={false}>
              <ChevronRightIcon aria-hidden />
            </Link>
          </Button>
        ) : (
          <Button variant="outline" size="icon" disabled aria-label={t("next")}>
            <ChevronRightIcon aria-hidden />
          </Button>
        )}
      </div>
    </nav>
  );
}
