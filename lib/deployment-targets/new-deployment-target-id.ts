import { randomId } from "@/lib/ids";

/**
 * A target's id is made before its row, because its secrets are sealed bound to it
 * (lib/deploy/deploy-credentials.ts): a sealed value moved onto another target does not open.
 */
export function newDeploymentTargetId(): string {
  return `dt${randomId(22).replaceAll("-", "x").replaceAll("_", "y")}`;
}
