import type * as React from "react";
import { ScopedMessages } from "@/components/i18n/scoped-messages";

export default function DeploymentTargetsLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="deploymentTargets">{children}</ScopedMessages>;
}
