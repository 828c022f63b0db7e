// The cloud resources (load balancers, CDNs, WAFs) are rows whose certificate pointer moves:
// nothing leaves the database. They tell the demo's story and exist only in DEMO_MODE, where
// the console marks them simulated; real deployments go to deployment targets
// (lib/deployment-targets/). One rule, asked by every view, action and route of resources.
import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";

export function simulatedResourcesAvailable(config: Pick<AppConfig, "demoMode"> = getConfig()): boolean {
  return config.demoMode;
}
