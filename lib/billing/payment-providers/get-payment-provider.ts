import { demoPaymentProvider } from "@/lib/billing/payment-providers/demo-payment-provider";
import type { PaymentProvider } from "@/lib/billing/payment-providers/payment-provider";
import type { AppConfig } from "@/lib/config";

// Every provider this build knows. A real one is added here, with its own availability rule.
const PROVIDERS: readonly PaymentProvider[] = [demoPaymentProvider];

/** The provider with this id, available or not; undefined for an unknown id. */
export function getPaymentProvider(id: string): PaymentProvider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

/** The providers a customer may top up with on this installation (none outside DEMO_MODE today). */
export function listPaymentProviders(config: Pick<AppConfig, "demoMode">): PaymentProvider[] {
  return PROVIDERS.filter((provider) => provider.isAvailable(config));
}
