import { useTranslations } from "next-intl";
import { StatusChart } from "@/components/admin/overview-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminOverview } from "@/lib/admin/get-admin-overview";

/** Every certificate by status: a chart, and the same figures as a table for screen readers. */
export function CertificateStatusCard({ byStatus }: { byStatus: AdminOverview["certificates"]["byStatus"] }) {
  const t = useTranslations("admin.overview.status");
  const tc = useTranslations("certificates.status");
  return (
    <Card className="min-w-0 lg:col-span-3">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <StatusChart byStatus={byStatus} />
        <table className="sr-only">
          <caption>{t("title")}</caption>
          <tbody>
            {byStatus.map((row) => (
              <tr key={row.status}>
                <th scope="row">{tc(row.status)}</th>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </CardContent>
    </Card>
  );
}
