import { useFormatter, useTranslations } from "next-intl";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKeyStatus } from "@/lib/api-keys/api-key-rules";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";

const STATUS_VARIANT: Record<ApiKeyStatus, "outline" | "secondary" | "destructive"> = {
  ACTIVE: "outline",
  EXPIRED: "secondary",
  REVOKED: "secondary",
};

/** The account's keys: never their secrets; times in the viewer's zone, named. */
export function ApiKeyList({ keys }: { keys: ApiKeyView[] }) {
  const t = useTranslations("apiKeys.list");
  const format = useFormatter();
  const instant = (iso: string) => (
    <time dateTime={iso} className="whitespace-nowrap">
      {format.dateTime(new Date(iso), "dateTime")}
    </time>
  );
  return (
    <Card data-testid="api-keys">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {keys.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="api-keys-empty">
            {t("empty")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.name")}</TableHead>
                  <TableHead>{t("columns.scope")}</TableHead>
                  <TableHead>{t("columns.status")}</TableHead>
                  <TableHead>{t("columns.created")}</TableHead>
                  <TableHead>{t("columns.expires")}</TableHead>
                  <TableHead>{t("columns.lastUsed")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("columns.actions")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((key) => (
                  <TableRow key={key.id} data-testid="api-key" data-status={key.status}>
                    <TableCell>
                      <div className="font-medium">{key.name}</div>
                      <code className="font-mono text-xs break-all text-muted-foreground">{key.secretId}</code>
                    </TableCell>
                    <TableCell>{t(`scope.${key.scope}`)}</TableCell>
                    <TableCell>
                      <Badge variant={STATUS_VARIANT[key.status]}>{t(`status.${key.status}`)}</Badge>
                      {key.revokedAt && (
                        <div className="mt-1 text-xs text-muted-foreground">{instant(key.revokedAt)}</div>
                      )}
                    </TableCell>
                    <TableCell>{instant(key.createdAt)}</TableCell>
                    <TableCell>{key.expiresAt ? instant(key.expiresAt) : t("never")}</TableCell>
                    <TableCell data-testid="api-key-last-used">
                      {key.lastUsedAt ? (
                        <>
                          {instant(key.lastUsedAt)}
                          {key.lastUsedIp && (
                            <div className="text-xs text-muted-foreground">{t("from", { ip: key.lastUsedIp })}</div>
                          )}
                        </>
                      ) : (
                        <span className="text-muted-foreground">{t("neverUsed")}</span>
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {key.status === "ACTIVE" && <RevokeApiKeyButton apiKeyId={key.id} name={key.name} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
