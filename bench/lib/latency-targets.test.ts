import { describe, expect, it } from "vitest";
import { issue20Verdicts, type LatencySample, SIGN_IN_FLOOR, withRatios } from "./latency-targets";

const sample = (target: string, certificates: number, connections: number, p50Ms: number, p95Ms: number) =>
  ({
    target,
    floor: target === SIGN_IN_FLOOR,
    certificates,
    path: "/",
    connections,
    requests: 100,
    non2xx: 0,
    requestsPerSecond: 10,
    p50Ms,
    p95Ms,
    p99Ms: p95Ms,
  }) satisfies LatencySample;

const samples = withRatios([
  sample(SIGN_IN_FLOOR, 10_000, 1, 10, 20),
  sample(SIGN_IN_FLOOR, 10_000, 10, 50, 100),
  sample("My Certificates page", 10_000, 1, 19, 40),
  sample("My Certificates page", 10_000, 10, 300, 250),
  sample(SIGN_IN_FLOOR, 100_000, 1, 12, 24),
  sample("My Certificates page", 100_000, 1, 30, 60),
]);

describe("latency ratios", () => {
  it("read p50 at one connection and p95 under load against the floor of the same run", () => {
    const page = samples.filter((s) => s.target === "My Certificates page");
    expect(page.map((s) => s.ratioToFloor)).toEqual([1.9, 2.5, 2.5]);
    expect(samples.find((s) => s.target === SIGN_IN_FLOOR)?.ratioToFloor).toBeUndefined();
  });

  it("read the larger account against the same page at the smallest", () => {
    const large = samples.find((s) => s.target === "My Certificates page" && s.certificates === 100_000);
    expect(large?.ratioToSmallest).toBeCloseTo(30 / 19);
  });

  it("say which of issue 20's targets hold", () => {
    expect(issue20Verdicts(samples)).toEqual([
      {
        benchmark: "My Certificates page / sign-in floor, 10k @1",
        figure: "p50 1.90× (19.0 / 10.0 ms); target ≤ 2×",
        holds: true,
      },
      {
        benchmark: "My Certificates page / sign-in floor, 10k @10",
        figure: "p95 2.50× (250.0 / 100.0 ms); target ≤ 2×",
        holds: false,
      },
      {
        benchmark: "My Certificates page, 100k / 10k @1",
        figure: "p50 1.58× (30.0 / 19.0 ms); target ≤ 1.5×",
        holds: false,
      },
    ]);
  });
});
