"use client";

import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDialog = () => import("@/components/api-keys/revoke-api-key-dialog-open");
const OpenRevokeApiKeyDialog = lazy(() => loadDialog().then((module) => ({ default: module.OpenRevokeApiKeyDialog })));

/** Revokes one key after a confirmation, whose dialog code loads when it is first wanted. */
export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const t = useTranslations("apiKeys.revoke");
  const trigger = (
    <Button variant="outline" size="sm" data-testid="revoke-api-key">
      {t("button")}
    </Button>
  );
  return (
    <DeferredOverlay load={loadDialog} trigger={trigger}>
      <OpenRevokeApiKeyDialog apiKeyId={apiKeyId} name={name} trigger={trigger} />
    </DeferredOverlay>
  );
}
