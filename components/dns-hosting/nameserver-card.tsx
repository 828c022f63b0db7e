import { ServerIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { CopyableValue } from "@/components/dns-hosting/copyable-value";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** The name servers to set at the registrar for every hosted domain. */
export async function NameserverCard({ nameservers }: { nameservers: string[] }) {
  const t = await getTranslations("dnsHosting");
  return (
    <Card data-testid="nameserver-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ServerIcon className="size-4" aria-hidden />
          {t("nameservers.title")}
        </CardTitle>
        <CardDescription>{t("nameservers.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2 rounded-md border p-3">
          {nameservers.map((name, index) => (
            <CopyableValue
              key={name}
              label={`NS ${index + 1}`}
              value={name}
              copy={{ label: t("nameservers.copyLabel", { name }), copiedLabel: t("copied") }}
              testId="nameserver"
            />
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
