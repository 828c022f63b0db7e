// Whether the launcher loads the demo data, and what it tells the operator. The demo
// accounts have published passwords (README), so a production start never creates
// them on its own: only `npm run dev`, an explicit `npm run db:seed`, or a harness
// that asks for them with CERTDESK_SEED=true (the browser tests and the demo).

export type StartMode = "dev" | "start";

export type StartSeedingInput = {
  mode: StartMode;
  /** This start created the embedded database (a brand-new, empty one). */
  databaseCreated: boolean;
  /** CERTDESK_SEED=true. */
  seedRequested: boolean;
  /** Enabled administrators in the database before any seeding. */
  administratorCount: number;
};

export type StartSeedingDecision = {
  seedDemoData: boolean;
  /** Printed to the operator when set: how to get a first administrator. */
  notice: string | null;
};

export const CREATE_ADMIN_COMMAND = "npm run admin:create -- --email you@example.com";

export function decideStartSeeding(input: StartSeedingInput): StartSeedingDecision {
  const seedDemoData = input.seedRequested || (input.mode === "dev" && input.databaseCreated);
  // Seeding creates the demo administrator; otherwise nobody could sign in to administer.
  if (seedDemoData || input.administratorCount > 0) return { seedDemoData, notice: null };
  const howTo = `create the first one with \`${CREATE_ADMIN_COMMAND}\` (it asks for the password, or reads ADMIN_PASSWORD)`;
  return {
    seedDemoData,
    notice:
      input.mode === "dev"
        ? `No administrator yet: ${howTo}, or load the demo accounts with \`npm run db:seed\`.`
        : `No administrator yet: ${howTo}.`,
  };
}
