"use client";

import { lazy, Suspense } from "react";

// Loaded apart from the certificate page's first load, which is at its weight budget; it is
// rendered on the server with the page all the same.
const TargetDeploymentsCard = lazy(() =>
  import("@/components/deployment-targets/target-deployments-card").then((module) => ({
    default: module.TargetDeploymentsCard,
  })),
);

export function TargetDeploymentsSection({ certificateId }: { certificateId: string }) {
  return (
    <Suspense fallback={null}>
      <TargetDeploymentsCard certificateId={certificateId} />
    </Suspense>
  );
}
