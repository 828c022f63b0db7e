import { Badge } from "@/components/ui/badge";
import type { OrganizationReviewState } from "@/lib/organization-review/organization-review-state";

const VARIANT = {
  IN_REVIEW: "warning",
  AWAITING_LETTER: "secondary",
  REJECTED: "destructive",
  APPROVED: "success",
  WITHDRAWN: "outline",
} as const satisfies Record<OrganizationReviewState, string>;

/** Where an organisation review stands (organizationReviewState), with its translated label. */
export function ReviewStateBadge({ state, label }: { state: OrganizationReviewState; label: string }) {
  return (
    <Badge variant={VARIANT[state]} data-testid="review-state" data-state={state}>
      {label}
    </Badge>
  );
}
