// The accounts `npm run db:seed` creates; each value can be overridden by environment.
export function demoAccounts(env: Record<string, string | undefined> = process.env) {
  return {
    customer: {
      email: env.SEED_CUSTOMER_EMAIL || "demo@example.com",
      password: env.SEED_CUSTOMER_PASSWORD || "demo-password",
      name: env.SEED_CUSTOMER_NAME || "Demo Customer",
    },
    admin: {
      email: env.SEED_ADMIN_EMAIL || "admin@example.com",
      password: env.SEED_ADMIN_PASSWORD || "admin-password",
      name: env.SEED_ADMIN_NAME || "Administrator",
    },
  };
}
