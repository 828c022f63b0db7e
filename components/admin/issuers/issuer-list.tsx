import { getTranslations } from "next-intl/server";
import { IssuerItem } from "@/components/admin/issuers/issuer-item";
import type { IssuerView } from "@/lib/issuers/issuer-views";

/** The ACME issuers, or what to do when there is none. */
export async function IssuerList({ issuers }: { issuers: IssuerView[] }) {
  const t = await getTranslations("admin.issuers.list");
  if (issuers.length === 0) {
    return (
      <p className="py-4 text-sm text-muted-foreground" data-testid="issuers-empty">
        {t("empty")}
      </p>
    );
  }
  return (
    <ul className="divide-y rounded-md border" aria-label={t("title")}>
      {issuers.map((issuer) => (
        <IssuerItem key={issuer.id} issuer={issuer} />
      ))}
    </ul>
  );
}
