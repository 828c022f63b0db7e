import { useTranslations } from "next-intl";
import { AuditEntryCard } from "@/components/admin/audit-entry-card";
import { Card } from "@/components/ui/card";
import type { AuditEntryRow } from "@/lib/admin/list-audit-entries";

/** A page of audit entries, newest first; or why there are none. */
export function AuditEntryList({ entries, filtered }: { entries: AuditEntryRow[]; filtered: boolean }) {
  const t = useTranslations("admin.audit");
  if (entries.length === 0) {
    return (
      <Card>
        <p className="px-6 py-12 text-center text-sm text-muted-foreground" data-testid="audit-empty">
          {filtered ? t("noMatch") : t("empty")}
        </p>
      </Card>
    );
  }
  return (
    <ol className="grid gap-3" data-testid="audit-list">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="audit-row" data-action={entry.action}>
          <AuditEntryCard entry={entry} />
        </li>
      ))}
    </ol>
  );
}
