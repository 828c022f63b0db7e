import { useTranslations } from "next-intl";
import { FilterField, FilterForm } from "@/components/admin/filter-form";
import { useAuditActionLabel } from "@/components/admin/use-audit-action-label";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AuditListParams } from "@/lib/admin/audit-list-params";

/** The audit log's filters (action, actor, target, dates on the viewer's calendar) as a GET form. */
export function AuditFilters({
  params,
  actions,
  filtered,
  timeZone,
}: {
  params: AuditListParams;
  /** Every action the log holds, for the select. */
  actions: string[];
  filtered: boolean;
  /** The viewer's zone, which the dates are read in. */
  timeZone: string;
}) {
  const t = useTranslations("admin.audit.filters");
  const actionLabel = useAuditActionLabel();
  return (
    <>
      <FilterForm action="/admin/audit" filtered={filtered} label={t("label")}>
        <FilterField label={t("action")} htmlFor="audit-action">
          <NativeSelect id="audit-action" name="action" defaultValue={params.action ?? ""} className="w-48">
            <option value="">{t("anyAction")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </NativeSelect>
        </FilterField>
        <FilterField label={t("actor")} htmlFor="audit-actor">
          <Input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={params.actor ?? ""}
            placeholder={t("actorPlaceholder")}
            className="w-48"
            maxLength={200}
          />
        </FilterField>
        <FilterField label={t("target")} htmlFor="audit-target">
          <Input
            id="audit-target"
            name="target"
            type="search"
            defaultValue={params.target ?? ""}
            placeholder={t("targetPlaceholder")}
            className="w-48"
            maxLength={200}
            data-testid="audit-target"
          />
        </FilterField>
        <FilterField label={t("from")} htmlFor="audit-from">
          <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} className="w-36" />
        </FilterField>
        <FilterField label={t("to")} htmlFor="audit-to">
          <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} className="w-36" />
        </FilterField>
      </FilterForm>
      <p className="text-xs text-muted-foreground">{t("zone", { zone: timeZone })}</p>
    </>
  );
}
