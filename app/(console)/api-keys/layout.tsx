import type * as React from "react";
import { ScopedMessages } from "@/components/i18n/scoped-messages";

export default function ApiKeysLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="apiKeys">{children}</ScopedMessages>;
}
