import { useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/notifications/sign-webhook";

// Code, not prose: the same in every language.
const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a Buffer or string)
function isFromCertDesk(rawBody, signatureHeader, secret) {
  const expected = "sha256=" + createHmac("sha256", secret).update(rawBody).digest("hex");
  const given = String(signatureHeader ?? "");
  return expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}`;

/** How a receiver checks that a webhook request comes from CertDesk. */
export function WebhookSignatureHelp() {
  const t = useTranslations("notifications.settings.signature");
  return (
    <Card data-testid="webhook-signature-help">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p>{t("intro")}</p>
        <dl className="grid gap-2">
          {[
            [SIGNATURE_HEADER, t("signatureHeader")],
            [TIMESTAMP_HEADER, t("timestampHeader")],
            [DELIVERY_HEADER, t("deliveryHeader")],
          ].map(([header, meaning]) => (
            <div key={header} className="grid gap-0.5 sm:grid-cols-[16rem_1fr] sm:gap-3">
              <dt>
                <code className="font-mono text-xs">{header}</code>
              </dt>
              <dd className="text-muted-foreground">{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>{t("verify")}</p>
        <pre className="rounded-md border bg-muted/40 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
          <code>{VERIFY_EXAMPLE}</code>
        </pre>
        <p className="text-muted-foreground">{t("retries")}</p>
      </CardContent>
    </Card>
  );
}
