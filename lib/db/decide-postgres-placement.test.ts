import { describe, expect, it } from "vitest";
import {
  decideRootPostgresPlacement,
  type RootPlacementFacts,
  relocatedDataDir,
  relocationFolder,
} from "@/lib/db/decide-postgres-placement";

const checkout = "/root/certdesk";
const folder = relocationFolder(checkout);
const privateCheckout: RootPlacementFacts = {
  serviceUser: "postgres",
  checkout,
  requestedDataDir: "/root/certdesk/.data/postgres",
  relocatedDataDir: `${folder}/.data/postgres`,
  binariesReachable: false,
  dataReachable: false,
  dataExistsInPlace: false,
  dataExistsRelocated: false,
  throwaway: false,
};

describe("relocationFolder", () => {
  it("names the folder after the checkout, with a hash of its path, under /var/lib/certdesk", () => {
    expect(folder).toMatch(/^\/var\/lib\/certdesk\/certdesk-[0-9a-f]{12}$/);
    expect(relocationFolder(checkout)).toBe(folder);
    expect(relocationFolder("/srv/other/certdesk")).not.toBe(folder);
    expect(relocationFolder("/tmp/tmp.Ab c$", "/base")).toMatch(/^\/base\/tmp\.Ab-c--[0-9a-f]{12}$/);
  });
});

describe("relocatedDataDir", () => {
  it("keeps a data folder's path inside the checkout, and has no place for one outside it", () => {
    expect(relocatedDataDir("/x", checkout, "/root/certdesk/.data/e2e-postgres-3100")).toBe(
      "/x/.data/e2e-postgres-3100",
    );
    expect(relocatedDataDir("/x", checkout, "/root/pgdata")).toBeNull();
    expect(relocatedDataDir("/x", checkout, "/root/certdesk-other/.data")).toBeNull();
    expect(relocatedDataDir("/x", checkout, checkout)).toBeNull();
  });
});

describe("decideRootPostgresPlacement", () => {
  it("leaves binaries and data where they are when the service user reaches them", () => {
    expect(decideRootPostgresPlacement({ ...privateCheckout, binariesReachable: true, dataReachable: true })).toEqual({
      ok: true,
      copyBinaries: false,
      dataDir: privateCheckout.requestedDataDir,
      dataRelocated: false,
    });
  });

  it("copies the binaries and keeps the data in the checkout's folder when the checkout is private", () => {
    expect(decideRootPostgresPlacement(privateCheckout)).toEqual({
      ok: true,
      copyBinaries: true,
      dataDir: `${folder}/.data/postgres`,
      dataRelocated: true,
    });
  });

  it("finds the data kept there again, even once the checkout has been opened up", () => {
    const kept = { ...privateCheckout, dataExistsRelocated: true };
    expect(decideRootPostgresPlacement(kept)).toMatchObject({ dataDir: `${folder}/.data/postgres` });
    expect(
      decideRootPostgresPlacement({ ...kept, binariesReachable: true, dataReachable: true, dataExistsInPlace: true }),
    ).toEqual({ ok: true, copyBinaries: false, dataDir: `${folder}/.data/postgres`, dataRelocated: true });
  });

  it("copies only what is out of reach", () => {
    expect(decideRootPostgresPlacement({ ...privateCheckout, dataReachable: true })).toMatchObject({
      copyBinaries: true,
      dataRelocated: false,
    });
    expect(decideRootPostgresPlacement({ ...privateCheckout, binariesReachable: true })).toMatchObject({
      copyBinaries: false,
      dataRelocated: true,
    });
  });

  it("refuses, saying what to do, rather than start an empty database beside data it cannot reach", () => {
    const decision = decideRootPostgresPlacement({ ...privateCheckout, dataExistsInPlace: true });
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.message).toContain(`move that folder to ${folder}/.data/postgres`);
    expect(decision.message.split(". ")).toHaveLength(1);
  });

  it("throws away unreachable test data instead of refusing", () => {
    const throwaway = { ...privateCheckout, throwaway: true, dataExistsInPlace: true };
    expect(decideRootPostgresPlacement(throwaway)).toMatchObject({ ok: true, dataDir: `${folder}/.data/postgres` });
  });

  it("puts throwaway data where the other processes of the run will look for it", () => {
    const opened = { ...privateCheckout, binariesReachable: true, dataReachable: true, dataExistsRelocated: true };
    const forApp = decideRootPostgresPlacement({ ...opened, throwaway: true });
    expect(forApp).toEqual(decideRootPostgresPlacement(opened));
    expect(forApp).toMatchObject({ dataDir: `${folder}/.data/postgres` });
  });

  it("refuses an unreachable CERTDESK_DATA_DIR outside the checkout, naming the setting", () => {
    const decision = decideRootPostgresPlacement({
      ...privateCheckout,
      requestedDataDir: "/root/pgdata",
      relocatedDataDir: null,
    });
    expect(decision).toEqual({ ok: false, message: expect.stringContaining("set CERTDESK_DATA_DIR") });
  });
});
