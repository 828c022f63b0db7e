import type * as React from "react";
import { ScopedMessages } from "@/components/i18n/scoped-messages";

export default function CertificateOrderLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="certificateOrder">{children}</ScopedMessages>;
}
