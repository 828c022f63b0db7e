import type * as React from "react";
import { ScopedMessages } from "@/components/i18n/scoped-messages";

export default function DnsHostingLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="dnsHosting">{children}</ScopedMessages>;
}
