import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/** The bar under a paged table: "11–20 of 42", rows per page, previous and next. */
export function TablePagination<Size extends number>({
  page,
  pageSize,
  total,
  pageSizes,
  selectedPageSize,
  onChange,
  name,
}: {
  page: number;
  /** The page shown: its number, size and the total it counts from. */
  pageSize: number;
  total: number;
  pageSizes: readonly Size[];
  /** The size asked for, which the page on screen may not have yet while the next one loads. */
  selectedPageSize: Size;
  onChange: (next: { page: number; pageSize?: Size }) => void;
  /** The bar's accessible name where a page has more than one ("Ledger pages"); else its position. */
  name?: string;
}) {
  const label = useTranslations("common.pagination");
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A stale link can ask for a page past the end: say where it is rather than "41–30 of 30".
  const pastEnd = page > pages;
  return (
    <nav
      className="flex flex-wrap items-center justify-between gap-3 text-sm"
      aria-label={name ?? label("page", { page, pages })}
    >
      <p className="text-muted-foreground tabular-nums" aria-live="polite" data-testid="pagination-summary">
        {pastEnd
          ? label("page", { page, pages })
          : label("summary", {
              from: (page - 1) * pageSize + 1,
              to: Math.min(total, page * pageSize),
              total,
            })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <Label htmlFor={sizeId} className="font-normal text-muted-foreground">
            {label("pageSize")}
          </Label>
          <NativeSelect
            id={sizeId}
            value={String(selectedPageSize)}
            onChange={(event) => onChange({ pageSize: Number(event.target.value) as Size, page: 1 })}
            className="w-20"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex items-center gap-2">
          <Button
            variant="outline"
            size="icon"
            aria-label={label("previous")}
            disabled={page <= 1}
            onClick={() => onChange({ page: Math.min(page - 1, pages) })}
          >
            <ChevronLeftIcon aria-hidden />
          </Button>
          <span className="tabular-nums">{label("page", { page, pages })}</span>
          <Button
            variant="outline"
            size="icon"
            aria-label={label("next")}
            disabled={page >= pages}
            onClick={() => onChange({ page: page + 1 })}
          >
            <ChevronRightIcon aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}
