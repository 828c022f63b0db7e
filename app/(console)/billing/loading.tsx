import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

// Same layout as the page, so nothing jumps when the data arrives.
export default async function BillingLoading() {
  const t = await getTranslations("billing");
  return (
    <div aria-busy="true" data-testid="billing-loading">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <Card>
            <CardHeader>
              <Skeleton className="h-5 w-32" />
            </CardHeader>
            <CardContent className="grid gap-4">
              <Skeleton className="h-10 w-40" />
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-9 w-28" />
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader>
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-4 w-3/4" />
            </CardHeader>
            <CardContent>
              <Skeleton className="h-[260px] w-full" />
            </CardContent>
          </Card>
        </div>
        {[
          ["u1", "u2", "u3"],
          ["l1", "l2", "l3", "l4", "l5"],
        ].map((rows) => (
          <Card key={rows.length}>
            <CardHeader>
              <Skeleton className="h-5 w-36" />
              <Skeleton className="h-4 w-1/2" />
            </CardHeader>
            <CardContent className="grid gap-2">
              {rows.map((row) => (
                <Skeleton key={row} className="h-9 w-full" />
              ))}
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
