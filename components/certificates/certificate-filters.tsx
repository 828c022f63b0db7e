"use client";

import { SearchIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  AUTO_RENEW_FILTERS,
  type CertificateListParams,
  SORTS,
  STATUS_FILTERS,
} from "@/lib/certificates/certificate-list-query";

type Props = {
  params: CertificateListParams;
  brands: string[];
  onChange: (next: Partial<CertificateListParams>) => void;
};

const SORT_LABEL = {
  "expiresAt.asc": "sortExpiryAsc",
  "expiresAt.desc": "sortExpiryDesc",
  "createdAt.desc": "sortCreatedDesc",
} as const;

export function CertificateFilters({ params, brands, onChange }: Props) {
  const t = useTranslations("certificates");
  const [search, setSearch] = useState(params.q ?? "");
  const searchInput = useRef<HTMLInputElement>(null);

  // The URL is the source of truth; typing updates it after a short pause.
  useEffect(() => setSearch(params.q ?? ""), [params.q]);
  // Text typed before the page hydrated is in the box but not in state (React attached no
  // handler yet): take it, rather than search for nothing while it shows. After the line
  // above, whose first run would otherwise put the URL's value back.
  useEffect(() => {
    const typed = searchInput.current?.value;
    if (typed) setSearch(typed);
  }, []);
  useEffect(() => {
    if (search === (params.q ?? "")) return;
    const timer = setTimeout(() => onChange({ q: search || undefined, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [search, params.q, onChange]);

  const filtered = Boolean(params.q || params.status || params.brand || params.autoRenew || params.expiring);
  return (
    <search className="flex flex-wrap items-end gap-2">
      <div className="relative min-w-56 flex-1">
        <SearchIcon
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
          aria-hidden
        />
        <Input
          ref={searchInput}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchLabel")}
          className="pl-8"
          maxLength={200}
          data-testid="certificate-search"
        />
      </div>
      <NativeSelect
        aria-label={t("filters.status")}
        value={params.status ?? ""}
        onChange={(event) =>
          onChange({ status: (event.target.value || undefined) as CertificateListParams["status"], page: 1 })
        }
        className="w-44"
        data-testid="filter-status"
      >
        <option value="">
          {t("filters.status")}: {t("filters.any")}
        </option>
        {STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("filters.brand")}
        value={params.brand ?? ""}
        onChange={(event) => onChange({ brand: event.target.value || undefined, page: 1 })}
        className="w-40"
        data-testid="filter-brand"
      >
        <option value="">
          {t("filters.brand")}: {t("filters.any")}
        </option>
        {brands.map((brand) => (
          <option key={brand} value={brand}>
            {brand}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        aria-label={t("filters.autoRenew")}
        value={params.autoRenew ?? ""}
        onChange={(event) =>
          onChange({ autoRenew: (event.target.value || undefined) as CertificateListParams["autoRenew"], page: 1 })
        }
        className="w-44"
        data-testid="filter-auto-renew"
      >
        <option value="">
          {t("filters.autoRenew")}: {t("filters.any")}
        </option>
        {AUTO_RENEW_FILTERS.map((state) => (
          <option key={state} value={state}>
            {t(`autoRenewState.${state}`)}
          </option>
        ))}
      </NativeSelect>
      <label className="flex h-9 items-center gap-2 rounded-md border border-input bg-card px-3 text-sm shadow-xs">
        <input
          type="checkbox"
          checked={params.expiring}
          onChange={(event) => onChange({ expiring: event.target.checked, page: 1 })}
          className="size-4 accent-[var(--color-primary)]"
          data-testid="filter-expiring"
        />
        {t("filters.expiring")}
      </label>
      <NativeSelect
        aria-label={t("filters.sort")}
        value={params.sort}
        onChange={(event) => onChange({ sort: event.target.value as CertificateListParams["sort"], page: 1 })}
        className="w-52"
        data-testid="sort"
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`filters.${SORT_LABEL[sort]}`)}
          </option>
        ))}
      </NativeSelect>
      {filtered && (
        <Button
          variant="ghost"
          onClick={() => {
            setSearch("");
            onChange({
              q: undefined,
              status: undefined,
              brand: undefined,
              autoRenew: undefined,
              expiring: false,
              page: 1,
            });
          }}
        >
          <XIcon aria-hidden />
          {t("filters.clear")}
        </Button>
      )}
    </search>
  );
}
