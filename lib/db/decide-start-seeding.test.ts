import { describe, expect, it } from "vitest";
import { CREATE_ADMIN_COMMAND, decideStartSeeding, type StartSeedingInput } from "@/lib/db/decide-start-seeding";

const fresh: StartSeedingInput = { mode: "start", databaseCreated: true, seedRequested: false, administratorCount: 0 };

describe("decideStartSeeding", () => {
  it("never seeds the demo accounts on a production start of a brand-new database", () => {
    const decision = decideStartSeeding(fresh);
    expect(decision.seedDemoData).toBe(false);
    expect(decision.notice).toContain(CREATE_ADMIN_COMMAND);
    expect(decision.notice).not.toContain("db:seed");
  });

  it("tells a production start without administrators how to create one, new database or not", () => {
    expect(decideStartSeeding({ ...fresh, databaseCreated: false }).notice).toContain(CREATE_ADMIN_COMMAND);
  });

  it("says nothing once an administrator exists", () => {
    expect(decideStartSeeding({ ...fresh, administratorCount: 1 })).toEqual({ seedDemoData: false, notice: null });
  });

  it("seeds a production start only when CERTDESK_SEED asks for it (browser tests, demo)", () => {
    expect(decideStartSeeding({ ...fresh, seedRequested: true })).toEqual({ seedDemoData: true, notice: null });
    expect(decideStartSeeding({ ...fresh, databaseCreated: false, seedRequested: true }).seedDemoData).toBe(true);
  });

  it("seeds a development start the first time, when it created the database", () => {
    expect(decideStartSeeding({ ...fresh, mode: "dev" })).toEqual({ seedDemoData: true, notice: null });
  });

  it("does not seed a development start on an existing database, and offers both ways to an administrator", () => {
    const decision = decideStartSeeding({ ...fresh, mode: "dev", databaseCreated: false });
    expect(decision.seedDemoData).toBe(false);
    expect(decision.notice).toContain(CREATE_ADMIN_COMMAND);
    expect(decision.notice).toContain("npm run db:seed");
    expect(decideStartSeeding({ ...fresh, mode: "dev", databaseCreated: false, administratorCount: 2 }).notice).toBe(
      null,
    );
  });
});
